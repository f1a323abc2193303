"""Writing official-looking sheets: merged cells, thin borders, wrap, widths, A4 print.

Text is always written as text (a leading ``=``, ``+``, ``-`` or ``@`` never
becomes a formula); a readable amount is a number cell (so the bureau's SUM
formulas count it) whose number format shows it as typed (``160``, ``14.87``,
``28,963,548.68``); a text no format reproduces (``300万元``) is kept in the
填报程序数据 sheet.
"""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from jixiao_desktop.excel.cells import amount_format, canonical_amount, numeric_amount
from jixiao_desktop.money import AmountUnit

MAX_CELL_CHARS = 32767
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = Font(name="宋体", size=10)
BOLD = Font(name="宋体", size=10, bold=True)
TITLE = Font(name="宋体", size=16, bold=True)
WRAP_LEFT = Alignment(wrap_text=True, vertical="center", horizontal="left")
WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
RIGHT = Alignment(vertical="center", horizontal="right")


def clean(text: str) -> str:
    """What a cell can hold: no XML-illegal control characters, at most 32767 characters."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_CHARS]


class SheetWriter:
    """A cursor over one worksheet of ``ncols`` columns."""

    def __init__(self, ws, widths: list[float], unit: AmountUnit):
        self.ws = ws
        self.ncols = len(widths)
        self.unit = unit
        self.row = 1
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        setup = ws.page_setup
        setup.paperSize = ws.PAPERSIZE_A4
        setup.orientation = "portrait"
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5

    def ref(self, row: int, col: int) -> str:
        return f"{get_column_letter(col)}{row}"

    def put(self, row: int, col: int, value, *, last: int | None = None, bottom: int | None = None,
            bold: bool = False, center: bool = False, border: bool = True, amount: bool = False,
            is_formula: bool = False):
        """Write one (possibly merged) cell; ``value`` is text unless ``amount`` and canonical."""
        last = last or col
        bottom = bottom or row
        cell = self.ws.cell(row=row, column=col)
        if amount and isinstance(value, str) and (number := numeric_amount(value, self.unit)) is not None:
            cell.value = float(number) if number != number.to_integral_value() else int(number)
            cell.number_format = amount_format(value) or ("#,##0.00" if self.unit is AmountUnit.YUAN else "#,##0.00####")
            cell.alignment = RIGHT
        elif is_formula:
            cell.value = value
            cell.data_type = "f"
            cell.number_format = "#,##0.00" if self.unit is AmountUnit.YUAN else "#,##0.00####"
            cell.alignment = RIGHT
        else:
            text = clean(value or "")
            if text:
                cell.value = text
                cell.data_type = "s"
                if text[0] in "=+-@":
                    cell.quotePrefix = True
            cell.alignment = WRAP_CENTER if center else WRAP_LEFT
        cell.font = BOLD if bold else FONT
        if last > col or bottom > row:
            self.ws.merge_cells(start_row=row, start_column=col, end_row=bottom, end_column=last)
        if border:
            for rr in range(row, bottom + 1):
                for cc in range(col, last + 1):
                    self.ws.cell(row=rr, column=cc).border = BORDER
        return cell

    def formula(self, row: int, col: int, formula: str, **kwargs):
        """A total as an Excel formula (``=SUM(C5:C9)``) so edits recompute."""
        return self.put(row, col, formula, is_formula=True, **kwargs)

    def total(self, row: int, col: int, total: str, parts: list[str], refs: list[str], **kwargs):
        """A total cell: a formula when that gives the typed total exactly, else the typed text."""
        formula = total_formula(self, total, parts, refs)
        if formula is None:
            return self.put(row, col, total, amount=True, **kwargs)
        cell = self.formula(row, col, formula, **kwargs)
        cell.number_format = amount_format(total) or cell.number_format  # shows the total as typed
        return cell

    def title(self, text: str, *, size_row: float = 30) -> None:
        cell = self.put(self.row, 1, text, last=self.ncols, center=True, border=False)
        cell.font = TITLE
        self.ws.row_dimensions[self.row].height = size_row
        self.row += 1

    def line(self, text: str, *, center: bool = True) -> None:
        self.put(self.row, 1, text, last=self.ncols, center=center, border=False)
        self.row += 1

    def label_value(self, label: str, value: str, *, amount: bool = False) -> None:
        """``label | value`` across the whole width."""
        self.put(self.row, 1, label, bold=True, center=True)
        self.put(self.row, 2, value, last=self.ncols, amount=amount)
        self.fit(self.row, value, self.ncols - 1)
        self.row += 1

    def fit(self, row: int, text: str, span_cols: int, per_col_chars: int = 9) -> None:
        """Grow a row so wrapped text shows (Excel does not auto-fit merged cells)."""
        chars = max(1, span_cols * per_col_chars)
        lines = sum(max(1, -(-len(part) // chars)) for part in (text or "").split("\n"))
        height = min(409, max(20, 14 * lines))
        current = self.ws.row_dimensions[row].height or 0
        self.ws.row_dimensions[row].height = max(current, height)


def total_formula(writer: SheetWriter, total: str, parts: list[str], refs: list[str]) -> str | None:
    """``=C6+C7`` when the typed total is canonical and equals the canonical parts; else None."""
    unit = writer.unit
    total_value = canonical_amount(total, unit)
    if total_value is None:
        return None
    values = []
    for text in parts:
        if not text:
            continue
        value = canonical_amount(text, unit)
        if value is None:
            return None
        values.append(value)
    if not values or sum(values) != total_value:
        return None
    if len(refs) > 2:  # callers pass contiguous cells
        return f"=SUM({refs[0]}:{refs[-1]})"
    return "=" + "+".join(refs)
