"""Portuguese and English cannot drift (rules in autograd_lab/parity.py)."""

from __future__ import annotations

import copy
import json

import pytest

from autograd_lab import parity
from autograd_lab.course import LANGUAGES, TOPICS, existing_topics

PAIRS = []
for _t in existing_topics():
    PAIRS.append(pytest.param(_t.lecture("en"), _t.lecture("pt"), True, id=f"lecture-{_t.number}"))
    PAIRS.append(pytest.param(_t.source("en"), _t.source("pt"), False, id=f"source-{_t.number}"))
    PAIRS.append(pytest.param(_t.release("en"), _t.release("pt"), False, id=f"release-{_t.number}"))


@pytest.mark.parametrize("english, portuguese, with_outputs", PAIRS)
def test_languages_are_in_sync(english, portuguese, with_outputs):
    assert english.exists() and portuguese.exists(), "both languages must exist"
    problems = parity.compare(english, portuguese, check_outputs=with_outputs)
    assert not problems, f"{english.name} and {portuguese.name} drifted:\n" + "\n".join(problems)


@pytest.mark.parametrize("topic", existing_topics(), ids=lambda t: f"topic-{t.number}")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_notebook_metadata_names_its_language_topic_and_kind(topic, lang):
    for path, kind in ((topic.lecture(lang), "lecture"), (topic.source(lang), "assignment")):
        meta = parity.load(path)["metadata"]
        assert meta.get("autograd_lab") == {"lang": lang, "topic": topic.number, "kind": kind}, path
        assert meta["kernelspec"]["name"] == "python3", path


def test_file_names_are_unique_per_language():
    for lang in LANGUAGES:
        stems = [t.stem(lang) for t in TOPICS]
        assert len(set(stems)) == len(stems)
    assignments = [t.assignment(lang) for t in TOPICS for lang in LANGUAGES]
    assert len(set(assignments)) == len(assignments), "two languages share an assignment folder"


# The checker itself must catch drift: each mutation of one side is reported.

def _pair(tmp_path, mutate):
    topic = existing_topics()[0]
    original = parity.load(topic.lecture("en"))
    changed = copy.deepcopy(original)
    mutate(changed)
    a, b = tmp_path / "a.ipynb", tmp_path / "b.ipynb"
    a.write_text(json.dumps(original), encoding="utf-8")
    b.write_text(json.dumps(changed), encoding="utf-8")
    return parity.compare(a, b)


def _first(nb, cell_type, predicate=lambda c: True):
    return next(c for c in nb["cells"] if c["cell_type"] == cell_type and predicate(c))


def _append(cell, text):
    cell["source"] = parity.source_of(cell) + text


def _replace_first_digit(nb):
    cell = _first(nb, "code", lambda c: "arange(4.0" in parity.source_of(c))
    cell["source"] = parity.source_of(cell).replace("arange(4.0", "arange(5.0", 1)


MUTATIONS = {
    "code token": lambda nb: _append(_first(nb, "code"), "\nx_extra = 1"),
    "number in code": lambda nb: _replace_first_digit(nb),
    "nbval marker": lambda nb: _append(_first(nb, "code"), "\n# NBVAL_SKIP"),
    "cell removed": lambda nb: nb["cells"].pop(1),
    "cells swapped": lambda nb: nb["cells"].insert(1, nb["cells"].pop(2)),
    "cell id": lambda nb: nb["cells"][0].update(id="renamed"),
    "code span in prose": lambda nb: _append(_first(nb, "markdown"), " `said_in_one_language_only()`"),
    "maths in prose": lambda nb: _append(_first(nb, "markdown"), " $\\nabla_x y$"),
    "heading level": lambda nb: _append(_first(nb, "markdown"), "\n\n### A new section"),
    "error message": lambda nb: _first(
        nb, "code", lambda c: any(o["output_type"] == "error" for o in c.get("outputs", []))
    )["outputs"][-1].update(evalue="something else"),
    "nbgrader points": lambda nb: nb["cells"][0]["metadata"].update(
        nbgrader={"grade": True, "points": 3, "grade_id": "x", "locked": True, "solution": False}
    ),
    "topic metadata": lambda nb: nb["metadata"]["autograd_lab"].update(topic=99),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_checker_reports_drift(tmp_path, mutation):
    if not existing_topics():
        pytest.skip("no notebook yet")
    assert _pair(tmp_path, MUTATIONS[mutation]), f"a {mutation} change went unnoticed"


def test_checker_accepts_translated_comments_and_strings(tmp_path):
    # The same change on both sides, except for a string literal, a comment and prose.
    topic = existing_topics()[0]
    original = parity.load(topic.lecture("en"))
    english, portuguese = copy.deepcopy(original), copy.deepcopy(original)
    for cell in english["cells"]:
        if cell["cell_type"] == "code":
            _append(cell, "\nprint('translated')  # a comment")
        else:
            cell["source"] = parity.source_of(cell) + " Some words."
    for cell in portuguese["cells"]:
        if cell["cell_type"] == "code":
            _append(cell, "\nprint('traduzido')  # um comentário")
        else:
            cell["source"] = parity.source_of(cell) + " Algumas palavras."
    a, b = tmp_path / "a.ipynb", tmp_path / "b.ipynb"
    a.write_text(json.dumps(english), encoding="utf-8")
    b.write_text(json.dumps(portuguese), encoding="utf-8")
    assert parity.compare(a, b) == []


def test_checker_accepts_a_message_wrapped_differently_in_each_language(tmp_path):
    # Adjacent string literals are one string: wrapping is translation, not drift.
    topic = existing_topics()[0]
    original = parity.load(topic.lecture("en"))
    english, portuguese = copy.deepcopy(original), copy.deepcopy(original)
    (en_cell,) = [c for c in english["cells"] if c["cell_type"] == "code"][:1]
    (pt_cell,) = [c for c in portuguese["cells"] if c["cell_type"] == "code"][:1]
    _append(en_cell, '\nassert True, (\n    "a message on\\n"\n    "two lines"\n)')
    _append(pt_cell, '\nassert True, "uma mensagem numa linha só"')
    a, b = tmp_path / "a.ipynb", tmp_path / "b.ipynb"
    a.write_text(json.dumps(english), encoding="utf-8")
    b.write_text(json.dumps(portuguese), encoding="utf-8")
    assert parity.compare(a, b) == []
    # ...but a string against a name is still drift.
    _append(pt_cell, "\nprint(x)")
    _append(en_cell, '\nprint("x")')
    a.write_text(json.dumps(english), encoding="utf-8")
    b.write_text(json.dumps(portuguese), encoding="utf-8")
    assert parity.compare(a, b) != []
