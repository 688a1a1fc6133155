"""Code the grader runs inside the student's kernel (sent as text, never imported there).

``install(name)`` runs before the first cell of the notebook, so before any
student code: it snapshots what the tests rely on and stores a checking
function in ``builtins`` under ``name`` (random per job).  The grader calls it
through ``user_expressions`` of an empty, silent request (no input
transformers, no AST transformers, no pre/post-run hooks, no history) before
and after every test cell.  Each call restores what changed and returns, as
JSON, what it found.

What is snapshotted and restored:

* IPython: AST transformers, input transformers (cleanup, line, token,
  post), the custom exception handler, the event callbacks (pre/post run
  cell hooks), the shell's display hook and display publisher, any method
  patched on the shell, the kernel, the session, the display hook, the
  output streams, ZMQ sockets (instance or class);
* ``sys``: displayhook, excepthook, stdout, stderr, the trace and profile
  functions, the modules ``torch``, ``builtins``, ``math``, ``sys``;
  the SIGINT handler;
* every attribute of ``builtins``, of ``torch``, ``torch.Tensor`` and its C
  base, ``torch.autograd``, ``torch.nn.functional``, ``math``, and of numpy
  when loaded (replaced or deleted attributes are put back);
* PyTorch's mode stacks: a ``TorchFunctionMode`` or ``TorchDispatchMode``
  left active (it would intercept the tests' own torch calls) is popped;
* names of the user namespace that shadow a builtin the tests may call
  (``isinstance = ...``), ``__builtins__``, or bind ``torch`` to something
  else: removed or put back before each test cell.

After a test cell, its source is removed from the in-memory history (``In``,
``_ih``, ``_i*``) and from ``linecache``, so later student cells cannot read it.

All of this runs in the student's process: it catches the known ways of
tampering and restores before each test, but code determined to find and
disable the guard could.  The static scan (scan.py) flags the constructs
needed to do that, and the grader zeroes the tests that run after them.
"""

