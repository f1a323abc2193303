"""Numbered items and the breakdown a total of one of them opens (see :func:`close_at_next_number`)."""

from __future__ import annotations

import re

_CHINESE = "一二三四五六七八九十"
# a list number at the start of a sentence: 2. / 2、 / 二、 / （二） / (2)
_NUMBER_AT_RE = re.compile(r"\s*(?:(\d{1,2})\s*[.、．](?!\d)|([一二三四五六七八九十])\s*、|[（(]\s*(\d{1,2}|[一二三四五六七八九十])\s*[)）])")
_SENTENCE_END_RE = re.compile(r"[。；;\n]")


def _previous(number: str) -> str | None:
    if number.isdigit():
        return str(int(number) - 1) if int(number) > 1 else None
    k = _CHINESE.find(number)
    return _CHINESE[k - 1] if k > 0 else None


def close_at_next_number(reader, position: int) -> None:
    """1.…需4500万元，其中中央及省级3300万元，县级配套1200万元；2.项目管理费…90万元；以上合计4590万元: a total of a
    numbered item followed by its parts (其中…) lists them within its item; the next item's number (2. after 1.,
    （二） after （一）) closes them, so the next item is no part of that total."""
    found = _NUMBER_AT_RE.match(reader.text, position)
    if found is None:
        return
    digit, chinese, bracketed = found.groups()
    number = digit or chinese or bracketed
    before = _previous(number)
    total = reader.breakdown
    if before is None or total is None or reader.breakdown_remainder or total.start < position - 400:
        return
    start = max((m.end() for m in _SENTENCE_END_RE.finditer(reader.text, max(0, total.start - 200), total.start)),
                default=max(0, total.start - 200))
    if bracketed:
        pattern = rf"[（(]\s*{before}\s*[)）]"
    elif digit:
        pattern = rf"(?:^|(?<=[\n。；;：:]))\s*{before}\s*[.、．]"
    else:
        pattern = rf"(?:^|(?<=[\n。；;：:]))\s*{before}\s*、"
    if re.search(pattern, reader.text[start:total.start]):
        reader.close_breakdown()
