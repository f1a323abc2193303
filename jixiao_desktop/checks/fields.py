"""Where the amounts of each form kind are: (location, text) pairs for the rules."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao_desktop.forms import DepartmentForm, FormBase, ProjectForm
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
    """

    def __init__(self, path: str, rows, budget: dict[str, str], label: str):
        self.path = path
        self.rows = rows
        self.budget = budget
        self.label = label
        self._cells: list | None = None

    @property
    def has_mid(self) -> bool:
        """Whether the grid has 中期 columns (项目支出 forms)."""
        return "mid" in self.budget

    def cells(self) -> list:
        """(location of the side, row index, side key, row, indicator) for every side of every row."""
        if self._cells is None:
            self._cells = [
                (f"{self.path}[{i}].{side}", i, side, row, indicator)
                for i, row in enumerate(self.rows)
                for side, indicator in row.sides()
            ]
        return self._cells


def indicator_grids(form: FormBase) -> Iterator[Grid]:
    if isinstance(form, ProjectForm):
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
