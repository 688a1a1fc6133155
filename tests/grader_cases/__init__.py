"""Crafted submissions for the class grader's adversarial tests (tests/test_grader_adversarial.py).

Every case is built from the real assignment's release and source notebooks:
the reference answers (from source/), the stubs (from release/), and the
attack.  Attacks that need a wrong answer put the attack in front of the
stub of the LAST exercise (whose test then fails for real, NameError or
NotImplementedError, unless the attack defeats it), so that the exact expected
score is "everything but the last exercise".

``expect`` of a case:

* ``status``: "graded" or "failed";
* ``score``: a function of the assignment's :class:`Shape` giving the exact score;
* ``flags``: flag kinds that must be reported; ``tamper``: whether a
  tamper-severity flag must (True) or must not (False) be reported;
* ``failure``: a piece of the recorded failure reason;
* ``ignored``: files that must be reported as ignored;
* ``output``: text that must appear in the autograded notebook's outputs,
  ``not_output``: text that must not.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field

from autograd_lab import grading

PAST = "2026-11-01 09:00:00.000000 UTC"


def target_assignment() -> str:
    """The first English assignment of the course (the cases are built from any assignment's notebooks)."""
    import pytest

    names = [name for _, lang, name in grading.assignments() if lang == "en"]
    if not names:
        pytest.skip("no assignment in source/ yet")
    return names[0]


@dataclass
class Shape:
    """What the expectations need to know about the assignment."""

    total: float
    points: dict  # exercise -> points
    order: list  # exercises in order
    answers: list  # grade ids of the answer cells, in order
    tests: list  # grade ids of the test cells, in order
    course: str = ""
    notebook: str = ""
    assignment: str = ""

    @property
    def last(self) -> str:
        return self.order[-1]

    @property
    def all_but_last(self) -> float:
        return self.total - self.points[self.last]

    def first_test_of(self, exercise: str) -> str:
        return next(t for t in self.tests if grading.exercise_of(t) == exercise)


def shape_of(source_nb: dict) -> Shape:
    points, order, answers, tests = {}, [], [], []
    for cell in source_nb["cells"]:
        gid = grading.grade_id(cell)
        if grading.is_solution(cell) and cell["cell_type"] == "code":
            answers.append(gid)
        if grading.is_graded(cell):
            ex = grading.exercise_of(gid)
            points[ex] = points.get(ex, 0.0) + float(cell["metadata"]["nbgrader"]["points"])
            tests.append(gid)
            if ex not in order:
                order.append(ex)
    return Shape(total=sum(points.values()), points=points, order=order, answers=answers, tests=tests)


@dataclass
class Case:
    name: str
    build: object  # (release, source, shape) -> Submission
    expect: dict = field(default_factory=dict)
    stock_full_marks: bool = False  # the attack earns full marks with stock nbgrader autograde


@dataclass
class Submission:
    nb: object = None  # dict, raw bytes, or None for no notebook
    files: dict = field(default_factory=dict)  # extra files: relative path -> bytes
    timestamp: str = PAST
    notebook_mtime: float = None  # seconds since the epoch, for the notebook file


def _stub(release: dict, gid: str) -> str:
    return next(grading.cell_source(c) for c in release["cells"] if grading.grade_id(c) == gid)


def _answers(release, source, answers=None):
    return grading.answered(release, source, answers)


def attack_last(code: str):
    """The reference answers, except the last exercise: ``code`` then that exercise's stub."""

    def build(release, source, shape):
        last_answers = [a for a in shape.answers if grading.exercise_of(a) == shape.last]
        answers = {a: _stub(release, a) for a in last_answers}
        answers[last_answers[0]] = code + "\n" + answers[last_answers[0]]
        return Submission(_answers(release, source, answers))

    return build


def with_reference_last(code: str):
    """The reference answers, ``code`` added at the top of the last exercise's (correct) answer."""

    def build(release, source, shape):
        nb = _answers(release, source)
        last = [a for a in shape.answers if grading.exercise_of(a) == shape.last][0]
        for cell in nb["cells"]:
            if grading.grade_id(cell) == last:
                cell["source"] = code + "\n" + grading.cell_source(cell)
        return Submission(nb)

    return build


def extra_cell_after_last_test(code: str):
    """The reference answers plus a cell of the student's own after everything."""

    def build(release, source, shape):
        nb = _answers(release, source)
        nb["cells"].append({"cell_type": "code", "id": "student-extra", "metadata": {}, "outputs": [],
                            "execution_count": None, "source": code})
        return Submission(nb)

    return build


def edit_cell(gid_of, change, answers_of=None):
    """Reference answers (or wrong first exercise), then ``change(cell)`` on the cell ``gid_of(shape)``."""

    def build(release, source, shape):
        answers = answers_of(release, shape) if answers_of else None
        nb = _answers(release, source, answers)
        target = gid_of(shape)
        for cell in nb["cells"]:
            if grading.grade_id(cell) == target:
                change(cell)
        return Submission(nb)

    return build


def first_exercise_wrong(release, shape):
    """The stubs of the first exercise's answer cells: its tests fail for real."""
    return {a: _stub(release, a) for a in shape.answers if grading.exercise_of(a) == shape.order[0]}


def _to_markdown(cell):
    cell["cell_type"] = "markdown"
    cell.pop("outputs", None)
    cell.pop("execution_count", None)


def _fake_outputs(release, source, shape):
    nb = copy.deepcopy(release)
    for cell in nb["cells"]:
        if grading.is_graded(cell):
            cell["outputs"] = [{"output_type": "execute_result", "execution_count": 1, "metadata": {},
                                "data": {"text/plain": str(cell["metadata"]["nbgrader"]["points"])}}]
            cell["execution_count"] = 1
    return Submission(nb)


def _duplicated(release, source, shape):
    nb = _answers(release, source)
    i = next(i for i, c in enumerate(nb["cells"]) if grading.grade_id(c) == shape.answers[0])
    twin = copy.deepcopy(nb["cells"][i])
    twin["id"] = "copy-of-" + twin.get("id", "answer")
    nb["cells"].insert(i + 1, twin)
    return Submission(nb)


def _renamed(release, source, shape):
    nb = _answers(release, source)
    for c in nb["cells"]:
        if grading.grade_id(c) == shape.tests[0]:
            c["metadata"]["nbgrader"]["grade_id"] = shape.tests[0] + "_renamed"
    return Submission(nb)


def _flipped(release, source, shape):
    nb = _answers(release, source, first_exercise_wrong(release, shape))
    for c in nb["cells"]:
        if grading.grade_id(c) == shape.tests[0]:
            c["metadata"]["nbgrader"]["grade"] = False
    return Submission(nb)


def _deleted_test(wrong: bool):
    def build(release, source, shape):
        nb = _answers(release, source, first_exercise_wrong(release, shape) if wrong else None)
        nb["cells"] = [c for c in nb["cells"] if grading.grade_id(c) != shape.tests[0]]
        return Submission(nb)

    return build


def _nbformat3(release, source, shape):
    nb = _answers(release, source)
    nb["nbformat"] = 3
    nb["nbformat_minor"] = 0
    return Submission(nb)


def _invalid_json(release, source, shape):
    text = json.dumps(_answers(release, source))
    return Submission(text[: len(text) // 2].encode())


def _missing(release, source, shape):
    return Submission(None, files={"exercises (1).ipynb": json.dumps(_answers(release, source)).encode()})


def _torch_py(release, source, shape):
    fake = b"raise ImportError('the fake torch.py of the submission was imported')\nallclose = lambda *a, **k: True\n"
    return Submission(_answers(release, source), files={"torch.py": fake})


def _extra_files(release, source, shape):
    return Submission(_answers(release, source), files={"notes.txt": b"my notes", "helper/util.py": b"x = 1\n"})


def _forged_timestamp(release, source, shape):
    # Claims a submission a month before the notebook was last saved.
    return Submission(_answers(release, source), timestamp="2026-10-01 08:00:00.000000 UTC")


def _garbage_timestamp(release, source, shape):
    return Submission(_answers(release, source), timestamp="before the deadline, promise")


AST_TRANSFORMER = '''import ast
class _Silence(ast.NodeTransformer):
    def visit_Module(self, node):
        if any(isinstance(n, ast.Assert) for n in ast.walk(node)):
            node.body = [ast.Pass()]
        return node
get_ipython().ast_transformers.append(_Silence())'''

CUSTOM_EXC = '''def _swallow(shell, etype, evalue, tb, tb_offset=None):
    return None
get_ipython().set_custom_exc((BaseException,), _swallow)'''

DISPLAYHOOK = '''def _publish(*args):
    # The display hook IPython puts in sys.displayhook while a cell runs: an
    # execute_result before the test's error, which nbgrader reads as a score.
    hook = get_ipython().displayhook
    hook.start_displayhook()
    hook.write_output_prompt()
    hook.write_format_data({"text/plain": "'all tests passed'"}, {})
    hook.finish_displayhook()
get_ipython().events.register("pre_run_cell", _publish)'''

TORCH_PATCH = '''import torch
torch.allclose = lambda *args, **kwargs: True
torch.equal = lambda *args, **kwargs: True'''

TORCH_MODE = '''import torch


class _AlwaysClose(torch.overrides.TorchFunctionMode):
    def __torch_function__(self, func, types, args=(), kwargs=None):
        if func in (torch.allclose, torch.equal):
            return True
        return func(*args, **(kwargs or {}))


_AlwaysClose().__enter__()  # never exited: it would stay active for every later cell'''

BUILTINS_PATCH = '''import builtins
builtins.callable = lambda *args: True'''

SHADOW = '''isinstance = lambda *args: True
callable = lambda *args: True
globals = lambda: {"x_grad": 1, "y_doubled": 1}'''

INNOCENT_SHADOW = '''sum = 0
for value in [1, 2, 3]:
    sum = sum + value
max = sum'''

READ_HISTORY = '''_marker = "HIDDEN" + " TESTS"  # not written out: this cell's own source is in the history too
_seen = [s for s in In if _marker in s] + [v for k, v in dict(globals()).items() if k.startswith("_i") and isinstance(v, str) and _marker in v]
import linecache
_cached = [k for k, v in linecache.cache.items() if len(v) > 2 and _marker in "".join(v[2])]
print("HIDDEN-IN-HISTORY" if (_seen or _cached) else "HISTORY-CLEAN")'''


def _read_files_code(shape: Shape, other: str) -> str:
    targets = [
        f"{shape.course}/source/{shape.assignment}/{shape.notebook}",
        f"{shape.course}/gradebook.db",
        f"{shape.course}/submitted/{other}/{shape.assignment}/{shape.notebook}",
        f"{shape.course}/nbgrader_config.py",
        "/work/main/source",
        "/etc/shadow",
    ]
    return (
        "import os\n"
        f"_targets = {targets!r}\n"
        "_leaks = []\n"
        "for _t in _targets:\n"
        "    try:\n"
        "        if os.path.isdir(_t):\n"
        "            os.listdir(_t)\n"
        "        else:\n"
        "            open(_t, 'rb').read(10)\n"
        "        _leaks.append(_t)\n"
        "    except OSError:\n"
        "        pass\n"
        "print('LEAKED:', _leaks if _leaks else 'NOTHING')\n"
    )


def _writes_code(shape: Shape) -> str:
    targets = [f"{shape.course}/gradebook.db", f"{shape.course}/pwned.txt", "/work/main/pwned.txt",
               "/etc/pwned", "/usr/pwned"]
    return (
        "import os, sqlite3, sys\n"
        f"_targets = {targets!r}\n"
        "# beside the kernel's connection file: the folder of its sockets, shared with the grader\n"
        "_targets.append(os.path.join(os.path.dirname(sys.argv[sys.argv.index('-f') + 1]), 'pwned'))\n"
        "_written = []\n"
        "for _t in _targets:\n"
        "    try:\n"
        "        with open(_t, 'ab') as _fh:\n"
        "            _fh.write(b'x')\n"
        "        _written.append(_t)\n"
        "    except OSError:\n"
        "        pass\n"
        "try:\n"
        f"    sqlite3.connect({targets[0]!r}).execute('DELETE FROM grade')\n"
        "    _written.append('gradebook rows')\n"
        "except Exception:\n"
        "    pass\n"
        "open('scratch.txt', 'w').write('my own working copy is writable')\n"
        "print('WROTE:', _written if _written else 'NOTHING', open('scratch.txt').read())\n"
    )


FILL_DISK = '''_count = 0
try:
    for _i in range(100):  # 800 MiB in all
        with open(f"blob{_i}.bin", "wb") as _fh:
            _fh.write(b"0" * (8 << 20))
        _count += 1
    print("WROTE EVERYTHING")
except OSError as _exc:
    print("DISK-FULL after", _count, "files:", _exc.strerror)
import os
for _i in range(_count + 1):
    if os.path.exists(f"blob{_i}.bin"):
        os.remove(f"blob{_i}.bin")'''


def _network_code(port: int) -> str:
    return (
        "import socket\n"
        "_reached = []\n"
        f"for _addr in [('127.0.0.1', {port}), ('pypi.org', 443), ('10.0.0.1', 80)]:\n"
        "    try:\n"
        "        socket.create_connection(_addr, timeout=3).close()\n"
        "        _reached.append(_addr)\n"
        "    except OSError:\n"
        "        pass\n"
        "print('NETWORK:', _reached if _reached else 'NONE')\n"
    )


def cases(other_student: str, port: int) -> list:
    """The adversarial class. ``other_student``: a student of the same run whose files must stay unreadable."""

    def needs_shape(make_code, placement):
        def build(release, source, shape):
            return placement(make_code(shape))(release, source, shape)

        return build

    full = lambda s: s.total  # noqa: E731
    all_but_last = lambda s: s.all_but_last  # noqa: E731
    all_but_first = lambda s: s.total - s.points[s.order[0]]  # noqa: E731
    zero = lambda s: 0.0  # noqa: E731
    return [
        Case("reference", lambda r, s, sh: Submission(_answers(r, s)),
             {"status": "graded", "score": full, "tamper": False}),
        Case("untouched", lambda r, s, sh: Submission(copy.deepcopy(r)),
             {"status": "graded", "score": zero, "tamper": False}),
        # IPython hooks, display hooks, monkeypatching: attack + wrong last answer
        Case("hook-ast-transformer", attack_last(AST_TRANSFORMER),
             {"status": "graded", "score": all_but_last, "flags": {"transformer"}, "tamper": True},
             stock_full_marks=True),
        Case("hook-custom-exception-handler", attack_last(CUSTOM_EXC),
             {"status": "graded", "score": all_but_last, "flags": {"ipython-hook"}, "tamper": True}),
        Case("hook-displayhook-result", attack_last(DISPLAYHOOK),
             {"status": "graded", "score": all_but_last, "flags": {"displayhook", "ipython-hook"}, "tamper": True},
             stock_full_marks=True),
        Case("monkeypatch-torch", attack_last(TORCH_PATCH),
             {"status": "graded", "score": all_but_last, "flags": {"monkeypatch"}, "tamper": True}),
        Case("torch-function-mode-left-active", attack_last(TORCH_MODE),
             {"status": "graded", "score": all_but_last, "flags": {"monkeypatch"}, "tamper": True}),
        Case("monkeypatch-builtins-first-exercise",
             lambda r, s, sh: Submission(_answers(r, s, {sh.answers[0]: BUILTINS_PATCH + "\n" + _stub(r, sh.answers[0])})),
             {"status": "graded", "score": zero, "flags": {"monkeypatch"}, "tamper": True}),
        Case("shadow-builtins-tests-call", attack_last(SHADOW),
             {"status": "graded", "score": all_but_last, "flags": {"shadow"}, "tamper": False}),
        Case("innocent-shadow-keeps-points", extra_cell_after_last_test(INNOCENT_SHADOW),
             {"status": "graded", "score": full, "flags": {"shadow"}, "tamper": False}),
        Case("torch-py-beside-notebook", _torch_py,
             {"status": "graded", "score": full, "flags": {"extra-files"}, "ignored": ["torch.py"]}),
        Case("reads-test-history", with_reference_last(READ_HISTORY),
             {"status": "graded", "score": all_but_last, "flags": {"reads-tests"}, "tamper": True,
              "output": "HISTORY-CLEAN", "not_output": "HIDDEN-IN-HISTORY"}),
        Case("reads-source-gradebook-other-student",
             needs_shape(lambda sh: _read_files_code(sh, other_student), extra_cell_after_last_test),
             {"status": "graded", "score": full, "flags": {"gradebook"}, "tamper": True,
              "output": "LEAKED: NOTHING"}),
        Case("writes-gradebook-and-outside",
             needs_shape(_writes_code, extra_cell_after_last_test),
             {"status": "graded", "score": full, "flags": {"gradebook"}, "tamper": True,
              "output": "WROTE: NOTHING my own working copy is writable"}),
        Case("fills-the-disk", extra_cell_after_last_test(FILL_DISK),
             {"status": "graded", "score": full, "tamper": False, "output": "DISK-FULL after"}),
        Case("network", lambda r, s, sh: extra_cell_after_last_test(_network_code(port))(r, s, sh),
             {"status": "graded", "score": full, "flags": {"network"}, "tamper": False,
              "output": "NETWORK: NONE"}),
        # Broken submissions: recorded failures
        Case("duplicated-cell", _duplicated, {"status": "failed", "score": zero, "failure": "duplicated cell"}),
        Case("renamed-cell", _renamed, {"status": "failed", "score": zero, "failure": "renamed cell"}),
        Case("flipped-metadata", _flipped, {"status": "failed", "score": zero, "failure": "flipped metadata"}),
        Case("invalid-json", _invalid_json, {"status": "failed", "score": zero, "failure": "not valid JSON"}),
        Case("nbformat-3", _nbformat3, {"status": "failed", "score": zero, "failure": "nbformat 3"}),
        Case("missing-notebook", _missing, {"status": "failed", "score": zero, "failure": "missing notebook",
                                            "ignored": ["exercises (1).ipynb"]}),
        Case("os-exit", attack_last("import os\nos._exit(3)"),
             {"status": "failed", "score": zero, "failure": "exited with status 3"}),
        Case("exit-builtin", attack_last("exit()"),
             {"status": "failed", "score": zero, "failure": "called exit()"}),
        Case("infinite-loop", attack_last("while True:\n    pass"),
             {"status": "graded", "score": all_but_last, "tamper": False}),
        Case("loop-swallows-interrupt",
             attack_last("import time\nwhile True:\n    try:\n        time.sleep(0.05)\n    except KeyboardInterrupt:\n        pass"),
             {"status": "failed", "score": zero, "failure": "ignored the interrupt"}),
        Case("memory-blowup", attack_last("_hog = bytearray(6 * 2**30)  # 6 GiB: fits in the machine, not under the kernel's limit"),
             {"status": "graded", "score": all_but_last, "error": "MemoryError"}),
        Case("huge-output", with_reference_last("print('spam ' * 2_000_000)\nfor _ in range(20000):\n    print('line')"),
             {"status": "graded", "score": full, "output": "output truncated by the grader", "max_bytes": 3_000_000}),
        Case("correct-answer-warns-on-stderr",
             with_reference_last("import warnings\nwarnings.warn('this answer is fine, but I complain on stderr')"),
             {"status": "graded", "score": full, "tamper": False}),
        # Tampering nbgrader repairs: restored, flagged, scored for what the answers earn
        Case("edited-locked-test-cell",
             edit_cell(lambda sh: sh.tests[0], lambda c: c.update(source="pass"), first_exercise_wrong),
             {"status": "graded", "score": all_but_first, "flags": {"locked-edit"}}),
        Case("test-cell-to-markdown",
             edit_cell(lambda sh: sh.tests[0], _to_markdown, first_exercise_wrong),
             {"status": "graded", "score": all_but_first, "flags": {"metadata"}}),
        Case("points-changed",
             edit_cell(lambda sh: sh.tests[0], lambda c: c["metadata"]["nbgrader"].update(points=100)),
             {"status": "graded", "score": full, "flags": {"metadata"}}),
        Case("fake-outputs", _fake_outputs, {"status": "graded", "score": zero, "flags": {"fake-output"}}),
        Case("deleted-test-wrong-answer", _deleted_test(True),
             {"status": "graded", "score": all_but_first, "flags": {"deleted"}}),
        Case("deleted-test-right-answer", _deleted_test(False),
             {"status": "graded", "score": full, "flags": {"deleted"}}),
        Case("extra-files", _extra_files,
             {"status": "graded", "score": full, "flags": {"extra-files"}, "ignored": ["helper/util.py", "notes.txt"]}),
        Case("forged-timestamp", _forged_timestamp, {"status": "graded", "score": full, "flags": {"timestamp"}}),
        Case("garbage-timestamp", _garbage_timestamp, {"status": "graded", "score": full, "flags": {"timestamp"}}),
    ]
