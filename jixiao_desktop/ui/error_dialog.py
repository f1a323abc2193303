"""Unexpected errors reach the user: ``sys.excepthook`` logs them and shows a dialog.

The dialog says what happened in plain Chinese, where the log is, and offers
the details to copy for whoever helps the clerk. The program keeps running
(autosave still holds the work); the clerk is advised to save under a new name.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("程序出错")
        self.setMinimumWidth(560)
        self.log_path = log_path
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40))
        top.addWidget(icon)
        where = f"日志文件：{log_path}" if log_path else "（日志文件无法写入）"
        self.message = QLabel(
            "程序遇到了一个意外错误，当前操作未能完成。<br>"
            "已填写的内容仍在窗口中，并会自动保存到恢复文件；建议立即用“另存为”保存一份。<br><br>"
            f"<b>错误：</b>{_escape(summary)}<br>{_escape(where)}"
        )
        self.message.setWordWrap(True)
        top.addWidget(self.message, 1)
        layout.addLayout(top)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox()
        toggle = QPushButton("显示详细信息")
        toggle.setCheckable(True)
        toggle.toggled.connect(self.details.setVisible)
        copy = QPushButton("复制错误信息")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(f"{summary}\n{where}\n\n{details}"))
        folder = QPushButton("打开日志文件夹")
        folder.setEnabled(log_path is not None)
        folder.clicked.connect(self.open_log_folder)
        close = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.AcceptRole)
        close.clicked.connect(self.accept)
        for button in (toggle, copy, folder):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)

    def open_log_folder(self) -> None:
        if self.log_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ExceptionHook:
    """Callable for ``sys.excepthook``: log, then show :class:`ErrorDialog` (once at a time)."""

    def __init__(self, log_path: Path | None):
        self.log_path = log_path
        self.showing = False
        self.previous = sys.excepthook

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        log.critical("unhandled exception", exc_info=(exc_type, exc, tb))
        if self.showing or QApplication.instance() is None:
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        summary = f"{exc_type.__name__}: {exc}"
        self.showing = True
        try:
            ErrorDialog(summary, details, self.log_path, QApplication.activeWindow()).exec()
        finally:
            self.showing = False


def install_excepthook(log_path: Path | None) -> ExceptionHook:
    hook = ExceptionHook(log_path)
    sys.excepthook = hook
    return hook
