"""An old Excel (.xls) or WPS 表格 (.et) workbook as an in-memory openpyxl workbook.

The BIFF8 workbook is read by calamine (python-calamine, a maintained Rust reader): every sheet in
workbook order with its visibility (so the program's hidden 填报程序数据 sheet is still found), its
values (the cached results of formulas; date-formatted numbers as dates), and its merged ranges; the
number formats of number cells come from :mod:`.biff_formats` (``0%``, ``0.00``), which also
keeps cells beyond the reading cap from reaching calamine (they are counted and reported). The workbook built
from them is what the .xlsx readers read, so every reader serves both formats and none is copied.

Numbers stay floats here as openpyxl gives them for an .xlsx; they become exact decimals where they
are read (:func:`~jixiao_desktop.excel.cells.decimal_of`: the float cut back to what Excel shows).
A damaged or password-protected file gives an :class:`ExcelError` with a Chinese message; calamine's
own errors (and a panic of its Rust code) never escape.
"""

from __future__ import annotations

import datetime as dt
import io

from jixiao_desktop.excel.biff_formats import capped, is_encrypted, number_formats
from jixiao_desktop.excel.errors import ExcelError
from jixiao_desktop.excel.grid import MAX_COLS, MAX_ROWS

_ADVICE = "如能在Excel或WPS中打开，请“另存为”Excel工作簿（.xlsx）后再打开。"
_PASSWORD = "工作簿设有打开密码（已加密），无法读取：{name}。请在Excel或WPS中输入密码打开，取消密码后“另存为”.xlsx再打开。"
CUT_ATTRIBUTE = "jixiao_cut_cells"   # on a worksheet: its filled cells beyond the reading cap


def load_old_workbook(data: bytes, name: str):
    """The openpyxl workbook (not read-only) holding what the old workbook ``data`` shows."""
    if is_encrypted(data):
        raise ExcelError(_PASSWORD.format(name=name))
    try:
        return _build(data)
    except ExcelError:
        raise
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except ImportError as exc:
        raise ExcelError("缺少读取旧版Excel（.xls/.et）的组件python-calamine，请重新安装本程序；"
                         f"或在Excel或WPS中把{name}“另存为”.xlsx后再打开。") from exc
    except BaseException as exc:  # calamine's errors, and pyo3's PanicException (a BaseException)
        raise ExcelError(_message(exc, name)) from exc


def _message(exc: BaseException, name: str) -> str:
    text = str(exc)
    if "password" in text.lower() or type(exc).__name__ == "PasswordError":
        return _PASSWORD.format(name=name)
    return f"旧版Excel工作簿（.xls/.et）已损坏，无法读取：{name}（{type(exc).__name__}：{text[:160]}）。{_ADVICE}"


def _build(data: bytes):
    import openpyxl
    import python_calamine as calamine
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.worksheet.cell_range import CellRange

    formats = number_formats(data)
    data, cut_cells = capped(data, MAX_ROWS, MAX_COLS)   # a stray far cell must not cost a gigabyte
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    with calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
        for meta in book.sheets_metadata:
            kind = str(meta.typ).rsplit(".", 1)[-1]
            if kind == "ChartSheet":
                wb.create_chartsheet(_title(meta.name, wb))
                continue
            if kind != "WorkSheet":
                continue  # a macro or dialog sheet holds no form
            ws = wb.create_sheet(_title(meta.name, wb))
            visible = str(meta.visible).rsplit(".", 1)[-1]
            ws.sheet_state = {"Hidden": "hidden", "VeryHidden": "veryHidden"}.get(visible, "visible")
            sheet = book.get_sheet_by_name(meta.name)
            cut = _fill(ws, sheet, formats.get(meta.name, {}), ILLEGAL_CHARACTERS_RE)
            setattr(ws, CUT_ATTRIBUTE, cut + cut_cells.get(meta.name, 0))
            for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
                if min(r0, c0, r1, c1) >= 0 and max(r0, r1) < 65536 * 16 and max(c0, c1) < 16384:
                    ws.merged_cells.add(CellRange(min_row=min(r0, r1) + 1, min_col=min(c0, c1) + 1,
                                                  max_row=max(r0, r1) + 1, max_col=max(c0, c1) + 1))
    if not wb.worksheets:
        raise ExcelError("工作簿中没有工作表。")
    return wb


def _title(name: str, wb) -> str:
    """The sheet's own name when openpyxl takes it (an .xls name is at most 31 characters, like .xlsx)."""
    title = name[:31] or "Sheet"
    for bad in "[]:*?/\\":
        title = title.replace(bad, "_")
    base, number = title, 1
    while title in wb.sheetnames:
        number += 1
        title = f"{base[:27]}({number})"
    return title


def _fill(ws, sheet, formats: dict, illegal) -> int:
    """Copy the sheet's values (within the reading cap) into ``ws``; returns the filled cells beyond it."""
    top, left = sheet.start or (0, 0)
    cut = 0
    for r, row in enumerate(sheet.to_python(skip_empty_area=True), start=top):   # rows and columns from start
        if r >= MAX_ROWS:
            cut += sum(1 for value in row if value != "" and value is not None)
            continue
        for c, value in enumerate(row, start=left):
            if value == "" or value is None:
                continue
            if c >= MAX_COLS:
                cut += 1
                continue
            cell = ws.cell(row=r + 1, column=c + 1)
            if isinstance(value, str):
                value = illegal.sub("", value)
            elif isinstance(value, dt.timedelta):
                value = str(value)     # a duration ([h]:mm) as Excel shows it
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"   # text, even when it starts with "=": an .xls formula arrives as its value
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                fmt = formats.get((r, c))
                if fmt and fmt != "General":
                    cell.number_format = fmt
    return cut
