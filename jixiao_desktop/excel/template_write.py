"""A document of any template (表样) as a workbook laid out like its paper.

One sheet for the form and one per child form (``绩效目标表1``, ``绩效目标表2`` …): the title, the year
and 金额单位, header fields as label | value cells (two short ones to a row), each amount table under its
column headings with its fixed row labels or its rows and a 合计 row of real ``=SUM()`` formulas where
the template prints one, each indicator table with its side (中期/年度…) merged over its rows and 一级/二级
merged where consecutive rows share them, and the sign-off line. Everything is read from the template:
no label is written here. Amounts are number cells shown as typed (see :mod:`.sheet_writer`).
"""

from __future__ import annotations

import math
import re

from openpyxl.utils import get_column_letter

from jixiao_desktop.excel.cells import amount_format
from jixiao_desktop.excel.sheet_writer import SheetWriter
from jixiao_desktop.forms.template_form import Part, TemplateForm, indicator_label
from jixiao_desktop.templates.schema import AmountTable, ChildForms, FieldsSection, IndicatorTable, SignOffSection

_SHEET_BAD_RE = re.compile(r"[\[\]:*?/\\']")
_WIDTHS = {"longtext": 34, "text": 16, "amount": 13, "percent": 9, "count": 9, "year": 8, "date": 12, "code": 16}
_INDICATOR_WIDTHS = {"level1": 11, "level2": 13, "name": 22, "value": 16, "standard": 20, "weight": 7, "score": 7,
                     "nature": 8, "unit": 9, "direction": 8, "explain": 24, "scoring": 22}
SHORT_VALUE = 24


def sheet_name(text: str, used: set[str], suffix: str = "") -> str:
    """A valid, unique Excel sheet name (≤31 characters, none of ``[]:*?/\\``)."""
    base = _SHEET_BAD_RE.sub("", " ".join(text.split())).strip() or "表"
    name = base[: 31 - len(suffix)] + suffix
    number = 2
    while name.lower() in used or name == "History":
        tail = f"{suffix}({number})"
        name = base[: 31 - len(tail)] + tail
        number += 1
    used.add(name.lower())
    return name


def amount_table_width(table: AmountTable) -> int:
    return len(table.columns) + (1 if label_column(table) else 0)


def label_column(table: AmountTable) -> bool:
    """Whether the table prints a label column of its own (fixed row labels, or a 合计 with nowhere to go)."""
    return bool(table.rows) or (bool(table.total_row) and table.columns[0].type == "amount")


def sheet_width(sections) -> int:
    widths = [4]
    for section in sections:
        if isinstance(section, AmountTable):
            widths.append(amount_table_width(section))
        elif isinstance(section, IndicatorTable):
            widths.append(2 + len(section.columns))
    return max(widths)


def write_template(wb, form: TemplateForm) -> None:
    """The form's sheet (the workbook's first) and one sheet per child form."""
    loaded = form.loaded
    meta = loaded.meta
    sections = loaded.template.section
    used: set[str] = set()
    ws = wb.active
    ws.title = sheet_name(meta.title or meta.name, used)
    w = _writer(ws, sections, form, meta.orientation)
    w.title(meta.title or meta.name)
    if form.year.strip():
        w.line(f"（{form.year}年度）")
    n = w.ncols
    if form.filler_unit:
        w.put(w.row, 1, f"填报单位（盖章）：{form.filler_unit}", last=max(1, n - 2), border=False)
    w.put(w.row, n - 1, f"金额单位：{form.amount_unit.value}", last=n, border=False)
    w.row += 1
    write_part(w, sections, form.content)
    for child in (s for s in sections if isinstance(s, ChildForms)):
        parent = next((s for s in sections if isinstance(s, AmountTable) and s.id == child.of), None)
        parent_rows = form.content.tables.get(child.of, [])
        for index, part in enumerate(form.content.children.get(child.id, [])):
            cw = _writer(wb.create_sheet(sheet_name(child.label, used, str(index + 1))), child.section, form,
                         meta.orientation)
            cw.title(child.label)
            row = parent_rows[index] if index < len(parent_rows) else {}
            named = next((row.get(c.id, "") for c in (parent.columns if parent else []) if c.type != "amount"
                          and row.get(c.id, "").strip()), "")
            where = f"{parent.label if parent else child.of}第{index + 1}行" + (f"：{named}" if named else "")
            cw.line(f"（{where}）")
            cw.put(cw.row, cw.ncols - 1, f"金额单位：{form.amount_unit.value}", last=cw.ncols, border=False)
            cw.row += 1
            write_part(cw, child.section, part)


