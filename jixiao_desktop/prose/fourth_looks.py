"""More readings of a failing total, product or percentage, tried after those of :mod:`.third_looks`.

- **results beside the products they restate**: a total whose working counts both the products of the items
  (3名×2,000元×12个月) and the results the text states for them (计7.2万元) counts each item twice; where the
  stated results alone make the total and each product is restated by one of them (a result worded as such: 计…,
  为…, ＝…, 全年…), the total holds (…每人每月2,000元；…计7.2万元。…计4万元。合计11.2万元);
- **one item's own total**: a total its words close inside a numbered item (2.护理费：…；…，护理费合计…) is of
  the terms after that item's number, not of the results of the items before it;
- **every result before it**: a total the reader found short of its items (some closed earlier) may be of all
  the amounts the text states before it which are no standards (每人…, 每个…), counted from its heading or from
  further back, where none of them is set apart (上年…, 已…, a bracket, a working written out):
  …需支付：甲款300万元，乙费8万元，丙费12万元，以上合计320万元;
- **a percentage of a named base**: 按建安费的2%, 按一至三项的5%: the base is the amount earlier named by that word
  (1.建安工程费…480万元), or, the word naming none, all the results of the items before it;
- **the counts a product is of**: a standard per household after the groups of households listed (低保户3,680户；
  特困户412户；每户每年500元) is of them all; a count named in the stated figure's own clause (其中2人已缴不计，
  其余4名计…) is the one it is of; a standard without a count of its own (2、月均社保补贴420元，十二个月共…) is
  of the count of the item before (购买服务岗位74个…);
- **listed counts, amounts 分别**: 甲类六家、乙类四家，分别奖补1.2万元、0.8万元: the sum of their products.

Each reading is tried only on a failing step whose words call for it, so reading stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, Lexed
from jixiao_desktop.prose.restatements import terms
from jixiao_desktop.prose.steps import Step, near_stated as _near
from jixiao_desktop.prose.words import token_start

_TOTAL_WORD_RE = re.compile(r"合计|总计|共计|总共|共需|共|以上|上述|小计")
_ITEM_RE = re.compile(r"(?:^|[。；;\n：:])\s*(?:\d{1,2}\s*[.、．](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}、|[①-⑳])")
_HEADING_RE = re.compile(r"[：:]")
_OWN_TOTAL_RE = re.compile(r"([^\d，,。；;：:、]{2})(?:合计|小计|共计)")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_BASE_RE = re.compile(r"([^\d，,。；;：:按]{2,10}?)(?:之和|总额|合计)?的\s*$")
_MAX_TOKENS = 60
_NO_NAME_RE = re.compile(r"以上|上述|前述|项|总|共|全|年|月|各|两|所有")
_PLAIN_RE = re.compile(r"(\d+(?:\.\d+)?)(万|亿)?元")
_SCALE = {"万": Decimal(10000), "亿": Decimal(100000000)}
_CLAUSE_END_RE = re.compile(r"[，,；;。\n]")
_NOT_COUNT_RE = re.compile(r"元|月|年|%|天|日|周")
_INSIDE_RE = re.compile(r"其中|含|包括")   # (服务对象744人，其中…318人: a count inside another, no second group)
_RESULT_WORD_RE = re.compile(r"(?:计|为|共|需|＝|=|全年|合计|约|发放|达)[^，,。；;：:]{0,6}$")
_STANDARD_RE = re.compile(r"(?:每|均|标准|单价|/)[^，,。；;：:\n]*$")   # (within the figure's clause)
# words that set a figure apart from this year's items (上年实际支出…, 已安排…, （含…）, a working written out): where
# any stands among them, the reader's choice of terms is kept
_SET_APART_RE = re.compile(r"累计|截至|截止|上年|去年|上一年|往年|历年|已|实际|原|以前|[（()）×*=＝]")


def _results(lexed: Lexed, first: int, index: int) -> list[Decimal]:
    """The amounts stated at tokens ``first``..``index`` (excluded) which are no standards."""
    text = lexed.text
    return [t.value for t in lexed.tokens[first:index] if t.kind == MONEY and t.value and not t.per
            and not _STANDARD_RE.search(text, max(0, t.start - 24), t.start)]


def sum_reread(step: Step, lexed: Lexed, index: int) -> bool:
    """Whether a failing sum (its stated figure at token ``index``) holds under one of the readings above."""
    text, position = lexed.text, lexed.tokens[index].start
    if not _TOTAL_WORD_RE.search(text, max(0, position - 10), position) and "测算" not in text[max(0, position - 40):position]:
        return False
    if step.computed < step.stated and "分别" in text[max(0, position - 80):position] and _respective(
            step, lexed, index, max(0, position - 80)):
        return True
    if step.computed > step.stated:
        restated = "×" in step.description.partition("＋")[0] and _plain_near(step)
        mark = _item_mark(text, position)
        if not restated and mark is None:
            return False   # (cheap words first: the working is parsed only where a reading here may apply)
        parts = terms(step.description)
        if not parts:
            return False
        if restated and _restated(lexed, index, parts):
            return True   # (restated results: the products they restate are not counted again)
        return mark is not None and _own_item(step, text, position, parts, mark)
    first = max(0, index - _MAX_TOKENS)
    window = lexed.tokens[first].start if first else 0   # (each look stays near the total: reading stays linear)
    heading = max(text.rfind("：", window, position), text.rfind(":", window, position))   # (the text as read: half-width)
    for start in ([heading] if heading >= 0 else []) + [window]:   # (from its heading, then from further back)
        if _SET_APART_RE.search(text, start, position):
            return False   # (and so from further back)
        k = max(first, bisect_left([t.start for t in lexed.tokens[first:index]], start) + first)
        found = _results(lexed, k, index)
        if len(found) >= 2 and _near(sum(found, Decimal(0)), step):
            return True
    return False


def _plain_near(step: Step) -> bool:
    """Whether the plain terms of a sum's working (no product) make its stated figure, two at least."""
    total, n = Decimal(0), 0
    for part in step.description.rsplit("＝", 1)[0].split("＋"):
        if "×" not in part:
            found = _PLAIN_RE.fullmatch(part)
            if found is None:
                return False
            total += Decimal(found[1]) * _SCALE.get(found[2], 1)
            n += 1
    return n >= 2 and _near(total, step)


