"""Still more plausible readings of a failing step (round 26), asked by :mod:`jixiao_desktop.prose.readings` after its
own and :mod:`.second_looks`' readings. As there, a step is dropped only where the reading makes its stated figure
exactly, so a wrong figure stays found:

- **the items a total names** (第3至5项由乡级承担，合计…; 前两项合计…): the sum of those items only;
- **a sub-total counted beside its items** (孤寡老人15人每人600元，留守儿童40人每人200元，计17,000元。…以上合计…): a run of
  terms that makes the term right after it is that term's working, not items of their own;
- **a figure of another year** (截至去年底累计发放…资金236.5万元。今年预计：…): leading terms of a sentence that names
  a past (累计, 截至, 上年) are no items of this year's total;
- **items worked out before** (1.…篮球赛8场，每场5,000元，共40,000元；…4.…3,000元。总计…): a total whose reading left out
  the results of the items just before its terms, which its words (共, 计) closed;
- **an item named by a word** (…50×80=4,000元，加标识制作费，合计…): the amount that word named earlier is one more term;
- **each of the groups listed** (春季、秋季各2次，每次1.5万元): the count times the groups named before 各;
- **a monthly standard over the year** (每个社区每月2期，每期150元): twelve months where no period is named;
- **the count in all** (巡逻车4辆…，另新增1辆按同标准计，共5辆): the count 共 names instead of the one it adds up;
- **a split of another figure** (场地年租金20万元；…租金由市、区按2:8承担，区级…): the same part of another amount
  of the sentence; a split listed 分别为… in the order of its parties;
- **a split of what its clause names** (申请专项资金200万元…。专项资金由省、县按…): where no amount makes the stated
  share, the step is reported again over the one amount so named (a wrong share stays found, with its right whole);
- **a percentage of a percentage** (余额3,000万元的10%计提，由市、县各承担50%): the result times a later one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.money import AmountUnit, format_with_unit, round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, RATIO, Lexed
from jixiao_desktop.prose.numerals import cn_number
from jixiao_desktop.prose.restatements import terms
from jixiao_desktop.prose.steps import OWN_PERCENT_RE as _OWN_PERCENT_RE, Step, near_stated as _near
from jixiao_desktop.prose.words import start_before

_NUM = r"[\d一二两三四五六七八九十]{1,3}"
_RANGE_RE = re.compile(rf"第?({_NUM})\s*(?:项)?\s*[至到\-—~－]\s*第?({_NUM})\s*项")
_FIRST_LAST_RE = re.compile(rf"([前后])({_NUM})项")
_PAST_RE = re.compile(r"累计|截至|截止|上年|去年|上一年|往年|历年|已完成|已下达|已拨付|已支付|实际支出")
_LIST_EACH_RE = re.compile(r"((?:[^\s，,。；;：:\d、和及与各]{1,8}[、和及与])+)[^\s，,。；;：:\d、和及与各]{1,8}各\s*$")
_MONTHLY_RE = re.compile(r"每月|月均|/月|／月|每[^，,。；;\d]{1,3}每月")
_IN_ALL_RE = re.compile(r"(?:共|合计|总计|总共)\s*$")
_RESPECTIVE_RE = re.compile(r"分别(?:为|是|承担|负担|安排)?\s*$")
_CLOSED_RE = re.compile(r"(?:共|计)[需为达]?\s*$")
_MAX_TERMS = 15
_ADDED_RE = re.compile(r"(?:另加|加上|再加|加)([^\d，,。；;：:＝=]{2,6}?)[，,]?(?:合计|共计|总计|共|计)")
# a split whose clause begins with what it splits, no amount (；3.租金由市、区按2:8承担)
_OWN_WHOLE_RE = re.compile(r"[\d.,]+(?:万|亿)?元")
_SUBJECT_SPLIT_RE = re.compile(r"(?:^|[；;。\n])\s*((?:\d{1,2}\s*[.、．]\s*)?[^\d，,。；;\n]{1,12}由)[^，,。；;\d]{0,10}\d+\s*[:：∶]\s*\d")
_REACH = 800   # characters a total's items closed before it may stand back
_TOTAL_WORD_RE = re.compile(r"合计|总计|共计|总共|共需|共|以上|上述")
_STANDARD_RE = re.compile(r"每|均|标准|单价")


def _START(token) -> int:
    return token.start


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    value = cn_number(text)
    return int(value) if value is not None else None


# -- sums -------------------------------------------------------------------------------------------------------
def sum_explained(step: Step, lexed: Lexed, index: int, ends: list[int], steps: list[Step], k: int) -> bool:
    """Whether a failing sum (its stated figure at token ``index``, the ``k``-th of ``steps``) holds under one of the
    readings above (``ends``: the text's sentence ends)."""
    text, position = lexed.text, lexed.tokens[index].start
    if not _TOTAL_WORD_RE.search(text, max(0, position - 10), position):
        return False   # (each reading here is of a total its words name: 合计, 以上, 共…)
    if step.description.count("＋") > _MAX_TERMS:
        return False   # (a long run of terms is no one total of items these readings are of)
    if step.computed < step.stated:   # items left out: those its words closed before, or one named by a word
        named = _ADDED_RE.search(text, max(0, position - 16), position) if "加" in text[max(0, position - 16):position] else None
        return _results_before(step, text, steps, k) or (named is not None and _named_amount(step, lexed, index, named[1]))
    start = start_before(ends, position)   # items counted that are none: of another year, twice, or not named
    named = text.find("项", start, position) >= 0
    past = _PAST_RE.search(text, max(0, start - 250), min(position, start + 60)) is not None
    if not (named or past or _products_then_plain(step.description)):
        return False   # (cheap words first: the terms are parsed only where a reading here may apply)
    parts = terms(step.description)
    if not parts:
        return False
    values = [t.value for t in parts]
    return (named and _named_items(step, values, text[start:position])) or _subtotal_inside(step, values) or (
        past and _past_leading(step, lexed, index, values, ends))


def _named_amount(step: Step, lexed: Lexed, index: int, word: str) -> bool:
    """…50×80=4,000元，加标识制作费，合计…: the amount named earlier by that word (服务站标识制作1.5万元) is one more item."""
    stem = word[:-1] if len(word) > 2 and word[-1] in "费款金" else word
    tokens, text = lexed.tokens, lexed.text
    for k in range(index - 1, max(-1, index - 40), -1):
        token = tokens[k]
        if token.kind == MONEY and token.value and not token.per and stem[:2] in text[max(0, token.start - 8):token.start] \
                and _near(step.computed + token.value, step):
            return True
    return False


def _products_then_plain(description: str) -> bool:
    """Whether the sum's working has a plain term right after two products (6人×2,000元＋12户×1,000元＋18,000元):
    where alone a sub-total may stand beside its items."""
    if "×" not in description:
        return False
    parts = description.rsplit("＝", 1)[0].split("＋")
    return any("×" not in parts[j] and "×" in parts[j - 1] and "×" in parts[j - 2] for j in range(2, len(parts)))


def _named_items(step: Step, values: list[Decimal], here: str) -> bool:
    """第2至4项…合计 / 前三项合计: the items the words name."""
    for m in _RANGE_RE.finditer(here):
        low, high = _number(m[1]), _number(m[2])
        if low and high and 1 <= low < high <= len(values) and _near(sum(values[low - 1:high], Decimal(0)), step):
            return True
    for m in _FIRST_LAST_RE.finditer(here):
        n = _number(m[2])
        if n and 1 <= n < len(values):
            chosen = values[:n] if m[1] == "前" else values[-n:]
            if _near(sum(chosen, Decimal(0)), step):
                return True
    return False


def _subtotal_inside(step: Step, values: list[Decimal]) -> bool:
    """A run of at least two terms that makes the term right after it: that term's working, counted twice."""
    total = sum(values, Decimal(0))
    for j in range(2, len(values)):
        run = Decimal(0)
        for i in range(j - 1, -1, -1):
            run += values[i]
            if j - i >= 2 and run == values[j] and (_near(total - run, step)):
                return True
    return False


def _past_leading(step: Step, lexed: Lexed, index: int, values: list[Decimal], ends: list[int]) -> bool:
    """Leading terms stated in a sentence of a past year (累计, 截至, 上年): no items of this total."""
    tokens, text = lexed.tokens, lexed.text
    total = sum(values, Decimal(0))
    dropped = Decimal(0)
    for n, value in enumerate(values[:-2], 1):
        dropped += value
        token = next((t for t in reversed(tokens[max(0, index - 60):index]) if t.kind == MONEY and t.value == value
                      and not t.per), None)
        if token is None:
            return False
        sentence = re.split(r"[；;]", text[max(start_before(ends, token.start), token.start - 120):token.start])[-1]
        if not _PAST_RE.search(sentence):
            return False
        if _near(total - dropped, step):
            return True
    return False


def _results_before(step: Step, text: str, steps: list[Step], k: int) -> bool:
    """The stated results of the steps just before (that hold and are no term of this sum), added from the nearest back."""
    chosen: list[Decimal] = []
    for j in range(k - 1, max(-1, k - 13), -1):   # (a dozen steps back at most)
        other = steps[j]
        if other.start < step.start - _REACH:
            break
        words = text[max(0, other.start - 4):other.start]
        if other.stated is None or other.start >= step.start or not ("共" in words or "计" in words) or not _CLOSED_RE.search(words):
            continue   # (only an item's own result its words close: 共40,000元, 全年共需21.6万元; not a working's 小计 parts)
        if other.holds and other.kind in ("product", "sum") and other.stated not in chosen:
            chosen.append(other.stated)
            if len(chosen) >= 6:
                break
    if not chosen:
        return False
    parts = terms(step.description)
    if not parts:
        return False
    taken = {t.value for t in parts}
    total = step.computed
    for value in chosen:
        if value in taken:
            continue
        total += value
        if _near(total, step):
            return True
        if total > step.stated + step.tolerance:
            return False
    return False


# -- products -----------------------------------------------------------------------------------------------------
def product_explained(step: Step, lexed: Lexed, index: int, ends: list[int]) -> bool:
    """Whether a failing product (its stated figure at token ``index``) holds under one of the readings above."""
    text, tokens = lexed.text, lexed.tokens
    position = tokens[index].start
    start = start_before(ends, position)
    clauses = text[start:position]
    if "各" not in clauses and "月" not in clauses and "共" not in clauses and "计" not in clauses:
        return False   # (the trigger words of the readings below)
    first = bisect_left(tokens, start, max(0, index - 40), index, key=_START)
    here = tokens[first:index]
    for token in here if "各" in clauses else ():   # 春季、秋季各2次: one count for each group listed
        if token.kind in (COUNT, "number") and token.value:
            listed = _LIST_EACH_RE.search(text, max(start, token.start - 30), token.start)
            if listed and _near(step.computed * (len(re.findall(r"[、和及与]", listed[1])) + 1), step):
                return True
    if _MONTHLY_RE.search(clauses) and "月" not in step.description and not any(t.kind == "months" for t in here) and (
            not re.search(r"\d\s*[-—~至到]\s*\d{1,2}\s*月", clauses)) and _near(step.computed * 12, step):
        return True   # 每个社区每月2期，每期150元: a year of a monthly standard where no period is named
    lead = re.match(r"(\d+(?:\.\d+)?)([^\d×＋＝]{1,3})×", step.description)
    if lead and Decimal(lead[1]) and ("共" in clauses or "计" in clauses):
        used = Decimal(lead[1])
        for token in here:
            if token.kind == COUNT and token.value and token.value != used and token.unit == lead[2] and _IN_ALL_RE.search(
                    text, max(start, token.start - 4), token.start) and _near(step.computed / used * token.value, step):
                return True   # 另新增1辆…，共5辆: the count in all
    return False


# -- shares and percentages -----------------------------------------------------------------------------------------
def share_explained(step: Step, lexed: Lexed, index: int, ends: list[int]) -> bool | Step:
    """Whether a failing share or percentage (its stated figure at token ``index``) holds under one of the readings;
    or the step it is then (a split of what its clause names, 财政资金由省、县按…: of the amount so named)."""
    text, tokens = lexed.text, lexed.tokens
    position = tokens[index].start
    start = start_before(ends, position)
    if step.kind == "percent_of" and text.count("%", start, position) + text.count("半", start, position) < 2:
        return False   # (a second percentage, or a half, is the trigger)
    respective = step.kind != "percent_of" and _RESPECTIVE_RE.search(text, max(0, position - 8), position) is not None
    subject = step.kind != "percent_of" and not respective and text.find("由", start, position) >= 0 and _SUBJECT_SPLIT_RE.search(
        text, max(0, start - 1), position)
    if step.kind != "percent_of" and not (respective or subject):
        return False   # (a split listed 分别为…, or a split of what a word names, is the trigger)
    first = bisect_left(tokens, start, max(0, index - 60), index, key=_START)
    own = _OWN_PERCENT_RE.search(step.description)
    if step.kind == "percent_of":
        later = [t.value / 100 for t in tokens[first:index] if t.kind in (PERCENT, "half") and t.value]
        halves = len(re.findall(r"各半|各承担一半|各负担一半", text[start:position]))
        return any(_near(step.computed * p, step) for p in later + ([Decimal("0.5")] if halves else []))
    if own is None or not Decimal(own[1]):
        return False
    part = Decimal(own[1]) / 100
    if respective:
        return _respective(step, lexed, index, first, part)
    whole, slack = step.stated / part, (step.tolerance + 1) / part
    for k in range(first, index):   # 场地年租金20万元；…租金由市、区按2:8承担: the same part of another amount
        token = tokens[k]
        if token.kind == MONEY and token.value and abs(token.value - whole) <= slack and _near(token.value * part, step) and (
                not token.per and tokens[k - 1].kind != "each") and not _STANDARD_RE.search(
                text, max(0, token.start - 6), token.start) and not _PAST_RE.search(
                re.split(r"[。；;\n]", text[max(start, token.start - 40):token.start])[-1]):
            return True
    return _named_whole(step, lexed, first, index, subject[1], part) if subject else False


def _named_whole(step: Step, lexed: Lexed, first: int, index: int, words: str, part: Decimal) -> Step | None:
    """申请专项补助资金200万元，…。专项补助资金由省、市、县按5:2:3承担: the split is of the one amount its words name."""
    tokens, text = lexed.tokens, lexed.text
    name = words.split("由")[0].strip(" 　.、．0123456789")
    if len(name) < 3:
        return None
    low = bisect_left(tokens, tokens[first].start - 200, max(0, first - 40), first, key=_START) if first < len(tokens) else first
    named = [t for t in tokens[low:index] if t.kind == MONEY and t.value and not t.per and name in text[max(0, t.start - 12):t.start]]
    whole = _OWN_WHOLE_RE.match(step.description)
    if len(named) != 1 or whole is None or abs(named[0].value * part - step.computed) <= step.tolerance:
        return None
    value = round_fen(named[0].value * part)
    unit = AmountUnit.WAN_YUAN if step.description.endswith("万元") else AmountUnit.YUAN
    head = step.description[:step.description.rfind("为")]
    return Step(step.kind, f"{named[0].text.replace(',', '')}{head[whole.end():]}为{format_with_unit(value, unit)}", value,
                step.stated, step.uncertain, step.tolerance, step.start, step.end)


def _respective(step: Step, lexed: Lexed, index: int, first: int, part: Decimal) -> bool:
    """240万元，省、市、县按6:3:1分担，分别为144万元、72万元、24万元: each figure the part of its party, in order."""
    tokens = lexed.tokens
    ratio = next((t for t in reversed(tokens[first:index]) if t.kind == RATIO and len(t.parts) >= 2 and sum(t.parts)), None)
    if ratio is None or not part:
        return False
    whole = step.computed / part
    listed = [t for t in tokens[index:index + len(ratio.parts)] if t.kind == MONEY and t.value is not None]
    if len(listed) != len(ratio.parts):
        return False
    total = sum(ratio.parts)
    return all(abs(round_fen(whole * p / total) - t.value) <= step.tolerance for p, t in zip(ratio.parts, listed))
