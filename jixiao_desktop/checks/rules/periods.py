"""Periods: 项目期 readable, 时效 inside the year or project period, 中期 vs 年度 amounts.

Every date and period is read by :mod:`jixiao_desktop.forms.periods` (one parser for every printed style)."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import INDICATOR_KINDS, Hit, rule
from jixiao_desktop.forms.layouts import canonical
from jixiao_desktop.forms.periods import first_range, parse_period, years_in
from jixiao_desktop.templates import roles


def period_span(text: str) -> tuple[int, int, int] | None:
    """(first year, last year, months) of the first range written in ``text`` (``2020年9月-2021年8月``,
    ``2024.01-2026.12``); None when there is none or its end is before its start or a month is not 1–12."""
    period = first_range(text or "")
    return period.span() if period else None


def field_period_span(text: str) -> tuple[int, int, int] | None:
    """A 项目期 field: a range as :func:`period_span`, or one year alone (``2025年度``, ``2025年全年``)."""
    period = parse_period(text or "")
    return period.span() if period else period_span(text)


def project_months(text: str) -> int | None:
    """How many months a 项目期 lasts: a dated range's months, or a length's most (3年 → 36)."""
    period = parse_period(text or "")
    return period.months if period else None


def _period(ctx: CheckContext) -> tuple[str, str, str] | None:
    """(location, text, label) of the 项目期: the project form's, or the field a template calls ``period``."""
    if ctx.kind == "template":
        cell = roles.find(ctx.form, "period")
        return (cell.location, cell.text, cell.label) if cell else None
    if ctx.kind == "project":
        return "period", ctx.form.period, "项目期"
    return None


def _year(ctx: CheckContext) -> int | None:
    if ctx.kind == "template":
        return roles.year(ctx.form)
    return int(ctx.form.year) if ctx.form.year.strip().isdigit() else None


@rule("period.unreadable", Severity.WARNING, "项目期不是起止时间或年限", kinds=("project", "template"), source="review")
def period_unreadable(ctx: CheckContext):
    if ctx.kind == "template":
        places = [(cell.location, cell.text, f"{where}{cell.label}") for cell, where in roles.find_all(ctx.form, "period")]
    else:
        places = [_period(ctx)]
    for location, text, label in places:
        text = text.strip()
        if not text:
            continue
        period = parse_period(text) or first_range(text)
        if period is not None and not period.ok:
            yield Hit(location, f"{label}“{text}”的起止时间有误：结束早于开始，或月份不在1～12月之间")
        elif period is None and not years_in(text):
            yield Hit(
                location,
                f"{label}填的是“{text}”，应写起止年月或年限（如“2024年1月-2026年12月”或“3年”）；"
                "“经常性/一次性”属于项目属性",
            )


