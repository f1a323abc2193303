"""打印预览 / 打印 / 导出PDF: the File menu's printing commands.

Every command renders a snapshot of the form in the background (``render_bytes``
or ``render_pdf``), so the clerk can keep working and a form changed meanwhile
never prints half-edited. A character the font cannot draw stops the command
with the renderer's Chinese message (which names the characters and fields);
nothing is printed or written then.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from jixiao_desktop.atomic import write_atomic
from jixiao_desktop.settings import Settings
from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.file_prompts import safe_file_name
from jixiao_desktop.ui.tasks import Task

if TYPE_CHECKING:
    from jixiao_desktop.printing import RenderResult
    from jixiao_desktop.ui.print_preview import PrintPreviewDialog

# Qt's printing and PDF modules, reportlab and the preview load on first use, not at start-up.


def render_bytes(form):
    from jixiao_desktop.printing import render_bytes as render

    return render(form)


def render_pdf(form, path):
    from jixiao_desktop.printing import render_pdf as render

    return render(form, path)

PDF_FILTER = "PDF 文件 (*.pdf);;所有文件 (*)"


class PrintingActions(QObject):
    """``document()`` gives the open document (or None); ``settings_changed`` asks the window to save settings."""

    preview_shown = Signal(object)  # the PrintPreviewDialog, once it shows
    printed = Signal(int)  # sheets sent to the printer
    exported = Signal(object)  # the PDF's path

    def __init__(self, parent: QWidget, document: Callable[[], FormDocument | None], settings: Settings,
                 settings_changed: Callable[[], None], display_name: Callable[[], str],
                 focus_location: Callable[[str], object] | None = None):
        super().__init__(parent)
        self.parent_widget = parent
        self.document, self.settings, self.settings_changed = document, settings, settings_changed
        self.display_name, self.focus_location = display_name, focus_location
        self.preview_dialog: PrintPreviewDialog | None = None

    # --- commands ------------------------------------------------------------
    def preview(self) -> None:
        self._render("正在生成打印预览…", self._show_preview)

    def print_(self) -> None:
        self._render("正在生成打印页面…", self.print_bytes)

    def export_pdf(self) -> None:
        document = self.document()
        if document is None:
            return
        path = self._ask_pdf_path()
        if path is None:
            return
        Task(self.parent_widget, render_pdf, document.snapshot(), path, label=f"正在导出 {path.name}…",
             key="pdf").success(lambda result: self._exported(path, result)).failure(self._failed).run_in_background()

    # --- steps -------------------------------------------------------------------
    def _render(self, label: str, then: Callable[[bytes, RenderResult], None]) -> None:
        document = self.document()
        if document is None:
            return
        Task(self.parent_widget, render_bytes, document.snapshot(), label=label, key="pdf") \
            .success(lambda pair: then(*pair)).failure(self._failed).run_in_background()

    def _show_preview(self, data: bytes, result: RenderResult) -> None:
        from jixiao_desktop.ui.print_preview import PrintPreviewDialog

        if self.preview_dialog is not None:
            self.preview_dialog.close()
        dialog = PrintPreviewDialog(data, result, self.display_name(), self.print_bytes, self.export_bytes,
                                    self.parent_widget)
        dialog.finished.connect(dialog.deleteLater)
        dialog.resize(self._preview_size())
        self.preview_dialog = dialog
        dialog.destroyed.connect(lambda *_: self._forget_preview(dialog))
        dialog.open()
        self.preview_shown.emit(dialog)

    def _forget_preview(self, dialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None

    def _preview_size(self):
        size = self.parent_widget.window().size()
        size.setWidth(min(size.width(), 980))
        return size

    def print_bytes(self, data: bytes, result: RenderResult) -> None:
        """The system print dialog for these pages; on 打印, print them in the background."""
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

        from jixiao_desktop.ui.pdf_print import PrintJob, is_landscape, prepare_a4
        from jixiao_desktop.ui.print_settings import apply_settings, remember_settings

        PrintOption = QAbstractPrintDialog.PrintDialogOption
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_a4(printer, landscape=is_landscape(data))
        apply_settings(printer, self.settings.printer, result.pages)
        dialog = QPrintDialog(printer, self.parent_widget)
        dialog.setWindowTitle("打印")
        dialog.setMinMax(1, result.pages)
        dialog.setOption(PrintOption.PrintPageRange, True)
        dialog.setOption(PrintOption.PrintCollateCopies, True)
        dialog.setOption(PrintOption.PrintSelection, False)
        dialog.setOption(PrintOption.PrintCurrentPage, False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        printer = dialog.printer()
        self.settings.printer = remember_settings(printer, self.settings.printer)
        self.settings_changed()
        job = PrintJob(self.parent_widget, data, printer)
        name = job.name
        job.done.connect(lambda sheets: self._printed(sheets, name))
        job.failed.connect(self._failed)
        job.start()

    def export_bytes(self, data: bytes, result: RenderResult) -> None:
        """导出PDF from the preview: the very bytes shown (``render_pdf``'s output, reproducible)."""
        path = self._ask_pdf_path()
        if path is None:
            return
        Task(self.parent_widget, write_file, path, data, label=f"正在导出 {path.name}…", key="pdf") \
            .success(lambda _: self._exported(path, result)).failure(self._failed).run_in_background()

    # --- results -----------------------------------------------------------------
    def _printed(self, sheets: int, name: str) -> None:
        _status(self.parent_widget, f"已发送 {sheets} 页到 {name}")
        self.printed.emit(sheets)

    def _exported(self, path: Path, result: RenderResult) -> None:
        draft = "（带“草稿”字样：表中还有错误）" if result.draft else ""
        _status(self.parent_widget, f"已导出 {path}，共 {result.pages} 页{draft}")
        self.exported.emit(path)

    def _failed(self, error: BaseException) -> None:
        from jixiao_desktop.printing import FontUnavailable, NotPrintable
        from jixiao_desktop.ui.pdf_print import PrintFailed

        parent = self.parent_widget
        if isinstance(error, NotPrintable):
            QMessageBox.warning(parent, "无法打印", f"{error}\n\n没有打印或导出任何内容。")
            if error.places and self.focus_location is not None:
                self.focus_location(error.places[0][0])
        elif isinstance(error, (FontUnavailable, PrintFailed)):
            QMessageBox.warning(parent, "无法打印", str(error))
        elif isinstance(error, OSError):
            QMessageBox.critical(parent, "无法保存PDF", f"无法写入文件：{error.strerror or error}\n"
                                 f"{getattr(error, 'filename', '') or ''}\n\n请换一个位置或文件名。")
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _ask_pdf_path(self) -> Path | None:
        document = self.document()
        if document is not None and document.path is not None:
            suggested = document.path.with_suffix(".pdf")
        else:
            folder = self.settings.last_folder if self.settings.last_folder and Path(
                self.settings.last_folder).is_dir() else str(Path.home())
            form = document.form if document is not None else None
            name = safe_file_name(getattr(form, "display_name", "") or (form.title if form else ""))
            suggested = Path(folder) / (name + ".pdf")
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "导出PDF", str(suggested), PDF_FILTER)
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return Path(path)


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` atomically: the file appears only once complete."""
    write_atomic(Path(path), data)


def _status(parent: QWidget, text: str) -> None:
    window = parent.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(text, 8000)
