"""Copy, cut and paste of a grid's cells with Excel/WPS (TSV), mixed into :class:`~.grid_view.GridView`.

Ctrl+C copies the selected block as TSV; Ctrl+X copies it and clears it as one undo step; Ctrl+V pastes a block at
the current cell (rows added as needed; one value pasted over a selection fills it) as one undo step; an empty grid
takes a block from its first cell.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from jixiao_desktop.ui.editors.tsv import format_tsv, parse_tsv


class ClipboardCommands:
    """Needs the view's ``model()``, selection, ``commit_open_editor()`` and ``move_to()``."""

    def _selected_block(self) -> tuple[int, int, int, int] | None:
        indexes = self.selectedIndexes() or ([self.currentIndex()] if self.currentIndex().isValid() else [])
        if not indexes:
            return None
        rows = [i.row() for i in indexes]
        columns = [i.column() for i in indexes]
        return min(rows), min(columns), max(rows), max(columns)

    def copy_selection(self) -> str:
        block = self._selected_block()
        if block is None:
            return ""
        top, left, bottom, right = block
        model = self.model()
        rows = [
            [model.index(r, c).data(Qt.ItemDataRole.EditRole) or "" for c in range(left, right + 1)]
            for r in range(top, bottom + 1)
        ]
        text = format_tsv(rows)
        QApplication.clipboard().setText(text)
        return text

    def cut_selection(self) -> str:
        """Ctrl+X: copy the selected cells, then clear them (one undo step, as 清除内容)."""
        self.commit_open_editor()
        text = self.copy_selection()
        self.clear_selection()
        return text

    def paste_clipboard(self) -> None:
        self.paste_text(QApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        block = parse_tsv(text)
        current = self.currentIndex()
        model = self.model()
        if block and not current.isValid() and model.can_edit_rows and model.rowCount() == 0:
            model.paste(0, 0, block)   # an empty grid takes the block from its first cell
            self.move_to(0, 0)
            return
        if not block or not current.isValid():
            return
        self.commit_open_editor()
        selected = self.selectedIndexes()
        if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:
            top, left, bottom, right = self._selected_block()
            fill = [[block[0][0]] * (right - left + 1) for _ in range(bottom - top + 1)]
            model.paste(top, left, fill)
            return
        row = current.row()
        if getattr(model, "is_footer", lambda r: False)(row) and model.can_edit_rows:
            row = model.item_count()
        model.paste(row, current.column(), block)
        bottom = min(row + len(block), model.rowCount()) - 1
        right = min(current.column() + max(len(r) for r in block), model.columnCount()) - 1
        self.move_to(row, current.column())
        selection = self.selectionModel()
        selection.select(
            _rect_selection(model, row, current.column(), bottom, right),
            QItemSelectionModel.SelectionFlag.ClearAndSelect,
        )

    def clear_selection(self) -> None:
        indexes = self.selectedIndexes() or [self.currentIndex()]
        self.model().clear([i for i in indexes if i.isValid()])


def _rect_selection(model, top: int, left: int, bottom: int, right: int) -> QItemSelection:
    return QItemSelection(model.index(top, left), model.index(max(top, bottom), max(left, right)))
