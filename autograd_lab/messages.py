"""Failure messages of the assignments' tests, wrapped into short lines.

A failing test's message is read in three places: under the test cell in
JupyterLab (which wraps long lines), in the HTML feedback, and in the dialog
of nbgrader's **Validate** button, which does not wrap: there, a message
written as one long line runs off the right edge.  So messages are written
as several string literals, one per line of at most ``WIDTH`` characters,
each but the last ending in ``\\n``::

    assert x_grad is not None, (
        "x_grad is None. The gradient with respect to x lands in x.grad,\\n"
        "not in y.grad, and only after y.backward() has run."
    )

``python3.11 -m autograd_lab wrap-messages`` rewraps every graded cell of
``source/`` this way (tests/test_release.py checks that it has been done);
then regenerate ``release/``.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize

WIDTH = 88  # characters of message per line, "AssertionError: " and the like come on top
LINE = 100  # a message that would end a line of code past this goes on lines of its own
OPENING = "([{"
CLOSING = ")]}"


class Unwrappable(ValueError):
    """A message written in a way this tool does not rewrite (triple quotes, raw or byte strings...)."""


def _parts(token: str) -> tuple:
    match = re.fullmatch(r"([A-Za-z]*)(\"|')(.*)\2", token, re.S)
    if not match or match.group(2) * 3 == token[len(match.group(1)):][:3]:
        raise Unwrappable(f"not a one-line string literal: {token[:60]}")
    prefix = match.group(1).lower()
    if set(prefix) - {"f"}:
        raise Unwrappable(f"prefix {prefix!r} not supported: {token[:60]}")
    return "f" in prefix, match.group(2), match.group(3)


def _pieces(tokens: list) -> list:
    """The group's text as (is_f, source-text) of each literal, in double-quote form."""
    result = []
    for tok in tokens:
        is_f, quote, inner = _parts(tok)
        if quote == "'":
            inner = _to_double_quotes(inner)
        result.append((is_f, inner))
    return result


def _to_double_quotes(inner: str) -> str:
    """The body of a '...' literal as the body of the same "..." literal."""
    out, i = [], 0
    while i < len(inner):
        if inner[i] == "\\":
            pair = inner[i:i + 2]
            out.append("'" if pair == "\\'" else pair)
            i += 2
            continue
        out.append('\\"' if inner[i] == '"' else inner[i])
        i += 1
    return "".join(out)


def _joined(pieces: list) -> tuple:
    """One f-string body (or plain body) for the whole group."""
    any_f = any(is_f for is_f, _ in pieces)
    text = ""
    for is_f, inner in pieces:
        if any_f and not is_f:
            inner = inner.replace("{", "{{").replace("}", "}}")
        text += inner
    return any_f, text


OPERATORS = {"*", "**", "+", "-", "/", "//", "@", "=", "==", "!=", "<", ">", "<=", ">=", "->", "x", "·"}


def _break_points(text: str, is_f: bool) -> list:
    """Indices of the spaces where a line may end.

    Not inside an f-string field, and not next to an operator, so that a
    formula such as ``x ** 2 + 1`` stays on one line.
    """
    points, depth, i = [], 0, 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if is_f and char in "{}":
            if text[i:i + 2] in ("{{", "}}"):
                i += 2
                continue
            depth += 1 if char == "{" else -1
        elif char == " " and depth == 0:
            before = text[:i].rsplit(" ", 1)[-1]
            after = text[i + 1:].split(" ", 1)[0]
            if before not in OPERATORS and after not in OPERATORS:
                points.append(i)
        i += 1
    return points


def _display_length(text: str) -> int:
    return len(text.replace("\\\\", "\\").replace('\\"', '"'))


def wrap_text(text: str, is_f: bool, width: int = WIDTH) -> list:
    """Greedy wrap of a literal's body into lines of at most ``width`` (a longer word stays whole)."""
    # Breaks the author wrote already ("\n") are kept.
    lines = []
    for paragraph in re.split(r"(?<!\\)\\n", text):
        lines.extend(_wrap_paragraph(paragraph, is_f, width))
    return lines


def _wrap_paragraph(text: str, is_f: bool, width: int) -> list:
    """As few lines as a greedy fill gives, then as even as possible (no one-word last line)."""
    text = text.strip(" ")
    lines = _greedy(text, is_f, width)
    narrowest = width
    while narrowest > width // 2 and len(_greedy(text, is_f, narrowest - 1)) == len(lines):
        narrowest -= 1
    return _greedy(text, is_f, narrowest)


def _greedy(text: str, is_f: bool, width: int) -> list:
    lines = []
    while _display_length(text) > width:
        points = _break_points(text, is_f)
        fitting = [p for p in points if _display_length(text[:p]) <= width]
        cut = fitting[-1] if fitting else (points[0] if points else None)
        if cut is None:
            break
        lines.append(text[:cut])
        text = text[cut + 1:].lstrip(" ")
    lines.append(text)
    return lines


def _literal(body: str, is_f: bool) -> str:
    if is_f and not re.search(r"(?<!\{)\{(?!\{)", body.replace("{{", "")):
        # No field on this line: a plain string.
        body, is_f = body.replace("{{", "{").replace("}}", "}"), False
    return ("f" if is_f else "") + '"' + body + '"'


