"""Start a Jupyter kernel inside a sandbox (Linux namespaces, chroot, another uid, rlimits).

This file is the ``argv`` of the sandbox kernelspec written into each grading
job (see :mod:`autograd_lab.grader.sandbox`)::

    python -I -B jail.py SPEC.json CONNECTION_FILE [extra kernel arguments...]

It runs as root, started by the job's nbgrader (``KernelManager``), and:

1. copies the assignment's files (everything but notebooks and
   ``timestamp.txt``) from its launch directory (nbgrader's autograded folder)
   into a fresh working copy owned by the job's own uid;
2. unshares mount, network, pid, IPC and UTS namespaces: the kernel has no
   network interface but a loopback that is down, and sees no other process;
3. builds a new root (a tmpfs) holding only read-only bind mounts of the
   system, the Python installation and the virtual environment, a private
   ``/tmp``, a minimal ``/dev``, a new ``/proc``, and, read-write, the working
   copy and the folder of the kernel's Unix sockets (ZMQ ``ipc`` transport:
   TCP on localhost cannot cross the network namespace);
4. forks the kernel as pid 1 of the new pid namespace; the kernel chroots
   there, sets CPU-time, address-space, file-size, process-count and
   open-file limits, drops to the job's uid and gid with no supplementary
   groups and ``no_new_privs``, and execs ``python -P -s -m ipykernel_launcher``;
5. stays as the kernel's parent: forwards SIGINT/SIGTERM, kills the kernel
   at the wall-clock limit, dies (taking the kernel with it) when nbgrader
   dies, and writes why the kernel ended to ``status`` in the spec.

Standard library only: it must start fast and depend on nothing a student
could influence.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import shutil
import signal
import sys
import time

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_NO_NEW_PRIVS = 38

_libc = ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def unshare(flags: int) -> None:
    _check(_libc.unshare(ctypes.c_int(flags)), "unshare")


def mount(source, target, fstype, flags, data=None) -> None:
    enc = lambda s: None if s is None else os.fsencode(s)  # noqa: E731
    _check(
        _libc.mount(enc(source), enc(target), enc(fstype), ctypes.c_ulong(flags), enc(data)),
        f"mount {source} on {target}",
    )


def prctl(option: int, value: int) -> None:
    _check(_libc.prctl(option, ctypes.c_ulong(value), 0, 0, 0), f"prctl {option}")


def _bind(root: str, path: str, writable: bool = False, device: bool = False) -> None:
    """Bind ``path`` of the host at the same path under ``root`` (read-only unless writable)."""
    path = os.path.abspath(path)
    if os.path.islink(path) and os.path.dirname(path) == "/":
        # Merged-/usr systems: /bin -> usr/bin and friends; recreate the link.
        target = root + path
        if not os.path.lexists(target):
            os.symlink(os.readlink(path), target)
        return
    if not os.path.exists(path):
        return
    real = os.path.realpath(path)
    target = root + path
    if os.path.isdir(real):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if not os.path.exists(target):
            open(target, "a").close()
    mount(real, target, None, MS_BIND | MS_REC)
    flags = MS_BIND | MS_REMOUNT | MS_NOSUID | (0 if device else MS_NODEV)
    if not writable:
        flags |= MS_RDONLY
    mount(None, target, None, flags)


def _tmpfs(target: str, size: str, mode: str = "0755") -> None:
    os.makedirs(target, exist_ok=True)
    mount("tmpfs", target, "tmpfs", MS_NOSUID | MS_NODEV, f"size={size},mode={mode}")


def build_root(spec: dict) -> str:
    """Mount the sandbox's file system under spec['root'] (in the new mount namespace)."""
    root = spec["root"]
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    _tmpfs(root, "16m")
    for path in ("/usr", "/etc", "/bin", "/lib", "/lib64", "/lib32", "/libx32", "/sbin"):
        if os.path.lexists(path):
            _bind(root, path)
    # A private /tmp first: the job's own folders may live under /tmp and
    # are bound over it below.
    _tmpfs(root + "/tmp", spec.get("tmp_size", "128m"), "1777")
    for path in spec["readonly"]:
        _bind(root, path)
    # The working copy is a tmpfs of its own (nothing the student writes
    # reaches the host's disk), filled with the files prepared outside.
    work = spec["workdir"]
    _tmpfs(root + work, spec.get("work_size", "256m"),
           f"0700,uid={spec['uid']},gid={spec['gid']}")
    for dirpath, dirnames, filenames in os.walk(work):
        rel = os.path.relpath(dirpath, work)
        target = os.path.normpath(os.path.join(root + work, rel))
        os.makedirs(target, exist_ok=True)
        os.chown(target, spec["uid"], spec["gid"])
        for name in filenames:
            shutil.copyfile(os.path.join(dirpath, name), os.path.join(target, name))
            os.chown(os.path.join(target, name), spec["uid"], spec["gid"])
    # The folder of the kernel's Unix sockets is shared with the host; the
    # jail takes write access back once the sockets exist (see main).
    for path in spec["writable"]:
        if path != work:
            _bind(root, path, writable=True)
    os.makedirs(root + "/dev", exist_ok=True)
    for dev in ("null", "zero", "full", "random", "urandom"):
        _bind(root, "/dev/" + dev, writable=True, device=True)
    os.makedirs(root + "/proc", exist_ok=True)
    # The new root itself becomes read-only: only the bound working folders,
    # /tmp and the devices stay writable.
    mount(None, root, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
    return root


def prepare_workdir(spec: dict, launch_dir: str) -> None:
    """A fresh working copy: the assignment's files nbgrader put beside the notebook, minus notebooks."""
    work = spec["workdir"]
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work, mode=0o700)
    for dirpath, dirnames, filenames in os.walk(launch_dir):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = os.path.relpath(dirpath, launch_dir)
        for name in filenames:
            if name.endswith(".ipynb") or name == "timestamp.txt" or name.startswith("."):
                continue
            src = os.path.join(dirpath, name)
            if os.path.islink(src) or not os.path.isfile(src):
                continue
            dest_dir = os.path.normpath(os.path.join(work, rel))
            os.makedirs(dest_dir, mode=0o700, exist_ok=True)
            shutil.copyfile(src, os.path.join(dest_dir, name))
    uid, gid = spec["uid"], spec["gid"]
    for dirpath, dirnames, filenames in os.walk(work):
        os.chown(dirpath, uid, gid)
        for name in filenames:
            os.chown(os.path.join(dirpath, name), uid, gid)


