"""Command line of the course: ``python3.11 -m autograd_lab COMMAND``.

``lab`` and ``test`` are the README's two commands.  They work from a fresh
clone with nothing but Python 3.11: the first step of each is to create (or
update) the virtual environment ``.venv`` from ``requirements.txt``.  The
other commands are for contributors and instructors and run inside it.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import bootstrap


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3.11 -m autograd_lab",
        description="Autograd Lab: set up, open, test and maintain the course.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("lab", help="set up the environment if needed and open JupyterLab on the course "
                   "(other arguments go to jupyter lab)")
    sub.add_parser("test", help="set up the environment if needed and run the whole test suite "
                   "(other arguments go to pytest)")
    sub.add_parser("setup", help="only create or update the virtual environment .venv")
    ex = sub.add_parser("execute", help="re-run lecture notebooks in place (all if none given)")
    ex.add_argument("paths", nargs="*")
    rel = sub.add_parser("release", help="regenerate release/ from source/ with nbgrader")
    rel.add_argument("assignments", nargs="*")
    sub.add_parser("start-pages", help="rewrite the start pages (notebooks/START_HERE.md, COMECE_AQUI.md)")
    wrap = sub.add_parser("wrap-messages", help="rewrap the failure messages of source/'s tests into short lines "
                          "(all assignments if none given; then run release)")
    wrap.add_argument("assignments", nargs="*")
    sub.add_parser("bench", help="time the lecture notebooks and autograding against the floor")
    sub.add_parser("check", help="contributors' loop: run only the tests that the changes in the work tree "
                   "(against git's HEAD) can affect; other arguments go to pytest")
    for name, text in (("grade", "autograde an assignment for the whole class: sandboxed, parallel jobs, "
                        "a report and grades.csv (see grade --help)"),
                       ("grade-bench", "time stock sequential nbgrader autograde against grade on a synthetic class")):
        sub.add_parser(name, help=text, add_help=False).add_argument("grader_args", nargs=argparse.REMAINDER)
    args, extra = parser.parse_known_args(argv)
    if extra and args.command not in ("lab", "test", "grade", "grade-bench", "check"):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")

    if args.command == "setup":
        bootstrap.ensure_venv()
        return 0
    if args.command == "lab":
        bootstrap.ensure_venv()
        return bootstrap.run_in_venv(["-m", "jupyterlab", *bootstrap.lab_arguments(), *extra])
    if args.command == "test":
        bootstrap.ensure_venv()
        bootstrap.ensure_browser()
        return bootstrap.run_in_venv(["-m", "pytest", *extra])

    # The remaining commands need the pinned packages: run them in .venv.
    if not bootstrap.inside_venv():
        bootstrap.ensure_venv()
        return bootstrap.run_in_venv(["-m", "autograd_lab", *(argv if argv is not None else sys.argv[1:])])
    if args.command == "execute":
        from .notebooks import execute, lecture_paths

        for path in args.paths or lecture_paths():
            print(f"executing {path}", flush=True)
            execute(path)
        return 0
    if args.command == "release":
        from .grading import regenerate_release

        regenerate_release(args.assignments or None)
        return 0
    if args.command == "wrap-messages":
        from .grading import assignments
        from .messages import wrap_source_notebooks

        chosen = [(t, lang) for t, lang, name in assignments() if not args.assignments or name in args.assignments]
        unknown = set(args.assignments) - {name for _, _, name in assignments()}
        if unknown:
            parser.error(f"no assignment named {', '.join(sorted(unknown))}")
        for path in wrap_source_notebooks([topic.source(lang) for topic, lang in chosen]):
            print(f"rewrapped {path}", flush=True)
        return 0
    if args.command == "start-pages":
        from .startpage import write_all

        write_all()
        return 0
    if args.command in ("grade", "grade-bench"):
        from .grader.cli import main as grader_main

        raw = list(argv if argv is not None else sys.argv[1:])
        return grader_main(args.command, raw[raw.index(args.command) + 1:])
    if args.command == "check":
        from .affected import changed_files, plan_for

        plan = plan_for(changed_files())
        for name in plan.skipped:
            print(f"skipped (can affect anything: run the full suite, python3.11 -m autograd_lab test): {name}")
        if plan.empty:
            print("nothing this loop covers has changed")
            return 0
        if plan.assignments:
            from .grading import regenerate_release

            regenerate_release(plan.assignments)
        arguments = plan.pytest_arguments()
        print("running: pytest " + " ".join(arguments), flush=True)
        import pytest

        return pytest.main([*arguments, *extra])
    if args.command == "bench":
        from .bench import main as bench_main

        return bench_main()
    return 2


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    sys.exit(main())
