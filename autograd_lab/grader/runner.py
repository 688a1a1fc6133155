"""Grade a whole class: intake, parallel sandboxed jobs, one writer, a journal, a report.

:func:`grade` is what ``python -m autograd_lab grade`` calls.

* **Intake** (here, as the grader): each submission is validated
  (intake.py); one that cannot be graded is recorded as a failure at once.
* **Jobs**: every other submission is graded in its own job (job.py), in its
  own process forked from a server that has already imported nbgrader (a
  fresh process per job, without paying nbgrader's import each time), at most
  ``workers`` at a time (default: the number of cores).  Each job has a
  wall-clock limit; past it the job and its kernel are killed and the failure
  recorded.
* **One writer**: this process alone writes the course gradebook, one
  student at a time, each in one transaction that first deletes the
  student's previous submission of the assignment (nothing stale survives: a
  failure is recorded as zeros, flagged, with its reason).  It also replaces
  ``autograded/STUDENT/ASSIGNMENT`` and removes stale ``feedback/``.
* **Journal**: ``STATE/journal.jsonl`` records the run and every committed
  student.  A run that was interrupted (Ctrl-C, kill) is resumed by the next
  one: students committed in it whose submission has not changed since are
  kept, the others are graded.
* **Report**: per student, status, score, max, flags, failures and time, as
  JSON and CSV in ``STATE``, and a table on the terminal; the grades are
  exported with ``nbgrader export``.
"""

from __future__ import annotations

import concurrent.futures
import csv
import datetime
import fcntl
import hashlib
import json
import os
import shutil
import secrets
import signal
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import gradebook, intake, sandbox
from .forkserver import ForkServer

GRADER_VERSION = "1"
PRELOAD = [
    "autograd_lab.grader.job", "autograd_lab.grader.executor", "autograd_lab.grader.scan",
    "autograd_lab.grader.gradebook", "autograd_lab.nbgrader_ext",
    "nbgrader.apps.autogradeapp", "nbgrader.converters", "nbgrader.preprocessors", "nbgrader.api",
    "nbclient", "jupyter_client", "jupyter_client.manager", "nbconvert.exporters", "IPython.core.inputtransformer2",
]


@dataclass
class Options:
    workers: int = 0  # 0: os.cpu_count()
    job_timeout: int = 900  # seconds for a whole job (sanitize, run, score)
    cell_timeout: int = None  # overrides Execute.timeout of the course's config
    limits: sandbox.Limits = field(default_factory=sandbox.Limits)
    policy: str = "zero"  # "zero": tests after tampering score 0; "flag": only report
    resume: bool = True
    export: bool = True
    keep_jobs: bool = False
    config_extra: str = ""  # more nbgrader configuration lines for the jobs
    readonly: list = field(default_factory=list)  # more folders the kernel may read

    def fingerprint(self) -> str:
        data = asdict(self)
        for key in ("workers", "resume", "export", "keep_jobs"):
            data.pop(key)
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


class Interrupted(Exception):
    pass


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def submitted_students(course: Path, assignment: str) -> list:
    base = course / "submitted"
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if (p / assignment).is_dir() and not p.name.startswith("."))


