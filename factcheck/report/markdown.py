"""Markdown tables for the reports and the model card."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any


def table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], left: Sequence[int] = (0,)
) -> list[str]:
    """Lines of a Markdown table; the columns in `left` align left (text), the rest right
    (numbers). Cells are written with `str` as given: callers format and escape them."""
    align = ["---" if i in left else "---:" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines
