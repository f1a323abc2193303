"""Where the amounts of each form kind are: (location, text) pairs for the rules."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao_desktop.forms import DepartmentForm, FormBase, ProjectForm
from jixiao_desktop.forms.merged_levels import resolve_rows, resolve_table
from jixiao_desktop.forms.project import FUNDING_LEVELS


def amount_fields(form: FormBase) -> Iterator[tuple[str, str]]:
    """Every field of the form that holds an amount (in the form's unit)."""
    if isinstance(form, ProjectForm):
        for side in ("mid", "annual"):
            row = getattr(form.funding, side)
            yield f"funding.{side}.total", row.total
            for key, _ in FUNDING_LEVELS:
                yield f"funding.{side}.{key}", getattr(row, key)
        for i, item in enumerate(form.proposal.arrangement_items):
            yield f"proposal.arrangement_items[{i}].amount", item.amount
        yield "proposal.arrangement_total", form.proposal.arrangement_total
        for i, line in enumerate(form.cost_lines):
            yield f"cost_lines[{i}].amount", line.amount
    elif isinstance(form, DepartmentForm):
        for key in type(form.budget).model_fields:
            yield f"budget.{key}", getattr(form.budget, key)
        yield "special_funds_total", form.special_funds_total
        for i, fund in enumerate(form.special_funds):
            yield f"special_funds[{i}].amount", fund.amount
            detail = fund.detail
            if detail is None:
                continue
            base = f"special_funds[{i}].detail"
            yield f"{base}.amount", detail.amount
            yield f"{base}.parent_amount", detail.parent_amount
            for j, line in enumerate(detail.expenses):
                yield f"{base}.expenses[{j}].amount", line.amount
                for k, cost in enumerate(line.cost_lines):
                    yield f"{base}.expenses[{j}].cost_lines[{k}].amount", cost.amount
            yield f"{base}.expenses_total", detail.expenses_total


class Grid:
    """One indicator grid: the main one or a 附表3's, with the amount it spends.

    ``budget`` maps a side (``mid``/``annual``) to the location of the amount
    the grid's 成本指标 describe: 项目 中期/年度 总投入, 部门 项目支出, 附表3 项目金额.
    ``rows`` are read with merged headings filled in (a blank 一级/二级 under a filled one is the same
    heading, :mod:`jixiao_desktop.forms.merged_levels`); ``typed`` are the rows as stored.
    """

    def __init__(self, path: str, rows, budget: dict[str, str], label: str, typed=None):
        self.path = path
        self.typed = rows if typed is None else typed
        self.rows = resolve_rows(rows) if typed is None else rows
        self.budget = budget
        self.label = label
        self._cells: list | None = None

    @property
    def has_mid(self) -> bool:
        """Whether the grid has 中期 columns (项目支出 forms)."""
        return "mid" in self.budget

    def at(self, i: int, side: str) -> str:
        """The location of one side of row ``i`` (its cells are ``.name``, ``.value``)."""
        return f"{self.path}[{i}].{side}"

    def cells(self) -> list:
        """(location of the side, row index, side key, row, indicator) for every side of every row."""
        if self._cells is None:
            self._cells = [
                (self.at(i, side), i, side, row, indicator)
                for i, row in enumerate(self.rows)
                for side, indicator in row.sides()
            ]
        return self._cells


def indicator_grids(form: FormBase) -> Iterator[Grid]:
    if getattr(form, "kind", "") == "template":
        yield from template_grids(form)
    elif isinstance(form, ProjectForm):
        yield Grid("indicators", form.indicators, {"mid": "funding.mid.total", "annual": "funding.annual.total"}, "绩效指标")
    elif isinstance(form, DepartmentForm):
        yield Grid("indicators", form.indicators, {"annual": "budget.project"}, "绩效指标")
        for i, fund in enumerate(form.special_funds):
            if fund.detail is not None:
                name = fund.detail.name.strip() or fund.name.strip() or f"第{i + 1}项"
                yield Grid(
                    f"special_funds[{i}].detail.indicators",
                    fund.detail.indicators,
                    {"annual": f"special_funds[{i}].detail.amount"},
                    f"附表3（{name}）",
                )


class _TemplateRow:
    """A row of a template's indicator table as the indicator rules see it: one indicator on one side
    (the table keeps one row per indicator), its 一级 and 二级 carried down from the row above when blank
    (a merged cell pasted from Excel), its value read together with a separate 度量单位 column."""

    __slots__ = ("level1", "annual", "mid", "side")

    def __init__(self, level1: str, side: str, indicator):
        from jixiao_desktop.forms.common import Indicator

        self.level1, self.side = level1, side
        self.annual = indicator if side == "annual" else Indicator()
        self.mid = indicator if side == "mid" else None

    def sides(self) -> list:
        return [(self.side, self.mid if self.side == "mid" else self.annual)]


class TemplateGrid(Grid):
    """An indicator table of a template document (or of one of its child forms)."""

    def at(self, i: int, side: str) -> str:
        return f"{self.path}[{i}]"


_MID_LABEL_RE = re.compile(r"中期|实施期|长期|总体|全周期|项目期")
_YEAR_LABEL_RE = re.compile(r"年度|本年|当年")


def mid_sides(table) -> set[str]:
    """The ids of a two-sided table's 中期 side: the one with the role ``mid_indicators``; without roles, the
    one whose label says 中期/实施期/长期 (or, failing that, the one that does not say 年度)."""
    by_role = {side.id for side in table.sides if side.role == "mid_indicators"}
    if by_role or len(table.sides) != 2 or any(side.role for side in table.sides):
        return by_role
    by_label = {side.id for side in table.sides if _MID_LABEL_RE.search(side.label)}
    if len(by_label) == 1:
        return by_label
    not_year = {side.id for side in table.sides if not _YEAR_LABEL_RE.search(side.label)}
    return not_year if len(not_year) == 1 else {table.sides[0].id}


def template_grids(form) -> Iterator[Grid]:
    from jixiao_desktop.forms.common import Indicator
    from jixiao_desktop.forms.indicator_value import join_indicator_value
    from jixiao_desktop.templates import roles
    from jixiao_desktop.templates.schema import IndicatorTable

    def grids(sections, part, prefix: str, where: str):
        for table in (s for s in sections if isinstance(s, IndicatorTable)):
            mid_ids = mid_sides(table)
            rows, typed = [], []
            stored = part.tables.get(table.id, [])
            for row, raw in zip(resolve_table(stored, [s.id for s in table.sides]), stored):
                value = join_indicator_value(row.get("value", ""), row.get("unit", ""), row.get("nature", ""))
                side = "mid" if row.get("side", "") in mid_ids else "annual"
                indicator = Indicator(level2=row.get("level2", ""), name=row.get("name", ""), value=value,
                                      standard=row.get("standard", ""))
                rows.append(_TemplateRow(row.get("level1", ""), side, indicator))
                typed.append(_TemplateRow(raw.get("level1", ""), side,
                                          indicator.model_copy(update={"level2": raw.get("level2", "")})))
            budget = {}
            for side, role in (("mid", "mid_total"), ("annual", "annual_total")):
                cell = roles.find(form, role, part, sections, prefix)
                if cell is not None and (side == "annual" or mid_ids):
                    budget[side] = cell.location
            yield TemplateGrid(f"{prefix}tables.{table.id}", rows, budget, f"{where}{table.label}", typed)

    for each in form.parts():
        yield from grids(each.sections, each.part, each.prefix, f"{each.name}的" if each.name else "")
