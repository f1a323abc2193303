"""A result that opens a sentence of its own and states the products the sentence before left open.

护林员8人，每人每月900元。全年86,400元 / 展板12块，每块350元。计4,200元: the standard × count is worked out at the
end of its sentence; the amount that opens the next sentence (after a 。, with no figure before it but a period of
months) is its value, as 全年需… is. Only products count: an amount of its own before it (预算4.6万元) is no part.
"""

from __future__ import annotations

_NOT_FIGURES = frozenset(("months", "word", "period_word", "each", "party", "comma"))


def states_products_before(reader) -> bool:
    """Whether the amount being read states the open products of the sentence before (see the module)."""
    if reader.breakdown is not None or reader.paragraph_start != reader.sentence_start or not reader.items:
        return False
    if reader.items[-1].start >= reader.sentence_start:
        return False
    if any(t.kind not in _NOT_FIGURES for t in reader.tokens[reader.sentence_first:reader.index]):
        return False
    items, i = reader.items, len(reader.items)
    while i > 0 and not items[i - 1].closed and not items[i - 1].derived:
        if not items[i - 1].product:
            return False
        i -= 1
    return i < len(items)
