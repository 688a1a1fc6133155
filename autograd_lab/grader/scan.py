"""Static scan of the code a student wrote: flags what touches the grading machinery.

Every code cell that is not a locked cell of the assignment (answer cells and
cells the student added) is converted from IPython syntax to Python
(magics, ``!`` commands) with IPython's own transformer and walked as an AST.

Severity ``tamper`` (the grader zeroes every test cell that runs after the
cell; see job.py):

* IPython hooks: ``get_ipython()`` (except a short list of harmless magics),
  AST or input transformers, ``set_custom_exc``, event callbacks,
  ``showtraceback``, display hooks, ``sys.displayhook``/``excepthook``,
  ``sys.settrace``/``setprofile``, ``signal`` handlers;
* monkeypatching: assigning, deleting or ``setattr`` on an attribute of a
  module (``torch.allclose = ...``, ``builtins.isinstance = ...``) or of a
  class that comes from one (``torch.Tensor.__eq__ = ...``), replacing
  ``sys.modules`` entries, ``__torch_function__``/``__torch_dispatch__``
  overrides (a tensor that answers ``torch.allclose`` itself), PyTorch's
  internals that switch off or go around what the tests watch with
  (``torch._C.DisableTorchFunction``, ``torch.overrides._pop_mode_temporarily``,
  the autograd engine called directly);
* reading the tests or the grader's state: ``In``, ``Out``, ``_ih``,
  ``_i<N>``, the history, ``inspect``, ``linecache``, frame and code
  introspection (``sys._getframe``, ``f_globals``, ``__globals__``,
  ``__code__``, ``__subclasses__``, ``gc``), ``ctypes``;
* dynamic code that hides the above from this scan: ``exec``, ``eval``,
  ``compile``, ``__import__``, ``importlib``, ``__builtins__``;
* the gradebook and the course files: ``sqlite3``, ``nbgrader``,
  ``nbformat``, ``nbclient``, ``jupyter_client``, ``ipykernel``, ``zmq``, and
  string literals naming ``gradebook``, ``.db``, ``.ipynb``, ``source/`` or
  ``submitted/``.

* threads (``threading``, ``concurrent``): the tests watch autograd with
  per-thread tools (torch function modes), so a backward pass run in another
  thread would go unseen.

Severity ``warn`` (reported only): names that shadow a builtin, shell
commands, ``os``/``subprocess``/``socket`` use, file access,
``exit``/``os._exit``, loops that swallow ``KeyboardInterrupt``.
"""

from __future__ import annotations

import ast
import builtins
import re

HARMLESS_MAGICS = {"matplotlib", "time", "timeit", "precision", "capture", "pprint", "who", "whos", "load_ext",
                   "autoreload", "config"}
HOOK_ATTRS = {
    "ast_transformers", "input_transformers_post", "input_transformers_cleanup", "input_transformer_manager",
    "set_custom_exc", "custom_exceptions", "CustomTB", "showtraceback", "_showtraceback", "showsyntaxerror",
    "displayhook", "excepthook", "display_pub", "display_trap", "events", "run_cell", "run_ast_nodes",
    "run_code", "user_expressions", "settrace", "setprofile", "kernel", "iopub_socket", "session",
}
INTROSPECTION_ATTRS = {
    "_getframe", "f_globals", "f_locals", "f_back", "f_code", "f_builtins", "tb_frame", "gi_frame", "cr_frame",
    "__globals__", "__code__", "__closure__", "__subclasses__", "__builtins__", "co_consts", "history_manager",
    "user_ns", "user_global_ns", "__dict__", "__mro__", "__bases__",
}
TORCH_OVERRIDES = {"__torch_function__", "__torch_dispatch__"}
# PyTorch's internals that switch off or go around what the tests watch with: the C
# extension (torch._C.DisableTorchFunction, the autograd engine itself), the mode stack.
TORCH_INTERNALS = {"_C", "DisableTorchFunction", "DisableTorchFunctionSubclass", "_pop_mode_temporarily",
                   "_pop_mode", "_push_mode", "_execution_engine", "_ImperativeEngine", "_EngineBase",
                   "_len_torch_function_stack", "_pop_torch_function_stack", "_push_on_torch_function_stack",
                   "_disabled_torch_function_impl", "_python_dispatch"}
