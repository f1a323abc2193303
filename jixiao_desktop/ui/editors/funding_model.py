"""资金来源 grid: rows 中期/年度; 总投入 as typed, its automatic sum, and the level columns."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from jixiao_desktop.forms.project import FUNDING_LEVELS
from jixiao_desktop.money import sum_amounts
from jixiao_desktop.ui.editors.table_models import (
    MISMATCH_COLOR,
    Column,
    DocumentTableModel,
    amount_text,
)

ROWS = (("mid", "中期"), ("annual", "年度"))


class FundingModel(DocumentTableModel):
    """2×(1+1+5): 总投入 | 合计（自动） | 中央 | 省 | 市 | 县区 | 其他 (amounts in the form's unit)."""

    TOTAL, AUTO = 0, 1
    columns = (
        Column("total", "总投入", 120, amount=True),
        Column("", "合计（自动）", 120, editable=False, amount=True),
        *(Column(key, label, 110, amount=True) for key, label in FUNDING_LEVELS),
    )

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(ROWS)

    def row_path(self, row: int) -> str | None:
        return f"funding.{ROWS[row][0]}" if 0 <= row < len(ROWS) else None

    def row_header(self, row: int) -> str:
        return ROWS[row][1]

    def funding_row(self, row: int):
        return getattr(self.document.form.funding, ROWS[row][0])

    def row_object(self, row: int):
        return self.funding_row(row) if 0 <= row < len(ROWS) else None

    def level_sum(self, row: int) -> Decimal | None:
        """Sum of the level columns; None when one is unreadable or all are blank."""
        form = self.document.form
        return sum_amounts((text for _, text in self.funding_row(row).parts()), form.amount_unit)

    def mismatch(self, row: int) -> bool:
        computed = self.level_sum(row)
        stated = self.document.form.amount(self.funding_row(row).total).value
        return computed is not None and stated is not None and computed != stated

    def computed(self, row: int, column: int) -> str:
        text = amount_text(self.document, self.level_sum(row))
        return f"≠ {text}" if text and self.mismatch(row) else text

    def tooltip(self, row: int, column: int) -> str | None:
        if column in (self.TOTAL, self.AUTO):
            text = amount_text(self.document, self.level_sum(row))
            if self.mismatch(row):
                return f"总投入与各级财政之和（{text}）不一致"
            if column == self.AUTO:
                return "各级财政资金之和，随输入自动计算"
        return None

    def foreground(self, row: int, column: int):
        if column in (self.TOTAL, self.AUTO) and self.mismatch(row):
            return QBrush(QColor(MISMATCH_COLOR))
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.column() == self.AUTO:
            font = QFont()
            font.setItalic(True)
            return font
        return super().data(index, role)

    def affected(self, changed: str) -> bool | None:
        if changed in ("funding", "amount_unit") or changed.startswith("funding."):
            return True
        return False

    def repaint_for(self, changed: str) -> None:
        """A level or total repaints itself and the row's 总投入 and 合计（自动）."""
        parts = changed.split(".")
        rows = [r for r, (name, _) in enumerate(ROWS) if len(parts) > 1 and parts[1] == name]
        if len(parts) != 3 or not rows:
            self._repaint_all()
            return
        row = rows[0]
        self.repaint_cells([(row, c) for c in self.columns_for(parts[2])] + [(row, self.TOTAL), (row, self.AUTO)])
