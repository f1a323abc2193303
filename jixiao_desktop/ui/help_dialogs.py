"""帮助 menu: the about box and the log folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from jixiao_desktop import __version__
from jixiao_desktop.ui.app_paths import AppPaths
from jixiao_desktop.ui.file_prompts import APP_TITLE


def show_about(parent: QWidget, paths: AppPaths) -> None:
    QMessageBox.about(
        parent,
        f"关于{APP_TITLE}",
        f"<b>{APP_TITLE}</b> {__version__}<br>预算绩效目标表的离线填报、校验与打印。<br><br>"
        f"设置：{paths.settings_file}<br>日志：{paths.log_dir}<br>自动保存：{paths.recovery_dir}",
    )


def open_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
