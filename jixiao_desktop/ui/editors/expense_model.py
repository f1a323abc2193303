"""附表3 支出明细及测算说明: 支出内容简介 | 支出明细 | 金额 | 测算依据及过程说明, with 合计."""

from __future__ import annotations

from jixiao_desktop.forms import ExpenseLine
from jixiao_desktop.ui.editors.table_models import Column
from jixiao_desktop.ui.editors.row_list_model import RowListModel


class ExpenseModel(RowListModel):
    SUMMARY, DETAIL, AMOUNT, BASIS = range(4)
    columns = (
        Column("summary", "支出内容简介", 230, multiline=True),
        Column("detail", "支出明细", 230, multiline=True),
        Column("amount", "金额", 90, amount=True),
        Column("basis", "支出测算依据及过程说明", 420, multiline=True),
    )
    footer_keys = {"amount": "expenses_total"}

    def __init__(self, document, list_path: str, parent=None):
        super().__init__(document, list_path, parent)

    def new_item(self, row: int) -> ExpenseLine:
        return ExpenseLine()
