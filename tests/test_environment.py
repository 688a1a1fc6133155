"""The environment is pinned and reproducible, and the README's commands are the ones CI runs."""

from __future__ import annotations

import re
import sys

from autograd_lab.course import ROOT

REQUIREMENTS = ROOT / "requirements.txt"
READMES = {"en": ROOT / "README.md", "pt": ROOT / "README.pt-BR.md"}


def requirement_lines():
    return [
        line.strip()
        for line in REQUIREMENTS.read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def test_every_requirement_is_pinned_exactly():
    loose = [line for line in requirement_lines() if not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.+\-]+", line)]
    assert not loose, f"unpinned requirements: {loose}"


def test_torch_is_pinned_to_2_13_0():
    assert "torch==2.13.0" in requirement_lines()


def test_direct_dependencies_are_listed():
    names = {line.split("==")[0].lower() for line in requirement_lines()}
    for needed in ("torch", "jupyterlab", "nbgrader", "nbval", "matplotlib", "pytest", "pytest-xdist"):
        assert needed in names


def test_running_environment_matches_the_pins():
    import torch

    assert sys.version_info[:2] == (3, 11)
    assert torch.__version__.split("+")[0] == "2.13.0"
    from importlib.metadata import version

    for line in requirement_lines():
        name, pinned = line.split("==")
        installed = version(name)
        assert installed.split("+")[0] == pinned, f"{name}: {installed} installed, {pinned} pinned"


def test_conda_environment_reuses_the_requirements():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s*-\s*python=3\.11\s*$", text, re.M)
    assert re.search(r"^\s*-\s*-r requirements\.txt\s*$", text, re.M)
    assert "torch" not in text.split("dependencies:")[1].replace("requirements", "")


def quick_start_commands(readme):
    """The commands in the fenced blocks of the Quick start section."""
    text = readme.read_text(encoding="utf-8")
    section = re.search(r"^## (?:Quick start|Início rápido)\n(.*?)(?=^## )", text, re.M | re.S)
    assert section, f"{readme.name}: no Quick start section"
    blocks = re.findall(r"```(?:bash|sh|shell)?\n(.*?)```", section.group(1), re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second():
    ci = (ROOT / ".ci" / "run").read_text()
    for readme in READMES.values():
        commands = quick_start_commands(readme)
        assert len(commands) == 2, f"{readme.name}: {commands}"
        lab, test = commands
        assert "lab" in lab and "test" in test
        assert re.search(rf"^{re.escape(test)}$", ci, re.M), f".ci/run does not run {test!r} verbatim"
    assert quick_start_commands(READMES["en"]) == quick_start_commands(READMES["pt"])
    assert "LANG=C.UTF-8" in ci


def test_readmes_link_each_other():
    assert "README.pt-BR.md" in READMES["en"].read_text(encoding="utf-8")
    assert "README.md" in READMES["pt"].read_text(encoding="utf-8")


def test_readmes_list_the_series_in_order():
    from autograd_lab.course import existing_topics

    for lang, readme in READMES.items():
        text = readme.read_text(encoding="utf-8")
        positions = []
        for topic in existing_topics():
            assert topic.title[lang] in text, f"{readme.name} does not list {topic.title[lang]!r}"
            positions.append(text.index(topic.title[lang]))
        assert positions == sorted(positions), f"{readme.name} lists the topics out of order"


def test_generated_and_private_files_are_ignored():
    ignored = (ROOT / ".gitignore").read_text().split()
    for entry in (".venv/", "gradebook.db", "submitted/", "autograded/", "feedback/", "__pycache__/"):
        assert entry in ignored
