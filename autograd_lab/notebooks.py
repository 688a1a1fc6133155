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


def execute(path: Path, timeout: int = 300) -> None:
    """Execute a notebook in place, in its own folder, with the course kernel."""
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = dict(KERNEL)
    # Cells that demonstrate an error are tagged so execution goes on.
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    for cell in nb.cells:
        if cell.cell_type == "code" and "NBVAL_RAISES_EXCEPTION" in cell.source:
            tags = cell.metadata.setdefault("tags", [])
            if "raises-exception" not in tags:
                tags.append("raises-exception")
    client.execute()
    # Keep only what is stable from machine to machine.
    nb.metadata.get("language_info", {}).pop("version", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.validate(nb)
    nbformat.write(nb, path)
