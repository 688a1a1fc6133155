"""Run lecture notebooks so that their stored outputs are what nbval compares.

Lecture notebooks are committed with their outputs.  After editing one, run
``python -m autograd_lab execute notebooks/en/01_dot_product.ipynb`` (or
without arguments for all of them) and commit the result: ``pytest --nbval``
then re-runs every cell and compares with what was stored.
"""

from __future__ import annotations

from pathlib import Path

from .course import LANGUAGES, ROOT, TOPICS

KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def lecture_paths(root: Path = ROOT) -> list:
    return [
        t.lecture(lang, root)
        for t in TOPICS
        for lang in LANGUAGES
        if t.lecture(lang, root).exists()
    ]


def coalesce_streams(outputs: list) -> list:
    merged = []
    for out in outputs:
        previous = merged[-1] if merged else None
        if (
            out.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == out.get("name")
        ):
            previous["text"] = "".join(previous["text"]) + "".join(out["text"])
        else:
            merged.append(out)
    return merged


def execute(path: Path, timeout: int = 300) -> None:
    """Execute a notebook in place, in its own folder, with the course kernel."""
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = dict(KERNEL)
    # Errors are allowed so that the cells tagged raises-exception store the
    # error they teach; tests/test_lectures.py fails on an error in any other
    # cell.  The tag (not nbval's "# NBVAL_RAISES_EXCEPTION" comment) is the
    # marker because JupyterLab, nbclient and nbval all honour it: Run All in
    # JupyterLab goes on past a cell so tagged instead of stopping there.
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    # A print can arrive in several pieces, depending on timing: store it whole.
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = coalesce_streams(cell.outputs)
    # Keep only what is stable from machine to machine.
    nb.metadata.get("language_info", {}).pop("version", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    unexpected = [
        f"cell {index} ({cell.get('id')}): {out.get('ename')}: {out.get('evalue')}"
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and "raises-exception" not in cell.metadata.get("tags", [])
        for out in cell.outputs
        if out.get("output_type") == "error"
    ]
    if unexpected:
        raise RuntimeError(f"{path}: errors in cells not tagged raises-exception (stored, so that you can "
                           "see them; fix them and execute again):\n" + "\n".join(unexpected))
