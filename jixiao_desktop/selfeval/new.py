"""A new 自评表 from a saved 申报表 of any kind: what was declared travels into the self-evaluation.

Copied: the project's name, 主管部门, 实施单位 and year, the 年度目标, the 年度 indicators with their targets
(:func:`~jixiao_desktop.indicator_list.grids.list_grids` reads them from every form kind) and the year's budget
as the 全年预算数 where the declared form has one (a template's ``annual_total`` role; a built-in form's
funding.annual.total), in the 自评表's unit. The 预算执行率's points come from the scoring rules; what was
achieved is for the clerk to enter.
"""

from __future__ import annotations

from jixiao_desktop.forms.indicator_value import join_indicator_value
from jixiao_desktop.indicator_list.grids import annual_side, list_grids
from jixiao_desktop.money import format_amount, parse_amount
from jixiao_desktop.selfeval.sheet import budget_row
from jixiao_desktop.templates import roles
from jixiao_desktop.templates.document import new_document
from jixiao_desktop.templates.loader import LoadedTemplate
from jixiao_desktop.templates.schema import FieldsSection, IndicatorTable, ScoringSpec

# role → what a built-in form calls it (attribute names of ProjectForm / DepartmentForm / UnitForm)
_BUILTIN = {"competent_department": ("department_code", "competent_department", "department_name"),
            "implementing_unit": ("implementing_unit", "unit_name", "filler_unit")}


def _declared(form, role: str) -> str:
    if getattr(form, "kind", "") == "template":
        cell = roles.find(form, role)
        return cell.text.strip() if cell is not None else ""
    if role == "project_name":
        return (getattr(form, "display_name", "") or "").strip()
    if role == "annual_goal":
        goals = getattr(form, "goals", None)
        return (getattr(goals, "annual", "") or "").strip()
    if role == "annual_total":
        funding = getattr(form, "funding", None)
        return (getattr(getattr(funding, "annual", None), "total", "") or "").strip()
    for name in _BUILTIN.get(role, ()):
        value = getattr(form, name, "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def selfeval_from(declared, loaded: LoadedTemplate) -> tuple[object, list[str]]:
    """The new 自评表 (a TemplateForm of ``loaded``) and notes for the clerk (what was not carried over)."""
    notes: list[str] = []
    year = roles.year(declared) if getattr(declared, "kind", "") == "template" else None
    year_text = str(year) if year else (declared.year or "").strip()
    form = new_document(loaded, year=year_text)
    for section in (s for s in loaded.template.section if isinstance(s, FieldsSection)):
        for spec in section.field:
            if spec.role in ("project_name", "competent_department", "implementing_unit", "annual_goal"):
                form.content.fields[spec.id] = _declared(declared, spec.role)
    budget = budget_row(form)
    if budget is not None:
        total = _declared(declared, "annual_total")
        parsed = parse_amount(total, declared.amount_unit) if total else None
        if parsed is not None and parsed.value is not None and "budget_full" in budget.cells:
            _set(form, budget.cells["budget_full"].location, format_amount(parsed.value, form.amount_unit))
        elif total:
            notes.append(f"申报表的年度资金“{total}”读不出金额，未带入")
        if "points" in budget.cells:
            _set(form, budget.cells["points"].location, str((loaded.template.scoring or ScoringSpec()).budget))
    grids = [g for g in list_grids(declared) if g.entries]
    table = next((s for s in loaded.template.section if isinstance(s, IndicatorTable)), None)
    if grids and table is not None:
        side = annual_side(table)
        rows = []
        for entry in grids[0].entries:
            cells = entry.cells
            value = join_indicator_value(cells.get("value", ""), cells.get("unit", ""), cells.get("nature", ""))
            rows.append({"side": side, "level1": entry.level1, "level2": entry.level2, "name": entry.name,
                         "value": value} | {c: "" for c in table.columns if c not in ("level2", "name", "value")})
        form.content.tables[table.id] = rows
        if len(grids) > 1:
            notes.append(f"申报表有{len(grids)}张指标表，只带入了第一张（{grids[0].label}）的年度指标")
    elif table is not None:
        notes.append("申报表没有年度绩效指标，自评表的指标表是空的")
    return form, notes


def _set(form, location: str, text: str) -> None:
    """Write a cell named ``content.tables.t[i].c``."""
    table_part, column = location.removeprefix("content.tables.").rsplit(".", 1)
    table_id, index = table_part[:-1].split("[")
    form.content.tables[table_id][int(index)][column] = text
