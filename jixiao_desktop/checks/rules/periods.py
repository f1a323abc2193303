"""Periods: 项目期 readable, 时效 inside the year or project period, 中期 vs 年度 amounts."""

from __future__ import annotations

import re

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import Hit, rule
from jixiao_desktop.forms.layouts import canonical

_RANGE_RE = re.compile(
    r"(?P<y1>\d{4})\s*年\s*(?:(?P<m1>\d{1,2})\s*月份?)?\s*[-—–~～至到]\s*(?:(?P<y2>\d{4})\s*年)?\s*(?:(?P<m2>\d{1,2})\s*月份?)?"
)
_YEARS_RE = re.compile(r"^\s*(?P<n>\d+)\s*年\s*$")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})\s*年")


def period_span(text: str) -> tuple[int, int, int] | None:
    """(first year, last year, months) of ``2020年9月-2021年8月``, ``2024年1月至2026年12月``."""
    match = _RANGE_RE.search(text or "")
    if match is None:
        return None
    y1 = int(match["y1"])
    y2 = int(match["y2"]) if match["y2"] else y1
    m1 = int(match["m1"]) if match["m1"] else 1
    m2 = int(match["m2"]) if match["m2"] else 12
    if y2 < y1 or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    return y1, y2, (y2 - y1) * 12 + (m2 - m1) + 1


@rule("period.unreadable", Severity.WARNING, "项目期不是起止时间或年限", kinds=("project",))
def period_unreadable(ctx: CheckContext):
    text = ctx.form.period.strip()
    if not text or period_span(text) or _YEARS_RE.match(text) or _YEAR_RE.search(text):
        return
    yield Hit(
        "period",
        f"项目期填的是“{text}”，应写起止年月或年限（如“2024年1月-2026年12月”或“3年”）；"
        "“经常性/一次性”属于项目属性",
    )


def _project_years(ctx: CheckContext) -> tuple[int, int] | None:
    form = ctx.form
    span = period_span(form.period)
    if span:
        return span[0], span[1]
    for row in form.indicators:
        if row.mid is not None and canonical(row.mid.level2) == "时效指标":
            span = period_span(f"{row.mid.name} {row.mid.value}")
            if span:
                return span[0], span[1]
    return None


@rule("period.timeliness_outside", Severity.WARNING, "时效超出年度或项目期")
def timeliness_outside(ctx: CheckContext):
    year = int(ctx.form.year) if ctx.form.year.strip().isdigit() else None
    project = _project_years(ctx) if ctx.kind == "project" else None
    for grid in ctx.grids():
        for base, i, side, row, ind in grid.cells():
            if canonical(ind.level2) != "时效指标":
                continue
            years = [int(y) for y in _YEAR_RE.findall(f"{ind.name} {ind.value}")]
            if side == "annual" and year is not None:
                wrong = [y for y in years if y != year]
                if wrong:
                    yield Hit(f"{base}.value", f"{grid.label}第{i + 1}行年度时效写到{wrong[0]}年，超出本表年度{year}年；年度目标应在当年完成")
            elif side == "mid" and project is not None:
                wrong = [y for y in years if not project[0] <= y <= project[1]]
                if wrong:
                    yield Hit(f"{base}.value", f"{grid.label}第{i + 1}行中期时效写到{wrong[0]}年，超出项目期{project[0]}～{project[1]}年")


@rule("period.annual_goal_past_year", Severity.WARNING, "年度目标写到了以后的年份")
def annual_goal_past_year(ctx: CheckContext):
    if not ctx.form.year.strip().isdigit():
        return
    year = int(ctx.form.year)
    location = "goals.annual" if ctx.kind == "project" else "annual_goal"
    from jixiao_desktop.forms.locations import resolve

    later = sorted({int(y) for y in _YEAR_RE.findall(resolve(ctx.form, location)) if int(y) > year})
    if later:
        yield Hit(location, f"年度目标中写到{later[0]}年，但本表是{year}年度；跨年的内容应写进中期目标")


@rule("period.other_year", Severity.WARNING, "支出内容写的是别的年度", kinds=("department", "unit"))
def other_year(ctx: CheckContext):
    """附表3 支出 and 重点工作 of a 2023 form that say 2022 were usually copied from last year's form."""
    form = ctx.form
    if not form.year.strip().isdigit():
        return
    year = int(form.year)
    places = [(f"key_tasks[{i}].name", f"重点工作第{i + 1}项", [task.name]) for i, task in enumerate(form.key_tasks)]
    for i, fund in enumerate(form.special_funds):
        if fund.detail is None:
            continue
        name = f"附表3“{fund.detail.name.strip() or fund.name.strip()}”"
        places.append((f"special_funds[{i}].detail.period", f"{name}的项目实施期", [fund.detail.period]))
        for j, line in enumerate(fund.detail.expenses):
            places.append((f"special_funds[{i}].detail.expenses[{j}].summary", f"{name}的支出明细第{j + 1}行",
                           [line.summary, line.detail]))
    for location, where, texts in places:
        for text in texts:
            others = sorted({int(y) for y in _YEAR_RE.findall(text) if int(y) != year})
            if others:
                yield Hit(location, f"{where}写的是{others[0]}年（“{text.strip()}”），本表是{year}年度；是否沿用了往年的表？")
                break


@rule("period.mid_vs_annual", Severity.WARNING, "中期资金与项目期、年度资金不相称", kinds=("project",))
def mid_vs_annual(ctx: CheckContext):
    form = ctx.form
    mid, annual = ctx.value(form.funding.mid.total), ctx.value(form.funding.annual.total)
    span = period_span(form.period)
    if mid is None or annual is None or not annual or span is None:
        return
    months = span[2]
    years = -(-months // 12)  # a started year counts
    if mid > annual * years:
        times = mid / annual
        times_text = f"{times.normalize():f}" if times == times.to_integral_value() else f"{times:.2f}"
        yield Hit(
            "funding.mid.total",
            f"项目期“{form.period.strip()}”共{months}个月（{years}年），但中期资金{ctx.money(mid)}是年度资金{ctx.money(annual)}的{times_text}倍，"
            f"超过{years}年的年度资金合计{ctx.money(annual * years)}；请核对中期资金或项目期",
            ("period", "funding.annual.total"),
        )
