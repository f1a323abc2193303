"""More readings of a failing step, tried after those of :mod:`.fourth_looks` (round 29).

- **a percentage of the items' results**: 按设备购置费的3%计, 按一至四项之和的5%: where no single amount before
  is the base, the base may be all the results of the items before it — an amount which is no standard (每台…),
  no factor of a working (20块×1,500元) and not set apart (上年…, 已…) — counted from the list's heading or from
  further back. Not where an item before is itself a percentage (监理费按建安费的2%…, then 设计费按建安费的3.5%).
- **a count in all**: 3家，每家按安置人数每人每月200元，共安置45人: a count stated in all after the places is the
  whole count, the places no factor beside it;
- **results listed after their products**: 甲1,200人×500元、乙800人×600元，计60万元+48万元＝108万元: each result
  is of the product in its place;
- **a raised standard**: 标准由每人每月80元提高至90元，对象5,640人，全年新增…: the money added is the difference
  (10元) times the counts and months of its sentence.

Each reading is tried only on a failing step whose words call for it, so reading stays linear.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, Lexed
from jixiao_desktop.prose.fourth_looks import percent_before
from jixiao_desktop.prose.steps import Step, near_stated as _near

_WINDOW = 40   # tokens looked back (each look stays near its step: reading stays linear)
_SET_APART_RE = re.compile(r"上年|去年|已|结转|不含|不计")


def _item_results(lexed: Lexed, first: int, last: int) -> list[int]:
    """The tokens at ``first``..``last`` (excluded) which state results: no standard, no factor of a working."""
    tokens = lexed.tokens
    found: list[int] = []
    for i in range(first, last):
        t = tokens[i]
        if t.kind != MONEY or not t.value or t.per:
            continue
        if (i and tokens[i - 1].kind in ("each", "op")) or (i + 1 < len(tokens) and tokens[i + 1].kind == "op"):
            continue   # (每台128.5万元, 20块×1,500元: a standard or a factor, not a result)
        found.append(i)
    return found


def _none_set_apart(lexed: Lexed, found: list[int]) -> bool:
    """Whether none of the results is set apart (上年…, 已…) or a percentage itself (监理费按建安费的2%…)."""
    text = lexed.text
    for i in found:
        start = lexed.tokens[i].start
        if _SET_APART_RE.search(text, max(0, start - 8), start):
            return False
        clause = max(text.rfind(c, max(0, start - 40), start) for c in "。；;\n")
        if "%" in text[clause + 1:start]:
            return False   # (a fee on the base before it: the base is then named, not the items)
    return True


def percent_of_items(step: Step, lexed: Lexed, index: int) -> bool:
    """按一至四项之和的5%计，为2.2万元: the percentage of all the items' results before it."""
    tokens, text = lexed.tokens, lexed.text
    p = percent_before(lexed, index)
    if p is None or not tokens[p].value:
        return False
    percent = tokens[p]
    rate = percent.value / 100
    first = max(0, p - _WINDOW)
    window = tokens[first].start if first else 0
    line = max(text.rfind(c, window, percent.start) for c in "。\n")
    heading = text.find("：", max(line, window), percent.start)
    heading = max(heading, text.find(":", max(line, window), percent.start))
    froms = [first]
    if heading >= 0:
        froms.insert(0, next((i for i in range(first, p) if tokens[i].start > heading), p))
    for start in froms:
        found = _item_results(lexed, start, p)
        for results in (found, _subtotals_for_parts(lexed, found)):
            if len(results) >= 2 and _near(sum((tokens[i].value for i in results), Decimal(0)) * rate, step) \
                    and _none_set_apart(lexed, results):
                return True
    return False


def _subtotals_for_parts(lexed: Lexed, found: list[int]) -> list[int]:
    """The results with the parts a 小计 of their own clause sums left out (负压救护车1辆65万元，CT机1台380万元，小计445万元:
    the 445 alone)."""
    tokens, text = lexed.tokens, lexed.text
    kept: list[int] = []
    for i in found:
        start = tokens[i].start
        if "小计" in text[max(0, start - 6):start]:
            segment = max(text.rfind(c, 0, start) for c in "。；;\n")
            kept = [j for j in kept if tokens[j].start < segment]
        kept.append(i)
    return kept if len(kept) < len(found) else []


