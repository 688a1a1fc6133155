"""The rules every assignment follows, read from its source and release notebooks.

These are the rules of "Exercises that only understanding can pass" that can
be checked without running anything (tests/test_assignments.py grades every
catalogued wrong answer with the real nbgrader):

* one title pattern, ``# Exercises N: ...`` / ``# Exercícios N: ...``;
* every exercise's heading gives its points, and they are the points of its
  graded cells; prediction exercises (``PREDICTIONS`` of the topic's
  catalogue) say so in their heading, are at most one per assignment and
  worth at most 2 points;
* grade ids start with their exercise, one solution cell per exercise, test
  cells named ``exN_tests`` or ``exN_tests_ANSWER`` (one graded cell per
  answer);
* no visible test cell holds a line of the solution (neither as code nor
  spelled out in a failure message);
* every copy of a helper of :mod:`autograd_lab.exercise_kit` in a test cell is
  that helper's code (string literals, the messages, may be translated);
* no line of a test cell is longer than ``TEST_LINE`` characters: a failing
  test's traceback shows the lines around the failure, and in JupyterLab and
  the Validate dialog they must fit without sideways scrolling (the messages
  themselves are wrapped shorter, see autograd_lab/messages.py).
"""

from __future__ import annotations

import ast
import inspect
import re

import pytest
from autograd_lab import exercise_kit, grading, parity
from autograd_lab.wrong_answers import predictions

ASSIGNMENTS = grading.assignments()
IDS = [name for _, _, name in ASSIGNMENTS]
TITLE = {"en": re.compile(r"^# Exercises (\d+): \S"), "pt": re.compile(r"^# Exercícios (\d+): \S")}
HEADING = {
    "en": re.compile(r"^## Exercise (\d+)(?P<prediction> \(prediction\))?: .+ \((?P<points>\d+) points?\)$"),
    "pt": re.compile(r"^## Exercício (\d+)(?P<prediction> \(previsão\))?: .+ \((?P<points>\d+) pontos?\)$"),
}
GRADE_ID = re.compile(r"^ex\d+_(answer|prompt|tests(_[a-z0-9_]+)?)$")
TEST_LINE = 110
KIT_NAMES = ("_plain", "_Watch", "_through", "_marked", "_names_used", "_random_function")


def _cells(path):
    return grading.read_nb(path)["cells"]


def _exercise_cells(cells):
    """Exercise -> its cells, in order (cells whose grade id starts with exN_)."""
    found = {}
    for cell in cells:
        gid = grading.grade_id(cell) or ""
        if re.match(r"^ex\d+_", gid):
            found.setdefault(grading.exercise_of(gid), []).append(cell)
    return found


@pytest.mark.parametrize("topic, lang, name", ASSIGNMENTS, ids=IDS)
def test_title_follows_the_pattern(topic, lang, name):
    first = grading.cell_source(_cells(topic.source(lang))[0]).splitlines()[0]
    match = TITLE[lang].match(first)
    assert match and int(match.group(1)) == topic.number, f"{name}: title {first!r}"


@pytest.mark.parametrize("topic, lang, name", ASSIGNMENTS, ids=IDS)
def test_headings_give_the_points_and_label_predictions(topic, lang, name):
    exercises = _exercise_cells(_cells(topic.source(lang)))
    problems = []
    predicted = set(predictions(topic.number))
    for exercise, cells in exercises.items():
        prompt = [c for c in cells if c["cell_type"] == "markdown"]
        heading = grading.cell_source(prompt[0]).splitlines()[0] if prompt else ""
        match = HEADING[lang].match(heading)
        if not match:
            problems.append(f"{exercise}: heading {heading!r} does not follow the pattern")
            continue
        if int(match.group(1)) != int(exercise[2:]):
            problems.append(f"{exercise}: heading numbers it {match.group(1)}")
        points = sum(c["metadata"]["nbgrader"].get("points", 0) for c in cells if grading.is_graded(c))
        if int(match.group("points")) != points:
            problems.append(f"{exercise}: heading says {match.group('points')} points, its tests give {points}")
        if bool(match.group("prediction")) != (exercise in predicted):
            problems.append(f"{exercise}: labelled a prediction in the heading iff it is in PREDICTIONS")
        if exercise in predicted and points > 2:
            problems.append(f"{exercise}: a prediction worth {points} points (at most 2)")
    assert len(predicted) <= 1, f"more than one prediction exercise: {predicted}"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("topic, lang, name", ASSIGNMENTS, ids=IDS)
