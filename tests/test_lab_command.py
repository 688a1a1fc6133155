"""The README's first command opens JupyterLab on the course."""

from __future__ import annotations

import json
import sys
import urllib.request

from autograd_lab.course import ROOT
from tests.jupyter_server import serving


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


def test_lab_command_serves_the_course(tmp_path):
    with serving([sys.executable, "-m", "autograd_lab", "lab"], cwd=ROOT, log=tmp_path / "lab.log", timeout=90) as (
        base,
        token,
    ):
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
