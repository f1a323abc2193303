"""A 自评表 that scores itself as the clerk types, as an Excel sheet with formulas would — and yields to the clerk.

The derived cells — each indicator's 得分, the budget row's 执行率 and 得分, the 总分 and the 自评等级 — follow
what they are computed from. After an edit, a derived cell takes its newly computed value when it is blank or
still holds the value computed before the edit; a value the clerk typed over it stays (and the checks compare
it). Cells are worked out in dependency order (scores, then the total from the scores as they now stand, then
the grade), so one edit of an 实际完成值 carries through to the grade.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from jixiao_desktop.forms import locations
from jixiao_desktop.selfeval.scoring import HUNDRED, grade_of
from jixiao_desktop.selfeval.sheet import budget_row, field_cell, indicator_lines, is_evaluation, number, scoring

_CENT = Decimal("0.01")


def _plain(value: Decimal) -> str:
    text = f"{value.quantize(_CENT, ROUND_HALF_UP).normalize():f}"
    return "0" if text in ("-0", "") else text


Compute = Callable[[object, dict], str]


def derived(form) -> list[tuple[str, Compute]]:
    """The derived cells of ``form`` in dependency order, each with how to compute its text ("" when it
    cannot be computed) from the form as it stands and its indicator lines (:func:`lines`)."""
    if not is_evaluation(form):
        return []
    out: list[tuple[str, Compute]] = []
    for line in indicator_lines(form):
        if "score" in line.columns:
            out.append((f"{line.location}.score", lambda f, by, at=line.location: _indicator_score(by, at)))
    budget = budget_row(form)
    if budget is not None:
        if "execution_rate" in budget.cells:
            out.append((budget.cells["execution_rate"].location, _rate))
        if "score" in budget.cells:
            out.append((budget.cells["score"].location, _budget_score))
    total, grade = field_cell(form, "total_score"), field_cell(form, "grade")
    if total is not None:
        out.append((total.location, _total))
    if grade is not None:
        out.append((grade.location, _grade))
    return out


def lines(form) -> dict:
    """The form's indicator lines by location, computed once per state: a line's computed score depends on
    its 指标值, 实际完成值 and 分值 only, never on a 得分, so it holds while derived cells are written; its row
    is the form's own dict, so the total reads the scores as they now stand."""
    return {line.location: line for line in indicator_lines(form)}


def _indicator_score(by: dict, location: str) -> str:
    line = by.get(location)
    if line is None or line.computed is None or line.computed.value is None:
        return ""
    return _plain(line.computed.value)


def _rate(form, _by=None) -> str:
    budget = budget_row(form)
    if budget is None or not budget.planned or budget.executed is None:
        return ""
    return f"{_plain(budget.executed / budget.planned * HUNDRED)}%"


def _budget_score(form, _by=None) -> str:
    budget = budget_row(form)
    value = budget.score().value if budget is not None else None
    return _plain(value) if value is not None else ""


def _total(form, by: dict) -> str:
    scores = [number(line.row.get("score", "")) for line in by.values()]
    budget = budget_row(form)
    if budget is not None and "score" in budget.cells:
        scores.append(budget.cells["score"].number)
    scores = [s for s in scores if s is not None]
    return _plain(sum(scores, Decimal(0))) if scores else ""


def _grade(form, _by=None) -> str:
    total = field_cell(form, "total_score")
    value = total.number if total is not None else None
    return grade_of(value, scoring(form).grades) if value is not None else ""


def follow_ups(form, location: str, text: str) -> list[tuple[str, str]]:
    """The derived cells that change when ``location`` of ``form`` becomes ``text``: ``(location, new text)``
    in dependency order. ``form`` itself is not changed. Empty for every form that is not a 自评表."""
    cells = derived(form)
    if not cells:
        return []
    by = lines(form)
    before = {where: compute(form, by) for where, compute in cells}
    # Worked out on the form itself with the edit in place, then put back as it was (no copy of the whole
    # form at every keystroke).
    restore = [(location, locations.assign(form, location, text))]
    changes: list[tuple[str, str]] = []
    try:
        by = lines(form)
        for where, compute in cells:
            if where == location:
                continue
            current = str(locations.resolve(form, where) or "")
            if current.strip() and current.strip() != before[where]:
                continue                   # the clerk's own value: kept
            new = compute(form, by)
            if new != current:
                restore.append((where, locations.assign(form, where, new)))
                changes.append((where, new))
    finally:
        for where, old in reversed(restore):
            locations.assign(form, where, old)
    return changes
