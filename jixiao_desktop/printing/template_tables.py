"""A template's amount tables on paper: the column labels over the rows, fixed rows labelled.

Widths follow each column's type (a text column wider than an amount); a growable table with a
``total_row`` gets its 合计 row, each amount column summed from its rows — blank where every cell
of the column is blank (blank is not zero) and where a cell cannot be read as an amount (a sum of
the readable ones would be a wrong total). 占比 and other non-amount cells print as typed.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import format_amount
from jixiao_desktop.printing.autowidth import column_range, fit, in_mm
from jixiao_desktop.printing.common import Builder
from jixiao_desktop.templates.schema import AmountTable, ColumnSpec

_NUMERIC = ("amount", "percent", "count", "year")


def amount_table(b: Builder, table: AmountTable, rows: list[dict[str, str]]):
    """The table's grid: header row(s), then its rows (fixed rows in the template's order)."""
    columns = list(table.columns)
    fixed = {row.id: row.label for row in table.rows}
    total = table.total_row.strip() if table.growable else ""
    first_is_text = columns[0].type not in _NUMERIC
    # A leading label column: the fixed rows' labels, or the 合计 label when no text column can hold it.
    labelled = bool(fixed) or (bool(total) and not first_is_text)
    ordered = _ordered(table, rows)
    sums = [_sum(b, column, rows) for column in columns] if total else []
    widths = _widths(b, table, columns, ordered, sums, labelled, total)
    ncols = len(widths)
    heads = [b.label(c.label) for c in columns]
    spans = []
    if fixed:   # the table's name in the corner over the row labels
        header = [[b.label(table.label), *heads]]
    else:
        header = [[b.label(table.label)] + [""] * (ncols - 1), ([""] if labelled else []) + heads]
        spans.append(((0, 0), (ncols - 1, 0)))
    body = []
    for row in ordered:
        cells = [_cell(b, column, row.get(column.id, "")) for column in columns]
        if labelled:
            cells.insert(0, b.label(fixed.get(row.get("_row", ""), "")))
        body.append(cells)
    if total:
        cells = [b.amount(text) if text else "" for text in sums]
        if labelled:
            cells.insert(0, b.label(total))
        else:
            cells[0] = b.center(total)
        body.append(cells)
    if not body:
        body.append([""] * ncols)
    return b.grid(header + body, widths, spans=spans, repeat=len(header))


def _widths(b: Builder, table: AmountTable, columns: list[ColumnSpec], rows: list[dict[str, str]],
            sums: list[str], labelled: bool, total: str) -> list[float]:
    """Column widths (mm) after what the columns hold, as printed (:mod:`.autowidth`)."""
    font = b.st.font
    ranges = []
    if labelled:
        labels = [row.label for row in table.rows] + ([total] if total else [])
        ranges.append(column_range(labels, font, heading=table.label if table.rows else ""))
    for k, column in enumerate(columns):
        texts = [b.money(r.get(column.id, "")) if column.type == "amount" else r.get(column.id, "") for r in rows]
        if sums:
            texts.append(sums[k] or (total if k == 0 and not labelled else ""))
        ranges.append(column_range(texts, font, numeric=column.type in _NUMERIC and column.type != "year",
                                   heading=column.label))
    return in_mm(fit(ranges, b.width))


def _ordered(table: AmountTable, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Fixed rows in the template's order (a row the template no longer names stays, after them),
    then the clerk's rows as entered."""
    if not table.rows:
        return rows
    order = {row.id: i for i, row in enumerate(table.rows)}
    return sorted(rows, key=lambda r: order.get(r.get("_row", ""), len(order)))


def _cell(b: Builder, column: ColumnSpec, text: str):
    if column.type == "amount":
        return b.amount(text)
    if column.type in _NUMERIC:
        return b.p(text, b.st.cell_right)
    if column.type in ("date", "year", "phone", "code", "choice"):
        return b.center(text)
    return b.p(text)


def _sum(b: Builder, column: ColumnSpec, rows: list[dict[str, str]]) -> str:
    """The column's total in the form's unit; "" when not an amount column, all blank, or unreadable."""
    if column.type != "amount":
        return ""
    total, seen = Decimal(0), False
    for row in rows:
        text = row.get(column.id, "")
        if not text.strip():
            continue
        parsed = b.form.amount(text)
        if parsed.value is None or parsed.per:
            return ""
        total += parsed.value
        seen = True
    return format_amount(total, b.form.amount_unit, grouping=b.grouping) if seen else ""
