"""Shares stated for every party of a split, in its ratio, of a whole the text names earlier (a reading of a failing
share, asked by :func:`~.sixth_looks.sixth_looks`).

总投资360万元。二、资金构成：工程建设86.4万元，配套设施及其他41.25万元。三、资金分担：按照省、市、县5:3:2比例，省级180万元、
市级108万元、县级72万元: the reader took the split for one of the parts listed just before it; but the shares stated after
the ratio are each in that ratio, and together make 360万元, a figure the text names before the split — the split is
of that whole, and holds. Only where a share is stated for every party of the ratio, each in proportion, and their sum is
an amount the text states before them, and the step's party's own part of that sum is its share (shares written in the
order of the ratio but for the other parties, 市、区按3:7，区级26.4万元、市级61.6万元, are no reading); a share out of
proportion is still the mistake reported.
"""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.prose.lexer import MONEY, RATIO, Lexed
from jixiao_desktop.prose.steps import OWN_PERCENT_RE, Step
from jixiao_desktop.prose.words import token_start

_ENDS = "。；;\n"
_WINDOW = 12


def shares_of_a_named_whole(step: Step, lexed: Lexed, index: int) -> bool:
    tokens, text = lexed.tokens, lexed.text
    start = max(text.rfind(c, 0, step.start) for c in _ENDS) + 1
    first = bisect_left(tokens, start, max(0, index - _WINDOW), index, key=token_start)
    ratio = next((k for k in range(index - 1, first - 1, -1) if tokens[k].kind == RATIO), None)
    if ratio is None:
        return False
    parts = tokens[ratio].parts
    shares = []
    for token in tokens[ratio + 1:ratio + 1 + 2 * len(parts)]:
        if any(c in text[tokens[ratio].end:token.start] for c in _ENDS):
            break
        if token.kind == MONEY and token.value and not token.per:
            shares.append(token.value)
    if len(shares) != len(parts) or step.stated not in shares:
        return False
    total, weight = sum(shares, Decimal(0)), sum(parts, Decimal(0))
    if any(abs(share - total * part / weight) > step.tolerance for share, part in zip(shares, parts)):
        return False
    own = OWN_PERCENT_RE.search(step.description)   # (the party's own part, as the reader paired it: 区级70% is no
    if own is None or abs(step.stated - total * Decimal(own[1]) / 100) > step.tolerance:   # 26.4 of 88 at 3:7)
        return False
    return any(t.kind == MONEY and not t.per and t.value is not None and abs(t.value - total) <= step.tolerance
               for t in tokens[:ratio])
