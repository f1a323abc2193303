"""Work that waits until a window has painted once: at start-up the clerk sees the form first, and
the hidden tabs and the first check follow a moment later."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer


class _FirstPaint(QObject):
    def __init__(self, widget, callback, fallback_ms: int):
        super().__init__(widget)
        self.callback = callback
        self.done = False
        widget.installEventFilter(self)
        # Should the widget never be painted (hidden, minimised), the work is done all the same.
        QTimer.singleShot(fallback_ms, self._run)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.done:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._run)   # after the rest of this frame has painted
        return False

    def _run(self) -> None:
        if not self.done:
            self.done = True
            self.callback()


def after_first_paint(widget, callback, fallback_ms: int = 1500) -> None:
    """Call ``callback`` once, on the event loop's turn after ``widget`` first paints."""
    _FirstPaint(widget, callback, fallback_ms)
