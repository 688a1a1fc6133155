"""The message wrapper (autograd_lab/messages.py) on cells written the ways the assignments write them."""

from __future__ import annotations

import pytest

from autograd_lab.messages import WIDTH, Unwrappable, message_lines, wrap_messages

LONG = " ".join(["gradient"] * 30)

CELLS = {
    "assert at the top level": f'assert x_grad is not None, "{LONG}"\n',
    "assert after a condition on several lines": f'assert not (\n    a\n    and b\n), \'{LONG} it\\\'s\'\n',
    "f-string with fields and braces": f'assert ok, f"{{x_grad}} is {{{{not}}}} {LONG} {{tuple(x.shape)}}"\n',
    "the only argument of a raise": f'if bad:\n    raise AssertionError("{LONG}") from None\n',
    "pieces already on lines of their own": f'assert ok, (\n    "{LONG[:100]} "\n    "{LONG[:50]}"\n)\n',
    "a formula": 'assert ok, "' + "word " * 15 + 'so x ** 2 + 2 * x is the answer, as 3 * x ** 2 + 2 * x is not"\n',
}


def _run(source: str) -> str:
    namespace = {"ok": False, "bad": True, "a": True, "b": True, "x_grad": None, "x": type("X", (), {"shape": (3,)})}
    try:
        exec(compile(source, "<cell>", "exec"), namespace)
    except AssertionError as error:
        return str(error)
    raise AssertionError("the cell did not fail")


@pytest.mark.parametrize("name", sorted(CELLS))
def test_wrapping_keeps_the_message_word_for_word_in_short_lines(name):
    source = CELLS[name]
    wrapped = wrap_messages(source)
    before, after = _run(source), _run(wrapped)
    assert " ".join(before.split()) == " ".join(after.split())
    assert all(len(line) <= WIDTH for line in after.split("\n")), after
    assert all(len(line) <= WIDTH for line in message_lines(wrapped))
    assert wrap_messages(wrapped) == wrapped  # done once, nothing more to do


def test_a_formula_stays_on_one_line():
    wrapped = _run(wrap_messages(CELLS["a formula"]))
    assert any("x ** 2 + 2 * x" in line for line in wrapped.split("\n"))
    assert any("3 * x ** 2 + 2 * x" in line for line in wrapped.split("\n"))


def test_short_messages_are_left_alone():
    source = 'assert ok, "x_grad should be a tensor."\n'
    assert wrap_messages(source) == source


def test_what_it_does_not_rewrite_is_reported():
    with pytest.raises(Unwrappable):
        wrap_messages(f'assert ok, """{LONG}"""\n')
