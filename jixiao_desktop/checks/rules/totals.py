"""Totals: 资金来源 columns add up to 总投入; 部门 totals agree three ways."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import Hit, rule
from jixiao_desktop.checks.rounding import rounding_note, severity_of
from jixiao_desktop.forms.project import FUNDING_LEVELS

_SIDES = {"mid": "中期", "annual": "年度"}


@rule("funding.total", Severity.ERROR, "资金来源合计不等于总投入", kinds=("project",), source="arithmetic")
def funding_total(ctx: CheckContext):
    for side, label in _SIDES.items():
        row = getattr(ctx.form.funding, side)
        total = ctx.value(row.total)
        parts = ctx.sum((text for _, text in row.parts()))
        base = f"funding.{side}"
        related = tuple(f"{base}.{key}" for key, _ in FUNDING_LEVELS)
        if total is None and parts is None:
            continue
        if total is None:
            if not row.total.strip():
                yield Hit(f"{base}.total", f"{label}资金来源的总投入未填，各级财政合计为{ctx.money(parts)}", related)
            continue
        parts = parts or Decimal(0)
        if parts != total:
            names = "、".join(name for key, name in FUNDING_LEVELS if getattr(row, key).strip()) or "各级财政"
            texts = [text for _, text in row.parts() if ctx.value(text) is not None]
            note = rounding_note(total - parts, [row.total, *texts], len(texts), ctx.unit)
            yield Hit(
                f"{base}.total",
                f"{label}资金来源：总投入{ctx.money(total)}，但{names}合计{ctx.money(parts)}，"
                f"{ctx.diff(total, parts)}" + (note or "；总投入应等于中央、省、市、县区和其他之和"),
                related, severity_of(note),
            )


@rule("funding.annual_exceeds_mid", Severity.ERROR, "年度资金超过中期资金", kinds=("project", "template"), source="arithmetic")
def annual_exceeds_mid(ctx: CheckContext):
    if ctx.kind == "template":
        yield from _template_annual_exceeds_mid(ctx)
        return
    mid, annual = ctx.form.funding.mid, ctx.form.funding.annual
    for key, name in (("total", "总投入"), *FUNDING_LEVELS):
        m, a = ctx.value(getattr(mid, key)), ctx.value(getattr(annual, key))
        if m is not None and a is not None and a > m:
            yield Hit(
                f"funding.annual.{key}",
                f"年度{name}{ctx.money(a)}大于中期{name}{ctx.money(m)}，{ctx.diff(a, m)}；"
                "年度资金是中期资金的一部分，不应超过中期",
                (f"funding.mid.{key}",),
            )


@rule("budget.by_nature", Severity.ERROR, "基本支出与项目支出之和不等于资金总额", kinds=("department", "unit"), source="arithmetic")
def budget_by_nature(ctx: CheckContext):
    budget = ctx.form.budget
    total = ctx.value(budget.total)
    parts = ctx.sum((budget.basic, budget.project))
    if total is None or parts is None or parts == total:
        return
    note = _note(ctx, total - parts, budget.total, (budget.basic, budget.project))
    yield Hit(
        "budget.total",
        f"资金总额{ctx.money(total)}，但基本支出{budget.basic.strip() or '0'}与项目支出{budget.project.strip() or '0'}"
        f"合计{ctx.money(parts)}，{ctx.diff(total, parts)}{note}",
        ("budget.basic", "budget.project"), severity_of(note),
    )


def _note(ctx: CheckContext, gap: Decimal, total: str, parts) -> str:
    """The rounding words for a total and its typed parts (blank parts are no terms)."""
    texts = [text for text in parts if ctx.value(text) is not None]
    return rounding_note(gap, [total, *texts], len(texts), ctx.unit)


@rule("budget.by_income", Severity.ERROR, "各项收入之和不等于资金总额", kinds=("department", "unit"), source="arithmetic")
def budget_by_income(ctx: CheckContext):
    budget = ctx.form.budget
    total = ctx.value(budget.total)
    parts = ctx.sum((budget.general_budget, budget.gov_fund, budget.other))
    if total is None or parts is None or parts == total:
        return
    note = _note(ctx, total - parts, budget.total, (budget.general_budget, budget.gov_fund, budget.other))
    yield Hit(
        "budget.total",
        f"资金总额{ctx.money(total)}，但按收入性质（一般公共预算拨款、政府性基金拨款、其他资金）合计{ctx.money(parts)}，"
        f"{ctx.diff(total, parts)}{note}",
        ("budget.general_budget", "budget.gov_fund", "budget.other"), severity_of(note),
    )


def _template_annual_exceeds_mid(ctx: CheckContext):
    """The cells a template calls ``annual_total`` and ``mid_total``: the year's money is part of the period's."""
    from jixiao_desktop.templates import roles

    mid, annual = roles.find(ctx.form, "mid_total"), roles.find(ctx.form, "annual_total")
    if mid is None or annual is None or roles.stated_by_template(ctx.form, mid, annual):
        return
    m, a = ctx.value(mid.text), ctx.value(annual.text)
    if m is not None and a is not None and a > m:
        yield Hit(annual.location, f"{annual.label}{ctx.money(a)}大于{mid.label}{ctx.money(m)}，{ctx.diff(a, m)}；"
                  "年度资金是中期（实施期）资金的一部分，不应超过它", (mid.location,))