HISTORY_NAMES = {"In", "Out", "_ih", "_oh", "_i", "_ii", "_iii", "_dh", "__IPYTHON__"}
DYNAMIC_NAMES = {"exec", "eval", "compile", "__import__", "__builtins__", "get_ipython", "breakpoint"}
TAMPER_MODULES = {
    "IPython": "ipython-hook", "ipykernel": "ipython-hook", "jupyter_client": "ipython-hook", "zmq": "ipython-hook",
    "ast": "transformer", "builtins": "monkeypatch", "__builtin__": "monkeypatch", "gc": "introspection",
    "ctypes": "introspection", "inspect": "introspection", "linecache": "reads-tests", "importlib": "dynamic",
    "signal": "ipython-hook", "sqlite3": "gradebook", "nbgrader": "gradebook", "nbformat": "reads-tests",
    "nbclient": "reads-tests", "dis": "introspection", "traceback": "introspection", "atexit": "ipython-hook",
    "faulthandler": "ipython-hook", "sys.monitoring": "ipython-hook", "unittest.mock": "monkeypatch",
    # the tests watch autograd with per-thread tools (torch function modes, grad mode): another
    # thread is where a backward pass would run unseen
    "threading": "thread", "_thread": "thread", "concurrent": "thread",
}
WARN_MODULES = {"os": "os", "subprocess": "process", "multiprocessing": "process", "socket": "network", "urllib": "network", "http": "network",
                "requests": "network", "shutil": "files", "glob": "files", "pathlib": "files", "pickle": "files"}
SUSPICIOUS_STRINGS = re.compile(r"gradebook|\.db\b|\.ipynb|(^|/)source/|(^|/)submitted/|autograded/|nbgrader", re.I)
BUILTIN_NAMES = set(dir(builtins)) - {"__name__", "__doc__", "__package__", "__loader__", "__spec__",
                                       "__build_class__", "__debug__", "_"}


def to_python(source: str) -> str:
    """IPython cell syntax (magics, ! commands) as plain Python."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell(source)
    except Exception:
        return source


def _dotted(node) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    if isinstance(node, ast.Call):
        inner = _dotted(node.func)
        parts.append(inner + "()" if inner else "?()")
        return ".".join(reversed(parts))
    return ""


def assigned_names(tree) -> set:
    """Names the student's code binds itself (a loop variable ``_i`` is not IPython's history)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            out.add(node.id)
        elif isinstance(node, ast.arg):
            out.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
    return out


