"""Grids showing one list of the form: one row per item, an optional 合计 footer row."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from jixiao_desktop.forms import locations
from jixiao_desktop.ui.editors.table_models import (
    FOOTER_COLOR,
    MISMATCH_COLOR,
    DocumentTableModel,
    amount_text,
    touches,
)


class RowListModel(DocumentTableModel):
    """One row per item of the list at ``list_path``; optional 合计 footer row."""

    can_edit_rows = True
    footer_label = "合计"
    # column key → location (relative to the form) of the footer's stored value
    footer_keys: dict[str, str] = {}

    def __init__(self, document, list_path: str, parent=None):
        super().__init__(document, parent)
        self.list_path = list_path
        self._items: list = []
        self.refresh_rows()

    # --- the list ------------------------------------------------------------
    def refresh_rows(self) -> None:
        """Keep a direct reference to the form's list (re-read when rows change)."""
        try:
            self._items = locations.list_at(self.document.form, self.list_path)
        except (LookupError, ValueError):
            self._items = []

    def items(self) -> list:
        return self._items

    def item_count(self) -> int:
        return len(self._items)

    def row_object(self, row: int):
        return self._items[row] if 0 <= row < len(self._items) else None

    def new_item(self, row: int):
        raise NotImplementedError

    def set_list_path(self, list_path: str) -> None:
        self.list_path = list_path
        self.reset()

    @property
    def has_footer(self) -> bool:
        return bool(self.footer_keys)

    def is_footer(self, row: int) -> bool:
        return row == len(self._items) and bool(self.footer_keys)

    def footer_path(self) -> str:
        """Prefix of the footer locations (the list's parent), '' for the form."""
        return self.list_path.rpartition(".")[0]

    # --- model ---------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return len(self._items) + (1 if self.footer_keys else 0)

    def row_path(self, row: int) -> str | None:
        if 0 <= row < len(self._items):
            return f"{self.list_path}[{row}]"
        return None

    def is_editable(self, row: int, column: int) -> bool:
        spec = self.columns[column]
        if not (spec.editable and spec.key):
            return False
        return row < len(self._items) or (self.is_footer(row) and spec.key in self.footer_keys)

    def location(self, row: int, column: int) -> str | None:
        if self.is_footer(row):
            field = self.footer_keys.get(self.columns[column].key)
            if field is None:
                return None
            prefix = self.footer_path()
            return f"{prefix}.{field}" if prefix else field
        return super().location(row, column)

    def row_header(self, row: int) -> str:
        return self.footer_label if self.is_footer(row) else str(row + 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and self.is_footer(index.row()):
            if role == Qt.ItemDataRole.BackgroundRole and not self.cell_findings(index.row(), index.column()):
                return QBrush(QColor(FOOTER_COLOR))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole) and not self.location(index.row(), index.column()):
                return ""
        return super().data(index, role)

    def column_sum(self, key: str) -> Decimal | None:
        """Sum of a column of amounts; None when any cell is unreadable."""
        total = Decimal(0)
        for item in self._items:
            text = locations.resolve(item, key) if locations.exists(item, key) else ""
            parsed = self.document.form.amount(text or "")
            if parsed.blank:
                continue
            if parsed.value is None:
                return None
            total += parsed.value
        return total

    def footer_tooltip(self, key: str, stored: str) -> str | None:
        computed = self.column_sum(key)
        if computed is None:
            return "有金额无法识别，不能自动合计"
        text = f"各行合计（自动）：{amount_text(self.document, computed)}"
        parsed = self.document.form.amount(stored)
        if parsed.value is not None and parsed.value != computed:
            text += f"\n与填写的合计 {stored.strip()} 不一致"
        return text

    def tooltip(self, row: int, column: int) -> str | None:
        if self.is_footer(row) and self.location(row, column):
            key = self.columns[column].key
            return self.footer_tooltip(key, self.cell_text(row, column))
        return None

    def foreground(self, row: int, column: int):
        if self.is_footer(row) and self.location(row, column):
            key = self.columns[column].key
            computed = self.column_sum(key)
            parsed = self.document.form.amount(self.cell_text(row, column))
            if computed is not None and parsed.value is not None and parsed.value != computed:
                return QBrush(QColor(MISMATCH_COLOR))
        return None

    # --- rows ----------------------------------------------------------------
    def ensure_rows(self, count: int) -> None:
        while self.item_count() < count:
            self.document.insert_row(self.list_path, self.item_count(), self.new_item(self.item_count()), "添加行")

    def insert_rows(self, at: int, count: int = 1) -> None:
        at = max(0, min(at, self.item_count()))
        self.document.begin_macro("插入行")
        try:
            for offset in range(count):
                self.document.insert_row(self.list_path, at + offset, self.new_item(at + offset), "插入行")
        finally:
            self.document.end_macro()

    def remove_rows(self, rows: list[int]) -> None:
        rows = sorted({r for r in rows if 0 <= r < self.item_count()}, reverse=True)
        if not rows:
            return
        self.document.begin_macro(f"删除{len(rows)}行")
        try:
            for row in rows:
                self.document.remove_row(self.list_path, row)
        finally:
            self.document.end_macro()

    def move_row(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < self.item_count() and 0 <= target < self.item_count()):
            return row
        self.document.move_row(self.list_path, row, target, "上移行" if delta < 0 else "下移行")
        return target

    # --- signals -------------------------------------------------------------
    def affected(self, changed: str) -> bool | None:
        if touches(changed, self.list_path):
            return None
        if changed.startswith(self.list_path + "["):
            return True
        prefix = self.footer_path()
        for field in self.footer_keys.values():
            if changed == (f"{prefix}.{field}" if prefix else field):
                return True
        return changed == "amount_unit"

    def repaint_for(self, changed: str) -> None:
        """Repaint the changed cells and the cells that follow them (computed, footer)."""
        if not changed.startswith(self.list_path + "["):
            if changed == "amount_unit":
                self._repaint_all()
            else:  # a stored footer value
                footer = self.rowCount() - 1
                self.repaint_cells((footer, c) for c in range(self.columnCount()))
            return
        number, _, rest = changed[len(self.list_path) + 1 :].partition("]")
        if not number.isdigit():
            self._repaint_all()
            return
        row, key = int(number), rest.lstrip(".")
        cells = []
        for column in self.columns_for(key) or range(self.columnCount()):
            cells.append((row, column))
            cells += self.dependents(row, column)
        self.repaint_cells(cells)

    def dependents(self, row: int, column: int) -> list[tuple[int, int]]:
        cells = super().dependents(row, column)
        if self.has_footer and self.columns[column].key in self.footer_keys:
            cells.append((self.rowCount() - 1, column))
        return cells

    def _on_rows_changed(self, list_path: str) -> None:
        if list_path == self.list_path:
            self.reset()
