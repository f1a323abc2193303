"""查找/替换 (Ctrl+F / Ctrl+H): a small dialog over the whole open document and its 附表/child forms.

The search is the core's (:mod:`jixiao_desktop.forms.search`): the document's texts by location. 查找下一个
jumps to the next occurrence (the editor's ``focus_location``, the text selected where the field is a text
box); 替换 replaces the occurrence found and moves on; 全部替换 replaces every occurrence as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.forms import search


class FindReplaceDialog(QDialog):
    """Non-modal: the clerk may type in the form while it is open."""

    def __init__(self, document_of: Callable[[], object], focus_location: Callable[[str], bool],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("查找和替换")
        self.setWindowFlag(Qt.WindowType.Tool, True)
        self.document_of, self.focus_location = document_of, focus_location
        self.cursor: tuple[str, int] | None = None   # where the next search starts (location, offset)
        self.shown: search.Match | None = None
        self.needle = QLineEdit()
        self.needle.setPlaceholderText("要查找的文字")
        self.replacement = QLineEdit()
        self.replacement.setPlaceholderText("替换为（可留空）")
        self.status = QLabel(" ")
        self.status.setWordWrap(True)
        self.find_button = QPushButton("查找下一个(&N)")
        self.replace_button = QPushButton("替换(&R)")
        self.replace_all_button = QPushButton("全部替换(&A)")
        close = QPushButton("关闭")
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_every)
        close.clicked.connect(self.close)
        self.needle.textChanged.connect(self._restart)
        grid = QGridLayout()
        self.replace_label = QLabel("替换为：")
        grid.addWidget(QLabel("查找内容："), 0, 0)
        grid.addWidget(self.needle, 0, 1)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replacement, 1, 1)
        buttons = QHBoxLayout()
        for button in (self.find_button, self.replace_button, self.replace_all_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(460, self.sizeHint().height())

    # --- opening ---------------------------------------------------------------------
    def open_for(self, replace: bool) -> None:
        """Show the dialog (查找 or 替换), the selected text of a text box as what to look for."""
        focused = QApplication.focusWidget()
        picked = ""
        if isinstance(focused, QLineEdit) and focused.window() is not self:
            picked = focused.selectedText()
        elif isinstance(focused, QPlainTextEdit):
            picked = focused.textCursor().selectedText()
        if picked and "\u2029" not in picked:
            self.needle.setText(picked)
        self.replace_label.setVisible(replace)
        self.replacement.setVisible(replace)
        self.replace_button.setVisible(replace)
        self.replace_all_button.setVisible(replace)
        self.setWindowTitle("替换" if replace else "查找")
        self.show()
        self.raise_()
        self.activateWindow()
        (self.replacement if replace and self.needle.text() else self.needle).setFocus()
        self.needle.selectAll()

    def _restart(self) -> None:
        self.cursor, self.shown = None, None
        self.status.setText(" ")

    # --- finding ---------------------------------------------------------------------
    def matches(self) -> list[search.Match]:
        document = self.document_of()
        return search.find_all(document.form, self.needle.text()) if document is not None else []

    def find_next(self) -> search.Match | None:
        """Show the next occurrence after the one shown last (round to the first after the last)."""
        needle = self.needle.text()
        if not needle:
            self.status.setText("请输入要查找的文字")
            return None
        found = self.matches()
        if not found:
            self.shown = None
            self.status.setText(f"找不到“{needle}”")
            return None
        document = self.document_of()
        order = {location: i for i, (location, _) in enumerate(search.texts(document.form))}

        def place(location: str, start: int) -> tuple[int, int]:
            return order.get(location, -1), start

        match = found[0]
        if self.cursor is not None:
            match = next((m for m in found if place(m.location, m.start) >= place(*self.cursor)), found[0])
        self.cursor, self.shown = (match.location, match.start + 1), match
        number = found.index(match) + 1
        self.status.setText(f"第{number}处，共{len(found)}处：{search.where(document.form, match)}")
        if self.focus_location(match.location):
            _select(QApplication.focusWidget(), match)
        return match

    # --- replacing -------------------------------------------------------------------
    def replace_one(self) -> None:
        """Replace the occurrence shown (finding it first when none is), then show the next one."""
        document = self.document_of()
        needle = self.needle.text()
        if document is None or not needle:
            return
        match = self.shown
        if match is None or (match.location, match.start) not in {(m.location, m.start) for m in self.matches()}:
            self.find_next()
            return
        replacement = self.replacement.text()
        text = document.value(match.location)
        document.set_value(match.location, search.replaced(text, needle, replacement, match.start), merge=False)
        self.cursor, self.shown = (match.location, match.start + len(replacement)), None
        if self.matches():
            self.find_next()
        else:
            self.status.setText(f"已替换；再没有“{needle}”了")

    def replace_every(self) -> int:
        """Replace every occurrence in the document as one undo step; returns how many were replaced."""
        document = self.document_of()
        needle = self.needle.text()
        if document is None or not needle:
            return 0
        count = len(self.matches())
        changes = search.replace_all(document.form, needle, self.replacement.text())
        if changes:
            document.begin_macro(f"全部替换“{needle}”")
            try:
                for location, text in changes:
                    document.set_value(location, text, merge=False)
            finally:
                document.end_macro()
        self._restart()
        self.status.setText(f"已替换{count}处" if count else f"找不到“{needle}”")
        return count


def _select(widget, match: search.Match) -> None:
    """Select the found text in the field that got the focus (a grid cell shows it selected already)."""
    if isinstance(widget, QLineEdit) and widget.text() == match.text:
        widget.setSelection(match.start, match.length)
    elif isinstance(widget, QPlainTextEdit) and widget.toPlainText() == match.text:
        cursor = widget.textCursor()
        cursor.setPosition(match.start)
        cursor.setPosition(match.start + match.length, cursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)


class FindReplace:
    """The 编辑 menu's 查找/替换: one dialog per window, over whatever document is open."""

    def __init__(self, window):
        self.window = window
        self.dialog: FindReplaceDialog | None = None

    def _dialog(self) -> FindReplaceDialog:
        if self.dialog is None:
            self.dialog = FindReplaceDialog(lambda: self.window.document, self.window.focus_location, self.window)
        return self.dialog

    def find(self) -> FindReplaceDialog:
        dialog = self._dialog()
        dialog.open_for(replace=False)
        return dialog

    def replace(self) -> FindReplaceDialog:
        dialog = self._dialog()
        dialog.open_for(replace=True)
        return dialog
