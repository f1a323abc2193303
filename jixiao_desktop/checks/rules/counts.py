"""Counts and costs: the same count agrees across the form; 成本指标 fit the budget."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import INDICATOR_KINDS, Hit, rule
from jixiao_desktop.prose.mentions import mentions as count_mentions
from jixiao_desktop.forms.layouts import canonical
from jixiao_desktop.forms.locations import describe, resolve

_WHOLE_WORDS = ("资金", "经费", "支出", "预算", "补助", "投入", "投资", "总额", "金额", "总成本")


def _common(a: str, b: str, size: int = 4) -> bool:
    return any(a[i:i + size] in b for i in range(max(0, len(a) - size + 1)))


@rule("counts.disagree", Severity.WARNING, "同一数量在不同地方不一致", kinds=("project", "template"), source="arithmetic")
def counts_disagree(ctx: CheckContext):
    """The same count in 项目概况, 资金安排, 年度目标 and the 年度 数量指标 is one number (in a template
    document: the texts with the roles ``overview`` and ``annual_goal`` and the 年度 数量指标 of the same
    form or child form)."""
    for texts, indicators in _count_places(ctx):
        mentions: list[tuple[str, Decimal, str, str]] = []   # (noun, value, unit, location)
        for location, text in texts:
            for q in count_mentions(text):
                if q.noun and not q.approx:
                    mentions.append((q.noun, q.value, q.unit, location))
        for location, ind in indicators:
            if canonical(ind.level2) == "数量指标" and ind.parsed.quantitative and ind.name.strip():
                mentions.append((ind.name.strip(), ind.parsed.number, ind.parsed.unit, location))
        yield from _disagreements(ctx, mentions, {location for location, _ in indicators})


def _count_places(ctx: CheckContext):
    """(texts, annual indicators) of each form the rule compares within: [(location, text)], [(location, indicator)]."""
    form = ctx.form
    # a 项目概况 of a project over several years speaks of the whole period (84 schools in two years),
    # the 年度 side of one year (42 of them): they are compared only when the project is one year's
    whole_period = ("overview", "proposal.overview") if not _several_years(ctx) else ()
    if ctx.kind == "project":
        texts = [(location, resolve(form, location))
                 for location in (*whole_period, "goals.annual", "proposal.content", "proposal.arrangement")]
        yield texts, [(f"indicators[{i}].annual.value", row.annual) for i, row in enumerate(form.indicators)]
        return
    from jixiao_desktop.templates import roles

    grids = ctx.grids()
    for part_sections, part, prefix, _name in form.parts():
        texts = [(cell.location, cell.text) for role in (*whole_period, "annual_goal")
                 if (cell := roles.find(form, role, part, part_sections, prefix)) is not None]
        indicators = [(f"{base}.value", ind) for grid in grids if grid.path.startswith(f"{prefix}tables.")
                      for base, _i, side, _row, ind in grid.cells() if side == "annual"]
        yield texts, indicators


def _several_things(group, indicator_locations: set[str]) -> bool:
    """Whether a group of mentions is several things sharing a name, not one count said twice: two
    differently named 数量指标 fall in it (新建村级公厕 5座, 改造村级公厕 3座). (One text giving the same
    thing two numbers is kept: 对全区27个中心… 22个中心合计… is the mistake itself.)"""
    names = {"".join(noun.split()) for noun, _v, _u, location in group if location in indicator_locations}
    return len(names) > 1


def _several_years(ctx: CheckContext) -> bool:
    """Whether the project's period (项目期, 实施期) spans more than one year: ``2025.01-2026.12``, ``3年``."""
    from jixiao_desktop.checks.rules.periods import _period, project_months

    found = _period(ctx)
    months = project_months(found[1]) if found else None
    return months is not None and months > 12


def _disagreements(ctx: CheckContext, mentions, indicator_locations: set[str]):
    groups = _group_same_things(mentions)
    for group in groups:
        by_value: dict[Decimal, list[str]] = defaultdict(list)
        for _noun, value, _unit, location in group:
            if location not in by_value[value]:
                by_value[value].append(location)
        if len(by_value) < 2 or _several_things(group, indicator_locations):
            continue
        unit = group[0][2]
        noun = min((m[0] for m in group), key=len)
        # report at the place whose value is in the minority, pointing at the others
        ordered = sorted(by_value.items(), key=lambda kv: (len(kv[1]), kv[0]))

        def short(location: str) -> str:
            return "数量指标" if location in indicator_locations else describe(ctx.form, location).split(" › ")[-1]

        parts = "；".join(
            f"{value.normalize():f}{unit}（{'、'.join(short(loc) for loc in locations)}）" for value, locations in ordered
        )
        first_location = ordered[0][1][0]
        related = tuple(loc for _, locations in ordered for loc in locations if loc != first_location)
        yield Hit(first_location, f"“{noun}”的数量前后不一致：{parts}；同一数量应处处相同", related)


