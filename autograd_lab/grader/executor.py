"""nbgrader's Execute preprocessor, with the tamper guard around every test cell.

Configured in each grading job (see job.py) in place of ``Execute`` in
``Autograde.autograde_preprocessors``; it is nbgrader's own Execute (same
timeouts, interrupts, error handling), plus:

* before the first cell, :data:`kernel_guard.INSTALL` runs in the fresh kernel;
* before and after every test (grade) cell, the guard's check runs through
  ``user_expressions`` of an empty silent request, restores what the
  submission changed, and its findings are recorded;
* an ``execute_result`` in a test cell whose own code ends with no expression
  cannot come from the test: it is removed (nbgrader would read it as a
  partial-credit score) and recorded;
* the findings are written to ``GuardedExecute.log_dir/<notebook>.json`` for
  the job to score and report.
"""

from __future__ import annotations

import ast
import json
import os
import secrets
from pathlib import Path

from nbclient.util import run_sync
from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade
from traitlets import Integer, Unicode

from . import kernel_guard


def ends_with_expression(source: str) -> bool:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    return bool(tree.body) and isinstance(tree.body[-1], ast.Expr)


class GuardedExecute(Execute):
    log_dir = Unicode("", help="Folder where the guard's findings are written, one JSON file per notebook.").tag(config=True)
    max_output_bytes = Integer(
        2_000_000, help="Output kept per cell; past it, streams are cut and rich outputs dropped (errors are kept)."
    ).tag(config=True)

    def output(self, outs, msg, display_id, cell_index):
        """nbclient's output handling, within a budget per cell (a print loop must not exhaust the grader)."""
        content = msg.get("content", {})
        msg_type = msg.get("msg_type")
        size = sum(len(v) for v in content.get("data", {}).values() if isinstance(v, str)) + len(content.get("text", ""))
        used = self._agl_used.get(cell_index, 0)
        if used + size <= self.max_output_bytes or msg_type in ("clear_output", "update_display_data"):
            self._agl_used[cell_index] = used + size
            return super().output(outs, msg, display_id, cell_index)
        if msg_type == "error":
            msg = dict(msg, content=dict(content, evalue=str(content.get("evalue", ""))[:2000],
                                         traceback=list(content.get("traceback", []))[-50:]))
            return super().output(outs, msg, display_id, cell_index)
        if msg_type == "stream":
            key = (cell_index, content.get("name"))
            if key in self._agl_truncated:
                return None
            self._agl_truncated.add(key)
            room = max(0, self.max_output_bytes - used)
            text = content.get("text", "")[: min(room, 2000)] + "\n... output truncated by the grader ...\n"
            self._agl_used[cell_index] = self.max_output_bytes
            return super().output(outs, dict(msg, content=dict(content, text=text)), display_id, cell_index)
        return None

    def preprocess(self, nb, resources, km=None):
        self._agl_name = "_agl_" + secrets.token_hex(8)
        self._agl_installed = False
        self.guard_log = []
        self.guard_errors = []
        self._agl_used = {}
        self._agl_truncated = set()
        self._agl_exit_cell = None
        try:
            return super().preprocess(nb, resources, km=km)
        finally:
            self._write_log(resources)

    def _write_log(self, resources):
        if not self.log_dir:
            return
        name = resources.get("nbgrader", {}).get("notebook", "notebook")
        Path(self.log_dir).mkdir(parents=True, exist_ok=True)
        Path(self.log_dir, f"{name}.json").write_text(json.dumps({
            "installed": self._agl_installed, "events": self.guard_log, "errors": self.guard_errors,
            "exit_requested": self._agl_exit_cell,
        }, indent=1))

    def on_cell_executed(self, **kwargs):
        super().on_cell_executed(**kwargs)
        payload = kwargs.get("execute_reply", {}).get("content", {}).get("payload", []) or []
        if any(p.get("source") == "ask_exit" for p in payload):
            cell = kwargs.get("cell", {})
            self._agl_exit_cell = self._grade_id(cell) or f"cell {kwargs.get('cell_index')}"

    async def _agl_call(self, expression: str):
        """Evaluate ``expression`` in the kernel without running any cell code; its str() value or None."""
        msg_id = self.kc.execute("", silent=True, store_history=False, user_expressions={"r": expression},
                                 allow_stdin=False)
        reply = await self.async_wait_for_reply(msg_id)
        if not reply:
            return None, "no reply"
        result = reply.get("content", {}).get("user_expressions", {}).get("r", {})
        if result.get("status") != "ok":
            return None, f"{result.get('ename')}: {result.get('evalue')}"
        try:
            return ast.literal_eval(result["data"]["text/plain"]), None
        except (KeyError, ValueError, SyntaxError) as exc:
            return None, f"unreadable guard answer: {exc!r}"

    async def _agl_check(self, cell, index, phase):
        value, error = await self._agl_call(kernel_guard.check_expression(self._agl_name, self._grade_id(cell), phase))
        if error is not None:
            findings = [{"kind": "guard", "what": f"the guard could not run ({error}): it was removed or broken"}]
        else:
            try:
                findings = json.loads(value)
            except (TypeError, ValueError):
                findings = [{"kind": "guard", "what": "the guard's answer was tampered with"}]
        if findings:
            self.guard_log.append({"cell": self._grade_id(cell), "index": index, "phase": phase, "findings": findings})

    @staticmethod
    def _grade_id(cell):
        return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")

    async def async_guarded_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        if not self._agl_installed:
            value, error = await self._agl_call(kernel_guard.install_expression(self._agl_name))
            self._agl_installed = value == "installed"
            if not self._agl_installed:
                self.guard_errors.append(f"guard not installed: {error or value}")
        guarded = self._agl_installed and cell.cell_type == "code" and is_grade(cell)
        if guarded:
            await self._agl_check(cell, cell_index, "before")
        cell = await self.async_execute_cell(cell, cell_index, execution_count, store_history)
        if self._agl_exit_cell is not None:
            # exit() / quit(): ipykernel stops 0.1 s later, whatever runs next.
            # Stop here instead, so that the outcome does not depend on timing.
            from nbclient.exceptions import DeadKernelError

            raise DeadKernelError(f"Kernel died: the notebook called exit() in {self._agl_exit_cell}")
        if cell.cell_type == "code" and is_grade(cell):
            if not ends_with_expression(cell.source):
                forged = [o for o in cell.outputs if o.get("output_type") == "execute_result"]
                if forged:
                    cell.outputs = [o for o in cell.outputs if o.get("output_type") != "execute_result"]
                    self.guard_log.append({
                        "cell": self._grade_id(cell), "index": cell_index, "phase": "output",
                        "findings": [{"kind": "displayhook",
                                      "what": "a result was displayed in a test cell whose code displays none "
                                              "(nbgrader would read it as a score): removed"}],
                    })
            if guarded:
                await self._agl_check(cell, cell_index, "after")
        return cell

    def preprocess_cell(self, cell, resources, index):
        self._check_assign_resources(resources)
        cell = run_sync(self.async_guarded_execute_cell)(cell, index, store_history=True)
        return cell, self.resources
