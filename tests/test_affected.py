"""The contributors' loop (``python3.11 -m autograd_lab check``) selects the tests of what changed.

The selection is checked on pytest's own collection: a changed Portuguese
lecture brings its English twin's cells (nbval) and the pair's parity and
lecture tests, and not another topic's; a changed catalogue brings both
languages of its assignment; a change to the package is reported as skipped.
"""

from __future__ import annotations

import subprocess
import sys

from autograd_lab.affected import plan_for
from autograd_lab.course import ROOT, topic


def _collected(arguments: list) -> list:
    completed = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0",
                                *arguments], cwd=ROOT, capture_output=True, text=True)
    return [line for line in completed.stdout.splitlines() if "::" in line]


def test_a_changed_lecture_selects_its_twin_and_nothing_of_another_topic():
    three = topic(3)
    plan = plan_for([str(three.lecture("pt").relative_to(ROOT))])
    assert plan.lectures == [three.lecture("en"), three.lecture("pt")]
    assert not plan.assignments and not plan.skipped
    ids = _collected(plan.pytest_arguments())
    english = str(three.lecture("en").relative_to(ROOT))
    assert any(i.startswith(english + "::") for i in ids), "the twin's cells are not run through nbval"
    assert "tests/test_parity.py::test_languages_are_in_sync[lecture-3]" in ids
    assert any("test_lectures.py" in i and "[03-en]" in i for i in ids)
    assert not any("lecture-4" in i or "04_" in i or "[04-" in i for i in ids)


def test_a_changed_catalogue_selects_both_assignments_of_its_topic():
    two = topic(2)
    plan = plan_for(["autograd_lab/wrong_answers/topic2.py"])
    assert plan.assignments == [two.assignment("en"), two.assignment("pt")]
    ids = _collected(plan.pytest_arguments())
    for lang in ("en", "pt"):
        assert any(f"TestAssignment_{two.assignment(lang)}::" in i for i in ids)
    assert not any("TestAssignment_01_" in i for i in ids)


def test_what_the_loop_cannot_judge_is_reported_as_skipped():
    plan = plan_for(["autograd_lab/grader/runner.py", "README.md"])
    assert plan.skipped == ["autograd_lab/grader/runner.py"]
    assert plan.docs