def _project_years(ctx: CheckContext) -> tuple[int, int] | None:
    found = _period(ctx)
    period = parse_period(found[1]) if found else None
    if period is not None and period.years:
        return period.years
    year = _year(ctx)
    if period is not None and period.length and year is not None:   # 3年 from the form's year on
        return year, year + -(-period.length[1] // 12) - 1
    for grid in ctx.grids():
        for _base, _i, side, _row, indicator in grid.cells():
            if side == "mid" and canonical(indicator.level2) == "时效指标":
                span = period_span(f"{indicator.name} {indicator.value}")
                if span:
                    return span[0], span[1]
    return None


@rule("period.timeliness_outside", Severity.WARNING, "时效超出年度或项目期", kinds=INDICATOR_KINDS, source="review")
def timeliness_outside(ctx: CheckContext):
    year = _year(ctx)
    project = _project_years(ctx) if ctx.kind in ("project", "template") else None
    for grid in ctx.grids():
        for base, i, side, row, ind in grid.cells():
            if canonical(ind.level2) != "时效指标":
                continue
            years = years_in(f"{ind.name} {ind.value}")
            if side == "annual" and year is not None:
                wrong = [y for y in years if y != year]
                if wrong:
                    yield Hit(f"{base}.value", f"{grid.label}第{i + 1}行年度时效写到{wrong[0]}年，超出本表年度{year}年；年度目标应在当年完成")
            elif side == "mid" and project is not None:
                wrong = [y for y in years if not project[0] <= y <= project[1]]
                if wrong:
                    yield Hit(f"{base}.value", f"{grid.label}第{i + 1}行中期时效写到{wrong[0]}年，超出项目期{project[0]}～{project[1]}年")


@rule("period.annual_goal_past_year", Severity.WARNING, "年度目标写到了以后的年份", kinds=INDICATOR_KINDS, source="review")
def annual_goal_past_year(ctx: CheckContext):
    year = _year(ctx)
    if year is None:
        return
    if ctx.kind == "template":
        places = [(cell.location, cell.text, where) for cell, where in roles.find_all(ctx.form, "annual_goal")]
    else:
        from jixiao_desktop.forms.locations import resolve

        location = "goals.annual" if ctx.kind == "project" else "annual_goal"
        places = [(location, resolve(ctx.form, location), "")]
    for location, text, where in places:
        later = sorted({y for y in years_in(text) if y > year})
        if later:
            yield Hit(location, f"{where}年度目标中写到{later[0]}年，但本表是{year}年度；跨年的内容应写进中期目标")


@rule("period.other_year", Severity.WARNING, "支出内容写的是别的年度", kinds=("department", "unit"), source="review")
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
            others = sorted({y for y in years_in(text) if y != year})
            if others:
                yield Hit(location, f"{where}写的是{others[0]}年（“{text.strip()}”），本表是{year}年度；是否沿用了往年的表？")
                break


@rule("period.mid_vs_annual", Severity.WARNING, "中期资金与项目期、年度资金不相称", kinds=("project", "template"), source="arithmetic")
def mid_vs_annual(ctx: CheckContext):
    form = ctx.form
    period = _period(ctx)
    if ctx.kind == "template":
        mid_cell, annual_cell = roles.find(form, "mid_total"), roles.find(form, "annual_total")
        if mid_cell is None or annual_cell is None or period is None:
            return
        mid_at, mid_text, annual_at, annual_text = mid_cell.location, mid_cell.text, annual_cell.location, annual_cell.text
    else:
        mid_at, mid_text = "funding.mid.total", form.funding.mid.total
        annual_at, annual_text = "funding.annual.total", form.funding.annual.total
    mid, annual = ctx.value(mid_text), ctx.value(annual_text)
    span = field_period_span(period[1]) if period else None
    if mid is None or annual is None or not annual or span is None:
        return
    months = span[2]
    years = -(-months // 12)  # a started year counts
    times = mid / annual
    times_text = f"{times.normalize():f}" if times == times.to_integral_value() else f"{times:.2f}"
    head = f"项目期“{period[1].strip()}”共{months}个月（{years}年），但中期资金{ctx.money(mid)}是年度资金{ctx.money(annual)}的{times_text}倍，"
    if years == 1 and mid > annual:
        yield Hit(mid_at, f"{head}超过{years}年的年度资金合计{ctx.money(annual)}；请核对中期资金或项目期", (period[0], annual_at))
    elif years > 1 and _year(ctx) == span[0] and mid - annual > annual * 2 * (years - 1):
        # only in the period's first year: in a later one the 中期 total holds years already spent
        # yearly amounts vary (a second year bigger than the first is normal); other years needing on
        # average more than twice this year's is what a wrong period or a wrong total looks like
        rest = (mid - annual) / (years - 1)
        yield Hit(mid_at, f"{head}其余{years - 1}年平均每年需{ctx.money(rest.quantize(Decimal('0.01')))}，超过本年度的2倍；"
                  "请核对中期资金或项目期", (period[0], annual_at))
