"""One term per concept: the glossary (autograd_lab/glossary.py) is kept, in both languages.

The text students read in each language (Markdown cells, comments and
string literals of code cells, which hold the figures' labels and the tests'
messages, the catalogue's hints, the start pages and the README) must not
use a variant the glossary rejects, and both READMEs show the glossary.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
from autograd_lab import grading
from autograd_lab.course import LANGUAGES, ROOT, TOPICS
from autograd_lab.glossary import GLOSSARY
from autograd_lab.startpage import PAGES
from autograd_lab.wrong_answers import catalogue

README = {"en": ROOT / "README.md", "pt": ROOT / "README.pt-BR.md"}


def _code_text(source: str) -> str:
    """Comments and string literals of a code cell (the rest is Python, the same in both languages)."""
    parts = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type in (tokenize.COMMENT, tokenize.STRING) or token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
                parts.append(token.string)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return source
    return "\n".join(parts)


def _notebook_text(path: Path) -> list:
    """(where, text) for every cell of a notebook."""
    out = []
    for index, cell in enumerate(grading.read_nb(path)["cells"]):
        source = grading.cell_source(cell)
        text = source if cell["cell_type"] == "markdown" else _code_text(source)
        out.append((f"{path.relative_to(ROOT)} cell {index}", text))
    return out


def _texts(lang: str) -> list:
    texts = []
    for topic in TOPICS:
        for path in (topic.lecture(lang), topic.source(lang)):
            if path.exists():
                texts += _notebook_text(path)
        for wrong in catalogue(topic.number):
            texts.append((f"catalogue topic {topic.number} {wrong.name}", wrong.hint.get(lang, "")))
        texts.append((f"course.py topic {topic.number}", f"{topic.title[lang]}\n{topic.summary[lang]}"))
    for path in (ROOT / PAGES[lang], README[lang]):
        text = path.read_text(encoding="utf-8")
        if "<!-- glossary -->" in text:  # the glossary table names the rejected variants
            text = text.split("<!-- glossary -->")[0] + text.split("<!-- /glossary -->")[-1]
        texts.append((str(path.relative_to(ROOT)), text))
    return texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_rejected_variant(lang):
    problems = []
    for term in GLOSSARY:
        for pattern in getattr(term, f"rejected_{lang}"):
            regex = re.compile(pattern, re.I)
            for where, text in _texts(lang):
                for match in regex.finditer(text):
                    context = text[max(0, match.start() - 30):match.end() + 30].replace("\n", " ")
                    problems.append(f"{where}: {match.group(0)!r} (say {getattr(term, lang)!r}): …{context}…")
    assert not problems, f"{len(problems)} rejected variants:\n" + "\n".join(problems)


def glossary_table(lang: str) -> str:
    """The Markdown table of the glossary, as both READMEs show it."""
    if lang == "en":
        head = "| concept | English | Português | not used |\n|---|---|---|---|\n"
    else:
        head = "| conceito | English | Português | não usamos |\n|---|---|---|---|\n"
    rows = []
    for term in GLOSSARY:
        variants = ", ".join(f"`{v}`" for v in (*term.rejected_en, *term.rejected_pt)) or "—"
        rows.append(f"| {term.concept[lang]} | {term.en} | {term.pt} | {variants} |")
    return head + "\n".join(rows) + "\n"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_readmes_show_the_glossary(lang):
    text = README[lang].read_text(encoding="utf-8")
    assert "<!-- glossary -->" in text and "<!-- /glossary -->" in text, f"{README[lang].name}: no glossary block"
    block = text.split("<!-- glossary -->", 1)[1].split("<!-- /glossary -->", 1)[0].strip() + "\n"
    assert block == glossary_table(lang), (
        f"{README[lang].name}: the glossary table differs from autograd_lab/glossary.py; it should read:\n"
        + glossary_table(lang)
    )
