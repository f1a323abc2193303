"""项目支出绩效目标申报表 (one per project), with the narrative 申报书 before it."""

from __future__ import annotations

from typing import Literal

from jixiao_desktop.forms.common import CostLine, FormBase, Model, text_field
from jixiao_desktop.model import field

FUNDING_LEVELS: tuple[tuple[str, str], ...] = (
    ("central", "中央财政"),
    ("provincial", "省级财政"),
    ("city", "市本级财政"),
    ("county", "县（市）区级财政"),
    ("other", "其他"),
)


class FundingRow(Model):
    """One row of 资金来源: 总投入 and its parts by level."""

    total: str = text_field("总投入")
    central: str = text_field("中央财政")
    provincial: str = text_field("省级财政")
    city: str = text_field("市本级财政")
    county: str = text_field("县（市）区级财政")
    other: str = text_field("其他")

    def parts(self) -> list[tuple[str, str]]:
        """(field, text) of the level columns, in paper order."""
        return [(key, getattr(self, key)) for key, _ in FUNDING_LEVELS]


class Funding(Model):
    """资金来源 table: 中期 and 年度 rows."""

    mid: FundingRow = field(default_factory=FundingRow, title="中期资金来源")
    annual: FundingRow = field(default_factory=FundingRow, title="年度资金来源")


class FundingItem(Model):
    """One line of 资金安排情况: what the money is for and how much."""

    name: str = text_field("用途")
    amount: str = text_field("金额")


class Proposal(Model):
    """项目申报书: the narrative sections before the target table."""

    title: str = text_field("申报书标题")
    project_name: str = text_field("项目名称")
    basis: str = text_field("立项依据")
    unit_name: str = text_field("单位名称")
    org_code: str = text_field("组织机构代码")
    address: str = text_field("地址")
    phone: str = text_field("联系电话")
    legal_rep: str = text_field("法人代表")
    fund_source: str = text_field("经费来源")
    agent: str = text_field("代为概况")
    overview: str = text_field("项目基本概况")
    content: str = text_field("项目实施内容")
    arrangement: str = text_field("资金安排情况")
    arrangement_items: list[FundingItem] = field(default_factory=list, title="资金安排明细")
    arrangement_total: str = text_field("资金安排合计")
    plan: str = text_field("项目实施计划")
    outcomes: str = text_field("项目实施成效")


class Goals(Model):
    """总体目标."""

    mid: str = text_field("中期目标")
    annual: str = text_field("年度目标")


class ProjectForm(FormBase):
    """项目支出绩效目标申报表."""

    kind: Literal["project"] = "project"
    proposal: Proposal = field(default_factory=Proposal, title="项目申报书")
    project_name: str = text_field("项目名称")
    department_code: str = text_field("主管部门及代码")
    implementing_unit: str = text_field("实施单位")
    attribute: str = text_field("项目属性")
    period: str = text_field("项目期")
    leader: str = text_field("项目负责人")
    leader_phone: str = text_field("联系电话")
    overview: str = text_field("项目概况")
    basis: str = text_field("项目立项依据")
    funding: Funding = field(default_factory=Funding, title="资金来源")
    goals: Goals = field(default_factory=Goals, title="总体目标")
    cost_lines: list[CostLine] = field(default_factory=list, title="成本测算")
    measures: str = text_field("单位已有的保障项目实施的制度措施")
    budget_notes: str = text_field("预算绩效说明")

    @property
    def title(self) -> str:
        return "项目支出绩效目标申报表"

    @property
    def display_name(self) -> str:
        return self.project_name or self.proposal.project_name

    @property
    def has_mid(self) -> bool:
        return True
