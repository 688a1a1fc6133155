"""A Jupyter server started for a test: on 127.0.0.1, a free port, a fresh token; stopped after."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(command: list, *, cwd: Path, log: Path, env: dict = None, timeout: float = 120):
    """Run ``command`` (a JupyterLab start) on a free local port with a token; yield (url, token).

    Its output goes to ``log``, whose end is shown if it stops before it answers.
    """
    port, token = free_port(), secrets.token_hex(16)
    with open(log, "wb") as output:
        server = subprocess.Popen(
            [*command, "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
             f"--IdentityProvider.token={token}"],
            cwd=cwd,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                assert server.poll() is None, Path(log).read_text(errors="replace")[-3000:]
                assert time.monotonic() < deadline, f"JupyterLab did not start in {timeout:g} s"
                time.sleep(0.5)
            yield url, token
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(server.pid, signal.SIGKILL)
                    server.wait()
