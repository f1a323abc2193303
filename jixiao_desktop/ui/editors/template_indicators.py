"""One side (中期 / 年度 / 实施期 / 本年度) of a template document's indicator table, as a grid: the
template's columns and headings, its 一级/二级 lists, the merged look of the 一级 column, the indicator
library, and in a 自评表 the score each row's achieved value gives."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from jixiao_desktop.forms import layouts
from jixiao_desktop.forms.template_form import indicator_label
from jixiao_desktop.templates.schema import IndicatorTable
from jixiao_desktop.ui.editors.merged_headings import MergedLevel1
from jixiao_desktop.ui.editors.table_models import MISMATCH_COLOR, Column
from jixiao_desktop.ui.editors.template_models import DictRows

_INDICATOR_WIDTHS = {"level1": 100, "level2": 110, "name": 220, "value": 120, "standard": 160, "weight": 60,
                     "score": 60, "nature": 70, "unit": 70, "direction": 70, "explain": 200, "scoring": 200}


def layout_levels(form) -> dict[str, tuple[str, ...]]:
    """The 一级 → 二级 names a template document's indicator layout offers."""
    meta = form.loaded.meta
    if meta.layout == "own":
        return {level1: tuple(names) for level1, names in meta.levels.items()}
    return dict(layouts.LAYOUTS[layouts.IndicatorLayout(meta.layout)])


class IndicatorSideModel(MergedLevel1, DictRows):
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
            names = levels.get(self.effective_level1(row).strip()) or tuple(n for v in levels.values() for n in v)
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
