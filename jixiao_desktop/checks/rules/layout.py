"""Indicator layout: 一级 and 二级 headings, judged by the layout the form declares.

A blank heading under a filled one is that heading (a merged cell): a row is missing its 一级 or 二级
only when none is above it either; a wrong heading is reported once, on the row where it is typed.
"""

from __future__ import annotations

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import Hit, rule
from jixiao_desktop.forms.layouts import LAYOUTS, IndicatorLayout, canonical, level1_names, parent_of


def _any_parent(level2: str) -> str | None:
    for layout in IndicatorLayout:
        parent = parent_of(layout, level2)
        if parent:
            return parent
    return None


def _has_content(row) -> bool:
    return any(not indicator.blank for _, indicator in row.sides())


@rule("layout.level1_unknown", Severity.ERROR, "一级指标不属于本表的指标体系")
def level1_unknown(ctx: CheckContext):
    layout = ctx.form.layout
    allowed = level1_names(layout)
    for grid in ctx.grids():
        for i, row in enumerate(grid.rows):
            name = canonical(row.level1)
            if not name:
                if _has_content(row):
                    yield Hit(f"{grid.path}[{i}].level1", f"{grid.label}第{i + 1}行没有一级指标")
                continue
            if not grid.typed[i].level1.strip():
                continue  # the heading above, reported where it is typed
            if name not in allowed:
                yield Hit(
                    f"{grid.path}[{i}].level1",
                    f"{grid.label}第{i + 1}行的一级指标“{row.level1.strip()}”不属于{layout.label}指标体系；"
                    f"应为{'、'.join(allowed)}之一",
                )


@rule("layout.level2_misplaced", Severity.ERROR, "二级指标放在了错误的一级指标下")
def level2_misplaced(ctx: CheckContext):
    layout = ctx.form.layout
    for grid in ctx.grids():
        for i, row in enumerate(grid.rows):
            level1 = canonical(row.level1)
            if level1 not in LAYOUTS[layout]:
                continue
            children = LAYOUTS[layout][level1]
            wrong = []
            typed = dict(grid.typed[i].sides())
            for side, ind in row.sides():
                level2 = canonical(ind.level2)
                if side in typed and not typed[side].level2.strip() and not grid.typed[i].level1.strip():
                    continue  # both headings from the rows above: reported there
                if level2 and level2 not in children and parent_of(layout, level2) is not None:
                    wrong.append((side, ind))
            names = {canonical(ind.level2) for _, ind in wrong}
            for side, indicator in wrong if len(names) > 1 else wrong[:1]:
                parent = parent_of(layout, indicator.level2)
                yield Hit(
                    f"{grid.path}[{i}].level1",
                    f"{grid.label}第{i + 1}行：“{indicator.level2.strip()}”是{parent}的二级指标，却填在一级指标“{row.level1.strip()}”下"
                    f"（按{layout.label}）；请把这一行移到{parent}下",
                    tuple(f"{grid.path}[{i}].{s}.level2" for s, _ in wrong),
                )


@rule("layout.level2_unknown", Severity.WARNING, "二级指标名称不规范")
def level2_unknown(ctx: CheckContext):
    layout = ctx.form.layout
    for grid in ctx.grids():
        for base, i, side, row, indicator in grid.cells():
            level2 = canonical(indicator.level2)
            if not level2:
                if not indicator.blank:
                    yield Hit(f"{base}.level2", f"{grid.label}第{i + 1}行有三级指标但没有二级指标")
                continue
            if not dict(grid.typed[i].sides())[side].level2.strip():
                continue  # the heading above, reported where it is typed
            if parent_of(layout, level2) is None:
                elsewhere = _any_parent(level2)
                hint = f"（这是其他指标体系中{elsewhere}的二级指标）" if elsewhere else ""
                yield Hit(
                    f"{base}.level2",
                    f"{grid.label}第{i + 1}行的二级指标“{indicator.level2.strip()}”不在{layout.label}指标体系中{hint}",
                )


@rule("layout.sides_differ", Severity.HINT, "同一行中期与年度的二级指标不同", kinds=("project",))
def sides_differ(ctx: CheckContext):
    grid = next((g for g in ctx.grids() if g.path == "indicators"), None)
    for i, row in enumerate(grid.rows if grid is not None else ()):
        if row.mid is None:
            continue
        mid, annual = canonical(row.mid.level2), canonical(row.annual.level2)
        if mid and annual and mid != annual:
            yield Hit(
                f"indicators[{i}].annual.level2",
                f"绩效指标第{i + 1}行：中期二级指标为“{row.mid.level2.strip()}”，年度为“{row.annual.level2.strip()}”",
                (f"indicators[{i}].mid.level2",),
            )