def _writer(ws, sections, form: TemplateForm, orientation: str) -> SheetWriter:
    n = sheet_width(sections)
    widths = [14.0] + [12.0] * (n - 1)
    for section in sections:
        if isinstance(section, AmountTable):
            start = 2 if label_column(section) else 1
            for offset, column in enumerate(section.columns):
                col = start + offset - 1
                widths[col] = max(widths[col], _WIDTHS.get(column.type, 12))
        elif isinstance(section, IndicatorTable):
            widths[1] = max(widths[1], _INDICATOR_WIDTHS["level1"])
            for offset, column in enumerate(section.columns):
                widths[2 + offset] = max(widths[2 + offset], _INDICATOR_WIDTHS.get(column, 10))
    w = SheetWriter(ws, widths, form.amount_unit)
    w.widths = widths
    ws.page_setup.orientation = orientation
    return w


def _put(w: SheetWriter, row: int, col: int, text: str, *, last: int | None = None, **kwargs):
    """``w.put``, and the row made tall enough for the text to show wrapped (Excel does not fit merged cells)."""
    cell = w.put(row, col, text, last=last, **kwargs)
    if text and kwargs.get("bottom") in (None, row):
        width = sum(w.widths[col - 1:(last or col)])
        per_line = max(1, int(width / 1.9))   # a Chinese character is about two units of column width
        lines = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        height = min(409, max(18, 14 * lines + 4))
        w.ws.row_dimensions[row].height = max(w.ws.row_dimensions[row].height or 0, height)
    return cell


def write_part(w: SheetWriter, sections, part: Part) -> None:
    """One form's sections in paper order, from ``w.row`` down."""
    for section in sections:
        if isinstance(section, FieldsSection):
            _fields(w, section, part)
        elif isinstance(section, AmountTable):
            _amount_table(w, section, part.tables.get(section.id, []))
        elif isinstance(section, IndicatorTable):
            _indicator_table(w, section, part.tables.get(section.id, []))
        elif isinstance(section, SignOffSection):
            _signoff(w, section, part)


def _heading(w: SheetWriter, text: str) -> None:
    w.put(w.row, 1, text, last=w.ncols, bold=True)
    w.row += 1


def _fields(w: SheetWriter, section: FieldsSection, part: Part) -> None:
    if section.title:
        _heading(w, section.title)
    n = w.ncols
    half = n // 2
    fields = list(section.field)
    index = 0
    while index < len(fields):
        field = fields[index]
        value = part.fields.get(field.id, "")
        pair = fields[index + 1] if index + 1 < len(fields) else None
        if pair is not None and _short(field, value) and _short(pair, part.fields.get(pair.id, "")):
            for spec, col, last in ((field, 1, half), (pair, half + 1, n)):
                text = part.fields.get(spec.id, "")
                _put(w, w.row, col, spec.label, bold=True, center=True)
                _put(w, w.row, col + 1, text, last=last, amount=spec.type == "amount")
            w.row += 1
            index += 2
            continue
        _put(w, w.row, 1, field.label, bold=True, center=True)
        _put(w, w.row, 2, value, last=n, amount=field.type == "amount")
        w.row += 1
        index += 1


def _short(field, value: str) -> bool:
    return field.type != "longtext" and len(value) <= SHORT_VALUE and "\n" not in value and len(field.label) <= 12


def _amount_table(w: SheetWriter, table: AmountTable, rows: list[dict[str, str]]) -> None:
    n = w.ncols
    own_label = label_column(table)
    start = 2 if own_label else 1
    ncols = len(table.columns)
    if table.rows:
        _put(w, w.row, 1, table.label, bold=True, center=True)
    else:
        _heading(w, table.label)
        if own_label:
            w.put(w.row, 1, "", bold=True)
    for offset, column in enumerate(table.columns):
        _put(w, w.row, start + offset, column.label, bold=True, center=True, last=n if offset == ncols - 1 else None)
    w.row += 1
    first = w.row
    if table.rows:
        by_id = {row.get("_row"): row for row in rows}
        body = [by_id.get(spec.id, {}) for spec in table.rows] + [r for r in rows if r.get("_row") not in
                                                                   {s.id for s in table.rows}]
        labels = [spec.label for spec in table.rows] + [r.get("_row", "") for r in body[len(table.rows):]]
    else:
        body, labels = rows, [""] * len(rows)
    for row, label in zip(body, labels):
        if own_label:
            _put(w, w.row, 1, label, bold=bool(table.rows), center=True)
        for offset, column in enumerate(table.columns):
            _put(w, w.row, start + offset, row.get(column.id, ""), amount=column.type == "amount",
                 last=n if offset == ncols - 1 else None)
        w.row += 1
    if table.total_row and not table.rows:
        _total_row(w, table, rows, first, start)


