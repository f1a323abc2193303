"""The main window (minimal: opens a document and shows its findings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QListWidget, QMainWindow, QMessageBox

from jixiao_desktop.checks import run_checks
from jixiao_desktop.forms.locations import describe
from jixiao_desktop.storage import DocumentError, load


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("绩效目标表填报")
        self.resize(1000, 700)
        self.findings = QListWidget()
        self.setCentralWidget(self.findings)
        self.form = None

    def open_path(self, path: str) -> bool:
        try:
            self.form = load(path)
        except DocumentError as exc:
            QMessageBox.warning(self, "无法打开", str(exc))
            return False
        self.setWindowTitle(f"{Path(path).name} - 绩效目标表填报")
        self.findings.clear()
        for finding in run_checks(self.form).findings:
            where = describe(self.form, finding.location)
            self.findings.addItem(f"[{finding.severity.label}] {where}：{finding.message}")
        return True
