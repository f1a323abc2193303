"""More plausible readings of a failing step, in the spirit of :mod:`jixiao_desktop.prose.readings`: a clerk's
calculation is almost always right when some natural reading of it holds, and a warning on a correct text teaches
the clerk to ignore warnings. Each reading here is one a clerk's words allow and the reader's single reading
missed; a step is dropped only when its stated figure is what that reading makes, exactly (within the figure's
written precision), so a wrong figure stays found:

- **a bracket restating** what stands before it: 180人（分3期，每期60人） is 180 people, not 180 × 3 × 60; 每月3.5万元
  （全年42万元） is that standard's year, not a total of everything before it;
- **the year's count of what a standard is per** (每个社区每月1场，86个社区，全年1,032场，每场300元): that count alone;
- **a fraction or percentage left out**: 按补贴社保费的2/3计, 本年度发放三分之一, 按入住率68%: the reader's product
  times it;
- **an amount that is no item of a sum**: one restated at once (计264.384万元，取整264.38万元), the base of a
  percentage (全县资金3,628.4万元，按40%…), a share said with its 占N%;
- **results listed in the order of their items** (小学29.7亿元、初中18.6亿元，合计…): the list adds up;
- **standards listed, then their counts in the same order** (奖励A类100万元、B类50万元…A类1家、B类2家，合计200万元);
- **sub-totals of runs of a list** (1.…；2.…；…其中人员类小计…，公用类小计…);
- **groups counted apart at one standard** (春季1,236人，秋季1,310人，每生每学期1,500元，两学期共…);
- **a percentage of a standard** (按个人缴费380元的50%资助39,871人): a standard itself, times the count;
- **a remainder of which whole** (2025年安排4,200万元，省级1,500万元，市级800万元，其余1,900万元; 2个乡镇各100万元);
- **a split of what is left** (总投资500万元，社会资本100万元，财政投入部分由市、县按4:6).

Only failing steps are looked at, each within a few sentences, so reading stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, RATIO, Lexed, Token

_OPERAND = frozenset((COUNT, MONEY, PERCENT, "number", "months", "years"))
from jixiao_desktop.prose.numerals import cn_number
from jixiao_desktop.prose.more_looks import (
    daily_over_year, own_levels_percent, per_head_period, products_summed_after, standards_side_by_side,
)
from jixiao_desktop.prose.steps import Step, near_stated as _near, other_reading

_KINDS = frozenset(("product", "sum", "percent_of", "remainder", "share"))
_LOOK = 48                                   # tokens looked at before a stated figure
_CLAUSE_RE = re.compile(r"[，,、；;：:。\n]")
_FRACTION_RE = re.compile(r"(?<![\d.])(\d{1,2})\s*/\s*(\d{1,2})(?![\d.])|([一二两三四五六七八九十]{1,2})分之([一二三四五六七八九十]{1,2})")
_RESTATED_RE = re.compile(r"^[，,（(\s]*(?:取整|约合|折合|约为|即|四舍五入)[为后]?\s*$")
_BASE_AFTER_RE = re.compile(r"^[^。；;\n]{0,12}?(?:按|的|占)[^。；;\n\d]{0,6}$")
_LIST_GAP_RE = re.compile(r"^[、，,和及与][^，,。；;\d]{0,8}$")
_STANDARD_GAP_RE = re.compile(r"^[、，,][^，,。；;\d]{0,10}$")
_EACH_RE = re.compile(r"各\s*$")
_TOTAL_RE = re.compile(r"合计|共|总|累计|小计")
_TOTAL_AFTER_RE = re.compile(r"[）)]\s*[，,]?\s*(?:合计|共计|总计|共|计)[需为达]?\s*")
_SUBTOTAL_RE = re.compile(r"小计[^，,。；;\d]{0,4}$")


def _plain(window: list[Token], k: int) -> bool:
    """An amount of its own, no standard (元/人, or 每月 before it)."""
    token = window[k]
    return token.kind == MONEY and bool(token.value) and not token.per and not (k and window[k - 1].kind == "each")


def explained(step: Step, lexed: Lexed, index: int, ends: list[int], starts: list[int]) -> bool | Step:
    """Whether another plausible reading of the words before the failing ``step`` (its stated figure at token
    ``index``) makes exactly its stated figure; or the step it is then (the same working against a later figure)."""
    if step.stated is None or step.kind not in _KINDS:
        return False
    position = lexed.tokens[index].start
    k = bisect_left(ends, position)   # (the starts of this sentence and the one before, one bisection)
    sentence, earlier = ends[k - 1] if k > 0 else 0, ends[k - 2] if k > 1 else 0
    first = bisect_left(starts, earlier, index - _LOOK if index > _LOOK else 0, index)   # (and no more than _LOOK back)
    window = lexed.tokens[first:index]
    if step.kind == "share":
        return _share_of_difference(step, window)
    if step.kind == "remainder":
        return _remainder(step, lexed, window)
    here = lexed.tokens[bisect_left(starts, sentence, first, index):index]
    if step.kind == "percent_of":
        own = own_levels_percent(step.description, step.computed, lexed.text, window, position) if sum(
            t.kind == PERCENT for t in window) >= 2 else None
        if own is not None:
            return True if _near(own[0], step) else Step(step.kind, own[1], own[0], step.stated, step.uncertain, step.tolerance,
                                                         step.start, step.end)
        return any(_near(step.computed * t.value, step) for t in here if t.kind == COUNT and t.value)
    text = lexed.text
    if text.find("（", sentence, position) >= 0 or text.find("(", sentence, position) >= 0:
        other = _restated_counts(step, lexed, here) or _bracketed_result(step, lexed, index)
        if other:
            return other
    counts = [t for t in window if t.kind == COUNT and t.value]
    return (_factor_left_out(step, lexed, sentence, index, here) or _own_measure_count(step, here) or _not_an_item(step, lexed, window)
            or _listed_results(step, lexed, index) or (len(counts) >= 2 and (
                _standards_then_counts(step, window, counts) or _groups_at_one_standard(step, window, counts)))
            or _subtotal_run(step, lexed, index, window) or _standard_of_one(step, lexed, window)
            or _measures_of_groups(step, here) or _summed_after(step, window) or _side_by_side(step, text, window)
            or daily_over_year(step, text, sentence, position))


def _side_by_side(step: Step, text: str, window: list[Token]) -> bool | Step:
    """A sum reading an amount named right after a standard as an item of its own (see more_looks)."""
    other = standards_side_by_side(step.description, step.computed, step.stated, text, window) if step.kind == "sum" else None
    return False if other is None else other_reading(step, *other)



def _restated_counts(step: Step, lexed: Lexed, here: list[Token]) -> bool:
    """180人（分3期，每期60人）: counts in a bracket whose product is the count just before it restate it."""
    text = lexed.text
    for k, token in enumerate(here):
        if token.kind != COUNT or not token.value or text[token.end:token.end + 1] not in ("（", "("):
            continue
        close = min((p for p in (text.find("）", token.end), text.find(")", token.end)) if p > 0), default=-1)
        inside = [t for t in here[k + 1:] if t.end <= close and t.kind == COUNT and t.value]
        product = Decimal(1)
        for t in inside:
            product *= t.value
        if len(inside) >= 2 and product == token.value and _near(step.computed / product, step):
            return True
    return False


def _bracketed_result(step: Step, lexed: Lexed, index: int) -> bool | Step:
    """每月3.5万元（全年42万元）: a figure in brackets after a standard is that standard's year (or its months); the
    sum the reader set against it is then what a total just after the bracket (，合计328万元) states."""
    text, tokens = lexed.text, lexed.tokens
    if index == 0 or tokens[index - 1].kind != MONEY:
        return False
    begin = tokens[index - 1].end
    opened = max(text.rfind("（", begin, tokens[index].start), text.rfind("(", begin, tokens[index].start))
    if opened < 0 or tokens[index - 1].end > opened or tokens[index - 1].kind != MONEY:
        return False
    if opened - tokens[index - 1].end > 2 or tokens[index].start - opened > 8:
        return False
    from jixiao_desktop.prose.readings import _readings   # (readings asks this module: imported when needed)
    clause = max((m.end() for m in _CLAUSE_RE.finditer(text, max(0, opened - 30), tokens[index - 1].start)), default=0)
    first = index - 1
    while first > 0 and tokens[first - 1].start >= clause:
        first -= 1
    if not any(_near(v, step) for v in _readings(lexed, clause, first, index)):
        return False
    later = next((t for t in tokens[index + 1:index + 3] if t.kind == MONEY and t.value and not t.per), None)
    if step.kind != "sum" or later is None or not _TOTAL_AFTER_RE.fullmatch(text, tokens[index].end, later.start):
        return True
    if abs(later.value - step.computed) <= step.tolerance:
        return True
    return Step(step.kind, step.description, step.computed, later.value, step.uncertain, step.tolerance, later.start, later.end)


def _fractions(text: str) -> list[Decimal]:
    out = []
    for m in _FRACTION_RE.finditer(text):
        if m.group(1):
            top, bottom = Decimal(m.group(1)), Decimal(m.group(2))
        else:
            top, bottom = cn_number(m.group(4)), cn_number(m.group(3))
        if top and bottom and top < bottom:
            out.append(top / bottom)
    return out


def _factor_left_out(step: Step, lexed: Lexed, sentence: int, index: int, here: list[Token]) -> bool:
    """按补贴社保费的2/3计 / 按实际入住率68%: the product times a fraction or percentage its sentence names (``here``:
    the tokens of its sentence before the stated figure, at most _LOOK)."""
    if step.kind != "product":
        return False
    text = lexed.text[sentence:lexed.tokens[index].start]
    factors = _fractions(text) if "/" in text or "分之" in text else []
    factors += [t.value / 100 for t in here if t.kind == PERCENT and t.value]
    if "个月" in step.description and not any(t.text in step.description for t in here if t.kind == COUNT):
        # 聘用保洁员96名，月均工资4,650元，全年…: a standard per month alone, the people the one count of its sentence
        factors += [t.value for t in here if t.kind == COUNT and t.value and not t.per]
    if "×" in text or "乘" in text:
        factors += [t.value for t in here if t.kind in ("number", "years", "months") and t.value and per_head_period(lexed.text, sentence, t)]
    return any(_near(step.computed * f, step) for f in factors)


def _summed_after(step: Step, window: list[Token]) -> bool | Step:
    """A sum counting a written product beside the figure that sums it with the next (see more_looks)."""
    if step.kind != "sum" or step.computed <= step.stated or "×" not in step.description:
        return False
    kept = products_summed_after(step.description, window)
    if kept is None:
        return False
    if _near(kept[0], step):
        return True
    return Step(step.kind, kept[1], round_fen(kept[0]), step.stated, step.uncertain, step.tolerance, step.start, step.end)


def _own_measure_count(step: Step, here: list[Token]) -> bool:
    """每个社区每月1场，86个社区，全年1,032场，每场300元: a standard per 场 times the last count of 场 its sentence
    states (the year's count, itself worked out), alone — where the sentence states a count of 场 per period too."""
    if step.kind != "product" or len(here) < 3 or here[-1].kind != MONEY or here[-2].kind != "each" or not here[-1].value:
        return False
    per = here[-2].per
    if len(per) != 1:
        return False   # (每人每天: per two things, both to be counted)
    counts = [k for k in range(len(here) - 2) if here[k].kind == COUNT and here[k].value and here[k].unit in per]
    if len(counts) < 2 or here[counts[-1] - 1].kind == "each":
        return False   # (每季度2次，每次8,000元: a count per period, not the year's; only where both are stated)
    return _near(here[counts[-1]].value * here[-1].value, step)


def _measures_of_groups(step: Step, here: list[Token]) -> bool | Step:
    """县级河道4条共计186.4公里、乡级河道11条共计213.6公里，每公里每年1000元: groups each counted in the measure the
    standard is per (公里) and in things of another (条, which only describe them): the standard times the measure's
    counts summed — the step with that working where it does not make the stated figure either."""
    if step.kind != "product":
        return False
    for k, each in enumerate(here[:-1]):
        standard = here[k + 1]
        if each.kind != "each" or not each.per or standard.kind != MONEY or not standard.value:
            continue
        before = here[:k]
        measured = before[1::2]   # (only pairs of a count of things then its measure, nothing else before the 每)
        if len(before) >= 4 and len(before) % 2 == 0 and all(t.kind == COUNT and t.value for t in before) and all(
                t.unit == each.per[0] for t in measured) and all(t.unit != each.per[0] for t in before[::2]):
            value = round_fen(sum((t.value for t in measured), Decimal(0)) * standard.value)
            if _near(value, step):
                return True
            working = f"（{'＋'.join(t.text for t in measured)}）×{standard.text}＝{value:f}元"
            return Step(step.kind, working, value, step.stated, step.uncertain, step.tolerance, step.start, step.end)
    return False


def _not_an_item(step: Step, lexed: Lexed, window: list[Token]) -> bool:
    """An amount restated at once (取整, 约合), the base of a percentage after it, or a share said with 占N%:
    the sum without it."""
    if step.kind != "sum" or step.computed + step.tolerance + 1 <= step.stated:
        return False   # (a sum without a positive amount is smaller still: only one too large can be read so)
    text = lexed.text
    for k, token in enumerate(window[:-1]):
        after = window[k + 1]
        if (after.kind != MONEY and after.kind != PERCENT) or not _plain(window, k):
            continue   # (only an amount or a percentage after it makes it no item)
        restated = after.kind == MONEY and _RESTATED_RE.match(text[token.end:after.start]) and after.value and abs(
            after.value - token.value) <= token.value / 100
        based = after.kind == PERCENT and _BASE_AFTER_RE.match(text[token.end:after.start])
        if (restated or based) and _near(step.computed - token.value, step):
            return True
    return False


def _listed_results(step: Step, lexed: Lexed, index: int) -> bool:
    """小学29.7072亿元、初中18.6402亿元: the stated figure opens a list of results that adds up to the sum."""
    if step.kind != "sum":
        return False
    tokens, total = lexed.tokens, step.stated
    k = index
    while k + 1 < len(tokens) and tokens[k + 1].kind == MONEY and tokens[k + 1].value and _LIST_GAP_RE.match(
            lexed.text[tokens[k].end:tokens[k + 1].start]) and not _TOTAL_RE.search(lexed.text[tokens[k].end:tokens[k + 1].start]):
        k += 1
        total += tokens[k].value
        if abs(total - step.computed) <= step.tolerance * (k - index + 1):
            return True
    return False


def _in_pairs(standards: list[Token], counts: list[Token]) -> Decimal | None:
    if not 2 <= len(counts) == len(standards) <= 6 or len({c.unit for c in counts}) != 1:
        return None
    return sum((c.value * s.value for c, s in zip(counts, standards)), Decimal(0))


def _standards_then_counts(step: Step, window: list[Token], counts: list[Token]) -> bool:
    """Standards listed (每人1,000元、1,500元、2,000元), then the counts in the same order (4,200人、2,600人、900人)."""
    first_count = counts[0].start
    standards = [t for t in window if t.kind == MONEY and t.value and t.end <= first_count]
    later_money = [t for t in window if t.kind == MONEY and t.start > first_count]
    if later_money:
        return False
    total = _in_pairs(standards[-len(counts):], counts)
    return total is not None and _near(total, step)


def _subtotal_run(step: Step, lexed: Lexed, index: int, window: list[Token]) -> bool:
    """…其中人员类小计774,144元，公用类小计285,800元: a 小计 of a run of the items listed."""
    if step.kind != "sum" or not _SUBTOTAL_RE.search(lexed.text[max(0, lexed.tokens[index].start - 12):lexed.tokens[index].start]):
        return False
    values = [t.value for k, t in enumerate(window) if _plain(window, k)]
    for a in range(len(values)):
        total = Decimal(0)
        for b in range(a, len(values)):
            total += values[b]
            if b > a and abs(total - step.stated) <= step.tolerance:
                return True
    return False


def _groups_at_one_standard(step: Step, window: list[Token], counts: list[Token]) -> bool:
    """春季1,236人，秋季1,310人，每生每学期1,500元，两学期共…: groups counted apart, each at the one standard; a
    count of the groups themselves (两学期) names them, no factor more."""
    if len(counts) < 3:
        return False
    standards = [t for k, t in enumerate(window) if t.kind == MONEY and t.value and (t.per or k and window[k - 1].kind == "each")]
    if len(standards) != 1 or len(counts) < 3:
        return False
    groups = [c for c in counts if c.start < standards[0].start]
    after = [c for c in counts if c.start > standards[0].start]
    if len(groups) < 2 or len({c.unit for c in groups}) != 1 or len(after) != 1 or after[0].value != len(groups):
        return False
    return _near(sum((c.value for c in groups), Decimal(0)) * standards[0].value, step)


def _standard_of_one(step: Step, lexed: Lexed, window: list[Token]) -> bool:
    """县文化馆每馆每年50万元；乡镇文化站18个，每站每年5万元…合计: a standard of a clause with no count of its own is
    for the one thing its clause names, an item of the sum."""
    if step.computed >= step.stated + step.tolerance + 1:
        return False   # (the reading with a positive standard more is larger still: only one too small can be read so)
    text = lexed.text
    for k in range(1, len(window)):
        token = window[k]
        if token.kind != MONEY or not token.value or window[k - 1].kind != "each" or not _near(step.computed + token.value, step):
            continue
        if text[token.end:token.end + 1] not in ("；", ";", "。", "\n"):
            continue   # (办公费每月2,000元，全年24,000元: a standard with a result of its own)
        clause = max((m.end() for m in _CLAUSE_RE.finditer(text, max(0, token.start - 40), token.start)), default=0)
        if any(t.kind == COUNT and clause <= t.start < token.start for t in window) or len(
                text[clause:window[k - 1].start].strip()) < 2:
            continue   # (。每个奖补30万元。: the count of an earlier sentence's things, no one thing of its own)
        if any(t.kind == COUNT and t.value and t.value * token.value == step.computed for t in window):
            continue   # (the standard the reader's product already counts)
        if not (clause and text[clause - 1] in "，,、"):
            return True
    return False


def _remainder(step: Step, lexed: Lexed, window: list[Token]) -> bool:
    """其余/余下: an earlier amount less the amounts named after it (2个乡镇各100万元: twice 100万元)."""
    text = lexed.text
    amounts: list[tuple[Token, Decimal]] = []
    for k, token in enumerate(window):
        if not _plain(window, k):
            continue
        value = token.value
        if _EACH_RE.search(text[max(0, token.start - 3):token.start]) and k and window[k - 1].kind == COUNT and window[k - 1].value:
            value *= window[k - 1].value
        amounts.append((token, value))
    for k, (whole, _value) in enumerate(amounts):
        taken = sum((v for _t, v in amounts[k + 1:]), Decimal(0))
        if len(amounts) - k >= 2 and _near(whole.value - taken, step):
            return True
    return False


def _share_of_difference(step: Step, window: list[Token]) -> bool:
    """总投资500万元，社会资本100万元，财政投入部分由市、县按4:6: a split of what one amount leaves of another."""
    ratio = next((t for t in window if t.kind == RATIO and len(t.parts) >= 2 and sum(t.parts)), None)
    # (the whole and the part it leaves are named before the split: a share of the split itself is no such part)
    amounts = [t.value for t in window if t.kind == MONEY and t.value and not t.per and (ratio is None or t.start < ratio.start)]
    if len(amounts) < 2:
        return False   # (no whole and part)
    fractions = [p / sum(t.parts) for t in window if t.kind == RATIO and len(t.parts) >= 2 and sum(t.parts) for p in t.parts]
    fractions += [t.value / 100 for t in window if t.kind == PERCENT and t.value]
    for k, whole in enumerate(amounts):
        for part in amounts[k + 1:]:
            if part < whole and any(_near((whole - part) * f, step) for f in fractions):
                return True
    return False


# -- listed counts and standards (the reader's own readings, used by readings.py) ----------------------
def in_order(tokens: list[Token]) -> Decimal | None:
    """Σ count × standard where a clause lists n counts of one measure and then n standards: each standard is for the
    count in the same place of its list; None for any other shape."""
    counts = [t for t in tokens if t.kind == COUNT and t.value]
    standards = [t for t in tokens if t.kind == MONEY and t.value]
    if not 2 <= len(counts) == len(standards) <= 6 or counts[-1].start > standards[0].start:
        return None
    if len({c.unit for c in counts}) != 1 or any(t.kind in _OPERAND and t.kind not in (COUNT, MONEY) and t.value for t in tokens):
        return None
    return sum((c.value * s.value for c, s in zip(counts, standards)), Decimal(0))


def paired(tokens: list[Token]) -> Decimal | None:
    """The sum of count × standard over a clause that lists its items as a count, then the standard it is at
    (each count named once, each standard after its own count); None for any other shape."""
    total, count = Decimal(0), None
    pairs = 0
    for token in tokens:
        if token.kind == COUNT and token.value:
            if count is not None:
                return None
            count = token.value
        elif token.kind == MONEY and token.value:
            if count is None:
                return None
            total, count, pairs = total + count * token.value, None, pairs + 1
        elif token.kind in _OPERAND:
            return None
    return total if pairs >= 2 and count is None else None
