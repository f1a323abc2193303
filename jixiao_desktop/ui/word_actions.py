"""导入Word… / 导出Word…: the File menu's Word commands, run in the background.

The same flow as 导入Excel/导出Excel (:class:`~.excel_actions.ExcelActions`): an import opens the form
read from the .docx as a new, unsaved document and shows the import report; an export writes a
snapshot of the form in its official layout. Errors come as message boxes with the Chinese text of
:class:`~jixiao_desktop.word.WordError` (an old .doc is told to be saved as .docx first).
"""

from __future__ import annotations

from pathlib import Path

from jixiao_desktop.ui.excel_actions import ExcelActions

OPEN_FILTER = "Word 文档 (*.docx);;旧版Word文档 (*.doc);;所有文件 (*)"
SAVE_FILTER = "Word 文档 (*.docx)"


class WordActions(ExcelActions):
    TITLE = "Word"
    IMPORT_TITLE, EXPORT_TITLE = "导入Word", "导出Word"
    OPEN_FILTER, SAVE_FILTER = OPEN_FILTER, SAVE_FILTER
    SUFFIXES = (".docx",)
    KEY = "word"

    # python-docx is loaded on first use, not at start-up.
    @staticmethod
    def read(path: Path):
        from jixiao_desktop.word import import_docx

        return import_docx(path)

    @staticmethod
    def write(form, path: Path):
        from jixiao_desktop.word import export_docx

        return export_docx(form, path)

    @staticmethod
    def error_class() -> type[Exception]:
        from jixiao_desktop.word import WordError

        return WordError
