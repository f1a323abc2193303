"""Carry the print dialog's choices (printer, copies, duplex, range) to and from the settings."""

from __future__ import annotations

from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from jixiao_desktop.settings import PrinterSettings

_DUPLEX = {
    "none": QPrinter.DuplexMode.DuplexNone,
    "long": QPrinter.DuplexMode.DuplexLongSide,
    "short": QPrinter.DuplexMode.DuplexShortSide,
    "auto": QPrinter.DuplexMode.DuplexAuto,
}


def apply_settings(printer: QPrinter, saved: PrinterSettings, page_count: int) -> None:
    """Set ``printer`` up as the clerk left it last time (a printer that is gone is skipped)."""
    if saved.printer_name and saved.printer_name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(saved.printer_name)
    printer.setCopyCount(saved.copies)
    printer.setCollateCopies(saved.collate)
    printer.setDuplex(_DUPLEX.get(saved.duplex, QPrinter.DuplexMode.DuplexNone))
    printer.setColorMode(QPrinter.ColorMode.GrayScale if saved.grayscale else QPrinter.ColorMode.Color)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFromTo(0, 0)
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    if saved.page_range == "last" and 1 <= saved.from_page <= saved.to_page <= page_count:
        printer.setFromTo(saved.from_page, saved.to_page)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)


def remember_settings(printer: QPrinter, saved: PrinterSettings) -> PrinterSettings:
    """The settings with the dialog's choices (printer, copies, duplex, colour, last range)."""
    duplex = next((key for key, mode in _DUPLEX.items() if mode == printer.duplex()), "none")
    ranged = printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0
    return saved.model_copy(
        update={
            "printer_name": printer.printerName() if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
            else saved.printer_name,
            "copies": max(1, min(999, printer.copyCount())),
            "collate": printer.collateCopies(),
            "duplex": duplex,
            "grayscale": printer.colorMode() == QPrinter.ColorMode.GrayScale,
            "from_page": printer.fromPage() if ranged else 0,
            "to_page": printer.toPage() if ranged else 0,
        }
    )
