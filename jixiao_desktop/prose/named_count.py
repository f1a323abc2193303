"""The count a standard is per, named by its group: 其中居家患者1,734人…。居家患者随访管理补助每人每年100元，计17.34万元.

A text lists its groups with their counts (在编人员38人…编外聘用人员12人) and later gives a group's standard in a clause
that names the group again (按在编人员每人每年1.2万元，计45.6万元). The reader pairs the standard with the nearest count;
where that does not hold, the count the clause names by its group's words is read instead.

Only a failing product is looked at: its clause, and the counts before it in the text (at most a bounded number).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, Lexed
from jixiao_desktop.prose.steps import Step

_COUNTS = 24        # earlier counts looked at, at most
_TOKENS = 60        # earlier tokens looked through, at most
_LABEL_CUT_RE = re.compile(r"[，,。；;：:、（(）)\n]|其中|包括|含")
_CLAUSE_END = "。；;\n"   # (the sentence: 每人每年100元，计17.34万元 is one working)


def _label(text: str, start: int) -> str:
    before = text[max(0, start - 10):start]
    cut = None
    for cut in _LABEL_CUT_RE.finditer(before):
        pass
    label = before[cut.end():] if cut is not None else before
    return label.strip().lstrip("0123456789.、．")


_SEEN: dict[int, tuple] = {}   # id of a text's tokens → (the tokens, its counts' indices), for the texts being read


def _count_positions(lexed: Lexed) -> list[int]:
    """The indices of the text's counts, found once a text (its failing products share them)."""
    tokens = lexed.tokens
    seen = _SEEN.get(id(tokens))
    if seen is None or seen[0] is not tokens:
        if len(_SEEN) > 16:
            _SEEN.clear()
        seen = _SEEN[id(tokens)] = (tokens, [k for k, t in enumerate(tokens) if t.kind == COUNT and t.value])
    return seen[1]


def count_named(step: Step, lexed: Lexed, index: int) -> bool:
    """Whether the failing product holds with the count its clause names by its group's words."""
    if step.kind != "product" or step.stated is None:
        return False
    tokens, text = lexed.tokens, lexed.text
    first = index
    while first > 0 and index - first < 12 and tokens[first - 1].kind != "stop" and not any(
            c in _CLAUSE_END for c in text[tokens[first - 1].end:tokens[first].start]):
        first -= 1
    begin = max(text.rfind(c, max(0, tokens[first].start - 30), tokens[first].start) for c in _CLAUSE_END) + 1
    clause = text[max(begin, tokens[first].start - 30):tokens[index].start]
    standards = [t for k, t in enumerate(tokens[first:index], first) if t.kind == MONEY and t.value and (
        t.per or k and tokens[k - 1].kind == "each")]
    if not standards:
        return False
    months = (Decimal(1), Decimal(12)) if "月" in clause else (Decimal(1),)
    positions = _count_positions(lexed)
    at = bisect_left(positions, first)
    for k in reversed(positions[max(0, at - _COUNTS):at]):
        count = tokens[k]
        if first - k > _TOKENS:
            break
        if count.start < 2 or text[count.start - 2:count.start] not in clause:
            continue   # (cheap first: the two characters before the count in the clause)
        label = _label(text, count.start)
        if len(label) < 2 or label not in clause:
            continue
        return any(abs(round_fen(count.value * s.value * m) - step.stated) <= step.tolerance for s in standards for m in months)
    return False
