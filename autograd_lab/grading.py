"""Drive the real nbgrader on a course directory: generate, submit, autograde, read scores.

Used by the tests (a temporary course per test, as nbgrader's own tests do),
by ``python -m autograd_lab release`` and by the benchmark.  Everything goes
through nbgrader's command line and its gradebook; nothing is re-implemented.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .course import EXERCISES_NOTEBOOK, LANGUAGES, ROOT, TOPICS

SOLUTION_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def assignments(root: Path = ROOT) -> list:
    """Every (topic, language, assignment name) whose source notebook exists."""
    return [
        (t, lang, t.assignment(lang))
        for t in TOPICS
        for lang in LANGUAGES
        if t.source(lang, root).exists()
    ]


def notebook_name(assignment: str) -> str:
    for t in TOPICS:
        for lang in LANGUAGES:
            if t.assignment(lang) == assignment:
                return EXERCISES_NOTEBOOK[lang]
    raise KeyError(assignment)


def nbgrader(course: Path, *args: str, check: bool = True, timeout: float = 1800) -> subprocess.CompletedProcess:
    """Run one nbgrader command in ``course`` (its nbgrader_config.py applies)."""
    env = dict(os.environ)
    # nbgrader runs the environment's own `alembic` executable: put this
    # Python's bin folder first on PATH even when called without activation.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["PYTHONUTF8"] = "1"
    completed = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and completed.returncode != 0:
        raise RuntimeError(
            f"nbgrader {' '.join(args)} failed ({completed.returncode}):\n"
            f"{completed.stdout[-4000:]}\n{completed.stderr[-8000:]}"
        )
    return completed


def make_course(directory: Path, names: list, root: Path = ROOT) -> Path:
    """A course directory with the course's config and the given source assignments."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(root / "nbgrader_config.py", directory / "nbgrader_config.py")
    for name in names:
        shutil.copytree(root / "source" / name, directory / "source" / name)
    return directory


def generate(course: Path, assignment: str, db: bool = True) -> Path:
    args = ["generate_assignment", assignment, "--force"]
    if not db:
        args.append("--no-db")
    nbgrader(course, *args)
    return course / "release" / assignment


def read_nb(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def write_nb(nb: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def cell_source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def grade_id(cell: dict):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def is_solution(cell: dict) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution"))


def is_graded(cell: dict) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("grade"))


def reference_answer(source_cell: dict) -> str:
    """The instructor's solution cell as a student would have typed it (markers removed)."""
    lines = cell_source(source_cell).splitlines()
    return "\n".join(line for line in lines if not SOLUTION_MARKER.match(line))


def exercise_of(cell_grade_id: str) -> str:
    """``ex2_tests`` -> ``ex2``: grade ids start with their exercise's name."""
    return cell_grade_id.split("_", 1)[0]


def answered(release_nb: dict, source_nb: dict, answers: dict = None) -> dict:
    """The release notebook with every solution cell filled in.

    ``answers`` maps a solution cell's grade id to the code typed there;
    cells not named get the reference solution from ``source_nb``.
    """
    answers = dict(answers or {})
    reference = {grade_id(c): c for c in source_nb["cells"] if is_solution(c)}
    nb = copy.deepcopy(release_nb)
    for cell in nb["cells"]:
        if is_solution(cell) and cell["cell_type"] == "code":
            gid = grade_id(cell)
            code = answers.pop(gid) if gid in answers else reference_answer(reference[gid])
            cell["source"] = code
    if answers:
        raise KeyError(f"no solution cell with grade id {sorted(answers)}")
    return nb


def submit(course: Path, student: str, assignment: str, nb: dict, timestamp: str = "2026-11-22 10:00:00.000000 UTC") -> Path:
    """Put ``nb`` in submitted/STUDENT/ASSIGNMENT, as nbgrader's collect leaves it.

    The notebook was saved an hour before the submission time it claims (a
    notebook saved after it, the class grader flags as back-dated).
    """
    from nbgrader.utils import parse_utc

    folder = Path(course) / "submitted" / student / assignment
    path = folder / notebook_name(assignment)
    write_nb(nb, path)
    (folder / "timestamp.txt").write_text(timestamp)
    saved = parse_utc(timestamp).timestamp() - 3600
    os.utime(path, (saved, saved))
    return folder


@dataclass
class NotebookScore:
    score: float
    max_score: float
    grades: dict = field(default_factory=dict)  # grade id -> (score, max score)
    needs_manual_grade: bool = False

    def exercise_scores(self) -> dict:
        """Exercise name -> (score, max score), over its graded cells."""
        totals: dict = {}
        for gid, (score, max_score) in self.grades.items():
            got, out_of = totals.get(exercise_of(gid), (0.0, 0.0))
            totals[exercise_of(gid)] = (got + (score or 0.0), out_of + max_score)
        return totals


def autograde(course: Path, assignment: str, students: list = None) -> subprocess.CompletedProcess:
    args = ["autograde", assignment, "--force"]
    for student in students or []:
        args += ["--student", student]
    return nbgrader(course, *args)


def scores(course: Path, assignment: str) -> dict:
    """Student id -> NotebookScore, read from the course's gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    nb_name = Path(notebook_name(assignment)).stem
    result = {}
    with Gradebook(f"sqlite:///{Path(course) / 'gradebook.db'}") as gb:
        for student in gb.students:
            try:
                nb = gb.find_submission_notebook(nb_name, assignment, student.id)
            except MissingEntry:
                continue
            grades = {g.name: (g.score, g.max_score) for g in nb.grades}
            result[student.id] = NotebookScore(
                score=nb.score,
                max_score=nb.max_score,
                grades=grades,
                needs_manual_grade=nb.needs_manual_grade,
            )
    return result


def regenerate_release(names: list = None, root: Path = ROOT) -> list:
    """Regenerate ``release/NAME`` from ``source/NAME`` with nbgrader (all assignments by default)."""
    names = names or [name for _, _, name in assignments(root)]
    with tempfile.TemporaryDirectory(prefix="autograd-lab-release-") as tmp:
        course = make_course(Path(tmp), names, root)
        for name in names:
            generated = generate(course, name, db=False)
            target = root / "release" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(generated, target)
            print(f"release/{name} regenerated", flush=True)
    return names