def _limits(spec: dict) -> None:
    lim = spec["limits"]
    pairs = {
        resource.RLIMIT_CPU: lim.get("cpu_seconds"),
        resource.RLIMIT_AS: lim.get("memory_bytes"),
        resource.RLIMIT_FSIZE: lim.get("file_bytes"),
        resource.RLIMIT_NPROC: lim.get("processes"),
        resource.RLIMIT_NOFILE: lim.get("open_files"),
        resource.RLIMIT_CORE: 0,
    }
    for which, value in pairs.items():
        if value is None:
            continue
        soft_hard = (int(value), int(value))
        if which == resource.RLIMIT_CPU:
            # SIGXCPU at the soft limit (the kernel dies), SIGKILL 5 s later.
            soft_hard = (int(value), int(value) + 5)
        resource.setrlimit(which, soft_hard)


def kernel_environment(spec: dict) -> dict:
    keep = ("JPY_PARENT_PID", "JPY_SESSION_NAME", "MPLBACKEND", "PYDEVD_DISABLE_FILE_VALIDATION")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(
        HOME="/tmp",
        TMPDIR="/tmp",
        PATH=os.pathsep.join([os.path.dirname(spec["python"]), "/usr/local/bin", "/usr/bin", "/bin"]),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        PYTHONUTF8="1",
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONNOUSERSITE="1",
        IPYTHONDIR="/tmp/.ipython",
        MPLCONFIGDIR="/tmp/.matplotlib",
        JUPYTER_RUNTIME_DIR="/tmp/.jupyter-runtime",
        OMP_NUM_THREADS=str(spec.get("threads", 1)),
        MKL_NUM_THREADS=str(spec.get("threads", 1)),
    )
    return env


