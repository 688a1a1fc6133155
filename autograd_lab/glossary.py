"""One term per concept, in each language: the course's glossary.

Each entry names a concept, the term the course uses for it in English and in
Portuguese, and the variants it does not use (regular expressions, matched
case-insensitively on word boundaries).  ``tests/test_glossary.py`` rejects
every variant in the course's text in that language (lecture notebooks,
assignments, the catalogue's hints, start pages and READMEs) and checks that
the glossary table of both READMEs is this one.  Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    concept: dict  # language -> what the term means, for the READMEs' tables
    en: str
    pt: str
    rejected_en: tuple = ()
    rejected_pt: tuple = ()


GLOSSARY = (
    Term({"en": "the pass that computes gradients", "pt": "a passagem que calcula os gradientes"}, "backward pass", "retropropagação",
         rejected_en=(r"backwards pass", r"back-?prop\b"),
         rejected_pt=(r"passagem para trás", r"passo backward", r"propagação reversa")),
    Term({"en": "the record of operations autograd keeps", "pt": "o registro das operações que o autograd guarda"}, "computational graph", "grafo computacional",
         rejected_en=(r"computation graph",), rejected_pt=(r"grafo de computação", r"gráfico computacional")),
    Term({"en": "a tensor created by the user, not by an operation", "pt": "um tensor criado pelo usuário, não por uma operação"}, "leaf tensor", "tensor folha",
         rejected_pt=(r"tensor-folha", r"nó folha")),
    Term({"en": "an operation that changes a tensor's own memory", "pt": "uma operação que altera a memória do próprio tensor"}, "in-place", "in-place",
         rejected_pt=(r"no próprio lugar", r"\bin loco\b", r"local(mente)? \(in-place\)")),
    Term({"en": "a function autograd calls with a gradient", "pt": "uma função que o autograd chama com um gradiente"}, "hook", "hook", rejected_pt=(r"gancho",)),
    Term({"en": "to draw a function or data", "pt": "desenhar uma função ou dados"}, "plot", "fazer o gráfico",
         rejected_pt=(r"plotar", r"plotad[oa]s?", r"plotagem")),
    Term({"en": "one of the numbers of a vector", "pt": "um dos números de um vetor"}, "component", "o componente",
         rejected_pt=(r"(?<!componente )\b(a|as|uma|da|das|na|nas|pela|pelas) componentes?\b",)),
    Term({"en": "the sine function, in formulas and figure labels", "pt": "a função seno, em fórmulas e rótulos de figuras"}, "sin", "sin",
         rejected_pt=(r"\bsen\b",)),
    Term({"en": "what PyTorch does with an error", "pt": "o que o PyTorch faz com um erro"}, "raises", "levanta",
         rejected_en=(r"PyTorch answers", r"PyTorch replies"),
         rejected_pt=(r"PyTorch responde", r"PyTorch reclama", r"PyTorch dispara")),
    Term({"en": "the matrix of first derivatives", "pt": "a matriz das derivadas primeiras"}, "Jacobian", "jacobiana", rejected_pt=(r"matriz jacobiano",)),
    Term({"en": "the matrix of second derivatives", "pt": "a matriz das derivadas segundas"}, "Hessian", "hessiana", rejected_pt=(r"matriz hessiano",)),
    Term({"en": "the derivative of the derivative", "pt": "a derivada da derivada"}, "second derivative", "derivada segunda",
         rejected_pt=(r"segunda derivada",)),
    Term({"en": "a Python loop", "pt": "um laço do Python"}, "loop", "laço", rejected_pt=(r"\bloops?\b",)),
    Term({"en": "one side of an if", "pt": "um dos lados de um if"}, "branch", "ramo", rejected_pt=(r"\bgalhos?\b",)),
    Term({"en": "the pass that computes the outputs", "pt": "a passagem que calcula as saídas"},
         "forward pass", "passagem direta",
         rejected_pt=(r"passagem para (a )?frente", r"propagação direta")),
    Term({"en": "autograd carrying derivatives from the inputs to the outputs",
          "pt": "o autograd levando derivadas das entradas às saídas"},
         "forward mode", "modo direto",
         rejected_pt=(r"modo progressivo", r"modo para (a )?frente", r"modo forward")),
    Term({"en": "autograd carrying derivatives from the outputs back to the inputs",
          "pt": "o autograd levando derivadas das saídas de volta às entradas"},
         "reverse mode", "modo reverso",
         rejected_pt=(r"modo inverso", r"modo para trás", r"modo backward")),
    Term({"en": "a derivative estimated from values at nearby points",
          "pt": "uma derivada estimada a partir de valores em pontos próximos"},
         "finite differences", "diferenças finitas", rejected_pt=(r"diferenças-finitas",)),
    Term({"en": "what training makes small", "pt": "o que o treinamento torna pequeno"},
         "loss", "perda", rejected_pt=(r"função de custo",)),
    Term({"en": "the size of a gradient descent step", "pt": "o tamanho de um passo da descida do gradiente"},
         "learning rate", "taxa de aprendizado", rejected_pt=(r"taxa de aprendizagem",)),
)
