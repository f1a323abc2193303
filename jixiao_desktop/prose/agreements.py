"""More ways a form's amount agrees with a text whose bottom line the reader took from another figure.

:func:`~.backing.amount_disagrees` asks these only where the bottom line and the amount differ, so they may look
at the whole text: a total restated rounded in another unit (合计433,800元，约43.4万元), a whole whose items after
其中 (or before it) add up to it, a result written after its working (…补贴6个月，约66.8万元) that the reader summed
as one more term, and a bottom line that is a past year's figure (2024年度…支出286.4万元。2025年将继续…).
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.prose.lexer import MONEY, Lexed

_SCALE = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
_NUMBER_RE = re.compile(r"[\d,]+(?:\.(\d+))?")
# between a figure and its restatement: 约, 折合, 合, 即 or a bracket (433,800元，约43.4万元 / 约1.27亿元（12,680万元）)
_RESTATED_RE = re.compile(r"^\s*(?:[，,]\s*(?:约合?|折合|大约|合|即)|[（(]\s*(?:约合?|折合|即)?)\s*$")
# the words a text sets its items' whole apart with (…经费76万元。其中：…；…, 即安排85.95万元，主要用于：1.…)
_ITEMS_AFTER_RE = re.compile(r"\s*[。，,]?\s*(?:其中|主要用于|具体用于|用于|包括|具体为|明细如下)\s*[：:，,]?")
_PIECE_RE = re.compile(r"[；;。\n]")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_PHASES_RE = re.compile(r"分[两二三四五六\d]\s*[年期批]|[一二三]期|分年度|以前年度|结转")
# a result the text writes after its working: 约, or a total word just before the figure
_RESULT_BEFORE_RE = re.compile(r"(?:[，,]\s*(?:约|大约|合计|共计|总计|共)|[=＝])\s*$")


def precision(token) -> Decimal:
    """Half the place of the last digit written of ``token``'s figure, in 元 (43.4万元: 500; 12,680万元: 5,000)."""
    found = _NUMBER_RE.search(token.text)
    decimals = len(found.group(1) or "") if found else 0
    return _SCALE.get(token.unit, Decimal(1)) / (10 ** decimals) / 2


def _money(lexed: Lexed) -> list:
    return [t for t in lexed.tokens if t.kind == MONEY and t.value is not None and not t.is_rate]


def restated_rounded(lexed: Lexed, bottom: Decimal, amount: Decimal) -> bool:
    """合计433,800元，约43.4万元 / 约1.27亿元（12,680万元）: the text's total restated in another unit is the same
    figure. The amount agrees where it is that figure within the coarser writing's precision, and the bottom line is
    one of the two (or both counted as two terms)."""
    money = _money(lexed)
    for first, second in zip(money, money[1:], strict=False):
        if first.unit == second.unit or not _RESTATED_RE.match(lexed.text[first.end:second.start]):
            continue
        slack = max(precision(first), precision(second))
        if abs(first.value - second.value) > slack:
            continue   # (合计433,800元，约45.4万元: no restatement of it)
        if bottom not in (first.value, second.value, first.value + second.value):
            continue
        if abs(amount - first.value) <= slack and abs(amount - second.value) <= slack:
            return True
    return False


def _last_money(piece_start: int, piece_end: int, money: list):
    last = None
    for token in money:
        if piece_start <= token.start and token.end <= piece_end:
            last = token
    return last


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses between ``start`` and ``end`` split at ；。 and line ends, as (start, end)."""
    out, at = [], start
    for m in _PIECE_RE.finditer(text, start, end):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, end))
    return [p for p in out if p[1] > p[0]]


def whole_of_its_items(lexed: Lexed, amount: Decimal) -> bool:
    """森林防火经费76万元。其中：…计38万元；…计12万元；…26万元。 / 1.…计92万元；2.…计17万元；3.…计50.4万元。项目总投资
    159.4万元: the amount is a figure whose items (each item's last figure, after 其中/主要用于 or just before it) add
    up to it exactly — the text checks it as the whole. Not in a text of several years or phases, where a whole
    of all years in the amount is the mistake to find."""
    text = lexed.text
    if _PHASES_RE.search(text) or len(set(_YEAR_RE.findall(text))) > 1:
        return False
    money = _money(lexed)
    for k, token in enumerate(money):
        if token.value != amount:
            continue
        head = _ITEMS_AFTER_RE.match(text, token.end)
        if head and _adds_up(text, head.end(), len(text), money, amount, forward=True):
            return True
        begin = text.rfind("\n\n", 0, token.start) + 1
        if k >= 2 and _adds_up(text, begin, token.start, money, amount, forward=False):
            return True
    return False


def _adds_up(text: str, start: int, end: int, money: list, whole: Decimal, forward: bool) -> bool:
    pieces = _pieces(text, start, end)
    if not forward:
        last = pieces[-1] if pieces else None
        if last is not None and _last_money(*last, money) is None:
            pieces = pieces[:-1]   # (…计50.4万元。项目总投资159.4万元: the whole's own clause)
        pieces.reverse()
    total, count = Decimal(0), 0
    for piece in pieces:
        token = _last_money(*piece, money)
        if token is None:
            if count:
                return False   # (a clause with no figure ends the items)
            continue
        total += token.value
        count += 1
        if total == whole:
            return count >= 2
        if total > whole:
            return False
    return False


def result_after_working(lexed: Lexed, derivation: str, amount: Decimal) -> bool:
    """…按每月1,896元为基数、16%的费率，补贴6个月，约66.8万元 / 每年12,800元…加接入费4,650元，约4.3万元: the reader
    summed a working's numbers with the result the text writes after it (约, 合计) as one more term. The amount
    agrees where it is that result (the text's last figure)."""
    if "＋" not in derivation or "×" not in derivation:
        return False
    money = _money(lexed)
    if not money:
        return False
    last = money[-1]
    if not derivation.rsplit("＝", 1)[0].endswith(_plain(last)):
        return False
    if not _RESULT_BEFORE_RE.search(lexed.text, max(0, last.start - 4), last.start):
        return False
    return abs(amount - last.value) <= precision(last)


def _plain(token) -> str:
    return token.text.replace(",", "")


def past_year_bottom(lexed: Lexed, bottom: Decimal) -> bool:
    """2024年度全区临时救助…支出286.4万元。2025年将继续…: the bottom line is a figure of a sentence dated to an earlier
    year than one the text names after it, and the text states no other money — a reference, not what this year's
    form arrives at; nothing to compare the amount with."""
    money = _money(lexed)
    if not money or any(t.value != bottom for t in money):
        return False
    text = lexed.text
    for token in money:
        start = max(text.rfind(c, 0, token.start) for c in "。；;\n") + 1
        years = [int(y) for y in _YEAR_RE.findall(text, start, token.start)]
        later = [int(y) for y in _YEAR_RE.findall(text, token.end)]
        if not years or not later or max(later) <= years[-1]:
            return False
    return True
