"""Indicator values (指标值): units, ranges, operators, and values in the wrong column."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import INDICATOR_KINDS, Hit, rule
from jixiao_desktop.forms.indicator_value import Operator, parse_indicator_value
from jixiao_desktop.forms.layouts import canonical
from jixiao_desktop.forms.measures import label_of, unit_fits, units_for

_RATE_NAME_RE = re.compile(r"率|比例|比重|占比|满意度|覆盖面")
_DATE_LIKE_RE = re.compile(r"^\s*\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?(?:底|前|末|内|以前)?\s*$"
                           r"|^\s*\d+\s*[-—~～至]\s*\d+\s*(?:年|月|日|天)\s*$")


def _cells(ctx: CheckContext):
    """Filled indicator cells (grid, location, row index, 一级, 二级, indicator), once per run."""
    return ctx.memo("filled_cells", lambda: [
        (grid, base, i, canonical(row.level1), canonical(indicator.level2), indicator)
        for grid in ctx.grids()
        for base, i, _side, row, indicator in grid.cells()
        if indicator.value.strip() or indicator.name.strip()
    ])


def _where(grid, i) -> str:
    return f"{grid.label}第{i + 1}行"


@rule("value.no_unit", Severity.ERROR, "定量指标缺少计量单位", kinds=INDICATOR_KINDS, source="system")
def no_unit(ctx: CheckContext):
    """The budget system does not save a quantitative 指标值 without its 计量单位 (定性 values need none).
    A 度量单位 column counts as the value's unit; a row whose 指标性质 says 定性 is not quantitative; an
    Excel date serial in a 时效 value is ``value.excel_date``'s."""
    from jixiao_desktop.checks.rules.refusals import template_rows

    tables = template_rows(ctx)
    for grid, base, i, _l1, level2, ind in _cells(ctx):
        value = ind.parsed
        if not value.quantitative or value.unit or _is_excel_serial(value.number, level2):
            continue
        table, typed, _name = tables.get(grid.path, (None, [], ""))
        raw = typed[i] if i < len(typed) else {}
        if "".join(raw.get("nature", "").split()) == "定性":
            continue
        column = table is not None and "unit" in table.columns
        yield Hit(f"{base}.unit" if column else f"{base}.value",
                  f"{_where(grid, i)}“{ind.name.strip()}”的指标值“{ind.value.strip()}”只有数字，缺少计量单位，预算系统不能保存；"
                  f"{'请在度量单位一栏填写' if column else '请在数字后写上单位'}{_unit_hint(ind.name, value)}")


_UNIT_HINTS = (
    (re.compile(r"率|比例|比重|占比|满意度|覆盖面"), "%"),
    (re.compile(r"人数|人次$|名额"), "人"),
    (re.compile(r"户数"), "户"),
    (re.compile(r"次数|场次"), "次"),
    (re.compile(r"天数|时限|周期|用时"), "天"),
    (re.compile(r"金额|资金|成本|标准|费用|补贴|补助"), "元"),
)


def _unit_hint(name: str, value) -> str:
    """``（如“≥95%”）`` from what the name measures; the usual units where the name says nothing."""
    for pattern, unit in _UNIT_HINTS:
        if pattern.search(name):
            return f"（如“{value.normalized()}{unit}”）"
    return "（如%、个、人、元）"


@rule("value.percent_range", Severity.ERROR, "百分比超出0～100%", kinds=INDICATOR_KINDS)
def percent_range(ctx: CheckContext):
    for grid, base, i, _l1, _l2, ind in _cells(ctx):
        value = ind.parsed
        if value.is_percent and value.number is not None and not (0 <= value.number <= 100):
            yield Hit(f"{base}.value", f"{_where(grid, i)}“{ind.name.strip()}”的指标值为{ind.value.strip()}，百分比应在0～100%之间")


@rule("value.timeliness_over_100", Severity.WARNING, "时效或比率目标写成≥100%", kinds=INDICATOR_KINDS, source="review")
def timeliness_over_100(ctx: CheckContext):
    for grid, base, i, _l1, level2, ind in _cells(ctx):
        value = ind.parsed
        if not value.is_percent or value.number is None or value.number < 100:
            continue
        if value.operator in (Operator.GE, Operator.GT) and (level2 == "时效指标" or _RATE_NAME_RE.search(ind.name)):
            yield Hit(
                f"{base}.value",
                f"{_where(grid, i)}“{ind.name.strip()}”的目标为{ind.value.strip()}：比率最多达到100%，“≥100%”无法衡量，应写“＝100%”",
            )


@rule("value.money_on_rate", Severity.WARNING, "比率类指标填了金额单位", kinds=INDICATOR_KINDS, source="review")
def money_on_rate(ctx: CheckContext):
    for grid, base, i, _l1, _l2, ind in _cells(ctx):
        if _RATE_NAME_RE.search(ind.name) and ind.parsed.is_money:
            yield Hit(f"{base}.value", f"{_where(grid, i)}“{ind.name.strip()}”是比率类指标，指标值却是金额“{ind.value.strip()}”；单位应为%")


