"""release/ is exactly what nbgrader generates from source/, and gives nothing away."""

from __future__ import annotations

import re

import pytest

from autograd_lab import grading
from autograd_lab.course import ROOT

ASSIGNMENTS = grading.assignments()
IDS = [name for _, _, name in ASSIGNMENTS]
STUBS = {"en": "# YOUR CODE HERE", "pt": "# SEU CÓDIGO AQUI"}


def test_release_regenerates_unchanged(tmp_path):
    """Regenerating every assignment from source/ into a temporary course gives release/ byte for byte."""
    names = [name for _, _, name in ASSIGNMENTS]
    course = grading.make_course(tmp_path, names)
    differences = []
    for name in names:
        generated = grading.generate(course, name, db=False)
        committed = ROOT / "release" / name
        gen_files = sorted(p.relative_to(generated) for p in generated.rglob("*") if p.is_file())
        com_files = sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
        if gen_files != com_files:
            differences.append(f"{name}: files {com_files} committed, {gen_files} generated")
            continue
        for rel in gen_files:
            if (generated / rel).read_bytes() != (committed / rel).read_bytes():
                differences.append(f"release/{name}/{rel} differs from what nbgrader generates")
    assert not differences, "run `python3.11 -m autograd_lab release` and commit:\n" + "\n".join(differences)


def test_release_has_no_stray_assignments():
    released = sorted(p.name for p in (ROOT / "release").iterdir() if p.is_dir())
    assert released == sorted(IDS)


@pytest.mark.parametrize("topic, lang, name", ASSIGNMENTS, ids=IDS)
def test_release_contains_no_solution_hidden_test_or_mark_scheme(topic, lang, name):
    source = grading.read_nb(topic.source(lang))
    text = topic.release(lang).read_text(encoding="utf-8")
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "BEGIN MARK SCHEME"):
        assert marker not in text, f"{marker} in the student version"
    region = re.compile(r"### BEGIN (?:SOLUTION|HIDDEN TESTS)\n(.*?)### END (?:SOLUTION|HIDDEN TESTS)", re.S)
    whole_source = "\n".join(grading.cell_source(c) for c in source["cells"])
    secrets = "\n".join(region.findall(whole_source))
    # What the student is shown anyway (the prompt quoting an expression, say) is no secret.
    public = region.sub("", whole_source)
    release = grading.read_nb(topic.release(lang))
    release_text = "\n".join(grading.cell_source(c) for c in release["cells"])
    leaked = [
        line.strip()
        for line in secrets.splitlines()
        # Lines long enough to be specific (not "return x" or a bracket).
        if len(line.strip()) > 20 and not line.strip().startswith("#")
        and line.strip() not in public and line.strip() in release_text
    ]
    assert not leaked, f"solution or hidden-test lines in the student version: {leaked}"


@pytest.mark.parametrize("topic, lang, name", ASSIGNMENTS, ids=IDS)
def test_student_stub_is_in_the_students_language(topic, lang, name):
    release = grading.read_nb(topic.release(lang))
    answers = [c for c in release["cells"] if grading.is_solution(c)]
    assert answers
    for cell in answers:
        assert STUBS[lang] in grading.cell_source(cell)
        other = [stub for code, stub in STUBS.items() if code != lang]
        assert not any(stub in grading.cell_source(cell) for stub in other)


@pytest.mark.parametrize("topic, lang, name", ASSIGNMENTS, ids=IDS)
def test_source_cells_follow_the_grading_conventions(topic, lang, name):
    source = grading.read_nb(topic.source(lang))
    problems = []
    exercises_with_tests, exercises_with_answers = set(), set()
    for cell in source["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader")
        src = grading.cell_source(cell)
        if meta is None:
            problems.append(f"cell {cell.get('id')} has no nbgrader metadata (students could edit it)")
            continue
        gid = meta.get("grade_id", "")
        if meta.get("grade"):
            if not (meta.get("points", 0) > 0 and meta.get("locked")):
                problems.append(f"{gid}: a test cell needs points and must be locked")
            if "### BEGIN HIDDEN TESTS" not in src:
                problems.append(f"{gid}: no hidden tests")
            if not re.match(r"ex\d+_", gid):
                problems.append(f"{gid}: test cells are named exN_...")
            exercises_with_tests.add(grading.exercise_of(gid))
        elif meta.get("solution"):
            if "### BEGIN SOLUTION" not in src:
                problems.append(f"{gid}: solution cell without ### BEGIN SOLUTION")
            if not re.match(r"ex\d+_", gid):
                problems.append(f"{gid}: answer cells are named exN_...")
            exercises_with_answers.add(grading.exercise_of(gid))
        elif not meta.get("locked"):
            problems.append(f"{gid}: instruction and setup cells must be locked")
    if exercises_with_answers != exercises_with_tests:
        problems.append(f"exercises {exercises_with_answers} have answers, {exercises_with_tests} have tests")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("topic, lang, name", ASSIGNMENTS, ids=IDS)
def test_failure_messages_are_wrapped_to_fit_what_validate_shows(topic, lang, name):
    """The Validate dialog neither wraps lines nor shows past Validator.width: short lines only.

    `python3.11 -m autograd_lab wrap-messages` rewraps them (autograd_lab/messages.py).
    """
    from traitlets.config.loader import PyFileConfigLoader

    from autograd_lab.messages import WIDTH, message_lines, wrap_messages

    width = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config().Validator.width
    # "    AssertionError: " comes before the first line.
    assert WIDTH + 24 <= width
    too_long, unwrapped = [], []
    for cell in grading.read_nb(topic.source(lang))["cells"]:
        if not grading.is_graded(cell) or grading.is_solution(cell):
            continue
        source = grading.cell_source(cell)
        too_long += [line for line in message_lines(source) if len(line) > WIDTH]
        if wrap_messages(source) != source:
            unwrapped.append(grading.grade_id(cell))
    assert not too_long, too_long
    assert not unwrapped, f"run python3.11 -m autograd_lab wrap-messages, then release: {unwrapped}"
