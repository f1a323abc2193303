"""Relations the reader's walk leaves unread, looked for after it (each only where a cheap string test of the
whole text says it may be there, then within one sentence):

- **parts after 含** (预算128万元，含土建工程86万元、安装23.5万元…。): an amount followed by 含/包含/包括 and a run of
  amounts joined by 、 to its sentence's end lists its parts, which add up to it as exactly as the least exact of them.
- **a total of items with totals of their own** (编织袋3万条共4.5万元，救生衣200件共3.2万元，冲锋舟1艘8.6万元，总计17.3万元;
  每村设备1,200元、安装调试450元，共计46,200元；平台对接费56,000元。以上合计…): a total the walk left unchecked (a
  sum word closes the items before it) is the sum of each clause's own figure before it — its result after a total
  word, else its one amount — where every clause reads one way (no reference, share, percentage or 其中).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.money import AmountUnit, format_with_unit
from jixiao_desktop.prose.agreements import precision
from jixiao_desktop.prose.lexer import MONEY, Lexed
from jixiao_desktop.prose.split_looks import _Stated, split_looks
from jixiao_desktop.prose.standard_before import standards_before
from jixiao_desktop.prose.steps import Reading, Step
from jixiao_desktop.prose.words import _written, token_start

_HOLDS_RE = re.compile(r"[，,]\s*(?:含|包含|包括)[^\d，,。；;\n（()）、等]{1,14}")
_PART_GAP_RE = re.compile(r"、[^\d，,。；;\n（()）、等]{1,14}")
_APPROX_RE = re.compile(r"约|左右|近|多|余|不[足到超]|以[上下内]")


def missed(reading: Reading, lexed: Lexed, unit: AmountUnit = AmountUnit.YUAN) -> Reading:
    """``reading`` with the relations of the looks above that do not hold added as failing steps."""
    text = lexed.text
    stated = _Stated(reading)
    if "含" in text or "包括" in text:
        _parts_after_holding(reading, lexed, unit, stated)
    if "计" in text and ("共" in text or "总" in text or "合" in text):
        _total_of_clause_totals(reading, lexed, unit, stated)
    split_looks(reading, lexed, unit, stated)
    if "每" in text or "/" in text:
        standards_before(reading, lexed, unit, stated)   # (standard_before.py: 按每人每年120元标准发放。…4,120人，年需…)
    return reading


def _plain_amount(token) -> bool:
    return token.kind == MONEY and token.value is not None and not token.is_rate and not token.approx


def _holding_words(lexed: Lexed) -> list[int]:
    """The index of the token just before each ，含 / ，包含 / ，包括 (found by str.find and bisection)."""
    text, tokens, found = lexed.text, lexed.tokens, []
    for word in ("含", "包括"):
        at = text.find(word)
        while at >= 0:
            if text[at - 1:at] in ("，", ",") or text[at - 2:at] in ("，包", ",包"):
                k = bisect_left(tokens, at, key=token_start) - 1
                if k >= 0:
                    found.append(k)
            at = text.find(word, at + 1)
    return sorted(found)


def _parts_after_holding(reading: Reading, lexed: Lexed, unit: AmountUnit, stated_at) -> None:
    tokens, text = lexed.tokens, lexed.text
    done = -1
    for k in _holding_words(lexed):
        if k <= done or k + 1 >= len(tokens):
            continue
        whole = tokens[k]
        j = k + 2 if tokens[k + 1].kind == "each" and k + 2 < len(tokens) else k + 1   # (含…生均补助186万元（按…×…）: a name)
        first = tokens[j]
        if not (_plain_amount(whole) and _plain_amount(first) and _HOLDS_RE.fullmatch(text, whole.end, first.start)):
            continue
        if j == k + 2 and text[first.end:first.end + 1] not in ("（", "("):
            continue   # (a standard after 含 with no working of its own: no part's amount)
        parts = [first]
        j += 1
        while j < len(tokens):
            gap = parts[-1].end
            if text[gap:gap + 1] in ("（", "("):   # 生均补助186万元（按1,550名幼儿×1,200元测算）、…: the part's working, passed over
                close = min((c for c in (text.find("）", gap), text.find(")", gap)) if c >= 0), default=-1)
                if close < 0:
                    break
                while j < len(tokens) and tokens[j].start < close:
                    j += 1
                gap = close + 1
            if j >= len(tokens) or not _plain_amount(tokens[j]) or not _PART_GAP_RE.fullmatch(text, gap, tokens[j].start):
                break
            parts.append(tokens[j])
            j += 1
        after = text[parts[-1].end:parts[-1].end + 1]
        done = j
        if len(parts) < 2 or after not in ("", "。", "；", ";", "\n") or whole.start in stated_at:
            continue
        if _APPROX_RE.search(text[max(0, whole.start - 2):whole.start]) or any(
                _APPROX_RE.search(text[p.start - 1:p.start]) for p in parts):
            continue
        total = sum((p.value for p in parts), Decimal(0))
        tolerance = max(precision(t) for t in [whole] + parts)
        if abs(total - whole.value) > tolerance:
            words = "＋".join(_written(p) for p in parts)
            reading.steps.append(Step("sum", f"{_written(whole)}所含：{words}＝{format_with_unit(total, unit)}", total,
                                      whole.value, False, tolerance, whole.start, whole.end))


_GRAND_RE = re.compile(r"(?:以上|上述|[两二三四五六七八九十\d]项)?(?:合计|总计|共计)[\s:：为需资金共]{0,6}")
_CLAUSE_RESULT_RE = re.compile(r"(?:共计?|合计|小计|计|需|＝|=)[\s:：为需资金约]{0,4}$")
_CLAUSE_SPLIT_RE = re.compile(r"(?:[，。；;\n：:]|,(?!\d))[ \t]*")   # (the blanks after a mark with it: 。⏎ is folded to 。 )
_STANDARD_WORD_RE = re.compile(r"每|均|标准|单价|单[座台个套辆件]|费率|按")
_RESTATED_RE = re.compile(r"取整|折合|约合|即|四舍五入")
_UNSURE_RE = re.compile(r"其中|上年|去年|前年|累计|已|结转|批复|核定|总投资|较|比|减少|增加|扣除|其余|剩余|承担|配套|分担|各|约|左右|等|另")


def _total_of_clause_totals(reading: Reading, lexed: Lexed, unit: AmountUnit, stated_at) -> None:
    tokens, text = lexed.tokens, lexed.text
    for k, total in enumerate(tokens[:41]):   # (a short text: the items of a long one are the walk's to read)
        if not _plain_amount(total):
            continue
        marks = list(_CLAUSE_SPLIT_RE.finditer(text, max(0, total.start - 16), total.start))
        clause_start = marks[-1].end() if marks else max(0, total.start - 16)
        if not _GRAND_RE.fullmatch(text, clause_start, total.start) or total.start in stated_at:
            continue
        before = tokens[:k]
        if not before or any(t.kind not in (MONEY, "count", "each", "stop", "comma", "word") for t in before):
            return
        if _UNSURE_RE.search(text, 0, clause_start):
            return
        items, pending, closed = [], False, False
        start = 0
        for mark in list(_CLAUSE_SPLIT_RE.finditer(text, 0, clause_start)) + [None]:
            end = mark.start() if mark is not None else clause_start
            clause = [t for t in before if t.kind == MONEY and start <= t.start < end]
            clause_from, start = start, mark.end() if mark is not None else clause_start
            if not clause:
                continue
            last = clause[-1]
            if not last.is_rate and _CLAUSE_RESULT_RE.search(text, max(0, last.start - 6), last.start):
                items.append(last)
                pending, closed = False, True
            elif any(t.is_rate for t in clause) or _STANDARD_WORD_RE.search(text, clause_from, last.start):
                pending = True
            elif len(clause) == 1:
                if pending:
                    return
                if items and _RESTATED_RE.search(text, clause_from, last.start):
                    items[-1] = last   # 计15.256万元，取整15.26万元: the figure restated
                    continue
                items.append(last)
            else:
                return
        if pending or not closed or len(items) < 2 or any(t.value == total.value for t in items):   # (a whole before its parts)
            return
        value = sum((t.value for t in items), Decimal(0))
        tolerance = max(precision(t) for t in items + [total])
        if abs(value - total.value) > tolerance:
            words = "＋".join(_written(t) for t in items)
            reading.steps.append(Step("sum", f"{words}＝{format_with_unit(value, unit)}", value, total.value, False,
                                      tolerance, total.start, total.end))
        return