@rule("value.money_outside_cost", Severity.WARNING, "金额填在了成本指标以外", kinds=INDICATOR_KINDS, source="review")
def money_outside_cost(ctx: CheckContext):
    for grid, base, i, level1, level2, ind in _cells(ctx):
        value = ind.parsed
        if value.is_money and not value.is_rate and level2 in ("数量指标", "质量指标", "时效指标"):
            yield Hit(
                f"{base}.value",
                f"{_where(grid, i)}{level2}“{ind.name.strip()}”的指标值是金额{ind.value.strip()}；金额类目标应填在成本指标下",
            )


@rule("value.operator_direction", Severity.HINT, "指标方向可能写反", kinds=INDICATOR_KINDS)
def operator_direction(ctx: CheckContext):
    for grid, base, i, level1, level2, ind in _cells(ctx):
        op = ind.parsed.operator
        if op is None:
            continue
        if (level2 == "成本指标" or level1 == "成本指标") and op in (Operator.GE, Operator.GT):
            why = "成本指标通常是上限，宜用“≤”"
        elif "满意度" in level2 and op in (Operator.LE, Operator.LT):
            why = "满意度通常是下限，宜用“≥”"
        elif level2 == "数量指标" and op in (Operator.LE, Operator.LT):
            why = "数量指标通常是下限，宜用“≥”或“＝”"
        else:
            continue
        yield Hit(f"{base}.value", f"{_where(grid, i)}“{ind.name.strip()}”的目标为{ind.value.strip()}：{why}")


@rule("value.operator_spelling", Severity.HINT, "比较符号不规范", kinds=INDICATOR_KINDS)
def operator_spelling(ctx: CheckContext):
    for grid, base, i, _l1, _l2, ind in _cells(ctx):
        value = ind.parsed
        if value.operator_spelling:
            yield Hit(
                f"{base}.value",
                f"{_where(grid, i)}指标值“{ind.value.strip()}”中的“{value.operator_spelling}”不是规范符号，"
                f"预算系统写作“{value.operator.value}”（{value.normalized()}）",
            )


def _is_excel_serial(number: Decimal | None, level2: str) -> bool:
    return (
        number is not None and level2 == "时效指标" and number == number.to_integral_value()
        and 20000 <= number <= 80000
    )


@rule("value.excel_date", Severity.WARNING, "时效指标中是Excel日期序号", kinds=INDICATOR_KINDS)
def excel_date(ctx: CheckContext):
    for grid, base, i, _l1, level2, ind in _cells(ctx):
        for field in ("value", "name"):
            value = parse_indicator_value(getattr(ind, field))
            if _is_excel_serial(value.number, level2) and not value.unit:
                date = dt.date(1899, 12, 30) + dt.timedelta(days=int(value.number))
                yield Hit(
                    f"{base}.{field}",
                    f"{_where(grid, i)}时效指标中的“{getattr(ind, field).strip()}”是Excel的日期序号（即{date.year}年{date.month}月{date.day}日），"
                    "请写成日期",
                )


def _looks_like_value(name: str) -> bool:
    parsed = parse_indicator_value(name)
    if parsed.quantitative and (parsed.is_money or parsed.is_percent or parsed.is_rate or len(parsed.unit) <= 2):
        return True
    return bool(_DATE_LIKE_RE.match(name))


@rule("value.name_is_a_value", Severity.WARNING, "三级指标名称处填的是数值或日期", kinds=INDICATOR_KINDS)
def name_is_a_value(ctx: CheckContext):
    """Each side's 三级 cell is judged on its own: the same value typed in the 中期 and the 年度 三级 is two
    cells to correct, both marked (as a template document's sides, one row each, always were)."""
    for grid, base, i, _l1, level2, ind in _cells(ctx):
        name = ind.name.strip()
        if not name:
            continue
        if _looks_like_value(name):
            parsed = parse_indicator_value(name)
            kind = "数值" if parsed.quantitative and not parsed.unit.startswith("年") else "日期或期限"
            yield Hit(
                f"{base}.name",
                f"{_where(grid, i)}{level2 or '指标'}的三级指标名称填的是{kind}“{name}”；"
                "三级指标应写衡量什么（如“补助发放及时性”“补助标准”），数值写在指标值一栏",
            )


@rule("value.unit_vs_name", Severity.WARNING, "指标名称与计量单位不一致", kinds=INDICATOR_KINDS, source="review")
def unit_vs_name(ctx: CheckContext):
    """``补贴人数`` counted in 个, ``秸秆综合利用`` in 个, ``村组干部230人`` in 个: the unit counts something
    else than the name names (what each name and unit measures: :mod:`jixiao_desktop.forms.measures`)."""
    for grid, base, i, _l1, _l2, ind in _cells(ctx):
        value = ind.parsed
        if not value.quantitative or not value.unit or value.is_percent or value.is_money:
            continue
        name = ind.name.strip()
        if unit_fits(name, value.unit) is False:
            yield Hit(
                f"{base}.value",
                f"{_where(grid, i)}“{name}”按名称数的是{label_of(name)}（应以{units_for(name)}等计），"
                f"指标值却是“{ind.value.strip()}”（单位{value.unit}）",
            )
