"""Word in and out (Qt-free, python-docx): the forms as the Word files many bureaus keep.

- :func:`export_docx` (form, path) writes the form in its official layout — the same content and
  order as its PDF (the printed story written by :mod:`.layout`): 申报书 sections, tables with their
  merged cells, the sign-off with the places to sign and to stamp; A4, the template's orientation.
- :func:`import_docx` (path, template=None) → :class:`~jixiao_desktop.excel.ImportResult` (form,
  report): the 申报书 by its headings, the tables by their labels (the Excel import's readers).
- Both raise :class:`WordError` with a Chinese message (an old .doc: save it as .docx first).
"""

from jixiao_desktop.word.errors import WordError
from jixiao_desktop.word.export import build_docx, export_docx
from jixiao_desktop.word.reader import import_docx, read_docx_bytes

__all__ = ["WordError", "build_docx", "export_docx", "import_docx", "read_docx_bytes"]
