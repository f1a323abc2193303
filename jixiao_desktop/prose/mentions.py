"""Counts a text states with the thing counted (``22个社区居家养老服务中心`` → 22, 个, 社区居家养老服务中心), for the checks
that compare counts stated in several places of a form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao_desktop.prose.lexer import COUNT, lex


@dataclass(frozen=True, slots=True)
class Mention:
    """A count stated in a text with the thing counted: ``22个社区居家养老服务中心`` → 22, 个, 社区居家养老服务中心."""

    value: Decimal
    unit: str
    noun: str
    approx: bool
    start: int


_NOUN_STOP_RE = re.compile(r"给予|按|合计|共计|总计|共|进行|获得|享受|开展|发放|拨付|提供|实施|补助|运营补助|每|用于|及|和")
_DELIMS = "，,。；;、：:\n"


@lru_cache(maxsize=1024)
def mentions(text: str) -> tuple[Mention, ...]:
    """The counts of a text with their nouns (for counts stated in several places)."""
    lexed = lex(text)
    out = []
    for token in lexed.tokens:
        if token.kind != COUNT:
            continue
        before = lexed.text[max(0, token.start - 3):token.start]
        after = lexed.text[token.end:token.end + 3]
        approx = token.approx or bool(re.search(r"(约|近|超过|多于|不低于|不少于|不超过|大约)\s*$", before)) or after.startswith(("左右", "余"))
        out.append(Mention(token.value, token.unit, _noun_after(lexed.text, token.end), approx, token.start))
    return tuple(out)


def _noun_after(text: str, end: int) -> str:
    i = end
    while i < len(text) and i - end < 16 and text[i] not in _DELIMS and not text[i].isdigit():
        i += 1
    noun = text[end:i]
    stop = _NOUN_STOP_RE.search(noun, 1)
    if stop:
        noun = noun[:stop.start()]
    if "的" in noun:
        noun = noun.rsplit("的", 1)[-1]
    return noun.strip(" （(）).")
