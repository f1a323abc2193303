"""Print a PDF on a QPrinter at 100 % (实际大小): QtPdf renders each page, QPainter prints it.

The pages are A4 and the printer is set to A4 with the full paper as its
coordinate system, so a page lands exactly where the PDF puts it: no fit-to-page
scaling, no shifted margins. Each page is rendered at the printer's resolution,
capped at :data:`RASTER_DPI_CAP` (a 1200-dpi A4 bitmap would take half a
gigabyte; 300 dpi is sharper than the forms' 9-point text needs).

Runs in a background worker (QPainter may paint on a QPrinter outside the GUI
thread; the QPdfDocument here is created and used in that thread only).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

RASTER_DPI_CAP = 300


class PrintFailed(Exception):
    """Printing could not start or finish; ``str()`` is a Chinese message."""


def prepare_a4(printer: QPrinter) -> None:
    """A4 portrait, the paper's corner as origin (the PDF carries its own margins)."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def page_numbers(printer: QPrinter, page_count: int) -> list[int]:
    """0-based pages the print dialog asked for (all when no range was chosen)."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0:
        return list(range(page_count))
    last = min(last if last > 0 else page_count, page_count)
    return list(range(first - 1, last))


def print_pdf(data: bytes, printer: QPrinter, progress: Callable[[int, int], None] | None = None) -> int:
    """Print the PDF ``data`` on ``printer``; returns the number of sheets sent (pages × copies)."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrintFailed("打印内容无法读取（PDF 生成有误），没有打印任何页面。")
    pages = page_numbers(printer, document.pageCount())
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    prepare_a4(printer)
    painter = QPainter()
    if not painter.begin(printer):
        name = printer.printerName() or printer.outputFileName()
        raise PrintFailed(f"无法连接打印机“{name}”，没有打印任何页面。请检查打印机是否开机、联网，或换一台打印机。")
    sent = 0
    try:
        dpi = min(printer.resolution(), RASTER_DPI_CAP)
        device_per_point = printer.resolution() / 72.0
        total = len(pages) * copies
        for _copy in range(copies):
            for number in pages:
                if sent:
                    printer.newPage()
                points = document.pagePointSize(number)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = document.render(number, size)
                target = QRectF(0, 0, points.width() * device_per_point, points.height() * device_per_point)
                painter.drawImage(target, image)
                sent += 1
                if progress is not None:
                    progress(sent, total)
    finally:
        painter.end()
    return sent