class _Scanner(ast.NodeVisitor):
    def __init__(self, modules: dict, assigned: set = frozenset()):
        self.findings = []
        self.modules = modules  # alias -> module name (across the notebook)
        self.assigned = assigned

    def add(self, node, kind, what, severity="tamper"):
        self.findings.append({"kind": kind, "what": what, "severity": severity, "line": getattr(node, "lineno", None)})

    # imports -----------------------------------------------------------
    def _import(self, node, name, alias):
        root = name.split(".")[0]
        if any(part in TORCH_INTERNALS for part in name.split(".")):
            self.add(node, "monkeypatch", f"imports {name}: PyTorch's internals")
        self.modules[alias or root] = name if alias else root
        for module, kind in TAMPER_MODULES.items():
            if name == module or name.startswith(module + "."):
                self.add(node, kind, f"imports {name}")
                return
        if root in WARN_MODULES:
            self.add(node, WARN_MODULES[root], f"imports {name}", "warn")

    def visit_Import(self, node):
        for a in node.names:
            self._import(node, a.name, a.asname)
        self.generic_visit(node)

    def visit_ImportFrom(self, node):
        module = node.module or ""
        for a in node.names:
            full = f"{module}.{a.name}" if module else a.name
            if a.name in TORCH_INTERNALS or module.split(".")[-1] in TORCH_INTERNALS:
                self.add(node, "monkeypatch", f"imports {a.name} from {module}: PyTorch's internals")
            if module in TAMPER_MODULES or full in TAMPER_MODULES or module.split(".")[0] in TAMPER_MODULES:
                self.add(node, TAMPER_MODULES.get(module, TAMPER_MODULES.get(full, TAMPER_MODULES.get(
                    module.split(".")[0], "monkeypatch"))), f"imports {a.name} from {module}")
            elif module.split(".")[0] in WARN_MODULES:
                self.add(node, WARN_MODULES[module.split(".")[0]], f"imports {a.name} from {module}", "warn")
            if module == "sys" and a.name in ("displayhook", "excepthook", "settrace", "setprofile", "modules",
                                              "_getframe", "stdout", "stderr"):
                self.add(node, "ipython-hook", f"imports sys.{a.name}")
            # the imported object may be a module (from torch import nn) or a function
            self.modules.setdefault(a.asname or a.name, full)
        self.generic_visit(node)

    # names and attributes ------------------------------------------------
    def visit_Name(self, node):
        if node.id in self.assigned and node.id not in ("In", "Out", "_ih", "_oh"):
            pass
        elif node.id in HISTORY_NAMES or re.fullmatch(r"_i\d+|_\d+", node.id):
            self.add(node, "reads-tests", f"reads IPython's history ({node.id})")
        elif node.id in DYNAMIC_NAMES:
            self.add(node, "dynamic", f"uses {node.id}")
        elif node.id in ("globals", "vars", "locals", "setattr", "delattr", "getattr") and isinstance(node.ctx, ast.Load):
            self.add(node, "dynamic", f"uses {node.id}()", "warn")
        elif node.id in ("exit", "quit"):
            self.add(node, "exit", f"calls {node.id}()", "warn")
        elif node.id == "open":
            self.add(node, "files", "opens a file", "warn")
        if isinstance(node.ctx, ast.Store) and node.id in BUILTIN_NAMES:
            self.add(node, "shadow", f"defines {node.id!r}, which hides a Python builtin", "warn")

    def visit_Attribute(self, node):
        dotted = _dotted(node)
        if node.attr in HOOK_ATTRS and not (node.attr == "session" and not dotted.startswith("get_ipython")):
            if node.attr in ("displayhook", "display_pub", "display_trap"):
                self.add(node, "displayhook", f"touches {dotted or node.attr}")
            elif node.attr in ("events", "kernel", "session", "iopub_socket", "run_cell", "user_expressions") \
                    and "get_ipython" not in dotted and not dotted.startswith("sys"):
                pass  # common attribute names on unrelated objects
            else:
                self.add(node, "ipython-hook", f"touches {dotted or node.attr}")
        elif node.attr in INTROSPECTION_ATTRS:
            self.add(node, "introspection", f"uses {dotted or node.attr}")
        elif node.attr in TORCH_INTERNALS:
            self.add(node, "monkeypatch", f"uses PyTorch's internals ({dotted or node.attr}): they switch off what "
                                          "the tests watch with")
        elif node.attr in ("_exit", "kill", "abort") and dotted.split(".")[0] in ("os", "signal"):
            self.add(node, "exit", f"calls {dotted}", "warn")
        elif dotted.startswith("sys.modules"):
            self.add(node, "monkeypatch", "touches sys.modules")
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            self._patch_target(node)
        self.generic_visit(node)

    def _is_module_path(self, node) -> bool:
        dotted = _dotted(node)
        if not dotted:
            return False
        root = dotted.split(".")[0]
        return root in self.modules or root in ("torch", "sys", "builtins", "math", "np", "numpy", "os")

    def _patch_target(self, node):
        if self._is_module_path(node.value):
            self.add(node, "monkeypatch", f"{'deletes' if isinstance(node.ctx, ast.Del) else 'replaces'} "
                     f"{_dotted(node)}")

    def visit_Call(self, node):
        func = _dotted(node.func)
        if func in ("setattr", "delattr") and node.args and self._is_module_path(node.args[0]):
            self.add(node, "monkeypatch", f"{func} on {_dotted(node.args[0])}")
        if func.endswith("run_line_magic") or func.endswith("run_cell_magic"):
            magic = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
            if magic in HARMLESS_MAGICS:
                return  # get_ipython().run_line_magic('matplotlib', 'inline') and the like
            self.add(node, "ipython-hook", f"runs the IPython magic %{magic}")
            return
        if func.endswith(".system") or func.endswith(".getoutput"):
            if func.startswith("get_ipython"):
                self.add(node, "process", "runs a shell command (!...)", "warn")
                return
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        if node.name in TORCH_OVERRIDES:
            self.add(node, "monkeypatch", f"defines {node.name}: a tensor type that answers torch functions itself")
        if node.name in BUILTIN_NAMES:
            self.add(node, "shadow", f"defines {node.name!r}, which hides a Python builtin", "warn")
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Constant(self, node):
        if isinstance(node.value, str) and SUSPICIOUS_STRINGS.search(node.value):
            self.add(node, "gradebook", f"names grading files ({node.value[:60]!r})")

    def visit_Try(self, node):
        for handler in node.handlers:
            names = {_dotted(t) for t in (handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type])
                     if t is not None} if handler.type is not None else {"*"}
            if names & {"KeyboardInterrupt", "BaseException", "*"}:
                self.add(handler, "interrupt", "catches KeyboardInterrupt (the grader's interrupt)", "warn")
        self.generic_visit(node)

    visit_TryStar = visit_Try


def _parse(source: str):
    try:
        return ast.parse(to_python(source)), None
    except SyntaxError as exc:
        return None, {"kind": "syntax", "what": f"does not parse ({exc.msg})", "severity": "info", "line": exc.lineno}


def scan_code(source: str, modules: dict = None, assigned: set = None) -> list:
    """Findings for one cell of code (IPython syntax allowed)."""
    tree, error = _parse(source)
    if tree is None:
        return [error]
    scanner = _Scanner(modules if modules is not None else {}, assigned_names(tree) if assigned is None else assigned)
    scanner.visit(tree)
    return scanner.findings


def scan_notebook(nb: dict, trusted_ids: set) -> list:
    """Findings for every student-written code cell, with the cell's index and grade id."""
    findings = []
    modules: dict = {}
    cells = []
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in trusted_ids:
            continue
        src = cell.get("source", "")
        cells.append((index, gid, "".join(src) if isinstance(src, list) else src))
    assigned = set()
    for _, _, src in cells:
        tree, _ = _parse(src)
        if tree is not None:
            assigned |= assigned_names(tree)
    for index, gid, src in cells:
        for f in scan_code(src, modules, assigned):
            f.update(source="scan", index=index, cell=gid or f"cell {index}")
            findings.append(f)
    return findings
