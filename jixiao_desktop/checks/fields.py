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
