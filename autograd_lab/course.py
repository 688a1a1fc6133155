"""The course's table of contents: one entry per topic, in both languages.

Every path in the repository that belongs to a topic is derived from this
table, so the lecture notebooks, the nbgrader assignments and the READMEs
cannot disagree about names.  Standard library only (the bootstrap imports it
before the virtual environment exists).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "pt")

# The name of the assignment notebook inside each assignment folder.
EXERCISES_NOTEBOOK = {"en": "exercises.ipynb", "pt": "exercicios.ipynb"}


@dataclass(frozen=True)
class Topic:
    number: int
    slug: dict  # language -> file-name stem, e.g. {"en": "dot_product", ...}
    title: dict  # language -> human title
    summary: dict  # language -> what the topic teaches, in a line
    minutes: int  # about how long the lecture plus the assignment take

    def stem(self, lang: str) -> str:
        """``01_dot_product``: the name shared by the lecture and the assignment."""
        return f"{self.number:02d}_{self.slug[lang]}"

    def lecture(self, lang: str, root: Path = ROOT) -> Path:
        return root / "notebooks" / lang / f"{self.stem(lang)}.ipynb"

    def assignment(self, lang: str) -> str:
        """The nbgrader assignment name (a folder of ``source/`` and ``release/``)."""
        return self.stem(lang)

    def source(self, lang: str, root: Path = ROOT) -> Path:
        return root / "source" / self.assignment(lang) / EXERCISES_NOTEBOOK[lang]

    def release(self, lang: str, root: Path = ROOT) -> Path:
        return root / "release" / self.assignment(lang) / EXERCISES_NOTEBOOK[lang]


TOPICS = (
    Topic(
        1,
        {"en": "dot_product", "pt": "produto_escalar"},
        {
            "en": "The gradient of a dot product",
            "pt": "O gradiente de um produto escalar",
        },
        {
            "en": "Turn on gradient tracking with `requires_grad_`, run `backward()`, see why the gradient of `2 * torch.dot(x, x)` is `4x`, and why gradients accumulate until you call `zero_()`.",
            "pt": "Ligue o rastreamento de gradientes com `requires_grad_`, rode `backward()`, entenda por que o gradiente de `2 * torch.dot(x, x)` é `4x` e por que os gradientes se acumulam até você chamar `zero_()`.",
        },
        minutes=45,
    ),
    Topic(
        2,
        {"en": "vector_outputs", "pt": "saidas_vetoriais"},
        {
            "en": "backward on vector outputs",
            "pt": "backward em saídas vetoriais",
        },
        {
            "en": "Why `y.backward()` needs a scalar, what `gradient=` really is (the weights of a vector-Jacobian product) and why `y.sum().backward()` does the same as a vector of ones.",
            "pt": "Por que `y.backward()` precisa de um escalar, o que `gradient=` realmente é (os pesos de um produto vetor-jacobiana) e por que `y.sum().backward()` equivale a um vetor de uns.",
        },
        minutes=45,
    ),
    Topic(
        3,
        {"en": "partial_derivatives", "pt": "derivadas_parciais"},
        {
            "en": "Partial derivatives of a two-variable function",
            "pt": "Derivadas parciais de uma função de duas variáveis",
        },
        {
            "en": "The partial derivatives of `3·x1² + 5·e^x2`, each in its own `.grad`, stacked into a gradient and drawn as a field; why `torch.exp` and not `math.exp`.",
            "pt": "As derivadas parciais de `3·x1² + 5·e^x2`, cada uma no seu `.grad`, empilhadas num gradiente e desenhadas como um campo; por que `torch.exp` e não `math.exp`.",
        },
        minutes=40,
    ),
    Topic(
        4,
        {"en": "detach", "pt": "interrompendo_gradientes"},
        {
            "en": "Stopping gradients with detach()",
            "pt": "Interrompendo gradientes com detach()",
        },
        {
            "en": "Treat a value as a constant with `detach()`, compare it with `torch.no_grad()`, watch out for shared storage, and stop gradients on purpose.",
            "pt": "Trate um valor como constante com `detach()`, compare com `torch.no_grad()`, cuidado com a memória compartilhada e interrompa gradientes de propósito.",
        },
        minutes=40,
    ),
    Topic(
        5,
        {"en": "control_flow", "pt": "fluxo_de_controle"},
        {
            "en": "Gradients through Python control flow",
            "pt": "Gradientes através do fluxo de controle do Python",
        },
        {
            "en": "Loops and `if`s build the graph of the code that actually ran: gradients of piecewise functions, and what changes when the input is a vector.",
            "pt": "Laços e `if`s constroem o grafo do código que de fato rodou: gradientes de funções definidas por partes e o que muda quando a entrada é um vetor.",
        },
        minutes=45,
    ),
    Topic(
        6,
        {"en": "higher_order", "pt": "ordem_superior"},
        {
            "en": "Higher-order derivatives",
            "pt": "Derivadas de ordem superior",
        },
        {
            "en": "Second and third derivatives with `torch.autograd.grad(..., create_graph=True)`, Hessians, and why a second derivative costs more than the first.",
            "pt": "Segundas e terceiras derivadas com `torch.autograd.grad(..., create_graph=True)`, hessianas e por que a derivada segunda custa mais que a primeira.",
        },
        minutes=50,
    ),
)


def topic(number: int) -> Topic:
    for t in TOPICS:
        if t.number == number:
            return t
    raise KeyError(f"no topic {number}")


def existing_topics(root: Path = ROOT) -> list:
    """Topics whose English lecture notebook exists (the series grows topic by topic)."""
    return [t for t in TOPICS if t.lecture("en", root).exists()]
