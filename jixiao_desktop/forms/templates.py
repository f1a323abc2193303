"""New blank forms, laid out as the paper templates are (rows pre-filled)."""

from __future__ import annotations

from jixiao_desktop.forms.common import FormBase, Indicator, IndicatorRow
from jixiao_desktop.forms.department import DepartmentForm, FundDetail, SpecialFund
from jixiao_desktop.forms.layouts import LAYOUTS, IndicatorLayout
from jixiao_desktop.forms.project import ProjectForm
from jixiao_desktop.money import AmountUnit


def indicator_skeleton(layout: IndicatorLayout, *, with_mid: bool) -> list[IndicatorRow]:
    """One empty row per 二级 of the layout, as a blank paper template has."""
    rows = []
    for level1, children in LAYOUTS[layout].items():
        for level2 in children:
            mid = Indicator(level2=level2) if with_mid else None
            rows.append(IndicatorRow(level1=level1, annual=Indicator(level2=level2), mid=mid))
    return rows


def new_project(year: str = "", layout: IndicatorLayout = IndicatorLayout.CLASSIC) -> ProjectForm:
    return ProjectForm(year=year, layout=layout, indicators=indicator_skeleton(layout, with_mid=True))


def new_fund_detail(fund: SpecialFund, layout: IndicatorLayout = IndicatorLayout.CLASSIC) -> FundDetail:
    """A 附表3 page for a 附表2 row, carrying its name and amount."""
    return FundDetail(
        name=fund.name,
        parent_name=fund.name,
        amount=fund.amount,
        parent_amount=fund.amount,
        period_goal=fund.period_goal,
        annual_goal=fund.annual_goal,
        indicators=indicator_skeleton(layout, with_mid=False),
    )


def new_department(year: str = "", layout: IndicatorLayout = IndicatorLayout.CLASSIC) -> DepartmentForm:
    return DepartmentForm(
        kind="department",
        year=year,
        amount_unit=AmountUnit.WAN_YUAN,
        layout=layout,
        indicators=indicator_skeleton(layout, with_mid=False),
    )


def new_unit(year: str = "") -> DepartmentForm:
    """上海式 单位整体支出绩效目标申报表 (amounts in 元, Shanghai layout)."""
    layout = IndicatorLayout.SHANGHAI
    return DepartmentForm(
        kind="unit",
        year=year,
        amount_unit=AmountUnit.YUAN,
        layout=layout,
        indicators=indicator_skeleton(layout, with_mid=False),
    )


def new_form(kind: str, year: str = "") -> FormBase:
    """A blank built-in form, carrying the template that describes it."""
    from jixiao_desktop.templates.bind import attach_template

    if kind == "project":
        return attach_template(new_project(year))
    if kind == "department":
        return attach_template(new_department(year))
    if kind == "unit":
        return attach_template(new_unit(year))
    raise ValueError(f"未知的表格类型：{kind}")
