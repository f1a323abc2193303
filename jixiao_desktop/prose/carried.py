"""Results worked out from what earlier sentences state: the products the sentence before left open, and a
growth over last year's amount.

A result that opens a sentence of its own and states the products the sentence before left open.

护林员8人，每人每月900元。全年86,400元 / 展板12块，每块350元。计4,200元: the standard × count is worked out at the
end of its sentence; the amount that opens the next sentence (after a 。, with no figure before it but a period of
months) is its value, as 全年需… is. Only products count: an amount of its own before it (预算4.6万元) is no part.
"""

from __future__ import annotations

import re

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import MONEY, Token
from jixiao_desktop.prose.words import _num, _written

_NOT_FIGURES = frozenset(("months", "word", "period_word", "each", "party", "comma"))


_BARE_YEAR_RE = re.compile(r"\s*(?:全年|一年)(?:共计|合计|共|计|约|为)?\s*[:：]?\s*")


def states_products_before(reader) -> bool:
    """Whether the amount being read states the open products of the sentence before (see the module)."""
    if reader.breakdown is not None or not reader.items:
        return False
    if reader.paragraph_start != reader.sentence_start and not _BARE_YEAR_RE.fullmatch(
            reader.text, reader.sentence_start, reader.tokens[reader.index].start):
        return False   # (after ；: only a bare 全年 states the clause before's products — 月工资4800元；全年172,800元)
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


# 按上年增长10%测算，需142万元: a growth over last year's amount, worked out from the last amount the text names for
# last year (上年实际支出120万元), stated by the amount right after it
_GROWTH_RE = re.compile(r"按(?:上年|去年|上一年)(?:基础上|基数)?[^，,。；;\d]{0,4}(?:增长|增加|上浮|提高)\s*$")
_GROWN_RESULT_RE = re.compile(r"\s*(?:[测计]算)?[\s，,]*(?:需|计|为|约|共需)[^，,。；;\d]{0,6}?(?:约|为)?\s*")
_LAST_YEAR_RE = re.compile(r"(?:上年|去年|上一年)[^，,。；;\d]{0,12}$")


def grown(reader, token: Token) -> bool:
    """Add the step of a growth over last year's amount (see above) at its percentage ``token``; never takes the
    token (False): the percentage is read on as before."""
    index = reader.index
    if reader.text.find("按", max(0, token.start - 16), token.start) < 0:
        return False   # (every growth's words begin with 按)
    if index + 1 >= len(reader.tokens) or not _GROWTH_RE.search(reader.text, max(0, token.start - 16), token.start):
        return False
    result = reader.tokens[index + 1]
    if result.kind != MONEY or result.per or not _GROWN_RESULT_RE.fullmatch(reader.text, token.end, result.start):
        return False
    base = next((t for t in reversed(reader.tokens[max(0, index - 12):index]) if t.kind == MONEY), None)
    if base is None or base.per or not _LAST_YEAR_RE.search(reader.text, max(0, base.start - 12), base.start):
        return False
    value = round_fen(base.value * (100 + token.value) / 100)
    reader.add_step("percent_of", f"{_written(base)}×(1＋{_num(token.value)}%)＝{reader.fmt(value)}", value, result)
    return False
