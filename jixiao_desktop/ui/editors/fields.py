"""Widgets bound to one field location of a :class:`FormDocument`.

Typing calls ``document.set_value(location, text)`` (consecutive typing in one
field merges into one undo step, until Enter or leaving the field); ``document.changed`` refreshes the widget
without moving the cursor when its text is already equal. A findings mark
tints the widget by severity (property ``severity``) and sets its tooltip.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from jixiao_desktop.forms import locations
from jixiao_desktop.ui.editors.table_models import findings_tooltip, mark_key, touches


class BoundField:
    """What every bound widget has: a location, refresh, findings mark."""

    document = None
    location = ""
    base_tooltip = ""

    def bind(self, document, location: str, tooltip: str = "") -> None:
        self.document = document
        self.location = location
        self.base_tooltip = tooltip
        self._updating = False
        document.changed.connect(self._on_changed)
        self.refresh()

    def set_location(self, location: str) -> None:
        self.location = location
        self.refresh()

    def stored(self):
        try:
            return locations.resolve(self.document.form, self.location), True
        except (LookupError, ValueError):
            return None, False

    def _on_changed(self, changed: str) -> None:
        if touches(changed, self.location):
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def mark(self, findings: list) -> None:
        marked = tuple(findings)
        if getattr(self, "_marked", None) == marked:
            return  # unchanged: no restyle, no tooltip
        self._marked = marked
        widget: QWidget = self  # type: ignore[assignment]
        severity = mark_key(findings)
        if widget.property("severity") != severity:
            widget.setProperty("severity", severity)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        tip = findings_tooltip(findings)
        widget.setToolTip("\n".join(t for t in (tip, self.base_tooltip) if t))


class BoundLineEdit(QLineEdit, BoundField):
    def __init__(self, document, location: str, parent=None, placeholder: str = "", tooltip: str = ""):
        super().__init__(parent)
        if placeholder:
            self.setPlaceholderText(placeholder)
        self.textEdited.connect(self._push)
        self.editingFinished.connect(lambda: self.document.end_typing())  # Enter / leaving: one undo step
        self.bind(document, location, tooltip)

    def _push(self, text: str) -> None:
        if not self._updating:
            self.document.set_value(self.location, text)

    def refresh(self) -> None:
        value, exists = self.stored()
        self.setEnabled(exists)
        text = "" if value is None else str(value)
        if self.text() != text:
            self._updating = True
            try:
                self.setText(text)
                self.setCursorPosition(0)
            finally:
                self._updating = False


class BoundTextEdit(QPlainTextEdit, BoundField):
    """Multi-line text (目标, 概况, 说明): Tab leaves the field."""

    def __init__(self, document, location: str, parent=None, lines: int = 3, placeholder: str = "", tooltip: str = ""):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        if placeholder:
            self.setPlaceholderText(placeholder)
        self.lines = lines
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._push)
        self.textChanged.connect(self._fit_height)
        self._updating = True
        self.bind(document, location, tooltip)

    def _push(self) -> None:
        if not self._updating:
            self.document.set_value(self.location, self.toPlainText())

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.document.end_typing()  # what was typed is one undo step; typing here again is another
        super().focusOutEvent(event)

    def _fit_height(self) -> None:
        """As tall as the text (at least ``lines`` lines, at most 14), like a growing paper cell."""
        metrics = self.fontMetrics()
        width = max(self.viewport().width() - 8, 100)
        needed = metrics.boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, self.toPlainText() or " ")
        lines = min(max(self.lines, round(needed.height() / metrics.lineSpacing())), 14)
        height = int(lines * metrics.lineSpacing() + 16)
        if self.height() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_height()

    def refresh(self) -> None:
        value, exists = self.stored()
        self.setEnabled(exists)
        text = "" if value is None else str(value)
        if self.toPlainText() != text:
            self._updating = True
            try:
                self.setPlainText(text)
            finally:
                self._updating = False
        self._updating = False
        self._fit_height()


class BoundEnumCombo(QComboBox, BoundField):
    """A choice among an Enum's members (金额单位, 指标体系), shown by label."""

    def __init__(self, document, location: str, enum_type: type[Enum], labels: dict | None = None, parent=None):
        super().__init__(parent)
        self.enum_type = enum_type
        for member in enum_type:
            text = (labels or {}).get(member) or getattr(member, "label", None) or member.value
            self.addItem(text, member)
        self.currentIndexChanged.connect(self._push)
        self._updating = True
        self.bind(document, location)

    def _push(self, index: int) -> None:
        if not self._updating and index >= 0:
            self.document.set_value(self.location, self.itemData(index), merge=False)

    def refresh(self) -> None:
        value, _ = self.stored()
        index = self.findData(value)
        self._updating = True
        try:
            if index >= 0 and index != self.currentIndex():
                self.setCurrentIndex(index)
        finally:
            self._updating = False


FIELD_STYLE = """
QLabel#cellHead { background: #eef2f7; border: 1px solid #b9c3cf; padding: 4px 8px; color: #1f2d3d; }
QLabel#sheetTitle { font-size: 17px; font-weight: bold; padding: 6px 0 2px 0; }
QLabel#sheetNote { color: #5b6775; padding: 2px 0 6px 0; }
QLabel#sectionHead { background: #dfe6ee; border: 1px solid #b9c3cf; padding: 4px 8px; font-weight: bold; }
QLabel#autoSum { color: #42526e; padding: 2px 6px; }
QLineEdit, QPlainTextEdit { border: 1px solid #b9c3cf; border-radius: 0; background: white; padding: 3px; }
QLineEdit:focus, QPlainTextEdit:focus { border: 1px solid #2f6fd6; }
QLineEdit:disabled, QPlainTextEdit:disabled { background: #f1f3f6; }
*[severity="error"] { background: #f9d2d2; }
*[severity="warning"] { background: #fbe8bd; }
*[severity="hint"] { background: #dbe8f8; }
*[severity="explained"] { background: #e2f0e0; }
QTableView { gridline-color: #b9c3cf; background: white; selection-background-color: #cfe0fb; selection-color: black; }
QHeaderView::section { background: #eef2f7; border: 0; border-right: 1px solid #b9c3cf;
                       border-bottom: 1px solid #b9c3cf; padding: 3px 4px; }
"""


def is_text_widget(widget) -> bool:
    return isinstance(widget, (QLineEdit, QPlainTextEdit, QComboBox))


ALIGN_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
