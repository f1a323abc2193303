"""A worksheet read into memory once: values, merged spans, formulas, what was used.

Reading is capped (:data:`MAX_ROWS` × :data:`MAX_COLS`); cells beyond the cap
are counted and reported, never dropped silently. Formulas of the kinds a form
carries (``=SUM(C11:G11)``, ``=B4+C4-D4``) are evaluated here; others fall back
to the value Excel cached when it saved the file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.utils import column_index_from_string, get_column_letter

from jixiao_desktop.excel.errors import reading_sheet
from jixiao_desktop.excel.cells import amount_text, date_text, decimal_of, number_text
from jixiao_desktop.money import MAX_AMOUNT, AmountUnit, read_decimal

MAX_ROWS = 3000
MAX_COLS = 64
MAX_FORMULA_DEPTH = 200  # formulas referring to formulas, deeper than any form's totals

_REF = r"\$?([A-Z]{1,3})\$?(\d{1,7})"
_SUM_RE = re.compile(rf"^=\s*SUM\(\s*{_REF}\s*(?::\s*{_REF})?\s*\)$", re.IGNORECASE)
_TERM_RE = re.compile(rf"([+-]?)\s*(?:{_REF}|(\d+(?:\.\d+)?))\s*")


@dataclass(slots=True)
class Cell:
    raw: object
    data_type: str = "s"
    number_format: str = "General"

    @property
    def is_formula(self) -> bool:
        return self.data_type == "f"


@dataclass
class Sheet:
    """One worksheet's cells (0-based row, col) with its merged spans."""

    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    nrows: int = 0
    ncols: int = 0
    parent: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    cached: dict[tuple[int, int], object] = field(default_factory=dict)
    consumed: set[tuple[int, int]] = field(default_factory=set)
    cut_cells: int = 0
    bad_merges: int = 0
    bad_styles: int = 0
    _values: dict[tuple[int, int], Decimal | None] = field(default_factory=dict, repr=False)
    _evaluating: set[tuple[int, int]] = field(default_factory=set, repr=False)

    def coord(self, r: int, c: int) -> str:
        return f"{self.name}!{get_column_letter(c + 1)}{r + 1}"

    def cell(self, r: int, c: int) -> Cell | None:
        return self.cells.get((r, c))

    def top_left(self, r: int, c: int) -> tuple[int, int]:
        return self.parent.get((r, c), (r, c))

    def is_merged_child(self, r: int, c: int) -> bool:
        return (r, c) in self.parent

    def number(self, r: int, c: int) -> Decimal | None:
        """The numeric value of a cell (evaluating a formula), or None."""
        cell = self.cell(r, c)
        if cell is None:
            return None
        if cell.is_formula:
            return self._formula(r, c, cell)
        if isinstance(cell.raw, (int, float)) and not isinstance(cell.raw, bool):
            return _bounded(decimal_of(cell.raw))
        return None

    def text(self, r: int, c: int, unit: AmountUnit | None = None, notes: list | None = None) -> str:
        """The cell's own value as text; ``unit`` reads numbers as amounts of that unit."""
        cell = self.cell(r, c)
        if cell is None or cell.raw is None:
            return ""
        raw = cell.raw
        if cell.is_formula:
            value = self._formula(r, c, cell)
            if value is None:
                cached = self.cached.get((r, c))
                if cached is None or isinstance(cached, str):
                    if notes is not None:
                        notes.append("公式无法计算，保留公式原文")
                    return str(raw)
                raw = cached
                if notes is not None:
                    notes.append("公式取Excel保存时的计算结果")
            else:
                raw = float(value) if value != value.to_integral_value() else int(value)
        if isinstance(raw, str):
            return raw
        if isinstance(raw, bool):
            return "是" if raw else "否"
        if isinstance(raw, (dt.date, dt.datetime, dt.time)):
            if notes is not None:
                notes.append("Excel日期，按年月日写出")
            return date_text(raw)
        if isinstance(raw, (int, float)):
            if unit is not None:
                text, exact = amount_text(raw, unit, cell.number_format)
                if not exact and notes is not None:
                    notes.append("金额精确到了分以下，按原数保留")
                return text
            return number_text(raw, cell.number_format)
        return str(raw)

    def mtext(self, r: int, c: int) -> str:
        """Merged-aware text: a merged cell's value is seen from every cell it covers."""
        return self.text(*self.top_left(r, c))

    def _formula(self, r: int, c: int, cell: Cell, depth: int = 0) -> Decimal | None:
        """The value of a formula cell, each cell worked out once (a cycle gives None)."""
        key = (r, c)
        if key in self._values:
            return self._values[key]
        if key in self._evaluating or depth > MAX_FORMULA_DEPTH:
            return None  # a cycle (A1 = SUM(B1), B1 = SUM(A1)) or a chain too long to follow
        self._evaluating.add(key)
        try:
            value = self._evaluate(cell, depth)
        finally:
            self._evaluating.discard(key)
        self._values[key] = value
        return value

    def _evaluate(self, cell: Cell, depth: int) -> Decimal | None:
        if not isinstance(cell.raw, str):
            return None
        formula = cell.raw.strip().replace(" ", "")
        match = _SUM_RE.match(formula)
        if match:
            c0, r0 = column_index_from_string(match[1].upper()) - 1, int(match[2]) - 1
            if match[3]:
                c1, r1 = column_index_from_string(match[3].upper()) - 1, int(match[4]) - 1
            else:
                c1, r1 = c0, r0
            if (abs(r1 - r0) + 1) * (abs(c1 - c0) + 1) > 10000:
                return None
            total = Decimal(0)
            for rr in range(min(r0, r1), max(r0, r1) + 1):
                for cc in range(min(c0, c1), max(c0, c1) + 1):
                    value = self._ref(rr, cc, depth)
                    if value is _UNKNOWN:
                        return None
                    total += value or 0
            return _bounded(total)
        body = formula[1:]
        pos, total, seen = 0, Decimal(0), False
        while pos < len(body):
            term = _TERM_RE.match(body, pos)
            if term is None or term.end() == pos:
                return None
            if term[2] is not None:
                col = column_index_from_string(term[2].upper()) - 1
                value = self._ref(int(term[3]) - 1, col, depth)
                if value is _UNKNOWN:
                    return None
                value = value or Decimal(0)
            else:
                value = read_decimal(term[4])
                if value is None:
                    return None
            total += -value if term[1] == "-" else value
            pos, seen = term.end(), True
        return _bounded(total) if seen else None

    def _ref(self, r: int, c: int, depth: int):
        """A referenced cell's number; None when blank or not a number; _UNKNOWN for a formula
        that cannot be worked out (so the formula using it cannot be either)."""
        cell = self.cell(r, c)
        if cell is None:
            return None
        if cell.is_formula:
            value = self._formula(r, c, cell, depth + 1)
            return _UNKNOWN if value is None else value
        if isinstance(cell.raw, (int, float)) and not isinstance(cell.raw, bool):
            return _bounded(decimal_of(cell.raw))
        if isinstance(cell.raw, str):
            return read_decimal(cell.raw) if cell.raw.strip() else None
        return None


