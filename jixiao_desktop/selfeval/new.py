"""A new 自评表 from a saved 申报表 of any kind: what was declared travels into the self-evaluation.

A 自评表 scores one project. A declared form may hold several — a department's 附表3 (one per special
fund), a template document's child forms — each with its own indicator grid
(:func:`~jixiao_desktop.indicator_list.grids.list_grids`); the clerk chooses one (``grid``, the first by
default) and gets that project's name, 年度目标, 年度 indicators with their targets and budget.

Copied: the project's name, 主管部门, 实施单位 and year, the 年度目标, the grid's 年度 indicators with their
targets, and the project's budget for the year as the 全年预算数 where the declared form has one (a
template's ``annual_total`` role in the grid's own part; a built-in form's funding.annual.total, or a
special fund's amount), in the 自评表's unit. The 预算执行率's points come from the scoring rules; what
was achieved is for the clerk to enter.
"""

from __future__ import annotations

import re

from jixiao_desktop.forms.indicator_value import join_indicator_value
from jixiao_desktop.indicator_list.grids import ListGrid, annual_side, list_grids
from jixiao_desktop.money import format_amount, parse_amount
from jixiao_desktop.selfeval.sheet import budget_row
from jixiao_desktop.templates import roles
from jixiao_desktop.templates.document import new_document
from jixiao_desktop.templates.loader import LoadedTemplate
from jixiao_desktop.templates.schema import FieldsSection, IndicatorTable, ScoringSpec

# role → what a built-in form calls it (attribute names of ProjectForm / DepartmentForm / UnitForm)
_BUILTIN = {"competent_department": ("department_code", "competent_department", "department_name", "name"),
            "implementing_unit": ("implementing_unit", "unit_name", "filler_unit")}
_FUND_RE = re.compile(r"special_funds\[(\d+)\]")
_CARRIED_ROLES = ("project_name", "competent_department", "implementing_unit", "annual_goal")


class NoSuchGrid(ValueError):
    """The chosen indicator table is not one of the declared form's."""


def declared_grids(declared) -> list[ListGrid]:
    """The declared form's indicator grids that hold indicators, in the form's order: what a 自评表 can be
    made from (their ``label`` and ``project`` name them for the clerk)."""
    return [g for g in list_grids(declared) if g.entries]


