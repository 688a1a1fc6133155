"""Benchmark: stock sequential ``nbgrader autograde`` against ``grade`` on the same synthetic class.

``python3.11 -m autograd_lab grade-bench [--students 60] [--workers N] [--assignment NAME]``

Builds one class of submissions (a mix of correct answers, catalogued wrong
answers, untouched releases and broken notebooks: invalid JSON, a kernel
that exits), copies it into two identical courses, then, in one run on this
machine:

* grades the first with stock ``nbgrader autograde`` (one process, one
  student after another);
* grades the second with ``grade`` (sandboxed jobs, N workers);
* prints both wall times, the speed-up, the time per notebook and its ratio
  to the floor (a fresh kernel plus ``import torch``, as in ``bench``), and
  checks that both gave the same score to every student stock nbgrader could
  grade.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from .. import grading
from ..wrong_answers import catalogue


def build_class(release: dict, source: dict, topic_number: int, students: int) -> dict:
    """student id -> notebook (dict) or raw bytes (broken JSON)."""
    wrong = catalogue(topic_number)
    answers = [grading.grade_id(c) for c in source["cells"] if grading.is_solution(c) and c["cell_type"] == "code"]
    if not wrong:  # no catalogue: a wrong answer is the stub of one exercise
        wrong = []
        for gid in answers:
            stub = next(grading.cell_source(c) for c in release["cells"] if grading.grade_id(c) == gid)
            wrong.append(type("W", (), {"cell": gid, "code": stub, "name": f"stub_{gid}"})())
    out = {}
    kinds = ["correct", "wrong", "correct", "wrong", "correct", "wrong", "correct", "wrong", "untouched", "broken"]
    for i in range(students):
        kind = kinds[i % len(kinds)]
        sid = f"s{i:03d}-{kind}"
        if kind == "correct":
            out[sid] = grading.answered(release, source)
        elif kind == "wrong":
            w = wrong[i % len(wrong)]
            out[sid] = grading.answered(release, source, {w.cell: w.code})
        elif kind == "untouched":
            out[sid] = copy.deepcopy(release)
        elif (i // len(kinds)) % 2 == 0:
            out[sid] = json.dumps(grading.answered(release, source))[:500].encode()  # invalid JSON
        else:
            last = answers[-1]
            out[sid] = grading.answered(release, source, {last: "import os\nos._exit(1)"})  # kernel death
    return out


def _submit_all(course: Path, name: str, klass: dict) -> None:
    nb_file = grading.notebook_name(name)
    for sid, nb in klass.items():
        folder = course / "submitted" / sid / name
        folder.mkdir(parents=True)
        data = nb if isinstance(nb, bytes) else json.dumps(nb).encode()
        (folder / nb_file).write_bytes(data)
        (folder / "timestamp.txt").write_text("2026-11-01 09:00:00.000000 UTC")
        saved = time.time() - 30 * 86400
        os.utime(folder / nb_file, (saved, saved))


def main(argv: list = None) -> int:
    from ..bench import floor_seconds
    from .runner import Options, grade

    parser = argparse.ArgumentParser(prog="python3.11 -m autograd_lab grade-bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--workers", type=int, default=0, help="default: the number of cores")
    parser.add_argument("--assignment", default=None, help="default: the first English assignment")
    args = parser.parse_args(argv or [])
    names = [n for _, lang, n in grading.assignments() if lang == "en"]
    name = args.assignment or (names[0] if names else None)
    if not name:
        print("no assignment in source/")
        return 1
    topic = next(t for t, _, n in grading.assignments() if n == name)
    workers = args.workers or os.cpu_count() or 1

    print(f"grade-bench: {args.students} submissions of {name}, {os.cpu_count()} cores, {workers} workers\n", flush=True)
    floor = floor_seconds()
    print(f"floor: fresh kernel + import torch (median of 3): {floor:.2f} s", flush=True)
    with tempfile.TemporaryDirectory(prefix="agl-bench-") as tmp:
        stock = grading.make_course(Path(tmp) / "stock", [name])
        grading.generate(stock, name)
        nb_file = grading.notebook_name(name)
        release = grading.read_nb(stock / "release" / name / nb_file)
        source = grading.read_nb(stock / "source" / name / nb_file)
        klass = build_class(release, source, topic.number, args.students)
        ours = Path(tmp) / "grade"
        shutil.copytree(stock, ours)
        _submit_all(stock, name, klass)
        _submit_all(ours, name, klass)
        counts = {}
        for sid in klass:
            counts[sid.split("-", 1)[1]] = counts.get(sid.split("-", 1)[1], 0) + 1
        print("class: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())), flush=True)

        t0 = time.perf_counter()
        done = grading.nbgrader(stock, "autograde", name, "--force", check=False, timeout=7200)
        stock_seconds = time.perf_counter() - t0
        print(f"stock nbgrader autograde (sequential): {stock_seconds:.1f} s (exit code {done.returncode})", flush=True)

        t0 = time.perf_counter()
        report = grade(ours, name, options=Options(workers=workers, export=False), out=lambda line: None)
        ours_seconds = time.perf_counter() - t0
        print(f"grade ({workers} workers, sandboxed):       {ours_seconds:.1f} s", flush=True)

        stock_scores = grading.scores(stock, name)
        rows = {r["student"]: r for r in report["students"]}
        same = sum(1 for s, sc in stock_scores.items() if not sc.needs_manual_grade and rows[s]["score"] == sc.score)
        comparable = sum(1 for sc in stock_scores.values() if not sc.needs_manual_grade)
        failed = sum(1 for r in rows.values() if r["status"] == "failed")
        job_times = [r["seconds"] for r in rows.values() if r["status"] == "graded"]
        n = len(klass)
        print()
        print(f"{'':<44} {'seconds':>9} {'ratio to floor':>15}")
        print(f"{'stock, wall time per notebook':<44} {stock_seconds / n:9.2f} {stock_seconds / n / floor:15.2f}")
        print(f"{'grade, wall time per notebook':<44} {ours_seconds / n:9.2f} {ours_seconds / n / floor:15.2f}")
        print(f"{'grade, one job (median, graded notebooks)':<44} {statistics.median(job_times):9.2f} "
              f"{statistics.median(job_times) / floor:15.2f}")
        print(f"\nspeed-up: {stock_seconds / ours_seconds:.2f}x  "
              f"({n} notebooks; stock {stock_seconds:.1f} s, grade {ours_seconds:.1f} s)")
        for s, sc in sorted(stock_scores.items()):
            if not sc.needs_manual_grade and rows[s]["score"] != sc.score:
                print(f"  differs: {s}: stock {sc.score:g}, grade {rows[s]['score']:g} "
                      f"{rows[s]['status']} {'; '.join(rows[s]['failures'])}")
        print(f"same score as stock for {same}/{comparable} students stock could grade; "
              f"grade recorded {failed} failure(s) with a reason, stock left "
              f"{n - comparable} without a usable score")
    return 0
