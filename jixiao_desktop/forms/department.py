"""部门（单位）整体支出绩效目标表, with 附表2 and one 附表3 per special fund.

One model serves the 部门整体 form (seed 003, Hunan, with 附表) and the
Shanghai 单位整体 form (seed 004): ``kind`` says which title it carries, the
layout says which indicator headings apply, and the Shanghai-only fields
(拨款方式, 年度履职目标, 在职人数, 内设机构数) are simply left blank elsewhere.
"""

from __future__ import annotations

from typing import Literal

from jixiao_desktop.forms.common import CostLine, FormBase, IndicatorRow, Model, text_field
from jixiao_desktop.model import field


class DepartmentBudget(Model):
    """年度预算: 总额 by income source and by nature of spending."""

    total: str = text_field("资金总额")
    general_budget: str = text_field("一般公共预算拨款")
    gov_fund: str = text_field("政府性基金拨款")
    other: str = text_field("其他资金")
    basic: str = text_field("基本支出")
    project: str = text_field("项目支出")


class KeyTask(Model):
    """年度重点工作/任务: 事项, 责任单位/科室, 工作目标 (主要内容)."""

    name: str = text_field("事项")
    office: str = text_field("责任单位/科室")
    target: str = text_field("工作目标")


class ExpenseLine(Model):
    """One line of 支出明细及测算说明 in a 附表3."""

    summary: str = text_field("支出内容简介")
    detail: str = text_field("支出明细")
    amount: str = text_field("金额")
    basis: str = text_field("支出测算依据及过程说明")
    cost_lines: list[CostLine] = field(default_factory=list, title="测算")


class FundDetail(Model):
    """附表3 专项资金支出方向绩效目标表: one page per 附表2 row."""

    name: str = text_field("支出方向（子项）")
    parent_name: str = text_field("所属专项名称")
    amount: str = text_field("项目金额")
    parent_amount: str = text_field("所属专项金额")
    period: str = text_field("项目实施期")
    period_goal: str = text_field("实施期绩效目标")
    annual_goal: str = text_field("年度绩效目标")
    indicators: list[IndicatorRow] = field(default_factory=list, title="年度绩效指标")
    expenses: list[ExpenseLine] = field(default_factory=list, title="支出明细及测算说明")
    expenses_total: str = text_field("支出明细合计")


class SpecialFund(Model):
    """附表2 row: one special fund, with its 附表3 page when filled in."""

    seq: str = text_field("序号")
    name: str = text_field("名称")
    amount: str = text_field("金额")
    period_goal: str = text_field("实施期绩效目标")
    annual_goal: str = text_field("年度绩效目标")
    detail: FundDetail | None = field(default=None, title="附表3")


_UNIT_TITLES = {"name": "单位名称", "duties": "单位职责", "budget": "预算情况"}


class DepartmentForm(FormBase):
    """部门整体支出绩效目标表 (``department``) or 单位整体支出绩效目标申报表 (``unit``)."""

    kind: Literal["department", "unit"] = "department"
    name: str = text_field("部门名称")
    funding_method: str = text_field("财政资金拨款方式")
    budget: DepartmentBudget = field(default_factory=DepartmentBudget, title="年度预算")
    duties: str = text_field("部门职责")
    annual_goal: str = text_field("年度履职目标")
    key_tasks: list[KeyTask] = field(default_factory=list, title="年度重点工作")
    staff_count: str = text_field("年末在职人数")
    internal_units: str = text_field("内设机构数")
    special_funds: list[SpecialFund] = field(default_factory=list, title="附表2 专项资金")
    special_funds_total: str = text_field("附表2 合计")

    def field_title_overrides(self) -> dict[str, str]:
        """The Shanghai 单位 form says 单位 where the 部门 form says 部门."""
        return _UNIT_TITLES if self.kind == "unit" else {}

    @property
    def title(self) -> str:
        if self.kind == "unit":
            return "单位整体支出绩效目标申报表"
        return "部门整体支出绩效目标表"

    @property
    def display_name(self) -> str:
        return self.name
