"""Offering the recovery copies of a crashed session (恢复未保存的内容)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from jixiao_desktop.atomic import remove_stale_temps
from jixiao_desktop.settings import Settings
from jixiao_desktop.storage import DocumentError
from jixiao_desktop.ui.app_paths import AppPaths
from jixiao_desktop.ui.autosave import RecoveryFile, find_orphans
from jixiao_desktop.ui.document import FormDocument

Button = QMessageBox.StandardButton
log = logging.getLogger(__name__)


def tidy_after_crash(paths: AppPaths, settings: Settings) -> list[Path]:
    """Delete temporary files a killed save or autosave left (ours only, and only stale ones)."""
    folders = {paths.recovery_dir, paths.config_dir, paths.data_dir}
    folders |= {Path(p).parent for p in settings.recent_files}
    if settings.last_folder:
        folders.add(Path(settings.last_folder))
    removed = [path for folder in folders for path in remove_stale_temps(folder)]
    for path in removed:
        log.info("removed a stale temporary file %s", path)
    return removed


def ask(parent: QWidget, item: RecoveryFile) -> Button:
    return QMessageBox.question(
        parent,
        "恢复未保存的内容",
        f"上次程序未正常关闭，找到自动保存的内容：\n{item.describe()}\n\n是否恢复？"
        "（选“否”将删除这份自动保存的内容；选“取消”下次启动时再问）",
        Button.Yes | Button.No | Button.Cancel,
        Button.Yes,
    )


def offer_recovery(
    parent: QWidget, recovery_dir: Path, open_document: Callable[[FormDocument, str], None]
) -> bool:
    """Ask about each orphaned copy (several windows, or several programs, may have died with one
    each) and open every one accepted; True if one was opened. ``open_document`` puts each in a
    window of its own.

    The recovered document keeps its original file name but counts as modified
    (it is saved nowhere yet). Its copy is deleted once the new session holds it.
    """
    opened = False
    for item in find_orphans(recovery_dir):
        answer = ask(parent, item)
        if answer == Button.Cancel:
            continue
        if answer == Button.No:
            item.discard()
            continue
        try:
            form = item.load()
        except (DocumentError, OSError) as exc:
            QMessageBox.warning(parent, "无法恢复", f"{exc}\n\n恢复文件保留在：{item.data_path}")
            continue
        document = FormDocument(form, item.original, parent=parent)
        document.undo_stack.resetClean()
        name = item.original.name if item.original else "恢复的表格"
        open_document(document, f"{name}（已恢复）")
        item.discard()
        opened = True
    return opened
