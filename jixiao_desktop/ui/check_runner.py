"""Live checks: every change of the document re-runs the checks, once per burst.

``document.changed`` fires for every cell of a paste; a 0-ms single-shot timer
folds them into one run after the event loop has finished the current work, so
a paste of 100 cells is checked once. ``report_ready(report)`` carries the result.
"""

from __future__ import annotations

import logging

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from jixiao_desktop.ui.document import FormDocument

if TYPE_CHECKING:
    from jixiao_desktop.checks.findings import Report

log = logging.getLogger(__name__)


class LiveChecker(QObject):
    report_ready = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.document: FormDocument | None = None
        self.report = _empty_report()
        self.runs = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run_now)

    def set_document(self, document: FormDocument | None, *, defer: bool = False) -> None:
        """Check ``document`` now, or with ``defer`` when :meth:`schedule` is called (a window opening
        at start-up paints first; the findings follow a moment later)."""
        if self.document is not None:
            self.document.changed.disconnect(self.schedule)
        self.document = document
        if document is not None:
            document.changed.connect(self.schedule)
            if not defer:
                self.run_now()
        else:
            self.report = _empty_report()
            self.report_ready.emit(self.report)

    def schedule(self, *_args) -> None:
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def run_now(self) -> Report:
        self._timer.stop()
        if self.document is None:
            return self.report
        from jixiao_desktop.checks import run_checks   # the rules load after the first paint

        self.report = run_checks(self.document.form)
        self.runs += 1
        self.report_ready.emit(self.report)
        return self.report


def _empty_report():
    from jixiao_desktop.checks.findings import Report

    return Report()
