"""Money added on top of a worked figure: 另计6%税费 after a product, 另安排经办费6.4万元 after a worked item.

- **a percentage added** (:func:`added_percent`): 年租金每平方米138元，另计6%税费，全年约10.2万元 — the product times
  (1 + 6%), the percentage added to it rather than taken of it;
- **a fee on its base** (:func:`fee_on_base`): 按服务费的3%计取管理费：服务费156万元，管理费4.68万元 with 160.68 in the
  amount — no total stated, the form carries the base and the fee on it;
- **an item added after the worked ones** (:func:`added_items`): 贴息64万元；另安排经办费6.4万元 with 70.4 in the amount —
  no total after them, the form carries the worked figure and what 另 adds.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import MONEY, PERCENT, Lexed
from jixiao_desktop.prose.steps import PERCENT_WORKING_RE, Step
from jixiao_desktop.prose.words import CLAUSE_MARK_RE

_ADDED_BEFORE_RE = re.compile(r"(?:另计|另加|另收|加计|另按|另含|上浮)[^，,。；;\d]{0,6}$")
_ADDED_WORD_RE = re.compile(r"另计|另加|另收|加计|另按|另含|上浮")
_SENTENCE_END = "。；;\n"
_NOT_NOW_RE = re.compile(r"上年|去年|前年|结转|以前|往年|历年|已|不含|不列|不在")
_TOTAL_RE = re.compile(r"合计|共计|总计|共需|小计")


def added_percent(step: Step, lexed: Lexed, index: int) -> bool:
    """Whether the failing product holds with a percentage its sentence adds (另计6%税费) on top of it."""
    if step.kind != "product" or step.stated is None:
        return False
    tokens, text = lexed.tokens, lexed.text
    if not _ADDED_WORD_RE.search(text, max(0, tokens[index].start - 60), tokens[index].start):
        return False   # (cheap first: no word adding a percentage near)
    for k in range(index - 1, max(-1, index - 12), -1):
        token = tokens[k]
        if token.kind == "stop" or text[token.end:tokens[k + 1].start].strip()[:1] in _SENTENCE_END and k + 1 < index:
            break
        if token.kind == PERCENT and token.value and _ADDED_BEFORE_RE.search(text, max(0, token.start - 8), token.start):
            value = step.computed * (1 + token.value / 100)
            return abs(round_fen(value) - step.stated) <= step.tolerance
    return False


def added_items(lexed: Lexed, reading, amount: Decimal) -> bool:
    """Whether the amount is the worked figures (each holding, no total among them) plus the amounts named after them
    with 另 (另安排经办费6.4万元), and nothing else after them."""
    steps = reading.steps
    if not steps or any(s.kind not in ("product", "percent_of") or not s.holds or s.stated is None for s in steps):
        return False
    text = lexed.text
    if any(_TOTAL_RE.search(text, max(0, s.start - 6), s.start) for s in steps):
        return False
    last = max(s.end for s in steps)
    after = [t for t in lexed.tokens if t.kind == MONEY and t.start >= last and t.value is not None]
    if not after or any(t.is_rate for t in after):
        return False
    for token in after:
        clause_start = max((m.end() for m in CLAUSE_MARK_RE.finditer(text, max(0, token.start - 20), token.start)), default=0)
        clause = text[clause_start:token.start]
        if "另" not in clause or _NOT_NOW_RE.search(clause):
            return False   # (另上年结转资金6万元: last year's money, not this year's)
    return sum((s.stated for s in steps), Decimal(0)) + sum((t.value for t in after), Decimal(0)) == amount


def fee_on_base(lexed: Lexed, reading, amount: Decimal) -> bool:
    """Whether the amount is the base of the text's one percentage (a fee, a charge) plus that percentage of it, each
    holding, where the text states no total (服务费156万元，管理费4.68万元 with 160.68 in the amount)."""
    steps = reading.steps
    if len(steps) > 1 and all(s.holds and s.stated is not None and s.kind == "product" for s in steps[:-1]):
        return _fee_on_worked_base(lexed, steps, amount)
    if len(steps) != 1 or steps[0].kind != "percent_of" or not steps[0].holds or steps[0].stated is None:
        return False
    found = PERCENT_WORKING_RE.search(steps[0].description)
    if found is None or not Decimal(found[1]) or _TOTAL_RE.search(lexed.text):
        return False
    base = round_fen(steps[0].computed * 100 / Decimal(found[1]))
    figures = [t.value for t in lexed.tokens if t.kind == MONEY and t.value and not t.is_rate]
    if len(figures) != 2 or abs(figures[0] - base) > Decimal("0.01") and abs(figures[1] - base) > Decimal("0.01"):
        return False   # (the base and the fee the text's only figures: no whole of them stated, 总投资208万元)
    return abs(base + steps[0].stated - amount) <= Decimal("0.01")


def base_split_off(reading, amount: Decimal) -> bool:
    """Whether the amount is the base a holding percentage is taken off while the text states what is left of it (征收残保金
    2,360,000元，按3%提取工作经费70,800元，剩余2,289,200元…: the form carries the whole, the reader arrives at the 3%)."""
    if not any(s.kind == "remainder" and s.holds for s in reading.steps):
        return False
    for step in reading.steps:
        found = PERCENT_WORKING_RE.search(step.description) if step.kind == "percent_of" and step.holds else None
        if found is not None and Decimal(found[1]) and abs(round_fen(step.computed * 100 / Decimal(found[1])) - amount) <= Decimal("0.01"):
            return True
    return False


def _fee_on_worked_base(lexed: Lexed, steps: list, amount: Decimal) -> bool:
    """检查费384,000元（1,600对×每对240元）；管理费按5%计，19,200元 with 403,200 in the amount: the base worked out as a
    product that holds, the fee on it the text's last step, no total stated: base + fee backs the amount."""
    fee = steps[-1]
    found = PERCENT_WORKING_RE.search(fee.description) if fee.kind == "percent_of" and fee.holds and fee.stated else None
    if found is None or not Decimal(found[1]) or _TOTAL_RE.search(lexed.text):
        return False
    base = round_fen(fee.computed * 100 / Decimal(found[1]))
    return any(abs(s.stated - base) <= Decimal("0.01") for s in steps[:-1]) and abs(base + fee.stated - amount) <= Decimal("0.01")