INSTALL = r'''
def _agl_install(_agl_name):
    import builtins, json, linecache, signal, sys, threading
    from IPython import get_ipython
    ip = get_ipython()
    kernel = getattr(ip, "kernel", None)
    try:
        import torch
    except Exception:
        torch = None

    def _class_dicts(objects):
        out = []
        seen = set()
        for obj in objects:
            if obj is None:
                continue
            for klass in type(obj).__mro__:
                if klass is object or id(klass) in seen:
                    continue
                seen.add(id(klass))
                out.append((klass, dict(vars(klass))))
        return out

    session = getattr(kernel, "session", None)
    sockets = [getattr(kernel, n, None) for n in ("iopub_socket", "shell_stream", "control_stream")]
    watched_objects = [ip, kernel, session, ip.displayhook, ip.display_pub, sys.stdout, sys.stderr,
                       getattr(kernel, "iopub_thread", None)] + sockets
    try:
        import zmq
        zmq_classes = [zmq.Socket]
    except Exception:
        zmq_classes = []

    modules = {"builtins": builtins, "sys": sys}
    try:
        import math
        modules["math"] = math
    except Exception:
        pass
    namespaces = [("builtins", builtins)]
    if torch is not None:
        modules["torch"] = torch
        namespaces += [("torch", torch), ("torch.Tensor", torch.Tensor),
                       ("torch._C.TensorBase", torch._C.TensorBase),
                       ("torch.autograd", torch.autograd),
                       ("torch.nn.functional", torch.nn.functional)]
    if "math" in modules:
        namespaces.append(("math", modules["math"]))
    if "numpy" in sys.modules:
        np = sys.modules["numpy"]
        modules["numpy"] = np
        namespaces += [("numpy", np), ("numpy.ndarray", np.ndarray)]

    im = ip.input_transformer_manager
    snap = {
        "ast_transformers": list(ip.ast_transformers),
        "input_transformers_post": list(ip.input_transformers_post),
        "cleanup_transforms": list(im.cleanup_transforms),
        "line_transforms": list(im.line_transforms),
        "token_transformers": list(im.token_transformers),
        "custom_exceptions": ip.custom_exceptions,
        "CustomTB": ip.CustomTB,
        "events": {k: list(v) for k, v in ip.events.callbacks.items()},
        "displayhook": ip.displayhook,
        "display_pub": ip.display_pub,
        "sys.displayhook": sys.displayhook,
        "sys.excepthook": sys.excepthook,
        "sys.stdout": sys.stdout,
        "sys.stderr": sys.stderr,
        "sigint": signal.getsignal(signal.SIGINT),
        "modules": dict(modules),
        "namespaces": [(label, obj, dict(vars(obj))) for label, obj in namespaces],
        "instances": [(obj, dict(vars(obj))) for obj in watched_objects if obj is not None and hasattr(obj, "__dict__")],
        "classes": _class_dicts(watched_objects) + [(k, dict(vars(k))) for k in zmq_classes],
        "builtin_names": set(vars(builtins)),
    }
    ipython_names = {"_", "__", "___", "_i", "_ii", "_iii", "_ih", "_oh", "_dh", "In", "Out",
                     "get_ipython", "exit", "quit", "open", "display", "__builtin__", "__builtins__",
                     "__name__", "__doc__", "__package__", "__loader__", "__spec__"}

    trusted_modules = ("matplotlib", "matplotlib_inline", "IPython", "ipykernel", "ipywidgets", "traitlets",
                       "jupyter", "comm")

    def _trusted(callback):
        """Hooks that libraries register by themselves (matplotlib's inline backend flushes figures)."""
        func = getattr(callback, "__func__", callback)
        module = getattr(func, "__module__", None) or type(callback).__module__ or ""
        return module.split(".")[0] in trusted_modules and getattr(func, "__code__", None) is not None and \
            not func.__code__.co_filename.startswith(("<", "/tmp/ipykernel"))

    import os as _os
    package_dirs = {}
    for _name in ("torch", "numpy", "math"):
        _mod = sys.modules.get(_name)
        if _mod is not None and getattr(_mod, "__file__", None):
            package_dirs[_name] = _os.path.dirname(_mod.__file__)

    def _library_made(label, value, original):
        """A wrapper the library put around its own function (torch._dynamo wraps torch.manual_seed)."""
        top = label.split(".")[0]
        code = getattr(value, "__code__", None)
        return (top in package_dirs and code is not None and getattr(value, "__wrapped__", None) is original
                and code.co_filename.startswith(package_dirs[top] + _os.sep))

    def _set(findings, kind, what):
        findings.append({"kind": kind, "what": what})

    def check(cell, phase):
        findings = []
        # IPython machinery
        for attr, kind in (("ast_transformers", "transformer"), ("input_transformers_post", "transformer")):
            if list(getattr(ip, attr)) != snap[attr] or any(a is not b for a, b in zip(getattr(ip, attr), snap[attr])):
                _set(findings, kind, "IPython " + attr + " changed")
                setattr(ip, attr, list(snap[attr]))
        for attr in ("cleanup_transforms", "line_transforms", "token_transformers"):
            current = getattr(im, attr)
            if len(current) != len(snap[attr]) or any(a is not b for a, b in zip(current, snap[attr])):
                _set(findings, "transformer", "IPython input transformer (" + attr + ") changed")
                setattr(im, attr, list(snap[attr]))
        if ip.custom_exceptions != snap["custom_exceptions"] or ip.CustomTB != snap["CustomTB"]:
            _set(findings, "ipython-hook", "custom exception handler (set_custom_exc) installed")
            ip.custom_exceptions = snap["custom_exceptions"]
            ip.CustomTB = snap["CustomTB"]
        for event, callbacks in list(ip.events.callbacks.items()):
            before = snap["events"].get(event, [])
            added = [cb for cb in callbacks if not any(cb is b for b in before) and not _trusted(cb)]
            if added or any(not any(b is cb for cb in callbacks) for b in before):
                _set(findings, "ipython-hook", "IPython event callback registered on " + event)
                callbacks[:] = list(before) + [cb for cb in callbacks if _trusted(cb) and not any(cb is b for b in before)]
        for attr in ("displayhook", "display_pub"):
            if getattr(ip, attr) is not snap[attr]:
                _set(findings, "displayhook", "shell." + attr + " replaced")
                setattr(ip, attr, snap[attr])
        for attr in ("displayhook", "excepthook", "stdout", "stderr"):
            if getattr(sys, attr) is not snap["sys." + attr]:
                _set(findings, "displayhook" if attr == "displayhook" else "ipython-hook", "sys." + attr + " replaced")
                setattr(sys, attr, snap["sys." + attr])
        if sys.gettrace() is not None or sys.getprofile() is not None:
            _set(findings, "ipython-hook", "a trace or profile function is set (sys.settrace / sys.setprofile)")
            sys.settrace(None)
            sys.setprofile(None)
        threading.settrace(None)
        threading.setprofile(None)
        if torch is not None:
            # A TorchFunctionMode or TorchDispatchMode left on PyTorch's mode stacks intercepts
            # every torch call of the tests (torch.allclose answering True, say): pop them.
            for length, pop, what in (
                    (torch._C._len_torch_function_stack, torch._C._pop_torch_function_stack, "TorchFunctionMode"),
                    (torch._C._len_torch_dispatch_stack, torch._C._pop_torch_dispatch_stack, "TorchDispatchMode")):
                if length():
                    _set(findings, "monkeypatch", "a " + what + " was left active: torch calls intercepted")
                    while length():
                        pop()
        if signal.getsignal(signal.SIGINT) is not snap["sigint"]:
            _set(findings, "ipython-hook", "SIGINT handler replaced (interrupts swallowed)")
            signal.signal(signal.SIGINT, snap["sigint"])
        for name, module in snap["modules"].items():
            if sys.modules.get(name) is not module:
                _set(findings, "monkeypatch", "sys.modules[" + repr(name) + "] replaced")
                sys.modules[name] = module
        for label, obj, saved in snap["namespaces"]:
            current = vars(obj)
            for key, value in saved.items():
                if key == _agl_name:
                    continue
                now = current.get(key, _missing)
                if now is not value:
                    if label == "builtins" and key in ("_", "__"):
                        continue
                    if _library_made(label, now, value):
                        saved[key] = now  # e.g. torch wraps torch.manual_seed when torch._dynamo loads
                        continue
                    _set(findings, "monkeypatch", label + "." + key + (" deleted" if now is _missing else " replaced"))
                    try:
                        setattr(obj, key, value)
                    except Exception:
                        _set(findings, "guard", "could not restore " + label + "." + key)
        for obj, saved in snap["instances"]:
            current = vars(obj)
            for key, value in list(current.items()):
                if callable(value) and saved.get(key, _missing) is not value and not isinstance(value, type):
                    if key in saved and not callable(saved[key]):
                        continue
                    _set(findings, "ipython-hook", "method " + type(obj).__name__ + "." + key + " patched")
                    if key in saved:
                        current[key] = saved[key]
                    else:
                        del current[key]
        for klass, saved in snap["classes"]:
            current = vars(klass)
            for key, value in saved.items():
                if current.get(key, _missing) is not value:
                    _set(findings, "ipython-hook", "class " + klass.__name__ + "." + key + " patched")
                    try:
                        setattr(klass, key, value)
                    except Exception:
                        _set(findings, "guard", "could not restore " + klass.__name__ + "." + key)
            for key in set(current) - set(saved):
                if callable(current[key]) and not key.startswith("__"):
                    _set(findings, "ipython-hook", "class " + klass.__name__ + "." + key + " added")
        # The user namespace: what the tests call must be what Python provides.
        ns = ip.user_ns
        if ns.get("__builtins__", builtins) not in (builtins, vars(builtins)):
            _set(findings, "monkeypatch", "__builtins__ of the notebook replaced")
            ns["__builtins__"] = builtins
        for key in list(ns):
            if key in snap["builtin_names"] and key not in ipython_names and not key.startswith("__"):
                _set(findings, "shadow", "the notebook defines " + repr(key) + ", which hides a Python builtin: removed before the tests")
                del ns[key]
        if "torch" in ns and torch is not None and ns["torch"] is not torch:
            _set(findings, "shadow", "the name 'torch' is bound to something else than the torch module: restored")
            ns["torch"] = torch
        if phase == "after":
            _scrub_last_input()
        return json.dumps(findings)

    def _scrub_last_input():
        hm = ip.history_manager
        source = None
        for hist in (hm.input_hist_parsed, hm.input_hist_raw):
            if hist:
                source = source or hist[-1]
                hist[-1] = ""
        for key in ("_i", "_ii", "_iii", "_i%d" % (ip.execution_count - 1)):
            if key in ip.user_ns:
                ip.user_ns[key] = ""
        for attr in ("_i00", "_i", "_ii", "_iii"):
            if source is not None and getattr(hm, attr, None) == source:
                setattr(hm, attr, "")
        if source:
            text = source if source.endswith("\n") else source + "\n"
            for cache in (linecache.cache, getattr(linecache, "_ipython_cache", {})):
                for filename, entry in list(cache.items()):
                    try:
                        lines = entry[2]
                    except Exception:
                        continue
                    if "".join(lines) in (source, text):
                        del cache[filename]

    _missing = object()
    setattr(builtins, _agl_name, check)
    return "installed"
'''


def install_expression(name: str) -> str:
    """An expression (for user_expressions) that installs the guard as ``builtins.<name>``."""
    return (
        f"(lambda __g: (exec({INSTALL!r}, __g), __g['_agl_install']({name!r}))[1])"
        "({'__builtins__': __import__('builtins')})"
    )


def check_expression(name: str, cell: str, phase: str) -> str:
    return f"__import__('builtins').{name}({cell!r}, {phase!r})"
