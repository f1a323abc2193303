"""Checking what a calculation written as prose claims.

:func:`evaluate` reads a 测算说明 / 资金安排情况 sentence with
:mod:`jixiao_desktop.checks.textnum` and works out, step by step, the relations
it states — items adding up to a 共计, count × standard = total, a whole split
市:区 = 3:7, ``X的20%``, ``其余Y`` — and its *bottom line*: the amount the text
arrives at for this form, to compare with the amount field beside it.
Every step carries a Chinese description with the numbers on both sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal

from jixiao_desktop.checks.textnum import COUNT, MONEY, PERCENT, Quantity, our_share, read_numbers
from jixiao_desktop.money import AmountUnit, format_amount, round_fen

_MONTHLY = ("月",)
_PERSONISH = {"人", "名", "人次"}


@dataclass(frozen=True, slots=True)
class Step:
    """One relation the text states: ``computed`` from its parts vs ``stated``."""

    kind: str            # sum | product | share | percent | remainder | level_share
    description: str     # how ``computed`` was obtained, in Chinese
    computed: Decimal
    stated: Decimal | None
    uncertain: bool = False

    @property
    def holds(self) -> bool:
        return self.stated is None or self.computed == self.stated


@dataclass(slots=True)
class Evaluation:
    steps: list[Step] = field(default_factory=list)
    bottom_line: Decimal | None = None
    derivation: str = ""
    uncertain: bool = False
    truncated: bool = False  # too long to read whole: nothing is claimed about it

    def failures(self) -> list[Step]:
        return [s for s in self.steps if not s.holds]


def _yuan(value: Decimal, unit: AmountUnit) -> str:
    return f"{format_amount(value, unit)}{unit.value}"


def _count_for_rate(rate: Quantity, quantities: list[Quantity], index: int, context: list[Quantity]) -> Quantity | None:
    """The count a standard applies to: next to it in the text, or named alike elsewhere."""
    per_first = _per_thing(rate.per)
    neighbours = quantities[index + 1:index + 2] + quantities[max(0, index - 1):index]
    for other in neighbours:
        if other.kind == COUNT and _unit_matches(per_first, other):
            return other
    for other in context:
        if other.kind == COUNT and _labels_match(rate.label, other.label) and (not per_first or _unit_matches(per_first, other)):
            return other
    return None


_TIME_WORDS = {"年", "月", "日", "天", "季", "期"}


def _per_thing(per: str) -> str:
    """What a standard is per, leaving out time: ``年/家`` → ``家``, ``人.月`` → ``人``."""
    words = [w for w in re.split(r"[./·]", per) if w and w not in _TIME_WORDS]
    return words[0] if words else ""


def _unit_matches(per: str, count: Quantity) -> bool:
    if not per:
        return True
    if per == count.unit or (per in _PERSONISH and count.unit in _PERSONISH):
        return True
    return bool(count.noun) and count.noun.endswith(per)


def _labels_match(a: str, b: str, size: int = 4) -> bool:
    a, b = a.strip(), b.strip()
    if len(a) < size or len(b) < size:
        return False
    return any(a[i:i + size] in b for i in range(len(a) - size + 1))


def _months(rate: Quantity) -> int:
    return 12 if any(word in rate.per for word in _MONTHLY) else 1


@lru_cache(maxsize=1024)
def evaluate(text: str, unit: AmountUnit, context_text: str = "") -> Evaluation:
    """Work out the relations ``text`` states and the amount it arrives at (cached).

    ``context_text`` is where counts named alike may be found (the 数量指标 of
    the same table: ``特殊困难老年人长期护理险360人`` for ``…护理险280元/人/年``).
    """
    context = [q for q in read_numbers(context_text).quantities if q.kind == COUNT]
    numbers = read_numbers(text)
    quantities = numbers.quantities
    out = Evaluation()
    if numbers.truncated:  # read in part only: no claim about its arithmetic (a rule says so)
        out.truncated = True
        return out
    position = {id(q): i for i, q in enumerate(quantities)}
    money = [q for q in quantities if q.kind == MONEY]
    if not money:
        return out
    consumed: set[int] = set()   # ids of quantities used as parts of a later step
    candidates: list[tuple[int, Decimal, str, bool]] = []   # (priority, value, derivation, uncertain)

    # Standards × counts: 12万元/社区 × 33个; 1000元/人 × 50人; 280元/人/年 × 360人 (named elsewhere).
    products: dict[int, tuple[Decimal, str]] = {}
    for rate in (q for q in money if q.is_rate):
        count = _count_for_rate(rate, quantities, position[id(rate)], context)
        if count is None:
            continue
        months = _months(rate)
        value = round_fen(rate.value * count.value * months)
        months_text = f"×{months}个月" if months > 1 else ""
        products[id(rate)] = (value, f"{_num(count.value)}{count.unit}×{_rate(rate, unit)}{months_text}")
        consumed.add(id(count))

    # Shares: whole × 7/(3+7); 区级承担70% must equal 7/10.
    for ratio in numbers.ratios:
        fraction = our_share(numbers, ratio)
        if fraction is None:
            continue
        for level, stated_share in numbers.level_shares.items():
            if ratio.share_of(level) is not None and ratio.share_of(level) != stated_share:
                out.steps.append(Step(
                    "level_share",
                    f"{'、'.join(ratio.parties)}按{ratio.text}分担，{level}级应承担{_pct(ratio.share_of(level))}",
                    ratio.share_of(level), stated_share,
                ))
        whole = _last_before(money, ratio.start)
        if whole is None:
            continue
        consumed.add(id(whole))
        computed = round_fen(whole.value * fraction)
        after = _first_after(money, ratio.end)
        how = ratio.text if "各" in ratio.text else f"{'、'.join(ratio.parties)}按{ratio.text}分担"
        description = f"{_written(whole)}{how}，本级{_pct(fraction)}为{_yuan(computed, unit)}"
        if after is not None and after.is_rate == whole.is_rate and not after.is_total:
            out.steps.append(Step("share", description, computed, after.value, whole.approx))
            consumed.add(id(whole))
        elif not whole.is_rate:
            out.steps.append(Step("share", description, computed, None, whole.approx))
            candidates.append((2, computed, description, whole.approx))

    # X的20%(预算)Y
    for pct in (q for q in quantities if q.kind == PERCENT and q.prefix.endswith("的")):
        base = _last_before(money, pct.start)
        if base is None or base.is_rate:
            continue
        computed = round_fen(base.value * pct.value / 100)
        after = _first_after(money, pct.end)
        description = f"{_written(base)}的{pct.value}%为{_yuan(computed, unit)}"
        stated = after.value if after is not None and not after.is_rate else None
        out.steps.append(Step("percent", description, computed, stated, bool(after and after.approx)))
        if after is not None:
            consumed.add(id(after))
        candidates.append((3, stated if stated is not None else computed, description, False))

    # 其余Y: the first amount less those in between.
    for rem in (q for q in money if q.is_remainder):
        before = [q for q in money if q.end <= rem.start and not q.is_rate]
        if len(before) >= 2:
            whole, parts = before[0], before[1:]
            computed = whole.value - sum((p.value for p in parts), Decimal(0))
            out.steps.append(Step(
                "remainder",
                f"{_written(whole)}减去{'、'.join(_written(p) for p in parts)}为{_yuan(computed, unit)}",
                computed, rem.value, any(p.approx for p in parts),
            ))

    # Items adding up to a 共计/合计.
    start = 0
    for total in (q for q in money if q.is_total and not q.is_rate):
        parts = [q for q in money if start <= q.start < total.start and id(q) not in consumed and q is not total]
        start = total.end
        values, words, _ = _items(parts, products)
        if not values:
            continue
        etc = "等" in total.prefix[-6:]
        computed = sum(values, Decimal(0))
        kind = "product" if len(values) == 1 and words[0].count("×") else "sum"
        out.steps.append(Step(kind, "＋".join(words) + f"＝{_yuan(computed, unit)}", computed, total.value, etc))
        candidates.append((4, total.value, f"合计{_yuan(total.value, unit)}", False))
    last = money[-1]
    final = [q for q in money if q.is_final and not q.is_rate]
    if final:
        approved = final[-1]
        candidates.append((0, approved.value, f"实际批复{_yuan(approved.value, unit)}", False))
        measured = [q for q in money if q.end <= approved.start and not q.is_rate and not q.is_total]
        total = sum((q.value for q in measured), Decimal(0))
        if measured and total != approved.value:
            out.steps.append(Step(
                "approved",
                f"测算{'＋'.join(_written(q) for q in measured)}＝{_yuan(total, unit)}，实际批复{_written(approved)}",
                total, approved.value, True,
            ))
    if not any(c[0] == 4 for c in candidates):
        loose = [q for q in money if id(q) not in consumed and not q.is_total and not q.is_final]
        values, words, uncertain = _items(loose, products)
        if len(values) >= 2:
            computed = sum(values, Decimal(0))
            candidates.append((5, computed, "＋".join(words) + f"＝{_yuan(computed, unit)}", uncertain))
        elif len(values) == 1 and not uncertain:
            candidates.append((6, values[0], words[0], False))
    if candidates:
        priority, value, derivation, uncertain = min(candidates, key=lambda c: c[0])
        # a share computed after the stated total is the form's part of it
        out.bottom_line, out.derivation, out.uncertain = value, derivation, uncertain or any(q.approx for q in money if q is last)
    return out


def _items(amounts: list[Quantity], products: dict[int, tuple[Decimal, str]]):
    """The values and words of listed amounts, standards replaced by standard × count.

    ``uncertain`` is set when a standard had no count to multiply (it is left out).
    """
    values, words, uncertain = [], [], False
    for q in amounts:
        if not q.is_rate:
            values.append(q.value)
            words.append(_written(q))
        elif id(q) in products:
            value, how = products[id(q)]
            values.append(value)
            words.append(how)
        else:
            uncertain = True
    return values, words, uncertain


def _num(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _rate(rate: Quantity, unit: AmountUnit) -> str:
    """A standard as written: ``16800元/个.年``, ``12万元/社区``."""
    written = AmountUnit.WAN_YUAN if rate.unit == "万元" else AmountUnit.YUAN
    per = f"/{rate.per}" if rate.per else ""
    return f"{_num(rate.value / written.factor)}{written.value}{per}"


def _written(q: Quantity) -> str:
    """An amount in the unit the text wrote it in: ``99935.52元``, ``414万元``."""
    written = AmountUnit.WAN_YUAN if q.unit == "万元" else AmountUnit.YUAN
    return f"{_num(q.value / written.factor)}{written.value}"


def _last_before(items: list[Quantity], position: int) -> Quantity | None:
    found = None
    for q in items:
        if q.end <= position:
            found = q
    return found


def _first_after(items: list[Quantity], position: int) -> Quantity | None:
    for q in items:
        if q.start >= position:
            return q
    return None


def _pct(fraction: Decimal) -> str:
    value = (fraction * 100).quantize(Decimal("0.01")).normalize()
    return f"{value:f}%"


__all__ = ["Evaluation", "Step", "evaluate"]
