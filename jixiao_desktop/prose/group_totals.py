"""A count stated as the total over groups (2期，共培训学员120人): a reading of a failing product (asked by
:func:`~.sixth_looks.sixth_looks`).

举办培训班2期，共培训学员120人，每期3天。…每人每天150元，计54,000元: the 120 are every period's trainees together, so a
product that multiplies them by the 2 periods again counts each trainee twice. Where the product of the walk names
the groups' count as a factor and a count after it in its sentence is introduced by 共 (合计, 累计, 总共), the product
without the groups' count is read; the failure is dropped when that holds, and where it does not, the finding gives
that product (150人×2天×100元, the clerk's own reading) instead of the one counting the trainees twice. A count written
per group (每期60人) leaves the product as it is: nothing here reads it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, Lexed
from jixiao_desktop.prose.steps import Step, fixed_reading
from jixiao_desktop.prose.words import _STOP_RE, token_start

_GROUP_UNITS = frozenset(("期", "批", "班", "轮", "届", "期次", "批次", "班次", "场", "场次"))
_TOTAL_BEFORE_RE = re.compile(r"(?:共|合计|累计|总共|总计)[^，,。；;\n\d]{0,8}$")


def total_over_groups(step: Step, lexed: Lexed, index: int, unit) -> bool | Step:
    """True where the failing product holds without a groups' count whose total the text states after it; else the
    step of that product (False where no such count is named)."""
    text, tokens = lexed.text, lexed.tokens
    lo = max(0, step.start - 200)
    if text.find("共", lo, step.start) < 0 and text.find("计", lo, step.start) < 0:
        return False   # (looked for near the step: a test of the whole text for each step would be quadratic)
    first = bisect_left(tokens, lo, key=token_start)
    for k in range(first, index):
        group = tokens[k]
        if group.kind != COUNT or group.unit not in _GROUP_UNITS or not group.value or f"{group.text}×" not in step.description:
            continue
        for total in tokens[k + 1:index]:
            if _STOP_RE.search(text, group.end, total.start):
                break
            if total.kind == COUNT and total.unit != group.unit and total.value and _TOTAL_BEFORE_RE.search(
                    text, group.end, total.start) and f"{total.text}×" in step.description:
                working = re.sub(rf"(?<![\d.]){re.escape(group.text)}×", "", step.description.split("＝", 1)[0], count=1)
                return fixed_reading(step, round_fen(step.computed / group.value), working, unit)
    return False
