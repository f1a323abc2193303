"""Rounding: how far a sum may be from its stated total when each amount was rounded — one rule for all.

A clerk who rounds n amounts and their total to the same last digit (two decimals of 万元, say) can see the
sum differ from the total by up to (n + 1) × half that digit: 0.01万 over three lines is rounding, not a
mistake. Review tools call that a rounding difference (提示). The last digit is the finest one the clerk
wrote (12.35 → 0.01 in the unit written or the form's unit); amounts written whole (50万元, 300000元) are
taken as exact, so whole-number forms keep every gap an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.money import _NUMBER_RE, _UNIT_FACTORS, AmountUnit, normalize_text

HALF = Decimal("0.5")


def last_digit(text: str, unit: AmountUnit) -> Decimal | None:
    """The value in 元 of the last digit written after the point (``12.35`` in 万元 → 100元), None for a
    whole number, a blank or an unreadable text."""
    match = _NUMBER_RE.match(normalize_text(text or "").strip())
    if match is None or "." not in match["number"]:
        return None
    decimals = len(match["number"].partition(".")[2])
    factor = _UNIT_FACTORS[match["unit"]] if match["unit"] else unit.factor
    return factor.scaleb(-decimals)


def rounding_slack(texts: Iterable[str], terms: int, unit: AmountUnit) -> Decimal:
    """(terms + 1) × half the finest last digit written among ``texts`` (the terms and the total), in 元;
    0 when every amount is written whole. ``terms`` 0 is one stated amount against an exact one."""
    digits = [d for d in (last_digit(t, unit) for t in texts) if d is not None]
    return (terms + 1) * HALF * min(digits) if digits and terms >= 0 else Decimal(0)


def rounding_note(gap: Decimal, texts: Iterable[str], terms: int, unit: AmountUnit) -> str:
    """The words to add to a sum's finding when rounding explains the gap (0 < |gap| ≤ slack), else ""."""
    texts = list(texts)
    slack = rounding_slack(texts, terms, unit)
    if not gap or abs(gap) > slack:
        return ""
    digit = min(d for d in (last_digit(t, unit) for t in texts) if d is not None)
    what = f"{terms}项及合计各自" if terms else ""
    return (f"；差额不超过{what}四舍五入到{_plain(digit, unit)}{unit.value}"
            f"可能造成的{_plain(slack, unit)}{unit.value}，应是尾差（请核对，必要时调整一项使之相等）")


def _plain(value_yuan: Decimal, unit: AmountUnit) -> str:
    return f"{(value_yuan / unit.factor).normalize():f}"


def severity_of(note: str) -> Severity | None:
    """A gap rounding explains is a 提示; any other keeps the rule's own level."""
    return Severity.HINT if note else None
