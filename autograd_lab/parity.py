"""Portuguese and English must not drift: the rules, as code.

Each notebook exists once per language, and each language version is edited
as an ordinary notebook.  What may differ between the two is only what a
translator translates: Markdown prose, code comments and string literals.
Everything else must match, cell by cell:

* the cells: same number, same order, same ``id``, same type, same tags;
* nbgrader metadata (grade ids, points, solution/grade/locked flags),
  except the checksum, which hashes the (translated) source;
* code, compared as Python tokens with comments and string literals
  masked, plus the markers that are comments but steer tools
  (``# NBVAL_...``, ``### BEGIN SOLUTION``, ``### BEGIN HIDDEN TESTS``...);
* in Markdown, the inline code spans and the maths (a claim about ``x.grad``
  or $4x$ in one language is made in the other), and the heading levels;
* in stored outputs, the kind of each output and every error's name and
  message (PyTorch's messages are the same in both languages);
* notebook metadata: same topic and kind, and the language matching the path.

:func:`compare` returns the differences as readable sentences; an empty list
means the pair is in sync.
"""

from __future__ import annotations

import io
import json
import keyword
import re
import tokenize
from pathlib import Path

TOOL_MARKER = re.compile(
    r"#\s*(NBVAL_[A-Z_]+|#+\s*(?:BEGIN|END) (?:SOLUTION|HIDDEN TESTS|MARK SCHEME))"
)
CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$([^$\n]+?)\$")
HEADING = re.compile(r"^(#{1,6})\s", re.M)
FENCE = re.compile(r"```.*?```", re.S)


