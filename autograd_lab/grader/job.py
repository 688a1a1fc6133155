"""One grading job: one student, in a private course folder, with the real ``nbgrader autograde``.

Runs in its own process (forked from a server that has already imported
nbgrader, see runner.py).  Given the intake of a submission, it builds::

    JOB/nbgrader_config.py   the course's configuration + the sandbox and guard settings
    JOB/gradebook.db         a copy of the run's template (only this assignment's definition)
    JOB/source/ASSIGNMENT/   the assignment's non-notebook files (no solutions, no tests)
    JOB/submitted/STUDENT/ASSIGNMENT/   the expected notebooks and files, and a checked timestamp

runs nbgrader's Autograde there (sanitize: locked and test cells restored,
deleted tests added back; execute in the sandbox kernel with the guard;
score), then scores the tampering (every test cell that runs after code
flagged ``tamper`` by the static scan or the runtime guard gets 0) and
writes ``JOB/result.json`` for the single writer.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import time
import traceback
from pathlib import Path

from . import sandbox

RUNTIME_TAMPER_KINDS = {"transformer", "ipython-hook", "displayhook", "monkeypatch", "guard"}


def job_config(course_config: str, job: Path, cell_timeout=None, extra: str = "") -> str:
    """The course's nbgrader_config.py, followed by what makes the job safe."""
    lines = [
        course_config.rstrip(),
        "",
        "# ---- added by autograd_lab.grader for one grading job ----",
        "from autograd_lab.grader.executor import GuardedExecute as _AglGuardedExecute",
        "from nbgrader.converters import Autograde as _AglAutograde",
        "from nbgrader.preprocessors import Execute as _AglExecute",
        "c.Autograde.autograde_preprocessors = [",
        "    _AglGuardedExecute if _pp is _AglExecute else _pp",
        "    for _pp in (c.Autograde.autograde_preprocessors if 'autograde_preprocessors' in c.Autograde",
        "                else _AglAutograde.class_traits()['autograde_preprocessors'].default())",
        "]",
        f"c.GuardedExecute.log_dir = {str(job / 'guard')!r}",
        f"c.CourseDirectory.root = {str(job)!r}",
        f"c.KernelManager.ip = {str(job / 'rt' / 'kernel')!r}",
        sandbox.NBGRADER_CONFIG,
        "c.Autograde.create_student = True",
        "c.NbGrader.logfile = ''",
    ]
    if cell_timeout is not None:
        lines.append(f"c.Execute.timeout = {int(cell_timeout)}")
    if extra:
        lines.append(extra)
    return "\n".join(lines) + "\n"


def build(spec: dict) -> Path:
    """Lay out the job's private course folder."""
    job = Path(spec["job"])
    course = Path(spec["course"])
    a, s = spec["assignment"], spec["student"]
    job.mkdir(mode=0o700, parents=True, exist_ok=True)
    (job / "nbgrader_config.py").write_text(
        job_config(spec["config_text"], job, spec.get("cell_timeout"), spec.get("config_extra", "")))
    shutil.copyfile(spec["template_db"], job / "gradebook.db")
    src = job / "source" / a
    src.mkdir(parents=True)
    for rel in spec["source_files"]:
        dest = src / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(course / "source" / a / rel, dest)
    sub = job / "submitted" / s / a
    sub.mkdir(parents=True)
    submitted = Path(spec["submission"])
    for name in spec["notebooks"]:
        shutil.copyfile(submitted / f"{name}.ipynb", sub / f"{name}.ipynb")
    for rel in spec["files"]:
        dest = sub / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(submitted / rel, dest)
    if spec.get("timestamp"):
        (sub / "timestamp.txt").write_text(spec["timestamp"])
    if spec.get("extension_seconds"):
        import datetime

        from nbgrader.api import Gradebook

        from .gradebook import db_url

        with Gradebook(db_url(job / "gradebook.db")) as gb:
            gb.update_or_create_student(s)
            gb.add_submission(a, s, extension=datetime.timedelta(seconds=spec["extension_seconds"]))
    sandbox.install(job, spec["number"], sandbox.Limits(**spec["limits"]),
                    readonly=spec.get("readonly", []), readonly_python=spec.get("readonly_python"))
    return job


