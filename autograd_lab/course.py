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
        minutes=45,
    ),
    Topic(
        2,
        {"en": "vector_outputs", "pt": "saidas_vetoriais"},
        {
            "en": "backward on vector outputs",
            "pt": "backward em saídas vetoriais",
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
        minutes=40,
    ),
    Topic(
        4,
        {"en": "detach", "pt": "interrompendo_gradientes"},
        {
            "en": "Stopping gradients with detach()",
            "pt": "Interrompendo gradientes com detach()",
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
        minutes=45,
    ),
    Topic(
        6,
        {"en": "higher_order", "pt": "ordem_superior"},
        {
            "en": "Higher-order derivatives",
            "pt": "Derivadas de ordem superior",
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