_UNKNOWN = object()


def _bounded(value: Decimal | None) -> Decimal | None:
    """A value a form can hold (see :func:`~jixiao_desktop.money.read_decimal`), else None."""
    if value is None or not value.is_finite() or abs(value) >= MAX_AMOUNT * 10000:
        return None
    return value


_MERGE_RE = re.compile(r'<mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def merged_ranges(archive, part: str) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col), 1-based, of a sheet part's merged cells.

    Read from the XML directly so read-only loading (fast, bounded) still knows the spans;
    the part was size-checked and DTD-free before (see :mod:`safety`).
    """
    try:
        text = archive.read(part).decode("utf-8", "replace")
    except KeyError:
        return []
    start = text.rfind("<mergeCells")
    if start < 0:
        return []
    return [(int(m[2]), column_index_from_string(m[1]), int(m[4]), column_index_from_string(m[3]))
            for m in _MERGE_RE.finditer(text, start)]


def _number_format(cell, sheet: Sheet) -> str:
    """The cell's number format; a damaged style reference reads as General (and is counted)."""
    try:
        return cell.number_format or "General"
    except (IndexError, KeyError, AttributeError, TypeError):
        sheet.bad_styles += 1
        return "General"


def apply_merges(sheet: Sheet, merges) -> None:
    """Record merged ranges, clipped to the cells that hold something.

    Excel never writes overlapping merges; a damaged or hostile file may (2,000
    ranges over the whole sheet). A range overlapping an earlier one is left
    out and counted in ``sheet.bad_merges``, so the work stays proportional to
    the sheet's filled area, whatever the file declares: at most a few times
    that area is looked at in all, and ranges beyond that budget are left out.
    """
    budget = 4 * sheet.nrows * sheet.ncols + 10000
    for min_row, min_col, max_row, max_col in merges:
        if budget <= 0:
            sheet.bad_merges += 1
            continue
        r0, c0 = min(min_row, max_row) - 1, min(min_col, max_col) - 1
        r1, c1 = max(min_row, max_row) - 1, max(min_col, max_col) - 1
        if r0 < 0 or c0 < 0 or r0 >= sheet.nrows or c0 >= sheet.ncols:
            continue  # nothing of it holds a value
        r1, c1 = min(r1, sheet.nrows - 1), min(c1, sheet.ncols - 1)
        if (r0, c0) in sheet.parent or (r0, c0) in sheet.spans:
            sheet.bad_merges += 1
            continue
        claimed = []
        for rr in range(r0, r1 + 1):
            for cc in range(c0, c1 + 1):
                if (rr, cc) == (r0, c0):
                    continue
                budget -= 1
                if (rr, cc) in sheet.parent or (rr, cc) in sheet.spans or budget <= 0:
                    break
                claimed.append((rr, cc))
            else:
                continue
            break
        else:
            sheet.spans[(r0, c0)] = (r1, c1)
            for cell in claimed:
                sheet.parent[cell] = (r0, c0)
            continue
        sheet.bad_merges += 1  # overlaps an earlier range: left out (the work done is at most its own area)


_CELL_RE = re.compile(r'<c\s+r="([A-Z]{1,3})(\d{1,7})"[^>]*?(/?)>')


def count_beyond_cap(archive, part: str) -> int:
    """Filled cells of a sheet part that lie beyond the reading cap (counted in the XML)."""
    try:
        text = archive.read(part).decode("utf-8", "replace")
    except KeyError:
        return 0
    return sum(1 for m in _CELL_RE.finditer(text) if not m[3]
               and (int(m[2]) > MAX_ROWS or column_index_from_string(m[1]) > MAX_COLS))


def read_sheet(ws, read_only: bool = False, merges=None) -> Sheet:
    """Copy an openpyxl worksheet (normal or read-only) into a :class:`Sheet`."""
    with reading_sheet(ws.title):
        return _read_sheet(ws, read_only, merges)


def _read_sheet(ws, read_only: bool, merges) -> Sheet:
    sheet = Sheet(ws.title)
    if read_only:
        cells = (cell for row in ws.iter_rows(min_row=1, max_row=MAX_ROWS, max_col=MAX_COLS) for cell in row)
    else:
        cells = iter(ws._cells.values())  # only the cells that exist; never creates new ones
    for cell in cells:
        value = getattr(cell, "value", None)
        if value is None or (isinstance(value, str) and value == ""):
            continue
        r, c = cell.row - 1, cell.column - 1
        if r >= MAX_ROWS or c >= MAX_COLS:
            sheet.cut_cells += 1
            continue
        sheet.cells[(r, c)] = Cell(value, cell.data_type, _number_format(cell, sheet))
        sheet.nrows = max(sheet.nrows, r + 1)
        sheet.ncols = max(sheet.ncols, c + 1)
    if merges is None:
        merges = [] if read_only else [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    apply_merges(sheet, merges)
    return sheet