def _group_same_things(mentions):
    """Mentions of the same thing in the same unit (a shared run of 4 characters and the same last character), in first-seen order.

    Each mention joins the earliest group holding one it shares a 4-character run
    and its last character with; found through an index of those runs, so the
    work grows with the number of mentions, not its square.
    """
    groups: list[list] = []
    index: dict[tuple, set[int]] = defaultdict(set)
    for mention in mentions:
        noun = "".join(mention[0].split())
        keys = set()
        if len(noun) >= 4:
            keys = {(mention[2], noun[-1], noun[i:i + 4]) for i in range(len(noun) - 3)}
        found = min((g for key in keys for g in index.get(key, ())), default=None)
        if found is None:
            found = len(groups)
            groups.append([])
        groups[found].append(mention)
        for key in keys:
            index[key].add(found)
    return groups


_PER_UNIT_NAME_RE = re.compile(r"每|平均|[人户亩个所座床生]均|单价|单位成本")   # 每个小区平均改造投资: a standard
_PER_TIME_RE = re.compile(r"/\s*(?:月|日|天|周|季度?|次|期|批)|每(?:月|日|天|周|季度?|次)")


def _money_components(grid, side: str):
    """Money targets on one side: (row index, name, value in 元), standards × counts expanded. A target named
    其中… is part of the one above it; one that is the sum of all the others is their total. None when a
    standard cannot be multiplied out (no count for it, or a rate per month, day or time whose number of
    months or times the form does not give)."""
    rows = [(i, row.mid if side == "mid" else row.annual, row) for i, row in enumerate(grid.rows)]
    counts = [(i, ind) for i, ind, _ in rows if ind is not None and canonical(ind.level2) == "数量指标"
              and ind.parsed.quantitative and not ind.parsed.is_money]
    out = []
    for i, ind, _row in rows:
        if ind is None or not ind.parsed.is_money or ind.name.strip().startswith("其中"):
            continue
        value = ind.parsed
        factor = Decimal(10000) if value.unit.startswith("万元") else Decimal(100000000) if value.unit.startswith("亿元") else Decimal(1)
        amount = value.number * factor
        if "标准" in ind.name or value.is_rate or _PER_UNIT_NAME_RE.search(ind.name):
            if _PER_TIME_RE.search(f"{value.unit} {ind.name}"):
                return None
            match = next((c for c in counts if _common(ind.name, c[1].name, 4)), None)
            if match is None:
                return None  # a standard we cannot multiply: no reliable total
            amount *= match[1].parsed.number
            out.append((i, f"{match[1].parsed.number.normalize():f}{match[1].parsed.unit}×{ind.value.strip()}", amount))
        else:
            out.append((i, ind.value.strip(), amount))
    if len(out) >= 3:
        for component in out:
            if component[2] == sum((c[2] for c in out if c is not component), Decimal(0)):
                return [component]   # 总成本 300 with its parts 280 and 20
    return out


@rule("cost.vs_budget", Severity.WARNING, "成本指标与预算金额不符", kinds=INDICATOR_KINDS, source="arithmetic")
def cost_vs_budget(ctx: CheckContext):
    for grid in ctx.grids():
        for side, budget_location in grid.budget.items():
            budget = ctx.value(resolve(ctx.form, budget_location))
            components = _money_components(grid, side)
            if budget is None or not components:
                continue
            total = sum((c[2] for c in components), Decimal(0))
            side_name = "中期" if side == "mid" else "年度"
            where = f"{grid.label}{side_name if len(grid.budget) > 1 else ''}"
            location = f"{grid.at(components[0][0], side)}.value"
            budget_name = describe(ctx.form, budget_location).split(" › ")[-1]
            if len(grid.budget) > 1 and side_name not in budget_name:
                budget_name = f"{side_name}{budget_name}"
            words = "＋".join(c[1] for c in components)
            if total > budget:
                yield Hit(location, f"{where}的金额类指标合计{words}＝{ctx.money(total)}，超过{budget_name}{ctx.money(budget)}，"
                          f"{ctx.diff(total, budget)}", (budget_location,))
            elif total < budget and len(components) == 1:
                name = resolve(ctx.form, f"{grid.at(components[0][0], side)}.name")
                if any(word in name for word in _WHOLE_WORDS):
                    yield Hit(location, f"{where}成本指标“{name}”为{ctx.money(total)}，但{budget_name}为{ctx.money(budget)}，"
                              f"{ctx.diff(total, budget)}", (budget_location,))
            elif total < budget and len(components) > 1:
                yield Hit(location, f"{where}的金额类指标合计{words}＝{ctx.money(total)}，少于{budget_name}{ctx.money(budget)}，"
                          f"{ctx.diff(total, budget)}", (budget_location,), Severity.HINT)
