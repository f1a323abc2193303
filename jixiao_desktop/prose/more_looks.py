"""Two more plausible readings of a failing step, looked at by :mod:`jixiao_desktop.prose.second_looks` (kept here so
that module stays small): each names what the words allow; second_looks drops the step only where that reading makes
its stated figure exactly.

- **a standard times a period per head** (补助标准为服役年限×3,000元，平均服役年限2.5年): the mean period is one more
  factor of the count × the standard;
- **written products, then their sum** (泵3台×1.5万元、发电机5台×0.8万元，即8.5万元): a sum that counted one of those
  products beside the figure that already holds it counts it twice;
- **standards side by side** (每人每月工资1,500元，通讯补贴200元，按12个月计): an amount named right after a standard,
  with no per of its own, is a standard of the same things and period — times what that standard is times;
- **a day's count over the year** (日均处理量86吨，处置费78元/吨，全年…): the product of a daily count is the day's; the
  year's is 365 of it;
- **each level's percentage** (按市三成、区七成负担，区级需安排…): the stated figure of a level is the whole times
  that level's percentage, not the first one listed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, Token
from jixiao_desktop.prose.steps import PERCENT_WORKING_RE, in_its_unit, other_reading
from jixiao_desktop.prose.words import party_of

_PER_HEAD_PERIOD_RE = re.compile(r"平均\s*([^，,。；;\d]{0,6}(?:年限|年数|工龄|月数|天数|期限))\s*(?:为|约|达)?\s*$")


def per_head_period(text: str, sentence: int, token: Token) -> bool:
    """Whether ``token`` is the mean of a period per head (平均服役年限2.5年) that its sentence (from ``sentence``)
    writes a standard times (服役年限×3,000元 / 3,000元×服役年限 / 乘以服役年限)."""
    named = _PER_HEAD_PERIOD_RE.search(text, max(sentence, token.start - 12), token.start)
    if named is None:
        return False
    before = text[sentence:token.start]
    return any(f"{word}×" in before or f"×{word}" in before or f"乘以{word}" in before for word in (named[1], named[1][-2:]))


def products_summed_after(description: str, window: list[Token]) -> tuple[Decimal, str] | None:
    """For a failing sum (its ``description``) over the tokens ``window`` before its stated figure: what it makes
    without the written products that a figure right after them sums (count × money, at least two), and its
    description — None where there are none among its terms."""
    from jixiao_desktop.prose.restatements import terms   # (restatements reads second_looks' neighbours: imported when needed)
    for k in range(6, len(window)):
        token = window[k]
        if token.kind != MONEY or not token.value or token.per:
            continue
        products, j = [], k - 1
        while j >= 2 and window[j].kind == MONEY and window[j - 1].kind == "op" and window[j - 1].text == "×" \
                and window[j - 2].kind == COUNT and window[j - 2].value:
            products.append(window[j - 2].value * window[j].value)
            j -= 3
        if len(products) < 2 or sum(products) != token.value:
            continue
        parts = terms(description) or []
        kept = list(parts)
        for term in parts:
            if "×" in term.text and term.value in products:
                kept.remove(term)
        if kept and len(kept) < len(parts):
            value = round_fen(sum((t.value for t in kept), Decimal(0)))
            return value, "＋".join(t.text for t in kept) + f"＝{in_its_unit(description, value)}"
    return None


def own_levels_percent(description: str, computed: Decimal, text: str, window: list[Token], position: int) -> tuple[Decimal, str] | None:
    """For a failing percentage of a whole (its ``description``, ``computed``) whose stated figure at ``position``
    names a level (区级需安排…): the whole times the percentage that same level is named with in ``window`` (按市三成、
    区七成), and its words — None where no other percentage is that level's."""
    used = PERCENT_WORKING_RE.search(description)
    if used is None or not Decimal(used[1]):
        return None
    party = party_of(text, position)
    if party is None:
        return None
    whole = computed * 100 / Decimal(used[1])
    own = [t for t in window if t.kind == PERCENT and t.value and t.value != Decimal(used[1])
           and party_of(text, t.start) == party]
    if len(own) != 1:
        return None
    value = round_fen(whole * own[0].value / 100)
    return value, description[:used.start()] + f"的{own[0].value.normalize():f}%为{in_its_unit(description, value)}"


