"""More readings of a failing sum (asked by :func:`~.readings.reread` after the others):

- results per class, then their total (孤儿全年288,000元，事实无人抚养儿童全年821,280元，两项共1,109,280元): each
  result is an item of the total after it, which checks them all;
- a 小计 of a run of the items (人员及车辆费用小计31.8万元，全部合计39.4万元): the run of items it names, the total
  after it checking them all;
- an amount less a deduction (计3,600万元，扣除…补助共1,200万元后，需本级安排2,400万元): a remainder, not a sum.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import format_with_unit, round_fen
from jixiao_desktop.prose.group_totals import total_over_groups
from jixiao_desktop.prose.months_after import months_after
from jixiao_desktop.prose.named_wholes import shares_of_a_named_whole
from jixiao_desktop.prose.lexer import LIST_MARK, COUNT, MONEY, PERCENT, RATIO, Lexed
from jixiao_desktop.prose.steps import Step, near_stated

_WINDOW = 12
_STOP = "。\n"
_TOTAL_RE = re.compile(r"(?:合计|共计|总计|两项共|三项共|两项|三项|共)[^，,。；;\d]{0,4}$")
_TOTAL_WORD_RE = re.compile(r"合计|共计|总计|两项|三项|共")
_FACTOR_RE = re.compile(r"(\d+(?:\.\d+)?)(.*)")
_SCALE = (("亿元", Decimal(100000000)), ("万元", Decimal(10000)), ("元", Decimal(1)))
_PIECE_RE = re.compile(r"[。；;\n]")
_DEDUCT_RE = re.compile(r"扣除|扣减|减去|抵扣|冲抵")


def _sentence_start(text: str, position: int) -> int:
    lo = max(0, position - 120)
    return max(text.rfind("。", lo, position), text.rfind(";", lo, position), text.rfind("；", lo, position),
               text.rfind("\n", lo, position)) + 1


def _total_after(step: Step, lexed: Lexed, index: int):
    """The figure after a total word later in the stated figure's sentence, and the figures between (or None)."""
    tokens, text = lexed.tokens, lexed.text
    end = tokens[index].end
    stop = min((p for p in (text.find("。", end, end + 160), text.find("\n", end, end + 160)) if p >= 0), default=end + 160)
    if _TOTAL_WORD_RE.search(text, end, stop) is None:
        return None   # (the cheap test first: no total word after it in its sentence)
    between = []
    for k in range(index + 1, min(len(tokens), index + _WINDOW)):
        token = tokens[k]
        if token.start >= stop:
            return None
        if token.kind != MONEY or token.value is None or token.per or token.is_rate:
            continue
        if _TOTAL_RE.search(text, max(0, token.start - 8), token.start):
            return token, between
        between.append(token)
    return None


def _terms(description: str) -> list[Decimal] | None:
    """The values of a sum's terms as its working writes them (16人×1.8万元＋5.2万元＝…), or None."""
    out = []
    for term in description.rsplit("＝", 1)[0].split("＋"):
        value = Decimal(1)
        for factor in term.split("×"):
            found = _FACTOR_RE.fullmatch(factor)
            if found is None:
                return None
            number, unit = Decimal(found.group(1)), found.group(2)
            if unit.startswith("万") and not unit.startswith("万元") or unit.startswith("亿") and not unit.startswith("亿元"):
                return None
            value *= next((scale for name, scale in _SCALE if unit.startswith(name)), Decimal(1))
            value *= number
        out.append(value)
    return out


def results_per_class(step: Step, lexed: Lexed, index: int) -> bool:
    """A failing sum whose stated figure is followed in its sentence by more results and a total of them all that
    is the reader's sum: the stated figure is one class's result, an item of that total."""
    tokens = lexed.tokens
    more = 0
    for token in tokens[index + 1:index + _WINDOW]:   # (the cheap test first: two more figures in its sentence)
        if token.kind == "stop":
            break
        more += token.kind == MONEY
    if more < 2:
        return False
    after = _total_after(step, lexed, index)
    if after is None or not after[1]:
        return False
    total, between = after
    return abs(step.computed - total.value) <= step.tolerance and step.stated + sum(
        (t.value for t in between), Decimal(0)) == total.value


def subtotal_of_run(step: Step, lexed: Lexed, index: int) -> bool:
    """A failing 小计 that is a run of its items (two or more, in order), with a total after it that is the reader's
    sum of them all."""
    text = lexed.text
    position = lexed.tokens[index].start
    if step.kind != "sum" or "小计" not in text[max(0, position - 12):position]:
        return False
    after = _total_after(step, lexed, index)
    if after is None or abs(step.computed - after[0].value) > step.tolerance:
        return False
    terms = _terms(step.description)
    if terms is None or len(terms) < 3:
        return False
    for first in range(len(terms) - 1):
        total = Decimal(0)
        for k in range(first, len(terms)):
            total += terms[k]
            if k > first and abs(round_fen(total) - step.stated) <= step.tolerance and k - first + 1 < len(terms):
                return True
    return False