def test_grade_ids_one_answer_cell_and_test_cells_per_exercise(topic, lang, name):
    problems = []
    for exercise, cells in _exercise_cells(_cells(topic.source(lang))).items():
        for cell in cells:
            gid = grading.grade_id(cell)
            if not GRADE_ID.match(gid):
                problems.append(f"{gid}: not exN_prompt, exN_answer, exN_tests or exN_tests_ANSWER")
        answers = [c for c in cells if grading.is_solution(c)]
        tests = [c for c in cells if grading.is_graded(c)]
        if len(answers) != 1 or grading.grade_id(answers[0]) != f"{exercise}_answer":
            problems.append(f"{exercise}: needs exactly one solution cell, {exercise}_answer")
        if not tests:
            problems.append(f"{exercise}: no graded test cell")
        if any(grading.cell_source(c).count("### BEGIN HIDDEN TESTS") != 1 for c in tests):
            problems.append(f"{exercise}: every test cell has visible and hidden tests")
    assert not problems, "\n".join(problems)


def _solution_lines(cell) -> list:
    """The lines between BEGIN and END SOLUTION, without comments, whitespace squeezed out."""
    lines, inside = [], False
    for line in grading.cell_source(cell).splitlines():
        if "### BEGIN SOLUTION" in line:
            inside = True
        elif "### END SOLUTION" in line:
            inside = False
        elif inside:
            code = line.split("#", 1)[0] if "#" in line and "'" not in line and '"' not in line else line
            squeezed = "".join(code.split())
            if len(squeezed) >= 8:
                lines.append(squeezed)
    return lines


@pytest.mark.parametrize("topic, lang, name", ASSIGNMENTS, ids=IDS)
def test_visible_tests_do_not_hold_the_solution(topic, lang, name):
    source = {grading.grade_id(c): c for c in _cells(topic.source(lang))}
    release = _cells(topic.release(lang))
    problems = []
    for cell in release:
        if not grading.is_graded(cell):
            continue
        visible = "".join(grading.cell_source(cell).split())
        answer = source[grading.exercise_of(grading.grade_id(cell)) + "_answer"]
        for line in _solution_lines(answer):
            if line in visible:
                problems.append(f"{grading.grade_id(cell)} shows the solution's line {line!r}")
    assert not problems, "\n".join(problems)


def _definitions(source: str) -> dict:
    """Top-level function and class definitions of a cell: name -> code shape."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    lines = source.splitlines(keepends=True)
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in KIT_NAMES:
            text = "".join(lines[node.lineno - 1:node.end_lineno])
            found[node.name] = parity.code_shape(text)
    return found


def _kit_shape(name: str):
    return parity.code_shape(inspect.getsource(getattr(exercise_kit, name)))


@pytest.mark.parametrize("topic, lang, name", ASSIGNMENTS, ids=IDS)
def test_kit_helpers_are_copied_unchanged(topic, lang, name):
    problems = []
    for cell in _cells(topic.source(lang)):
        if cell["cell_type"] != "code":
            continue
        source = grading.cell_source(cell).replace("### BEGIN HIDDEN TESTS", "").replace("### END HIDDEN TESTS", "")
        for helper, shape in _definitions(source).items():
            if shape != _kit_shape(helper):
                problems.append(f"{grading.grade_id(cell)}: {helper} differs from autograd_lab/exercise_kit.py")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("topic, lang, name", ASSIGNMENTS, ids=IDS)
def test_test_cells_have_short_lines(topic, lang, name):
    long = [
        f"{grading.grade_id(cell)}: {len(line)} characters: {line.strip()[:60]}…"
        for cell in _cells(topic.source(lang))
        if grading.is_graded(cell)
        for line in grading.cell_source(cell).splitlines()
        if len(line) > TEST_LINE
    ]
    assert not long, f"lines longer than {TEST_LINE} characters in test cells:\n" + "\n".join(long)