def _total_row(w: SheetWriter, table: AmountTable, rows, first: int, start: int) -> None:
    """The printed 合计: real ``=SUM()`` formulas over the rows above for every amount column."""
    n = w.ncols
    last_row = w.row - 1
    ncols = len(table.columns)
    label_col = 1 if label_column(table) else None
    for offset, column in enumerate(table.columns):
        col = start + offset
        last = n if offset == ncols - 1 else None
        if label_col is None and offset == 0:
            w.put(w.row, col, table.total_row, bold=True, center=True, last=last)
        elif column.type == "amount" and rows:
            letter = get_column_letter(col)
            cell = w.formula(w.row, col, f"=SUM({letter}{first}:{letter}{last_row})", last=last)
            shapes = [amount_format(r.get(column.id, "")) for r in rows if r.get(column.id, "")]
            shape = max((s for s in shapes if s), key=len, default=None)
            if shape:
                cell.number_format = shape
        else:
            w.put(w.row, col, "", last=last)
    if label_col is not None:
        w.put(w.row, label_col, table.total_row, bold=True, center=True)
    w.row += 1


def _indicator_table(w: SheetWriter, table: IndicatorTable, rows: list[dict[str, str]]) -> None:
    from jixiao_desktop.forms.merged_levels import resolve_table

    rows = resolve_table(rows, [side.id for side in table.sides])   # a blank heading is the one above
    n = w.ncols
    columns = ["level1", *table.columns]
    _put(w, w.row, 1, table.label, bold=True, center=True)
    for offset, column in enumerate(columns):
        _put(w, w.row, 2 + offset, indicator_label(table, column), bold=True, center=True,
             last=n if offset == len(columns) - 1 else None)
    w.row += 1
    first = w.row
    sides = {side.id: side.label for side in table.sides}
    for row in rows:
        for offset, column in enumerate(columns):
            if column not in ("level1", "level2"):
                _put(w, w.row, 2 + offset, row.get(column, ""), last=n if offset == len(columns) - 1 else None)
        w.row += 1
    _merge_runs(w, rows, first, 1, lambda r: sides.get(r.get("side", ""), r.get("side", "")), bold=True)
    _merge_runs(w, rows, first, 2, lambda r: (r.get("side", ""), r.get("level1", "")), show=lambda r: r.get("level1", ""))
    if "level2" in columns:
        col = 2 + columns.index("level2")
        _merge_runs(w, rows, first, col, lambda r: (r.get("side", ""), r.get("level1", ""), r.get("level2", "")),
                    show=lambda r: r.get("level2", ""))


def _merge_runs(w: SheetWriter, rows, first: int, col: int, group, *, show=None, bold: bool = False) -> None:
    """Write a column whose equal, non-blank consecutive values print as one merged cell."""
    show = show or group
    index = 0
    while index < len(rows):
        end = index
        if show(rows[index]):
            while end + 1 < len(rows) and group(rows[end + 1]) == group(rows[index]):
                end += 1
        _put(w, first + index, col, show(rows[index]), bottom=first + end if end > index else None, center=True,
             bold=bold)
        index = end + 1


def _signoff(w: SheetWriter, section: SignOffSection, part: Part) -> None:
    """``单位负责人：… 填报人：…`` on one line (two or three to a row when there are many)."""
    fields = list(section.field)
    if not fields:
        return
    n = w.ncols
    per_row = min(len(fields), max(1, n // 2))
    for start in range(0, len(fields), per_row):
        chunk = fields[start:start + per_row]
        span = max(1, n // len(chunk))
        col = 1
        for index, field in enumerate(chunk):
            last = n if index == len(chunk) - 1 else col + span - 1
            w.put(w.row, col, f"{field.label}：{part.fields.get(field.id, '')}", last=last, border=False)
            col = last + 1
        w.row += 1