def deduction(step: Step, lexed: Lexed, index: int, unit) -> bool | Step:
    """A failing sum of its sentence where an amount is taken off (扣除…后, 减去…): the amount before less the one
    taken off. True where that holds, else the remainder's step (the mistake with its own numbers)."""
    tokens, text = lexed.tokens, lexed.text
    position = tokens[index].start
    lo = max(0, position - 160)
    if text.find("后", lo, position + 8) < 0:
        return False   # (the cheap test first)
    found = _DEDUCT_RE.search(text, lo, position)
    if found is None:
        return False
    start = max(text.rfind(c, lo, position) for c in "。；;\n") + 1 or lo
    found = _DEDUCT_RE.search(text, start, position)
    if found is None:
        return False
    if "后" in text[tokens[index].end:tokens[index].end + 4]:   # 扣除…每辆20万元共100万元后: what is taken off, its own
        terms = _terms(step.description)                           # product (the last term), not a sum with the whole
        return terms is not None and len(terms) >= 2 and abs(round_fen(terms[-1]) - step.stated) <= step.tolerance
    money = [t for t in tokens[max(0, index - _WINDOW):index] if t.kind == MONEY and t.value and t.start >= start
             and not t.per and not t.is_rate and "每" not in text[max(start, t.start - 3):t.start]]
    before = [t for t in money if t.end <= found.start()]
    taken = [t for t in money if t.start >= found.end()]
    if not before or len(taken) != 1 or "后" not in text[taken[0].end:position]:
        return False
    value = before[-1].value - taken[0].value
    if abs(value - step.stated) <= step.tolerance:
        return True
    return Step("remainder", f"{before[-1].text}扣除{taken[0].text}为{format_with_unit(value, unit)}", value, step.stated,
                step.uncertain, step.tolerance, step.start, step.end)


_YEAR_RE = re.compile(r"全年|一年|年需|每年|年度")


def monthly_for_the_year(step: Step, lexed: Lexed, index: int) -> bool:
    """按生活补助每人·月1,260元计算，全年34.776万元: a standard per month (·月, 每月, 月均 just before its figure) whose
    product the reader took once, with the year named before the stated figure: twelve months of it."""
    if step.stated <= step.computed or not near_stated(step.computed * 12, step):
        return False   # (the cheap test first)
    working = step.description.rsplit("＝", 1)[0]
    if "月" in working or "＋" in working:
        return False
    tokens, text = lexed.tokens, lexed.text
    position = tokens[index].start
    clause = max(text.rfind(c, max(0, position - 24), position) for c in "，,；;。\n") + 1
    if not _YEAR_RE.search(text, max(clause, position - 24), position):
        return False
    start = _sentence_start(text, position)
    return any(t.kind == MONEY and t.start >= start and "月" in text[max(start, t.start - 3):t.start]
               and t.text.replace(",", "").rstrip("万元") in working.replace(",", "") for t in tokens[max(0, index - _WINDOW):index])


def count_restated(step: Step, lexed: Lexed, index: int) -> bool:
    """春节、中秋两节…每户50元，共2次，…1,495户，计149,500元: a count restated with 共 (两节 … 共2次) is one factor,
    named twice; the product the reader took without it, times it once, makes the stated figure."""
    tokens, text = lexed.tokens, lexed.text
    position = tokens[index].start
    if step.stated <= step.computed or text.find("共", max(0, position - 120), position) < 0:
        return False   # (the cheap tests first: a factor left out makes it more)
    start = _sentence_start(text, position)
    counts = [t for t in tokens[max(0, index - _WINDOW):index] if t.kind == COUNT and t.start >= start and t.value and t.value > 1]
    working = step.description.rsplit("＝", 1)[0]
    for k, later in enumerate(counts):
        if "共" not in text[max(start, later.start - 2):later.start] or f"{later.value}{later.unit}" in working:
            continue
        if any(c.value == later.value and c.unit != later.unit for c in counts[:k]) and near_stated(step.computed * later.value, step):
            return True
    return False


def _note_before(text: str, lo: int, position: int) -> bool:
    """Whether a note (其中：, 注：, 说明：) opens a sentence between ``lo`` and ``position`` (the lexer's text writes
    ： as :)."""
    for word in ("其中", "注", "说明"):
        at = text.rfind(word, lo, position)
        if at >= 0 and text.startswith((":", "："), at + len(word)) and (at == 0 or text[at - 1] in "\n。;；"):
            return True
    return False


