"""Counts of one measure listed one after another (指导员1名、调查员3名; 春季3场、秋季2场、专场1场) as factors of a
product: the whole run is either multiplied or summed, never summed in part and multiplied by the rest."""

from __future__ import annotations

from decimal import Decimal

_MAX_VARIANTS = 8


def listed_run(variants: list[tuple[Decimal, tuple | None]], value: Decimal, previous: Decimal | None,
               joined: bool) -> tuple[list[tuple[Decimal, tuple | None]], list[tuple[Decimal, tuple | None]]]:
    """The readings after one more count ``value``: each variant is (product so far, (the run's sum, '+' or '×' or
    '') or None). A count joined to the one before (same measure, 、 between) either multiplies the run or adds to
    it, the way the run began; else it starts a run of its own. Returns (the new variants, the variants unchanged
    as a run of their own: a heading's count that names the groups after it)."""
    out: list[tuple[Decimal, tuple | None]] = []
    for v, run in variants:
        if not joined or run is None:
            out.append((v * value, (value, "")))
            continue
        total, mode = run
        if mode != "+":
            out.append((v * value, (value, "×")))
        if mode != "×" and total:
            out.append((v / total * (total + value), (total + value, "+")))
    unchanged = [(v, (previous, "")) if previous else (v, run) for v, run in variants]
    return out[:_MAX_VARIANTS], unchanged
