"""Two more ways a form's amount agrees with a text (asked by :func:`~.backing.amount_disagrees` last).

- a whole followed by its sources, each level's (or the rest's) part, that add up to it exactly, the form's own level
  among them (总投资3200万元，省级补助70%为2240万元，其余市级配套960万元): the form carries the whole;
- a year's even part of a whole spread over its years (1.05亿元，分5年拨付，每年2100万元): this year's figure;
- a result and one more item after it with 另 and no total after (年需36,000元。另救生设备更新3,600元。): the form
  carries their sum.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.prose.lexer import MONEY, Lexed

_PIECE_END_RE = re.compile(r"[；;。\n]")
# the words a source is named with: a level (省级补助, 县级配套), what is left (其余, 剩余) or a fund (整合, 债券, 自筹)
_SOURCE_RE = re.compile(r"中央|省|市|县|区级|区财政|乡|镇|其余|剩余|余下|整合|债券|自筹|社会资本|企业")
_PAST_RE = re.compile(r"上年|去年|以前|历年|前期|累计|分[两二三四五六\d]\s*[年期批]|[一二三]期|分年度|结转")
_TOTAL_AFTER_RE = re.compile(r"合计|共计|总计|两项|三项|共需|总共|以上")
_RESULT_RE = re.compile(r"(?:需|计|共|全年|合计|为|即)[^，,。；;\d]{0,4}$")
_MAX_SOURCES = 5


def _money(lexed: Lexed) -> list:
    return [t for t in lexed.tokens if t.kind == MONEY and t.value is not None and not t.is_rate and not t.per
            and "每" not in lexed.text[max(0, t.start - 4):t.start]]   # (每亩1,700元: a standard, no part)


def whole_of_its_sources(lexed: Lexed, amount: Decimal, level: str) -> bool:
    """Whether ``amount`` is a whole the text states and then splits into its sources, each piece (clause to ；。)
    naming a source, the parts adding up to it exactly and one naming the form's own ``level``."""
    from jixiao_desktop.prose.backing import _OWN_NAMES   # (backing asks this module)
    own_re = re.compile(rf"(?<![社城园景辖片])(?:{_OWN_NAMES.get(level, _OWN_NAMES['县'])})(?:级|财政|本级|自筹|配套|承担)")
    text = lexed.text
    money = _money(lexed)
    for k, token in enumerate(money):
        if token.value != amount:
            continue
        clause = re.split(r"[，,。；;\n]", text[max(0, token.start - 16):token.start])[-1]
        if _PAST_RE.search(clause):
            continue
        total, own, count = Decimal(0), False, 0
        for part in money[k + 1:k + 1 + _MAX_SOURCES]:
            ends = [m.end() for m in _PIECE_END_RE.finditer(text, token.end, part.start)]
            piece_start = ends[-1] if ends else token.end
            words = text[max(piece_start, part.start - 40):part.start]
            if not _SOURCE_RE.search(words) or _PAST_RE.search(words):
                break
            total += part.value
            count += 1
            own = own or bool(own_re.search(text, max(piece_start, part.start - 20), part.start))
            if total >= amount:
                break
        if total == amount and count >= 2 and own:
            return True
    return False


def item_after_result(lexed: Lexed, amount: Decimal) -> bool:
    """Whether ``amount`` is a result the text states and the item it adds after it with 另 (年需36,000元。另救生设备
    更新3,600元。 / 全年34.776万元；另春节慰问每人1,000元，计2.3万元。), with no total after them."""
    text = lexed.text
    at = text.rfind("另")
    if at < 0 or _TOTAL_AFTER_RE.search(text, at):
        return False
    money = _money(lexed)
    before = [t for t in money if t.end <= at]
    after = [t for t in money if t.start > at]
    if not before or not after or len(after) > 3 or _PAST_RE.search(text, at, after[-1].start):
        return False   # (另上年结转资金6万元继续用于…: no item of this year's)
    result = before[-1]
    if not _RESULT_RE.search(text, max(0, result.start - 8), result.start):
        return False
    added = {after[-1].value, sum((t.value for t in after), Decimal(0))}
    return any(result.value + value == amount for value in added)


_YEARS_RE = re.compile(r"分\s*([2-9]|[两二三四五六七八九])\s*(?:年|个年度)")
_CHINESE = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def yearly_part(lexed: Lexed, amount: Decimal) -> bool:
    """资金1.05亿元，分5年拨付，每年2100万元: the amount is the year's part the text states (每年, 年均) of a whole it
    spreads evenly over its years — this year's figure, not the whole."""
    text = lexed.text
    found = _YEARS_RE.search(text)
    if found is None:
        return False
    years = Decimal(_CHINESE.get(found.group(1)) or int(found.group(1)))
    money = [t for t in lexed.tokens if t.kind == MONEY and t.value is not None]
    return any(t.value == amount and re.search(r"(?:每年|年均|每年度)[^，,。；;\d]{0,4}$", text[max(0, t.start - 8):t.start])
               for t in money) and any(t.value == amount * years for t in money)
