"""Texts that state no figure of this year's spending, and splits whose whole the form carries.

:func:`~.backing.amount_disagrees` asks these only where the reader's bottom line and the form's amount differ and
the text works nothing out (no step):

- **background only**: every amount the text names is background — a past year's figure (2024年该项目预算…，
  实际执行…。今年继续实施), a final account (决算支出), the whole of a project under way (批复概算…，累计完成投资…),
  an income or a statistic (旅游总收入52.3亿元), a limit (单站建设成本不超过30万元, 控制在5万元以内), or a standard
  (每人每月1,205元和1,005元). The text then says
  nothing of this year's amount: the reader's bottom line is no figure to hold the form to, and it stays silent.
- **another level's standard**: 中央补助标准每亩100元，不足部分由县级统筹解决 — the product is another level's money
  and the form's own part is the shortfall the text does not state.
- **the whole of a split** (:func:`whole_of_split`): 残疾人就业保障金返还奖励120万元，市、区按4:6分担，区级72万元 — the form
  carries every level's money, so the whole a split that holds divides agrees with the amount, as the own part does.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.prose.agreements import restated_rounded
from jixiao_desktop.prose.lexer import MONEY, Lexed, lex
from jixiao_desktop.prose.steps import OWN_PERCENT_RE

# words that make an amount background, in its clause before it
_BACKGROUND_RE = re.compile(r"上年|去年|前年|上一年|决算|执行|实际|累计|收入|结余|产值|营业额|销售额|GDP|生产总值")
# a project's whole, background only where the text says the project is under way (累计完成投资…)
_PROJECT_WHOLE_RE = re.compile(r"概算|总投资")
_UNDER_WAY_RE = re.compile(r"累计|已完成|截至|完成投资")
_TIME_WORDS = frozenset("年月日天季周")
# words that make a background figure this year's after all (按上年实际安排 / 参照…核定)
_TAKEN_OVER_RE = re.compile(r"按|参照|依照|照")
_ARRANGED_AFTER_RE = re.compile(r"\s*(?:安排|列入|列支|核定|计列|申请|拨付)")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_NOW_RE = re.compile(r"今年|本年|当年|明年|继续")
# a limit (不超过30万元, 控制在5万元以内): no amount spent
_CAP_BEFORE_RE = re.compile(r"(?:不超过|不高于|不得超过|不得高于|最高|上限为?|控制在|≤|<=)\s*$")
_CAP_AFTER_RE = re.compile(r"\s*(?:以内|以下|为限)")
_CLAUSE_RE = re.compile(r"[，,。；;：:\n]")
_SENTENCE_RE = re.compile(r"[。；;\n]")
_LISTED_RE = re.compile(r"\s*[和、及与]\s*")
# 中央补助标准每亩100元，不足部分由县级统筹解决: another level's standard, the shortfall the form's own
_OTHER_STANDARD_RE = re.compile(r"(?:中央|省级?|市级?)(?:财政)?(?:补助|补贴|奖补)(?:资金)?标准")
_SHORTFALL_RE = re.compile(r"(?:不足|差额|缺口|其余|剩余)部?分?(?:资金)?由(?:[县区乡镇市]|本)级")


def _clause_start(text: str, position: int, pattern=_CLAUSE_RE) -> int:
    found = None
    for found in pattern.finditer(text, max(0, position - 40), position):
        pass
    return found.end() if found is not None else max(0, position - 40)


def _per_thing(token) -> bool:
    """每人每月, 每亩: a standard's 每 of a thing, not of a period alone (每年)."""
    return token.kind == "each" and any(p not in _TIME_WORDS for p in token.per)


def _standard(lexed: Lexed, k: int) -> bool:
    """每人每月1,205元和1,005元: an amount right after a 每 of a thing, or listed after one."""
    tokens, text = lexed.tokens, lexed.text
    if k and _per_thing(tokens[k - 1]) and tokens[k - 1].end == tokens[k].start:
        return True
    return k >= 2 and tokens[k - 1].kind == MONEY and _per_thing(tokens[k - 2]) and tokens[k - 2].end == tokens[
        k - 1].start and bool(_LISTED_RE.fullmatch(text, tokens[k - 1].end, tokens[k].start))


def _background(lexed: Lexed, k: int, later_years: list[int], now_at: int) -> bool:
    text, token = lexed.text, lexed.tokens[k]
    clause = text[_clause_start(text, token.start):token.start]
    if _TAKEN_OVER_RE.search(clause) or _ARRANGED_AFTER_RE.match(text, token.end):
        return False   # (按上年实际支出150万元安排: this year's amount, taken over)
    if _BACKGROUND_RE.search(clause) or _PROJECT_WHOLE_RE.search(clause) and _UNDER_WAY_RE.search(text):
        return True
    if _CAP_BEFORE_RE.search(clause) or _CAP_AFTER_RE.match(text, token.end):
        return True   # 成本指标：单站建设成本不超过30万元: a limit, no amount of this year's spending
    sentence = text[_clause_start(text, token.start, _SENTENCE_RE):token.start]
    years = [int(y) for y in _YEAR_RE.findall(sentence)]
    # 2024年该项目预算150万元…今年继续实施: dated to a year before one named later, or before this year's words after it
    return bool(years) and (any(y > years[-1] for y in later_years) or now_at > token.end)


