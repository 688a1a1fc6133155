"""The course gradebook, through nbgrader's own API.

* :func:`assignment_info` reads what an assignment expects (notebooks, cells,
  flags, points, locked sources) from the gradebook: the reference against
  which submissions are validated.
* :func:`make_template` writes a fresh gradebook holding only that
  assignment's definition: each job gets a copy (no other student, no grade).
* :func:`merge` is the single writer: it replaces one student's submission of
  the assignment in the course gradebook, in one transaction, by the job's
  result (grades, comments, timestamp, flag), or by zeros when the job failed.
"""

from __future__ import annotations

import contextlib
import datetime
from pathlib import Path


def db_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def assignment_info(gradebook_path: Path, assignment: str) -> dict:
    """What the assignment is made of, as plain data (JSON-serialisable)."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url(gradebook_path)) as gb:
        try:
            a = gb.find_assignment(assignment)
        except MissingEntry:
            raise KeyError(f"no assignment {assignment!r} in {gradebook_path}: run nbgrader generate_assignment first")
        info = {
            "name": a.name,
            "course_id": a.course_id,
            "duedate": a.duedate.isoformat() if a.duedate else None,
            "notebooks": {},
        }
        for nb in a.notebooks:
            cells = {}
            for sc in nb.source_cells:
                cells[sc.name] = {
                    "cell_type": sc.cell_type, "locked": bool(sc.locked), "source": sc.source,
                    "checksum": sc.checksum, "grade": False, "solution": False, "task": False, "points": None,
                }
            for gc in nb.grade_cells:
                cells.setdefault(gc.name, {"cell_type": gc.cell_type, "locked": False, "source": None, "checksum": None,
                                           "solution": False, "task": False})
                cells[gc.name].update(grade=True, points=float(gc.max_score), grade_cell_type=gc.cell_type)
            for tc in nb.task_cells:
                cells.setdefault(tc.name, {"cell_type": tc.cell_type, "locked": False, "source": None, "checksum": None,
                                           "solution": False, "grade": False})
                cells[tc.name].update(task=True, points=float(tc.max_score))
            for sc in nb.solution_cells:
                cells.setdefault(sc.name, {"cell_type": "code", "locked": False, "source": None, "checksum": None,
                                           "grade": False, "task": False, "points": None})
                cells[sc.name]["solution"] = True
            info["notebooks"][nb.name] = {
                "kernelspec": nb.kernelspec,
                "cells": cells,
                "order": [sc.name for sc in nb.source_cells],
                "max_score": float(nb.max_score),
            }
    return info


def make_template(gradebook_path: Path, assignment: str, target: Path) -> None:
    """A new gradebook with only the assignment's definition, copied through the API."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url(gradebook_path)) as src:
        a = src.find_assignment(assignment)
        course_id = a.course_id
        with Gradebook(db_url(target), course_id) as dst:
            dst.update_or_create_assignment(a.name, duedate=a.duedate, course_id=course_id)
            for nb in a.notebooks:
                dst.update_or_create_notebook(nb.name, a.name, kernelspec=nb.kernelspec)
                for gc in nb.grade_cells:
                    dst.update_or_create_grade_cell(gc.name, nb.name, a.name, max_score=gc.max_score,
                                                    cell_type=gc.cell_type)
                for sc in nb.solution_cells:
                    dst.update_or_create_solution_cell(sc.name, nb.name, a.name)
                for tc in nb.task_cells:
                    dst.update_or_create_task_cell(tc.name, nb.name, a.name, max_score=tc.max_score,
                                                   cell_type=tc.cell_type)
                for sc in nb.source_cells:
                    dst.update_or_create_source_cell(sc.name, nb.name, a.name, cell_type=sc.cell_type,
                                                     locked=sc.locked, source=sc.source, checksum=sc.checksum)