def _run_nbgrader(job: Path, assignment: str, student: str) -> int:
    """``nbgrader autograde ASSIGNMENT --student STUDENT --force`` in this process (nbgrader is preloaded)."""
    from nbgrader.apps.autogradeapp import AutogradeApp

    app = AutogradeApp.instance()
    try:
        app.initialize([assignment, "--student", student, "--force"])
        app.start()
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    except BaseException:
        traceback.print_exc()
        return 1
    return 0


def _failure_reason(job: Path, log: str) -> str:
    for guard_log in sorted((job / "guard").glob("*.json")) if (job / "guard").is_dir() else []:
        try:
            exit_cell = json.loads(guard_log.read_text()).get("exit_requested")
        except ValueError:
            exit_cell = None
        if exit_cell:
            return f"the kernel died: the notebook called exit() (or quit()) in {exit_cell}"
    status = {}
    if (job / "jail-status.json").exists():
        try:
            status = json.loads((job / "jail-status.json").read_text())
        except ValueError:
            status = {}
    reason = status.get("reason")
    limits = {}
    try:
        limits = json.loads((job / "jail.json").read_text())["limits"]
    except (OSError, ValueError, KeyError):
        pass
    if reason == "wall":
        return f"the kernel ran past its wall-clock limit ({limits.get('wall_seconds')} s) and was killed"
    if reason == "cpu":
        return f"the kernel used up its CPU-time limit ({limits.get('cpu_seconds')} s) and was killed"
    if reason == "sandbox-error":
        return "the sandbox could not start the kernel"
    if "Timeout waiting for IOPub output" in log or "CellTimeoutError" in log and "Kernel died" not in log:
        return "a cell ran past the time limit and ignored the interrupt (KeyboardInterrupt swallowed?)"
    if "Kernel died" in log or "DeadKernelError" in log or reason in ("exit", "killed", "signal"):
        if reason == "exit":
            return f"the kernel died: it exited with status {status.get('exit_code')} (exit(), os._exit() or a crash)"
        if reason in ("killed", "signal"):
            return f"the kernel died: killed by {status.get('signal_name')}"
        return "the kernel died"
    if "failed to validate" in log or "ValidationError" in log:
        return "nbgrader could not validate the notebook's metadata"
    if "Inconsistent checksums" in log:
        return "nbgrader could not restore a locked cell (inconsistent checksums)"
    lines = [ln for ln in log.strip().splitlines() if ln.strip()]
    errors = [ln for ln in lines if "Error" in ln or "error" in ln]
    return "nbgrader failed: " + ((errors or lines or ["no output"])[-1].strip()[:300])


def trusted_cell_ids(info: dict, notebook: str) -> set:
    """Grade ids of the cells nbgrader restores from the gradebook (locked cells): not the student's code."""
    return {gid for gid, c in info["notebooks"][notebook]["cells"].items() if c.get("locked")}


def score_tampering(result: dict, info: dict, job: Path, autograded: Path, policy: str) -> None:
    """Add scan and guard findings to the result; zero the test cells that ran after tampering."""
    from .scan import scan_notebook

    for name in info["notebooks"]:
        path = autograded / f"{name}.ipynb"
        if not path.exists():
            continue
        nb = json.loads(path.read_text(encoding="utf-8"))
        grade_cells = [
            (i, c["metadata"]["nbgrader"]["grade_id"]) for i, c in enumerate(nb["cells"])
            if c.get("metadata", {}).get("nbgrader", {}).get("grade")
            and c["metadata"]["nbgrader"].get("grade_id") in info["notebooks"][name]["cells"]
        ]
        findings = scan_notebook(nb, trusted_cell_ids(info, name))
        static_first = min((f["index"] for f in findings if f["severity"] == "tamper"), default=None)
        runtime_first = None
        guard_path = job / "guard" / f"{name}.json"
        guard = json.loads(guard_path.read_text()) if guard_path.exists() else {"installed": False, "events": []}
        if not guard.get("installed"):
            result["flags"].append({"kind": "guard", "severity": "tamper", "source": "guard", "notebook": name,
                                    "what": "the tamper guard could not be installed: " + "; ".join(guard.get("errors", []))})
            runtime_first = -1
        for event in guard.get("events", []):
            for f in event["findings"]:
                severity = "tamper" if f["kind"] in RUNTIME_TAMPER_KINDS else "warn"
                result["flags"].append({"kind": f["kind"], "what": f["what"], "severity": severity, "source": "guard",
                                        "notebook": name, "cell": event["cell"], "phase": event["phase"],
                                        "index": event["index"]})
                if severity == "tamper":
                    runtime_first = event["index"] if runtime_first is None else min(runtime_first, event["index"])
        for f in findings:
            f["notebook"] = name
            result["flags"].append(f)
        if policy != "zero":
            continue
        grades = result["gradebook"]["notebooks"].get(name, {}).get("grades", {})
        for index, gid in grade_cells:
            tainted = (static_first is not None and index > static_first) or \
                      (runtime_first is not None and index >= runtime_first)
            g = grades.get(gid)
            if tainted and g is not None and (g["auto_score"] or 0) > 0:
                result["zeroed"].append({"notebook": name, "cell": gid, "was": g["auto_score"]})
                g["auto_score"] = 0.0
                g["needs_manual_grade"] = False
    if result["zeroed"]:
        result["flagged"] = True
        cells = ", ".join(z["cell"] for z in result["zeroed"])
        result["flags"].append({"kind": "zeroed", "severity": "tamper", "source": "grader",
                                "what": f"test cells that ran after tampering scored 0: {cells}"})
    if any(f["severity"] == "tamper" for f in result["flags"]):
        result["flagged"] = True