def items_explained(step: Step, lexed: Lexed, index: int, unit) -> bool | Step:
    """1、…意外险：12,600元；…9、…补助：40,800元；⏎其中：灾害信息员补助按170名、每人每年240元测算；意外险按42人、每人300元
    测算。⏎合计323,700元。: the products a 其中： note after the list works out restate items of the list already
    counted (each equal to an earlier item); the total is of the items without them."""
    text = lexed.text
    position = lexed.tokens[index].start
    if "×" not in step.description.rsplit("＋", 1)[-1] or not _note_before(text, max(0, position - 300), position):
        return False
    terms = _terms(step.description)
    if terms is None:
        return False
    working = step.description.rsplit("＝", 1)[0].split("＋")
    k = len(terms)
    while k > 0 and "×" in working[k - 1] and terms[k - 1] in terms[:k - 1]:
        k -= 1
    if k == len(terms) or k < 2:
        return False
    value = round_fen(sum(terms[:k], Decimal(0)))
    if abs(value - step.stated) <= step.tolerance:
        return True
    return Step("sum", "＋".join(working[:k]) + f"＝{format_with_unit(value, unit)}", value, step.stated, step.uncertain,
                step.tolerance, step.start, step.end)   # (the items alone, against the total)


_NAMED_ITEMS_RE = re.compile(r"第\s*(\d{1,2})\s*(?:[、,，和及与]\s*第?\s*(\d{1,2})|[至到-]\s*第?\s*(\d{1,2}))\s*项")


def _item_figure(lexed: Lexed, number: int, end: int):
    """The last figure of the numbered item ``number`` (1. / 1、 / 1） / （1） at a clause's start) before ``end``."""
    text = lexed.text
    found = None
    for found in re.finditer(rf"(?:^|(?<=[\n。；;：:]))\s*(?:{number}\s*{LIST_MARK}|[（(]\s*{number}\s*[)）])", text[:end]):
        pass
    if found is None:
        return None
    stop = _PIECE_RE.search(text, found.end(), end)
    stop = stop.start() if stop else end
    money = [t for t in lexed.tokens if t.kind == MONEY and t.value and found.end() <= t.start and t.end <= stop]
    return money[-1] if money else None


def share_of_items(step: Step, lexed: Lexed, index: int) -> bool:
    """以上合计345万元。其中第1、2项属市级下放事权，按市、区3:7分担，区级承担173.096万元: a share of the items the
    sentence names (第1、2项, 第3至5项), not of the whole before it."""
    tokens, text = lexed.tokens, lexed.text
    position = tokens[index].start
    if text.find("第", max(0, position - 120), position) < 0:
        return False   # (the cheap test first)
    start = max(text.rfind(c, max(0, position - 120), position) for c in "。\n") + 1
    named = _NAMED_ITEMS_RE.search(text, start, position)
    if step.kind != "share" or named is None:
        return False
    a, b, c = named.groups()
    numbers = [int(a), int(b)] if b else list(range(int(a), int(c) + 1)) if int(c) - int(a) < 9 else []
    figures = [_item_figure(lexed, n, named.start()) for n in numbers]
    if len(figures) < 2 or any(f is None for f in figures):
        return False
    whole = sum((f.value for f in figures), Decimal(0))
    fractions = [Decimal(p) / sum(t.parts) for t in tokens[max(0, index - _WINDOW):index]
                 if t.kind == RATIO and t.start > named.end() and sum(t.parts) for p in t.parts]
    fractions += [t.value / 100 for t in tokens[max(0, index - _WINDOW):index] if t.kind == PERCENT and t.value and t.start > named.end()]
    return any(abs(round_fen(whole * f) - step.stated) <= step.tolerance for f in fractions)


def sixth_looks(step: Step, lexed: Lexed, index: int, unit) -> bool | Step:
    """The looks of this module at a failing product or sum: True where one holds, a remainder's step where a
    deduction does not."""
    if step.kind == "share":   # (named_wholes.py: every party's share stated, in the ratio, of a whole named before)
        return share_of_items(step, lexed, index) or shares_of_a_named_whole(step, lexed, index)
    if step.kind == "product":
        # 预计需36万元（按10个月测算）: the months named after it; a product leaving out a factor (the next two looks) is
        # less than the stated figure; 2期，共培训学员120人: the groups' count taken twice (group_totals.py)
        return (months_after(step, lexed, index, unit) or step.stated > step.computed and (
            monthly_for_the_year(step, lexed, index) or count_restated(step, lexed, index))
            or total_over_groups(step, lexed, index, unit))
    if step.kind != "sum" or step.computed <= step.stated:
        return False   # (each look below reads a sum counting more than the stated figure holds)
    return (subtotal_of_run(step, lexed, index) or results_per_class(step, lexed, index) or items_explained(step, lexed, index, unit)
            or deduction(step, lexed, index, unit))