_IN_ALL_RE = re.compile(r"(?:共|合计|总计|累计)[^\d，,。；;]{0,4}$")


def _clause_first(lexed: Lexed, index: int) -> int:
    """The first token of the clause (up to ；。) the token at ``index`` is in."""
    text, tokens = lexed.text, lexed.tokens
    position = tokens[index].start
    line = max(text.rfind(c, max(0, position - 160), position) for c in "。；;\n")
    i = index
    while i > 0 and index - i < _WINDOW and tokens[i - 1].start > line:
        i -= 1
    return i


def product_in_all(step: Step, lexed: Lexed, index: int) -> bool:
    """3家，每家按安置人数每人每月200元，共安置45人，全年10.8万元: a count stated in all (共…45人) after the
    count of the places holding it is the whole count; the places are no factor beside it."""
    if step.kind != "product" or step.computed <= step.stated:
        return False
    tokens, text = lexed.tokens, lexed.text
    position = tokens[index].start
    if "共" not in text[max(0, position - 60):position] and "计" not in text[max(0, position - 60):position]:
        return False   # (cheap words first)
    first = _clause_first(lexed, index)
    for q in range(first, index):
        whole = tokens[q]
        if whole.kind != COUNT or not _IN_ALL_RE.search(text, max(0, whole.start - 8), whole.start):
            continue
        for c in range(first, q):
            places = tokens[c]
            if places.kind == COUNT and places.value and places.unit != whole.unit and places.text in step.description \
                    and _near(step.computed / places.value, step):
                return True
    return False


def results_listed(step: Step, lexed: Lexed, index: int) -> bool:
    """小学1,530人×1,000元、初中2,208人×1,250元，计153万元+276万元＝429万元: results listed after the products,
    joined by +, are each of the product in its place; a product is checked against the whole list, not its first."""
    tokens = lexed.tokens
    if step.kind != "product" or index + 2 >= len(tokens) or tokens[index + 1].kind != "op":
        return False
    chain = [index]
    while chain[-1] + 2 < len(tokens) and tokens[chain[-1] + 1].kind == "op" and tokens[chain[-1] + 1].text in "+＋" \
            and tokens[chain[-1] + 2].kind == MONEY:
        chain.append(chain[-1] + 2)
    return len(chain) >= 2 and any(tokens[i].value is not None and abs(round_fen(step.computed) - tokens[i].value) <= step.tolerance
                                   for i in chain[1:])


_RAISED_WORD_RE = re.compile(r"(?:提高|提升|上调|调整|调高|增加|提)(?:至|到)")
_RAISED_RE = re.compile(r"^[^\d，,。；;]{0,4}(?:提高|提升|上调|调整|调高|增加|提)(?:至|到)\s*$")


def raised_standard(step: Step, lexed: Lexed, index: int) -> bool:
    """补贴标准由每人每月80元提高至90元，…对象5,640人，全年新增资金67.68万元: money added by a raised standard is
    the difference (10元) times the counts and months named in its sentence."""
    if step.kind not in ("product", "sum"):
        return False
    tokens, text = lexed.tokens, lexed.text
    position = tokens[index].start
    if _RAISED_WORD_RE.search(text, max(0, position - 120), position) is None:
        return False   # (cheap words first)
    line = max(text.rfind(c, max(0, position - 160), position) for c in "。\n")
    first = index
    while first > 0 and index - first < _WINDOW and tokens[first - 1].start > line:
        first -= 1
    for a in range(first, index - 1):
        old, new = tokens[a], tokens[a + 1]
        if old.kind != MONEY or new.kind != MONEY or old.value is None or new.value is None or new.value <= old.value:
            continue
        if not _RAISED_RE.search(text[old.end:new.start]):
            continue
        per = tokens[a - 1].per if a and tokens[a - 1].kind == "each" else old.per
        value = new.value - old.value
        months = None
        for t in tokens[first:index]:
            if t.kind == COUNT and t.value and not t.per:
                value *= t.value
            elif t.kind == "months" and t.value:
                months = t.value
        if months is None and "月" in per:
            if "全年" not in text[new.end:position]:
                continue   # (a monthly standard's months are named, or 全年 says twelve: no factor is dropped)
            months = Decimal(12)
        if _near(value * (months or 1), step):
            return True
    return False
