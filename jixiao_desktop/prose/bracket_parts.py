"""Parts listed in brackets beside the whole they make (共需经费4.56万元（其中甲费2万元、乙费1.5万元、丙费1.06万元）,
（含甲2万元、乙1.5万元），以上合计3.5万元): the reader keeps a bracket's figures out of its items, an aside about the
figure before it; where a bracket lists two parts or more under 其中/含 right beside a stated whole, they are that
whole's parts and their sum is checked against it. A bracket naming only some parts (含税费0.4万元、运费0.1万元 of a
price of 35万元) is no breakdown: only parts making nearly the whole (a tenth either way) are taken for one."""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.money import AmountUnit, format_with_unit
from jixiao_desktop.prose.lexer import MONEY, Lexed
from jixiao_desktop.prose.steps import Reading, Step
from jixiao_desktop.prose.words import OF_WHICH_OPENED_RE

_BRACKET_RE = re.compile(r"[（(]\s*(?:其中|含|包括)[:：]?[^（()）×*＝=每%]{4,160}[)）]")
_WHOLE_BEFORE_RE = re.compile(r"(?:共需|共计|合计|总计|小计|共|需|经费|资金)[^，,。；;：:\d]{0,6}$")
_WHOLE_AFTER_RE = re.compile(r"^\s*[，,]?\s*(?:以上|上述)?(?:合计|共计|总计|共需|共)\s*$")
_NEAR = Decimal("0.1")


def _START(token) -> int:
    return token.start


def _brackets(text: str):
    """The brackets opening with 其中/含/包括, found by their opening character (str.find is far quicker than a
    pattern led by a character class over a long text)."""
    for opening in "(（":
        at = text.find(opening)
        while at >= 0:
            m = _BRACKET_RE.match(text, at)
            if m is not None:
                yield m
            at = text.find(opening, at + 1)


def read_bracket_parts(reading: Reading, lexed: Lexed, unit: AmountUnit = AmountUnit.YUAN) -> Reading:
    text = lexed.text
    tokens = lexed.tokens
    taken = None
    for m in _brackets(text):
        k = bisect_left(tokens, m.start(), key=_START)
        j = bisect_left(tokens, m.end(), key=_START)
        parts = [t for t in tokens[k:j] if t.kind == MONEY and t.value and not t.approx]
        if len(parts) < 2:
            continue
        whole = None
        if k and tokens[k - 1].kind == MONEY and tokens[k - 1].end >= m.start() - 1 and (_WHOLE_BEFORE_RE.search(
                text, max(0, tokens[k - 1].start - 10), tokens[k - 1].start) or OF_WHICH_OPENED_RE.match(text, m.start())):
            # (加固56.8万元（其中坝体加固40万元、放水建筑物16.8万元）: 其中 right after an amount, its parts — words._contained)
            whole = tokens[k - 1]
        else:
            if j < len(tokens) and tokens[j].kind == MONEY and _WHOLE_AFTER_RE.match(text[m.end():tokens[j].start]):
                whole = tokens[j]
        if whole is None or not whole.value or whole.approx:
            continue
        if taken is None:
            taken = {s.start for s in reading.steps}
        if whole.start in taken:
            continue
        total = sum((t.value for t in parts), Decimal(0))
        if total != whole.value and abs(total - whole.value) <= whole.value * _NEAR:
            working = "＋".join(t.text.replace(",", "") for t in parts)
            reading.steps.append(Step("sum", f"{working}＝{format_with_unit(total, unit)}", total, whole.value,
                                      False, Decimal("0.5"), whole.start, whole.end))
    return reading

