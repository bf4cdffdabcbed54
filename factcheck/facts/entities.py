"""Named entities two claims share (used to recognise claims that state the same thing)."""

from __future__ import annotations

from factcheck.schema import Reason


def compare_entities(names_a: list[str], names_b: list[str]) -> tuple[Reason | None, int, float]:
    """The named entities two claims share: (reason, how many, share of the smaller set)."""
    fold_a = {n.lower(): n for n in names_a}
    fold_b = {n.lower() for n in names_b}
    shared = [fold_a[n] for n in fold_a if n in fold_b]
    if not shared or not fold_a or not fold_b:
        return None, 0, 0.0
    share = len(shared) / min(len(fold_a), len(fold_b))
    detail = f"both name {', '.join(shared)} ({len(shared)} of {min(len(fold_a), len(fold_b))})"
    return Reason("entity", ", ".join(names_a), ", ".join(names_b), detail), len(shared), share
