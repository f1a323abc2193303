"""Results listed after 分别为 and then totalled: 上述五项分别为180,000元、210,000元、…，总计930,000元.

A clerk works out each item (居家托养120人，每人每年1500元；…) and then lists the items' results in one run after
分别为 (或 依次为) before the total. The reader's sum takes both the items and the listed results as terms — each
item's money twice. The total is the sum of the listed run: where it is, the sum holds (each listed result is the
item in its place; a listed figure that is wrong is a product's mistake, not the total's).

Only a failing sum is looked at, and only the tokens just before its stated figure.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import AmountUnit, format_with_unit
from jixiao_desktop.prose.lexer import MONEY, Lexed
from jixiao_desktop.prose.steps import Step

_CENT = Decimal("0.01")
_RUN = 12   # listed results looked at, at most
_TOTAL_GAP_RE = re.compile(r"\s*[，,；;]?\s*(?:以上|上述)?(?:总计|合计|共计|共|总额|总共)[^\d，,。；;]{0,4}?[：:为]?\s*约?\s*$")
_LIST_GAP_RE = re.compile(r"\s*[、，,和及]\s*$")
_RESPECTIVELY_RE = re.compile(r"(?:分别|依次)(?:为|是|计|需|需要)?\s*[：:]?\s*$")


def listed_results_total(step: Step, lexed: Lexed, index: int, unit: AmountUnit = AmountUnit.YUAN) -> bool | Step:
    """Whether the failing sum's stated figure is the total of the results listed after 分别为 just before it (True);
    where the items agree with their listed results and the total is another figure, the sum of the listed results
    against it (a Step); else False."""
    tokens, text = lexed.tokens, lexed.text
    if step.kind != "sum" or index < 2 or step.stated is None:
        return False
    last = tokens[index - 1]
    if last.kind != MONEY or not _TOTAL_GAP_RE.fullmatch(text, last.end, tokens[index].start):
        return False
    run = [last]
    k = index - 2
    while k >= 0 and len(run) < _RUN and tokens[k].kind == MONEY and not tokens[k].is_rate and tokens[k].value is not None \
            and _LIST_GAP_RE.fullmatch(text, tokens[k].end, run[-1].start):
        run.append(tokens[k])
        k -= 1
    if len(run) < 2 or any(t.value is None or t.is_rate for t in run):
        return False
    if not _RESPECTIVELY_RE.search(text, max(0, run[-1].start - 8), run[-1].start):
        return False
    listed = sum(t.value for t in run)
    if abs(listed - step.stated) <= step.tolerance:
        return True
    if abs(step.computed - 2 * listed) > step.tolerance + _CENT:
        return False   # (the items and the listed results disagree: which the total should be is not read here)
    # the items and their listed results agree, and the total is neither: the listed results' sum is the right one
    written = "＋".join(t.text.replace(",", "") for t in reversed(run))
    return Step("sum", f"{written}＝{format_with_unit(listed, unit)}", listed, step.stated, step.uncertain,
                step.tolerance, step.start, step.end)
