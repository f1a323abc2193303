"""Words around a clause's factors that the re-reading (readings.py) must weigh before it multiplies them.

- a number glued to a Latin letter is part of a name, not a factor (4A级景区, 5G基站);
- a count in brackets after 其中 is a part of the count before it, not a second factor
  (抽检食品2,400批次（其中农产品720批次）);
- a daily standard for 全年 runs 365 days (伙食费每人每天22元，全年337,260元);
- a count per unit of a whole named earlier (全镇共14个村。…每村3人，每人每月150元，全年7.56万元) is times that whole.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, RATIO, Lexed, Token
from jixiao_desktop.prose.steps import Step
from jixiao_desktop.prose.words import _num

_NAME_AFTER_RE = re.compile(r"[A-Za-z]")
# (日均运营成本1,850元/辆，年运营成本…: a daily average, a clause of the year's)
_DAILY_RE = re.compile(r"每(?:人|户|床|个)?[天日]|元/(?:人·)?[天日]|日均|天均")
_WHOLE_YEAR_RE = re.compile(r"全年|每年|年度|一年|(?:^|[，,；;：:])\s*年(?=[^\d，,。；;]{0,6}[费额本需计支])")
_DAY_COUNT_RE = re.compile(r"\d+\s*(?:个\s*)?(?:工作)?[天日]|[天日]数")   # (250个工作日: days counted)
_LOOK_BACK = 40


_WORD_AFTER_RE = re.compile(r"(?![乘加万千百十元个年月日天人名户次])[\u4e00-\u9fff]")
_WORD_BEFORE_RE = re.compile(r"[\u4e00-\u9fffA-Za-z\d]")
_OP_BEFORE_RE = re.compile(r"(?:[×*xX＊+＋=＝]|乘以?|加上?)\s*$")


def is_name(lexed: Lexed, token: Token) -> bool:
    """A bare number glued to a Latin letter (4A级, 5G), or to the word after it with no sign of a product on either
    side (120急救站点, 12345热线): part of a name."""
    if token.kind != "number":
        return False
    text = lexed.text
    if _NAME_AFTER_RE.match(text, token.end):
        return True
    # (a service number opening a clause: three digits or more, a word right after, no word or sign of a product before —
    # not 用种150公斤, 渡口3道, whose words before name what they count)
    return (len(token.text) >= 3 and token.text.isdigit() and bool(_WORD_AFTER_RE.match(text, token.end))
            and (token.start == 0 or not _WORD_BEFORE_RE.match(text, token.start - 1))
            and not _OP_BEFORE_RE.search(text, max(0, token.start - 3), token.start))


def in_part_brackets(lexed: Lexed, start: int, token: Token) -> bool:
    """Whether ``token`` stands inside brackets that open with 其中 (a part of the count before them)."""
    before = lexed.text[start:token.start]
    opening = max(before.rfind("（"), before.rfind("("))
    if opening < 0 or max(before.rfind("）"), before.rfind(")")) > opening:
        return False
    return before[opening + 1:].lstrip().startswith("其中")


def factor_tokens(lexed: Lexed, start: int, tokens: list[Token]) -> list[Token]:
    """The clause's tokens less names and bracketed parts of a count."""
    numbers = any(t.kind == "number" for t in tokens)
    parts = bool(tokens) and lexed.text.find("其中", start, tokens[-1].start) >= 0
    if not numbers and not parts:
        return tokens
    return [t for t in tokens if not (numbers and is_name(lexed, t)) and not (
        parts and t.kind == COUNT and in_part_brackets(lexed, start, t))]


def daily_for_a_year(text: str) -> bool:
    """A daily standard for a whole year with no number of days written: 365 days."""
    return bool(_DAILY_RE.search(text)) and bool(_WHOLE_YEAR_RE.search(text)) and not _DAY_COUNT_RE.search(text)


_DOING_RE = re.compile(r"[^，,。；;：:\d（(]{1,10}")


