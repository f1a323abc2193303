"""Merged 一级/二级 cells: a blank heading under a filled one is the same heading.

On paper (and in Excel) a 一级 or 二级 heading is one merged cell spanning its rows; copied out of
Excel, or typed once by a clerk, it arrives on its first row only and the rows under it are blank.
Those rows belong to the heading above them. This module is the one place that says so: the checks,
printing, the Excel export and the budget-system indicator list all read indicator rows through it,
so a pasted block, a typed one and an imported one mean the same. The stored rows keep what was typed
(a blank stays blank); only the reading fills in.

The rules: a blank 一级 takes the 一级 above it (the first row has none to take: it stays blank, and the
check for a missing 一级 fires there). A blank 二级 takes the 二级 above it when the row is under the same
一级 (its own 一级 blank or equal to the one above); a new 一级 starts with no 二级.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from jixiao_desktop.forms.common import IndicatorRow
from jixiao_desktop.forms.layouts import canonical


def carry_levels(typed: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each row's (一级, 二级) as read, from the (一级, 二级) typed on each row of one column of headings."""
    out: list[tuple[str, str]] = []
    level1 = level2 = ""
    for own1, own2 in typed:
        own1, own2 = own1 or "", own2 or ""
        same_group = not own1.strip() or canonical(own1) == canonical(level1)
        if own1.strip():
            level1 = own1
        if own2.strip():
            level2 = own2
        elif not same_group:
            level2 = ""
        out.append((level1, level2))
    return out


def inherited(typed: str, effective: str) -> bool:
    """Whether a heading was taken from the row above (blank as typed, filled as read)."""
    return not typed.strip() and bool(effective.strip())


def resolve_rows(rows: Sequence[IndicatorRow]) -> list[IndicatorRow]:
    """Copies of a built-in form's indicator rows with their 一级 and each side's 二级 filled in.

    A row that needs nothing is returned as it is (not copied)."""
    level1s = [level1 for level1, _ in carry_levels((row.level1, "") for row in rows)]
    sides: dict[str, list[str]] = {}
    for side in ("mid", "annual"):
        typed = [(row.level1, getattr(row, side).level2 if getattr(row, side) is not None else "") for row in rows]
        sides[side] = [level2 for _, level2 in carry_levels(typed)]
    out = []
    for i, row in enumerate(rows):
        changes: dict = {}
        if level1s[i] != row.level1:
            changes["level1"] = level1s[i]
        for side in ("mid", "annual"):
            indicator = getattr(row, side)
            if indicator is not None and sides[side][i] != indicator.level2:
                changes[side] = indicator.model_copy(update={"level2": sides[side][i]})
        out.append(row.model_copy(update=changes) if changes else row)
    return out


def resolve_dicts(rows: Sequence[dict]) -> list[dict]:
    """Copies of one side's rows of a template's indicator table (dicts of texts), headings filled in.

    Rows are taken in the order given; a row without a ``level2`` cell gets none."""
    levels = carry_levels((row.get("level1", "") or "", row.get("level2", "") or "") for row in rows)
    out = []
    for row, (level1, level2) in zip(rows, levels):
        copy = dict(row)
        copy["level1"] = level1
        if "level2" in row or level2:
            copy["level2"] = level2
        out.append(copy)
    return out


def side_key(row: dict, side_ids: Sequence[str]) -> str:
    """The side a template row is read on: its own, or the last side when the template does not name it."""
    side = row.get("side", "")
    if not side_ids:
        return side
    return side if side in side_ids else side_ids[-1]


def resolve_table(rows: Sequence[dict], side_ids: Sequence[str] = ()) -> list[dict]:
    """A template's indicator table (both sides' rows in one list) with each side's headings filled in,
    rows in their stored order. One side (or none named): all rows read as one column of headings."""
    single = len(side_ids) <= 1
    groups: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        groups.setdefault("" if single else side_key(row, side_ids), []).append(index)
    out: list[dict] = [{} for _ in rows]
    for indexes in groups.values():
        for index, resolved in zip(indexes, resolve_dicts([rows[i] for i in indexes])):
            out[index] = resolved
    return out
