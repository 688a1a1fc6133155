"""Show a matplotlib figure in a notebook with alt text in the notebook's language.

JupyterLab draws a plain ``image/png`` output without any alt text, so a
screen reader says nothing about it.  :func:`show` displays the figure as an
HTML ``<img>`` with an ``alt`` attribute, keeps the PNG beside it for tools
that prefer images, and gives the alt text as the plain-text version (which
is also what ``pytest --nbval`` compares, so a changed description is caught).
"""

from __future__ import annotations

import base64
import html
import io


def png_bytes(fig) -> bytes:
    buffer = io.BytesIO()
    # No timestamp or software version in the file: the same figure gives the same bytes.
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def show(fig, alt: str) -> None:
    """Display ``fig`` with the description ``alt``, then close it."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    if not alt or not alt.strip():
        raise ValueError("a figure needs alt text describing what it shows")
    encoded = base64.b64encode(png_bytes(fig)).decode("ascii")
    plt.close(fig)
    display(
        {
            "text/html": f'<img alt="{html.escape(alt, quote=True)}" src="data:image/png;base64,{encoded}"/>',
            "image/png": encoded,
            "text/plain": alt,
        },
        raw=True,
    )
