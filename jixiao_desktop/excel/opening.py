"""One place that opens a workbook of any format the program reads: .xlsx/.xlsm, old .xls, WPS .et.

The format is found from the file's content, not its name (a WPS .et is an .xls inside; a renamed
file is still recognised). Every reader (the form import, the indicator list) gets an openpyxl
workbook and reads it the same way; what the file is when it is not a workbook (.doc, .wps, an HTML
"xls", …) is said by :mod:`.safety` in Chinese.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from jixiao_desktop.excel.errors import ExcelError
from jixiao_desktop.excel.safety import Inspection, inspect

# What the open dialogs offer, and what the window routes to the Excel import.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et")
REFUSED_SUFFIXES = (".doc", ".wps")   # said what they are and what to do (另存为 .docx / .xlsx)
OPEN_FILTER = "Excel 工作簿 (*.xlsx *.xlsm *.xls *.et);;所有文件 (*)"


@dataclass
class OpenedWorkbook:
    """An openpyxl workbook; ``data`` (the .xlsx bytes) only when it was loaded read-only from them."""

    wb: object
    info: Inspection
    data: bytes | None
    read_only: bool

    def close(self) -> None:
        self.wb.close()


def open_workbook(path: str | Path, *, read_only: bool | None = None) -> OpenedWorkbook:
    """Open ``path``; raises :class:`ExcelError` (Chinese) for a file that is not a readable workbook.

    ``read_only`` (for an .xlsx) defaults to what :func:`inspect` advises for the file's size; an old
    workbook is always built in memory (it is at most 65536 rows and the reading cap applies).
    """
    path = Path(path)
    info = inspect(path)
    data = path.read_bytes()
    if info.format == "biff":
        from jixiao_desktop.excel.old_workbook import load_old_workbook

        return OpenedWorkbook(load_old_workbook(data, path.name), info, None, False)
    read_only = info.read_only if read_only is None else read_only
    return OpenedWorkbook(load_xlsx(data, path.name, read_only=read_only), info, data if read_only else None,
                          read_only)


def load_xlsx(data: bytes, name: str, *, read_only: bool = False, data_only: bool = False):
    """openpyxl's workbook of .xlsx bytes; its many kinds of failure become one Chinese message."""
    import openpyxl

    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=read_only, data_only=data_only,
                                      keep_vba=False, rich_text=False)
    except ExcelError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for broken files
        kind = type(exc).__name__
        chain = {type(e).__name__ for e in (exc, exc.__cause__, exc.__context__) if e is not None}
        if any("Entities" in k or "DTD" in k or "Forbidden" in k for k in chain):
            raise ExcelError(f"工作簿含有不安全的XML内容（{kind}），已拒绝读取：{name}") from exc
        raise ExcelError(f"无法读取工作簿：{name}（{kind}: {str(exc)[:200]}）") from exc

