"""The catalogue of common wrong answers, one module per topic (``topic1`` ... ``topic6``).

Each entry is a real misconception, typed into one solution cell of the
assignment (the same code in both languages).  The tests autograde every
entry with the real nbgrader and require that it loses all the points of its
exercise and only those, and that the feedback names the mistake (``hint``,
a piece of the failure message in each language).  The benchmark reuses the
catalogue to build a synthetic class.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class WrongAnswer:
    cell: str  # grade id of the solution cell the code goes in, e.g. "ex1_answer"
    name: str  # short identifier, e.g. "forgot_zero_grad"
    misconception: str  # what the student believed, in a sentence
    code: str  # what the student typed in that cell
    hint: dict = field(default_factory=dict)  # language -> part of the failure message shown

    @property
    def exercise(self) -> str:
        return self.cell.split("_", 1)[0]


def catalogue(topic_number: int) -> list:
    """The wrong answers of a topic (an empty list if it has no module yet)."""
    try:
        module = importlib.import_module(f"{__name__}.topic{topic_number}")
    except ModuleNotFoundError:
        return []
    return list(module.WRONG_ANSWERS)
