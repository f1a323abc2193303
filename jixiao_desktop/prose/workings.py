"""A result stated first and how it was worked out after it, in the same sentence:
共需资金57.6万元，按照每人每月2,400元、管护人员22人、全年12个月测算 — the standard × count restates that result."""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import round_fen

_WORKED_RE = re.compile(r"计算|测算|核算|计$|计[，,]")
_SENTENCE_END_RE = re.compile(r"[。；;\n]")
_WORKING_OPENS_RE = re.compile(r"\s*(?:按|即)?\s*")   # （1,250份×26元: the working begins the bracket
_WORKING_TEXT_RE = re.compile(r"[\s,，]")


def worked_after(reader, rate, value: Decimal, words: str, earlier: list) -> bool:
    """Whether the standard ``rate`` (worth ``value`` with its counts) is the working of a result stated before it
    in its sentence, after 按 and before 计算/测算; a step is added where they differ."""
    results = [i for i in reader.items if i.closed and i.token is not None and i.start >= reader.sentence_start
               and i.end <= rate.token.start] + list(earlier)
    last = reader.last_total
    if last is not None and last.token is not None and reader.sentence_start <= last.start < rate.token.start:
        results.append(last)
    if not results:
        return False
    total = max(results, key=lambda i: i.start)
    between = reader.text[total.end:rate.token.start]
    end = _SENTENCE_END_RE.search(reader.text, rate.token.end)
    rest = reader.text[rate.token.end:end.start() if end else len(reader.text)]
    if "按" not in between or _SENTENCE_END_RE.search(between) or not _WORKED_RE.search(rest):
        return False
    if abs(value - total.value) > reader.tolerance(total.token, total.approx):
        reader.add_step("product", f"{words}＝{reader.fmt(value)}", value, total.token)
    return True


def average_of_share(reader, rate, value: Decimal) -> bool:
    """资金600万元，按30%发放，计180万元，务工320人，人均增收5,625元: an average (worth ``value`` with its counts) of a share
    worked out earlier in its sentence, not of the whole before it."""
    return bool(value) and any(
        round_fen(i.value * rate.token.value / value) == rate.token.value for i in reader.items + reader.breakdown_items
        if i.derived and not i.rate and reader.sentence_start <= i.start < rate.token.start)


def bracket_restates(reader, position: int, value: Decimal) -> bool:
    """申请追加12万元（新增网点8个×每个1.5万元）: a working in brackets right after an amount it equals shows how
    that amount was made; it is no item of its own."""
    opened = max(reader.text.rfind("（", reader.sentence_start, position), reader.text.rfind("(", reader.sentence_start, position))
    if opened < 0 or ")" in reader.text[opened:position] or "）" in reader.text[opened:position]:
        return False
    items = reader.breakdown_items if reader.breakdown is not None and reader.breakdown_items else reader.items
    item = items[-1] if items else None   # (the last part of 其中：…30万元（150人×2,000元）, else the last item)
    if reader.last_total is not None and (item is None or item.start < reader.last_total.start):
        item = reader.last_total   # (共需…万元（…）: a total that closed the items before it)
    if item is None or item.token is None or item.product or reader.text[item.end:opened].strip():
        return False
    if item.value == value:
        return True
    if not _WORKING_OPENS_RE.fullmatch(reader.text, opened + 1, position):
        return False
    # 共需印刷费约2.4万元（800份×25元）: a working of the amount, written right after it, that does not come to it
    reader.add_step("product", f"{_WORKING_TEXT_RE.sub('', reader.text[opened + 1:reader.tokens[reader.index - 1].end])}"
                    f"＝{reader.fmt(value)}", value, item.token)
    return True


def standard_restated(reader, position: int, value: Decimal) -> bool:
    """每期经费6,300元（50人×126元）: a working in brackets right after an open standard it equals shows how that
    standard was made; the standard stays open, and the working is no product of its own."""
    opened = max(reader.text.rfind("（", reader.sentence_start, position), reader.text.rfind("(", reader.sentence_start, position))
    if opened < 0 or ")" in reader.text[opened:position] or "）" in reader.text[opened:position] or not reader.rates:
        return False
    rate = reader.rates[-1]
    return not rate.consumed and rate.token.value == value and not reader.text[rate.token.end:opened].strip()


_MONTHLY_ALLOWANCE_RE = re.compile(r"^[，,]\s*月(?:补助|补贴|生活补助|津补贴)(?:标准)?[\s:：为]{0,2}$")


def monthly_allowance(reader, token, near: str) -> bool:
    """队员28人，月补助3,200元: a monthly allowance right after the count of the people it is paid to (a clause of its
    own after the count, nothing else between) is per person and month."""
    if reader.index == 0:
        return False
    previous = reader.tokens[reader.index - 1]
    return (previous.kind == "count" and previous.unit in ("人", "名") and previous.end >= reader.sentence_start
            and _MONTHLY_ALLOWANCE_RE.match(reader.text[previous.end:token.start]) is not None)


# 6人乘以每月2,400元乘以12个月，得17.28万元 / …×12个月，为475,200元: the word that states a × chain's value
_CHAIN_STATED_RE = re.compile(r"[\s，,]*(?:[测计核]算[\s，,]*)?(?:得|得出|为|即为|结果为|合计为|相乘得|相乘为)[\s:：]*")


def chain_stated(text: str, start: int, end: int) -> bool:
    """Whether the words between a × chain's last factor and an amount state the chain's value (得, 为)."""
    return end - start <= 8 and _CHAIN_STATED_RE.fullmatch(text, start, end) is not None
