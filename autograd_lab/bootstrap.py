"""Create and keep up to date the course's virtual environment (standard library only).

The environment lives in ``.venv`` at the top of the clone.  It is rebuilt
when ``requirements.txt`` changes (a stamp file records the hash of what was
installed), so nothing depends on what a previous session installed by hand.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from .course import ROOT

VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / ".autograd-lab-stamp"
# Bump when the steps below change, so existing environments are redone.
BOOTSTRAP_VERSION = "2"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def inside_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def _wanted_stamp() -> str:
    digest = hashlib.sha256()
    digest.update(BOOTSTRAP_VERSION.encode())
    digest.update(REQUIREMENTS.read_bytes())
    return digest.hexdigest()


def _say(message: str) -> None:
    print(f"[autograd-lab] {message}", file=sys.stderr, flush=True)


def _check_python() -> None:
    if sys.version_info[:2] != (3, 11):
        raise SystemExit(
            f"Autograd Lab needs Python 3.11 (torch 2.13.0 is pinned for it); "
            f"this is Python {sys.version.split()[0]}. Run the command with python3.11."
        )


def ensure_venv() -> None:
    """Create ``.venv`` with the pinned packages, unless it is already up to date."""
    wanted = _wanted_stamp()
    if STAMP.exists() and STAMP.read_text().strip() == wanted and venv_python().exists():
        return
    if inside_venv():
        raise SystemExit("The environment is out of date: run this command with python3.11, outside .venv.")
    _check_python()
    if VENV.exists():
        _say("requirements changed: rebuilding .venv")
        shutil.rmtree(VENV)
    _say("creating .venv (first run only; it takes a few minutes)")
    venv.EnvBuilder(with_pip=True).create(VENV)
    python = str(venv_python())
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input"]
    subprocess.run([*pip, "-r", str(REQUIREMENTS)], check=True)
    # Make the course's package importable in the environment (kernels and
    # nbgrader included) without building it: a .pth file pointing here.
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, "autograd_lab.pth").write_text(str(ROOT) + "\n", encoding="utf-8")
    # A kernel named python3 inside the environment, so that notebooks run
    # with this Python even if the user has another "python3" kernel.
    subprocess.run(
        [python, "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3",
         "--display-name", "Python 3 (ipykernel)"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    # Markdown files (the start pages) open rendered, not in the text editor.
    settings = VENV / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "overrides.json").write_text(
        '{"@jupyterlab/docmanager-extension:plugin": {"defaultViewers": {"markdown": "Markdown Preview"}}}\n',
        encoding="utf-8",
    )
    STAMP.write_text(wanted + "\n")
    _say(".venv is ready")


CHROMIUM = "/usr/bin/chromium"


def chromium_path():
    """Debian's Chromium (the browser test drives it), or None when it is not installed."""
    for candidate in (shutil.which("chromium"), CHROMIUM):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def ensure_browser() -> None:
    """Under CI (``CI=true``), install Debian's ``chromium`` package if it is missing.

    The browser test must run under CI, never skip; on a student's or a
    contributor's machine nothing is installed (the test says how to get it
    and skips).  Playwright cannot download its own browser here, so the test
    drives this one through ``executable_path``.
    """
    if os.environ.get("CI") != "true" or chromium_path() is not None:
        return
    apt = shutil.which("apt-get")
    if apt is None:
        raise SystemExit("CI=true and Chromium is missing, but there is no apt-get to install it with: "
                         "install Chromium at /usr/bin/chromium for the browser test.")
    prefix = []
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        sudo = shutil.which("sudo")
        if sudo is None:
            raise SystemExit("CI=true and Chromium is missing: installing it needs root (or sudo).")
        prefix = [sudo, "-n"]
    _say("CI=true and Chromium is missing: installing Debian's chromium package for the browser test")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    quiet = {"stdout": subprocess.DEVNULL, "env": env, "check": True}
    subprocess.run([*prefix, apt, "-qq", "update"], **quiet)
    subprocess.run([*prefix, apt, "-qq", "install", "-y", "--no-install-recommends", "chromium"], **quiet)
    if chromium_path() is None:
        raise SystemExit("apt-get installed chromium, but no chromium command is on PATH")
    _say(f"Chromium installed: {chromium_path()}")


def venv_environment() -> dict:
    env = dict(os.environ)
    env["PYTHONUTF8"] = "1"
    env["JUPYTER_PREFER_ENV_PATH"] = "1"
    env["VIRTUAL_ENV"] = str(VENV)
    env["PATH"] = str(venv_python().parent) + os.pathsep + env.get("PATH", "")
    env.pop("PYTHONHOME", None)
    return env


def run_in_venv(arguments: list) -> int:
    """Run ``.venv/bin/python ARGUMENTS`` from the top of the clone."""
    completed = subprocess.run([str(venv_python()), *arguments], cwd=ROOT, env=venv_environment())
    return completed.returncode


def student_language() -> str:
    """``pt`` when the system speaks Portuguese, else ``en`` (the start page's language)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        value = os.environ.get(variable, "")
        if value and value not in ("C", "C.UTF-8", "POSIX"):
            return "pt" if value.lower().startswith("pt") else "en"
    return "en"


def lab_arguments() -> list:
    """JupyterLab on the course folder, opening the start page in the student's language.

    Running as root is allowed (containers and CI run as root).
    """
    from .startpage import PAGES

    arguments = [
        f"--ServerApp.root_dir={ROOT}",
        f"--LabApp.default_url=/lab/tree/{PAGES[student_language()]}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        arguments.append("--ServerApp.allow_root=True")
    return arguments