def background_only(lexed: Lexed, reading) -> bool:
    """Whether the text names no amount of this year's spending (module docstring), with nothing worked out."""
    if reading.steps:
        return False
    text = lexed.text
    money = [k for k, t in enumerate(lexed.tokens) if t.kind == MONEY and t.value is not None and not t.is_rate]
    standards = [k for k in money if _standard(lexed, k)]
    plain = [k for k in money if k not in standards]
    bottom = reading.bottom_line
    if not any(lexed.tokens[k].value == bottom for k in money) and not (
            _OTHER_STANDARD_RE.search(text) and _SHORTFALL_RE.search(text)):
        return False   # (the bottom line a product: only another level's standard, the form's part its shortfall)
    now = max((m.start() for m in _NOW_RE.finditer(text)), default=-1)
    return all(_background(lexed, k, [int(y) for y in _YEAR_RE.findall(text, lexed.tokens[k].end)], now) for k in plain)


_NOT_THIS_YEAR_RE = re.compile(r"上年|去年|总投资|总概算|累计|结转|合同|以前|历年|[一二三]期")


def bounded_only(lexed: Lexed, reading) -> bool:
    """亩均财政投入不低于3000元 with no amount stated: the reader's bottom line is the count times a bound (不低于, 不少于,
    至少, 不超过, 不高于), no figure of this year's spending to hold the form to."""
    if reading.steps or not reading.derivation or "×" not in reading.derivation:
        return False
    tokens, text, standards = lexed.tokens, lexed.text, 0
    for k, t in enumerate(tokens):
        if t.kind != MONEY:
            continue
        if _NOT_THIS_YEAR_RE.search(text, max(0, t.start - 12), t.start) or "概算" in text[max(0, t.start - 6):t.start]:
            continue   # (2024年批复概算3,860万元: the project's estimate, no figure of this year's)
        if not (t.per or k and tokens[k - 1].kind == "each") or not _BOUND_BEFORE_RE.search(text, max(0, t.start - 8), t.start):
            return False   # (an amount of its own, or a standard with no bound: a figure to hold the form to)
        standards += 1
    return standards > 0


_BOUND_BEFORE_RE = re.compile(r"(?:不低于|不少于|至少|不超过|不高于|不得低于|不得超过)\s*$")


def whole_of_split(reading, text: str, amount: Decimal) -> bool:
    """The amount is the whole a split divides while the reader's bottom line is the part of it the split gives the form
    (残疾人就业保障金返还奖励120万元，市、区按4:6分担，区级72万元; 每年1,560万元，按市、区3:7比例分担 with the whole in the amount)."""
    whole = split_whole(reading, text)
    if whole is not None and whole != amount and restated_rounded(lex(text), whole, amount):
        amount = whole   # (合计11,453,400元，约1145.3万元 with 1145.3 in the amount: the whole as restated)
    if whole is None or whole != amount:
        return False
    # (a product's whole, not written in the text, is this year's unless the text names another year or phase)
    return _this_years(text, amount) or not _NOT_THIS_YEAR_RE.search(text) and not any(
        t.kind == MONEY and t.value == amount for t in lex(text).tokens)


def split_whole(reading, text: str = "") -> Decimal | None:
    """The whole a split divides where the reader's bottom line is the form's part of it: from the share step stating that
    part (…区级72万元), or from the part worked out (1560万元市、区按3:7分担，本级70%为1092.00万元); None otherwise. The
    form's amount may carry either (the annual total carries every level's money), so a third figure is set against both."""
    bottom = reading.bottom_line
    if bottom is None:
        return None
    for step in reading.steps:
        if step.kind == "share" and step.holds and step.stated == bottom and step.description:
            whole = next((t for t in lex(step.description).tokens if t.kind == MONEY), None)
            if whole is not None and whole.start == 0 and 0 < step.computed < whole.value:
                return whole.value
            part = OWN_PERCENT_RE.search(step.description) if whole is not None and "×" in step.description[:whole.end] else None
            if part is not None and 0 < Decimal(part[1]) < 100:   # 2座×180万元县、乡按6:4分担，乡（镇）级40%为…: a product's whole
                return (step.computed * 100 / Decimal(part[1])).quantize(Decimal("0.01"))
    derivation = reading.derivation or ""
    if "，本级" in derivation and text:
        whole = next((t for t in lex(derivation).tokens if t.kind == MONEY), None)
        # (the text's own whole, no part of a larger one: 需资金150万元，其中中央…，地方承担60万元，由市、县按1:1分担)
        if whole is not None and whole.start == 0 and bottom < whole.value and not any(
                t.kind == MONEY and not t.per and t.value and t.value > whole.value for t in lex(text).tokens):
            return whole.value
    return None


def _this_years(text: str, amount: Decimal) -> bool:
    """Whether ``text`` writes ``amount`` as a figure of this year (项目总投资200万元，市、区按3:7承担: a whole of all years)."""
    return any(t.kind == MONEY and t.value == amount and not _NOT_THIS_YEAR_RE.search(
        text, _clause_start(text, t.start), t.start) for t in lex(text).tokens)
