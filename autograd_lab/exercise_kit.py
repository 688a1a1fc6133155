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
  whether ``torch.autograd.functional`` or ``torch.func`` started it, and
  every dual tensor of forward mode (``duals``): how "with backward",
  "without autograd", "one pass" and "nested calls" are enforced rather than
  asked.
* :func:`_through`: whether a backward pass that ``_Watch`` recorded started
  from, or went through, the output of the function being differentiated
  (a backward pass on an unrelated tensor does not count).
* :func:`_marked`: a function whose backward (and forward-mode ``jvp``)
  declares a derivative that is *not* the slope of its values.  Only
  autograd reports the declared derivative; finite differences and formulas
  worked out by hand report the slope.  Hidden tests pass one to a student's
  function to tell the two apart; with ``log``, it also records each run of
  its backward and whether the autograd engine ran it (a backward pass) or
  code called the graph's node by hand.  It works under ``torch.func`` too,
  so a student who uses it where it is refused gets the course's message
  rather than an error from inside PyTorch.
* :func:`_names_used`: the names a function's code (and the functions it
  calls) uses: how a prediction is checked to be written without autograd
  (no ``backward``, ``grad``, ``autograd``, ``func``, ``_C``...), including
  the ways around ``_Watch`` (``torch._C.DisableTorchFunction``, calling the
  engine, forward mode).
* :func:`_random_function`: a smooth elementwise function drawn with a seeded
  generator (a sum of a few terms such as ``c * sin(a * t)``), so that no
  table of values and no formula written in advance fits the hidden tests.

The messages here are the English ones; each assignment may reword them in
its own language.
"""

from __future__ import annotations

import sys
import types

import torch


def _plain(name, value, shape=None):
    # the answer as a detached float64 copy, or a message that says what it is instead
    if type(value) is not torch.Tensor:
        kind = type(value)
        raise AssertionError(
            f"{name} should be a plain torch.Tensor, but it is a "
            f"{kind.__module__}.{kind.__qualname__}."
        )
    if value.is_complex() or value.dtype == torch.bool:
        raise AssertionError(f"{name} should hold real numbers, but its dtype is {value.dtype}.")
    if shape is not None and tuple(value.shape) != tuple(shape):
        raise AssertionError(
            f"{name} should have shape {tuple(shape)}, but its shape is {tuple(value.shape)}."
        )
    return value.detach().to(torch.float64).clone()


class _Watch(torch.overrides.TorchFunctionMode):
    # records each backward pass started inside the with block, and what started it
    def __init__(self):
        super().__init__()
        self.passes = []
        self.duals = []  # forward mode: dual tensors made by torch.func.jvp, jacfwd, forward_ad

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if func is torch._make_dual:
            self.duals.append({"args": args, "kwargs": kwargs})
        if func in (torch.Tensor.backward, torch.autograd.backward, torch.autograd.grad):
            library = None
            frame = sys._getframe(1)
            while frame is not None:
                path = frame.f_code.co_filename.replace("\\", "/")
                if "/torch/autograd/functional.py" in path or "/torch/_functorch/" in path:
                    library = "torch.autograd.functional" if "functional" in path else "torch.func"
                frame = frame.f_back
            record = {"call": func.__name__, "library": library, "args": args, "kwargs": kwargs,
                      "result": None}
            self.passes.append(record)
            record["result"] = func(*args, **kwargs)
            return record["result"]
        return func(*args, **kwargs)


def _through(record, outputs):
    # True if the backward pass of a _Watch record starts from, or goes through, one of the outputs
    kwargs = record["kwargs"]
    root = record["args"][0] if record["args"] else kwargs.get("outputs", kwargs.get("tensors"))
    roots = list(root) if isinstance(root, (list, tuple)) else [root]
    if any(r is o for r in roots for o in outputs):
        return True
    tensors = [o for o in outputs if type(o) is torch.Tensor]
    targets = {id(o.grad_fn) for o in tensors if o.grad_fn is not None}
    leaves = [o for o in tensors if o.grad_fn is None]  # an output that is a leaf: its AccumulateGrad
    stack, seen = [r.grad_fn for r in roots if type(r) is torch.Tensor], set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        if id(node) in targets or any(getattr(node, "variable", None) is leaf for leaf in leaves):
            return True
        seen.add(id(node))
        stack.extend(next_node for next_node, _ in node.next_functions)
    return False


def _marked(value, slope, log=None):
    # value(t) forward, but autograd is told the derivative is slope(t): only autograd reports it;
    # log, if a list, gets True per run of the backward by the engine (False: a node called by hand)
    class Marked(torch.autograd.Function):
        generate_vmap_rule = True

        @staticmethod
        def forward(t):
            return value(t)

        @staticmethod
        def setup_context(ctx, inputs, output):
            ctx.save_for_backward(inputs[0])
            ctx.save_for_forward(inputs[0])

        @staticmethod
        def backward(ctx, grad):
            if log is not None:
                log.append(torch._C._current_graph_task_id() >= 0)
            t, = ctx.saved_tensors
            return grad * slope(t)

        @staticmethod
        def jvp(ctx, tangent):
            t, = ctx.saved_tensors
            return tangent * slope(t)

    return Marked.apply


def _names_used(function, depth=3):
    # the global names and attributes that a function's code uses, and those of the notebook's
    # functions it calls
    names, seen = set(), set()
    todo = [(function, getattr(function, "__globals__", {}), depth)]
    while todo:
        item, scope, left = todo.pop()
        code = item if isinstance(item, types.CodeType) else getattr(item, "__code__", None)
        if code is None or id(code) in seen:
            continue
        seen.add(id(code))
        names.update(code.co_names)
        nested = [const for const in code.co_consts if isinstance(const, types.CodeType)]
        todo.extend((const, scope, left) for const in nested)
        called = [scope.get(name) for name in code.co_names]
        for cell in getattr(item, "__closure__", None) or ():
            try:
                called.append(cell.cell_contents)
            except ValueError:
                pass
        if left:
            functions = [f for f in called if isinstance(f, types.FunctionType)
                         and getattr(f, "__module__", None) == "__main__"]  # the notebook's own
            todo.extend((f, f.__globals__, left - 1) for f in functions)
    return names


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