def _child(spec: dict, root: str, argv: list, env: dict, alive_fd: int) -> None:
    """pid 1 of the new pid namespace: finish the sandbox and exec the kernel."""
    try:
        import select

        mount("proc", root + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
        os.chroot(root)
        os.chdir(spec["workdir"])
        _limits(spec)
        os.setgroups([])
        os.setresgid(spec["gid"], spec["gid"], spec["gid"])
        os.setresuid(spec["uid"], spec["uid"], spec["uid"])
        prctl(PR_SET_NO_NEW_PRIVS, 1)
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        # The jail (our parent, outside this pid namespace) holds the write
        # end of this pipe: end of file means it died before PDEATHSIG was set.
        if select.select([alive_fd], [], [], 0)[0]:
            os._exit(1)
        os.close(alive_fd)
        os.execve(argv[0], argv, env)
    except BaseException as exc:  # report and die: never run unsandboxed
        sys.stderr.write(f"autograd-lab jail: cannot start the sandboxed kernel: {exc!r}\n")
        sys.stderr.flush()
        os._exit(121)


def _write_status(path: str, status: dict) -> None:
    tmp = path + ".tmp"
    with open(tmp, "w") as fh:
        json.dump(status, fh)
    os.replace(tmp, path)


def main(argv: list) -> int:
    spec_path, connection_file, *extra = argv
    with open(spec_path) as fh:
        spec = json.load(fh)
    if os.path.exists(spec["status"]):
        os.remove(spec["status"])
    # Die with nbgrader: a killed grading job must not leave a kernel behind.
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    launch_dir = os.getcwd()
    prepare_workdir(spec, launch_dir)
    for folder in spec["writable"]:
        if folder != spec["workdir"]:
            os.chown(folder, spec["uid"], spec["gid"])
            os.chmod(folder, 0o700)
    # The manager writes the connection file where it likes (often the host's
    # /tmp, invisible in the sandbox): give the kernel its own copy.  Its
    # "ip" (the Unix socket prefix) must lie in a writable, bound folder.
    with open(connection_file) as fh:
        connection = json.load(fh)
    if connection.get("transport") != "ipc" or not any(
        connection.get("ip", "").startswith(folder + os.sep) for folder in spec["writable"]
    ):
        sys.stderr.write("autograd-lab jail: the kernel must use the ipc transport inside the job folder\n")
        return 121
    own_connection = os.path.join(spec["writable"][-1], "connection.json")
    with open(own_connection, "w") as fh:
        json.dump(connection, fh)
    os.chown(own_connection, spec["uid"], spec["gid"])
    os.chmod(own_connection, 0o600)
    kernel_argv = [spec["python"], "-P", "-s", "-m", "ipykernel_launcher", "-f", own_connection,
                   "--HistoryManager.hist_file=:memory:", *extra]
    env = kernel_environment(spec)

    unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS)
    root = build_root(spec)
    started = time.monotonic()
    alive_r, alive_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(alive_w)
        _child(spec, root, kernel_argv, env, alive_r)
        os._exit(121)
    os.close(alive_r)

    status = {"reason": None}

    def forward(signum, _frame):
        # The kernel is pid 1 of its namespace: it only receives signals it
        # handles (SIGINT, for interrupts).  Anything else ends it.
        if signum != signal.SIGINT and status["reason"] is None:
            status["reason"] = "terminated"
        try:
            os.kill(pid, signal.SIGINT if signum == signal.SIGINT else signal.SIGKILL)
        except ProcessLookupError:
            pass

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(sig, forward)
    wall = spec["limits"].get("wall_seconds")
    deadline = started + wall if wall else None
    sockets = [f"{connection['ip']}-{connection[key]}" for key in
               ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")]
    socket_dir = os.path.dirname(sockets[0])
    locked = False
    while True:
        if not locked and all(os.path.exists(path) for path in sockets):
            # The kernel has bound its sockets: from now on it can neither
            # create nor remove files there (root, the client, still connects).
            # (The connection file stays the kernel's: ipykernel reads it
            # again right after binding, and may rewrite it in place.)
            os.chown(socket_dir, 0, 0)
            os.chmod(socket_dir, 0o755)
            locked = True
        try:
            done, wait_status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            break
        if done:
            break
        if deadline is not None and time.monotonic() > deadline and status["reason"] is None:
            status["reason"] = "wall"
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.05)
    elapsed = time.monotonic() - started
    if os.WIFSIGNALED(wait_status):
        sig = os.WTERMSIG(wait_status)
        code = 128 + sig
        if status["reason"] is None:
            status["reason"] = {signal.SIGXCPU: "cpu", signal.SIGKILL: "killed"}.get(sig, "signal")
        status.update(signal=sig, signal_name=signal.Signals(sig).name)
    else:
        code = os.WEXITSTATUS(wait_status)
        if status["reason"] is None:
            status["reason"] = "sandbox-error" if code == 121 else "exit"
        status.update(exit_code=code)
    status["seconds"] = round(elapsed, 3)
    try:
        _write_status(spec["status"], status)
    except OSError:
        pass
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
