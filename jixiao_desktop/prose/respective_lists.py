"""Standards listed after 分别 and counts listed after 分别, paired in order (a reading of a failing sum or product,
asked by :func:`~.readings.reread`):

    职业技能培训补贴按初级、中级、高级分别800元、1,000元、1,500元/人，预计取证人数分别为46、28、9人。所需补贴资金78,300元。

The walk reads the listed amounts as items and the listed numbers as one count (their sum, for the last standard); the
clerk means 800×46 + 1,000×28 + 1,500×9. Where the text before the stated figure (its sentence and the one before) lists
n amounts after one 分别 and n numbers after another (the last with its measure word), the figure is read as the sum
of their products: True where that holds, else the step with that sum (the clerk's own pairing), where no standard in
the lists is monthly or yearly (whose months the lists do not say).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.money import AmountUnit, round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, Lexed
from jixiao_desktop.prose.steps import Step, fixed_reading
from jixiao_desktop.prose.words import _num, token_start

_JOIN_RE = re.compile(r"\s*[、,，和及]\s*")
_RESPECTIVE_RE = re.compile(r"分别(?:为|是|按)?\s*$")
_WINDOW = 40


def _listed_after(lexed: Lexed, k: int, kinds: tuple[str, ...]) -> list:
    """The run of tokens of ``kinds`` from ``k`` joined by 、 (or ，)."""
    tokens, text = lexed.tokens, lexed.text
    run = [tokens[k]]
    while k + 1 < len(tokens) and tokens[k + 1].kind in kinds and _JOIN_RE.fullmatch(text, tokens[k].end, tokens[k + 1].start):
        k += 1
        run.append(tokens[k])
    return run


def respective_lists(step: Step, lexed: Lexed, index: int, unit: AmountUnit) -> bool | Step:
    text, tokens = lexed.text, lexed.tokens
    if text.count("分别", max(0, step.start - 200), step.start) < 2:
        return False
    amounts = counts = None
    at = text.find("分别", max(0, step.start - 200), step.start)
    while at >= 0 and (amounts is None or counts is None):   # (the tokens right after each 分别: no pattern tried at the others)
        k = bisect_left(tokens, at + 2, max(0, index - _WINDOW), index, key=token_start)
        if k < index and _RESPECTIVE_RE.search(text, max(0, tokens[k].start - 6), tokens[k].start):
            if tokens[k].kind == MONEY and amounts is None:
                amounts = _listed_after(lexed, k, (MONEY,))
            elif tokens[k].kind in ("number", COUNT) and counts is None:
                counts = _listed_after(lexed, k, ("number", COUNT))
        at = text.find("分别", at + 2, step.start)
    if not amounts or not counts or len(amounts) != len(counts) or len(amounts) < 2 or counts[-1].kind != COUNT:
        return False
    if any(w in ("月", "年", "天", "日") for a in amounts for w in a.per) or any(not a.value or not c.value for a, c in zip(amounts, counts)):
        return False
    value = round_fen(sum((a.value * c.value for a, c in zip(amounts, counts)), Decimal(0)))
    working = "＋".join(f"{_num(c.value)}{counts[-1].unit}×{_num(a.value)}元" for a, c in zip(amounts, counts))
    return fixed_reading(step, value, working, unit)
