"""Fast checks of the class grader's parts: static scan, intake, single-transaction writer, journal.

No kernel runs here (test_grader_adversarial.py and test_grader_runs.py grade
for real); the intake and writer tests use a real assignment's gradebook.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil

import pytest

from autograd_lab import grading
from autograd_lab.grader import gradebook, intake
from autograd_lab.grader.job import trusted_cell_ids
from autograd_lab.grader.runner import Journal
from autograd_lab.grader.scan import scan_code, scan_notebook

TAMPER = [
    "import torch\ntorch.allclose = lambda *a, **k: True",
    "import torch as t\nt.Tensor.__eq__ = lambda a, b: True",
    "import builtins\nbuiltins.callable = lambda f: True",
    "setattr(__import__('torch'), 'equal', lambda *a: True)",
    "get_ipython().ast_transformers.append(object())",
    "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)",
    "get_ipython().events.register('pre_run_cell', print)",
    "import sys\nsys.displayhook = print",
    "import sys\nsys.settrace(lambda *a: None)",
    "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)",
    "print(In[-1])",
    "print(_i3)",
    "import inspect",
    "import sqlite3\nsqlite3.connect('gradebook.db')",
    "open('../source/exercises.ipynb').read()",
    "exec('x = 1')",
    "class T(torch.Tensor):\n    @classmethod\n    def __torch_function__(cls, func, types, args=(), kwargs=None):\n        return True",
    "f = lambda: 0\nprint(f.__globals__)",
    "import sys\nsys.modules['torch'] = None",
    "%history",
    "with torch._C.DisableTorchFunction():\n    (w * w).sum().backward()",
    "from torch.overrides import _pop_mode_temporarily",
    "from torch.autograd import Variable\nVariable._execution_engine.run_backward((y,), (g,), False, False, (), True, True)",
    "import torch._C",
    "import threading\nthreading.Thread(target=lambda: y.backward()).start()",
]
BENIGN = [
    "def f(x):\n    y = x ** 2\n    y.sum().backward()\n    return x.grad",
    "x = torch.tensor([1.0, 2.0], requires_grad=True)\nx.grad = None\nx.requires_grad_(True)",
    "torch.manual_seed(0)\nw = torch.randn(3)\nwith torch.no_grad():\n    w -= 0.1 * w",
    "%matplotlib inline\nimport math\nprint(math.exp(1.0))",
    "import numpy as np\na = np.ones(3)\na[0] = 2",
    "for _i in range(3):\n    print(_i)",
    "g, = torch.autograd.grad(f(x), x, create_graph=True)\nh = torch.func.hessian(f)(x)",
    "from torch.autograd import forward_ad\nwith forward_ad.dual_level():\n    pass",
]


@pytest.mark.parametrize("code", TAMPER)
def test_scan_flags_tampering(code):
    assert any(f["severity"] == "tamper" for f in scan_code(code)), scan_code(code)


@pytest.mark.parametrize("code", BENIGN)
def test_scan_lets_ordinary_answers_through(code):
    assert not [f for f in scan_code(code) if f["severity"] == "tamper"], scan_code(code)


def test_scan_warns_about_shadowed_builtins_and_exits():
    kinds = {f["kind"]: f["severity"] for f in scan_code("sum = 0\nimport os\nos._exit(1)")}
    assert kinds["shadow"] == "warn" and kinds["exit"] == "warn"


@pytest.mark.parametrize("name", [n for _, _, n in grading.assignments()])
def test_no_reference_solution_of_the_course_looks_like_tampering(name):
    """The scan runs on every answer; a false alarm would zero a right answer."""
    nb_file = grading.notebook_name(name)
    source = grading.read_nb(grading.ROOT / "source" / name / nb_file)
    answers = [c for c in source["cells"] if grading.is_solution(c)]
    nb = {"cells": [dict(c, source=grading.reference_answer(c)) if grading.is_solution(c) else c
                    for c in source["cells"]]}
    locked = {grading.grade_id(c) for c in source["cells"] if c["metadata"].get("nbgrader", {}).get("locked")}
    findings = [f for f in scan_notebook(nb, locked) if f["severity"] == "tamper"]
    assert answers and not findings, findings


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    names = [n for _, lang, n in grading.assignments() if lang == "en"]
    if not names:
        pytest.skip("no assignment yet")
    name = names[0]
    course = grading.make_course(tmp_path_factory.mktemp("units"), [name])
    grading.generate(course, name)
    nb_file = grading.notebook_name(name)
    release = grading.read_nb(course / "release" / name / nb_file)
    source = grading.read_nb(course / "source" / name / nb_file)
    info = gradebook.assignment_info(course / "gradebook.db", name)
    return {"course": course, "name": name, "nb_file": nb_file, "release": release, "source": source, "info": info}


def _folder(tmp_path, real, nb, timestamp="2026-11-01 09:00:00 UTC", raw=None):
    folder = tmp_path / "sub"
    folder.mkdir(parents=True)
    path = folder / real["nb_file"]
    path.write_bytes(raw if raw is not None else json.dumps(nb).encode())
    (folder / "timestamp.txt").write_text(timestamp)
    old = datetime.datetime(2026, 10, 31, tzinfo=datetime.timezone.utc).timestamp()
    os.utime(path, (old, old))
    return folder


def _take(real, folder):
    return intake.take("s", folder, real["info"], real["course"] / "source" / real["name"],
                       now=datetime.datetime(2026, 11, 22, tzinfo=datetime.timezone.utc))


def test_assignment_info_matches_the_source(real):
    nb = real["info"]["notebooks"][real["nb_file"][:-6]]
    graded = {grading.grade_id(c) for c in real["source"]["cells"] if grading.is_graded(c)}
    assert {g for g, c in nb["cells"].items() if c["grade"]} == graded
    assert nb["max_score"] == sum(float(c["metadata"]["nbgrader"]["points"])
                                  for c in real["source"]["cells"] if grading.is_graded(c))
    assert trusted_cell_ids(real["info"], real["nb_file"][:-6]) >= graded


def test_intake_accepts_a_clean_submission(tmp_path, real):
    taken = _take(real, _folder(tmp_path, real, grading.answered(real["release"], real["source"])))
    assert taken.ok and not taken.flags and not taken.ignored
    assert taken.timestamp == "2026-11-01 09:00:00 UTC"
    assert len(taken.fingerprint) == 64


def test_intake_rejects_a_symlinked_notebook(tmp_path, real):
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / real["nb_file"]).symlink_to(real["course"] / "source" / real["name"] / real["nb_file"])
    taken = _take(real, folder)
    assert any("not a regular file" in f for f in taken.failures)


def test_intake_rejects_duplicated_cell_ids_and_newer_nbformat(tmp_path, real):
    nb = grading.answered(real["release"], real["source"])
    nb["cells"][1]["id"] = nb["cells"][0]["id"]
    assert any("duplicated cell ids" in f for f in _take(real, _folder(tmp_path / "a", real, nb)).failures)
    nb = grading.answered(real["release"], real["source"])
    nb["nbformat_minor"] = 99
    assert any("nbformat 4.99" in f for f in _take(real, _folder(tmp_path / "b", real, nb)).failures)


def test_intake_rejects_a_solution_cell_turned_into_a_test(tmp_path, real):
    nb = grading.answered(real["release"], real["source"])
    for cell in nb["cells"]:
        if grading.is_solution(cell):
            cell["metadata"]["nbgrader"].update(grade=True, points=100)
            break
    assert any("flipped metadata" in f for f in _take(real, _folder(tmp_path, real, nb)).failures)


def test_intake_timestamps(tmp_path, real):
    nb = grading.answered(real["release"], real["source"])
    future = _take(real, _folder(tmp_path / "a", real, nb, "2030-01-01 00:00:00 UTC"))
    assert future.ok and {f["kind"] for f in future.flags} == {"timestamp"} and "2030" not in future.timestamp
    garbage = _take(real, _folder(tmp_path / "b", real, nb, "tomorrow"))
    assert garbage.ok and {f["kind"] for f in garbage.flags} == {"timestamp"}
    backdated = _take(real, _folder(tmp_path / "c", real, nb, "2026-10-01 00:00:00 UTC"))
    assert any("back-dated" in f["what"] for f in backdated.flags)
    assert backdated.timestamp == "2026-10-01 00:00:00 UTC"


def test_intake_ignores_unexpected_files(tmp_path, real):
    folder = _folder(tmp_path, real, grading.answered(real["release"], real["source"]))
    (folder / "torch.py").write_text("raise SystemExit")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "x").write_text("x")
    (folder / "link").symlink_to("/etc/passwd")
    taken = _take(real, folder)
    assert taken.ok and taken.files == []
    assert set(taken.ignored) == {"torch.py", ".hidden/x", "link"}


def test_student_ids_are_checked():
    assert intake.valid_student_id("ana.souza-2")
    for bad in ("", "..", "../x", "a/b", "-rf", "a b"):
        assert not intake.valid_student_id(bad)


def test_the_writer_replaces_a_submission_in_one_transaction(tmp_path, real, monkeypatch):
    course = tmp_path / "c"
    shutil.copytree(real["course"], course)
    gb_path = course / "gradebook.db"
    name, nb_name = real["name"], real["nb_file"][:-6]
    tests = [g for g, c in real["info"]["notebooks"][nb_name]["cells"].items() if c["grade"]]
    full = {"status": "graded", "timestamp": "2026-11-01 09:00:00 UTC", "gradebook": {"notebooks": {nb_name: {
        "late_submission_penalty": None, "flagged": False, "comments": {},
        "grades": {t: {"auto_score": real["info"]["notebooks"][nb_name]["cells"][t]["points"], "max_score": 0,
                       "needs_manual_grade": False, "extra_credit": None} for t in tests}}}}}
    gradebook.merge(gb_path, name, "ana", full)
    total = real["info"]["notebooks"][nb_name]["max_score"]
    assert gradebook.scores(gb_path, name)["ana"]["score"] == total

    # A crash half-way through the next merge leaves the previous result whole.
    from nbgrader.api import Gradebook

    def boom(self, *args, **kwargs):
        raise RuntimeError("crash after the old submission was deleted")

    monkeypatch.setattr(Gradebook, "add_submission", boom)
    with pytest.raises(RuntimeError):
        gradebook.merge(gb_path, name, "ana", {"status": "failed", "failures": ["x"]})
    monkeypatch.undo()
    assert gradebook.scores(gb_path, name)["ana"]["score"] == total

    # A failed job: zeros (not "needs manual grading"), flagged, the reason in the comments.
    gradebook.merge(gb_path, name, "ana", {"status": "failed", "failures": ["the kernel died"]})
    row = gradebook.scores(gb_path, name)["ana"]
    assert row["score"] == 0 and row["flagged"] and not row["needs_manual_grade"]
    with Gradebook(gradebook.db_url(gb_path)) as gb:
        comments = [c.auto_comment for c in gb.find_submission_notebook(nb_name, name, "ana").comments]
    assert comments and all("the kernel died" in c for c in comments)


def test_an_extension_survives_a_regrade(tmp_path, real):
    from nbgrader.api import Gradebook

    course = tmp_path / "c"
    shutil.copytree(real["course"], course)
    gb_path = course / "gradebook.db"
    with Gradebook(gradebook.db_url(gb_path)) as gb:
        gb.update_or_create_student("bo")
        gb.add_submission(real["name"], "bo")
        gb.grant_extension(real["name"], "bo", days=2)
    gradebook.merge(gb_path, real["name"], "bo", {"status": "failed", "failures": ["x"]})
    assert gradebook.extension_of(gb_path, real["name"], "bo") == datetime.timedelta(days=2)


def test_journal_resumes_only_an_unfinished_run_with_the_same_key(tmp_path):
    j = Journal(tmp_path / "journal.jsonl")
    j.write({"event": "start", "run": "r1", "key": "k"})
    j.write({"event": "committed", "run": "r1", "student": "a", "fingerprint": "f", "result": {}})
    (tmp_path / "journal.jsonl").open("a").write('{"event": "committed", "run": "r1", "stu')  # cut by a kill
    assert Journal(tmp_path / "journal.jsonl").resumable("k")[0] == "r1"
    assert set(Journal(tmp_path / "journal.jsonl").resumable("k")[1]) == {"a"}
    assert Journal(tmp_path / "journal.jsonl").resumable("other") == (None, {})
    j2 = Journal(tmp_path / "journal.jsonl")
    with open(j2.path, "a") as fh:
        fh.write("\n")
    j2.write({"event": "finished", "run": "r1"})
    assert j2.resumable("k") == (None, {})
