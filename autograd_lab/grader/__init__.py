"""Grade a whole class safely, in parallel, and lose nothing.

``python3.11 -m autograd_lab grade ASSIGNMENT`` (see cli.py) drives the real
nbgrader: every student is autograded by ``nbgrader autograde`` in a private
job folder, the student's code runs in a sandboxed kernel, jobs run in
parallel, and one writer puts the results in the course gradebook.

What is defended (each has a crafted submission in tests/grader_cases):

* the kernel runs as an unprivileged uid of its own, with no network, in
  its own mount, pid, IPC and UTS namespaces, in a root file system holding
  only the system, Python and the virtual environment (read-only), a private
  /tmp and a working copy on tmpfs (size-limited), with CPU-time, address
  space, file-size, process and open-file limits and a wall clock; it cannot
  read source/, the gradebook, other submissions or the repository, and
  cannot write to the host's disk at all;
* a submission contributes only the expected notebooks and files; malformed
  ones are recorded failures (0, flagged, reason), never batch stoppers;
* locked/test cells are restored by nbgrader, deleted tests restored and
  scored; IPython hooks, display hooks, AST/input transformers, patched
  torch/builtins/sys/IPython objects, names shadowing builtins, the SIGINT
  handler are restored before every test cell and reported; forged
  execute_results in test cells are removed; test sources are removed from
  the kernel's history after they run;
* test cells that run after tampering score 0 (policy "zero").

What is NOT defended:

* the guard runs inside the student's process: code determined to find and
  disable it, or to tamper with something it does not snapshot (a C-level
  method through ctypes, an object whose ``__eq__``/``__bool__`` lies to a
  test that compares with ``==``), is only caught by the static scan, and
  the scan can be evaded by code it does not recognise;
* no seccomp filter: the kernel has the full (unprivileged) system-call
  surface, so a Linux kernel vulnerability could break out of the sandbox;
* the sandbox needs root on Linux; elsewhere the command refuses to run;
* nbgrader parses the submitted JSON as root (after validation), and the
  instructor's nbgrader_config.py and gradebook are trusted;
* feedback HTML renders what the student wrote (stock nbgrader behaviour);
* a timestamp.txt that is backdated consistently with the notebook's
  modification time cannot be told from a real one.

Modules: runner (the run: intake, jobs, writer, journal, report), intake
(what is taken from a submission, and validated), job (one student), jail and
sandbox (the kernel's sandbox), executor and kernel_guard (nbgrader's Execute
with the tamper guard), scan (static scan of student code), gradebook
(nbgrader's API: assignment definition, template, merge), bench (benchmark).
"""



def __getattr__(name):
    # Lazy, so that ``python -m autograd_lab.grader.forkserver`` imports nothing twice.
    if name in ("Options", "grade"):
        from . import runner

        return getattr(runner, name)
    if name == "Limits":
        from .sandbox import Limits

        return Limits
    raise AttributeError(name)
