"""The class grader's runs: interrupted (Ctrl-C, kill -9) and run again, a regrade that fails.

One real assignment, a small class, graded through the command line
(``python -m autograd_lab grade``) as an instructor would: the first run is
interrupted with Ctrl-C (SIGINT), the second killed with SIGKILL, the third
finishes.  Whatever happens, the gradebook holds no stale score, no process
is left behind, and after the last run it is complete and right.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autograd_lab import grading
from autograd_lab.course import ROOT
from autograd_lab.grader import gradebook, sandbox
from tests.grader_cases import shape_of, target_assignment

# Skipped on a machine without the sandbox (not root, no namespaces); under CI it must run.
pytestmark = pytest.mark.skipif(
    not sandbox.available()[0] and os.environ.get("CI") != "true",
    reason=f"no sandbox here: {sandbox.available()[1]}",
)


def _cli(course: Path, name: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "autograd_lab", "grade", name, "--course", str(course), "--workers", "1",
         "--cell-timeout", "30", "--no-export", *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )


def _journal(course: Path, name: str) -> list:
    path = course / ".grader" / name / "journal.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _runs(course, name):
    return [r["run"] for r in _journal(course, name) if r["event"] == "start"]


def _committed(course, name, run):
    return [r for r in _journal(course, name) if r["event"] == "committed" and r["run"] == run]


def _wait_commits(proc, course, name, count, timeout=400):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        runs = _runs(course, name)
        if runs and len(_committed(course, name, runs[-1])) >= count:
            return runs[-1]
        assert proc.poll() is None, proc.stdout.read()
        time.sleep(0.2)
    raise AssertionError("the run did not commit in time")


def _left_behind(course, name) -> list:
    """Processes of this course's runs still alive (forkserver, jobs, jails, kernels)."""
    dirs = [r["jobs_dir"] for r in _journal(course, name) if r["event"] == "jobs"]
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout.splitlines()
    return [line for line in out if any(d in line for d in dirs)]


def _assert_no_process_left(course, name):
    deadline = time.monotonic() + 20
    while _left_behind(course, name) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _left_behind(course, name)


def _gradebook_is_consistent(course, name, expected):
    """Every student in the gradebook has exactly the expected score: no stale, no partial submission."""
    gb = gradebook.scores(course / "gradebook.db", name)
    for student, row in gb.items():
        assert row["score"] == expected[student], f"{student}: {row['score']} != {expected[student]}"
        assert not row["needs_manual_grade"], student
    return gb


def test_interrupted_and_killed_runs_then_a_complete_consistent_gradebook(tmp_path):
    name = target_assignment()
    course = grading.make_course(tmp_path / "course", [name])
    grading.generate(course, name)
    nb_file = grading.notebook_name(name)
    release = grading.read_nb(course / "release" / name / nb_file)
    source = grading.read_nb(course / "source" / name / nb_file)
    shape = shape_of(source)
    first = [a for a in shape.answers if grading.exercise_of(a) == shape.order[0]]
    stubs = {a: next(grading.cell_source(c) for c in release["cells"] if grading.grade_id(c) == a) for a in first}
    # Two slow students right after the first one: whatever the machine's load, the
    # Ctrl-C of run 1 and the kill of run 2 arrive while one of them is being graded.
    reference = {c: next(grading.reference_answer(s) for s in source["cells"] if grading.grade_id(s) == c)
                 for c in shape.answers[:1]}
    slow = grading.answered(release, source, {c: "import time\ntime.sleep(6)\n" + code for c, code in reference.items()})
    class_ = {
        "a-reference": (grading.answered(release, source), shape.total),
        "b-slow-1": (slow, shape.total),
        "b-slow-2": (slow, shape.total),
        "b-untouched": (release, 0.0),
        "c-first-wrong": (grading.answered(release, source, stubs), shape.total - shape.points[shape.order[0]]),
        "d-reference": (grading.answered(release, source), shape.total),
        "e-first-wrong": (grading.answered(release, source, stubs), shape.total - shape.points[shape.order[0]]),
        "f-reference": (grading.answered(release, source), shape.total),
    }
    for student, (nb, _) in class_.items():
        grading.submit(course, student, name, nb, timestamp="2026-11-01 09:00:00.000000 UTC")

    # A first, complete run of one student: a score to be replaced later.
    grading.submit(course, "z-regrade", name, grading.answered(release, source),
                   timestamp="2026-11-01 09:00:00.000000 UTC")
    done = subprocess.run([sys.executable, "-m", "autograd_lab", "grade", name, "--course", str(course),
                           "--student", "z-regrade", "--no-export"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert gradebook.scores(course / "gradebook.db", name)["z-regrade"]["score"] == shape.total
    feedback = course / "feedback" / "z-regrade" / name
    feedback.mkdir(parents=True)
    (feedback / "exercises.html").write_text("old feedback")
    # Then the student's submission is replaced by one that cannot be graded.
    (course / "submitted" / "z-regrade" / name / nb_file).write_text('{"cells": [')
    expected = {s: score for s, (_, score) in class_.items()}
    expected["z-regrade"] = 0.0

    # Run 1: Ctrl-C after two students are committed.
    proc = _cli(course, name)
    run1 = _wait_commits(proc, course, name, 2)
    os.killpg(proc.pid, signal.SIGINT)
    output = proc.communicate(timeout=120)[0]
    assert proc.returncode == 130, output
    assert "interrupted" in output
    assert any(r["event"] == "interrupted" and r["run"] == run1 for r in _journal(course, name))
    _assert_no_process_left(course, name)
    gb = _gradebook_is_consistent(course, name, {**expected, "z-regrade": expected["z-regrade"]})
    # the failed regrade was committed first: no stale full marks for z-regrade
    assert gb["z-regrade"]["score"] == 0.0 and gb["z-regrade"]["flagged"]
    assert not feedback.exists()
    assert not (course / "autograded" / "z-regrade" / name).exists()

    # Run 2: resumes run 1, killed with SIGKILL after one more student.
    proc = _cli(course, name)
    committed_before = len(_committed(course, name, run1))
    run2 = _wait_commits(proc, course, name, committed_before + 1)
    assert run2 != run1
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    _assert_no_process_left(course, name)
    _gradebook_is_consistent(course, name, expected)

    # Run 3: finishes; students committed in runs 1 and 2 are kept, not regraded.
    proc = _cli(course, name)
    output = proc.communicate(timeout=900)[0]
    assert proc.returncode == 0, output
    assert "resuming run" in output
    report = json.loads((course / ".grader" / name / "report-latest.json").read_text())
    rows = {r["student"]: r for r in report["students"]}
    assert set(rows) == set(expected)
    resumed = {s for s, r in rows.items() if r.get("resumed")}
    assert len(resumed) >= committed_before + 1, resumed
    for student, score in expected.items():
        assert rows[student]["score"] == score, (student, rows[student])
    assert rows["z-regrade"]["status"] == "failed"
    assert any("not valid JSON" in f for f in rows["z-regrade"]["failures"])
    gb = _gradebook_is_consistent(course, name, expected)
    assert set(gb) == set(expected)
    _assert_no_process_left(course, name)
    for student in class_:
        assert (course / "autograded" / student / name / nb_file).exists()
    # The job folders of the killed runs are gone too.
    for r in _journal(course, name):
        if r["event"] == "jobs":
            assert not Path(r["jobs_dir"]).exists()
