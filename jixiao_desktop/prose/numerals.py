"""Numbers written in characters (一, 十二, 二百, 一千二百, 五十七万六千), as clerks write counts and amounts."""

from __future__ import annotations

import re
from decimal import Decimal

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> Decimal | None:
    """一 → 1, 十二 → 12, 二十 → 20, 两 → 2, 三百 → 300, 一千二百 → 1200, 二千零五十 → 2050 (numbers written in
    characters); anything else (十四五, 一二三) → None."""
    if text and "万" in text:
        high, _, low = text.partition("万")
        high_value, low_value = cn_number(high), cn_number(low.lstrip("零〇")) if low.lstrip("零〇") else Decimal(0)
        if high_value is None or low_value is None or low_value >= 10000:
            return None
        return high_value * 10000 + low_value
    if text and ("百" in text or "千" in text):
        return _cn_hundreds(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" in text:
        head, _, tail = text.partition("十")
        tens = _CN_DIGITS.get(head, None) if head else 1
        ones = _CN_DIGITS.get(tail, None) if tail else 0
        if tens is None or ones is None or "十" in tail:
            return None
        return Decimal(tens * 10 + ones)
    if len(text) != 1:
        return None
    return Decimal(_CN_DIGITS[text])


def _cn_hundreds(text: str) -> Decimal | None:
    total, digit, last_place = 0, None, 10000
    for ch in text:
        if ch in _CN_DIGITS:
            if digit is not None and digit != 0 and _CN_DIGITS[ch] != 0:
                return None   # two digits in a row (一二百)
            digit = _CN_DIGITS[ch]
        elif ch in "十百千":
            place = {"十": 10, "百": 100, "千": 1000}[ch]
            if place >= last_place or (digit is None and ch != "十") or digit == 0:
                return None
            total += (1 if digit is None else digit) * place
            digit, last_place = None, place
        else:
            return None
    if digit:
        if last_place == 10:
            pass
        elif text[-2:-1] not in "零〇" and last_place > 10:   # 一千二 (spoken 1200) is not written in a 测算
            return None
        total += digit
    return Decimal(total) if total else None


_LISTED_DECIMAL_RE = re.compile(r"([1-9]\d?)[.．](\d{1,4})\s*(?:个|名|人|户|家|所|处|座|台|辆|套|张|村|项|场|期|批|盏|间)$")


def listed_decimal(written: str) -> tuple[int, Decimal] | None:
    """1.42个 (a count of things never counted in parts, where a list item begins): where its count begins after the item's
    number, and that count (42); None for any other figure."""
    found = _LISTED_DECIMAL_RE.match(written)
    return None if found is None else (found.start(2), Decimal(found[2]))

