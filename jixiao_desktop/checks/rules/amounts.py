"""Amounts must be readable, to the 分, and in the unit the form declares."""

from __future__ import annotations

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.fields import amount_fields
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import Hit, rule


@rule("amount.unreadable", Severity.ERROR, "金额无法识别")
def unreadable(ctx: CheckContext):
    for location, text in amount_fields(ctx.form):
        parsed = ctx.amount(text)
        if parsed.error:
            yield Hit(location, f"{parsed.error}。原文已保留，请改为数字金额")


@rule("amount.unit_differs", Severity.HINT, "金额单位与表头不一致")
def unit_differs(ctx: CheckContext):
    declared = ctx.unit.value
    for location, text in amount_fields(ctx.form):
        parsed = ctx.amount(text)
        if parsed.ok and parsed.unit and parsed.unit not in (declared, declared.rstrip("元")):
            yield Hit(
                location,
                f"表头金额单位为{declared}，此处写作“{text.strip()}”（带单位{parsed.unit}），"
                f"按{ctx.money(parsed.value)}计算；建议只填数字，单位以表头为准",
            )
