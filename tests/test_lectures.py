"""The lecture notebooks keep the course's promises (nbval then re-runs and compares them)."""

from __future__ import annotations

import re

import pytest

from autograd_lab.course import LANGUAGES, existing_topics
from autograd_lab.parity import load, source_of

LECTURES = [
    pytest.param(t.lecture(lang), lang, id=f"{t.number:02d}-{lang}")
    for t in existing_topics()
    for lang in LANGUAGES
]
OPENING = {"en": "you will learn", "pt": "você vai aprender"}
RECAP = {"en": "in this notebook we", "pt": "neste notebook, nós"}
RANDOM = re.compile(r"torch\.(rand|randn|randint|randperm|normal|bernoulli|multinomial)\b|\.(normal_|uniform_)\(")


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code" and source_of(c).strip()]


@pytest.mark.parametrize("path, lang", LECTURES)
def test_opens_with_what_you_will_learn_and_closes_with_a_recap(path, lang):
    cells = load(path)["cells"]
    first, last = cells[0], cells[-1]
    assert first["cell_type"] == "markdown" and source_of(first).startswith("# ")
    assert OPENING[lang] in source_of(first).lower()
    assert last["cell_type"] == "markdown" and RECAP[lang] in source_of(last).lower()


@pytest.mark.parametrize("path, lang", LECTURES)
def test_outputs_are_stored_from_one_clean_run(path, lang):
    counts = [c.get("execution_count") for c in code_cells(load(path))]
    assert counts == list(range(1, len(counts) + 1)), "run the notebook top to bottom: python -m autograd_lab execute"


@pytest.mark.parametrize("path, lang", LECTURES)
def test_errors_are_only_the_ones_taught_and_are_quoted_in_the_text(path, lang):
    cells = load(path)["cells"]
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        errors = [o for o in cell.get("outputs", []) if o["output_type"] == "error"]
        marked = "raises-exception" in cell.get("metadata", {}).get("tags", [])
        assert bool(errors) == marked, f"cell {cell.get('id')}: error output without the tag raises-exception, or the reverse"
        # One marker: the tag, which JupyterLab's Run All honours too (it
        # stops at an untagged error); nbval warns when a comment repeats it.
        assert "NBVAL_RAISES_EXCEPTION" not in source_of(cell), f"cell {cell.get('id')}: use the tag raises-exception"
        if errors:
            message = errors[0]["evalue"]
            quoted = message.split(". ")[0][:70]
            around = " ".join(
                source_of(c) for c in cells[max(0, index - 2): index + 3] if c["cell_type"] == "markdown"
            )
            assert quoted in around, f"cell {cell.get('id')}: the text next to it does not quote {quoted!r}"


@pytest.mark.parametrize("path, lang", LECTURES)
def test_no_stderr_in_stored_outputs(path, lang):
    """Warnings carry machine-specific paths and change between versions."""
    for cell in code_cells(load(path)):
        for out in cell.get("outputs", []):
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), f"stderr in {cell.get('id')}"


@pytest.mark.parametrize("path, lang", LECTURES)
def test_ignored_outputs_say_why(path, lang):
    cells = code_cells(load(path))
    ignored = 0
    for cell in cells:
        lines = source_of(cell).splitlines()
        for i, line in enumerate(lines):
            if line.strip() == "# NBVAL_IGNORE_OUTPUT":
                ignored += 1
                reason = lines[i + 1].strip() if i + 1 < len(lines) else ""
                assert reason.startswith("#") and len(reason) > 15, f"{cell.get('id')}: say why on the next line"
    assert ignored * 4 <= len(cells), "too many cells escape nbval's comparison"


@pytest.mark.parametrize("path, lang", LECTURES)
def test_random_numbers_are_seeded(path, lang):
    seeded = False
    for cell in code_cells(load(path)):
        src = source_of(cell)
        draw = RANDOM.search(src)
        seed_at = src.find("manual_seed(")
        if draw:
            assert seeded or -1 < seed_at < draw.start(), (
                f"cell {cell.get('id')} draws random numbers before any torch.manual_seed"
            )
        seeded = seeded or seed_at > -1


@pytest.mark.parametrize("path, lang", LECTURES)
def test_claims_are_checked_against_analytic_results(path, lang):
    sources = "\n".join(source_of(c) for c in code_cells(load(path)))
    assert sources.count("assert") >= 5
    assert "torch.allclose" in sources


@pytest.mark.parametrize("path, lang", LECTURES)
def test_figures_have_alt_text_title_and_labels(path, lang):
    cells = code_cells(load(path))
    figures = [c for c in cells if re.search(r"\bshow\(\s*fig", source_of(c))]
    assert figures, "at least one figure"
    for cell in cells:
        assert "plt.show()" not in source_of(cell), "use autograd_lab.figures.show(fig, alt=...) for alt text"
    for cell in figures:
        src = source_of(cell)
        assert "set_title(" in src or "suptitle(" in src, f"{cell.get('id')}: no title"
        assert "set_xlabel(" in src and "set_ylabel(" in src, f"{cell.get('id')}: unlabelled axes"
        html = [o for o in cell.get("outputs", []) if "text/html" in o.get("data", {})]
        assert html and 'alt="' in "".join(html[0]["data"]["text/html"]), f"{cell.get('id')}: figure not shown with alt text"