def extension_of(gradebook_path: Path, assignment: str, student: str):
    """The extension granted to a student for the assignment (a timedelta) or None."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url(gradebook_path)) as gb:
        try:
            return gb.find_submission(assignment, student).extension
        except MissingEntry:
            return None


def job_result(job_gradebook: Path, assignment: str, student: str) -> dict:
    """Everything the job's nbgrader wrote for the student, as plain data."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url(job_gradebook)) as gb:
        sub = gb.find_submission(assignment, student)
        out = {
            "timestamp": sub.timestamp.isoformat() if sub.timestamp else None,
            "notebooks": {},
        }
        for nb in sub.notebooks:
            out["notebooks"][nb.name] = {
                "late_submission_penalty": nb.late_submission_penalty,
                "flagged": bool(nb.flagged),
                "grades": {
                    g.name: {"auto_score": g.auto_score, "max_score": float(g.max_score),
                             "needs_manual_grade": bool(g.needs_manual_grade), "extra_credit": g.extra_credit}
                    for g in nb.grades
                },
                "comments": {c.name: c.auto_comment for c in nb.comments},
            }
    return out


@contextlib.contextmanager
def _one_transaction(gb):
    """Make the API's many commits one: commit() only flushes until the block ends."""
    session = gb.db
    real_commit = session.commit
    session.commit = session.flush
    try:
        yield
    except BaseException:
        session.rollback()
        raise
    else:
        real_commit()
    finally:
        session.commit = real_commit


def _parse_time(value):
    if not value:
        return None
    from nbgrader.utils import parse_utc

    return parse_utc(value)


def merge(gradebook_path: Path, assignment: str, student: str, result: dict) -> None:
    """Replace the student's submission of the assignment by ``result`` (one transaction).

    ``result["status"] == "graded"``: grades and comments from the job;
    anything else: every grade is 0 (not "needs manual grading"), the
    notebooks are flagged and the reason goes in the comments.
    """
    import warnings

    from nbgrader.api import Gradebook, MissingEntry
    from sqlalchemy.exc import SAWarning

    with warnings.catch_warnings(), Gradebook(db_url(gradebook_path)) as gb:
        # nbgrader's add_submission builds objects before adding them to the
        # session; SQLAlchemy warns about it, harmlessly.
        warnings.simplefilter("ignore", SAWarning)
        with _one_transaction(gb):
            extension = None
            try:
                old = gb.find_submission(assignment, student)
                extension = old.extension
                gb.remove_submission(assignment, student)
            except MissingEntry:
                pass
            gb.update_or_create_student(student)
            graded = result.get("status") == "graded"
            kwargs = {}
            timestamp = _parse_time(result.get("timestamp"))
            if timestamp is not None:
                kwargs["timestamp"] = timestamp
            if extension is not None:
                kwargs["extension"] = extension
            sub = gb.add_submission(assignment, student, **kwargs)
            job_notebooks = (result.get("gradebook") or {}).get("notebooks", {})
            reason = "; ".join(result.get("failures", [])) or "grading failed"
            for nb in sub.notebooks:
                data = job_notebooks.get(nb.name) if graded else None
                nb.flagged = bool(result.get("flagged")) or not graded
                if data:
                    nb.late_submission_penalty = data.get("late_submission_penalty")
                for grade in nb.grades:
                    g = (data or {}).get("grades", {}).get(grade.name)
                    if g is None:
                        grade.auto_score = 0.0
                        grade.needs_manual_grade = False
                    else:
                        grade.auto_score = g["auto_score"]
                        grade.needs_manual_grade = g["needs_manual_grade"]
                        grade.extra_credit = g["extra_credit"]
                    grade.manual_score = None
                for comment in nb.comments:
                    if data:
                        comment.auto_comment = data.get("comments", {}).get(comment.name)
                    else:
                        comment.auto_comment = f"Not graded: {reason}"


def scores(gradebook_path: Path, assignment: str) -> dict:
    """student -> {"score", "max_score", "needs_manual_grade", "flagged", "grades": {cell: score}}."""
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(db_url(gradebook_path)) as gb:
        try:
            subs = gb.find_assignment(assignment).submissions
        except Exception:
            return out
        for sub in subs:
            out[sub.student.id] = {
                "score": float(sub.score),
                "max_score": float(sub.max_score),
                "needs_manual_grade": bool(sub.needs_manual_grade),
                "flagged": any(nb.flagged for nb in sub.notebooks),
                "timestamp": sub.timestamp.isoformat() if sub.timestamp else None,
                "grades": {g.name: g.score for nb in sub.notebooks for g in nb.grades},
            }
    return out


def utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)
