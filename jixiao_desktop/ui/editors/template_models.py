"""Grids of a template document: an amount table and one side of an indicator table.

Rows are the document's own dicts (column id → text), reached through locations such as
``content.tables.costs[2].amount`` or ``content.children.targets[0].tables.indicators[3].value``, so
undo, marks and jumping to a finding work as for the built-in forms. What a grid shows comes from
the template: its columns, fixed row labels, the 合计 row it prints (computed here, never stored),
the 一级/二级 lists of its indicator layout. A table whose rows carry child forms (附表3 under each
row, a 绩效目标表 per sub-project) inserts, removes and moves each row's child form with it, in the
same undo step.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from jixiao_desktop.forms import layouts
from jixiao_desktop.forms import locations
from jixiao_desktop.forms.template_form import indicator_label
from jixiao_desktop.money import format_amount
from jixiao_desktop.templates.schema import AmountTable, IndicatorTable
from jixiao_desktop.ui.editors.indicator_model import MergedLevel1
from jixiao_desktop.ui.editors.row_list_model import RowListModel
from jixiao_desktop.ui.editors.table_models import FOOTER_COLOR, MISMATCH_COLOR, Column

_WIDTHS = {"text": 150, "longtext": 260, "amount": 110, "count": 80, "percent": 80, "year": 70, "date": 110}
_INDICATOR_WIDTHS = {"level1": 100, "level2": 110, "name": 220, "value": 120, "standard": 160, "weight": 60,
                     "score": 60, "nature": 70, "unit": 70, "direction": 70, "explain": 200, "scoring": 200}


class _DictRows(RowListModel):
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

    def _rows_macro(self, text: str):
        model = self

        class _Macro:
            def __enter__(self_inner):
                model.document.begin_macro(text)
                if model.child_lists:
                    model._align_children()

            def __exit__(self_inner, *exc):
                model.document.end_macro()

        return _Macro()


class AmountTableModel(_DictRows):
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


def layout_levels(form) -> dict[str, tuple[str, ...]]:
    """The 一级 → 二级 names a template document's indicator layout offers."""
    meta = form.loaded.meta
    if meta.layout == "own":
        return {level1: tuple(names) for level1, names in meta.levels.items()}
    return dict(layouts.LAYOUTS[layouts.IndicatorLayout(meta.layout)])


