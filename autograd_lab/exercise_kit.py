"""The helpers that the assignments' test cells define, kept here as their one true copy.

A test cell cannot import its helpers: a student's cell that runs before it
could replace an imported (or earlier defined) helper with one that always
passes, and the class grader's sandbox cannot see this package anyway.  So a
test cell that needs one of these helpers defines it itself, by copying it
from here; ``tests/test_exercise_rules.py`` checks that every copy in
``source/`` is this code, token for token (string literals are free, so the
Portuguese copies carry Portuguese messages).

* :func:`_plain`: an answer as a detached float64 copy, or a clear message
  when it is not a plain ``torch.Tensor`` (a subclass, an object whose
  ``__eq__`` lies, a tuple, complex or boolean values, the wrong shape).
* :class:`_Watch`: a ``TorchFunctionMode`` that records every backward pass
  started inside its ``with`` block (``Tensor.backward``,
  ``torch.autograd.backward``, ``torch.autograd.grad``), its arguments, and
  whether ``torch.autograd.functional`` or ``torch.func`` started it: how
  "with backward", "without backward", "one pass" and "nested calls" are
  enforced rather than asked.
* :func:`_marked`: a function whose backward declares a derivative that is
  *not* the slope of its values.  Only autograd reports the declared
  derivative; finite differences and formulas worked out by hand report the
  slope.  Hidden tests pass one to a student's function to tell the two apart.
* :func:`_random_function`: a smooth elementwise function drawn with a seeded
  generator (a sum of a few terms such as ``c * sin(a * t)``), so that no
  table of values and no formula written in advance fits the hidden tests.

The messages here are the English ones; each assignment may reword them in
its own language.
"""

from __future__ import annotations

import sys

import torch


def _plain(name, value, shape=None):
    # the answer as a detached float64 copy, or a message that says what it is instead
    if type(value) is not torch.Tensor:
        kind = type(value)
        raise AssertionError(
            f"{name} should be a plain torch.Tensor, but it is a {kind.__module__}.{kind.__qualname__}."
        )
    if value.is_complex() or value.dtype == torch.bool:
        raise AssertionError(f"{name} should hold real numbers, but its dtype is {value.dtype}.")
    if shape is not None and tuple(value.shape) != tuple(shape):
        raise AssertionError(f"{name} should have shape {tuple(shape)}, but its shape is {tuple(value.shape)}.")
    return value.detach().to(torch.float64).clone()


class _Watch(torch.overrides.TorchFunctionMode):
    # records each backward pass started inside the with block, and what started it
    def __init__(self):
        super().__init__()
        self.passes = []

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if func in (torch.Tensor.backward, torch.autograd.backward, torch.autograd.grad):
            library = None
            frame = sys._getframe(1)
            while frame is not None:
                path = frame.f_code.co_filename.replace("\\", "/")
                if "/torch/autograd/functional.py" in path or "/torch/_functorch/" in path:
                    library = "torch.autograd.functional" if "functional" in path else "torch.func"
                frame = frame.f_back
            self.passes.append({"call": func.__name__, "library": library, "args": args, "kwargs": kwargs})
        return func(*args, **kwargs)


def _marked(value, slope):
    # value(t) forward, but backward declares slope(t): only autograd reports slope(t)
    class Marked(torch.autograd.Function):
        @staticmethod
        def forward(ctx, t):
            ctx.save_for_backward(t)
            return value(t)

        @staticmethod
        def backward(ctx, grad):
            t, = ctx.saved_tensors
            return grad * slope(t)

    return Marked.apply


def _random_function(seed):
    # a smooth elementwise function, a sum of three terms drawn with a seeded generator
    import random

    draw = random.Random(seed)
    terms = []
    for _ in range(3):
        c = round(draw.uniform(0.5, 2.0) * draw.choice((-1, 1)), 2)
        a = round(draw.uniform(0.3, 1.5), 2)
        k = draw.randint(2, 4)
        terms.append(draw.choice((
            lambda t, c=c, a=a: c * torch.sin(a * t),
            lambda t, c=c, a=a: c * torch.exp(-a * t * t),
            lambda t, c=c, a=a: c * torch.tanh(a * t),
            lambda t, c=c, k=k: c * t**k,
        )))
    return lambda t: terms[0](t) + terms[1](t) + terms[2](t)
