"""Two more plausible readings of a failing step, looked at by :mod:`jixiao_desktop.prose.second_looks` (kept here so
that module stays small): each names what the words allow; second_looks drops the step only where that reading makes
its stated figure exactly.

- **a standard times a period per head** (补助标准为服役年限×3,000元，平均服役年限2.5年): the mean period is one more
  factor of the count × the standard;
- **written products, then their sum** (泵3台×1.5万元、发电机5台×0.8万元，即8.5万元): a sum that counted one of those
  products beside the figure that already holds it counts it twice.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import AmountUnit, format_with_unit, round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, Token

_PER_HEAD_PERIOD_RE = re.compile(r"平均\s*([^，,。；;\d]{0,6}(?:年限|年数|工龄|月数|天数|期限))\s*(?:为|约|达)?\s*$")


def per_head_period(text: str, sentence: int, token: Token) -> bool:
    """Whether ``token`` is the mean of a period per head (平均服役年限2.5年) that its sentence (from ``sentence``)
    writes a standard times (服役年限×3,000元 / 3,000元×服役年限 / 乘以服役年限)."""
    named = _PER_HEAD_PERIOD_RE.search(text, max(sentence, token.start - 12), token.start)
    if named is None:
        return False
    before = text[sentence:token.start]
    return any(f"{word}×" in before or f"×{word}" in before or f"乘以{word}" in before for word in (named[1], named[1][-2:]))


def products_summed_after(description: str, window: list[Token]) -> tuple[Decimal, str] | None:
    """For a failing sum (its ``description``) over the tokens ``window`` before its stated figure: what it makes
    without the written products that a figure right after them sums (count × money, at least two), and its
    description — None where there are none among its terms."""
    from jixiao_desktop.prose.restatements import terms   # (restatements reads second_looks' neighbours: imported when needed)
    for k in range(6, len(window)):
        token = window[k]
        if token.kind != MONEY or not token.value or token.per:
            continue
        products, j = [], k - 1
        while j >= 2 and window[j].kind == MONEY and window[j - 1].kind == "op" and window[j - 1].text == "×" \
                and window[j - 2].kind == COUNT and window[j - 2].value:
            products.append(window[j - 2].value * window[j].value)
            j -= 3
        if len(products) < 2 or sum(products) != token.value:
            continue
        parts = terms(description) or []
        kept = list(parts)
        for term in parts:
            if "×" in term.text and term.value in products:
                kept.remove(term)
        if kept and len(kept) < len(parts):
            value = round_fen(sum((t.value for t in kept), Decimal(0)))
            return value, "＋".join(t.text for t in kept) + f"＝{format_with_unit(value, AmountUnit.YUAN)}"
    return None
