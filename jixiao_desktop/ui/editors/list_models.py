"""Simple list grids: 年度重点工作 (key tasks) and 资金安排明细 (arrangement items)."""

from __future__ import annotations

from jixiao_desktop.forms import FundingItem, KeyTask
from jixiao_desktop.ui.editors.table_models import Column
from jixiao_desktop.ui.editors.row_list_model import RowListModel


class KeyTaskModel(RowListModel):
    """年度重点工作/任务: 事项 | 责任单位/科室 | 工作目标."""

    NAME, OFFICE, TARGET = range(3)
    columns = (
        Column("name", "事项", 220, multiline=True),
        Column("office", "责任单位/科室", 140),
        Column("target", "工作目标（主要内容）", 460, multiline=True),
    )

    def __init__(self, document, parent=None):
        super().__init__(document, "key_tasks", parent)

    def new_item(self, row: int) -> KeyTask:
        return KeyTask()


class ArrangementModel(RowListModel):
    """资金安排明细 of the 申报书, with its stated 合计."""

    NAME, AMOUNT = range(2)
    columns = (
        Column("name", "用途", 420, multiline=True),
        Column("amount", "金额", 140, amount=True),
    )
    footer_keys = {"amount": "arrangement_total"}

    def __init__(self, document, parent=None):
        super().__init__(document, "proposal.arrangement_items", parent)

    def new_item(self, row: int) -> FundingItem:
        return FundingItem()