def load(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def source_of(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def code_shape(source: str) -> list:
    """The code as tokens, with comments and string literals masked.

    Tool markers hidden in comments are kept.  Lines starting with ``%`` or
    ``!`` (IPython magics) are kept whole.
    """
    shape = []
    lines = []
    for line in source.splitlines(keepends=True):
        stripped = line.lstrip()
        if stripped.startswith(("%", "!")):
            shape.append(("MAGIC", stripped.strip()))
            lines.append("\n")
        else:
            lines.append(line)
    text = "".join(lines)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError) as exc:
        return [("UNTOKENIZABLE", str(exc))]
    after_string = False  # the previous token was a string literal, with only line breaks since
    for tok in tokens:
        if tok.type == tokenize.NL:
            continue
        if tok.type == tokenize.STRING:
            # Adjacent literals are one string (implicit concatenation): a
            # message wrapped into three lines in one language and four in
            # the other is the same code.
            if not after_string:
                shape.append(("STRING", "…"))
            after_string = True
            continue
        after_string = False
        if tok.type == tokenize.COMMENT:
            marker = TOOL_MARKER.search(tok.string)
            if marker:
                shape.append(("MARKER", re.sub(r"\s+", " ", marker.group(1))))
        elif tok.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
            continue
        elif tok.type in (getattr(tokenize, "FSTRING_START", -1),):
            shape.append(("STRING", "…"))
        elif tok.type in (
            getattr(tokenize, "FSTRING_MIDDLE", -1),
            getattr(tokenize, "FSTRING_END", -1),
        ):
            continue
        else:
            shape.append((tokenize.tok_name[tok.type], tok.string))
    return _without_grouping_parentheses(shape)


def _without_grouping_parentheses(shape: list) -> list:
    """``("one" "string")`` as ``"one" "string"``: parentheses that only let a string span lines.

    Parentheses of a call (after a name that is not a keyword, or after a
    closing bracket) are kept.
    """
    result = []
    for entry in shape:
        result.append(entry)
        if result[-3:-1] == [("OP", "("), ("STRING", "…")] and entry == ("OP", ")"):
            before = result[-4] if len(result) >= 4 else None
            call = before is not None and (
                (before[0] == "NAME" and not keyword.iskeyword(before[1])) or before in (("OP", ")"), ("OP", "]"))
            )
            if not call:
                del result[-3:]
                result.append(("STRING", "…"))
    return result


def markdown_facts(source: str) -> dict:
    """What a Markdown cell must say in both languages."""
    fenced = FENCE.findall(source)
    text = FENCE.sub(" ", source)
    display = DISPLAY_MATH.findall(text)
    text_wo_display = DISPLAY_MATH.sub(" ", text)
    return {
        "code spans": sorted(set(CODE_SPAN.findall(text_wo_display))),
        "maths": sorted(
            set(m.strip() for m in display + INLINE_MATH.findall(text_wo_display))
        ),
        "heading levels": [len(h) for h in HEADING.findall(text)],
        "code blocks": [" ".join(block.split()) for block in fenced],
    }


def output_facts(cell: dict) -> list:
    facts = []
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "error":
            facts.append(("error", out.get("ename"), out.get("evalue")))
        elif kind == "stream":
            # One print may reach the notebook in several pieces: count it once.
            if not (facts and facts[-1] == ("stream", out.get("name"))):
                facts.append(("stream", out.get("name")))
        else:
            facts.append((kind, tuple(sorted(out.get("data", {})))))
    return facts


def nbgrader_facts(cell: dict) -> dict:
    meta = dict(cell.get("metadata", {}).get("nbgrader", {}))
    meta.pop("checksum", None)
    return meta


def _describe(shape_a: list, shape_b: list) -> str:
    for i, (a, b) in enumerate(zip(shape_a, shape_b)):
        if a != b:
            return f"token {i}: {a[1]!r} against {b[1]!r}"
    return f"{len(shape_a)} tokens against {len(shape_b)}"


def compare(path_a: Path, path_b: Path, check_outputs: bool = True) -> list:
    """Differences between two language versions of one notebook."""
    nb_a, nb_b = load(path_a), load(path_b)
    problems = []
    meta_a = nb_a.get("metadata", {}).get("autograd_lab", {})
    meta_b = nb_b.get("metadata", {}).get("autograd_lab", {})
    for key in ("topic", "kind"):
        if meta_a.get(key) != meta_b.get(key):
            problems.append(
                f"notebook metadata autograd_lab.{key}: {meta_a.get(key)!r} against {meta_b.get(key)!r}"
            )
    cells_a, cells_b = nb_a.get("cells", []), nb_b.get("cells", [])
    if len(cells_a) != len(cells_b):
        problems.append(f"{len(cells_a)} cells against {len(cells_b)}")
    ids_a = [c.get("id") for c in cells_a]
    ids_b = [c.get("id") for c in cells_b]
    if ids_a != ids_b:
        only_a = [i for i in ids_a if i not in ids_b]
        only_b = [i for i in ids_b if i not in ids_a]
        problems.append(
            f"cell ids differ (only in the first: {only_a}; only in the second: {only_b})"
            if only_a or only_b
            else "cells are in a different order"
        )
    for index, (a, b) in enumerate(zip(cells_a, cells_b)):
        where = f"cell {index} ({a.get('id')})"
        if a.get("cell_type") != b.get("cell_type"):
            problems.append(f"{where}: {a.get('cell_type')} against {b.get('cell_type')}")
            continue
        if nbgrader_facts(a) != nbgrader_facts(b):
            problems.append(
                f"{where}: nbgrader metadata {nbgrader_facts(a)} against {nbgrader_facts(b)}"
            )
        tags_a = sorted(a.get("metadata", {}).get("tags", []))
        tags_b = sorted(b.get("metadata", {}).get("tags", []))
        if tags_a != tags_b:
            problems.append(f"{where}: tags {tags_a} against {tags_b}")
        if a["cell_type"] == "code":
            shape_a, shape_b = code_shape(source_of(a)), code_shape(source_of(b))
            if shape_a != shape_b:
                problems.append(f"{where}: code differs ({_describe(shape_a, shape_b)})")
            if check_outputs and output_facts(a) != output_facts(b):
                problems.append(
                    f"{where}: outputs {output_facts(a)} against {output_facts(b)}"
                )
        elif a["cell_type"] == "markdown":
            facts_a = markdown_facts(source_of(a))
            facts_b = markdown_facts(source_of(b))
            for key in facts_a:
                if facts_a[key] != facts_b[key]:
                    problems.append(f"{where}: {key} {facts_a[key]} against {facts_b[key]}")
    return problems
