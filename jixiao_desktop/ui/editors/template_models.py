"""Grids of a template document: the rows shared by every table (:class:`DictRows`) and an amount
table; one side of an indicator table is in :mod:`.template_indicators`.

Rows are the document's own dicts (column id → text), reached through locations such as
``content.tables.costs[2].amount`` or ``content.children.targets[0].tables.indicators[3].value``, so
undo, marks and jumping to a finding work as for the built-in forms. What a grid shows comes from
the template: its columns, fixed row labels, the 合计 row it prints (computed here, never stored). A table whose rows carry child forms (附表3 under each
row, a 绩效目标表 per sub-project) inserts, removes and moves each row's child form with it, in the
same undo step.
"""

from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from jixiao_desktop.forms import locations
from jixiao_desktop.money import format_amount
from jixiao_desktop.templates.schema import AmountTable
from jixiao_desktop.ui.editors.row_list_model import RowListModel
from jixiao_desktop.ui.editors.table_models import FOOTER_COLOR, Column

_WIDTHS = {"text": 150, "longtext": 260, "amount": 110, "count": 80, "percent": 80, "year": 70, "date": 110}


class DictRows(RowListModel):
    """Rows that are dicts of texts; edits of a table with child forms keep the children in step."""

    def __init__(self, document, list_path: str, child_lists: list[str] | None = None, parent=None):
        self.child_lists = list(child_lists or [])   # relative to the list's parent: children.targets
        super().__init__(document, list_path, parent)

    def cell_text(self, row: int, column: int) -> str:
        item = self.row_object(row)
        key = self.columns[column].key
        if item is None or not key:
            return ""
        value = item.get(key, "")
        return value if isinstance(value, str) else str(value)

    def blank_item(self) -> dict:
        return {c.key: "" for c in self.columns if c.key}

    # --- child forms in step with the rows --------------------------------------
    def _child_paths(self) -> list[str]:
        base = self.list_path.rpartition(".tables.")[0]
        return [f"{base}.{child}" for child in self.child_lists]

    def _align_children(self) -> None:
        """Give every row its child form before rows move (an older file may hold fewer)."""
        for path in self._child_paths():
            children = locations.list_at(self.document.form, path)
            while len(children) < self.full_count():
                self.document.insert_row(path, len(children), self.blank_child(path), "添加子表")

    def blank_child(self, path: str):
        from jixiao_desktop.templates.document import child_blank

        return child_blank(self.document.form.loaded, path.rsplit(".", 1)[-1])

    def full_count(self) -> int:
        return len(self._items)

    def insert_full(self, at: int, item: dict) -> None:
        self.document.insert_row(self.list_path, at, item, "插入行")
        for path in self._child_paths():
            self.document.insert_row(path, at, self.blank_child(path), "插入行")

    def remove_full(self, at: int) -> None:
        self.document.remove_row(self.list_path, at)
        for path in self._child_paths():
            if at < len(locations.list_at(self.document.form, path)):
                self.document.remove_row(path, at)

    def move_full(self, source: int, target: int, text: str) -> None:
        self.document.move_row(self.list_path, source, target, text)
        for path in self._child_paths():
            self.document.move_row(path, source, target, text)

    @contextmanager
    def _rows_macro(self, text: str):
        """One undo step for a row edit, every row given its child form first."""
        self.document.begin_macro(text)
        try:
            if self.child_lists:
                self._align_children()
            yield
        finally:
            self.document.end_macro()


class AmountTableModel(DictRows):
    """An amount table: fixed rows with their printed labels, or rows the clerk adds, and the
    template's 合计 row computed from the rows (blank in a column where every cell is blank)."""

    def __init__(self, document, table: AmountTable, list_path: str, child_lists: list[str] | None = None,
                 parent=None):
        self.table = table
        self.can_edit_rows = table.growable
        self.columns = tuple(
            Column(c.id, c.label, _WIDTHS.get(c.type, 110), amount=c.type == "amount",
                   multiline=c.type == "longtext")
            for c in table.columns)
        self._numeric = {i for i, c in enumerate(table.columns) if c.type in ("amount", "count", "percent", "year")}
        self._labels = {row.id: row.label for row in table.rows}
        super().__init__(document, list_path, child_lists, parent)

    @property
    def has_footer(self) -> bool:
        return bool(self.table.total_row)

    def is_footer(self, row: int) -> bool:
        return self.has_footer and row == len(self._items)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items) + (1 if self.has_footer else 0)

    def location(self, row: int, column: int) -> str | None:
        return None if self.is_footer(row) else super().location(row, column)

    def row_header(self, row: int) -> str:
        if self.is_footer(row):
            return self.table.total_row
        item = self.row_object(row)
        label = self._labels.get(item.get("_row", "")) if item else None
        return label or str(row + 1)

    def new_item(self, row: int) -> dict:
        return self.blank_item()

    def column_sum(self, key: str) -> Decimal | None:
        """The rows' sum of an amount column; None when all are blank or one cannot be read."""
        total, seen = Decimal(0), False
        for item in self._items:
            parsed = self.document.form.amount(item.get(key, "") or "")
            if parsed.blank:
                continue
            if parsed.value is None:
                return None
            total, seen = total + parsed.value, True
        return total if seen else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and self.is_footer(index.row()):
            spec = self.columns[index.column()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                if not spec.amount:
                    return ""
                value = self.column_sum(spec.key)
                return "" if value is None else format_amount(value, self.document.form.amount_unit)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(FOOTER_COLOR))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{self.table.total_row}：各行之和，自动计算" if spec.amount else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and not self.is_footer(index.row()):
            tip = super().data(index, role)
            return tip or self.share_tooltip(index.row(), index.column())
        return super().data(index, role)

    def share_tooltip(self, row: int, column: int) -> str | None:
        """A 占比 column's tooltip: the share the amounts give."""
        spec = self.table.columns[column]
        if not spec.share_of:
            return None
        total = self.column_sum(spec.share_of)
        parsed = self.document.form.amount(self.row_object(row).get(spec.share_of, "") or "")
        if not total or parsed.value is None:
            return None
        share = (parsed.value / total * 100).quantize(Decimal("0.01"))
        return f"按金额计算的占比：{share}%"

    def dependents(self, row: int, column: int) -> list[tuple[int, int]]:
        cells = super().dependents(row, column)
        if self.has_footer and self.columns[column].amount:
            cells.append((len(self._items), column))
        return cells

    # --- rows ------------------------------------------------------------------
    def ensure_rows(self, count: int) -> None:
        if self.table.growable and self.item_count() < count:
            self.insert_rows(self.item_count(), count - self.item_count())

    def insert_rows(self, at: int, count: int = 1) -> None:
        if not self.table.growable:
            return
        at = max(0, min(at, self.item_count()))
        with self._rows_macro("插入行"):
            for offset in range(count):
                self.insert_full(at + offset, self.new_item(at + offset))

    def remove_rows(self, rows: list[int]) -> None:
        rows = sorted({r for r in rows if 0 <= r < self.item_count()}, reverse=True)
        if not rows or not self.table.growable:
            return
        with self._rows_macro(f"删除{len(rows)}行"):
            for row in rows:
                self.remove_full(row)

    def move_row(self, row: int, delta: int) -> int:
        target = row + delta
        if not self.table.growable or not (0 <= row < self.item_count() and 0 <= target < self.item_count()):
            return row
        with self._rows_macro("上移行" if delta < 0 else "下移行"):
            self.move_full(row, target, "上移行" if delta < 0 else "下移行")
        return target
