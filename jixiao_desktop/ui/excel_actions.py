"""导入Excel… / 导出Excel…: the File menu's workbook commands, run in the background.

An import opens the form read from the workbook as a new, unsaved document (as
an example copy: 保存 asks for a name; the workbook is never overwritten), then
shows the import report. An export writes a snapshot of the form. Errors come
as message boxes with the Chinese text of :class:`ExcelError`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jixiao_desktop.forms import FormBase
from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.file_prompts import safe_file_name
from jixiao_desktop.ui.import_report_dialog import ImportReportDialog
from jixiao_desktop.ui.tasks import Task

if TYPE_CHECKING:
    from jixiao_desktop.excel import ImportResult


# openpyxl takes half a second to import: it is loaded on first use, not at start-up.
def import_workbook(path: Path):
    from jixiao_desktop.excel import import_workbook as read

    return read(path)


def export_workbook(form, path: Path):
    from jixiao_desktop.excel import export_workbook as write

    return write(form, path)

# Kept in step with jixiao_desktop.excel.opening (not imported here: openpyxl loads on first use).
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et")
REFUSED_SUFFIXES = (".doc", ".wps")   # the import says what they are and what to do
OPEN_FILTER = "Excel 工作簿 (*.xlsx *.xlsm *.xls *.et);;所有文件 (*)"


def routes_here(path: str | Path) -> bool:
    """Whether 打开 (or a file given at start) goes to the Excel import rather than the document reader."""
    return str(path).lower().endswith(WORKBOOK_SUFFIXES + REFUSED_SUFFIXES)


SAVE_FILTER = "Excel 工作簿 (*.xlsx)"


class ExcelActions(QObject):
    """``open_form(form, name)`` opens an imported form (False if the clerk kept the current one).

    The file kind is in the class attributes (:class:`~.word_actions.WordActions` is the same for Word)."""

    TITLE = "Excel"
    IMPORT_TITLE, EXPORT_TITLE = "导入Excel", "导出Excel"
    OPEN_FILTER, SAVE_FILTER = OPEN_FILTER, SAVE_FILTER
    SUFFIXES = (".xlsx", ".xlsm")   # the first is added to a name typed without one
    KEY = "excel"

    @staticmethod
    def read(path: Path):
        return import_workbook(path)

    @staticmethod
    def write(form, path: Path):
        return export_workbook(form, path)

    @staticmethod
    def error_class() -> type[Exception]:
        from jixiao_desktop.excel import ExcelError

        return ExcelError

    imported = Signal(object)  # the ImportReportDialog shown
    exported = Signal(object)  # the workbook's path

    def __init__(self, parent: QWidget, document: Callable[[], FormDocument | None],
                 open_form: Callable[[FormBase, str], bool], maybe_save: Callable[[], bool],
                 folder: Callable[[], str]):
        super().__init__(parent)
        self.parent_widget = parent
        self.document, self.open_form, self.maybe_save, self.folder = document, open_form, maybe_save, folder
        self.report_dialog: ImportReportDialog | None = None

    def import_(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, self.IMPORT_TITLE, self.folder(), self.OPEN_FILTER)
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> bool:
        """Read ``path`` in the background and open what it holds (the caller asked to save first)."""
        path = Path(path)
        Task(self.parent_widget, self.read, path, label=f"正在读取 {path.name}…", slow=True, key=self.KEY) \
            .success(lambda result: self._imported(path, result)).failure(self._failed).run_in_background()
        return True

    def export(self) -> None:
        document = self.document()
        if document is None:
            return
        if document.path is not None:
            suggested = document.path.with_suffix(self.SUFFIXES[0])
        else:
            form = document.form
            suggested = Path(self.folder()) / (safe_file_name(getattr(form, "display_name", "") or form.title)
                                               + self.SUFFIXES[0])
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.EXPORT_TITLE, str(suggested), self.SAVE_FILTER)
        if not path:
            return
        if not path.lower().endswith(self.SUFFIXES):
            path += self.SUFFIXES[0]
        path = Path(path)
        Task(self.parent_widget, self.write, document.snapshot(), path, label=f"正在导出 {path.name}…",
             slow=True, key=self.KEY).success(lambda _: self._exported(path)).failure(self._failed) \
            .run_in_background()

    def _imported(self, path: Path, result: ImportResult) -> None:
        target = self.open_form(result.form, f"导入：{path.stem}")
        if not target:
            return
        # the report goes over the window the form opened in (a window of its own when this one holds a form)
        dialog = ImportReportDialog(result.report, path.name, target if isinstance(target, QWidget) else self.parent_widget)
        dialog.finished.connect(dialog.deleteLater)
        self.report_dialog = dialog
        dialog.open()
        self.imported.emit(dialog)

    def _exported(self, path: Path) -> None:
        window = self.parent_widget.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"已导出 {path}", 8000)
        self.exported.emit(path)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, self.error_class()):
            QMessageBox.warning(self.parent_widget, self.TITLE, str(error))
        elif isinstance(error, OSError):
            QMessageBox.critical(self.parent_widget, self.TITLE, f"无法读写文件：{error.strerror or error}\n"
                                 f"{getattr(error, 'filename', '') or ''}")
        else:
            sys.excepthook(type(error), error, error.__traceback__)