def totals(result: dict, info: dict) -> None:
    score = 0.0
    max_score = sum(nb["max_score"] for nb in info["notebooks"].values())
    tests = {}
    if result["status"] == "graded":
        for name, nb in result["gradebook"]["notebooks"].items():
            for gid, g in nb["grades"].items():
                value = g["auto_score"] or 0.0
                score += value + (g["extra_credit"] or 0.0)
                tests[gid] = {"score": g["auto_score"], "max_score": g["max_score"],
                              "needs_manual_grade": g["needs_manual_grade"]}
    result["score"] = round(score, 6)
    result["max_score"] = max_score
    result["tests"] = tests
    result["needs_manual_grade"] = any(t["needs_manual_grade"] for t in tests.values())


def run_job(spec: dict) -> None:
    """Entry point of the job process: never raises, always leaves JOB/result.json."""
    started = time.monotonic()
    job = Path(spec["job"])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the runner decides when jobs stop
    try:
        from .jail import PR_SET_PDEATHSIG, prctl

        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except Exception:
        pass
    result = {
        "student": spec["student"], "status": "failed", "failures": [], "flags": list(spec.get("flags", [])),
        "ignored": spec.get("ignored", []), "timestamp": spec.get("timestamp"), "gradebook": None,
        "autograded": None, "zeroed": [], "flagged": False, "fingerprint": spec.get("fingerprint"),
    }
    log_path = job / "nbgrader.log"
    try:
        build(spec)
        os.chdir(job)
        os.environ.update(sandbox.job_environment(job))
        os.environ["NBGRADER_EXECUTION"] = "autograde"
        log_fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(log_fd, 1)
        os.dup2(log_fd, 2)
        code = _run_nbgrader(job, spec["assignment"], spec["student"])
        sys.stdout.flush()
        sys.stderr.flush()
        log = log_path.read_text(errors="replace")
        autograded = job / "autograded" / spec["student"] / spec["assignment"]
        missing = [n for n in spec["notebooks"] if not (autograded / f"{n}.ipynb").exists()]
        if code != 0 or missing:
            result["failures"].append(_failure_reason(job, log))
        else:
            from .gradebook import job_result

            result["status"] = "graded"
            result["gradebook"] = job_result(job / "gradebook.db", spec["assignment"], spec["student"])
            result["autograded"] = str(autograded)
            score_tampering(result, spec["info"], job, autograded, spec.get("policy", "zero"))
    except BaseException as exc:  # report, never propagate
        result["status"] = "failed"
        result["failures"].append(f"grading job error: {exc!r}")
        try:
            with open(log_path, "a") as fh:
                traceback.print_exc(file=fh)
        except OSError:
            pass
    totals(result, spec["info"])
    result["seconds"] = round(time.monotonic() - started, 3)
    tmp = job / "result.json.tmp"
    tmp.write_text(json.dumps(result, indent=1, default=str))
    os.replace(tmp, job / "result.json")
