"""The README's first command opens JupyterLab on the course."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from autograd_lab.course import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


def test_lab_command_serves_the_course():
    port, token = _free_port(), secrets.token_hex(16)
    server = subprocess.Popen(
        [sys.executable, "-m", "autograd_lab", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", f"--IdentityProvider.token={token}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                status, _ = _get(f"{base}/api/status?token={token}")
                if status == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, server.stderr.read().decode(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "JupyterLab did not start in 90 s"
            time.sleep(0.5)
        status, page = _get(f"{base}/lab?token={token}")
        assert status == 200 and b"JupyterLab" in page
        # The server's root is the course: the lecture folders and the assignments are there.
        status, body = _get(f"{base}/api/contents?token={token}")
        names = {item["name"] for item in json.loads(body)["content"]}
        assert {"notebooks", "release", "README.md", "README.pt-BR.md"} <= names
        # And the course kernel is the environment's Python.
        status, body = _get(f"{base}/api/kernelspecs?token={token}")
        spec = json.loads(body)["kernelspecs"]["python3"]["spec"]
        assert spec["argv"][0].startswith(str(ROOT / ".venv")), spec["argv"]
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
