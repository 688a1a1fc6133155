"""Take a student's submission in: only the expected files, validated.

nbgrader reads whatever is in ``submitted/STUDENT/ASSIGNMENT/``, as the
grader, and some malformed submissions make it crash, stop the whole batch,
or leave a "needs manual grading" instead of a score.  Before a job starts,
each expected notebook is checked here against the assignment's definition in
the gradebook; a submission that cannot be graded unambiguously is rejected
with a reason (a recorded failure, scored 0), and what nbgrader repairs by
itself is let through and flagged.

Failures (the job does not run):

* a missing notebook, a file that is not a regular file (a symlink could make
  the grader read anything), a notebook over the size limit;
* invalid JSON, an nbformat other than 4 (or a newer 4.x than installed
  nbformat knows), a notebook that fails nbformat's schema;
* duplicated cell ids, corrupted nbgrader metadata;
* duplicated cells (two cells with the same grade id), renamed cells (a grade
  id the assignment does not have), flipped metadata (a cell whose grade,
  solution or task flag differs from the assignment's).

Flags (graded; nbgrader restores the cell from the gradebook):

* locked cell edited, cell type changed (e.g. a test cell turned into
  Markdown), points changed, locked flag removed, test or answer cell
  deleted, outputs pre-filled in a test cell;
* extra files (ignored, never copied), a timestamp that cannot be parsed, lies
  in the future, or is earlier than the notebook it stamps.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

MAX_NOTEBOOK_BYTES = 20 << 20
MAX_FILE_BYTES = 50 << 20
NBGRADER_FLAGS = ("grade", "solution", "task")
HIDDEN_BEGIN = "BEGIN HIDDEN TESTS"
HIDDEN_END = "END HIDDEN TESTS"
# A notebook saved more than this after the submission time it claims is suspicious.
TIMESTAMP_SLACK = datetime.timedelta(minutes=5)


@dataclass
class Intake:
    student: str
    failures: list = field(default_factory=list)
    flags: list = field(default_factory=list)
    ignored: list = field(default_factory=list)
    files: list = field(default_factory=list)  # relative paths to copy into the job
    notebooks: dict = field(default_factory=dict)  # name -> parsed notebook (dict)
    timestamp: str = None  # what goes in the job's timestamp.txt
    fingerprint: str = ""

    @property
    def ok(self) -> bool:
        return not self.failures

    def flag(self, kind: str, what: str, severity: str = "info", **where) -> None:
        self.flags.append({"kind": kind, "what": what, "severity": severity, "source": "intake", **where})


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def release_source(source: str) -> str:
    """A test cell as the student received it: nbgrader's hidden-test region removed."""
    out, hidden = [], False
    for line in source.split("\n"):
        if HIDDEN_BEGIN in line:
            hidden = True
        elif HIDDEN_END in line:
            hidden = False
        elif not hidden:
            out.append(line)
    return "\n".join(out)