class Journal:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)

    def records(self) -> list:
        if not self.path.exists():
            return []
        out = []
        for line in self.path.read_text().splitlines():
            try:
                out.append(json.loads(line))
            except ValueError:
                pass  # a line cut short by a kill
        return out

    def write(self, record: dict) -> None:
        with open(self.path, "a") as fh:
            fh.write(json.dumps(record, default=str) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def resumable(self, key: str) -> tuple:
        """(run id, {student: committed record}) of the last unfinished run with this key, else (None, {})."""
        runs, done, committed = {}, set(), {}
        for r in self.records():
            if r.get("event") == "start":
                runs[r["run"]] = r
            elif r.get("event") == "finished":
                done.add(r["run"])
            elif r.get("event") == "committed":
                committed.setdefault(r["run"], {})[r["student"]] = r
        if not runs:
            return None, {}
        last = list(runs.values())[-1]
        chain = last.get("resumes")
        if last["run"] in done or last.get("key") != key:
            return None, {}
        kept = dict(committed.get(chain, {})) if chain else {}
        kept.update(committed.get(last["run"], {}))
        return last["run"], kept


def _course_config(course: Path) -> str:
    path = course / "nbgrader_config.py"
    return path.read_text() if path.exists() else "c = get_config()\n"


def _failed_result(student: str, failures: list, flags: list = (), ignored: list = (), fingerprint=None,
                   timestamp=None, seconds=0.0, max_score=0.0) -> dict:
    return {"student": student, "status": "failed", "failures": list(failures), "flags": list(flags),
            "ignored": list(ignored), "timestamp": timestamp, "gradebook": None, "autograded": None, "zeroed": [],
            "flagged": True, "fingerprint": fingerprint, "score": 0.0, "max_score": max_score, "tests": {},
            "seconds": seconds, "needs_manual_grade": False}


def summary(result: dict) -> dict:
    """What the report and the journal keep of a result."""
    keys = ("student", "status", "score", "max_score", "failures", "flags", "ignored", "zeroed", "tests",
            "seconds", "timestamp", "fingerprint", "needs_manual_grade", "resumed")
    return {k: result.get(k) for k in keys if k in result}


def _commit(course: Path, assignment: str, result: dict) -> None:
    """The single writer: the gradebook, then the autograded folder; stale feedback removed."""
    gradebook.merge(course / "gradebook.db", assignment, result["student"], result)
    target = course / "autograded" / result["student"] / assignment
    if target.exists():
        shutil.rmtree(target)
    if result.get("autograded") and Path(result["autograded"]).is_dir():
        shutil.copytree(result["autograded"], target)
    feedback = course / "feedback" / result["student"] / assignment
    if feedback.exists():
        shutil.rmtree(feedback)


def format_table(rows: list) -> str:
    head = f"{'student':<28} {'status':<8} {'score':>11} {'seconds':>8}  flags / failures"
    out = [head, "-" * len(head)]
    for r in rows:
        tamper = sorted({f["kind"] for f in r.get("flags", []) if f.get("severity") == "tamper"})
        warn = sorted({f["kind"] for f in r.get("flags", []) if f.get("severity") != "tamper"})
        notes = []
        if r.get("failures"):
            notes.append("FAILED: " + "; ".join(r["failures"]))
        if tamper:
            notes.append("TAMPER: " + ",".join(tamper))
        if warn:
            notes.append("flags: " + ",".join(warn))
        if r.get("resumed"):
            notes.append("(kept from the interrupted run)")
        score = f"{r.get('score', 0):g}/{r.get('max_score', 0):g}"
        out.append(f"{r['student']:<28} {r['status']:<8} {score:>11} {r.get('seconds') or 0:8.1f}  {' | '.join(notes)}")
    return "\n".join(out)


def grade(course, assignment: str, students: list = None, options: Options = None, state_dir=None,
          out=print) -> dict:
    """Autograde ``assignment`` for ``students`` (default: every submission) and return the run's report."""
    options = options or Options()
    course = Path(course).resolve()
    # nbgrader runs this environment's `alembic` when it creates a gradebook.
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")
    workers = options.workers or os.cpu_count() or 1
    ok, why = sandbox.available()
    if not ok:
        raise RuntimeError(f"cannot grade safely on this machine: {why}")
    gb_path = course / "gradebook.db"
    if not gb_path.exists():
        raise RuntimeError(f"no gradebook {gb_path}: run nbgrader generate_assignment {assignment} in {course} first")
    state = Path(state_dir) if state_dir else course / ".grader" / assignment
    state.mkdir(parents=True, exist_ok=True)
    lock_fh = open(state / "lock", "w")
    try:
        fcntl.flock(lock_fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise RuntimeError(f"another grading run holds {state / 'lock'}")

    info = gradebook.assignment_info(gb_path, assignment)
    max_score = sum(nb["max_score"] for nb in info["notebooks"].values())
    if students is None:
        students = submitted_students(course, assignment)
    bad = [s for s in students if not intake.valid_student_id(s)]
    if bad:
        raise ValueError(f"invalid student ids: {bad}")
    students = list(dict.fromkeys(students))

    journal = Journal(state / "journal.jsonl")
    key = hashlib.sha256(
        f"{GRADER_VERSION}|{intake.fingerprint_of_assignment(info)}|{options.fingerprint()}|{_course_config(course)}".encode()
    ).hexdigest()[:16]
    previous_run, kept = journal.resumable(key) if options.resume else (None, {})
    run_id = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"
    journal.write({"event": "start", "run": run_id, "time": _now(), "assignment": assignment, "key": key,
                   "students": students, "workers": workers, "resumes": previous_run})
    started = time.monotonic()
    out(f"grading {assignment}: {len(students)} student(s), {workers} worker(s)"
        + (f", resuming run {previous_run}" if previous_run else ""))

    # Each job's kernel runs as its own uid; a random offset keeps two runs
    # on one machine (two courses) from sharing uids.
    uid_offset = secrets.randbelow(50000)
    run_dir = Path(tempfile.mkdtemp(prefix="agl-"))
    os.chmod(run_dir, 0o700)
    # Job folders of runs that were killed (their processes died with them).
    records = journal.records()
    finished = {r["run"] for r in records if r.get("event") == "finished"}
    for r in records:
        old = r.get("jobs_dir")
        if r.get("event") == "jobs" and r["run"] not in finished and old and Path(old).name.startswith("agl-"):
            shutil.rmtree(old, ignore_errors=True)
    journal.write({"event": "jobs", "run": run_id, "jobs_dir": str(run_dir)})
    # nbgrader's import takes seconds: the fork server does it while the
    # submissions are taken in.
    server = ForkServer(PRELOAD, tag=str(run_dir))
    try:
        return _grade_with(**locals())
    finally:
        server.close()
        lock_fh.close()


def _grade_with(*, server, course, assignment, students, options, state, out, workers, gb_path, info, max_score,
                journal, previous_run, kept, run_id, started, run_dir, uid_offset, lock_fh, **_):
    source_dir = course / "source" / assignment
    source_files = sorted(intake.expected_extra_files(source_dir))
    rows = {}
    to_run = []
    now = gradebook.utcnow()
    for s in students:
        t0 = time.monotonic()
        taken = intake.take(s, course / "submitted" / s / assignment, info, source_dir, now)
        if s in kept and kept[s].get("fingerprint") == taken.fingerprint and taken.fingerprint:
            row = dict(kept[s]["result"])
            row["resumed"] = True
            rows[s] = row
            journal.write({"event": "committed", "run": run_id, "student": s, "fingerprint": taken.fingerprint,
                           "result": row})
            continue
        if not taken.ok:
            rows[s] = ("failed", _failed_result(s, taken.failures, taken.flags, taken.ignored, taken.fingerprint,
                                                taken.timestamp, round(time.monotonic() - t0, 3), max_score))
        else:
            to_run.append((s, taken))

    template = run_dir / "template.db"
    gradebook.make_template(gb_path, assignment, template)
    readonly_python = sandbox.python_paths(sys.executable)
    config_text = _course_config(course)

    def commit(s, result):
        _commit(course, assignment, result)
        row = summary(result)
        journal.write({"event": "committed", "run": run_id, "student": s, "fingerprint": result.get("fingerprint"),
                       "result": row})
        rows[s] = row
        tamper = [f["kind"] for f in result.get("flags", []) if f.get("severity") == "tamper"]
        out(f"  {s}: {result['status']} {result.get('score', 0):g}/{result.get('max_score', 0):g}"
            + (f" FAILED: {'; '.join(result['failures'])}" if result.get("failures") else "")
            + (f" TAMPER: {','.join(sorted(set(tamper)))}" if tamper else "")
            + f" ({result.get('seconds', 0):.1f} s)")

    # Failures found at intake are written first (they need no job).
    for s in list(rows):
        if isinstance(rows[s], tuple):
            commit(s, rows[s][1])

    running = {}
    stop = threading.Event()

    def run_one(number, s, taken):
        job_dir = run_dir / f"j{number}"
        spec = {
            "job": str(job_dir), "number": uid_offset + number, "course": str(course), "assignment": assignment, "student": s,
            "submission": str(course / "submitted" / s / assignment), "template_db": str(template), "info": info,
            "source_files": source_files, "notebooks": sorted(taken.notebooks), "files": taken.files,
            "timestamp": taken.timestamp, "flags": taken.flags, "ignored": taken.ignored,
            "fingerprint": taken.fingerprint, "config_text": config_text, "cell_timeout": options.cell_timeout,
            "config_extra": options.config_extra, "limits": asdict(options.limits), "policy": options.policy,
            "readonly": options.readonly, "readonly_python": readonly_python,
        }
        ext = gradebook.extension_of(gb_path, assignment, s)
        if ext:
            spec["extension_seconds"] = ext.total_seconds()
        if stop.is_set():
            return s, None
        t0 = time.monotonic()
        job_dir.mkdir(mode=0o700)
        (job_dir / "spec.json").write_text(json.dumps(spec, default=str))
        job_id = server.start(str(job_dir / "spec.json"))
        running[s] = job_id
        if stop.is_set():  # interrupted while this job was being forked
            server.kill(job_id)
        exitcode = server.wait(job_id, options.job_timeout)
        timed_out = exitcode is None and not stop.is_set()
        if exitcode is None:
            server.kill(job_id)
            exitcode = server.wait(job_id, 10)
        running.pop(s, None)
        if stop.is_set():
            return s, None
        result_path = job_dir / "result.json"
        if timed_out:
            result = _failed_result(s, [f"the grading job ran past its time limit ({options.job_timeout} s) and was "
                                        "killed"], taken.flags, taken.ignored, taken.fingerprint, taken.timestamp,
                                    round(time.monotonic() - t0, 3), max_score)
        elif result_path.exists():
            result = json.loads(result_path.read_text())
        else:
            result = _failed_result(s, [f"the grading job crashed (exit code {exitcode})"], taken.flags,
                                    taken.ignored, taken.fingerprint, taken.timestamp,
                                    round(time.monotonic() - t0, 3), max_score)
        return s, result

    def on_signal(signum, _frame):
        raise Interrupted(signal.Signals(signum).name)

    old_term = signal.signal(signal.SIGTERM, on_signal) if threading.current_thread() is threading.main_thread() else None
    interrupted = None
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(run_one, i, s, taken) for i, (s, taken) in enumerate(to_run)]
            try:
                for future in concurrent.futures.as_completed(futures):
                    s, result = future.result()
                    if result is None:
                        continue
                    commit(s, result)
                    if not options.keep_jobs:
                        shutil.rmtree(run_dir / f"j{[x for x, _ in to_run].index(s)}", ignore_errors=True)
            except (KeyboardInterrupt, Interrupted) as exc:
                interrupted = exc
                stop.set()
                for f in futures:
                    f.cancel()
                for job_id in list(running.values()):
                    server.kill(job_id)
                raise
    except (KeyboardInterrupt, Interrupted):
        journal.write({"event": "interrupted", "run": run_id, "time": _now()})
        out(f"interrupted: {len([r for r in rows.values() if not isinstance(r, tuple)])} of {len(students)} "
            "student(s) committed; run the same command again to finish")
        raise KeyboardInterrupt from interrupted
    finally:
        if old_term is not None:
            signal.signal(signal.SIGTERM, old_term)
        if not options.keep_jobs:
            shutil.rmtree(run_dir, ignore_errors=True)

    ordered = [rows[s] for s in students]
    report = {
        "run": run_id, "assignment": assignment, "course": str(course), "time": _now(),
        "seconds": round(time.monotonic() - started, 3), "workers": workers, "resumed_from": previous_run,
        "options": {**asdict(options), "limits": asdict(options.limits)}, "students": ordered,
        "jobs_dir": str(run_dir) if options.keep_jobs else None,
    }
    (state / f"report-{run_id}.json").write_text(json.dumps(report, indent=1, default=str))
    shutil.copyfile(state / f"report-{run_id}.json", state / "report-latest.json")
    with open(state / f"report-{run_id}.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["student", "status", "score", "max_score", "seconds", "tamper_flags", "other_flags",
                    "failures", "ignored_files"])
        for r in ordered:
            w.writerow([r["student"], r["status"], r.get("score"), r.get("max_score"), r.get("seconds"),
                        ";".join(sorted({f["kind"] for f in r.get("flags", []) if f.get("severity") == "tamper"})),
                        ";".join(sorted({f["kind"] for f in r.get("flags", []) if f.get("severity") != "tamper"})),
                        " | ".join(r.get("failures") or []), ";".join(r.get("ignored") or [])])
    shutil.copyfile(state / f"report-{run_id}.csv", state / "report-latest.csv")
    if options.export:
        from ..grading import nbgrader

        exported = nbgrader(course, "export", "--to", str(state / "grades.csv"), check=False)
        report["export"] = str(state / "grades.csv") if exported.returncode == 0 else None
    journal.write({"event": "finished", "run": run_id, "time": _now()})
    out("")
    out(format_table(ordered))
    out(f"\n{len(ordered)} student(s) in {report['seconds']:.1f} s; report: {state / 'report-latest.json'}"
        + (f"; grades: {report['export']}" if report.get("export") else ""))
    return report
