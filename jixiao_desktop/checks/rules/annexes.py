"""附表2 and 附表3: rows add up to 合计 = 项目支出; each 附表3 agrees with its 附表2 row."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import Hit, rule
from jixiao_desktop.checks.rounding import rounding_note, severity_of

DEPT = ("department", "unit")


@rule("annex2.total", Severity.ERROR, "附表2各项之和不等于合计", kinds=DEPT, source="arithmetic")
def annex2_total(ctx: CheckContext):
    form = ctx.form
    if not form.special_funds:
        return
    total = ctx.value(form.special_funds_total)
    parts = ctx.sum(f.amount for f in form.special_funds)
    if total is None:
        if parts is not None and not form.special_funds_total.strip():
            n = sum(1 for f in form.special_funds if ctx.value(f.amount) is not None)
            yield Hit("special_funds_total", f"附表2合计未填，{n}项金额之和为{ctx.money(parts)}")
        return
    parts = parts or Decimal(0)
    if parts != total:
        texts = [f.amount for f in form.special_funds if ctx.value(f.amount) is not None]
        note = rounding_note(total - parts, [form.special_funds_total, *texts], len(texts), ctx.unit)
        yield Hit(
            "special_funds_total",
            f"附表2合计{ctx.money(total)}，但{len(form.special_funds)}项金额之和为{ctx.money(parts)}，{ctx.diff(total, parts)}{note}",
            tuple(f"special_funds[{i}].amount" for i in range(len(form.special_funds))), severity_of(note),
        )


@rule("annex2.vs_project_spending", Severity.ERROR, "附表2合计不等于项目支出", kinds=DEPT, source="arithmetic")
def annex2_vs_project(ctx: CheckContext):
    form = ctx.form
    if not form.special_funds:
        return
    total = ctx.value(form.special_funds_total)
    if total is None:
        total = ctx.sum(f.amount for f in form.special_funds)
        if total is None:
            return
    project = ctx.value(form.budget.project)
    if project is not None and project != total:
        yield Hit(
            "special_funds_total",
            f"附表2专项资金合计{ctx.money(total)}，但年度预算中的项目支出为{ctx.money(project)}，{ctx.diff(total, project)}；"
            "专项资金应全部列入项目支出",
            ("budget.project",),
        )


@rule("annex3.missing", Severity.WARNING, "附表2的专项缺少附表3", kinds=DEPT, source="review")
def annex3_missing(ctx: CheckContext):
    for i, fund in enumerate(ctx.form.special_funds):
        if fund.detail is None and (fund.name.strip() or fund.amount.strip()):
            yield Hit(f"special_funds[{i}].name", f"专项“{fund.name.strip()}”没有对应的附表3（专项资金支出方向绩效目标表）")


@rule("annex3.amount", Severity.ERROR, "附表3项目金额与附表2不一致", kinds=DEPT, source="arithmetic")
def annex3_amount(ctx: CheckContext):
    for i, fund in enumerate(ctx.form.special_funds):
        detail = fund.detail
        if detail is None:
            continue
        row, page = ctx.value(fund.amount), ctx.value(detail.amount)
        if row is not None and page is not None and row != page:
            yield Hit(
                f"special_funds[{i}].detail.amount",
                f"附表3“{detail.name.strip()}”项目金额{ctx.money(page)}，附表2第{i + 1}行为{ctx.money(row)}，{ctx.diff(row, page)}",
                (f"special_funds[{i}].amount",),
            )
        parent = ctx.value(detail.parent_amount)
        if parent is not None and page is not None and parent < page:
            yield Hit(
                f"special_funds[{i}].detail.parent_amount",
                f"附表3“{detail.name.strip()}”所属专项金额{ctx.money(parent)}小于子项金额{ctx.money(page)}",
                (f"special_funds[{i}].detail.amount",),
            )


@rule("annex3.expenses_total", Severity.ERROR, "支出明细之和与合计、项目金额不一致", kinds=DEPT, source="arithmetic")
def annex3_expenses(ctx: CheckContext):
    for i, fund in enumerate(ctx.form.special_funds):
        detail = fund.detail
        if detail is None or not detail.expenses:
            continue
        base = f"special_funds[{i}].detail"
        name = detail.name.strip() or fund.name.strip()
        parts = ctx.sum(line.amount for line in detail.expenses)
        total = ctx.value(detail.expenses_total)
        if total is not None and parts is not None and parts != total:
            texts = [line.amount for line in detail.expenses if ctx.value(line.amount) is not None]
            note = rounding_note(total - parts, [detail.expenses_total, *texts], len(texts), ctx.unit)
            yield Hit(
                f"{base}.expenses_total",
                f"附表3“{name}”支出明细合计{ctx.money(total)}，但各行金额之和为{ctx.money(parts)}，{ctx.diff(total, parts)}{note}",
                tuple(f"{base}.expenses[{j}].amount" for j in range(len(detail.expenses))), severity_of(note),
            )
        amount = ctx.value(detail.amount)
        spent = total if total is not None else parts
        if spent is not None and amount is not None and spent != amount:
            yield Hit(
                f"{base}.expenses_total",
                f"附表3“{name}”支出明细合计{ctx.money(spent)}，但项目金额为{ctx.money(amount)}，{ctx.diff(spent, amount)}",
                (f"{base}.amount",),
            )


def _norm(name: str) -> str:
    return "".join(name.split())


@rule("annex3.name", Severity.WARNING, "附表2与附表3名称不一致", kinds=DEPT, source="review")
def annex3_name(ctx: CheckContext):
    for i, fund in enumerate(ctx.form.special_funds):
        detail = fund.detail
        if detail is None or not fund.name.strip():
            continue
        for field, label in (("name", "支出方向（子项）"), ("parent_name", "所属专项名称")):
            page_name = getattr(detail, field)
            if page_name.strip() and _norm(page_name) != _norm(fund.name):
                yield Hit(
                    f"special_funds[{i}].detail.{field}",
                    f"附表2第{i + 1}行名称为“{fund.name.strip()}”，其附表3的{label}写作“{page_name.strip()}”；同一专项的名称应一致",
                    (f"special_funds[{i}].name",),
                )
                break  # one finding per page: 所属专项 usually repeats the same name
