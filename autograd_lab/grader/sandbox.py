"""The sandbox kernel of a grading job: its kernelspec, its limits, and a self-check.

Only the kernel (where student code runs) is sandboxed; nbgrader itself runs
as the grader, outside, in the job's private course folder.  A job folder
holds::

    JOB/                     0700, root: nbgrader_config.py, gradebook.db, submitted/, autograded/ ...
    JOB/share/jupyter/kernels/autograd-lab-sandbox/kernel.json
    JOB/jail.json            what jail.py needs (uid, limits, paths)
    JOB/jail-status.json     written by jail.py when the kernel ends
    JOB/root/                mount point of the sandbox's root (a tmpfs, only inside the sandbox)
    JOB/work/                the kernel's working copy (owned by the job's uid)
    JOB/rt/                  the connection file and the kernel's Unix sockets

See jail.py for what the sandbox does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

KERNEL_NAME = "autograd-lab-sandbox"
JAIL = Path(__file__).resolve().with_name("jail.py")
# Uids of sandboxed kernels: one per job, never a real account.
UID_BASE = 420000


@dataclass
class Limits:
    """Resource limits of one sandboxed kernel (None: no limit)."""

    cpu_seconds: int = 300  # CPU time of the kernel process (all its threads)
    memory_bytes: int = 4 << 30  # address space (torch alone maps about 1.5 GB)
    file_bytes: int = 64 << 20  # largest file the kernel may write
    processes: int = 256  # processes and threads of the job's uid
    open_files: int = 1024
    wall_seconds: int = 900  # the kernel is killed after this long, whatever it does


def available() -> tuple:
    """(True, "") if this machine can run the sandbox, else (False, why)."""
    if sys.platform != "linux":
        return False, "the sandbox needs Linux namespaces"
    if os.geteuid() != 0:
        return False, "the sandbox needs root (it drops to an unprivileged uid for the kernel)"
    probe = subprocess.run(
        ["unshare", "--net", "--mount", "--pid", "--fork", "--ipc", "true"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return False, f"cannot create namespaces: {probe.stderr.strip()}"
    return True, ""


def python_paths(python: str = sys.executable) -> list:
    """The folders a kernel run by ``python`` needs to read: the installation and the venv."""
    out = subprocess.run(
        [python, "-c", "import sys, json; print(json.dumps([sys.base_prefix, sys.prefix, sys.executable]))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    base, prefix, _ = json.loads(out)
    return sorted({os.path.realpath(base), os.path.abspath(prefix)})


def install(job: Path, job_number: int, limits: Limits, python: str = sys.executable,
            readonly: list = None, readonly_python: list = None) -> dict:
    """Write the sandbox kernelspec and jail spec into a job folder; return the jail spec."""
    job = Path(job)
    for sub in ("root", "work", "rt"):
        (job / sub).mkdir(mode=0o700, exist_ok=True)
    uid = UID_BASE + job_number % 100000
    spec = {
        "python": python,
        "uid": uid,
        "gid": uid,
        "root": str(job / "root"),
        "workdir": str(job / "work"),
        "writable": [str(job / "work"), str(job / "rt")],
        "readonly": list(readonly_python if readonly_python is not None else python_paths(python))
        + list(readonly or []),
        "status": str(job / "jail-status.json"),
        "limits": asdict(limits),
        "threads": 1,
    }
    (job / "jail.json").write_text(json.dumps(spec, indent=1))
    os.chmod(job / "jail.json", 0o600)
    kernel_dir = job / "share" / "jupyter" / "kernels" / KERNEL_NAME
    kernel_dir.mkdir(parents=True, exist_ok=True)
    kernelspec = {
        "argv": [sys.executable, "-I", "-B", str(JAIL), str(job / "jail.json"), "{connection_file}"],
        "display_name": "Python 3 (autograd-lab sandbox)",
        "language": "python",
        "interrupt_mode": "signal",
        "metadata": {"debugger": False},
    }
    (kernel_dir / "kernel.json").write_text(json.dumps(kernelspec, indent=1))
    return spec


def job_environment(job: Path, base: dict = None) -> dict:
    """Environment of the job's nbgrader: finds the sandbox kernelspec, writes the connection file in JOB/rt."""
    env = dict(base if base is not None else os.environ)
    env["JUPYTER_PATH"] = str(Path(job) / "share" / "jupyter")
    env["JUPYTER_RUNTIME_DIR"] = str(Path(job) / "rt")
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env["PYTHONUTF8"] = "1"
    return env


# traitlets configuration that makes nbgrader's Execute use the sandbox kernel.
NBGRADER_CONFIG = f"""
c.Execute.kernel_name = {KERNEL_NAME!r}
# ZMQ over Unix sockets: the kernel has its own network namespace.
c.KernelManager.transport = "ipc"
c.Execute.shutdown_kernel = "immediate"
"""