def _respective(step: Step, lexed: Lexed, index: int, window: int) -> bool:
    """甲类六家、乙类四家、丙类二家，分别奖补…、…、…。共需…: the counts times the amounts in turn."""
    text, tokens = lexed.text, lexed.tokens
    at = text.rfind("分别", window, tokens[index].start)
    if at < 0:
        return False
    k = bisect_left(tokens, at, key=token_start)   # (no list of every start made per failing step)
    amounts = [t.value for t in tokens[k:index] if t.kind == MONEY and t.value]
    counts = []
    for t in reversed(tokens[max(0, k - len(amounts) - 2):k]):
        if t.kind != COUNT:
            break
        counts.insert(0, t.value)
    if len(amounts) < 2 or len(counts) != len(amounts):
        return False
    return _near(sum((c * a for c, a in zip(counts, amounts)), Decimal(0)), step)


def product_reread(step: Step, lexed: Lexed, index: int) -> bool:
    """Whether a failing product holds with the counts it is of (see above)."""
    working = step.description.rsplit("＝", 1)[0]
    if "＋" in working or "（" in working or "(" in working or not step.computed:
        return False
    if step.stated < step.computed and (index < 2 or lexed.tokens[index - 1].kind != COUNT and lexed.tokens[index - 2].kind != COUNT):
        return False   # (a smaller figure: only a count of its own clause, next to it, may make it)
    used = [f for f in working.split("×") if _NUMBER_RE.match(f) and not _NOT_COUNT_RE.search(f)]
    if len(used) > 1:
        return False
    tokens, text = lexed.tokens, lexed.text
    count = Decimal(_NUMBER_RE.match(used[0])[0]) if used else Decimal(1)
    if not count:
        return False
    rest = step.computed / count
    first = max(0, index - 24)
    if used:
        unit = used[0][len(_NUMBER_RE.match(used[0])[0]):]
        same = [t for t in tokens[first:index] if t.unit == unit and t.kind == COUNT] if step.stated > step.computed else ()
        if len(same) >= 2 and not _INSIDE_RE.search(text, same[0].end, tokens[index].start) \
                and _near(rest * sum((t.value for t in same), Decimal(0)), step):
            return True   # (groups of the standard's measure, listed apart)
        for t in tokens[max(0, index - 2):index]:   # (a count next to the stated figure, in its clause)
            if t.kind == COUNT and t.value and t.value != count and not _CLAUSE_END_RE.search(text, t.end, tokens[index].start) \
                    and _near(rest * t.value, step):
                return True
        return False
    if step.stated < step.computed:
        return False
    ends = [j for j in range(first, index) if tokens[j].kind == "stop"]
    if not ends:
        return False
    begin = ends[-2] if len(ends) >= 2 else first
    return any(t.kind == COUNT and t.value and _near(rest * t.value, step) for t in tokens[begin:ends[-1]])


