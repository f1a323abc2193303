"""Completeness: required fields, placeholders, 产出/效益 present, no duplicate 三级."""

from __future__ import annotations

from collections import defaultdict

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import INDICATOR_KINDS, Hit, rule
from jixiao_desktop.forms.layouts import BENEFIT, INPUT_MANAGEMENT, OUTPUT, canonical
from jixiao_desktop.forms.locations import describe, resolve

# (location, severity) per kind: what the budget system refuses to accept blank.
REQUIRED: dict[str, list[tuple[str, Severity]]] = {
    "project": [
        ("year", Severity.ERROR),
        ("project_name", Severity.ERROR),
        ("department_code", Severity.ERROR),
        ("implementing_unit", Severity.ERROR),
        ("attribute", Severity.WARNING),
        ("period", Severity.WARNING),
        ("leader", Severity.WARNING),
        ("leader_phone", Severity.WARNING),
        ("overview", Severity.ERROR),
        ("basis", Severity.WARNING),
        ("funding.annual.total", Severity.ERROR),
        ("goals.annual", Severity.ERROR),
        ("signoff.filler", Severity.WARNING),
        ("signoff.date", Severity.HINT),
    ],
    "department": [
        ("year", Severity.ERROR),
        ("name", Severity.ERROR),
        ("budget.total", Severity.ERROR),
        ("budget.basic", Severity.WARNING),
        ("budget.project", Severity.WARNING),
        ("duties", Severity.ERROR),
        ("signoff.filler", Severity.WARNING),
        ("signoff.phone", Severity.HINT),
    ],
    "unit": [
        ("year", Severity.ERROR),
        ("name", Severity.ERROR),
        ("funding_method", Severity.WARNING),
        ("budget.total", Severity.ERROR),
        ("budget.basic", Severity.WARNING),
        ("budget.project", Severity.WARNING),
        ("duties", Severity.ERROR),
        ("annual_goal", Severity.WARNING),
        ("staff_count", Severity.WARNING),
        ("internal_units", Severity.HINT),
    ],
}

_PLACEHOLDER_CHARS = frozenset(" \t\n\u3000*＊-—－_＿/／.。·、…无略暂待定")


def is_placeholder(text: str) -> bool:
    """``*``, ``-``, ``_``, ``/``, ``无`` and the like: a value that says nothing."""
    stripped = text.strip()
    return bool(stripped) and all(ch in _PLACEHOLDER_CHARS for ch in stripped)


@rule("required.blank", Severity.ERROR, "必填项未填")
def required_blank(ctx: CheckContext):
    for location, severity in REQUIRED.get(ctx.kind, ()):
        value = resolve(ctx.form, location)
        if isinstance(value, str) and not value.strip():
            yield Hit(location, f"{describe(ctx.form, location)}未填写", severity=severity)


@rule("placeholder.value", Severity.ERROR, "填写了占位符", kinds=INDICATOR_KINDS)
def placeholder_value(ctx: CheckContext):
    for location, severity in REQUIRED.get(ctx.kind, ()):
        value = resolve(ctx.form, location)
        if isinstance(value, str) and is_placeholder(value):
            yield Hit(location, f"{describe(ctx.form, location)}填的是“{value.strip()}”，预算系统不接受占位符，请填写实际内容")
    for grid in ctx.grids():
        for base, _i, _side, _row, indicator in grid.cells():
            for field, label in (("name", "三级指标"), ("value", "指标值")):
                text = getattr(indicator, field)
                if is_placeholder(text) and not _refused(field, text):
                    yield Hit(f"{base}.{field}", f"{grid.label}的{label}填的是“{text.strip()}”，预算系统不接受占位符")
    from jixiao_desktop.checks.rules.returns_texts import text_placeholders

    yield from text_placeholders(ctx)   # XX, 某某, 待填写 left in any text: a reviewer's return (警告)


def _refused(field: str, text: str) -> bool:
    """``-``, ``_``, ``*`` the budget system refuses: said by ``system.value_marks``/``system.name_marks``."""
    from jixiao_desktop.checks import refused

    return bool(refused.marks(text)) if field == "value" else refused.only_marks(text)


def _sides(grid):
    sides = {"annual"}
    if any(row.mid is not None for row in grid.rows):
        sides.add("mid")
    return sides


@rule("indicators.required_groups", Severity.ERROR, "产出指标和效益指标至少各有一个三级指标", kinds=INDICATOR_KINDS,
      source="system")
