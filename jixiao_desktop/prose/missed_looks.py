"""Relations the reader's walk leaves unread, looked for after it (each only where a cheap string test of the
whole text says it may be there, then within one sentence):

- **parts after 含** (预算128万元，含土建工程86万元、安装23.5万元…。): an amount followed by 含/包含/包括 and a run of
  amounts joined by 、 to its sentence's end lists its parts, which add up to it as exactly as the least exact of them.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import AmountUnit, format_with_unit
from jixiao_desktop.prose.agreements import precision
from jixiao_desktop.prose.lexer import MONEY, Lexed
from jixiao_desktop.prose.steps import Reading, Step
from jixiao_desktop.prose.words import _written

_HOLDS_RE = re.compile(r"[，,]\s*(?:含|包含|包括)[^\d，,。；;\n（()）、等]{1,14}")
_PART_GAP_RE = re.compile(r"、[^\d，,。；;\n（()）、等]{1,14}")
_APPROX_RE = re.compile(r"约|左右|近|多|余|不[足到超]|以[上下内]")


def missed(reading: Reading, lexed: Lexed, unit: AmountUnit = AmountUnit.YUAN) -> Reading:
    """``reading`` with the relations of the looks above that do not hold added as failing steps."""
    text = lexed.text
    if "含" in text or "包括" in text:
        _parts_after_holding(reading, lexed, unit)
    return reading


def _plain_amount(token) -> bool:
    return token.kind == MONEY and token.value is not None and not token.is_rate and not token.approx


def _parts_after_holding(reading: Reading, lexed: Lexed, unit: AmountUnit) -> None:
    tokens, text = lexed.tokens, lexed.text
    stated_at = {s.start for s in reading.steps}
    k = 0
    while k < len(tokens) - 2:
        whole = tokens[k]
        first = tokens[k + 1]
        if not (_plain_amount(whole) and _plain_amount(first) and _HOLDS_RE.fullmatch(text, whole.end, first.start)):
            k += 1
            continue
        parts = [first]
        j = k + 2
        while j < len(tokens) and _plain_amount(tokens[j]) and _PART_GAP_RE.fullmatch(text, parts[-1].end, tokens[j].start):
            parts.append(tokens[j])
            j += 1
        after = text[parts[-1].end:parts[-1].end + 1]
        k = j
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
