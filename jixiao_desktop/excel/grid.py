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

from jixiao_desktop.excel.cells import amount_text, date_text, decimal_of, number_text
from jixiao_desktop.money import AmountUnit

MAX_ROWS = 3000
MAX_COLS = 64

_REF = r"\$?([A-Z]{1,3})\$?(\d+)"
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
            return self._formula(r, c, cell, depth=0)
        if isinstance(cell.raw, (int, float)) and not isinstance(cell.raw, bool):
            return decimal_of(cell.raw)
        return None

    def text(self, r: int, c: int, unit: AmountUnit | None = None, notes: list | None = None) -> str:
        """The cell's own value as text; ``unit`` reads numbers as amounts of that unit."""
        cell = self.cell(r, c)
        if cell is None or cell.raw is None:
            return ""
        raw = cell.raw
        if cell.is_formula:
            value = self._formula(r, c, cell, depth=0)
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

    def _formula(self, r: int, c: int, cell: Cell, depth: int) -> Decimal | None:
        if depth > 20 or not isinstance(cell.raw, str):
            return None
        formula = cell.raw.strip().replace(" ", "")
        match = _SUM_RE.match(formula)
        if match:
            c0, r0 = column_index_from_string(match[1].upper()) - 1, int(match[2]) - 1
            if match[3]:
                c1, r1 = column_index_from_string(match[3].upper()) - 1, int(match[4]) - 1
            else:
                c1, r1 = c0, r0
            if (r1 - r0 + 1) * (c1 - c0 + 1) > 10000:
                return None
            total = Decimal(0)
            for rr in range(min(r0, r1), max(r0, r1) + 1):
                for cc in range(min(c0, c1), max(c0, c1) + 1):
                    total += self._ref(rr, cc, depth) or 0
            return total
        body = formula[1:]
        pos, total, seen = 0, Decimal(0), False
        while pos < len(body):
            term = _TERM_RE.match(body, pos)
            if term is None or term.end() == pos:
                return None
            if term[2] is not None:
                col = column_index_from_string(term[2].upper()) - 1
                value = self._ref(int(term[3]) - 1, col, depth) or Decimal(0)
            else:
                value = Decimal(term[4])
            total += -value if term[1] == "-" else value
            pos, seen = term.end(), True
        return total if seen else None

    def _ref(self, r: int, c: int, depth: int) -> Decimal | None:
        cell = self.cell(r, c)
        if cell is None:
            return None
        if cell.is_formula:
            return self._formula(r, c, cell, depth + 1)
        if isinstance(cell.raw, (int, float)) and not isinstance(cell.raw, bool):
            return decimal_of(cell.raw)
        if isinstance(cell.raw, str):
            try:
                return Decimal(cell.raw.strip().replace(",", "")) if cell.raw.strip() else None
            except ArithmeticError:
                return None
        return None


_MERGE_RE = re.compile(r'<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


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


_CELL_RE = re.compile(r'<c\s+r="([A-Z]+)(\d+)"[^>]*?(/?)>')


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
        sheet.cells[(r, c)] = Cell(value, cell.data_type, cell.number_format or "General")
        sheet.nrows = max(sheet.nrows, r + 1)
        sheet.ncols = max(sheet.ncols, c + 1)
    if merges is None:
        merges = [] if read_only else [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    if merges:
        for min_row, min_col, max_row, max_col in merges:
            r0, c0, r1, c1 = min_row - 1, min_col - 1, max_row - 1, max_col - 1
            if r0 >= MAX_ROWS or c0 >= MAX_COLS:
                continue
            r1, c1 = min(r1, MAX_ROWS - 1), min(c1, MAX_COLS - 1)
            sheet.spans[(r0, c0)] = (r1, c1)
            if (r1 - r0 + 1) * (c1 - c0 + 1) > 200000:
                continue
            for rr in range(r0, r1 + 1):
                for cc in range(c0, c1 + 1):
                    if (rr, cc) != (r0, c0):
                        sheet.parent[(rr, cc)] = (r0, c0)
    return sheet
