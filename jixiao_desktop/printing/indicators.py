"""The indicator grid (绩效指标) as on paper: 一级 and 二级 merged over their rows.

Rows store ``level1`` on every row (a blank one, as pasted from Excel's merged cells, is the heading
above it: :mod:`jixiao_desktop.forms.merged_levels`); equal neighbours are merged again here
(compared by their canonical name, so ``可持续影响  指标`` joins
``可持续影响指标``). With 中期 columns the grid has a 中期指标 and a 年度指标
half, each with its own 二级 merges. The header rows repeat on every page.
"""

from __future__ import annotations

from jixiao_desktop.forms import IndicatorRow
from jixiao_desktop.forms.layouts import canonical
from jixiao_desktop.forms.merged_levels import resolve_rows
from jixiao_desktop.printing.common import Builder


def runs(keys: list[str]) -> list[tuple[int, int]]:
    """``(first, last)`` index ranges of equal, non-blank neighbours (length > 1)."""
    out, start = [], 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start] or not keys[start]:
            if i - 1 > start and keys[start]:
                out.append((start, i - 1))
            start = i
    return out


def _groups(rows: list[IndicatorRow]) -> list[tuple[int, int]]:
    """Ranges of rows sharing one 一级 (every row in exactly one range)."""
    keys = [canonical(r.level1) for r in rows]
    merged = dict(runs(keys))
    out, i = [], 0
    while i < len(rows):
        end = merged.get(i, i)
        out.append((i, end))
        i = end + 1
    return out


def indicator_table(
    b: Builder,
    rows: list[IndicatorRow],
    *,
    label: str = "绩效指标",
    heads: tuple[str, str, str] = ("一级指标", "二级指标", "三级指标"),
    value_head: str = "指标值",
    with_mid: bool = False,
    with_standard: bool = False,
):
    """The indicator section: a narrow vertical label, the header rows, the rows."""
    rows = resolve_rows(rows)
    sides = ["mid", "annual"] if with_mid else ["annual"]
    if with_mid:
        side_widths = [19, 33, 24]
        widths = [8, 15] + side_widths * 2
        header = [
            [b.vertical(label), b.label(heads[0]), b.label("中期指标"), "", "", b.label("年度指标"), "", ""],
            ["", "", *[b.label(h) for h in (heads[1], heads[2], value_head)] * 2],
        ]
        spans = [((1, 0), (1, 1)), ((2, 0), (4, 0)), ((5, 0), (7, 0))]
    else:
        widths = [9, 20, 27, 56, 45] + ([23] if with_standard else [])
        if with_standard:
            widths[3] -= 23
        heads_row = [b.label(h) for h in heads] + [b.label(value_head)]
        if with_standard:
            heads_row.append(b.label("绩效标准"))
        header = [[b.vertical(label), *heads_row]]
        spans = []
    top = len(header)
    body = []
    for row in rows:
        cells = [b.vertical(label), b.center(row.level1)]
        for side in sides:
            ind = getattr(row, side) if side == "annual" else (row.mid or _BLANK)
            cells += [b.center(ind.level2), b.p(ind.name), b.p(ind.value)]
            if with_standard and side == "annual":
                cells.append(b.p(ind.standard))
        body.append(cells)
    # The vertical label spans the whole section; hidden cells carry the same
    # text so a continuation on the next page is labelled too.
    spans.append(((0, 0), (0, top + len(body) - 1)))
    for first, last in _groups(rows):
        if last > first:
            spans.append(((1, top + first), (1, top + last)))
        for k, side in enumerate(sides):
            col = 2 + 3 * k
            keys = [canonical(_side(r, side).level2) for r in rows[first : last + 1]]
            for a, z in runs(keys):
                spans.append(((col, top + first + a), (col, top + first + z)))
    if not body:
        body.append([b.vertical(label)] + [""] * (len(widths) - 1))
    return b.grid(header + body, widths, spans=spans, repeat=top, vertical_label=True)


class _Blank:
    level2 = name = value = standard = ""


_BLANK = _Blank()


def _side(row: IndicatorRow, side: str):
    return row.annual if side == "annual" else (row.mid or _BLANK)


def has_standard(rows: list[IndicatorRow]) -> bool:
    return any(r.annual.standard.strip() for r in rows)