def _declared(form, role: str, grid: ListGrid | None) -> str:
    """What the declared form says for ``role``, in the part the chosen grid belongs to."""
    if getattr(form, "kind", "") == "template":
        return _declared_template(form, role, grid)
    fund = _fund(form, grid)
    if fund is not None:      # a department's special fund (附表2 row and its 附表3)
        detail = fund.detail
        if role == "project_name":
            return grid.project
        if role == "annual_goal":
            return ((detail.annual_goal if detail else "") or fund.annual_goal).strip()
        if role == "annual_total":
            return ((detail.amount if detail else "") or fund.amount).strip()
    elif role == "project_name":
        return (getattr(form, "display_name", "") or "").strip()
    if role == "annual_goal":
        goals = getattr(form, "goals", None)
        return (getattr(goals, "annual", "") or getattr(form, "annual_goal", "") or "").strip()
    if role == "annual_total":
        funding = getattr(form, "funding", None)
        return (getattr(getattr(funding, "annual", None), "total", "") or "").strip()
    for name in _BUILTIN.get(role, ()):
        value = getattr(form, name, "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _fund(form, grid: ListGrid | None):
    match = _FUND_RE.match(grid.path) if grid is not None else None
    funds = getattr(form, "special_funds", None)
    if match is None or not funds or int(match[1]) >= len(funds):
        return None
    return funds[int(match[1])]


def _declared_template(form, role: str, grid: ListGrid | None) -> str:
    """The grid's own part first (a child form's project), then the document's own part."""
    prefix = grid.path.rsplit("tables.", 1)[0] if grid is not None else "content."
    for part in form.parts():
        if part.prefix == prefix and prefix != "content.":
            cell = roles.find(form, role, part.part, part.sections, part.prefix)
            if cell is not None and cell.text.strip():
                return cell.text.strip()
            if role == "project_name":
                return grid.project
            if role in ("annual_total", "annual_goal"):
                return ""        # a child form's budget and goal are its own, never the parent's
    cell = roles.find(form, role)
    return cell.text.strip() if cell is not None else ""


def selfeval_from(declared, loaded: LoadedTemplate, grid: int = 0) -> tuple[object, list[str]]:
    """The new 自评表 (a TemplateForm of ``loaded``) for the ``grid``-th of :func:`declared_grids` and notes
    for the clerk (what was not carried over). Raises :class:`NoSuchGrid` for a grid the form lacks."""
    notes: list[str] = []
    grids = declared_grids(declared)
    if grids and not 0 <= grid < len(grids):
        raise NoSuchGrid(f"申报表只有{len(grids)}张有指标的指标表，没有第{grid + 1}张")
    chosen = grids[grid] if grids else None
    year = roles.year(declared) if getattr(declared, "kind", "") == "template" else None
    year_text = str(year) if year else (declared.year or "").strip()
    form = new_document(loaded, year=year_text)
    for section in (s for s in loaded.template.section if isinstance(s, FieldsSection)):
        for spec in section.field:
            if spec.role in _CARRIED_ROLES:
                form.content.fields[spec.id] = _declared(declared, spec.role, chosen)
    _carry_budget(declared, loaded, form, chosen, notes)
    table = next((s for s in loaded.template.section if isinstance(s, IndicatorTable)), None)
    if chosen is not None and table is not None:
        side = annual_side(table)
        rows = []
        for entry in chosen.entries:
            cells = entry.cells
            value = join_indicator_value(cells.get("value", ""), cells.get("unit", ""), cells.get("nature", ""))
            rows.append({"side": side, "level1": entry.level1, "level2": entry.level2, "name": entry.name,
                         "value": value} | {c: "" for c in table.columns if c not in ("level2", "name", "value")})
        form.content.tables[table.id] = rows
        if "weight" in table.columns and rows:
            spec = loaded.template.scoring or ScoringSpec()
            groups = "、".join(f"{name}{points}分" for name, points in spec.groups.items())
            notes.append(f"请为各项指标填写分值（{groups}）；填入实际完成值后得分、总分和等级自动算出")
        if len(grids) > 1:
            others = "、".join(g.label for i, g in enumerate(grids) if i != grid)
            notes.append(f"申报表有{len(grids)}张指标表，本自评表评的是“{chosen.label}”；"
                         f"其余（{others}）各需另建一张自评表")
    elif table is not None:
        notes.append("申报表没有年度绩效指标，自评表的指标表是空的")
    return form, notes


def _carry_budget(declared, loaded: LoadedTemplate, form, chosen: ListGrid | None, notes: list[str]) -> None:
    budget = budget_row(form)
    if budget is None:
        return
    total = _declared(declared, "annual_total", chosen)
    parsed = parse_amount(total, declared.amount_unit) if total else None
    if parsed is not None and parsed.value is not None and "budget_full" in budget.cells:
        _set(form, budget.cells["budget_full"].location, format_amount(parsed.value, form.amount_unit))
    elif total:
        notes.append(f"申报表的年度资金“{total}”读不出金额，未带入")
    if "points" in budget.cells:
        _set(form, budget.cells["points"].location, str((loaded.template.scoring or ScoringSpec()).budget))


def _set(form, location: str, text: str) -> None:
    """Write a cell named ``content.tables.t[i].c``."""
    table_part, column = location.removeprefix("content.tables.").rsplit(".", 1)
    table_id, index = table_part[:-1].split("[")
    form.content.tables[table_id][int(index)][column] = text


def evaluation_templates(templates: dict[str, LoadedTemplate]) -> dict[str, LoadedTemplate]:
    """The templates of kind ``evaluation``."""
    return {k: v for k, v in templates.items() if v.meta.kind == "evaluation"}


def default_evaluation(templates: dict[str, LoadedTemplate]) -> str | None:
    """The one evaluation template made to follow a declared form — it takes the declared budget (a
    ``budget_full`` column) — or None when there is none or more than one to choose from."""
    from jixiao_desktop.templates.schema import AmountTable

    def follows(loaded: LoadedTemplate) -> bool:
        return any(isinstance(s, AmountTable) and any(c.role == "budget_full" for c in s.columns)
                   for s in loaded.template.section)

    found = [k for k, v in evaluation_templates(templates).items() if follows(v)]
    return found[0] if len(found) == 1 else None
