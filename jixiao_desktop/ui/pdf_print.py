"""Print a PDF on a QPrinter at 100 % (实际大小): QtPdf renders each page, QPainter prints it.

The pages are A4 and the printer is set to A4 with the full paper as its
coordinate system, so a page lands exactly where the PDF puts it: no fit-to-page
scaling, no shifted margins. Each page is rendered at the printer's resolution,
capped at :data:`RASTER_DPI_CAP` (a 1200-dpi A4 bitmap would take half a
gigabyte; 300 dpi is sharper than the forms' 9-point text needs).

:class:`PrintJob` renders one page at a time in the background (through the
task helper, a QPdfDocument of the worker's own) and paints it on the printer
in the GUI thread, which owns the printer: printer drivers are not asked to
work from another thread, only one page bitmap is held at a time, and the
window stays responsive between pages.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from jixiao_desktop.ui.tasks import Task, is_running

RASTER_DPI_CAP = 300


class PrintFailed(Exception):
    """Printing could not start or finish; ``str()`` is a Chinese message."""


def prepare_a4(printer: QPrinter, landscape: bool = False) -> None:
    """A4 upright or lying as the form's pages are, the paper's corner as origin (the PDF carries its
    own margins)."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def is_landscape(data: bytes) -> bool:
    """Whether the form's pages lie (a landscape template's form)."""
    size = open_pdf(data).pagePointSize(0)
    return size.width() > size.height()


def page_numbers(printer: QPrinter, page_count: int) -> list[int]:
    """0-based pages the print dialog asked for (all when no range was chosen)."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0:
        return list(range(page_count))
    last = min(last if last > 0 else page_count, page_count)
    return list(range(first - 1, last))


def open_pdf(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrintFailed("打印内容无法读取（PDF 生成有误），没有打印任何页面。")
    return document


def render_page(data: bytes, number: int, dpi: int) -> tuple[QImage, float, float]:
    """Page ``number`` as a bitmap at ``dpi``, with its size in points (runs in a worker)."""
    document = open_pdf(data)
    points = document.pagePointSize(number)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    image = document.render(number, size)
    if image.isNull():
        raise PrintFailed(f"第 {number + 1} 页无法生成（内存不足？），打印已停止。")
    return image, points.width(), points.height()


class PrintJob(QObject):
    """Print ``data`` on ``printer`` (set up by the print dialog); ``done(sheets)`` or ``failed(error)``."""

    done = Signal(int)
    failed = Signal(object)

    def __init__(self, parent: QWidget, data: bytes, printer: QPrinter):
        super().__init__(parent)
        self.parent_widget, self.data, self.printer = parent, data, printer
        self.painter = QPainter()
        self.queue: list[int] = []
        self.sent = 0
        self.progress: QProgressDialog | None = None

    @property
    def name(self) -> str:
        return self.printer.printerName() or self.printer.outputFileName() or "打印机"

    def start(self) -> None:
        if is_running(self.parent_widget, "print"):
            self._finish(PrintFailed("上一份打印尚未完成，请稍候再打印。"))
            return
        try:
            pdf = open_pdf(self.data, self)
            pages = page_numbers(self.printer, pdf.pageCount())
            first = pdf.pagePointSize(0)
        except PrintFailed as exc:
            self._finish(exc)
            return
        copies = 1 if self.printer.supportsMultipleCopies() else max(1, self.printer.copyCount())
        self.queue = pages * copies
        prepare_a4(self.printer, landscape=first.width() > first.height())
        if not self.painter.begin(self.printer):
            self._finish(PrintFailed(f"无法连接打印机“{self.name}”，没有打印任何页面。"
                                     "请检查打印机是否开机、联网，或换一台打印机。"))
            return
        self.progress = QProgressDialog(f"正在打印到 {self.name}…", "", 0, len(self.queue), self.parent_widget)
        self.progress.setWindowTitle("打印")
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.progress.setMinimumDuration(500)
        self.progress.setValue(0)
        self._next()

    def _next(self) -> None:
        if not self.queue:
            self._finish(None)
            return
        number = self.queue.pop(0)
        dpi = min(self.printer.resolution(), RASTER_DPI_CAP)
        total = self.sent + len(self.queue) + 1
        started = Task(self.parent_widget, render_page, self.data, number, dpi, key="print",
                       label=f"正在打印到 {self.name}：第 {self.sent + 1}/{total} 页…") \
            .success(self._paint).failure(self._finish).run_in_background()
        if not started:
            self._finish(PrintFailed("另一份打印正在进行，本次打印已停止。"))

    def _paint(self, page: tuple[QImage, float, float]) -> None:
        image, width, height = page
        if self.sent:
            self.printer.newPage()
        per_point = self.printer.resolution() / 72.0
        self.painter.drawImage(QRectF(0, 0, width * per_point, height * per_point), image)
        self.sent += 1
        if self.progress is not None:
            self.progress.setValue(self.sent)
        self._next()

    def _finish(self, error: BaseException | None) -> None:
        if self.painter.isActive():
            if error is not None:
                self.printer.abort()
            self.painter.end()
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        if error is None:
            self.done.emit(self.sent)
        else:
            self.failed.emit(error)
        self.deleteLater()