def _restated(lexed: Lexed, index: int, parts: list) -> bool:
    """Whether each product of the working is restated by a result the text states after it: one worded as a
    result (计…, 为…, ＝…, 全年…, or a bare figure after its clause), equal to the product or, the product's count
    named in its sentence, more than it (计393.1万元 of two groups). 福利院补助5万元 beside 每人500元，100人 is another
    item, though equal to the product."""
    text, tokens = lexed.text, lexed.tokens
    window, end = tokens[max(0, index - _MAX_TOKENS)].start, tokens[index].start
    results: list[tuple[Decimal, str]] = []
    for t in parts:
        if "×" in t.text:
            continue
        for j in range(index - 1, max(-1, index - _MAX_TOKENS), -1):
            token = tokens[j]
            if token.kind == MONEY and token.value is not None and abs(token.value - t.value) < Decimal("0.01"):
                break
        else:
            return False
        clause = max(text.rfind(c, max(0, token.start - 24), token.start) for c in "，,。；;：:\n")
        before = text[max(clause + 1, token.start - 24):token.start].strip(" ，,")
        if before and not _RESULT_WORD_RE.search(before):
            continue
        begin = max(text.rfind(c, window, token.start) for c in "。\n")
        ends = [e for e in (text.find(c, token.start, end) for c in "。\n") if e >= 0]
        results.append((t.value, text[max(begin + 1, window):min(ends, default=end)].replace(",", "")))
    for t in parts:
        if "×" in t.text and not any(abs(t.value - value) < Decimal("0.01") or (
                t.value < value and _NUMBER_RE.search(t.text)[0] in sentence) for value, sentence in results):
            return False
    return bool(results)


def _item_mark(text: str, position: int) -> int | None:
    """护理费合计… after 2.照料护理费：…: the end of the number of the item whose heading names the total (None where
    the total's word names no item: 以上合计, 两项合计)."""
    named = _OWN_TOTAL_RE.search(text, max(0, position - 12), position)
    if named is None or _NO_NAME_RE.search(named[1]):
        return None
    heading = text.rfind(named[1], max(0, position - 300), named.start())
    if heading < 0:
        return None
    marks = [m.end() for m in _ITEM_RE.finditer(text, max(0, heading - 12), heading)]
    return marks[-1] if marks else None


def _own_item(step: Step, text: str, position: int, parts: list, mark: int) -> bool:
    """The terms after the item's number (``mark``), those before it dropped."""
    since = text[mark:position].replace(",", "")
    for j in range(1, len(parts)):
        if _near(sum((t.value for t in parts[j:]), Decimal(0)), step):
            dropped = parts[:j]
            return all(not t.numbers or _NUMBER_RE.search(t.text)[0] not in since for t in dropped)
    return False


def percent_before(lexed: Lexed, index: int) -> int | None:
    """The index of the percentage among the three tokens before ``index``, where it is written of a base (…的2%)."""
    tokens, text = lexed.tokens, lexed.text
    for p in range(index - 1, max(-1, index - 4), -1):
        if tokens[p].kind == PERCENT:
            return p if "的" in text[max(0, tokens[p].start - 3):tokens[p].start] else None
    return None


def percent_reread(step: Step, lexed: Lexed, index: int) -> bool:
    """按建安费的2%计取165,376元: the percentage of the amount named by its base word, or of all the results before."""
    tokens, text = lexed.tokens, lexed.text
    p = percent_before(lexed, index)
    if p is None:
        return False
    percent = tokens[p]
    base = _BASE_RE.search(text, max(0, percent.start - 14), percent.start)
    if base is None or not percent.value:
        return False
    rate = percent.value / 100
    first = max(0, p - 40)
    stem = base[1].lstrip("以上前述各")[:2]
    if len(stem) < 2 or text.find(stem, tokens[first].start if first else 0, base.start()) < 0:   # (a word naming no amount before: the items before it)
        found = _results(lexed, first, p)
        return len(found) >= 2 and _near(sum(found, Decimal(0)) * rate, step)
    base_value = step.stated / rate   # (the base the stated figure is of, give or take its precision)
    slack = step.tolerance / rate + 1
    for t in tokens[first:p]:
        if t.kind == MONEY and t.value and abs(t.value - base_value) <= slack and not t.per and _near(t.value * rate, step) \
                and not _STANDARD_RE.search(text, max(0, t.start - 24), t.start):
            line = max(text.rfind(c, max(0, t.start - 80), t.start) for c in "。；;\n")
            if stem in text[line + 1:t.start]:
                return True
    return False
