"""A process that has imported nbgrader once and forks one fresh process per grading job.

Importing nbgrader, nbconvert and jupyter_client takes seconds; a job forked
from this server starts at once and shares nothing with the other jobs (its
own process, its own session, its own nbgrader application).
multiprocessing's forkserver would re-import the caller's ``__main__`` in
every job; this one does not.

Protocol (JSON lines): the runner writes ``{"id": N, "spec": PATH}`` on
stdin; the server answers ``{"id": N, "pid": PID}`` once the job is forked
and ``{"id": N, "exit": CODE}`` when it ends.  End of stdin stops the server;
running jobs then die with it (they set PDEATHSIG).
"""

from __future__ import annotations

import importlib
import json
import os
import select
import signal
import subprocess
import sys
import threading


def serve(preload: list) -> None:
    from .jail import PR_SET_PDEATHSIG, prctl

    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # die with the runner
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in preload:
        importlib.import_module(name)
    from .job import run_job

    out = sys.stdout
    ids = {}
    buffer = b""

    def say(record):
        out.write(json.dumps(record) + "\n")
        out.flush()

    def reap():
        while ids:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            job_id = ids.pop(pid, None)
            if job_id is not None:
                say({"id": job_id, "exit": os.waitstatus_to_exitcode(status)})

    open_stdin = True
    while open_stdin or ids:
        ready = select.select([0] if open_stdin else [], [], [], 0.05)[0]
        if ready:
            chunk = os.read(0, 65536)
            if not chunk:
                open_stdin = False
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                request = json.loads(line)
                with open(request["spec"]) as fh:
                    spec = json.load(fh)
                pid = os.fork()
                if pid == 0:
                    code = 0
                    try:
                        os.setsid()
                        devnull = os.open(os.devnull, os.O_RDWR)
                        os.dup2(devnull, 0)
                        os.dup2(devnull, 1)
                        run_job(spec)
                    except BaseException:
                        code = 1
                    finally:
                        os._exit(code)
                ids[pid] = request["id"]
                say({"id": request["id"], "pid": pid})
        reap()


class ForkServer:
    """The runner's side: start jobs, wait for them with a time limit, kill them."""

    def __init__(self, preload: list, tag: str = "", env: dict = None):
        from .jail import PR_SET_PDEATHSIG, prctl

        # ``tag`` (the run's folder) only makes the server easy to find in ps.
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "autograd_lab.grader.forkserver", f"--tag={tag}", *preload],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
            preexec_fn=lambda: prctl(PR_SET_PDEATHSIG, signal.SIGKILL),
        )
        self.lock = threading.Lock()
        self.cond = threading.Condition()
        self.pids, self.exits = {}, {}
        self.next_id = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            with self.cond:
                if "pid" in record:
                    self.pids[record["id"]] = record["pid"]
                if "exit" in record:
                    self.exits[record["id"]] = record["exit"]
                self.cond.notify_all()
        with self.cond:
            self.dead = True
            self.cond.notify_all()

    dead = False

    def start(self, spec_path: str) -> int:
        with self.lock:
            job_id = self.next_id
            self.next_id += 1
            self.proc.stdin.write((json.dumps({"id": job_id, "spec": spec_path}) + "\n").encode())
            self.proc.stdin.flush()
        with self.cond:
            while job_id not in self.pids and not self.dead:
                self.cond.wait()
        return job_id

    def kill(self, job_id: int) -> None:
        pid = self.pids.get(job_id)
        if pid and job_id not in self.exits:
            try:
                os.killpg(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

    def wait(self, job_id: int, timeout: float = None):
        """The job's exit code, or None if it is still running after ``timeout``."""
        with self.cond:
            self.cond.wait_for(lambda: job_id in self.exits or self.dead, timeout)
            return self.exits.get(job_id)

    def close(self) -> None:
        for job_id in list(self.pids):
            self.kill(job_id)
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


if __name__ == "__main__":
    serve([a for a in sys.argv[1:] if not a.startswith("--tag=")])
