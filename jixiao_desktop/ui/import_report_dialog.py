"""导入报告: what an Excel import read where, what it did not recognise, what it guessed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from jixiao_desktop.excel import ImportReport


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, source_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"导入报告 - {source_name}")
        self.resize(760, 560)
        self.report = report
        advice = ("全部内容均已识别。" if report.clean
                  else "请对照下面的“未识别”“推断”“提醒”各项核对表格，必要时补填。")
        self.summary = QLabel(f"<b>{report.summary()}</b><br>{advice}")
        self.summary.setWordWrap(True)
        self.text = QPlainTextEdit(report.text())
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.text.setFont(fixed)

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton("复制(&C)")
        self.copy_button.setToolTip("把整份报告复制到剪贴板")
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText("关闭")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report.text())
