"""The file dialogs and questions of the document lifecycle (打开/另存为/是否保存)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jixiao_desktop.storage import EXTENSION

APP_TITLE = "绩效目标表填报"
FILE_FILTER = f"绩效目标表文件 (*{EXTENSION});;所有文件 (*)"
# 打开 also takes a workbook (.xlsx/.xls/.et) or a Word form (.docx): the window routes them to their import.
OPEN_FILTER = (f"绩效目标表文件、Excel工作簿或Word文档 (*{EXTENSION} *.xlsx *.xlsm *.xls *.et *.docx);;"
               f"绩效目标表文件 (*{EXTENSION});;Excel 工作簿 (*.xlsx *.xlsm *.xls *.et);;Word 文档 (*.docx);;所有文件 (*)")
Button = QMessageBox.StandardButton


def ask_open_path(parent: QWidget, folder: str, workbooks: bool = True) -> str | None:
    """A file to open: a document, or (``workbooks``) an Excel workbook to import."""
    path, _ = QFileDialog.getOpenFileName(parent, "打开", folder, OPEN_FILTER if workbooks else FILE_FILTER)
    return path or None


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    """The file to save as, with the extension added when the clerk left it out."""
    path, _ = QFileDialog.getSaveFileName(parent, "另存为", str(suggested), FILE_FILTER)
    if not path:
        return None
    if not path.lower().endswith(EXTENSION):
        path += EXTENSION
    return Path(path)


def ask_save_changes(parent: QWidget, name: str) -> Button:
    """Save, Discard or Cancel for a modified document."""
    return QMessageBox.question(
        parent,
        APP_TITLE,
        f"“{name}”已修改，是否保存？",
        Button.Save | Button.Discard | Button.Cancel,
        Button.Save,
    )


def safe_file_name(name: str, fallback: str = "绩效目标表") -> str:
    return "".join(ch for ch in name if ch not in '\\/:*?"<>|').strip() or fallback
