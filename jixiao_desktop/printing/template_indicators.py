"""A template's indicator table on paper: 一级 and 二级 merged down their rows, its own columns.

Each row is kept with its side (中期/年度, 实施期/本年度 …, labels from the template). Two sides
stand side by side sharing the 一级 column, as on the 财政部 form, when their columns fit the page
across; otherwise (many optional columns) each side is a table of its own, one under the other. A
blank 一级 or 二级 under a filled one is the same heading (read through
:mod:`jixiao_desktop.forms.merged_levels`, as the checks read it); equal neighbours merge.
The header rows repeat on every page the table runs onto.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from jixiao_desktop.forms.layouts import canonical
from jixiao_desktop.forms.merged_levels import resolve_dicts
from jixiao_desktop.forms.template_form import indicator_label
from jixiao_desktop.printing.autowidth import column_range, fit, in_mm
from jixiao_desktop.printing.common import Builder
from jixiao_desktop.printing.indicators import runs
from jixiao_desktop.templates.schema import IndicatorTable

LABEL_WIDTH = 8 * mm   # the vertical label
_NUMERIC = ("weight", "score")
_CENTERED = ("level2", "weight", "score", "nature", "unit", "direction")
# How many columns of one side two sides may have and still stand side by side.
SIDE_BY_SIDE_COLUMNS = {"portrait": 3, "landscape": 5}

Row = dict[str, str]


def indicator_tables(b: Builder, table: IndicatorTable, rows: list[Row], orientation: str) -> list:
    """The table's grids (one, or one per side when the sides are printed one under the other)."""
    sides = [(side.id, side.label) for side in table.sides]
    by_side = _split_sides(rows, [sid for sid, _ in sides])
    columns = list(table.columns)
    if len(sides) == 2 and len(columns) <= SIDE_BY_SIDE_COLUMNS.get(orientation, 3):
        return [_grid(b, table, sides, [by_side[sid] for sid, _ in sides], columns)]
    out = []
    for sid, label in sides:
        shown = [(sid, label)] if canonical(label) != canonical(table.label) else []
        out.append(_grid(b, table, shown, [by_side[sid]], columns))
    return out


def _split_sides(rows: list[Row], side_ids: list[str]) -> dict[str, list[Row]]:
    """Rows by side, in typed order; a row whose side the template does not name goes to the last side."""
    out: dict[str, list[Row]] = {sid: [] for sid in side_ids}
    for row in rows:
        side = row.get("side", "")
        out[side if side in out else side_ids[-1]].append(row)
    return {sid: resolve_dicts(side_rows) for sid, side_rows in out.items()}


def _filled(rows: list[Row]) -> list[str]:
    """Each row's 一级 (filled in by :func:`_split_sides`)."""
    return [row.get("level1", "").strip() for row in rows]


def _lines(sides_rows: list[list[Row]]) -> list[tuple[str, list[Row | None]]]:
    """Printed lines: ``(一级, [the row of each side or None])``; sides paired under each 一级."""
    if len(sides_rows) == 1:
        rows = sides_rows[0]
        return [(level1, [row]) for level1, row in zip(_filled(rows), rows)]
    order: list[str] = []
    groups: dict[str, list[list[Row]]] = {}
    names: dict[str, str] = {}
    for k, rows in enumerate(sides_rows):
        for level1, row in zip(_filled(rows), rows):
            key = canonical(level1)
            if key not in groups:
                order.append(key)
                names[key] = level1
                groups[key] = [[] for _ in sides_rows]
            groups[key][k].append(row)
    lines = []
    for key in order:
        per_side = groups[key]
        for i in range(max(len(r) for r in per_side)):
            lines.append((names[key], [r[i] if i < len(r) else None for r in per_side]))
    return lines


def _grid(b: Builder, table, sides: list[tuple[str, str]], sides_rows: list[list[Row]], columns: list[str]):
    label = table.label
    per_side = len(columns)
    lines = _lines(sides_rows)
    widths = _widths(b, table, lines, columns, len(sides_rows))
    heads = [b.label(indicator_label(table, c)) for c in columns]
    spans = []
    if sides:
        top = [b.vertical(label), b.label(indicator_label(table, "level1"))]
        for k, (_, side_label) in enumerate(sides):
            top += [b.label(side_label)] + [""] * (per_side - 1)
            first = 2 + k * per_side
            spans.append(((first, 0), (first + per_side - 1, 0)))
        header = [top, ["", "", *heads * len(sides)]]
        spans.append(((1, 0), (1, 1)))
    else:
        header = [[b.vertical(label), b.label(indicator_label(table, "level1")), *heads]]
    top_rows = len(header)
    body = []
    for level1, row_per_side in lines:
        cells = [b.vertical(label), b.center(level1)]
        for row in row_per_side:
            cells += [_cell(b, c, row.get(c, "") if row else "") for c in columns]
        body.append(cells)
    # The vertical label spans the whole table; hidden cells carry its text for a continuation page.
    spans.append(((0, 0), (0, top_rows + max(len(body), 1) - 1)))
    keys = [canonical(level1) for level1, _ in lines]
    for first, last in runs(keys):
        spans.append(((1, top_rows + first), (1, top_rows + last)))
    if "level2" in columns:
        col0 = 2 + columns.index("level2")
        bounds = _group_bounds(len(lines), runs(keys))
        for k in range(len(sides_rows)):
            col = col0 + k * per_side
            for a, z in bounds:
                level2 = [canonical((rows[k] or {}).get("level2", "")) if rows[k] else "" for _, rows in lines[a:z + 1]]
                for s, e in runs(level2):
                    spans.append(((col, top_rows + a + s), (col, top_rows + a + e)))
    if not body:
        body.append([b.vertical(label)] + [""] * (len(widths) - 1))
    return b.grid(header + body, widths, spans=spans, repeat=top_rows, vertical_label=True)


def _widths(b: Builder, table, lines, columns: list[str], nsides: int) -> list[float]:
    """Column widths (mm) after what the columns hold (:mod:`.autowidth`); the label stays narrow."""
    font = b.st.font
    ranges = [(LABEL_WIDTH, LABEL_WIDTH),
              column_range([level1 for level1, _ in lines], font, heading=indicator_label(table, "level1"))]
    for k in range(nsides):
        for c in columns:
            texts = [rows[k].get(c, "") for _, rows in lines if rows[k]]
            ranges.append(column_range(texts, font, numeric=c in _NUMERIC, heading=indicator_label(table, c)))
    return in_mm(fit(ranges, b.width, fixed=(0,)))


def _group_bounds(n: int, groups: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every line in exactly one ``(first, last)`` range: the merged 一级 runs and single lines."""
    merged = dict(groups)
    out, i = [], 0
    while i < n:
        end = merged.get(i, i)
        out.append((i, end))
        i = end + 1
    return out


def _cell(b: Builder, column: str, text: str):
    return b.center(text) if column in _CENTERED else b.p(text)
