"""Figures counted twice: a reading that counts the same money twice is no reading of the clerk's words.

A clerk writes a result beside its working (386×500×12=2316000元), restates a standard (年生均2000元，分两学期，
每学期1000元), works a count out in brackets (4215×30%=1264.5人), or names a total as one more figure (共73户，资金
137万元). Where the reader's sum (or bottom line) takes such a restatement for an item of its own, the mismatch it
reports is the reader's double count, not the clerk's mistake. So a failing sum is read again without its
restated terms and reported only if it still fails — with the figure it then makes. Where the reading uses the
numbers of a written working beside that working's own result and still does not hold, it contradicts the
text's working: the reader does not understand it and stays silent.

Only failing sums are looked at, and only the tokens before their stated figure within a bounded window.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from jixiao_desktop.money import AmountUnit, format_with_unit, round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, Lexed
from jixiao_desktop.prose.steps import Step

_WINDOW = 60                                   # tokens looked at before a stated figure
_NUMBER_RE = re.compile(r"(\d+(?:\.\d+)?)(%|万|亿)?")
_EQUALS_RE = re.compile(r"^\s*[=＝]\s*$")
_GAP_RE = re.compile(r"^[\s()（）]*$")
_OPERAND = frozenset((COUNT, MONEY, PERCENT, "number", "months", "years"))
_CLAUSE_RE = re.compile(r"[，,；;。\n]")
_TOTAL_RE = re.compile(r"合计|共|总|累计|小计|以上|全部|[两二三四五六七八九十各]项")
_SPREAD_RE = re.compile(r"分[^，,。；;\d]{0,4}?[两二三四五六七八九十\d]")   # 分两学期发放，每学期1000元: a standard restated by its parts
_SCALE = {"万": Decimal(10000), "亿": Decimal(100000000)}


class _Term:
    __slots__ = ("text", "numbers", "value", "money")

    def __init__(self, text: str) -> None:
        self.text = text
        self.numbers: list[Decimal] = []
        value = Decimal(1)
        for m in _NUMBER_RE.finditer(text):
            number = Decimal(m.group(1))
            self.numbers.append(number)
            if m.group(2) == "%":
                number /= 100
            elif m.group(2):
                number *= _SCALE[m.group(2)]
            value *= number
        self.value = value
        self.money = "元" in text


def terms(description: str) -> list[_Term] | None:
    """The terms of a sum as the reader wrote it (a＋b＋c＝X), each with its value; None where the working has
    anything but ＋ between products (its value could not be checked)."""
    found = _terms(description)
    return None if found is None else list(found)


@lru_cache(maxsize=512)
def _terms(description: str) -> tuple[_Term, ...] | None:
    """(the several looks at one failing sum parse its working once; its terms are never changed)"""
    working = description.rsplit("＝", 1)[0]
    if "÷" in working or "－" in working or "(" in working or "（" in working:
        return None
    out = tuple(_Term(part) for part in working.split("＋"))
    return out if len(out) >= 2 and all(t.numbers for t in out) else None


forget_terms = _terms.cache_clear   # (called as a reading's rereading begins: each reading parses its own workings)


def _workings(lexed: Lexed, first: int, index: int, starts: list[int], sum_words: str) -> list[tuple[Decimal, bool, list[Decimal]]]:
    """The written workings before token ``index`` (a×b×c=R): (R, whether R is money, R's operand values); of those
    with a money result, only the ones whose result the sum (``sum_words``) counts."""
    tokens, text = lexed.tokens, lexed.text
    out = []
    begin, end = tokens[first].start, tokens[index].start
    for sign in ("=", "＝"):
        at = text.find(sign, begin, end)
        while at >= 0:
            k = bisect_left(starts, at, first, index)
            if k < index and (lexed.tokens[k].kind != MONEY or lexed.tokens[k].text.replace(",", "") in sum_words):
                out += [w for w in _working(lexed, first, k) if not w[1] or re.search(
                    rf"(?<![\d.]){max(w[2])}(?![\d.])", sum_words)]   # (counted beside numbers of its working)
            at = text.find(sign, at + 1, end)
    return out


def _working(lexed: Lexed, first: int, k: int) -> list[tuple[Decimal, bool, list[Decimal]]]:
    tokens, text = lexed.tokens, lexed.text
    if k <= first or k >= len(tokens):
        return []
    token = tokens[k]
    if token.kind not in _OPERAND or token.value is None or not _EQUALS_RE.match(text[tokens[k - 1].end:token.start]):
        return []
    j = k - 1
    operands: list[Decimal] = []
    while j >= first and (tokens[j].kind == "op" or (tokens[j].kind in _OPERAND and tokens[j].value is not None)):
        if tokens[j].kind != "op":
            operands.append(tokens[j].value)
        if j == first or not _GAP_RE.match(text[tokens[j - 1].end:tokens[j].start]):
            break
        j -= 1
    return [(token.value, token.kind == MONEY, operands)] if len(operands) >= 2 else []


def _percent_paid(lexed: Lexed, begin: int, end: int, starts: list[int]) -> bool:
    """预付款30%计475.92万元: a percentage with its own amount written just after it (a part of a base)."""
    tokens, text = lexed.tokens, lexed.text
    at = text.find("%", begin, end)
    while at >= 0:
        k = bisect_left(starts, at)   # (the token after the percentage)
        if 0 < k < len(tokens) and tokens[k].kind == MONEY and tokens[k - 1].kind == PERCENT and tokens[k].start - at <= 4:
            return True
        at = text.find("%", at + 1, end)
    return False


def _drawn_from(term: _Term, operands: list[Decimal]) -> bool:
    return all(term.numbers.count(n) <= operands.count(n) for n in term.numbers)


def without_restatements(step: Step, lexed: Lexed, index: int, starts: list[int], since: int,
                         unit: AmountUnit = AmountUnit.YUAN) -> bool | Step | None:
    """For a failing sum whose stated figure is token ``index`` (its workings looked for from text position ``since``,
    the start of the sentence before its own): True where the sum holds once its restated terms
    are left out (or the reading contradicts a written working), the step with what it then makes where it still
    fails, None where no term is restated."""
    if step.stated is None or step.computed <= step.stated + step.tolerance:
        return None   # (a figure counted twice only ever makes a sum too large)
    stated, tolerance, text = step.stated, step.tolerance, lexed.text
    end = lexed.tokens[index].start
    working = step.description.rsplit("＝", 1)[0]
    piece = working.rsplit("＋", 1)[-1]
    if "×" in piece and "元" in piece and "＋" in working and not _TOTAL_RE.search(
            _CLAUSE_RE.split(text[max(0, end - 60):end])[-1]) and not (set(working) & set("÷－(（")) and abs(
            _Term(piece).value - stated) <= tolerance:
        return True   # 其中：急难型120万元，支出型按1,500户、户均1,200元测算需180万元: its own clause's product, no total
    first = max(bisect_left(starts, since, 0, index), index - _WINDOW)
    if _past_terms_dropped(step, lexed, starts, max(0, index - _WINDOW), index):
        return True   # 2024年累计…资金482.6万元。2025年预计：1.…计22.5万元；…共需68.5万元: last years' figure no item
    if _subtotal_counted(step, lexed, max(0, index - _WINDOW), index):
        return True   # 1、…6人，每人2,000元；…38人，每人800元；…12户，每户1,000元。计54,400元。2、…: a part's own total
    begin = lexed.tokens[first].start
    kept = _workings_restated(step) if "其中" in text[begin:end] else _standards_summed(step) if "合计" in text[begin:end] else None
    if kept:   # …9、灾害信息员补助：40,800元；…其中：灾害信息员补助按170名、每人每年240元测算；…合计: the items' workings
        return _kept_step(step, kept, unit)
    inner = _bracket_restated(step.description, lexed, first, index) if _has_bracket(text, begin, lexed.tokens[index].end) else None
    if inner:
        return _kept_step(step, inner, unit)
    pieces = working.split("＋")
    products = sum("×" in p for p in pieces)
    workings = _workings(lexed, first, index, starts, working) if (0 < products < len(pieces) or any(
        "元" not in p for p in pieces)) else []   # (a result counted beside products, or a count worked out)
    has_percent = len(pieces) >= 3 and _percent_paid(lexed, begin, end, starts)   # (a base, its payments, another)
    if not (workings or has_percent or _SPREAD_RE.search(text, begin, end)):
        return None   # (no working, no percentage, no restated standard (分两学期): nothing that could restate a term)
    parts = terms(step.description)
    if parts is None:
        return None
    total = sum((t.value for t in parts), Decimal(0))
    if abs(total - step.computed) > Decimal("0.01") * len(parts):
        return None   # (the terms as parsed are not the reader's: nothing to say)
    results = {value for value, money, _ops in workings if money}
    dropped: set[int] = set()
    counted_results = [t for t in parts if t.money and len(t.numbers) == 1 and t.value in results]
    for value, money, operands in workings:
        if money and not any(t.value == value for t in counted_results):
            continue   # (a working whose result the sum does not count: its numbers are the sum's own)
        for k, term in enumerate(parts):
            if not (money and len(term.numbers) == 1 and term.value == value) and _drawn_from(term, operands):
                dropped.add(k)   # the numbers of a working counted beside its result (or a count worked out)
    money_factors = {Decimal(m.group(1)) for t in parts for m in re.finditer(r"(\d+(?:\.\d+)?)元", t.text)
                     if len(t.numbers) >= 2}
    for k, term in enumerate(parts):
        if len(term.numbers) >= 2 and term.money and term.value in money_factors and not any(
                term.value == n for n in term.numbers):
            dropped.add(k)   # 年生均2000元，分两学期，每学期1000元: 2 × 1000元 restates the standard
    percents = {t.value / 100 for t in lexed.tokens[first:index] if t.kind == PERCENT and t.value} if (
        has_percent) else set()
    others = {round_fen(t.value) for t in parts} if percents else set()
    bases = {k for k, term in enumerate(parts) if percents and term.money and len(term.numbers) == 1 and any(
        round_fen(term.value * p) in others for p in percents)}
    if bases and abs(sum((t.value for k, t in enumerate(parts) if k not in dropped | bases), Decimal(0)) - stated) <= tolerance:
        return True   # 合同金额1,586.4万元，预付款30%计475.92万元…合计: the base of the payments, no item of its own
        # (工资249,600元；社保按16%计39,936元；小计…: a base and its percentage both items, where the sum needs both)
    if not dropped or len(dropped) == len(parts):
        return None
    kept = [t for k, t in enumerate(parts) if k not in dropped]
    value = sum((t.value for t in kept), Decimal(0))
    if abs(value - stated) <= tolerance:
        return True
    if any(_drawn_from(t, ops) for t in kept for _v, money, ops in workings if money):
        return True   # (the rest still draws on a working counted whole: a reading the text contradicts)
    try:
        shown = value.quantize(Decimal("0.01"))
    except InvalidOperation:
        return None
    return Step(step.kind, "＋".join(t.text for t in kept) + f"＝{format_with_unit(shown, unit)}", shown, stated,
                step.uncertain, tolerance, step.start, step.end)


def _workings_restated(step: Step) -> list[_Term] | None:
    """The sum's terms less the products equal to one of its single figures (其中 after a list of items gives the workings
    of some of them: each counted once, as the item); None where no product restates one."""
    parts = terms(step.description)
    if not parts:
        return None
    singles = {t.value for t in parts if t.money and len(t.numbers) == 1}
    restating = {k for k, t in enumerate(parts) if len(t.numbers) >= 2 and "×" in t.text and t.value in singles}
    return [t for k, t in enumerate(parts) if k not in restating] if restating and len(restating) < len(parts) else None


def _standards_summed(step: Step) -> list[_Term] | None:
    """种子每亩15元、农药化肥每亩12元、机械作业每亩5元，每亩合计32元: products of one count whose standards another product of
    it sums (每亩合计32元) restate it — the sum's terms less them; None where none does."""
    parts = terms(step.description)
    if not parts:
        return None
    by_count: dict[Decimal, list[int]] = {}
    for k, t in enumerate(parts):
        if len(t.numbers) == 2 and "×" in t.text and t.money:
            by_count.setdefault(t.numbers[0], []).append(k)
    for group in by_count.values():
        for k in group:
            others = [j for j in group if j != k]
            if len(others) >= 2 and sum((parts[j].value for j in others), Decimal(0)) == parts[k].value:
                return [t for j, t in enumerate(parts) if j not in others]
    return None


