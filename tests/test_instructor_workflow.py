"""The instructors' workflow of both READMEs, run as written, end to end.

A temporary course (the course's own ``nbgrader_config.py`` and the source
assignments of topic 1) with its own exchange (``exchange/`` in the course,
as the configuration says) and two students, each with their own home
folder: Alice does the English assignment, Bruno the Portuguese one.

Each README's command that imports the class list runs first, on a CSV
with both students' names.  Then, for each README, the commands of its
instructors' block run verbatim, in order, from the course folder; between the release and the collection the
student fetches and submits with the commands of the README's students'
block, run verbatim from their home folder, where their
``~/.jupyter/nbgrader_config.py`` is the README's snippet with the real
exchange path.  Alice answers with the reference solution; Bruno types one
catalogued wrong answer.  The test then checks what each step promises: the
submissions collected, the scores in the gradebook, one HTML feedback per
student naming the mistake in Portuguese, the feedback fetched back by the
student, and the rows of grades.csv, with the students' names.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from autograd_lab import grading
from autograd_lab.course import EXERCISES_NOTEBOOK, ROOT, topic
from autograd_lab.wrong_answers import catalogue

READMES = {"en": ROOT / "README.md", "pt": ROOT / "README.pt-BR.md"}
SECTION = {"en": "## For instructors", "pt": "## Para professores"}
STUDENTS = {"en": "alice", "pt": "bruno"}
# The class list an instructor imports (first name, last name).
NAMES = {"alice": ("Alice", "Almeida"), "bruno": ("Bruno", "Barbosa")}
# What the instructors' block must do, in this order.
INSTRUCTOR_STEPS = [
    "generate_assignment",
    "release_assignment",
    "collect",
    "autograde",
    "generate_feedback",
    "release_feedback",
    "export",
]
STUDENT_STEPS = ["fetch_assignment", "submit", "fetch_feedback"]
TOPIC = topic(1)


def _section(lang: str) -> str:
    text = READMES[lang].read_text(encoding="utf-8")
    start = text.index(SECTION[lang])
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _blocks(lang: str, kind: str) -> list:
    return re.findall(rf"^```{kind}\n(.*?)^```", _section(lang), re.M | re.S)


def _commands(block: str) -> list:
    """The command lines of a shell block, without their trailing comments."""
    lines = []
    for line in block.splitlines():
        line = re.sub(r"\s+#.*$", "", line).strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def _subcommand(command: str) -> str:
    words = command.split()
    assert words[0] == "nbgrader", f"not an nbgrader command: {command!r}"
    return words[1]


def roster_command(lang: str) -> str:
    """The README's command that imports the class list (once per class)."""
    (block,) = [b for b in _blocks(lang, "bash") if "student import" in b]
    (command,) = _commands(block)
    return command


def readme_workflow(lang: str):
    """(instructor commands, student commands, student config) of one README."""
    bash = _blocks(lang, "bash")
    instructor = next(_commands(b) for b in bash if "release_assignment" in b)
    student = next(_commands(b) for b in bash if "fetch_assignment" in b)
    (config,) = _blocks(lang, "python")
    return instructor, student, config