class IndicatorSideModel(MergedLevel1, _DictRows):
    """One side (中期 / 年度 / 实施期 / 本年度) of an indicator table. The table keeps both sides'
    rows in one list, each row naming its side; this grid shows and edits that side's rows."""

    can_edit_rows = True

    def __init__(self, document, table: IndicatorTable, side: str, list_path: str, parent=None):
        self.table, self.side = table, side
        self.single = len(table.sides) == 1
        self._scores = document.form.loaded.meta.kind == "evaluation"
        self._view: list[int] = []
        columns = [Column("level1", indicator_label(table, "level1"), _INDICATOR_WIDTHS["level1"])]
        for key in table.columns:
            columns.append(Column(key, indicator_label(table, key), _INDICATOR_WIDTHS.get(key, 100),
                                  multiline=key in ("name", "standard", "explain", "scoring")))
        self.columns = tuple(columns)
        super().__init__(document, list_path, None, parent)

    # --- the side's rows within the table's list ----------------------------------
    def refresh_rows(self) -> None:
        super().refresh_rows()
        self._view = [i for i, item in enumerate(self._items)
                      if self.single or item.get("side", "") == self.side]

    def item_count(self) -> int:
        return len(self._view)

    def full_count(self) -> int:
        return len(self._items)

    def row_object(self, row: int):
        return self._items[self._view[row]] if 0 <= row < len(self._view) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._view)

    def row_path(self, row: int) -> str | None:
        return f"{self.list_path}[{self._view[row]}]" if 0 <= row < len(self._view) else None

    def is_footer(self, row: int) -> bool:
        return False

    @property
    def has_footer(self) -> bool:
        return False

    def _full_index(self, at: int) -> int:
        """Where a row inserted before the side's row ``at`` goes in the whole list."""
        if at < len(self._view):
            return self._view[at]
        if self._view:
            return self._view[-1] + 1
        order = [s.id for s in self.table.sides]
        later = set(order[order.index(self.side) + 1:]) if self.side in order else set()
        for index, item in enumerate(self._items):   # before the first row of a later side
            if item.get("side", "") in later:
                return index
        return len(self._items)

    def new_item(self, row: int) -> dict:
        above = self.row_object(row - 1) if row > 0 else None
        item = {"side": self.side, "level1": above.get("level1", "") if above else ""}
        item |= {key: "" for key in self.table.columns}
        return item

    def repaint_for(self, changed: str) -> None:
        if changed.startswith(self.list_path + "["):
            number, _, rest = changed[len(self.list_path) + 1:].partition("]")
            if number.isdigit():
                full = int(number)
                if full not in self._view:
                    return
                row = self._view.index(full)
                key = rest.lstrip(".")
                cells = []
                for column in self.columns_for(key) or range(self.columnCount()):
                    cells.append((row, column))
                    cells += self.dependents(row, column)
                self.repaint_cells(cells)
                return
        self._repaint_all()

    # --- display -------------------------------------------------------------------
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 0:
            tip = super().data(index, role)
            return tip or self.cell_text(index.row(), 0) or None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and self.columns[index.column()].key == "score":
            tip = super().data(index, role)
            computed = self.computed_score(index.row())
            working = f"按实际完成值计算：{computed.working}" if computed is not None else ""
            return "\n".join(t for t in (tip, working) if t) or None
        return super().data(index, role)

    def computed_score(self, row: int):
        """A 自评表's score of this row as achieved ÷ target gives it (None outside a 自评表)."""
        if not self._scores or "actual" not in self.table.columns:
            return None
        from jixiao_desktop.selfeval.scoring import score_indicator
        from jixiao_desktop.selfeval.sheet import number, scoring

        item = self.row_object(row) or {}
        return score_indicator(item.get("value", ""), item.get("actual", ""), number(item.get("weight", "")),
                               scoring(self.document.form).bands)

    def foreground(self, row: int, column: int):
        """A typed 得分 that its own achieved ÷ target does not give is drawn red (the check says by how much)."""
        if self.columns[column].key != "score":
            return None
        computed = self.computed_score(row)
        typed = self.cell_text(row, column).strip()
        if computed is None or computed.value is None or not typed:
            return None
        from jixiao_desktop.selfeval.sheet import number

        value = number(typed)
        if value is not None and abs(value - computed.value) > Decimal("0.5"):
            return QBrush(QColor(MISMATCH_COLOR))
        return None

    def dependents(self, row: int, column: int) -> list[tuple[int, int]]:
        cells = super().dependents(row, column)
        if self._scores and self.columns[column].key in ("value", "actual", "weight"):
            cells += [(row, c) for c, spec in enumerate(self.columns) if spec.key == "score"]
        return cells

    def choices(self, row: int, column: int) -> list[str] | None:
        key = self.columns[column].key
        levels = layout_levels(self.document.form)
        if key == "level1":
            return list(levels)
        if key == "level2":
            names = levels.get(self.cell_text(row, 0).strip()) or tuple(n for v in levels.values() for n in v)
            return list(names)
        return None

    # --- rows ------------------------------------------------------------------------
    def ensure_rows(self, count: int) -> None:
        if self.item_count() < count:
            self.insert_rows(self.item_count(), count - self.item_count())

    def insert_rows(self, at: int, count: int = 1) -> None:
        at = max(0, min(at, self.item_count()))
        with self._rows_macro("插入行"):
            for offset in range(count):
                item = self.new_item(at + offset)
                self.insert_full(self._full_index(at + offset), item)

    def remove_rows(self, rows: list[int]) -> None:
        full = sorted({self._view[r] for r in rows if 0 <= r < len(self._view)}, reverse=True)
        if not full:
            return
        with self._rows_macro(f"删除{len(full)}行"):
            for index in full:
                self.remove_full(index)

    def move_row(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self._view) and 0 <= target < len(self._view)):
            return row
        with self._rows_macro("上移行" if delta < 0 else "下移行"):
            self.move_full(self._view[row], self._view[target], "上移行" if delta < 0 else "下移行")
        return target

    # --- the indicator library ----------------------------------------------------------
    def side_of(self, column: int) -> str | None:
        return None

    def column_for(self, key: str) -> int:
        key = key.rsplit(".", 1)[-1]
        for column, spec in enumerate(self.columns):
            if spec.key == key:
                return column
        raise KeyError(key)

    def insert_from_library(self, row: int, column: int, entry: dict) -> int:
        """Fill the row's 三级/指标值 from the indicator library, or add a row below when taken."""
        with self._rows_macro("从指标库插入"):
            current = self.row_object(row)
            target = row
            if current is None or current.get("name", "").strip() or current.get("value", "").strip():
                target = min(row + 1, self.item_count()) if current is not None else self.item_count()
                item = self.new_item(target)
                if current is not None:
                    item["level1"] = current.get("level1", "")
                    item["level2"] = current.get("level2", "")
                self.insert_full(self._full_index(target), item)
                self.refresh_rows()
            self.write(target, self.column_for("name"), str(entry.get("name", "")))
            self.write(target, self.column_for("value"), str(entry.get("value", "")))
        return target