def restated_total(derivation: str, amount: Decimal) -> bool:
    """共73户，资金137万元 after the three kinds' products: a bottom line whose one term is the sum of the others
    counts the total twice; the form's ``amount`` agrees where it is that term."""
    parts = terms(derivation) if "＋" in derivation else None
    if parts is None:
        return False
    total = sum((t.value for t in parts), Decimal(0))
    return any(t.money and len(t.numbers) == 1 and t.value == amount and abs(total - 2 * amount) <= Decimal("0.01") * len(parts)
               for t in parts)


_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_PAST_WORDS_RE = re.compile(r"累计|截至|截止|上年|去年|以前年度")


def _past_terms_dropped(step: Step, lexed: Lexed, starts: list[int], first: int, index: int) -> bool:
    """Whether the failing sum holds without its lone figures from a sentence of an earlier year (or of 累计, 截至)
    than a year named after it before the sum's stated figure: a reference the reader took for an item."""
    text = lexed.text
    window = max(0, lexed.tokens[first].start - 40)   # (the sentence of the first figure looked at)
    if text.find("年", window, lexed.tokens[index].start) < 0:
        return False
    found = _PAST_WORDS_RE.search(text, window, lexed.tokens[index].start)
    if not found:
        return False
    excess = step.computed - step.stated + step.tolerance
    parts = terms(step.description)
    if parts is None or not any(t.money and len(t.numbers) == 1 and t.value <= excess for t in parts):
        return False   # (no lone figure the sum is over by: none to drop; its working is parsed once a reading)
    past: set[Decimal] = set()
    for k in range(max(first, bisect_left(starts, found.end(), first, index)), index):
        token = lexed.tokens[k]
        if token.kind != MONEY or token.value is None or token.value > excess:
            continue   # (more than the sum is over: no figure it counted too many)
        if token.text.replace(",", "") not in step.description:
            continue   # (a figure the sum does not count as written)
        begin = max(text.rfind("。", window, token.start), text.rfind("\n", window, token.start), window - 1) + 1
        if not _PAST_WORDS_RE.search(text, begin, token.start):
            continue
        years = [int(y) for y in _YEAR_RE.findall(text, begin, token.start)]
        if years and any(int(y) > years[-1] for y in _YEAR_RE.findall(text, token.end, lexed.tokens[index].start)):
            past.add(token.value)
    if not past:
        return False
    kept = [t for t in parts if not (t.money and len(t.numbers) == 1 and t.value in past)]
    return len(kept) < len(parts) and abs(sum((t.value for t in kept), Decimal(0)) - step.stated) <= step.tolerance


