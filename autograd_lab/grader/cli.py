"""Command line of the class grader: ``python -m autograd_lab grade`` and ``grade-bench``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _default_course() -> Path:
    cwd = Path.cwd()
    if (cwd / "nbgrader_config.py").exists():
        return cwd
    from ..course import ROOT

    return ROOT


def grade_parser() -> argparse.ArgumentParser:
    from .sandbox import Limits

    d = Limits()
    p = argparse.ArgumentParser(
        prog="python3.11 -m autograd_lab grade",
        description="Autograde an assignment for every submitted student (or the ones named), each in its own "
                    "sandboxed job, in parallel, with the real nbgrader; write the gradebook, a report and "
                    "grades.csv. Needs root on Linux (namespaces); the kernels run as unprivileged uids.",
    )
    p.add_argument("assignment", help="assignment name, e.g. 01_dot_product")
    p.add_argument("--student", action="append", dest="students", metavar="ID",
                   help="grade only this student (repeatable); default: every folder in submitted/*/ASSIGNMENT")
    p.add_argument("--course", type=Path, default=None,
                   help="course folder (with nbgrader_config.py and gradebook.db); default: the current folder "
                        "if it has nbgrader_config.py, else the repository")
    p.add_argument("--workers", type=int, default=0, help="jobs run at once (default: the number of cores)")
    p.add_argument("--cell-timeout", type=int, default=None, help="seconds per cell (default: the course's "
                   "Execute.timeout)")
    p.add_argument("--job-timeout", type=int, default=900, help="seconds per student job, killed after (default 900)")
    p.add_argument("--cpu", type=int, default=d.cpu_seconds, help=f"CPU seconds per kernel (default {d.cpu_seconds})")
    p.add_argument("--memory", type=int, default=d.memory_bytes >> 20,
                   help=f"address-space limit per kernel, MiB (default {d.memory_bytes >> 20})")
    p.add_argument("--wall", type=int, default=None, help="wall-clock seconds per kernel (default: the job timeout)")
    p.add_argument("--policy", choices=("zero", "flag"), default="zero",
                   help="zero (default): test cells that run after tampering score 0; flag: only report it")
    p.add_argument("--no-resume", action="store_true", help="regrade everyone even after an interrupted run")
    p.add_argument("--no-export", action="store_true", help="do not run nbgrader export")
    p.add_argument("--keep-jobs", action="store_true", help="keep the job folders (for debugging)")
    p.add_argument("--state-dir", type=Path, default=None,
                   help="journal and reports (default: COURSE/.grader/ASSIGNMENT)")
    return p


def grade_main(argv: list) -> int:
    from .runner import Options, grade
    from .sandbox import Limits

    args = grade_parser().parse_args(argv)
    course = (args.course or _default_course()).resolve()
    limits = Limits(cpu_seconds=args.cpu, memory_bytes=args.memory << 20,
                    wall_seconds=args.wall or args.job_timeout)
    options = Options(workers=args.workers, job_timeout=args.job_timeout, cell_timeout=args.cell_timeout,
                      limits=limits, policy=args.policy, resume=not args.no_resume, export=not args.no_export,
                      keep_jobs=args.keep_jobs)
    try:
        grade(course, args.assignment, args.students, options, args.state_dir,
              out=lambda line: print(line, flush=True))
    except KeyboardInterrupt:
        return 130
    except (RuntimeError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def main(command: str, argv: list) -> int:
    os.environ.setdefault("PYTHONUTF8", "1")
    if command == "grade":
        return grade_main(argv)
    if command == "grade-bench":
        from .bench import main as bench_main

        return bench_main(argv)
    raise SystemExit(f"unknown command {command}")
