"""The start pages list the series in order, link to files that exist, and are up to date."""

from __future__ import annotations

import re

import pytest

from autograd_lab.course import ROOT, TOPICS
from autograd_lab.startpage import PAGES, render


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_start_page_is_generated_from_the_table_of_topics(lang):
    committed = (ROOT / PAGES[lang]).read_text(encoding="utf-8")
    assert committed == render(lang), "run `python3.11 -m autograd_lab start-pages` and commit"


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_start_page_links_resolve_and_follow_the_series_order(lang):
    page = ROOT / PAGES[lang]
    text = page.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", text)
    missing = [link for link in links if not (page.parent / link).exists()]
    assert not missing, f"broken links: {missing}"
    positions = [text.index(t.title[lang]) for t in TOPICS]
    assert positions == sorted(positions)
    for topic in TOPICS:
        assert f"{topic.minutes} min" in text


def test_lab_opens_the_start_page_of_the_students_language(monkeypatch):
    from autograd_lab import bootstrap

    monkeypatch.setenv("LANG", "pt_BR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    assert "--LabApp.default_url=/lab/tree/notebooks/COMECE_AQUI.md" in bootstrap.lab_arguments()
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "--LabApp.default_url=/lab/tree/notebooks/START_HERE.md" in bootstrap.lab_arguments()