def _norm(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def expected_extra_files(source_dir: Path) -> set:
    """Non-notebook files of the assignment (released with it): a submission may contain them."""
    out = set()
    if not source_dir.is_dir():
        return out
    for dirpath, dirnames, filenames in os.walk(source_dir):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
        for name in filenames:
            if name.endswith(".ipynb") or name.startswith(".") or name.endswith(".pyc"):
                continue
            out.add(os.path.relpath(os.path.join(dirpath, name), source_dir))
    return out


def _walk_submission(folder: Path):
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in dirnames + filenames:
            full = Path(dirpath) / name
            if full.is_symlink() or not full.is_dir():
                yield full.relative_to(folder).as_posix(), full


def check_notebook(intake: Intake, name: str, path: Path, spec: dict) -> dict:
    """Validate one notebook against the assignment; record failures and flags; return it parsed."""
    label = f"{name}.ipynb"
    st = os.lstat(path)
    if not stat.S_ISREG(st.st_mode):
        intake.failures.append(f"{label} is not a regular file (symbolic link or special file)")
        return None
    if st.st_size > MAX_NOTEBOOK_BYTES:
        intake.failures.append(f"{label} is too large ({st.st_size} bytes, limit {MAX_NOTEBOOK_BYTES})")
        return None
    raw = path.read_bytes()
    try:
        nb = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        intake.failures.append(f"{label} is not valid JSON ({str(exc)[:200]})")
        return None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        intake.failures.append(f"{label} is not a notebook (no list of cells)")
        return None
    import nbformat

    major, minor = nb.get("nbformat"), nb.get("nbformat_minor", 0)
    if major != 4 or not isinstance(minor, int) or minor > nbformat.current_nbformat_minor:
        intake.failures.append(f"{label} uses nbformat {major}.{minor}, not supported (nbformat 4.0 to "
                               f"4.{nbformat.current_nbformat_minor} is)")
        return None
    ids = [c.get("id") for c in nb["cells"] if isinstance(c, dict) and c.get("id") is not None]
    dup_ids = sorted({i for i in ids if ids.count(i) > 1})
    if dup_ids:
        intake.failures.append(f"{label} has duplicated cell ids {dup_ids}")
        return None
    try:
        node = nbformat.from_dict(copy.deepcopy(nb))
        nbformat.validate(node, relax_add_props=False)
    except Exception as exc:  # nbformat.ValidationError and malformed structures
        intake.failures.append(f"{label} is not a valid notebook: {str(exc).splitlines()[0][:300]}")
        return None

    cells = spec["cells"]
    seen = {}
    for index, cell in enumerate(nb["cells"]):
        meta = cell.get("metadata", {}).get("nbgrader")
        if meta is None:
            continue
        if not isinstance(meta, dict):
            intake.failures.append(f"{label}: cell {index} has corrupted nbgrader metadata")
            continue
        gid = meta.get("grade_id")
        if not any(meta.get(f) for f in ("grade", "solution", "task", "locked")) and gid is None:
            continue
        if not isinstance(gid, str) or not gid:
            intake.failures.append(f"{label}: cell {index} has nbgrader metadata without a grade id")
            continue
        if gid in seen:
            intake.failures.append(f"{label}: duplicated cell {gid!r} (cells {seen[gid]} and {index})")
            continue
        seen[gid] = index
        if gid not in cells:
            intake.failures.append(f"{label}: cell {index} has grade id {gid!r}, which the assignment does not "
                                   "have (renamed cell?)")
            continue
        want = cells[gid]
        flipped = [f"{f}={bool(meta.get(f))}" for f in NBGRADER_FLAGS if bool(meta.get(f)) != bool(want.get(f))]
        if flipped:
            intake.failures.append(f"{label}: flipped metadata on cell {gid!r}: {', '.join(flipped)} "
                                   f"(the assignment has " + ", ".join(f"{f}={bool(want.get(f))}" for f in NBGRADER_FLAGS)
                                   + ")")
            continue
        where = {"cell": gid, "index": index}
        if bool(meta.get("locked")) != bool(want.get("locked")):
            intake.flag("metadata", f"locked flag of cell {gid!r} changed to {bool(meta.get('locked'))} "
                        "(restored by nbgrader)", "warn", **where)
        if cell.get("cell_type") != want["cell_type"]:
            intake.flag("metadata", f"cell {gid!r} turned from {want['cell_type']} into {cell.get('cell_type')} "
                        "(restored by nbgrader)", "warn", **where)
        if want.get("grade") and meta.get("points") is not None:
            try:
                points = float(meta.get("points"))
            except (TypeError, ValueError):
                points = None
            if points != want["points"]:
                intake.flag("metadata", f"points of cell {gid!r} changed from {want['points']:g} to "
                            f"{meta.get('points')!r} (restored by nbgrader)", "warn", **where)
        if want.get("locked") and want.get("source") is not None:
            if _norm(release_source(_source(cell))) != _norm(release_source(want["source"])):
                intake.flag("locked-edit", f"locked cell {gid!r} was edited (restored by nbgrader)", "warn", **where)
        if want.get("grade") and cell.get("cell_type") == "code":
            kinds = {o.get("output_type") for o in cell.get("outputs", []) if isinstance(o, dict)}
            if kinds & {"execute_result", "display_data"}:
                intake.flag("fake-output", f"test cell {gid!r} carries pre-filled outputs "
                            "(cleared by nbgrader before grading)", "warn", **where)
    for gid, want in cells.items():
        if gid not in seen and (want.get("grade") or want.get("solution")):
            kind = "test" if want.get("grade") and not want.get("solution") else "answer"
            intake.flag("deleted", f"{kind} cell {gid!r} was deleted" +
                        (" (restored by nbgrader and graded)" if want.get("grade") else ""), "warn", cell=gid)
    return nb


def _parse_timestamp(text: str):
    from nbgrader.utils import parse_utc

    value = parse_utc(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    return value


def check_timestamp(intake: Intake, folder: Path, notebook_paths: list, now: datetime.datetime) -> None:
    path = folder / "timestamp.txt"
    if not path.exists():
        return
    if path.is_symlink() or not path.is_file() or path.stat().st_size > 1000:
        intake.flag("timestamp", "timestamp.txt is not a small regular file: ignored", "warn")
        return
    mtime = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.timezone.utc)
    text = path.read_text(errors="replace").strip()
    fallback = mtime.strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    try:
        claimed = _parse_timestamp(text)
    except Exception:
        intake.flag("timestamp", f"timestamp.txt cannot be parsed ({text[:60]!r}): the file's own modification "
                    f"time {fallback} is used", "warn")
        intake.timestamp = fallback
        return
    if claimed > now + TIMESTAMP_SLACK:
        intake.flag("timestamp", f"timestamp {text!r} lies in the future: the file's modification time "
                    f"{fallback} is used", "warn")
        intake.timestamp = fallback
        return
    intake.timestamp = text
    newest = None
    for nb_path in notebook_paths:
        t = datetime.datetime.fromtimestamp(nb_path.stat().st_mtime, datetime.timezone.utc)
        newest = t if newest is None or t > newest else newest
    if newest is not None and newest > claimed + TIMESTAMP_SLACK and newest <= now + TIMESTAMP_SLACK:
        intake.flag("timestamp", f"the notebook was saved at {newest:%Y-%m-%d %H:%M:%S} UTC, after the submission "
                    f"time it claims ({text}): forged or back-dated timestamp?", "warn")


def take(student: str, folder: Path, info: dict, source_dir: Path, now: datetime.datetime = None) -> Intake:
    """Validate ``submitted/STUDENT/ASSIGNMENT`` (``folder``) against the assignment ``info``."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    intake = Intake(student)
    folder = Path(folder)
    if not folder.is_dir() or folder.is_symlink():
        intake.failures.append(f"no submission folder {folder}")
        return intake
    expected_nbs = {f"{name}.ipynb": name for name in info["notebooks"]}
    extras_ok = expected_extra_files(source_dir)
    digest = hashlib.sha256()
    notebook_paths = []
    present = dict(_walk_submission(folder))
    for rel in sorted(present):
        full = present[rel]
        if rel in expected_nbs:
            notebook_paths.append(full)
            continue
        if rel == "timestamp.txt":
            continue
        if rel in extras_ok and full.is_file() and not full.is_symlink() and full.stat().st_size <= MAX_FILE_BYTES:
            intake.files.append(rel)
            continue
        intake.ignored.append(rel)
    if intake.ignored:
        intake.flag("extra-files", "files the assignment does not expect were ignored: " + ", ".join(intake.ignored),
                    "info")
    for nb_file, name in sorted(expected_nbs.items()):
        path = folder / nb_file
        if nb_file not in present:
            intake.failures.append(f"missing notebook {nb_file}")
            continue
        if not path.is_symlink() and path.is_file():
            digest.update(nb_file.encode() + b"\0" + path.read_bytes() + b"\0")
        nb = check_notebook(intake, name, path, info["notebooks"][name])
        if nb is not None:
            intake.notebooks[name] = nb
    for rel in intake.files:
        digest.update(rel.encode() + b"\0" + (folder / rel).read_bytes() + b"\0")
    check_timestamp(intake, folder, notebook_paths, now)
    digest.update(f"timestamp\0{intake.timestamp}".encode())
    intake.fingerprint = digest.hexdigest()
    return intake


def fingerprint_of_assignment(info: dict) -> str:
    return hashlib.sha256(json.dumps(info, sort_keys=True, default=str).encode()).hexdigest()


_SAFE_STUDENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@+-]{0,127}$")


def valid_student_id(student: str) -> bool:
    return bool(_SAFE_STUDENT.match(student)) and student not in (".", "..")
