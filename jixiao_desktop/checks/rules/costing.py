"""Structured 测算 lines: quantity × standard × periods × share = amount, splits add back."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import Hit, rule
from jixiao_desktop.checks.rounding import rounding_note, severity_of
from jixiao_desktop.forms import DepartmentForm, ProjectForm
from jixiao_desktop.forms.costing import compute, parse_number, parse_split
from jixiao_desktop.money import parse_amount, round_fen


def _line_sets(ctx: CheckContext):
    """(base path, lines, location of the amount they make up, what that amount is)."""
    form = ctx.form
    if isinstance(form, ProjectForm):
        if form.cost_lines:
            yield "cost_lines", form.cost_lines, "funding.annual.total", "年度总投入"
    elif isinstance(form, DepartmentForm):
        for i, fund in enumerate(form.special_funds):
            if fund.detail is None:
                continue
            for j, expense in enumerate(fund.detail.expenses):
                if expense.cost_lines:
                    base = f"special_funds[{i}].detail.expenses[{j}]"
                    yield f"{base}.cost_lines", expense.cost_lines, f"{base}.amount", "支出明细金额"


@rule("costline.amount", Severity.ERROR, "测算金额与数量×标准×期数×分担比例不符", source="arithmetic")
def costline_amount(ctx: CheckContext):
    for base, lines, _target, _name in _line_sets(ctx):
        for k, line in enumerate(lines):
            result = compute(line, ctx.unit)
            location = f"{base}[{k}]"
            if result.error:
                yield Hit(f"{location}.quantity", f"测算第{k + 1}行“{line.item.strip()}”无法计算：{result.error}",
                          severity=Severity.WARNING)
                continue
            stated = ctx.value(line.amount)
            if result.value is None or stated is None or stated == result.value:
                continue
            note = rounding_note(stated - result.value, [line.amount], 0, ctx.unit)   # the exact product, rounded
            yield Hit(
                f"{location}.amount",
                f"测算第{k + 1}行“{line.item.strip()}”：{line.quantity.strip()}{line.quantity_unit.strip()}×{line.standard.strip()}"
                f"{'×' + line.periods.strip() + line.period_unit.strip() if line.periods.strip() else ''}"
                f"{'×' + str(result.share[0]) + '/' + str(result.share[1]) if result.share else ''}"
                f"＝{ctx.money(result.value)}，但金额填的是{ctx.money(stated)}，{ctx.diff(result.value, stated)}{note}",
                (f"{location}.quantity", f"{location}.standard"), severity_of(note),
            )


@rule("costline.split_adds_back", Severity.WARNING, "各级分担金额相加不等于总额", source="arithmetic")
def split_adds_back(ctx: CheckContext):
    """Each level's share rounded to the 分 must add back to the whole (100.01 元 at 1:1 does not)."""
    for base, lines, _target, _name in _line_sets(ctx):
        for k, line in enumerate(lines):
            parts = parse_split(line.split)
            quantity, _ = parse_number(line.quantity)
            standard = parse_amount(line.standard, ctx.unit).value
            periods = parse_number(line.periods)[0] if line.periods.strip() else Decimal(1)
            if not parts or quantity is None or standard is None or periods is None:
                continue
            whole = round_fen(quantity * standard * periods)
            shares = [round_fen(whole * p / sum(parts)) for p in parts]
            if sum(shares, Decimal(0)) != whole:
                listed = "＋".join(ctx.money(s) for s in shares)
                yield Hit(
                    f"{base}[{k}].split",
                    f"测算第{k + 1}行总额{ctx.money(whole)}按{line.split.strip()}分担，各级四舍五入到分后为{listed}＝"
                    f"{ctx.money(sum(shares, Decimal(0)))}，与总额{ctx.diff(sum(shares, Decimal(0)), whole)}；请约定由哪一级承担尾差",
                )


@rule("costline.vs_total", Severity.WARNING, "测算合计与预算金额不符", source="arithmetic")
def costline_vs_total(ctx: CheckContext):
    for base, lines, target, name in _line_sets(ctx):
        results = [compute(line, ctx.unit) for line in lines]
        if not results or any(r.value is None for r in results):
            continue
        total = sum((r.value for r in results), Decimal(0))
        from jixiao_desktop.forms.locations import resolve

        amount = ctx.value(resolve(ctx.form, target))
        if amount is not None and amount != total:
            note = rounding_note(amount - total, [resolve(ctx.form, target), *(line.amount for line in lines)],
                                 len(lines), ctx.unit)
            yield Hit(base, f"测算{len(lines)}行合计{ctx.money(total)}，但{name}为{ctx.money(amount)}，{ctx.diff(total, amount)}{note}",
                      (target,), severity_of(note))