# the names of costs met once for the whole (equipment, training, publicity…), never a standard beside another
_LUMP_NAME_RE = re.compile(r"购置|采购|购买|设备|工具|宣传|培训|印刷|会议|维修|维护|建设|装备|物资|资料|办公|检测|评审|审计|监理|设计|慰问|租赁|场地")
_NAMED_BESIDE_RE = re.compile(r"[\s，,、]+[^\d，,。；;：:\n×*＋+（()）]{1,10}?[\s:：]*(?:为|按)?\s*")


def standards_side_by_side(description: str, computed: Decimal, stated: Decimal, text: str,
                           window: list[Token]) -> tuple[Decimal, str] | None:
    """For a failing sum (its ``description``) short of its ``stated`` figure: what it makes once each amount named
    right after a standard (每人每月工资1,500元，通讯交通补贴200元) is read as a standard of the same things and
    period — times what the standard before it is times in the sum's terms — and its working; None where no amount
    is so named, or where that reading is no nearer the stated figure."""
    if computed >= stated or "×" not in description:
        return None
    from jixiao_desktop.prose.restatements import terms   # (restatements reads second_looks' neighbours: imported when needed)
    parts = terms(description)
    if not parts:
        return None
    value, words = computed, [t.text for t in parts]
    for k in range(len(window) - 1):
        standard, beside = window[k], window[k + 1]
        if (standard.kind != MONEY or not (standard.per or k and window[k - 1].kind == "each") or not standard.value
                or beside.kind != MONEY or beside.per
                or not beside.value or not _NAMED_BESIDE_RE.fullmatch(text, standard.end, beside.start)
                or _LUMP_NAME_RE.search(text, standard.end, beside.start)):
            continue   # (工具购置费300元, 培训费5,000元: a cost of the whole, no standard of each)
        at = next((i for i, t in enumerate(parts[1:], 1) if "×" not in t.text and t.value == beside.value
                   and "×" in parts[i - 1].text), None)
        if at is None:
            continue
        times = parts[at - 1].value / standard.value
        if times <= 1 or times != times.to_integral_value():
            continue
        value += beside.value * (times - 1)
        words[at] = f"{words[at]}×{times:f}"
    if value == computed or abs(value - stated) >= stated - computed:
        return None
    value = round_fen(value)
    return value, "＋".join(words) + f"＝{in_its_unit(description, value)}"


_DAILY_RE = re.compile(r"日均|每日|每天|一天")   # (平均每天 holds 每天)
_DAYS_COUNTED_RE = re.compile(r"[\d一二三四五六七八九十百]\s*(?:个)?(?:天|日(?![均常])|工作日)|天数")
_YEARLY_STATED_RE = re.compile(r"(?:全年|年度|每年|一年)[^，,。；;\d]{0,8}$")


def daily_over_year(step, text: str, sentence: int, position: int):
    """For a failing product whose stated figure (at ``position``) is the year's (全年…) in a sentence (from
    ``sentence``) that counts by the day (日均86吨, 每天接诊40人次) with no days counted: True where 365 days of the
    product make it; the step over 365 days where that comes nearer; else False."""
    if step.kind != "product" or "天" in step.description or "日" in step.description or "年" in step.description:
        return False
    if not _YEARLY_STATED_RE.search(text, max(sentence, position - 12), position) or not _DAILY_RE.search(text, sentence, position):
        return False
    if _DAYS_COUNTED_RE.search(text, sentence, position):
        return False   # (按250个工作日 / 运行330天: the days are counted another way)
    value = round_fen(step.computed * 365)
    return other_reading(step, value, step.description.rsplit("＝", 1)[0] + f"×365天＝{in_its_unit(step.description, value)}")

