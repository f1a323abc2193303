"""Other plausible readings of a calculation the reader found not to hold.

The reader takes one reading of each sentence: which count a standard is per, which items a total covers,
how many months a monthly standard runs. Clerks' words often allow another, and a clerk's calculation is
almost always right when some natural reading of it holds — a reported mismatch that a second reading
explains is a false alarm, as much a defect as a miss. So before a mismatch is reported, the words around
its stated figure are read again in the other ways the grammar allows, and the mismatch is kept only when
none of them holds:

- **written arithmetic** (（1,736×80+2,104×100）×12=419.136万元, (2,800×12+360)×15=…): an expression with
  brackets, + and × written out before ＝ is the clerk's own working; it is evaluated as written and,
  where it does not hold, replaces the reader's reading (it is the most natural one);
- **every factor named once**: the stated figure is a standard of its clause (or sentence) times all the
  counts named before it (指导员1名、调查员3名: also summed), its years, its percentages or not, and its
  months (the span named, else the months written, else 12 for 全年 of a monthly standard, 4 for 每季度).
  No reading drops a factor or an amount the text names (全年 of a monthly standard left out, 福利院补助5万元
  beside a product are the mistakes to find);
- **a share of which whole**: a stated share is an amount of its sentence times one of its percentages;
- **a figure counted twice** (:mod:`.restatements`): a sum still failing is read again without its restated terms
  (a written result beside its working, a count worked out, a standard restated by its parts).

Only failing steps are read again, each within its sentence, so reading stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import combinations
from operator import attrgetter
from decimal import Decimal

from jixiao_desktop.money import AmountUnit, format_with_unit, round_fen
from jixiao_desktop.prose.added import added_percent
from jixiao_desktop.prose.arithmetic import evaluate_written, expression_before
from jixiao_desktop.prose.listed_results import listed_results_total
from jixiao_desktop.prose.listed_runs import listed_run
from jixiao_desktop.prose.factor_words import _HUGE, count_left_out, daily_for_a_year, earlier_wholes, factor_tokens, spread_over_years
from jixiao_desktop.prose.fifth_looks import percent_of_items, product_in_all, raised_standard, results_listed
from jixiao_desktop.prose.fourth_looks import percent_reread, product_reread, sum_reread
from jixiao_desktop.prose.numbered import numbered_total
from jixiao_desktop.prose.listed_counts import each_named_count
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, RATIO, Lexed, Token
from jixiao_desktop.prose.periods import month_span, months_from, one_year_paid
from jixiao_desktop.prose.products import rate_percent_words
from jixiao_desktop.prose.respective_lists import respective_lists
from jixiao_desktop.prose.restatements import forget_terms, parts_restated, without_restatements
from jixiao_desktop.prose.sixth_looks import sixth_looks
from jixiao_desktop.prose.second_looks import explained, in_order as _in_order, paired as _paired
from jixiao_desktop.prose.third_looks import product_explained, share_explained, sum_explained
from jixiao_desktop.prose.standard_parts import part_of_standard, share_of_rest
from jixiao_desktop.prose.words import _RX11, party_of, start_before as _start_before, token_start
from jixiao_desktop.prose.steps import Reading, Step

# the kinds of step another reading may explain (months against a named span, and level shares checked
# against their own percentages, are read the one way the text fixes)
_PRODUCT_KINDS = frozenset(("product", "sum"))
_SHARE_KINDS = frozenset(("percent_of", "share"))
_REREAD_KINDS = _PRODUCT_KINDS | _SHARE_KINDS | {"remainder"}
_MAX_FACTORS = 9
_START = attrgetter("start")
_PERIOD_UNITS = frozenset(("季度", "季", "学期", "周", "天", "日", "工作日"))   # counts that are periods (4个季度, 250个工作日)
_MAX_PERCENTS = 5   # a share may be the sum of some of its sentence's percentages (at most 31 sums)
_CENT = Decimal("0.01")
_STANDARD_RE = re.compile(r"每|均|标准|按|费率|单价|保费|价")
_SENTENCE_END_RE = re.compile(r"[。\n!！]")
_LAST_SEMI_RE = re.compile(r".*[；;]", re.S)   # (greedy: it ends just after the last ；;)
# listed counts of one measure, each for its own group (指导员1名、调查员3名; 一级残疾人1,128人，二级残疾人1,946人;
# 60-79周岁对象1,045人，80周岁以上对象83人: an age names a group)
_JOINED_RE = re.compile(r"(?:[、和及与]|[，,](?![^，,。；;\d]*(?:其中|含|包括|共|合计)))(?:\d+周?岁(?:以上|以下)?|[^，,。；;\d]){0,8}")
_LISTED_RE = re.compile(r"[、和及与][^，,。；;\d]{0,6}")
_ALIKE_RE = re.compile(r"[，,][^，,。；;\d]{0,8}(?:均|都|同)为")
_HEADING_RE = re.compile(r"[^，,。；;\d]{0,8}[：:]")
_GROUPS_RE = re.compile(r"[，,、][^，,。；;\d]{0,16}")
_UP_TO_RE = re.compile(r"[付拨]至[^，,。；;\d]{0,6}$")

# -- products of a sentence's factors -------------------------------------------------------------------
_KINDS_OF_SPENDING_RE = re.compile(r"补贴|补助|资金|经费|政策|工作|任务|保险")
_MONTHLY_RE = re.compile(r"(?<![\d０-９一二两三四五六七八九十])月")


def _readings(lexed: Lexed, start: int, first: int, index: int, combined_only: bool = False) -> list[Decimal]:
    """The products of the clause from ``start`` (its tokens ``first``..``index``, the stated figure
    excluded) that name every factor once: each standard of the clause times all its counts (listed counts
    of one measure also summed: 指导员1名、调查员3名 are 4 each), its years, with or without its percentages,
    and its months — the span it names, else the months it writes, else 12 when a standard is monthly and
    nothing says otherwise. A factor named in the text is never left out: a reading that drops one is no
    plausible reading of the same words."""
    if index - first > 3 * _MAX_FACTORS:   # (too long a clause to be one product)
        return []
    tokens = factor_tokens(lexed, start, lexed.tokens[first:index])
    standards = [t.value for t in tokens if t.kind == MONEY and t.value][-_MAX_FACTORS:]
    if not standards:
        return []
    for k, token in enumerate(tokens):
        if token.kind == MONEY and not token.per and not (k and tokens[k - 1].kind == "each") and not _STANDARD_RE.search(
                lexed.text[max(start, token.start - 6):token.start]) and not (
                k and tokens[k - 1].kind == MONEY and _LISTED_RE.fullmatch(lexed.text[tokens[k - 1].end:token.start])):
            paired = _paired(tokens)   # 景区1个奖励100万元，3A级景区2个各奖励30万元: each amount after its own count
            if paired is None and tokens[0].kind == COUNT and tokens[-1].kind == MONEY:   # 微耕机820台、收割机38台，单台补贴分别为800元、4,200元: in the order listed
                paired = _in_order(tokens)
            return [paired] if paired is not None else []   # an amount of its own (福利院补助5万元) is never left out
    counts = [t for t in tokens if t.kind in (COUNT, "number") and t.value and not (
        t.unit == "项" and _KINDS_OF_SPENDING_RE.match(lexed.text, t.end))]   # (残疾人两项补贴: kinds, no factor)
    if "各" in lexed.text[start:lexed.tokens[index].start]:   # (春节、端午各一次，每次…: two in all, as the reader counts)
        counts = [_each_named_count(lexed, t, start) if t.kind == COUNT else t for t in counts]
    variants = [(Decimal(1), None)]
    for k, count in enumerate(counts):
        joined = k > 0 and counts[k - 1].unit == count.unit and counts[k - 1].kind == COUNT == count.kind and (_JOINED_RE.fullmatch(
            lexed.text[counts[k - 1].end:count.start]) or _ALIKE_RE.match(lexed.text, count.end) and _GROUPS_RE.fullmatch(
            lexed.text[counts[k - 1].end:count.start]))   # 甲类对象4,215人，乙类对象3,870人，标准均为每人…: one standard for both
        variants, summed = listed_run(variants, count.value, counts[k - 1].value if k else None, joined)
        if k == 0 and len(counts) > 2 and _HEADING_RE.match(lexed.text, count.end):
            variants += summed   # 残疾人两项补贴：…: the count of a heading names the groups listed after it, or is a factor
    variants = [v for v, _ in variants]
    years = [t for t in tokens if t.kind == "years" and t.value]
    if one_year_paid(lexed.text, years):
        years = []   # 合同期3年，本年度支付一年 (periods.py)
    for token in years:
        variants = [v * token.value for v in variants]
    months = [t.value for t in tokens if t.kind == "months" and t.value]
    chosen = [t.value for t in tokens if t.kind == "months" and t.value and "按" in lexed.text[max(start, t.start - 3):t.start]]
    gone_by = bool(chosen) and len(months) > 1
    if gone_by:
        months = chosen[-1:]   # 3-6月共4个月，9-12月共4个月，全年按8个月计: the months it goes by (not the spans)
    text = lexed.text[start:lexed.tokens[index].start]
    span = month_span(text) if "月" in text else None
    month = Decimal(1)
    if span and not gone_by:
        month = Decimal(span)   # the span named fixes the months (按9个月 against 3月至12月 is the mistake)
    elif not months and "月" in text and months_from(text) is not None and not _RX11.search(text):
        month = Decimal(months_from(text))   # 自7月起…当年: the months left in the year
    elif months:
        for m in months:
            month *= m
    elif "月" in text and _MONTHLY_RE.search(text) and re.search(r"全年|每年|年度|一年|年需|年共", text):
        month = Decimal(12)   # (a 月 of a monthly standard: 每月, 月工资, /月 — not a date's, 以1月底…为准)
    elif daily_for_a_year(text):
        month = Decimal(365)   # 伙食费每人每天22元，全年337,260元
    elif ("每季" in text or "季度" in text) and not any(t.unit in ("季度", "季") for t in counts):
        month = Decimal(4)    # 每季度2次: the four quarters are named too
    elif ("半年" in text or "学期" in text) and _RX11.search(text) and not any(t.unit == "学期" for t in counts):
        month = Decimal(2)    # 每人每半年100元，全年…: the year's two halves (or two semesters)
    percent, rated = Decimal(1), False
    for token in tokens:
        if token.kind == PERCENT and token.value:
            percent = percent * token.value / 100
            rated = rated or rate_percent_words(lexed.text, start, token)   # (按90%接种率: the rate the count goes by)
    out = []
    if 2 <= len(standards) <= 3 and len(tokens) <= 8 and all(t.per or k and tokens[k - 1].kind == "each" for k, t in enumerate(tokens) if t.kind == MONEY):
        standards = standards + [sum(standards, Decimal(0))]   # 月基本补贴3,500元，另绩效补贴每月500元: one person's, together
        if combined_only:
            standards = standards[-1:]
    elif combined_only and len(standards) > 1:
        return []   # (a total in a sentence of its own after several standards: no reading of one alone)
    for standard in standards:
        for v in variants:
            base = standard * v * month
            if not rated:   # (a rate the text says the count goes by is no percentage a reading may leave out)
                out.append(base)
            if percent != 1:
                out.append(base * percent)
    paired = _paired(tokens)
    if paired is None:   # 镇级道路43.2公里，村级道路128.6公里，按每公里每年镇道5,000元、村道3,000元: in the order listed
        paired = _in_order(tokens)
    if paired is not None:   # 优抚对象1,860人，每人每年1,200元；其他退役军人4,380人，每人每年600元，需4,860,000元
        out += [paired, paired * month] if month != 1 else [paired]
    return out


def _each_named_count(lexed: Lexed, count: Token, start: int) -> Token:
    """The count as the reader counts it where things named before 各 make it more (counts.each_named), else itself."""
    k = bisect_left(lexed.tokens, count.start, key=token_start)
    found = each_named_count(lexed.text, lexed.tokens, k, start) if k < len(lexed.tokens) and lexed.tokens[k] is count else None
    return found or count


def _earlier_sentences(step: Step, lexed: Lexed, ends: list[int], starts: list[int], start: int, first: int,
                       index: int) -> bool | Decimal | None:
    """治超站协管人员共28人。值班补助按每人每天150元计算。全年365天。需153.3万元。: short sentences, each one factor,
    then the result in one of its own: the factors of up to three sentences before it, every one named once.
    True when a reading holds; else the one reading of them all, when there is only one; else None."""
    k = bisect_left(ends, start)
    last: list[Decimal] = []
    for back in (1, 2, 3):
        if k - back < 0 and (back > 1 or k < 0 or first == index):   # (a text's first sentence read alone only before a
            break   # sentence naming its period: 每户每季度150元。全年按4个季度算，共…; a bare total would take one standard alone)
        earlier = ends[k - back - 1] if k - back - 1 >= 0 else 0
        if index - bisect_left(starts, earlier) > 3 * _MAX_FACTORS:
            break
        values = _readings(lexed, earlier, bisect_left(starts, earlier), index, combined_only=True)
        if _product_holds(step.stated, step.tolerance, values):
            return True
        if k - back >= 0 or all(t.kind == COUNT or t.kind == "years" and t.value == 1 for t in lexed.tokens[first:index]):   # (a text's first sentence read for
            last = values or last   # another reading only before a count of periods: 按10个月 against 1月至12月 is no one reading)
    distinct = {round_fen(v) for v in last if abs(v) < _HUGE}
    return distinct.pop() if len(distinct) == 1 else None


def _plain(lexed: Lexed, k: int, start: int) -> bool:
    """Whether the token at ``k`` is an amount of its own (not a standard: no 每, 按, 标准… before it)."""
    token = lexed.tokens[k]
    return token.kind == MONEY and bool(token.value) and not token.per and not (
        k and lexed.tokens[k - 1].kind == "each") and not _STANDARD_RE.search(lexed.text[max(start, token.start - 6):token.start])


def _after_amounts(step: Step, lexed: Lexed, start: int, first: int, index: int) -> bool:
    """A product worked out after amounts of their own in its sentence: 上年实际支出45万元，今年新增服务点2个，每个5万元，
    今年预算55万元 (the amounts before and the product, together); 配套50万元，培训180人次，每人次1,200元计21.6万元，合计71.6万元
    (the product alone, where a total after it adds the amounts before to it)."""
    plain = [k for k in range(first, index) if _plain(lexed, k, start)]
    if not plain or index - plain[-1] > 3 * _MAX_FACTORS:
        return False
    values = _readings(lexed, lexed.tokens[plain[-1]].end, plain[-1] + 1, index)
    if any(abs(v - lexed.tokens[plain[-1]].value) <= step.tolerance for v in values):
        return False   # 追加8万元（16个×每个0.5万元）: a working of the amount before it, no second item
    before = sum((lexed.tokens[k].value for k in plain), Decimal(0))
    if _product_holds(step.stated, step.tolerance, [v + before for v in values]):
        return True
    later = next((t for t in lexed.tokens[index + 1:index + 4] if t.kind == MONEY and t.value and not t.per), None)
    return (later is not None and not _SENTENCE_END_RE.search(lexed.text[lexed.tokens[index].end:later.start])
            and abs(later.value - before - step.stated) <= step.tolerance
            and _product_holds(step.stated, step.tolerance, values))


def _product_holds(stated: Decimal, tolerance: Decimal, values: list[Decimal]) -> bool:
    near = tolerance + _CENT   # (rounding to the 分 moves a value by half a cent at most: values further off are not rounded)
    return any(abs(v) < _HUGE and abs(v - stated) <= near and abs(round_fen(v) - stated) <= tolerance for v in values)


def _share_holds(stated: Decimal, tolerance: Decimal, lexed: Lexed, first: int, index: int, whole_from: int) -> bool:
    """A stated share is an amount of its sentence or the one before times one of its sentence's percentages, or
    the sum of some of them (首付30%，验收后付60%，…本年度安排首付款及验收款共30.915万元: 90% of the contract)."""
    amounts = [t.value for t in lexed.tokens[whole_from:index] if t.kind == MONEY and t.value][-_MAX_FACTORS:]
    window = lexed.tokens[first:index]
    marked = [t for t in window if t.kind == PERCENT and t.value]
    if not amounts or not marked and not any(t.kind == RATIO for t in window):
        return False   # (no amount, or nothing to take a share by: no share holds)
    party = party_of(lexed.text, lexed.tokens[index].start) if marked else None
    # (省补助25%，其余由市、区按1:1，市级承担642,000元: another level's percentage explains no level's share)
    percents = [t.value / 100 for t in marked if party is None or party_of(lexed.text, t.start) in (None, party)][:_MAX_PERCENTS]
    shares = {sum(chosen, Decimal(0)) for n in range(1, len(percents) + 1) for chosen in combinations(percents, n)}
    # 预付30%…，进度款支付至合同价的80%，即再支付693万元: a milestone 至 N% pays N% less what was paid before it
    cumulative = [(t.value / 100, bool(_UP_TO_RE.search(lexed.text[max(0, t.start - 10):t.start])))
                  for t in marked[:_MAX_PERCENTS]]
    shares |= {later - earlier for k, (later, up_to) in enumerate(cumulative) if up_to for earlier, _ in cumulative[:k]}
    # 中央和地方按8:2分担，地方部分由省、县按1:1承担，县级承担37万元: a split of one party's part of an earlier split
    ratios = [[p / sum(t.parts) for p in t.parts] for t in window
              if t.kind == RATIO and len(t.parts) >= 2 and sum(t.parts)][:3]
    shares |= {a * b for k, outer in enumerate(ratios) for inner in ratios[k + 1:] for a in outer for b in inner}
    near = tolerance + _CENT
    return any(abs(a * p - stated) <= near and abs(round_fen(a * p) - stated) <= tolerance for a in amounts for p in shares)


def reread(reading: Reading, lexed: Lexed, unit: AmountUnit = AmountUnit.YUAN) -> Reading:
    """Drop the failures another plausible reading explains; one under written arithmetic takes its numbers."""
    forget_terms()
    if not any(s.stated is not None and s.kind in _REREAD_KINDS and abs(s.computed - s.stated) > s.tolerance for s in reading.steps):
        return reading   # nothing another reading could explain: the text's boundaries are not even looked for
    kept: list[Step] = []
    starts = list(map(_START, lexed.tokens))   # (attrgetter: no Python call per token)
    text = lexed.text
    sentence_ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]   # (a clause's ends, ；; too, found per step)
    seen_expression: set[int] = set()
    respective = "分别" in text   # (looked for once a text: a test of the whole text for each step would be quadratic)
    for k, step in enumerate(reading.steps):
        if k in reading.parts_after and step.kind == "sum" and not step.holds:
            step = parts_restated(step, lexed, starts, unit)   # (…218万元（…38人约218万元）: a bracket restating a part)
            if step is None:
                continue
        if step.stated is None or step.kind not in _REREAD_KINDS or k in reading.parts_after or abs(
                step.computed - step.stated) <= step.tolerance:   # (step.holds, inlined)
            kept.append(step)
            continue
        index = bisect_left(starts, step.start)
        if index >= len(starts) or starts[index] != step.start:
            kept.append(step)
            continue
        found = expression_before(lexed, index) if step.kind in _PRODUCT_KINDS else None
        if found is not None:
            value = evaluate_written(lexed, index, *found)
            if value is not None:
                if abs(value - step.stated) <= step.tolerance or index in seen_expression:
                    continue
                seen_expression.add(index)
                working = found[0]
                for k, token in reversed(list(enumerate(found[1]))):
                    working = working.replace(f"#{k}", token.text.replace(",", ""), 1)
                kept.append(Step(step.kind, f"{working.replace('*', '×')}＝{format_with_unit(value, unit)}", value, step.stated,
                                 step.uncertain, step.tolerance, step.start, step.end))
                continue
        if step.kind == "sum" and spread_over_years(lexed, index, step.tolerance):
            continue   # 总投资…，分两年实施，2025年安排630万元，…区级需安排315万元: one year's amounts, not its parts
        if step.kind in _PRODUCT_KINDS:
            start = _start_before(sentence_ends, step.start)
            semi = _LAST_SEMI_RE.match(text, start, step.start - 1)   # (the clause's start: after its sentence's last ；;
            clause_start = semi.end() if semi is not None else start   # before it, an end before the step's start)
            first, clause = bisect_left(starts, start), bisect_left(starts, clause_start)
            if _product_holds(step.stated, step.tolerance, _readings(lexed, clause_start, clause, index)):
                continue
            if first != clause and _product_holds(step.stated, step.tolerance, _readings(lexed, start, first, index)):
                continue
            if _after_amounts(step, lexed, start, first, index):
                continue
            wholes = earlier_wholes(lexed, clause, index)   # 全镇共14个村。…每村3人，每人每月150元，全年7.56万元
            if wholes and _product_holds(step.stated, step.tolerance, [v * w for v in _readings(lexed, clause_start, clause, index) for w in wholes]):
                continue
            parts, own = part_of_standard(lexed, first, index)
            if first == index and start:   # 。需基本公卫经费支付20.52万元。: a sentence of its own after the standard's parts
                parts, own = part_of_standard(lexed, bisect_left(starts, _start_before(sentence_ends, start - 1)), index)
            if _product_holds(step.stated, step.tolerance, parts):
                continue
            other = explained(step, lexed, index, sentence_ends, starts)
            if other:   # another reading a clerk's words allow makes the stated figure (second_looks.py)
                kept.append(other) if other is not True else None
                continue
            if sum_explained(step, lexed, index, sentence_ends, reading.steps, k) if step.kind == "sum" else product_explained(
                    step, lexed, index, sentence_ends):
                continue   # (third_looks.py)
            if (sum_reread if step.kind == "sum" else product_reread)(step, lexed, index) or product_in_all(step, lexed, index) \
                    or results_listed(step, lexed, index) or raised_standard(step, lexed, index) or added_percent(step, lexed, index):
                continue   # (fourth_looks.py, fifth_looks.py)
            other = sixth_looks(step, lexed, index, unit)
            if other:   # (sixth_looks.py)
                kept.append(other) if other is not True else None
                continue
            fuller = count_left_out(step, lexed, clause, index) if step.kind == "product" else None
            if fuller is not None:   # 保洁员14名，每月1800元，共…: the product with the count the walk's reading left out
                kept.append(Step(step.kind, f"{step.description}；计入{fuller[1]}应为{format_with_unit(fuller[0], unit)}",
                                 fuller[0], step.stated, step.uncertain, step.tolerance, step.start, step.end))
                continue
            if own is not None:   # 其中省补助8,000元，其余由县级承担，县级需安排…: the count times the level's own part
                kept.append(Step(step.kind, f"{step.description}；按本级承担部分应为{format_with_unit(own, unit)}", own,
                                 step.stated, step.uncertain, step.tolerance, step.start, step.end))
                continue
            held = _earlier_sentences(step, lexed, sentence_ends, starts, start, first, index) if first == index or (
                index - first <= 2 and all(t.kind in ("months", "years") or t.kind == COUNT and t.unit in _PERIOD_UNITS
                                           for t in lexed.tokens[first:index])) else None
            # (。按十二个月计算，全年需要… / 全年按4个季度算，共…: a sentence naming only its period, after the sentences of its factors)
            if held is True:
                continue
            if held is not None and step.kind == "product":   # 需108万元。 a sentence of its own: what the factors of the
                # sentences before make (a sum keeps its own terms: 以上合计… after its items is no product of them)
                kept.append(Step(step.kind, f"{step.description}；连同前几句列出的因素应为{format_with_unit(held, unit)}", held,
                                 step.stated, step.uncertain, step.tolerance, step.start, step.end))
                continue
        elif step.kind in _SHARE_KINDS:
            start = _start_before(sentence_ends, step.start)
            first = bisect_left(starts, start)
            whole_from = bisect_left(starts, _start_before(sentence_ends, start - 1)) if start else first
            if _share_holds(step.stated, step.tolerance, lexed, first, index, whole_from):
                continue
            rest = share_of_rest(step, lexed, first, index, unit)   # (其中中央…，其余由省、县按1:1: a split of the rest)
            if rest is not None and rest.holds:
                continue
            step = rest or step
        if step.kind not in _PRODUCT_KINDS:
            other = explained(step, lexed, index, sentence_ends, starts)
            if other:
                kept.append(other) if other is not True else None
                continue
            other = share_explained(step, lexed, index, sentence_ends) if step.kind in _SHARE_KINDS else False
            if other:   # (third_looks.py)
                kept.append(other) if other is not True else None
                continue
            if step.kind == "percent_of" and (percent_reread(step, lexed, index) or percent_of_items(step, lexed, index)):
                continue   # (fourth_looks.py, fifth_looks.py)
            if step.kind == "share" and sixth_looks(step, lexed, index, unit):
                continue   # (sixth_looks.py: a share of the items named, 第1、2项)
        listed = step.kind == "sum" and step.computed > step.stated and listed_results_total(step, lexed, index, unit)
        if listed:   # 分别为…、…，总计…: the listed results, not the items once more (listed_results.py)
            kept.append(listed) if listed is not True else None
            continue
        if step.kind == "sum" and step.computed > step.stated:   # a figure counted twice (restatements.py)
            here = _start_before(sentence_ends, step.start)
            other = without_restatements(step, lexed, index, starts, _start_before(sentence_ends, here - 1) if here else 0, unit)
            if other is True:
                continue
            step = other or step
        other = numbered_total(step, lexed, index) if step.kind == "sum" else False   # (numbered.py: the list's figures)
        if other is True:
            continue
        if not other and step.kind in _PRODUCT_KINDS and respective:   # (respective_lists.py: 分别A元、B元… × 分别x、y…人)
            other = respective_lists(step, lexed, index, unit)
            if other is True:
                continue
        kept.append(other or step)
    reading.steps[:] = kept
    return reading
