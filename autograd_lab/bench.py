"""Benchmark: how long the course takes to run and to grade, against the floor.

``python3.11 -m autograd_lab bench`` prints, measured in one run on this machine:

* the floor: start a fresh kernel and ``import torch`` (the least any
  notebook run can cost);
* the wall time to execute each lecture notebook, and its ratio to the floor;
* the time ``nbgrader autograde`` takes per submitted notebook (a class of
  reference solutions per assignment, graded in one command), and its ratio
  to the floor.

Ratios are what to compare across machines: these machines are shared and
noisy, so absolute seconds move from run to run.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from . import grading
from .notebooks import lecture_paths


def floor_seconds(repeats: int = 3) -> float:
    """Median wall time of: start a kernel, run ``import torch``, shut it down."""
    from jupyter_client.manager import start_new_kernel

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        manager, client = start_new_kernel(kernel_name="python3")
        try:
            reply = client.execute_interactive("import torch", timeout=120)
            assert reply["content"]["status"] == "ok"
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def lecture_seconds(path: Path) -> float:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def autograde_seconds_per_notebook(name: str, students: int = 4) -> float:
    with tempfile.TemporaryDirectory(prefix="autograd-lab-bench-") as tmp:
        course = grading.make_course(Path(tmp), [name])
        grading.generate(course, name)
        nb_file = grading.notebook_name(name)
        release = grading.read_nb(course / "release" / name / nb_file)
        source = grading.read_nb(course / "source" / name / nb_file)
        for i in range(students):
            grading.submit(course, f"student{i:02d}", name, grading.answered(release, source))
        start = time.perf_counter()
        grading.autograde(course, name)
        return (time.perf_counter() - start) / students


def main() -> int:
    print("Autograd Lab benchmark (wall time, seconds; ratio = time / floor)\n", flush=True)
    floor = floor_seconds()
    print(f"floor: fresh kernel + import torch (median of 3): {floor:.2f} s\n", flush=True)
    print(f"{'lecture notebook':<48} {'seconds':>8} {'ratio':>7}")
    for path in lecture_paths():
        seconds = lecture_seconds(path)
        print(f"{str(path.relative_to(path.parents[2])):<48} {seconds:8.2f} {seconds / floor:7.2f}", flush=True)
    print(f"\n{'nbgrader autograde, per submitted notebook':<48} {'seconds':>8} {'ratio':>7}")
    for _, _, name in grading.assignments():
        seconds = autograde_seconds_per_notebook(name)
        print(f"{name:<48} {seconds:8.2f} {seconds / floor:7.2f}", flush=True)
    return 0
