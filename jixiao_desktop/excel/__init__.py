"""Excel in and out (Qt-free, openpyxl): read bureaus' workbooks, write the official layout.

- :func:`import_workbook` (path, template=None) → :class:`ImportResult` (form, report); a workbook of
  any template (表样) is read by its labels (``template_*.py``); the report's
  ``text()`` tells in Chinese what was read where, what was not recognised, what was guessed.
- :func:`export_workbook` (form, path) writes the form as the paper shows it, one sheet per 附表,
  totals as formulas, plus a very hidden 填报程序数据 sheet for what the paper has no place for; a
  document of any template in its template's layout, one sheet per child form.
- Both raise :class:`ExcelError` with a Chinese message.
"""

from jixiao_desktop.excel.errors import ExcelError
from jixiao_desktop.excel.reader import ImportResult, import_workbook
from jixiao_desktop.excel.report import ImportReport
from jixiao_desktop.excel.writer import build_workbook, export_workbook

__all__ = ["ExcelError", "ImportReport", "ImportResult", "build_workbook", "export_workbook", "import_workbook"]
