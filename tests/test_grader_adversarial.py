"""The class grader against crafted submissions, on a real assignment, in one parallel run.

``python -m autograd_lab grade`` (autograd_lab/grader) grades a class of
adversarial submissions (tests/grader_cases) together with ordinary ones:
each case has its exact expected outcome (score, flags, or recorded failure),
and every student of the run must get exactly that, in the report AND in the
course gradebook.  A second, small course is graded with stock sequential
``nbgrader autograde`` to show that the attacks the grader stops do earn
full marks there.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from autograd_lab import grading
from autograd_lab.grader import sandbox
from tests.grader_cases import PAST, Shape, cases, shape_of, target_assignment

# Skipped on a machine without the sandbox (not root, no namespaces); under CI it must run.
pytestmark = pytest.mark.skipif(
    not sandbox.available()[0] and os.environ.get("CI") != "true",
    reason=f"no sandbox here: {sandbox.available()[1]}",
)

CELL_TIMEOUT = 30  # seconds: stops the infinite loops, leaves room for `import torch` on a busy machine


def write_submission(course: Path, student: str, assignment: str, sub, nb_file: str) -> None:
    from nbgrader.utils import parse_utc

    folder = course / "submitted" / student / assignment
    folder.mkdir(parents=True)
    if sub.nb is not None:
        data = sub.nb if isinstance(sub.nb, bytes) else json.dumps(sub.nb, ensure_ascii=False).encode()
        (folder / nb_file).write_bytes(data)
    for rel, content in sub.files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(content)
    (folder / "timestamp.txt").write_text(sub.timestamp)
    if sub.nb is not None and sub.timestamp == PAST:
        # As nbgrader's exchange leaves it: the notebook was saved before it was submitted.
        saved = parse_utc(PAST).timestamp() - 3600
        os.utime(folder / nb_file, (saved, saved))


@pytest.fixture(scope="module")
def listener():
    """A TCP server on the host's loopback: the sandboxed kernel must not reach it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server.getsockname()[1]
    server.close()


@pytest.fixture(scope="module")
def adversarial(tmp_path_factory, listener):
    from autograd_lab.grader import Options, grade

    name = target_assignment()
    course = grading.make_course(tmp_path_factory.mktemp("adversarial"), [name])
    grading.generate(course, name)
    nb_file = grading.notebook_name(name)
    release = grading.read_nb(course / "release" / name / nb_file)
    source = grading.read_nb(course / "source" / name / nb_file)
    shape: Shape = shape_of(source)
    shape.course, shape.notebook, shape.assignment = str(course), nb_file, name
    all_cases = cases(other_student="reference", port=listener)
    for case in all_cases:
        write_submission(course, case.name, name, case.build(release, source, shape), nb_file)
    log = []
    report = grade(course, name, options=Options(workers=2, cell_timeout=CELL_TIMEOUT, job_timeout=300),
                   out=log.append)
    return {
        "course": course, "name": name, "nb_file": nb_file, "shape": shape, "cases": {c.name: c for c in all_cases},
        "report": {r["student"]: r for r in report["students"]}, "full_report": report, "log": log,
        "gradebook": __import__("autograd_lab.grader.gradebook", fromlist=["scores"]).scores(
            course / "gradebook.db", name),
    }


def _outputs(run, student):
    path = run["course"] / "autograded" / student / run["name"] / run["nb_file"]
    nb = json.loads(path.read_text(encoding="utf-8"))
    texts, errors = [], []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                texts.append("".join(out["text"]) if isinstance(out["text"], list) else out["text"])
            if out.get("output_type") == "error":
                errors.append(out.get("ename", ""))
    return "\n".join(texts), errors, path.stat().st_size


CASE_NAMES = [c.name for c in cases("reference", 0)]


@pytest.mark.parametrize("student", CASE_NAMES)
def test_case_gets_its_exact_outcome(adversarial, student):
    case = adversarial["cases"][student]
    expect = case.expect
    shape = adversarial["shape"]
    row = adversarial["report"][student]
    kinds = {f["kind"] for f in row["flags"]}
    tamper = {f["kind"] for f in row["flags"] if f.get("severity") == "tamper"}
    context = f"{student}: {json.dumps({k: row[k] for k in ('status', 'score', 'failures')})} flags={sorted(kinds)}"

    assert row["status"] == expect["status"], context
    assert row["score"] == expect["score"](shape), context
    assert row["max_score"] == shape.total, context
    if expect["status"] == "failed":
        assert any(expect["failure"] in f for f in row["failures"]), context
    else:
        assert not row["failures"], context
        assert not row["needs_manual_grade"], context
    missing = set(expect.get("flags", ())) - kinds
    assert not missing, f"{context}: missing flags {missing}"
    if expect.get("tamper") is True:
        assert tamper, context
    if expect.get("tamper") is False:
        assert not tamper, context
    for ignored in expect.get("ignored", ()):
        assert ignored in row["ignored"], context
    if "output" in expect or "not_output" in expect or "error" in expect or "max_bytes" in expect:
        text, errors, size = _outputs(adversarial, student)
        if "output" in expect:
            assert expect["output"] in text, f"{context}: {text[-500:]!r}"
        if "not_output" in expect:
            assert expect["not_output"] not in text, context
        if "error" in expect:
            assert expect["error"] in errors, f"{context}: {errors}"
        if "max_bytes" in expect:
            assert size < expect["max_bytes"], f"{context}: autograded notebook of {size} bytes"


