"""The course's nbgrader_config.py does what the README says, through the real nbgrader.

A small assignment written here (independent of the course content) is
generated and autograded in a temporary course with the course's own
configuration file.
"""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from autograd_lab import grading
from autograd_lab.course import ROOT

NAME = "toy"
NB = "toy.ipynb"


def _meta(**flags):
    return {"nbgrader": {"schema_version": 3, "grade": False, "solution": False, "locked": False, **flags}}


def toy_notebook(lang: str):
    nb = new_notebook()
    nb.metadata.update(
        kernelspec={"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        language_info={"name": "python"},
        autograd_lab={"lang": lang, "topic": 1, "kind": "assignment"},
    )
    nb.cells = [
        new_markdown_cell("# Toy", id="intro", metadata=_meta(locked=True, grade_id="intro")),
        new_code_cell("import torch", id="setup", metadata=_meta(locked=True, grade_id="setup")),
        new_code_cell(
            "def doubled_grad(values):\n"
            "    ### BEGIN SOLUTION\n"
            "    x = torch.tensor(values, requires_grad=True)\n"
            "    y = (2 * x).sum()\n"
            "    y.backward()\n"
            "    return x.grad\n"
            "    ### END SOLUTION",
            id="ex1-answer",
            metadata=_meta(solution=True, grade_id="ex1_answer"),
        ),
        new_code_cell(
            "assert torch.allclose(doubled_grad([1.0, 2.0]), torch.tensor([2.0, 2.0])), 'wrong'\n"
            "### BEGIN HIDDEN TESTS\n"
            "assert torch.allclose(doubled_grad([5.0]), torch.tensor([2.0]))\n"
            "### END HIDDEN TESTS",
            id="ex1-tests",
            metadata=_meta(grade=True, locked=True, grade_id="ex1_tests", points=2),
        ),
    ]
    return nb


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = tmp_path_factory.mktemp("config-course")
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    for lang in ("en", "pt"):
        path = course / "source" / f"{NAME}_{lang}" / NB
        path.parent.mkdir(parents=True)
        nbformat.write(toy_notebook(lang), path)
        grading.nbgrader(course, "generate_assignment", f"{NAME}_{lang}", "--force")
    return course


def _release(course, lang):
    return json.loads((course / "release" / f"{NAME}_{lang}" / NB).read_text(encoding="utf-8"))


def _submit(course, lang, student, nb):
    folder = course / "submitted" / student / f"{NAME}_{lang}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / NB).write_text(json.dumps(nb), encoding="utf-8")


def _answer(nb, code):
    nb = json.loads(json.dumps(nb))
    for cell in nb["cells"]:
        if grading.is_solution(cell):
            cell["source"] = code
    return nb


RIGHT = (
    "def doubled_grad(values):\n"
    "    x = torch.tensor(values, requires_grad=True)\n"
    "    y = (2 * x).sum()\n"
    "    y.backward()\n"
    "    return x.grad\n"
)
# Right answer that makes PyTorch print a real UserWarning on stderr while the
# test cell runs (reading .grad of a non-leaf tensor).
RIGHT_WITH_TORCH_WARNING = (
    "def doubled_grad(values):\n"
    "    x = torch.tensor(values, requires_grad=True)\n"
    "    twice = 2 * x\n"
    "    twice.sum().backward()\n"
    "    _ = twice.grad  # UserWarning: not a leaf tensor\n"
    "    return x.grad\n"
)
WRONG = RIGHT.replace("return x.grad", "return x")


def test_student_stub_is_in_the_notebooks_language(course):
    for lang, stub in (("en", "# YOUR CODE HERE"), ("pt", "# SEU CÓDIGO AQUI")):
        answer = next(c for c in _release(course, lang)["cells"] if grading.is_solution(c))
        assert stub in grading.cell_source(answer)
        assert "raise NotImplementedError()" in grading.cell_source(answer)


def test_config_values(course):
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    assert config.CourseDirectory.course_id == "autograd-lab"
    assert config.Execute.timeout == 60
    assert config.IgnorePattern.enabled is True
    assert config.OverwriteCells.add_missing_cells is True
    assert config.Validator.width >= 400


def test_warnings_on_stderr_do_not_zero_a_right_answer_and_deleted_tests_come_back(course):
    lang = "en"
    release = _release(course, lang)
    _submit(course, lang, "right", _answer(release, RIGHT))
    _submit(course, lang, "right-with-warning", _answer(release, RIGHT_WITH_TORCH_WARNING))
    deleted = _answer(release, WRONG)
    deleted["cells"] = [c for c in deleted["cells"] if grading.grade_id(c) != "ex1_tests"]
    _submit(course, lang, "wrong-tests-deleted", deleted)
    deleted_right = _answer(release, RIGHT)
    deleted_right["cells"] = [c for c in deleted_right["cells"] if grading.grade_id(c) != "ex1_tests"]
    _submit(course, lang, "right-tests-deleted", deleted_right)
    grading.nbgrader(course, "autograde", f"{NAME}_{lang}", "--force")

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        def score(student):
            nb = gb.find_submission_notebook("toy", f"{NAME}_{lang}", student)
            return nb.score, nb.needs_manual_grade

        assert score("right") == (2.0, False)
        assert score("right-with-warning") == (2.0, False)
        assert score("wrong-tests-deleted") == (0.0, False)
        assert score("right-tests-deleted") == (2.0, False)


def test_without_the_ignore_pattern_that_warning_would_cost_the_points(course):
    """Proof that the warning above is real: nbgrader's default zeroes the right answer."""
    lang = "pt"
    _submit(course, lang, "right-with-warning", _answer(_release(course, lang), RIGHT_WITH_TORCH_WARNING))
    grading.nbgrader(course, "autograde", f"{NAME}_{lang}", "--force", "--IgnorePattern.enabled=False")
    graded = json.loads(
        (course / "autograded" / "right-with-warning" / f"{NAME}_{lang}" / NB).read_text(encoding="utf-8")
    )
    stderr = ["".join(o["text"]) for c in graded["cells"] for o in c.get("outputs", []) if o.get("name") == "stderr"]
    assert any("UserWarning" in text for text in stderr)
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        assert gb.find_submission_notebook("toy", f"{NAME}_{lang}", "right-with-warning").score == 0.0