def required_groups(ctx: CheckContext):
    if ctx.kind == "template" and not _layout_has_output_and_benefit(ctx.form):
        return  # a template's own 一级 list without 产出/效益: the budget system's rule is not its rule
    for grid in ctx.grids():
        if ctx.kind != "template" and grid.path != "indicators" and not any(not r.annual.blank for r in grid.rows):
            continue  # an empty 附表3 grid is reported as a whole elsewhere
        for side in sorted(_sides(grid)):
            present = {canonical(row.level1) for row in grid.rows
                       if (ind := (row.mid if side == "mid" else row.annual)) is not None and ind.name.strip()}
            side_name = "中期" if side == "mid" else "年度"
            for level1 in (OUTPUT, BENEFIT):
                if level1 not in present:
                    prefix = f"{grid.label}的{side_name}指标" if grid.has_mid else f"{grid.label}"
                    yield Hit(grid.path, f"{prefix}中没有任何{level1}下的三级指标；预算系统要求产出指标和效益指标至少各有一项")


def _layout_has_output_and_benefit(form) -> bool:
    from jixiao_desktop.forms.layouts import LAYOUTS, IndicatorLayout

    meta = form.loaded.meta
    levels = ({canonical(k) for k in meta.levels} if meta.layout == "own"
              else set(LAYOUTS[IndicatorLayout(meta.layout)]))
    return OUTPUT in levels and BENEFIT in levels


@rule("indicators.duplicate_name", Severity.ERROR, "三级指标名称重复", kinds=INDICATOR_KINDS, source="system")
def duplicate_name(ctx: CheckContext):
    for grid in ctx.grids():
        for side in sorted(_sides(grid)):
            seen: dict[str, list[int]] = defaultdict(list)
            for i, row in enumerate(grid.rows):
                indicator = row.mid if side == "mid" else row.annual
                if indicator is not None and indicator.name.strip():
                    seen["".join(indicator.name.split())].append(i)
            for name, rows in seen.items():
                if len(rows) > 1:
                    first = rows[0]
                    for i in rows[1:]:
                        yield Hit(
                            f"{grid.at(i, side)}.name",
                            f"{grid.label}第{i + 1}行的三级指标“{name}”与第{first + 1}行重复；同一张表中三级指标名称不能重复",
                            (f"{grid.at(first, side)}.name",),
                        )


@rule("indicators.half_filled", Severity.ERROR, "三级指标行有必填栏未填", kinds=INDICATOR_KINDS, source="system")
def half_filled(ctx: CheckContext):
    """The budget system does not save a 三级 row with a required cell empty: its name, its 指标值, and
    its 指标性质 where the sheet has that column and the value is filled (a value that states its operator,
    ``≥95``, gives it; a missing value is said first). A
    quantitative value without its 度量单位 is ``value.no_unit``; a row left wholly blank is no row."""
    from jixiao_desktop.checks.rules.refusals import template_rows
    from jixiao_desktop.forms.indicator_value import parse_indicator_value

    if ctx.kind == "template" and ctx.form.loaded.meta.kind == "evaluation":
        return  # an evaluation scores what was done: a qualitative indicator has no 目标值 to type
    tables = template_rows(ctx)
    for grid in ctx.grids():
        table, typed, _name = tables.get(grid.path, (None, [], ""))
        for base, i, _side, row, indicator in grid.cells():
            if canonical(row.level1) == INPUT_MANAGEMENT:
                continue  # 投入管理指标 (上海) are set by the budget system's own rules
            name, value = indicator.name.strip(), indicator.value.strip()
            if name and not value:
                yield Hit(f"{base}.value", f"{grid.label}第{i + 1}行的三级指标“{name}”没有指标值；预算系统不保存缺项的指标，"
                          "请填写指标值")
            elif value and not name:
                yield Hit(f"{base}.name", f"{grid.label}第{i + 1}行有指标值“{value}”，但没有三级指标名称；"
                          "预算系统不保存缺项的指标，请填写三级指标名称")
            raw = typed[i] if i < len(typed) else {}
            if (table is not None and "nature" in table.columns and value and not raw.get("nature", "").strip()
                    and parse_indicator_value(raw.get("value", "")).operator is None):
                yield Hit(f"{base}.nature", f"{grid.label}第{i + 1}行“{name or value}”的指标性质未填；预算系统要求填写："
                          "定量指标填≥、＞、＝、＜、≤之一，定性指标填“定性”")


@rule("indicators.mid_empty", Severity.WARNING, "填了中期目标但中期指标为空", kinds=("project",), source="review")
def mid_empty(ctx: CheckContext):
    form = ctx.form
    if not form.goals.mid.strip():
        return
    if not any(row.mid is not None and not row.mid.blank for row in form.indicators):
        yield Hit("indicators", "总体目标中填了中期目标，但绩效指标的中期一栏全部为空；请填写中期指标，或删去中期目标")
