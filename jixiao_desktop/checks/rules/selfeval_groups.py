"""Checks of an evaluation's 一级/二级 groups: a heading's stated points, and the summary table of the groups.

A third-party report states each group's points in its heading (效益（35分）) and repeats each 一级's 分值 and
得分 in a summary table (columns with the roles ``group_points`` and ``group_score``, one row per 一级, matched
to the detail rows by the 一级's name). Both must say what the detail rows add up to; each finding gives both
numbers. A row of the summary that names no 一级 of the detail (合计) is the template's relations' business.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import Hit, rule
from jixiao_desktop.forms.layouts import canonical, stated_points
from jixiao_desktop.selfeval.sheet import indicator_lines, is_evaluation, number
from jixiao_desktop.templates.schema import AmountTable

_SUMMED = {"group_points": ("weight", "分值"), "group_score": ("score", "得分")}


def _group(name: str) -> str:
    """A 一级's name as the summary and the detail may both write it: 产出 / 产出指标 / 产出（35分）."""
    return canonical(name).removesuffix("指标")


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _sum(lines, column: str) -> Decimal | None:
    values = [number(line.row.get(column, "")) for line in lines]
    return sum(values, Decimal(0)) if values and all(v is not None for v in values) else None


@rule("selfeval.heading_points", Severity.ERROR, "指标标题注明的分值与其下各指标分值之和不符", kinds=("template",),
      source="arithmetic")
def heading_points(ctx: CheckContext):
    form = ctx.form
    if not is_evaluation(form):
        return
    lines = indicator_lines(form)
    for level, key in (("一级", "level1"), ("二级", "level2")):
        seen: set[tuple[str, str]] = set()
        for line in lines:
            heading = getattr(line, key)
            group = (line.level1, heading) if key == "level2" else ("", heading)
            name, stated = stated_points(heading)
            if not stated or group in seen:
                continue
            seen.add(group)
            own = [x for x in lines if (x.level1, getattr(x, key)) == (line.level1, heading)] if key == "level2" \
                else [x for x in lines if x.level1 == heading]
            total = _sum(own, "weight")
            if total is not None and total != Decimal(stated):
                yield Hit(f"{own[0].location}.{key}", f"{level}指标“{name}”标明{stated}分，其下各三级指标分值合计"
                          f"{_plain(total)}分，相差{_plain(abs(total - Decimal(stated)))}分")


@rule("selfeval.group_summary", Severity.ERROR, "汇总表与明细表不符", kinds=("template",), source="arithmetic")
def group_summary(ctx: CheckContext):
    """Each summary row naming a 一级: its 分值/得分 equal to the sum over the detail rows of that 一级."""
    form = ctx.form
    if not is_evaluation(form):
        return
    lines = indicator_lines(form)
    groups: dict[str, list] = {}
    for line in lines:
        groups.setdefault(_group(line.level1), []).append(line)
    for table in (s for s in form.loaded.template.section if isinstance(s, AmountTable)):
        columns = [(c, _SUMMED[c.role]) for c in table.columns if c.role in _SUMMED]
        if not columns:
            continue
        labels = {r.id: r.label for r in table.rows}
        for index, row in enumerate(form.content.tables.get(table.id, [])):
            label = labels.get(row.get("_row", ""), row.get("label", "") or row.get("name", ""))
            own = groups.get(_group(label or ""))
            if not own:
                continue
            for column, (detail, words) in columns:
                typed = number(row.get(column.id, ""))
                summed = _sum(own, detail)
                if typed is None or summed is None or typed == summed:
                    continue
                yield Hit(f"content.tables.{table.id}[{index}].{column.id}",
                          f"{table.label}中“{label}”的{column.label}为{_plain(typed)}，明细表中“{stated_points(own[0].level1)[0]}”"
                          f"各三级指标{words}合计{_plain(summed)}，相差{_plain(abs(summed - typed))}",
                          (f"{own[0].location}.{detail}",))