def test_gradebook_holds_exactly_the_reported_results(adversarial):
    """The single writer put every student in the gradebook, failures as zeros (never 'needs manual grading')."""
    gb = adversarial["gradebook"]
    assert set(gb) == set(CASE_NAMES)
    for student, row in adversarial["report"].items():
        assert gb[student]["score"] == row["score"], student
        assert gb[student]["max_score"] == adversarial["shape"].total, student
        assert not gb[student]["needs_manual_grade"], student
        if row["status"] == "failed" or any(f.get("severity") == "tamper" for f in row["flags"]):
            assert gb[student]["flagged"], student
        if row["status"] == "failed":
            assert not (adversarial["course"] / "autograded" / student / adversarial["name"]).exists()


def test_tampering_is_caught_by_the_runtime_guard_too(adversarial):
    """Hooks are seen (and undone) in the kernel before the test cell runs, not only by the static scan."""
    expected = {
        "hook-ast-transformer": "transformer",
        "hook-custom-exception-handler": "ipython-hook",
        "hook-displayhook-result": "ipython-hook",
        "monkeypatch-torch": "monkeypatch",
        "monkeypatch-builtins-first-exercise": "monkeypatch",
        "shadow-builtins-tests-call": "shadow",
    }
    for student, kind in expected.items():
        runtime = {f["kind"] for f in adversarial["report"][student]["flags"] if f.get("source") == "guard"}
        assert kind in runtime, f"{student}: guard saw {runtime}"


def test_reference_answers_raise_no_flag(adversarial):
    row = adversarial["report"]["reference"]
    assert row["score"] == adversarial["shape"].total
    assert not [f for f in row["flags"] if f["severity"] != "info"], row["flags"]


def test_students_could_not_touch_the_course(adversarial):
    course = adversarial["course"]
    assert not (course / "pwned.txt").exists()
    assert not Path("/work/main/pwned.txt").exists()
    assert not Path("/etc/pwned").exists()
    # the gradebook still holds the whole class (the student tried DELETE FROM grade)
    assert len(adversarial["gradebook"]) == len(CASE_NAMES)


def test_report_and_exports_are_written(adversarial):
    state = adversarial["course"] / ".grader" / adversarial["name"]
    report = json.loads((state / "report-latest.json").read_text())
    assert [r["student"] for r in report["students"]] == sorted(CASE_NAMES)
    for r in report["students"]:
        assert {"student", "status", "score", "max_score", "flags", "failures", "seconds"} <= set(r)
    csv_lines = (state / "report-latest.csv").read_text().splitlines()
    assert len(csv_lines) == len(CASE_NAMES) + 1
    grades = (state / "grades.csv").read_text().splitlines()
    assert grades[0].startswith("assignment,")
    assert len(grades) == len(CASE_NAMES) + 1
    assert adversarial["full_report"]["workers"] == 2


STOCK_CASES = [c.name for c in cases("reference", 0) if c.stock_full_marks]


def test_these_attacks_earn_full_marks_with_stock_nbgrader(tmp_path, adversarial):
    """The same submissions, graded by stock `nbgrader autograde` with the course's configuration."""
    name, nb_file = adversarial["name"], adversarial["nb_file"]
    course = grading.make_course(tmp_path / "stock", [name])
    grading.generate(course, name)
    release = grading.read_nb(course / "release" / name / nb_file)
    source = grading.read_nb(course / "source" / name / nb_file)
    shape = shape_of(source)
    for student in STOCK_CASES:
        sub = adversarial["cases"][student].build(release, source, shape)
        write_submission(course, student, name, sub, nb_file)
    grading.nbgrader(course, "autograde", name, "--force", f"--Execute.timeout={CELL_TIMEOUT}")
    stock = grading.scores(course, name)
    for student in STOCK_CASES:
        assert stock[student].score == shape.total, f"{student}: stock nbgrader gave {stock[student].score}"
        assert adversarial["report"][student]["score"] < shape.total
