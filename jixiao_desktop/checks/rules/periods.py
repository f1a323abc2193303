"""Periods: 项目期 readable, 时效 inside the year or project period, 中期 vs 年度 amounts."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from decimal import Decimal

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import INDICATOR_KINDS, Hit, rule
from jixiao_desktop.forms.layouts import canonical
from jixiao_desktop.templates import roles

_RANGE_RE = re.compile(
    r"(?P<y1>\d{4})\s*年\s*(?:(?P<m1>\d{1,2})\s*月份?)?\s*[-—–~～至到]\s*(?:(?P<y2>\d{4})\s*年)?\s*(?:(?P<m2>\d{1,2})\s*月份?)?"
)
_YEARS_RE = re.compile(r"^\s*(?P<n>\d+)\s*年\s*$")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})\s*年")
_ONE_YEAR_RE = re.compile(r"^\s*(?P<y>\d{4})\s*年?\s*(?:全年)?\s*$")   # 2025年度, 2025年全年, 2025

_COMPACT_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(?:[0-3]\d)?(?!\d)")          # 202401, 20240131
_DOTTED_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[./\-]\s*(\d{1,2})(?!\d)(?:\s*[./\-]\s*\d{1,2}(?!\d))?")  # 2024.01(.31)
_DAY_RE = re.compile(r"(月份?)\s*\d{1,2}\s*[日号]")                                                  # 1月31日 → 1月
_BARE_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.年])(?=\s*(?:[-—–~～至到]|$))")        # 2024-2026
_MONTHS_OF_A_YEAR_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*[-—–~～至到]\s*(\d{1,2})\s*月")     # 2025年1-12月
_FROM_RE = re.compile(r"(年|月)\s*(?:份)?\s*(?:起|开始|始)")                                       # 2025年3月起至…
_UNTIL_RE = re.compile(r"(年|月)\s*(?:份)?\s*(?:止|结束|底|末)")                                   # …至2027年12月止
_CN_NUMBER_RE = re.compile(r"([〇零一二两三四五六七八九十]+)(?=\s*(?:年|月|个月))")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}


def _cn_number(text: str) -> str:
    """二〇二五 → 2025, 十二 → 12, 三 → 3 (years written digit by digit, months and counts with 十)."""
    if "十" not in text:
        return "".join(str(_CN_DIGIT[c]) for c in text)
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return text
    return str((_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0))


@lru_cache(maxsize=4096)
def _dates_in_words(text: str) -> str:
    """``2024.01-2026.12``, ``202401-202612``, ``2024/1/1—2024/12/31``, ``2024-2026``, ``2025年度至2027年度``,
    ``自2025年3月起至2027年12月止``, ``2025年1-12月``, ``二〇二五年一月至二〇二六年十二月`` written as
    ``2024年1月-2026年12月``, ``2024年-2026年``: every printed style of a period read the same way."""
    text = unicodedata.normalize("NFKC", text)
    text = _CN_NUMBER_RE.sub(lambda m: _cn_number(m[1]), text)
    text = text.replace("年度", "年")
    text = _COMPACT_RE.sub(lambda m: f"{m[1]}年{int(m[2])}月", text)
    text = _DOTTED_RE.sub(lambda m: f"{m[1]}年{int(m[2])}月", text)
    text = _DAY_RE.sub(r"\1", text)
    text = _MONTHS_OF_A_YEAR_RE.sub(r"\1年\2月-\1年\3月", text)
    text = _FROM_RE.sub(r"\1", text)
    text = _UNTIL_RE.sub(r"\1", text)
    return _BARE_YEAR_RE.sub(r"\1年", text)


def _range(text: str):
    """The first written range (start, separator, end) of ``text`` in words, or None; an open end
    (``2025年-长期``) is no range."""
    match = _RANGE_RE.search(_dates_in_words(text or ""))
    if match is None or (match["y2"] is None and match["m2"] is None):
        return None
    return match


def period_span(text: str) -> tuple[int, int, int] | None:
    """(first year, last year, months) of ``2020年9月-2021年8月``, ``2024年1月至2026年12月``, ``2024.01-2026.12``;
    None when there is no range or its end is before its start or a month is not 1–12."""
    match = _range(text)
    if match is None:
        return None
    y1 = int(match["y1"])
    y2 = int(match["y2"]) if match["y2"] else y1
    m1 = int(match["m1"]) if match["m1"] else 1
    m2 = int(match["m2"]) if match["m2"] else 12
    if (y2, m2) < (y1, m1) or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    return y1, y2, (y2 - y1) * 12 + (m2 - m1) + 1


def field_period_span(text: str) -> tuple[int, int, int] | None:
    """A 项目期 field: a range as :func:`period_span`, or one year alone (``2025年度``, ``2025年全年``)."""
    span = period_span(text)
    if span is None and (one := _ONE_YEAR_RE.match(_dates_in_words(text or ""))):
        return int(one["y"]), int(one["y"]), 12
    return span


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
        words = _dates_in_words(text)
        if text and _range(text) is not None and period_span(text) is None:
            yield Hit(location, f"{label}“{text}”的起止时间有误：结束早于开始，或月份不在1～12月之间")
        elif text and not (field_period_span(text) or _YEARS_RE.match(words) or _YEAR_RE.search(words)):
            yield Hit(
                location,
                f"{label}填的是“{text}”，应写起止年月或年限（如“2024年1月-2026年12月”或“3年”）；"
                "“经常性/一次性”属于项目属性",
            )


def _project_years(ctx: CheckContext) -> tuple[int, int] | None:
    found = _period(ctx)
    span = field_period_span(found[1]) if found else None
    if span:
        return span[0], span[1]
    years = _YEARS_RE.match(_dates_in_words(found[1])) if found else None
    year = _year(ctx)
    if years and year is not None and int(years["n"]) >= 1:   # 3年 from the form's year on
        return year, year + int(years["n"]) - 1
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
            years = [int(y) for y in _YEAR_RE.findall(_dates_in_words(f"{ind.name} {ind.value}"))]
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
        later = sorted({int(y) for y in _YEAR_RE.findall(_dates_in_words(text)) if int(y) > year})
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
            others = sorted({int(y) for y in _YEAR_RE.findall(text) if int(y) != year})
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