def _environment(home: Path) -> dict:
    """The environment of a shell with .venv activated, for the user whose home is ``home``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JUPYTER", "NBGRADER")) and key not in ("PYTHONHOME",)
    }
    venv_bin = Path(sys.executable).parent
    env.update(
        HOME=str(home),
        PATH=str(venv_bin) + os.pathsep + env.get("PATH", ""),
        VIRTUAL_ENV=str(venv_bin.parent),
        PYTHONUTF8="1",
        JUPYTER_PREFER_ENV_PATH="1",
    )
    return env


def _run(command: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    completed = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=_environment(home),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert completed.returncode == 0, (
        f"`{command}` failed in {cwd} ({completed.returncode}):\n"
        f"{completed.stdout[-3000:]}\n{completed.stderr[-6000:]}"
    )
    return completed


def _feedback(path: Path) -> tuple:
    """(the report's text, the text of each error output) of an nbgrader HTML feedback file."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    squash = lambda text: " ".join(text.split())  # noqa: E731
    return squash(soup.get_text(" ")), [squash(e.get_text(" ")) for e in soup.select(".output_error")]


def _final_message(error: str) -> str:
    """The message of the exception that ended a traceback (after the last ``Error:``)."""
    return re.split(r"\b\w*Error: ", error)[-1]


@pytest.fixture(scope="module")
def workflow(tmp_path_factory):
    """Run both READMEs' workflows in one temporary course; return what the checks need."""
    base = tmp_path_factory.mktemp("workflow")
    assignments = {lang: TOPIC.assignment(lang) for lang in READMES}
    course = grading.make_course(base / "course", list(assignments.values()))
    exchange = course / "exchange"
    instructor_home = base / "instructor"
    instructor_home.mkdir()
    wrong = catalogue(TOPIC.number)[0]
    results = {"course": course, "exchange": exchange, "wrong": wrong, "homes": {}, "ran": {}}

    for lang in assignments:
        # The class list, once per class; each README's command runs (a
        # second import updates the same students).
        command = roster_command(lang)
        assert command.split()[:4] == ["nbgrader", "db", "student", "import"], command
        with open(course / command.split()[4], "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "first_name", "last_name", "email"])
            for student_id, (first, last) in NAMES.items():
                writer.writerow([student_id, first, last, f"{student_id}@example.edu"])
        _run(command, course, instructor_home)

    for lang, assignment in assignments.items():
        instructor, student, config = readme_workflow(lang)
        student_id = STUDENTS[lang]
        home = base / student_id
        (home / ".jupyter").mkdir(parents=True)
        assert re.search(r'^c\.Exchange\.root = ".*"$', config, re.M), config
        config = re.sub(r'^(c\.Exchange\.root = ).*$', lambda m: f"{m.group(1)}{str(exchange)!r}", config, flags=re.M)
        # Each student has their own Unix account in real life; here both run
        # as the same user, so the account name is given in their config.
        config += f"\nc.CourseDirectory.student_id = {student_id!r}\n"
        (home / ".jupyter" / "nbgrader_config.py").write_text(config, encoding="utf-8")
        results["homes"][lang] = home
        ran = results["ran"][lang] = []

        student_commands = {_subcommand(c): c for c in student}
        for command in instructor:
            step = _subcommand(command)
            if step == "collect":
                # The student's side: fetch, answer, submit.
                _run(student_commands["fetch_assignment"], home, home)
                fetched = home / assignment / EXERCISES_NOTEBOOK[lang]
                release_nb = grading.read_nb(fetched)
                source_nb = grading.read_nb(course / "source" / assignment / EXERCISES_NOTEBOOK[lang])
                answers = {wrong.cell: wrong.code} if lang == "pt" else {}
                grading.write_nb(grading.answered(release_nb, source_nb, answers), fetched)
                _run(student_commands["submit"], home, home)
                ran += ["fetch_assignment", "submit"]
            _run(command, course, instructor_home)
            ran.append(step)
            if step == "release_feedback":
                _run(student_commands["fetch_feedback"], home, home)
                ran.append("fetch_feedback")
        results.setdefault("commands", {})[lang] = (instructor, student)
    return results


@pytest.mark.parametrize("lang", sorted(READMES))
def test_each_readme_documents_the_whole_workflow_for_one_assignment(lang):
    instructor, student, config = readme_workflow(lang)
    assert [_subcommand(c) for c in instructor] == INSTRUCTOR_STEPS
    assert [_subcommand(c) for c in student] == STUDENT_STEPS
    assignment = TOPIC.assignment(lang)
    for command in instructor + student:
        if _subcommand(command) != "export":
            assert command.split()[2] == assignment, command
    assert 'c.CourseDirectory.course_id = "autograd-lab"' in config
    section = _section(lang)
    for words in ("Nbgrader → Assignment List", "Nbgrader → Formgrader", "Fetch", "Submit", "autograd_lab lab"):
        assert words in section, f"{READMES[lang].name}: {words!r} not in the instructors' section"


def test_the_course_configuration_puts_the_exchange_in_the_course():
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    assert Path(config.Exchange.root) == ROOT / "exchange"
    assert "/exchange/" in (ROOT / ".gitignore").read_text().splitlines()


def test_every_step_ran_in_order(workflow):
    for lang in READMES:
        expected = INSTRUCTOR_STEPS[:2] + STUDENT_STEPS[:2] + INSTRUCTOR_STEPS[2:6] + STUDENT_STEPS[2:] + INSTRUCTOR_STEPS[6:]
        assert workflow["ran"][lang] == expected


def test_release_went_to_the_courses_own_exchange(workflow):
    outbound = workflow["exchange"] / "autograd-lab" / "outbound"
    for lang in READMES:
        assignment = TOPIC.assignment(lang)
        assert (outbound / assignment / EXERCISES_NOTEBOOK[lang]).is_file()
        # What students fetched is the student version: no solutions, no hidden tests.
        fetched = (workflow["homes"][lang] / assignment / EXERCISES_NOTEBOOK[lang]).read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in fetched and "BEGIN HIDDEN TESTS" not in fetched


def test_each_students_submission_was_collected(workflow):
    course = workflow["course"]
    for lang, student in STUDENTS.items():
        assignment = TOPIC.assignment(lang)
        folder = course / "submitted" / student / assignment
        assert (folder / EXERCISES_NOTEBOOK[lang]).is_file()
        assert (folder / "timestamp.txt").is_file()
        # Only the student's own assignment: Alice did not hand in the Portuguese one.
        assert sorted(p.name for p in (course / "submitted" / student).iterdir()) == [assignment]


def test_autograde_scores_the_reference_fully_and_the_wrong_answer_loses_its_exercise(workflow):
    course, wrong = workflow["course"], workflow["wrong"]
    alice = grading.scores(course, TOPIC.assignment("en"))["alice"]
    assert alice.max_score > 0 and alice.score == alice.max_score and not alice.needs_manual_grade
    bruno = grading.scores(course, TOPIC.assignment("pt"))["bruno"]
    assert bruno.max_score == alice.max_score
    expected = wrong.expected_scores({gid: score for gid, (score, _) in alice.grades.items()})
    for gid, (got, out_of) in bruno.grades.items():
        assert got == expected[gid], (gid, got, out_of)
    assert bruno.score < bruno.max_score


def test_feedback_is_one_html_report_per_student_with_the_score_and_the_mistake(workflow):
    course, wrong = workflow["course"], workflow["wrong"]
    assert sorted(p.name for p in (course / "feedback").iterdir()) == ["alice", "bruno"]
    for lang, student in STUDENTS.items():
        assignment = TOPIC.assignment(lang)
        report = course / "feedback" / student / assignment / EXERCISES_NOTEBOOK[lang].replace(".ipynb", ".html")
        text, errors = _feedback(report)
        score = grading.scores(course, assignment)[student]
        assert f"(Score: {score.score} / {score.max_score})" in text, text[:300]
        if lang == "en":
            assert errors == [], "Alice's reference answers fail in her feedback"
        else:
            # The failing test's message (the answer cell itself may show its own error too).
            messages = [_final_message(e) for e in errors]
            assert any(wrong.hint["pt"] in m for m in messages), f"{wrong.hint['pt']!r} not in {messages}"


def test_students_fetched_their_feedback_from_the_exchange(workflow):
    course = workflow["course"]
    for lang, student in STUDENTS.items():
        assignment = TOPIC.assignment(lang)
        name = EXERCISES_NOTEBOOK[lang].replace(".ipynb", ".html")
        fetched = list((workflow["homes"][lang] / assignment / "feedback").glob(f"*/{name}"))
        assert len(fetched) == 1, fetched
        assert fetched[0].read_bytes() == (course / "feedback" / student / assignment / name).read_bytes()


def test_export_writes_a_csv_row_per_student_and_assignment(workflow):
    course = workflow["course"]
    with open(course / "grades.csv", newline="", encoding="utf-8") as handle:
        rows = {(row["assignment"], row["student_id"]): row for row in csv.DictReader(handle)}
    assert set(rows) == {(TOPIC.assignment(lang), student) for lang in READMES for student in STUDENTS.values()}
    for lang, student in STUDENTS.items():
        assignment = TOPIC.assignment(lang)
        score = grading.scores(course, assignment)[student]
        row = rows[(assignment, student)]
        assert (float(row["score"]), float(row["max_score"])) == (score.score, score.max_score)
        # Named, from the imported class list.
        assert (row["first_name"], row["last_name"]) == NAMES[student], row
        assert row["timestamp"], row
        # The other language's assignment, which the student did not do, counts zero.
        other = next(TOPIC.assignment(x) for x in READMES if x != lang)
        assert float(rows[(other, student)]["score"]) == 0.0 and not rows[(other, student)]["timestamp"]
