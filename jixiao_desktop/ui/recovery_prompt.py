"""Offering the recovery copies of a crashed session (恢复未保存的内容)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from jixiao_desktop.storage import DocumentError
from jixiao_desktop.ui.autosave import RecoveryFile, find_orphans
from jixiao_desktop.ui.document import FormDocument

Button = QMessageBox.StandardButton


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
    """Ask about each orphaned copy; open the first one accepted. True if one was opened.

    The recovered document keeps its original file name but counts as modified
    (it is saved nowhere yet). Its copy is deleted once the new session holds it.
    """
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
        return True  # one window holds one form; others are offered at the next start
    return False