_BRACKET_RE = re.compile(r"[（(]([^（()）]{1,80})[）)]")


def _bracket_restated(description: str, lexed: Lexed, first: int, index: int) -> list[_Term] | None:
    """人员经费218万元（按人均5.74万元估算，38人约218万元）: a bracket after a figure that works it out again and ends
    on it restates it; the sum's terms drawn from the bracket's numbers (its working, its result counted once more)
    are no items. The terms kept, or None where no term is such."""
    text, tokens = lexed.text, lexed.tokens
    stop = _sentence_end(text, tokens[index].end)   # (the parts may follow their total: 需资金356万元，其中：…)
    begin = tokens[first].start
    if text.find("元（", max(0, begin - 1), stop) < 0 and text.find("元(", max(0, begin - 1), stop) < 0:
        return None   # (no bracket right after an amount: the brackets are not even matched)
    if not any(text[m.start() - 1] == "元" and "元" in m.group(1) for m in _BRACKET_RE.finditer(text, tokens[first].start, stop)):
        return None   # (no bracket of money right after a figure)
    money = []
    for k in range(first, len(tokens)):   # (no copy of a long text's tokens)
        t = tokens[k]
        if t.start >= stop:
            break
        if t.kind == MONEY and t.value is not None:
            money.append(t)
    restating = []
    for m in _BRACKET_RE.finditer(text, tokens[first].start, stop):
        before = [t for t in money if t.end <= m.start() and not text[t.end:m.start()].strip()]
        inside = [t for t in money if m.start() < t.start and t.end < m.end()]
        if before and inside and inside[-1].value == before[-1].value:
            restating.append((before[-1].value, m.group(1)))
    parts = terms(description) if restating else None
    if parts is None:
        return None
    dropped: set[int] = set()
    for value, words in restating:
        numbers = [Decimal(n) for n in re.findall(r"\d+(?:\.\d+)?", words.replace(",", ""))]
        once = False
        for k, term in enumerate(parts):
            if len(term.numbers) == 1 and term.value == value:
                if once and k not in dropped:
                    dropped.add(k)   # (the bracket's result: the figure counted a second time)
                once = True
            elif len(term.numbers) >= 2 and _drawn_from(term, numbers):
                dropped.add(k)
    if not dropped or len(dropped) == len(parts):
        return None
    return [t for k, t in enumerate(parts) if k not in dropped]


