"""The one error the Excel code raises: a Chinese message a clerk can act on."""

from __future__ import annotations

from contextlib import contextmanager


class ExcelError(Exception):
    """A workbook could not be read or written; ``str(exc)`` is the Chinese message."""


@contextmanager
def reading_sheet(title: str):
    """Turn damage found while reading a sheet into an :class:`ExcelError` naming the sheet.

    openpyxl reads a sheet's XML only when its cells are walked, so a bad cell
    reference, style index or truncated part surfaces there, in many kinds of
    exception (ValueError, IndexError, KeyError, ParseError…).
    """
    try:
        yield
    except ExcelError:
        raise
    except Exception as exc:
        raise ExcelError(f"工作表“{title}”已损坏，无法读取（{type(exc).__name__}：{str(exc)[:120]}）。"
                         "请在Excel或WPS中打开后另存为.xlsx再导入。") from exc
