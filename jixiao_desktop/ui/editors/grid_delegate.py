"""The cell editors of the grids (a QStyledItemDelegate).

Line editors; combo boxes (free text allowed) where the model offers choices;
multi-line editors for long texts. Cells commit as they are typed in
(``Column.live``); the text before editing is kept on the editor for Esc.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
)

from jixiao_desktop.ui.editors.table_models import CHOICES_ROLE

ORIGINAL = "cellTextBeforeEditing"  # editor property: the text to restore on Esc
UNDO_MARK = "undoIndexBeforeEditing"  # editor property: the undo index Esc goes back to


class GridDelegate(QStyledItemDelegate):
    """Line editors; combo boxes (free text allowed) where the model offers choices;
    multi-line editors for long texts (Enter commits, Alt+Enter or Shift+Enter
    starts a new line). Cells commit as they are typed in (``Column.live``)."""

    def createEditor(self, parent, option, index):
        choices = index.data(CHOICES_ROLE)
        spec = index.model().columns[index.column()]
        if choices is not None:
            editor = QComboBox(parent)
            editor.setEditable(True)
            editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            editor.addItems(choices)
            editor.setCurrentIndex(-1)  # setEditorData fills in the cell's text, selected
            if spec.live:
                editor.lineEdit().textEdited.connect(lambda _text, e=editor: self.commitData.emit(e))
                editor.activated.connect(lambda _i, e=editor: self.commitData.emit(e))
        elif spec.multiline:
            editor = QPlainTextEdit(parent)
            editor.setTabChangesFocus(True)
            if spec.live:
                editor.textChanged.connect(lambda e=editor: self._live_commit(e))
        else:
            editor = QLineEdit(parent)
            editor.setFrame(False)
            if spec.live:
                editor.textEdited.connect(lambda _text, e=editor: self.commitData.emit(e))
        editor.setProperty(ORIGINAL, index.data(Qt.ItemDataRole.EditRole) or "")
        document = getattr(index.model(), "document", None)
        if document is not None:   # one undo step per edit; Esc goes back to here
            editor.setProperty(UNDO_MARK, document.begin_edit())
        return editor

    def _live_commit(self, editor) -> None:
        if editor.property("settingData"):
            return
        self.commitData.emit(editor)

    def eventFilter(self, editor, event):
        if (isinstance(editor, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            if event.modifiers() & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier):
                editor.insertPlainText("\n")
            else:
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(editor, event)

    def setEditorData(self, editor, index):
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            if editor.currentText() != text:
                editor.setCurrentText(text)
                editor.lineEdit().selectAll()  # typing replaces the cell, as in a spreadsheet
        elif isinstance(editor, QPlainTextEdit):
            if editor.toPlainText() != text:
                editor.setProperty("settingData", True)
                try:
                    editor.setPlainText(text)
                finally:
                    editor.setProperty("settingData", False)
                editor.selectAll()
        elif editor.text() != text:
            editor.setText(text)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            text = editor.currentText()
        elif isinstance(editor, QPlainTextEdit):
            text = editor.toPlainText()
        else:
            text = editor.text()
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index):
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):
            rect.setHeight(max(rect.height(), 84))
        editor.setGeometry(rect)