def _groups(source: str) -> list:
    """Adjacent string literals (implicit concatenation), with the bracket depth where they
    start and the tokens just before and after them."""
    groups, current, depth, previous = [], None, 0, None
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.STRING:
            if current is None:
                current = {"tokens": [], "depth": depth, "before": previous, "after": None}
                groups.append(current)
            current["tokens"].append(tok)
            continue
        if tok.type == tokenize.NL:
            if current is None:
                previous = tok if previous is None else previous
            continue
        if current is not None:
            current["after"] = tok
        current = None
        previous = tok
        if tok.type == tokenize.OP and tok.string in OPENING:
            depth += 1
        elif tok.type == tokenize.OP and tok.string in CLOSING:
            depth -= 1
    return groups


def _is_message(group: dict, width: int) -> bool:
    text = "".join(t.string for t in group["tokens"])
    return len(group["tokens"]) > 1 or len(text) > width or group["tokens"][-1].end[1] > LINE


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _block(statement_indent: str, literals: list) -> str:
    """The literals one per line, indented one level under their statement."""
    return "".join(f"{statement_indent}    {literal}\n" for literal in literals)


def wrap_messages(source: str, width: int = WIDTH) -> str:
    """``source`` with every long or multi-literal string rewrapped into lines of at most ``width``."""
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(position):
        row, col = position
        return offsets[row - 1] + col

    edits = []
    for group in _groups(source):
        if not _is_message(group, width):
            continue
        tokens = group["tokens"]
        is_f, body = _joined(_pieces([t.string for t in tokens]))
        wrapped = wrap_text(body, is_f, width)
        literals = [_literal(line + ("\\n" if i < len(wrapped) - 1 else ""), is_f) for i, line in enumerate(wrapped)]
        start, end = tokens[0].start, tokens[-1].end
        line_text = lines[start[0] - 1]
        at_line_start = line_text[: start[1]].strip() == ""
        # Lines of its own when it has several, or would make a long line of code
        # (which a traceback would show, and the Validate dialog would not wrap).
        own_lines = len(literals) > 1 or start[1] + len(literals[0]) > LINE
        if at_line_start:
            indent = line_text[: start[1]]
            new = ("\n" + indent).join(literals)
            if group["depth"] == 0 and len(literals) > 1:
                raise Unwrappable(f"a message at the start of a line outside brackets: {tokens[0].string[:60]}")
        elif group["depth"] == 0 and own_lines:
            # assert condition, (
            #     "first line\n"
            #     "second line"
            # )
            statement = _indent(line_text)
            new = "(\n" + _block(statement, literals) + statement + ")"
        elif (
            own_lines
            and group["before"] is not None
            and group["before"].string == "("
            and group["after"] is not None
            and group["after"].string == ")"
            and group["after"].start[0] == tokens[-1].end[0]
        ):
            # The only argument of a call, as in raise AssertionError("..."):
            # raise AssertionError(
            #     "first line\n"
            #     "second line"
            # )
            statement = _indent(line_text)
            new = "\n" + _block(statement, literals) + statement
            start, end = group["before"].end, group["after"].start
        else:
            # Inside brackets already: the lines line up under the first.
            new = ("\n" + " " * start[1]).join(literals)
        old = source[offset(start): offset(end)]
        if new != old:
            edits.append((offset(start), offset(end), new))
    original = source
    for begin, finish, new in sorted(edits, reverse=True):
        source = source[:begin] + new + source[finish:]
    compile(source, "<cell>", "exec")
    # Only line breaks moved: the same strings, word for word.
    if sorted(_strings(source)) != sorted(_strings(original)):
        raise Unwrappable("rewrapping changed the text of a message")
    return source


def _strings(source: str) -> list:
    """Every string of ``source`` (f-string fields as their code), with its white space normalized."""

    def text(node) -> str:
        if isinstance(node, ast.Constant):
            return node.value
        return "".join(v.value if isinstance(v, ast.Constant) else "{" + ast.unparse(v) + "}" for v in node.values)

    return [
        " ".join(text(node).split())
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))
    ]


def message_lines(source: str) -> list:
    """Every line of every assert or raise message of ``source``, f-string fields shown as ``{…}``."""

    def text(node) -> str:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return "".join(text(v) if isinstance(v, ast.Constant) else "{…}" for v in node.values)
        return ""

    found = []
    for node in ast.walk(ast.parse(source)):
        message = None
        if isinstance(node, ast.Assert):
            message = node.msg
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            message = node.exc.args[0]
        if message is not None:
            found.extend(text(message).split("\n"))
    return found


def wrap_source_notebooks(paths) -> list:
    """Rewrap the graded cells of the given source notebooks in place; return the paths changed."""
    from . import grading

    changed = []
    for path in paths:
        nb = grading.read_nb(path)
        touched = False
        for cell in nb["cells"]:
            if cell["cell_type"] != "code" or not grading.is_graded(cell) or grading.is_solution(cell):
                continue
            old = grading.cell_source(cell)
            new = old
            for _ in range(3):  # moving a message to lines of its own can make another one long
                rewrapped = wrap_messages(new)
                if rewrapped == new:
                    break
                new = rewrapped
            if new != old:
                cell["source"] = new.splitlines(keepends=True)
                touched = True
        if touched:
            grading.write_nb(nb, path)
            changed.append(path)
    return changed
