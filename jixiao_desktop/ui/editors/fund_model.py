"""附表2 专项资金绩效目标汇总表: 序号 | 名称 | 金额 | 实施期目标 | 年度目标 | 附表3, with 合计.

Editing a row's 名称 or 金额 keeps its 附表3 in step: the 附表3 fields that still
held the old value take the new one, in the same undo step.
"""

from __future__ import annotations

from jixiao_desktop.forms import SpecialFund
from jixiao_desktop.ui.editors.table_models import Column
from jixiao_desktop.ui.editors.row_list_model import RowListModel

# 附表2 field → the 附表3 fields that repeat it
IN_STEP = {
    "name": ("name", "parent_name"),
    "amount": ("amount", "parent_amount"),
    "period_goal": ("period_goal",),
    "annual_goal": ("annual_goal",),
}


class FundModel(RowListModel):
    SEQ, NAME, AMOUNT, PERIOD_GOAL, ANNUAL_GOAL, DETAIL = range(6)
    columns = (
        Column("seq", "序号", 44),
        Column("name", "名称", 190, multiline=True),
        Column("amount", "金额", 90, amount=True),
        Column("period_goal", "实施期绩效目标", 300, multiline=True),
        Column("annual_goal", "年度绩效目标", 300, multiline=True),
        Column("", "附表3", 70, editable=False),
    )
    footer_keys = {"amount": "special_funds_total"}

    def __init__(self, document, parent=None):
        super().__init__(document, "special_funds", parent)

    def new_item(self, row: int) -> SpecialFund:
        return SpecialFund(seq=str(row + 1))

    def computed(self, row: int, column: int) -> str:
        items = self.items()
        if 0 <= row < len(items):
            return "已建立" if items[row].detail is not None else "未建立"
        return ""

    def tooltip(self, row: int, column: int) -> str | None:
        if column == self.DETAIL and not self.is_footer(row):
            return "双击或按“编辑附表3”打开本行的附表3"
        return super().tooltip(row, column)

    def write(self, row: int, column: int, text: str) -> None:
        key = self.columns[column].key
        fund = self.items()[row] if key in IN_STEP and row < self.item_count() else None
        if fund is None or fund.detail is None:
            super().write(row, column, text)
            return
        old = getattr(fund, key)
        self.document.begin_macro("修改附表2并同步附表3")
        try:
            super().write(row, column, text)
            for field in IN_STEP[key]:
                if getattr(fund.detail, field) == old:
                    self.document.set_value(f"{self.list_path}[{row}].detail.{field}", text, merge=False)
        finally:
            self.document.end_macro()
