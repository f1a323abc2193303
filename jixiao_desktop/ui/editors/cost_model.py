"""测算 grid: one :class:`CostLine` per row with its computed amount (自动).

amount = 数量 × 标准 × 期数 × 本级承担比例, exact (see :mod:`jixiao_desktop.forms.costing`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor

from jixiao_desktop.forms import CostLine
from jixiao_desktop.forms import costing
from jixiao_desktop.ui.editors.table_models import MISMATCH_COLOR, Column, amount_text
from jixiao_desktop.ui.editors.row_list_model import RowListModel


class CostModel(RowListModel):
    """测算项目 | 数量 | 单位 | 标准 | 标准单位 | 期数 | 期间 | 分担比例 | 分担层级 | 本级承担 | 计算金额 | 填报金额 | 说明."""

    input_rejected = Signal(str)

    ITEM, QUANTITY, QUANTITY_UNIT, STANDARD, STANDARD_UNIT, PERIODS, PERIOD_UNIT = range(7)
    SPLIT, SPLIT_LEVELS, SHARE, COMPUTED, AMOUNT, NOTE = range(7, 13)
    columns = (
        Column("item", "测算项目", 200, multiline=True),
        Column("quantity", "数量", 60, amount=True),
        Column("quantity_unit", "单位", 48),
        Column("standard", "标准", 90, amount=True),
        Column("standard_unit", "标准单位", 70),
        Column("periods", "期数", 50, amount=True),
        Column("period_unit", "期间", 48),
        Column("split", "分担比例", 70),
        Column("split_levels", "分担层级", 70),
        Column("share_index", "本级承担", 64, live=False),  # parsed: committed on leaving
        Column("", "计算金额（自动）", 120, editable=False, amount=True),
        Column("amount", "填报金额", 110, amount=True),
        Column("note", "说明", 200, multiline=True),
    )

    def __init__(self, document, list_path: str = "cost_lines", parent=None):
        super().__init__(document, list_path, parent)

    def new_item(self, row: int) -> CostLine:
        return CostLine()

    def dependents(self, row: int, column: int) -> list[tuple[int, int]]:
        """Every cell of a 测算 line may follow any other (计算金额, 本级承担, colours)."""
        return [(row, c) for c in range(self.columnCount())] + super().dependents(row, column)

    def line(self, row: int) -> CostLine | None:
        items = self.items()
        return items[row] if 0 <= row < len(items) else None

    def result(self, row: int) -> costing.CostResult:
        line = self.line(row)
        if line is None:
            return costing.CostResult(None)
        return costing.compute(line, self.document.form.amount_unit)

    def cell_text(self, row: int, column: int) -> str:
        if column == self.SHARE:
            line = self.line(row)
            return costing.share_label(line) if line is not None else ""
        return super().cell_text(row, column)

    def computed(self, row: int, column: int) -> str:
        result = self.result(row)
        if result.ok:
            return amount_text(self.document, result.value)
        return "无法计算" if result.error else ""

    def mismatch(self, row: int) -> bool:
        line, result = self.line(row), self.result(row)
        if line is None or not result.ok or not line.amount.strip():
            return False
        stated = self.document.form.amount(line.amount).value
        return stated is not None and stated != result.value

    def tooltip(self, row: int, column: int) -> str | None:
        result = self.result(row)
        if column == self.COMPUTED:
            if result.error:
                return result.error
            line = self.line(row)
            return costing.explain(line, self.document.form.amount_unit) if line else None
        if column == self.AMOUNT and self.mismatch(row):
            return f"填报金额与计算金额 {amount_text(self.document, result.value)} 不一致"
        if column == self.SHARE:
            return "本级承担分担比例中的哪一部分：填层级名称（如“区”）或序号（1、2…）"
        return None

    def foreground(self, row: int, column: int):
        if column in (self.COMPUTED, self.AMOUNT) and (self.mismatch(row) or self.result(row).error):
            return QBrush(QColor(MISMATCH_COLOR))
        return None

    def write(self, row: int, column: int, text: str) -> None:
        if column != self.SHARE:
            super().write(row, column, text)
            return
        line = self.line(row)
        try:
            index = costing.parse_share_input(text, line)
        except ValueError as exc:
            self.input_rejected.emit(str(exc))
            return
        self.document.set_value(f"{self.list_path}[{row}].share_index", index, merge=False)

    def fill_amounts(self) -> int:
        """Copy every computed amount into 填报金额 (one undo step); returns how many changed."""
        changes = []
        for row in range(self.item_count()):
            result = self.result(row)
            if result.ok:
                text = amount_text(self.document, result.value)
                if self.cell_text(row, self.AMOUNT) != text:
                    changes.append((row, text))
        if changes:
            self.document.begin_macro("用计算结果填写金额")
            try:
                for row, text in changes:
                    super().write(row, self.AMOUNT, text)
            finally:
                self.document.end_macro()
        return len(changes)

    def explanation(self) -> str:
        return costing.explain_all(self.items(), self.document.form.amount_unit)