def earlier_wholes(lexed: Lexed, clause: int, index: int) -> list[Decimal]:
    """每村3人 after 全镇共14个村: the counts named before the clause of the unit a 每… count in it is per."""
    tokens = lexed.tokens
    out: list[Decimal] = []
    for k in range(clause, index - 1):
        each, count = tokens[k], tokens[k + 1]
        if each.kind != "each" or count.kind != COUNT or not each.per or (each.end != count.start and not _DOING_RE.fullmatch(
                lexed.text, each.end, count.start)):
            continue   # (每个社区每年开展活动不少于6场: what is done between the 每… and its count)
        unit = each.per[0]
        for j in range(clause - 1, max(-1, clause - _LOOK_BACK), -1):   # a few sentences back, not the whole text
            earlier = tokens[j]
            if earlier.kind == COUNT and earlier.value and (
                    earlier.unit == unit or lexed.text.startswith(unit, earlier.end)):
                out.append(earlier.value)
                break
    return out


_SPREAD_RE = re.compile(r"[^。；;\d]{0,8}?[，,]?\s*分\s*[两二三四五六\d]\s*(?:年|期|个年度)")


def spread_over_years(lexed: Lexed, index: int, tolerance: Decimal) -> bool:
    """总投资1,260万元，分两年实施，2025年安排630万元，按1:1由市、区承担，区级需安排315万元: a total spread over years;
    the amounts after it are one year's and its split, not its parts — the reading holds when the last of them is an
    earlier one times a share its sentence names (a percentage, a party's part of a ratio, or one of each)."""
    if not _SPREAD_RE.match(lexed.text, lexed.tokens[index].end):
        return False
    after: list[Token] = []
    for token in lexed.tokens[index + 1:]:
        if token.kind == "stop" and token.text in "。；;\n":
            break
        after.append(token)
    amounts = [t.value for t in after if t.kind == MONEY and t.value]
    fractions = [t.value / 100 for t in after if t.kind == PERCENT and t.value]
    fractions += [1 - f for f in fractions]   # 市级补助40%，县级需安排…: the rest
    for t in after:
        if t.kind == RATIO and len(t.parts) >= 2 and sum(t.parts):
            fractions += [p / sum(t.parts) for p in t.parts]
    shares = set(fractions) | {a * b for k, a in enumerate(fractions) for b in fractions[k + 1:]}
    return len(amounts) >= 2 and any(abs(whole * share - amounts[-1]) <= tolerance for whole in amounts[:-1] for share in shares)


_NO_COUNT_ENDS = ("元", "个月")   # a product's factors that count nothing of a measure (its standard, its months)
_HUGE = Decimal(10) ** 15   # more than any figure a reading works with (readings.py too)


def count_left_out(step: Step, lexed: Lexed, first: int, index: int) -> tuple[Decimal, str] | None:
    """雇用保洁员14名，每月1800元，共302,400元 read as 1800元×10个月: the clause names one count the walk's product leaves
    out (a standard per month alone, not per person): the product with that count too, the reading naming every factor —
    where it comes nearer the stated figure than the walk's (运营3个站点，每月运营经费1.2万元，全年15万元 and 工资每月合计6万元
    are the month's whole: 14.4万元 the nearer)."""
    counts = [t for t in lexed.tokens[first:index] if t.kind == COUNT and t.value]
    working = step.description.split("＝", 1)[0]
    if len(counts) != 1 or _num(counts[0].value) in working or any(
            f.endswith(counts[0].unit) and not f.endswith(_NO_COUNT_ENDS) for f in working.split("×")):
        return None   # (that count a factor already, however written: 1070400×1.8, 60批次 for 各30、20、10批次)
    if counts[0].value == 1 or abs(counts[0].value) >= _HUGE:
        return None
    fuller = round_fen(step.computed * counts[0].value)
    if abs(fuller - step.stated) >= abs(step.computed - step.stated):
        return None
    return fuller, counts[0].text
