"""A standard stated in a sentence of its own, before the sentence that names its count and the result (a relation
the walk leaves unread, looked for after it by :func:`~.missed_looks.missed`):

    计划生育特别扶助金按每人每年120元标准发放。全县符合条件对象4,120人，年需494,400元。
    补助标准为每人每月500元。全县共有对象120人，全年需72万元。

The walk reads a standard with the counts of its own sentence (or of a sentence of counts alone before it); a
standard whose sentence names no count is no term. Here the next sentence names one count of the thing the standard is
per, and one amount after a total word, and nothing else counted: the amount states count × standard (× 12 where the
standard is monthly and the sentence works out a year: 全年, 年需; × the months it names). Only a failing product is
added; where the months of a monthly standard are not said, nothing is claimed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import AmountUnit, format_with_unit, round_fen
from jixiao_desktop.prose.agreements import precision
from jixiao_desktop.prose.lexer import COUNT, MONEY, Lexed
from jixiao_desktop.prose.steps import Reading, Step
from jixiao_desktop.prose.words import _num, _rate_text, _result_marker, _same_thing

_PERIODS = frozenset(("月", "年", "日", "天", "周", "季度", "季", "学期"))   # what a standard may be per besides its thing
_YEAR_RE = re.compile(r"全年|(?<!半)(?:年需|年共|年度)|每年|一年")   # (not 上半年需, 下半年共: half a year)


def _each_before(lexed: Lexed, a: int, k: int) -> tuple[str, ...]:
    """What the 每… words of the standard's clause say it is per (每名幼儿每月300元: 名 and 月)."""
    tokens, text, per = lexed.tokens, lexed.text, ()
    j, end = k - 1, tokens[k].start
    while j >= a and tokens[j].kind == "each" and tokens[j].value == 1 and not any(c in text[tokens[j].end:end] for c in "，,：:"):
        per, end, j = tokens[j].per + per, tokens[j].start, j - 1
    return per


_NUMBERS = frozenset((MONEY, COUNT, "percent", "ratio", "months", "years", "number"))


def standards_before(reading: Reading, lexed: Lexed, unit: AmountUnit, stated) -> None:
    tokens, text, n = lexed.tokens, lexed.text, len(lexed.tokens)
    for k, standard in enumerate(tokens):
        # (the standard the last number of its sentence, a stop after it: most amounts fail the first tests)
        if standard.kind != MONEY or k + 2 >= n or tokens[k + 1].kind != "stop" or not standard.value or not (
                standard.per or tokens[k - 1].kind == "each"):
            continue
        a, other = k, False
        while a > 0 and tokens[a - 1].kind != "stop":
            a -= 1
            if tokens[a].kind in _NUMBERS:
                other = True
                break
        if other:
            continue   # (another number in the standard's sentence)
        per = standard.per or _each_before(lexed, a, k)
        things = [w for w in per if w not in _PERIODS]
        if len(things) != 1 or any(w in _PERIODS and w not in ("月", "年") for w in per):
            continue   # (每人每天, 每季度, 每学期, 每周: how many of those the year holds is not read here)
        c = d = k + 2
        while d < n and tokens[d].kind != "stop" and d - c < 12:
            d += 1
        after = [t for t in tokens[c:d] if t.kind in _NUMBERS]
        counts = [t for t in after if t.kind == COUNT]
        months = [t for t in after if t.kind == "months"]
        amounts = [t for t in after if t.kind == MONEY]
        if len(counts) != 1 or len(amounts) != 1 or len(after) != 1 + len(months) + 1 or amounts[0].per:
            continue
        count, result = counts[0], amounts[0]
        if not _same_thing(things[0], count.unit) or count.start > result.start or result.start in stated:
            continue
        near = text[max(tokens[c].start, result.start - 14):result.start]
        if _result_marker(near) is None:
            continue
        factor, words = Decimal(1), ""
        if "月" in per:
            if len(months) == 1 and months[0].start < result.start:
                factor, words = months[0].value, f"×{_num(months[0].value)}个月"
            elif not months and _YEAR_RE.search(text, tokens[c].start, result.start) and "每月" not in near:
                factor, words = Decimal(12), "×12个月"
            else:
                continue
        elif months:
            continue
        value = round_fen(count.value * standard.value * factor)
        tolerance = precision(result)   # (the stated figure's own precision: 49.44万元 is right to 50元)
        if abs(value - result.value) <= tolerance:
            continue
        reading.steps.append(Step("product", f"{_num(count.value)}{count.unit}×{_rate_text(standard)}{words}＝"
                                  f"{format_with_unit(value, unit)}", value, result.value, False, tolerance,
                                  result.start, result.end))
