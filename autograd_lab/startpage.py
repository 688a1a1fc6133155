"""The start pages JupyterLab opens on: one Markdown index per language.

They are generated from the table of topics (``course.py``), so titles,
summaries and times cannot disagree with the rest of the course:
``python3.11 -m autograd_lab start-pages`` rewrites them and a test checks
that the committed files are up to date.
"""

from __future__ import annotations

from pathlib import Path

from .course import EXERCISES_NOTEBOOK, ROOT, TOPICS

PAGES = {"en": "notebooks/START_HERE.md", "pt": "notebooks/COMECE_AQUI.md"}

TEXT = {
    "en": {
        "title": "# Autograd Lab: start here",
        "other": "*Em português: [COMECE_AQUI.md](COMECE_AQUI.md).*",
        "intro": (
            "This course teaches **automatic differentiation** on the real PyTorch autograd engine. "
            "Each topic is a lecture notebook, where every statement is shown by code and checked "
            "against the analytic derivative, followed by exercises that are graded automatically. "
            "Do the topics in order: each one builds on the previous one."
        ),
        "series": "## The series",
        "header": "| # | Lecture | Exercises | What you will learn | Time |\n|---|---|---|---|---|",
        "exercises": "exercises",
        "how": "## How to do and check an assignment",
        "steps": [
            "Read the lecture notebook first, running each cell (**Shift+Enter**).",
            "Open the exercises notebook. Write your answer in the cell that says "
            "`# YOUR CODE HERE`, in place of `raise NotImplementedError()`.",
            "Run the test cell right below your answer. If it prints nothing, the visible tests pass; "
            "if it fails, its message says what it found and what to check.",
            "Before you hand in, use **Validate** in the notebook toolbar: it runs the whole notebook "
            "and lists what still fails. Restart the kernel and run everything once "
            "(**Kernel → Restart Kernel and Run All Cells**) to be sure the notebook works top to bottom.",
            "When your instructor grades, hidden tests also try your answer on other inputs: "
            "write code that computes the answer, not the number the visible test expects.",
        ],
        "minutes": "min",
    },
    "pt": {
        "title": "# Autograd Lab: comece aqui",
        "other": "*In English: [START_HERE.md](START_HERE.md).*",
        "intro": (
            "Este curso ensina **diferenciação automática** no motor de autograd de verdade do PyTorch. "
            "Cada tópico tem um notebook de aula, em que toda afirmação é mostrada por código e "
            "conferida com a derivada analítica, seguido de exercícios corrigidos automaticamente. "
            "Siga os tópicos na ordem: cada um se apoia no anterior."
        ),
        "series": "## A série",
        "header": "| # | Aula | Exercícios | O que você vai aprender | Tempo |\n|---|---|---|---|---|",
        "exercises": "exercícios",
        "how": "## Como fazer e conferir uma tarefa",
        "steps": [
            "Leia primeiro o notebook da aula, executando cada célula (**Shift+Enter**).",
            "Abra o notebook de exercícios. Escreva sua resposta na célula que diz "
            "`# SEU CÓDIGO AQUI`, no lugar de `raise NotImplementedError()`.",
            "Execute a célula de teste logo abaixo da sua resposta. Se ela não mostrar nada, os testes "
            "visíveis passaram; se falhar, a mensagem diz o que encontrou e o que conferir.",
            "Antes de entregar, clique em **Validate** na barra do notebook: ele executa o notebook "
            "inteiro e lista o que ainda falha. Reinicie o kernel e execute tudo uma vez "
            "(**Kernel → Restart Kernel and Run All Cells**) para ter certeza de que o notebook "
            "funciona do começo ao fim.",
            "Na correção do professor, testes ocultos também experimentam sua resposta com outras "
            "entradas: escreva código que calcula a resposta, e não o número que o teste visível espera.",
            "Para ver o JupyterLab em português: **Settings → Language → Português (Brasil)**.",
        ],
        "minutes": "min",
    },
}


def render(lang: str) -> str:
    text = TEXT[lang]
    lines = [text["title"], "", text["other"], "", text["intro"], "", text["series"], "", text["header"]]
    for topic in TOPICS:
        lecture = topic.lecture(lang, Path("."))
        exercises = Path("..") / "release" / topic.assignment(lang) / EXERCISES_NOTEBOOK[lang]
        lines.append(
            f"| {topic.number} | [{topic.title[lang]}]({lecture.relative_to('notebooks').as_posix()}) "
            f"| [{text['exercises']}]({exercises.as_posix()}) | {topic.summary[lang]} "
            f"| {topic.minutes} {text['minutes']} |"
        )
    lines += ["", text["how"], ""]
    lines += [f"{i}. {step}" for i, step in enumerate(text["steps"], 1)]
    return "\n".join(lines) + "\n"


def write_all(root: Path = ROOT) -> None:
    for lang, page in PAGES.items():
        (root / page).write_text(render(lang), encoding="utf-8")
        print(f"{page} written", flush=True)
