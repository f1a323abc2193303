"""The budget system's indicator sheet (预算管理一体化 绩效指标清单), Qt-free: one row per indicator.

- :func:`export_rows` (form) → the sheet's rows and the values that cannot be split, in Chinese;
  :func:`write_sheet` (rows, path) writes them as a real .xlsx;
- :func:`read_list` (path) reads such a sheet back by its header labels;
- :func:`import_into` (form, read) replaces the matching projects' 年度 indicators in a document;
  :func:`new_documents` (template, read) makes one document per project.
"""

from jixiao_desktop.indicator_list.importing import ImportReport, import_into, new_documents
from jixiao_desktop.indicator_list.read import ReadList, read_list
from jixiao_desktop.indicator_list.sheet import HEADERS, Exported, ListRow, export_rows, typed_value, write_sheet

__all__ = ["HEADERS", "Exported", "ImportReport", "ListRow", "ReadList", "export_rows", "import_into",
           "new_documents", "read_list", "typed_value", "write_sheet"]
