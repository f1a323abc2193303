"""Amounts stated again or adjusted: an amount converted into another unit (计7,280,000元，折合728万元), the amount left after a
percentage cut (压减10%后安排2970万元), terms written with ＋ at a total word (restating the products before them, or items of
it), whether the sentence after a result lists its parts (。其中…), and an amount whose working in brackets counts its own
things (生均补助186万元（按1,550名幼儿×1,200元测算）: no standard).

Functions of the reader (:class:`~.reader._Reader`), called from :mod:`.reader`, :mod:`.totals` and :mod:`.products`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, Token
from jixiao_desktop.prose.words import CUT_WORDS, _num, _same_thing, _written

_CONVERTED_RE = re.compile(r"[\s，,]*(?:折合|折算为|折算|折)(?:人民币)?\s*(?:约|为|约为)?\s*")
# terms that restate products are bare: only a word of need before the first (需895,280元+2,148,400元), ＋ between them
_BARE_TERMS_BEFORE_RE = re.compile(r"(?:^|[，,：:])\s*(?:需要?|共需|计|为|即|分别为|分别需|金额为|资金)?\s*$")
_PLUS_ONLY_RE = re.compile(r"\s*[+＋]\s*")
_WORKING_OPENS_RE = re.compile(r"\s*(?:按|即|计算[:：]?)")
_CUT_THEN_LEFT_RE = re.compile(rf"\s*(?:的?比例)?\s*(?:{CUT_WORDS})?\s*后[^，,。；;\d]{{0,4}}?(?:为|安排|预算|按)?\s*")   # 压减10%后安排… / 按20%比例核减后安排…


def converted(reader, token: Token, pre: str) -> bool:
    """两个学期计7,280,000元，折合728万元: an amount right after another with only 折合 between restates it in another
    unit (no item of its own); where the two differ, a step says so."""
    if not _CONVERTED_RE.fullmatch(pre) or not (reader.items or reader.last_total) or reader.index == 0:
        return False
    previous = reader.tokens[reader.index - 1]
    if previous.kind != MONEY or previous.per or not any(
            last is not None and last.start == previous.start for last in (reader.items[-1] if reader.items else None, reader.last_total)):
        return False
    if abs(previous.value - token.value) > reader.tolerance(token, reader.approx(token)):
        reader.add_step("sum", f"{_written(previous)}折合{reader.fmt(previous.value)}", previous.value, token)
    return True


def reduced_by_percent(reader, token: Token, reduced: re.Match) -> bool:
    """压减10%后安排2970万元: a percentage cut off the amount before, and the amount left after it (后): that amount
    replaces the one before, and a step checks it."""
    previous = reader.tokens[reader.index - 1] if reader.index else None
    if previous is None or previous.kind != PERCENT or not previous.value or not _CUT_THEN_LEFT_RE.fullmatch(
            reader.text, previous.end, token.start) or not reader.items:
        return False
    base = reader.items[-1]
    if base.token is None or base.rate:
        return False
    value = round_fen(base.value * (100 - previous.value) / 100)
    reader.add_step("percent_of", f"{base.words}{reduced.group(0)}{_num(previous.value)}%后为{reader.fmt(value)}", value, token,
                  base.approx)
    reader.items[-1] = reader.item(token)
    reader.whole = reader.items[-1]
    return True


def plus_before_total(reader) -> None:
    """Terms written with ＋ still open at a total word: where they are bare (a word of need at most before the first,
    ＋ alone between them) and as many as the products of their sentence before them, they restate those products one
    each (…每人定额资助200元，需895,280元+2,148,400元，共计…: each term checked against its product); else they are
    items of the total (15人×1,800元×12个月＋运行费30,000元＋保险费4,000元，共计…; 场地费3,000元+资料费2,000元，共计…)."""
    terms = reader.plus
    products = [i for i in (reader.breakdown_items if reader.breakdown is not None else reader.items)
                if i.product and reader.sentence_start <= i.start and i.end <= terms[0].start]
    if len(products) != len(terms) or not _BARE_TERMS_BEFORE_RE.search(reader.clause_before(terms[0], 12)) or not all(
            _PLUS_ONLY_RE.fullmatch(reader.text, a.end, b.start) for a, b in zip(terms, terms[1:])):
        reader.flush_plus()   # (…，场地费3,000元+资料费2,000元，共计…: terms named of their own, items)
        return
    reader.plus, reader.plus_open = [], False
    for product, term in zip(products, terms, strict=True):
        reader.add_step("product", f"{product.words}＝{reader.fmt(product.value)}", product.value, term, product.approx)


def parts_listed_next(reader, token: Token) -> bool:
    """Whether the sentence after ``token`` lists two amounts or more and no percentage (其中中央补贴50%，115.8万元…:
    shares, read as such; 其中…约240万元，不足部分县级安排: one part, the rest unsaid)."""
    amounts = 0
    for later in reader.tokens[reader.index + 2:reader.index + 40]:   # (after the 。 that ends the result's sentence)
        if later.kind == "stop" and later.text in "。\n":
            break
        if later.kind in ("percent", "ratio", "half"):
            return False
        amounts += later.kind == MONEY and not later.per
    return amounts >= 2


def worked_in_bracket(reader, token: Token, per: tuple[str, ...]) -> bool:
    """Whether a bracket right after ``token`` holds a × working (factors joined by ×) of a count of the very things the
    amount would be per (生均…（按1,550名幼儿×1,200元）) whose product is ``token``."""
    if reader.text[token.end:token.end + 1] not in "（(":
        return False
    value, factors, k, counted = Decimal(1), 0, reader.index + 1, False
    while k < len(reader.tokens) and k < reader.index + 12:
        t = reader.tokens[k]
        if reader.text.find("）", token.end, t.start) >= 0 or reader.text.find(")", token.end, t.start) >= 0:
            break
        if t.kind in (COUNT, MONEY, "number", "months") and t.value:
            value, factors = value * t.value, factors + 1
            counted = counted or t.kind == COUNT and any(_same_thing(w, t.unit) for w in per)   # (每场…（30人×150元）: per 场)
        elif t.kind != "op":
            return False
        k += 1
    # (按3个月×400元: the standard's own working; 生均补助196万元（按1,550名幼儿×1,200元测算）: the amount's, wrong)
    return counted and factors >= 2 and (abs(value - token.value) <= 1 or _WORKING_OPENS_RE.match(reader.text, token.end + 1) is not None)
