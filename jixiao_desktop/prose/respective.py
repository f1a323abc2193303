"""Results listed with 分别 (保安岗38个、保洁岗64个，每岗每年分别为5.5万元、4.9万元，分别计209万元、313.6万元): the
amounts listed after 分别计/分别为/分别需 are the results of the products worked out before them in the sentence, paired
in order — each checked against its own product, not their sum against the first.

A helper of :class:`~.reader._Reader`: it is tried only where 分别 stands just before an amount, or while such a
list is being read.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import MONEY, Token
from jixiao_desktop.prose.steps import _Item
from jixiao_desktop.prose.words import _num

_RESPECTIVE_RESULT_RE = re.compile(r"(?:分别|依次)\s*(?:计|为|需|共|合计|共计|是|需要|安排|约)?\s*[:：]?\s*$")
_LISTED_RE = re.compile(r"\s*[、和及与,，]\s*")


def respective_result(reader, token: Token) -> bool:
    """Whether ``token`` is one of the results listed after 分别 (and, if so, checked against its product)."""
    state = reader.respective_results
    if state is not None:
        products, k, end = state
        if k < len(products) and _LISTED_RE.fullmatch(reader.text, end, token.start):
            _pair(reader, products[k], token)
            reader.respective_results = (products, k + 1, token.end) if k + 1 < len(products) else None
            return True
        reader.respective_results = None
        return False
    if token.per or not _RESPECTIVE_RESULT_RE.search(reader.before(token, 12)):
        return False
    tokens, text = reader.tokens, reader.text
    n, j, end = 1, reader.index + 1, token.end
    while j < len(tokens) and tokens[j].kind == MONEY and not tokens[j].per and _LISTED_RE.fullmatch(text, end, tokens[j].start):
        n, end, j = n + 1, tokens[j].end, j + 1
    if n < 2:
        return False
    reader.flush_chain()
    reader.flush_rates(until=token)
    products = [i for i in reader.items if i.product and not i.closed and i.start >= reader.sentence_start]
    if not products and not reader.items_in_sentence():   # …每人每月1200元。全年所需分别为…和…: the sentence before's
        before = max(reader.text.rfind(c, 0, max(0, reader.paragraph_start - 1)) for c in "。\n") + 1
        products = [i for i in reader.items if i.product and not i.closed and i.start >= before]
    if len(products) == 1:
        products = _run_apart(reader, products[0], n) or products
    if len(products) < n:
        return False
    products = products[-n:]
    _pair(reader, products[0], token)
    reader.respective_results = (products, 1, token.end)
    return True


def _run_apart(reader, product, n: int) -> list | None:
    """生活补贴2,146人、护理补贴1,387人，均按每人每月80元，全年分别需…、…: one product of a listed run of counts
    summed, whose results are listed each: the product of each count of the run, in its place among the items."""
    counts = [c for c in reader.counts if reader.sentence_start <= c.start < product.start]
    if len(counts) < n or len({c.unit for c in counts[-n:]}) != 1:
        return None
    counts = counts[-n:]
    whole = sum((c.value for c in counts), Decimal(0))
    head = f"{_num(whole)}{counts[0].unit}×"
    if not whole or not product.words.startswith(head):
        return None
    parts = [_Item(round_fen(product.value * c.value / whole), f"{_num(c.value)}{c.unit}×" + product.words[len(head):],
                   product.start, product.end, product.approx, product=True) for c in counts]
    at = next(k for k, i in enumerate(reader.items) if i is product)
    reader.items[at:at + 1] = parts
    return parts


def _pair(reader, product, token: Token) -> None:
    reader.add_step("product", f"{product.words}＝{reader.fmt(product.value)}", product.value, token, product.approx)
    result = reader.item(token, closed=True)
    reader.items = [result if i is product else i for i in reader.items]
    reader.whole = result