def _kept_step(step: Step, kept: list[_Term], unit: AmountUnit) -> bool | Step | None:
    value = sum((t.value for t in kept), Decimal(0))
    if abs(value - step.stated) <= step.tolerance:
        return True
    try:
        shown = value.quantize(Decimal("0.01"))
    except InvalidOperation:
        return None
    return Step(step.kind, "＋".join(t.text for t in kept) + f"＝{format_with_unit(shown, unit)}", shown, step.stated,
                step.uncertain, step.tolerance, step.start, step.end)


def parts_restated(step: Step, lexed: Lexed, starts: list[int], unit: AmountUnit = AmountUnit.YUAN) -> Step | None:
    """A failing sum of parts listed after their total (需资金356万元，其中：人员经费218万元（…38人约218万元），…):
    None where it holds without the terms a bracket restates, else the step (with what the kept terms make)."""
    if step.stated is None or step.computed <= step.stated + step.tolerance:
        return step
    index = bisect_left(starts, step.start)
    if index >= len(lexed.tokens) or not _has_bracket(lexed.text, step.end, step.end):
        return step
    kept = _bracket_restated(step.description, lexed, index, index)
    if not kept:
        return step
    other = _kept_step(step, kept, unit)
    return None if other is True else (other or step)


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence going on at ``at`` ends (its 。), looked for no further than 300 characters."""
    stop = text.find("。", at, at + 300)
    return min(len(text), at + 300) if stop < 0 else stop


def _has_bracket(text: str, begin: int, at: int) -> bool:
    stop = _sentence_end(text, at)
    return text.find("（", begin, stop) >= 0 or text.find("(", begin, stop) >= 0


_SUBTOTAL_BEFORE_RE = re.compile(r"(?:计|共|小计|合计)\s*$")


def _subtotal_counted(step: Step, lexed: Lexed, first: int, index: int) -> bool:
    """Whether the failing sum holds without the products a later term of it totals (…每户1,000元。计54,400元。): the
    text works a part out and states its result after its items (计, 小计), and the reader counted both."""
    if step.description.count("×") < 2:
        return False
    pieces = step.description.rsplit("＝", 1)[0].split("＋")
    if not any("×" not in c and "×" in b and "×" in a for a, b, c in zip(pieces, pieces[1:], pieces[2:], strict=False)):
        return False   # (no lone figure after two products: nothing it could total)
    parts = terms(step.description)
    if parts is None:
        return False
    for j, term in enumerate(parts):
        if not (term.money and len(term.numbers) == 1) or j < 2 or len(parts[j - 1].numbers) < 2:
            continue
        total, k = Decimal(0), j
        while k > 0 and len(parts[k - 1].numbers) >= 2:
            k -= 1
            total += parts[k].value
            if j - k >= 2 and abs(total - term.value) <= Decimal("0.01") * (j - k):
                kept = parts[:k] + parts[j:]
                return abs(sum((t.value for t in kept), Decimal(0)) - step.stated) <= step.tolerance and any(
                    t.kind == MONEY and t.value == term.value and _SUBTOTAL_BEFORE_RE.search(
                        lexed.text, max(0, t.start - 3), t.start) for t in lexed.tokens[first:index])
    return False
