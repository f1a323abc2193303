"""The status bar's finding counts: 错误 N　警告 N　提示 N, each with its icon."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from jixiao_desktop.checks import Report, Severity

_PIXMAPS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.HINT: QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class StatusCounts(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[Severity, QLabel] = {}
        for severity, pixmap in _PIXMAPS.items():
            icon = QLabel()
            icon.setPixmap(self.style().standardIcon(pixmap).pixmap(14, 14))
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(icon)
            layout.addWidget(label)
            layout.addSpacing(8)
            self.labels[severity] = label
        self.show_report(Report())

    def show_report(self, report: Report) -> None:
        counts = report.counts()
        for severity, label in self.labels.items():
            label.setText(f"{severity.label} {counts.get(severity, 0)}")

    def text(self) -> str:
        return "　".join(label.text() for label in self.labels.values())
