"""The catalogue of wrong answers, one module per topic (``topic1`` ... ``topic6``).

Each entry is code a student types into one solution cell of the assignment
(the same code in both languages), of one of these kinds:

* ``misconception``: a real misunderstanding of autograd (gradients that
  overwrite, ``J @ v`` for ``v @ J``, ``math.exp`` in a graph...);
* ``literal``: the numbers copied from running the code (the lecture's, the
  exercise's own, or the visible test's), typed in as constants;
* ``formula``: a derivative worked out by hand where the prompt asks for
  autograd;
* ``shortcut``: any other way to the points without the understanding the
  exercise is about: finite differences, a forbidden API, the lecture's
  snippet pasted unchanged, an object that only pretends to be a tensor.

The tests autograde every entry with the real nbgrader and require that it
loses exactly the points of ``loses`` (by default every graded cell of its
exercise) and keeps all the others, and that the feedback names the mistake
(``hint``, a piece of the failure message in each language).  Every exercise
has at least two misconceptions and three shortcuts, among them a
``literal`` one and, unless the exercise is a prediction (the student writes
what they expect by hand: ``PREDICTIONS`` in the topic's module), a
``formula`` one.  The benchmark reuses the catalogue to build a synthetic
class.

A topic's module may also list ``RIGHT_ANSWERS``: other correct ways to
answer (``math.e ** x`` where the reference writes ``torch.exp``, say), as a
dict name -> (solution cell, code).  The tests grade them too, and each must
get full marks: the checks that refuse shortcuts must not refuse
understanding written another way.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field


KINDS = ("misconception", "literal", "formula", "shortcut")
SHORTCUT_KINDS = ("literal", "formula", "shortcut")


@dataclass(frozen=True)
class WrongAnswer:
    cell: str  # grade id of the solution cell the code goes in, e.g. "ex1_answer"
    name: str  # short identifier, unique in the topic, e.g. "forgot_zero_grad"
    misconception: str  # what the student believed or did, in a sentence
    code: str  # what the student typed in that cell
    hint: dict = field(default_factory=dict)  # language -> part of the failure message shown
    kind: str = "misconception"  # one of KINDS
    loses: tuple = ()  # grade ids of the graded cells it loses; () means every one of its exercise

    @property
    def exercise(self) -> str:
        return self.cell.split("_", 1)[0]

    @property
    def is_shortcut(self) -> bool:
        return self.kind in SHORTCUT_KINDS

    def lost_cells(self, graded_ids) -> set:
        """The graded cells this answer must score 0 on, among ``graded_ids``."""
        return set(self.loses) or {gid for gid in graded_ids if gid.split("_", 1)[0] == self.exercise}

    def expected_scores(self, reference: dict) -> dict:
        """Grade id -> the points this answer must get, given the reference's points per grade id."""
        lost = self.lost_cells(reference)
        return {gid: (0.0 if gid in lost else points) for gid, points in reference.items()}


def catalogue(topic_number: int) -> list:
    """The wrong answers of a topic (an empty list if it has no module yet)."""
    try:
        module = importlib.import_module(f"{__name__}.topic{topic_number}")
    except ModuleNotFoundError:
        return []
    return list(module.WRONG_ANSWERS)


def right_answers(topic_number: int) -> dict:
    """Other correct answers of a topic: name -> (solution cell, code); each must get full marks."""
    try:
        module = importlib.import_module(f"{__name__}.topic{topic_number}")
    except ModuleNotFoundError:
        return {}
    return dict(getattr(module, "RIGHT_ANSWERS", {}))


def predictions(topic_number: int) -> tuple:
    """The exercises of a topic whose answer is a prediction written by hand (no autograd)."""
    try:
        module = importlib.import_module(f"{__name__}.topic{topic_number}")
    except ModuleNotFoundError:
        return ()
    return tuple(getattr(module, "PREDICTIONS", ()))
