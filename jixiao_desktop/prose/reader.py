"""Reading what a calculation written as prose claims.

The grammar, over the tokens of :mod:`.lexer` (sentences end at 。； or a line break):

- **factor**: a count (65户, 2.5万亩), a standard (800元 after 每户, 150元/人/月, 人均2000元,
  补助标准…, 年保费…), a period (12个月, 全年, 3年), or any number joined to others by ×, *, 乘以.
- **product**: a standard times the count of each thing it is per (the nearest count of that measure
  in its sentence; 每批40人 × 5批), its months (per 月: the months the sentence names, else 全年 = 12)
  and years (per 年: N年 when the sentence names more than one); or an explicit × chain.
- **result**: an amount after a total word. *Local* words (计, 即, ＝, 需, 全年…) state the value of
  what their sentence computes; *sum* words (合计, 共计, 总计, 以上合计, 共…) the sum of every item
  still open; 小计 a sub-total, whose value is the item of the grand total. A total stated first and
  followed by 其中 / ： lists its parts after it.
- **item**: an amount that is not a standard, a result, a reference, nor contained (（含…）); a
  product; or a result, which stands for what it sums.
- **split**: a ratio (3:7, 1比1, 5:3:2), 各配套50% or 各承担一半, or percentages for named levels
  (区级承担70%), between parties named before or after (市、区按3:7; 按1:1比例由市、区两级承担), of
  the whole before it — or after it, when the split is written first. ``省补助25%，其余由市、区按1:1``
  splits what is left. An amount stated for a party is its share; the form's own level takes its share.
- **remainder** (其余, 剩余, 余下): the whole less the amounts stated since.
- **percentage of a base** (X的20%, 按服务费的3%计取, 按建安费1.8%计): the base named, before or after.
- **reference** (上年, 去年, 实际, 总投资, 累计, 结转…, or a year earlier than the latest the text
  names) is kept out of this year's items; **approved** (批复, 核定) is the amount arrived at.
- **restating**: a × chain of bare numbers after the standard it works out (人均每月70元，2518乘以70乘以12)
  closes that standard; a sum word right after a chain, or a 小计 after items of its own sentence, states the
  reading that holds, else the one nearer the stated amount (an item's own 合计 inside a numbered list).

Each relation is a :class:`Step` with both numbers; :attr:`Reading.bottom_line` is what the text
arrives at for the form: the approved amount, else the form's own share, else the last result.
What the reader does not understand it leaves out: a standard with no count is not a term.
The work is linear in the number of tokens (each looks back only within its sentence, itself capped).

This module walks the tokens and reads amounts (:mod:`.looking` holds the words around a token); the grammar's parts are mixins of :class:`_Reader`, each
in a module of its own: :mod:`.products` (standards, × chains), :mod:`.counts` (the count a standard is per), :mod:`.periods` (months and years,
spans of months), :mod:`.totals` (results, 小计, breakdowns, table rows, remainders), :mod:`.shares`
(percentages of a base, splits between levels) and
:mod:`.plans` (multi-year plans, reference and approved amounts, the form's context, the bottom line).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose.adjusted import converted, reduced_by_percent
from jixiao_desktop.prose.arithmetic import plus_totalled
from jixiao_desktop.prose.chains import _Chains
from jixiao_desktop.prose.bases import read_bases
from jixiao_desktop.prose.breakdowns import _Breakdowns
from jixiao_desktop.prose.counts import _Counts
from jixiao_desktop.prose.other_counts import take_count
from jixiao_desktop.prose.looking import _Looking, _approving
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, RATIO, Lexed, Token, lex
from jixiao_desktop.prose.periods import _Periods, without_span
from jixiao_desktop.prose.plans import _PAID_RE, _Plans, outside_project
from jixiao_desktop.prose.products import _RATE_THEN_AMOUNT_RE, _Products, grown, states_products_before
from jixiao_desktop.prose.readings import reread
from jixiao_desktop.prose.missed_looks import missed
from jixiao_desktop.prose.pairings import read_pairings
from jixiao_desktop.prose.percents import _Percents
from jixiao_desktop.prose.respective import respective_result
from jixiao_desktop.prose.rests import read_rests
from jixiao_desktop.prose.shares import _Shares
from jixiao_desktop.prose.split_scope import split_ended
from jixiao_desktop.prose.steps import Reading, _Item, _Rate, _Split, collector_paused
from jixiao_desktop.prose.tables import read_tables, with_tables
from jixiao_desktop.prose.workings import chain_stated
from jixiao_desktop.prose.totals import _Totals
from jixiao_desktop.prose.words import (
    CUT_WORDS, PERIODS, _BREAKDOWN_RE, _MULTI_YEAR_PLAN_RE,
    _PLUS_AFTER_RE, _RATE_WORD_RE, _REMAINDER_RE, _RESULT_RE, _RX1, _THIS_YEAR_RE,
    _contained, _label, _party_before, _result_marker, _written, _years_in, heads_group,
)


_YEARLY_RESULT_RE = re.compile(r"(?:计|共|合计|共计|需|全年)[\s:：]*(?:约|为)?\s*$")
_PERIOD_WORDS = PERIODS | {"周", "半年"}   # (26个乡镇每月开展两次: a 每… of a period alone after a count of places)
_EACH_NAMED_BETWEEN_RE = re.compile(r"[^\d，,。；;、：:]{0,8}")   # 每个[监测点]每季度: the thing's name between
_DEDUCTED_RE = re.compile(r"已|扣除|扣减|减去|除")
_REDUCED_RE = re.compile(CUT_WORDS)
_FIGURES_BETWEEN_RE = re.compile(r"[%％；;]")
_BARE_AMOUNT_RE = re.compile(r"[\s，,:：]*")   # 按250个工作日，240,000元: an amount with no name of its own
_PROJECT_TOTAL_RE = re.compile(r"(?:总投资|总投入|总概算)[^，,。；;\d]{0,4}(\d[\d,.]*)")


class _Reader(_Looking, _Products, _Chains, _Counts, _Periods, _Totals, _Breakdowns, _Shares, _Percents, _Plans):
    def __init__(self, lexed: Lexed, level: str, context: tuple[Token, ...], context_labels: tuple[str, ...],
                 unit: AmountUnit = AmountUnit.YUAN):
        self.unit = unit
        self.text = lexed.text
        self.tokens = lexed.tokens
        self.level = level
        self.context = context
        self.context_labels = context_labels
        self.out = Reading(truncated=lexed.truncated)
        self.items: list[_Item] = []
        self.sub_start = 0                     # index in items where the current 小计 group starts
        self.subtotals: list[_Item] = []
        self.breakdown: _Item | None = None
        self.breakdown_items: list[_Item] = []
        self.breakdown_remainder = False
        self.last_total: _Item | None = None
        self.whole: _Item | None = None
        self.candidates: list[tuple[int, int, Decimal, str, bool]] = []   # (kind, position, value, words, uncertain)
        self.this_year: dict[int, tuple] = {}                               # this year's amounts, by position
        self.split: _Split | None = None
        self.ended_split: _Split | None = None   # the split a later item ended (named again by 按比例 + a party)
        self.percent_pending: tuple | None = None   # (base item or None, base name, percent token)
        self.unresolved = False
        self.lone_checked = False
        self.index = 0
        self.parts_until = 0                   # the end of a bracket of a count's parts (（含…）)
        # the sentence being read
        self.sentence_start = 0
        self.counts_from = 0   # where the counts a standard may be per begin (an earlier sentence of counts alone)
        self.paragraph_start = 0                     # after the last 。 or line break (； only ends a clause)
        self.sentence_first = 0                      # index of its first token
        self.counts: list[Token] = []
        self.count_starts: list[int] = []
        self.last_each, self.count_each = -1, {}   # count_each: a count's 每… before it
        self.count_group: dict[int, Token] = {}   # 12个乡镇各配置一套: 一套 is per 乡镇
        self.outer_each: dict[int, Token] = {}    # 每个监测点每季度: the 每… a 每… right after it is within, by the inner's id
        self.earlier_counts: list[tuple[Token, str]] = []   # every count of the text so far, with its words
        self.counts_by_unit: dict[str, list[Token]] = {}     # the same, by measure word
        self.used_counts: set[int] = set()
        self.standard_counts: set[int] = set()   # every count a standard was worked out with (the text's, not the sentence's)
        self.carried: set[int] = set()   # counts carried from an earlier standard to a later one with none (other_counts.py)
        self.count_months: dict[int, tuple] = {}   # the months a standard's count was worked out with, by the count's id
        self.chain_counts: set[int] = set()   # counts a × chain used (6人×3200元×12月，另加…每人5000元: the same 6人)
        self.rates: list[_Rate] = []
        self.chain: list[Token] = []
        self.chain_open = False
        self.plus: list[Token] = []
        self.plus_open, self.prev_end = False, 0
        self.last_percent: Token | None = None
        self.respective: tuple | None = None   # (parties named before 分别, the next one's index, end of the last %)
        self._sentence_end: tuple[int, int] | None = None
        self._memo: dict = {}
        self._span: tuple[int, int | None] | None = None   # (sentence start, its span of months)
        self._approx: dict[int, bool] = {}
        self._formatted: dict[Decimal, str] = {}
        self.rate_per: dict[int, tuple[str, ...]] = {}   # amounts read as standards, by position
        self.standard_parts: dict[int, list[Token]] = {}   # a standard's parts listed after 其中, by the standard's id
        self.last_factors: list[Decimal] = []            # the factors of the last standard × count worked out
        self.rate_shares: set[int] = set()   # ids of percentages taken by a standard (1,900元的60%)
        self.last_percent_base: _Item | None = None
        self.plan: _Item | None = None                   # a multi-year project's total (总投资)
        self.plan_parts: list[_Item] = []
        self.plan_remainder, self.first_open = False, 0
        self._numbered: tuple[int, int | None] | None = None   # (sentence start, where its list number is)
        self.respective_results: tuple | None = None   # products paired with the results listed after 分别计
        self.deducted: list[_Item] = []   # reference amounts already paid or taken off (已预拨, 扣除): a remainder's parts
        self.plan_first: tuple | None = None   # the first year's amount not already spent: this year's, if none says
        years = [int(y) for y in _years_in(self.text)]
        self.multi_year = bool(_MULTI_YEAR_PLAN_RE.search(self.text) or _THIS_YEAR_RE.search(self.text)
                               or len(set(years)) >= 2 or _RX1.search(self.text))
        self.text_latest_year = max(years, default=0)
        # several projects, each with a 总投资 of its own (amounts that differ)
        self.projects = len(set(_PROJECT_TOTAL_RE.findall(self.text))) >= 2
        self.latest_year = max(years) if len(set(years)) > 1 and not _MULTI_YEAR_PLAN_RE.search(self.text) else None

    # -- the walk ------------------------------------------------------------
    def run(self) -> Reading:
        for index, token in enumerate(self.tokens):
            self.index = index
            kind = token.kind
            if kind == "stop":
                self.end_sentence(token.end, index + 1)
                continue
            if kind == MONEY:   # (the kinds by how often they come: amounts first)
                self.money(token)
            elif kind == COUNT:
                take_count(self, token, index)
            elif kind in ("months", "years", "number"):
                self.chain_add(token)
            elif kind == "op":
                if token.text in ("+", "＋", "加", "加上"):   # 加上: a sum, never a product
                    if len(self.chain) >= 2:
                        self.flush_chain()   # 15人×1,800元×12个月＋垃圾车运行费3万元: the product is one term of the sum
                    self.plus_open = True
                else:
                    self.chain_open = True
            elif kind == PERCENT:
                if id(token) not in self.rate_shares and not grown(self, token):
                    self.percent(token)
            elif kind == RATIO:
                self.ratio(token)
            elif kind == "half":
                self.half(token)
            elif kind == "each":
                if self.last_each == index - 1 and index - 1 >= self.sentence_first and _EACH_NAMED_BETWEEN_RE.fullmatch(
                        self.text, self.tokens[index - 1].end, token.start):
                    self.outer_each[id(token)] = self.tokens[index - 1]   # 每个监测点每季度采样2次: 每季度 within 每个
                elif index - 1 >= self.sentence_first and self.tokens[index - 1].kind == COUNT and token.per and all(
                        w in _PERIOD_WORDS for w in token.per) and _EACH_NAMED_BETWEEN_RE.fullmatch(
                        self.text, self.tokens[index - 1].end, token.start):
                    self.outer_each[id(token)] = self.tokens[index - 1]   # 26个乡镇（街道）每月开展两次: per month in each 乡镇
                self.last_each = index
            if kind in {"count", "money", "percent", "ratio", "months", "years", "number", "half"}:   # (a constant set)
                self.prev_end = token.end
        self.index = len(self.tokens)
        self.end_sentence(len(self.text), len(self.tokens))
        self.finish()
        return self.out

    def end_sentence(self, position: int, next_index: int) -> None:
        if position >= len(self.text) or self.text[position - 1] in "。\n!！":
            self.paragraph_start = position
        if next_index - 1 == self.sentence_first and not (self.chain or self.rates or self.plus) and (   # a sentence of
                self.text[self.sentence_start:position - 1].isspace() or position - 1 == self.sentence_start):   # blanks:
            self.breakdown is None or self.close_numbered(position)   # what the one before carries goes on (its counts)
            self.sentence_start, self.sentence_first, self.prev_end = position, next_index, position
            return
        # (a sentence with no open chain, standard or sum — most — skips their flushes)
        if self.chain:
            self.flush_chain()
        if self.rates:
            self.flush_rates()
        self.breakdown is None or self.close_numbered(position)   # 1.…需X，其中…；2.…: the next item is no part of X
        alone = self.counts_alone(next_index) if self.counts else []
        self.counts_from = min(self.counts_from, self.sentence_start) if alone else position
        self.sentence_start = position
        self.sentence_first = next_index
        self.counts, self.used_counts, self.rates, self.first_open = alone, set(), [], 0
        self.count_starts: list[int] = [c.start for c in alone] if alone else []
        if self.plus:
            self.flush_plus()
        self.plus_open = False
        self.chain_open = False
        self.prev_end = position
        self.last_percent = None

    def add_item(self, item: _Item) -> None:
        if self.breakdown is not None:
            self.breakdown_items.append(item)
        else:
            self.items.append(item)
        if not item.rate:
            self.whole = item

    # -- amounts ---------------------------------------------------------------
    def money(self, token: Token) -> None:
        if self.chain_open and self.chain:
            self.chain.append(token)
            self.chain_open = False
            return
        if self.plus_open and self.plus:
            self.plus.append(token)
            self.plus_open = False
            return
        begin, floor, start = token.start, self.prev_end if self.prev_end > self.sentence_start else self.sentence_start, self.sentence_start
        pre, near = self.text[begin - 30 if begin - 30 > floor else floor:begin], self.text[begin - 14 if begin - 14 > start else start:begin]   # since_prev, before (not needed above)
        if self.split is not None and split_ended(self, token, pre):
            self.ended_split, self.split = self.split, None   # (split_scope.py: the next item's amount, no share of the whole before)
        elif self.split is None and self.ended_split is not None and "比例" in pre and _party_before(pre) in self.ended_split.fractions:
            self.split = self.ended_split   # 县、乡按6:4比例承担。一、协管员40人…；二、按比例县级57.6万元: the split named again
        if self.breakdown is not None and "分" in pre:
            self.broken_down_again(pre)   # (breakdowns.py: 其中：中央…。按用途分：产业发展…)
        if _contained(self.text, self.sentence_start, token.start) or self.standard_part(token):
            return  # （含…）: inside an amount already counted
        if (self.respective_results is not None or "别" in pre or "依次" in pre) and respective_result(self, token):
            return  # 分别计209万元、313.6万元: each its own product's result
        if self.rates and not self.rates[-1].consumed and (_FIGURES_BETWEEN_RE.search(
                self.text[self.rates[-1].token.end:token.start]) or _BARE_AMOUNT_RE.fullmatch(pre)):
            self.states_rate_later(self.rates[-1], token)   # 月工资3600元，社保按28%）：1.人员工资604,800元
        if self.percent_pending is not None and self.percent_pending[0] is None and self.base_named(token):
            self.percent_pending = (self.item(token), self.percent_pending[1], self.percent_pending[2])
            return
        if self.plan_part(token, pre):
            return
        if self.is_reference(token, pre):
            clause = self.clause_before(token)
            if _DEDUCTED_RE.search(clause) or ("结转" in clause and _PAID_RE.search(self.text, self.sentence_start, token.start)):
                self.deducted.append(self.item(token, derived=True))   # 已由上年结转资金安排420万元，剩余… / 已下达…，上年结转…
            return
        if ("批" in pre or "核" in pre or "实" in pre) and _approving(pre):
            self.final(token)
            return
        if self.percent_pending is not None and len(self.chain) >= 2 and (
                self.text[self.chain[-1].end:token.start].strip() in ("=", "＝")
                or _RESULT_RE.search(self.text[self.chain[-1].end:token.start])):
            self.percent_pending = None   # the chain states the percentage itself: 2×3800×12×（1+32%）＝120384元
            self.close_chain(token, sum_marker=False)
            return
        if self.percent_pending is not None and self.percent_pending[0] is not None and not token.per:
            self.percent_result(token)
            return
        if self.table_row(token):
            return
        per, scale = self.per_of(token, near)
        # (the total word before it looked for once the amount is known to be no standard: a standard's is not needed)
        marker = _result_marker(near if near[-1:] not in "）)" else without_span(near)) if not per else None
        if per == ("年",) and token.per == ("年",) and (self.rates or self.chain) and _YEARLY_RESULT_RE.search(near):
            per, marker = (), _result_marker(near)   # 每月80元，1,534人，计147.264万元/年: the year's result, written per year
        if marker is not None and ("：" in near or ":" in near) and self.list_opened(marker.group(0), token):
            marker = None   # (breakdowns.py: 改造共需：屋面防水9.6万元、…，共20.8万元: a list, its total after it)
        is_sub = bool(marker and marker["sub"])
        is_sum = bool(marker and marker["sum"])   # (a "year" or "local" marker states its sentence's value)
        is_result = marker is not None
        if is_sum and outside_project(self.text, token.end):
            return   # 上级下达总额1.28亿元，不在本项目列支: no total of this text's items
        if per or (("标" in near or "单" in near or "均价" in near) and _RATE_WORD_RE.search(near) and not is_result):
            self.rate(token, per or ("*",), scale)
            return
        if not is_result and self.rates and not self.rates[-1].consumed and _RATE_THEN_AMOUNT_RE.fullmatch(
                self.text, self.rates[-1].token.end, token.start):   # (…每所26万元（含…），780,000元: an aside between;
            # products.py's pattern, tried in place: no slice of the words between)
            is_result = True  # 团干部培训｜3期｜1.5万元/期｜4.5万元: the row's amount
        if not is_result and self.rates and self.states_rate(self.rates[-1], token):
            is_result = True  # 每家4500元，服务费630000元: the standard's product, named
        if len(self.chain) >= 2 and (self.text[self.chain[-1].end:token.start].strip() in ("=", "＝", "", "，", ",")
                                     or is_result or chain_stated(self.text, self.chain[-1].end, token.start)):
            self.close_chain(token, sum_marker="sub" if is_sub else "sum" if is_sum else False)
            return
        if self.plus and len(self.plus) >= 2 and (self.text[self.plus[-1].end:token.start].strip() in ("=", "＝") or plus_totalled(self, token)):
            self.close_plus(token)
            return
        if not per and _PLUS_AFTER_RE.match(self.text, token.end, token.end + 2):   # (what after(token, 2).lstrip()[:1] in "+＋")
            self.flush_plus()
            self.plus = [token]  # 138.6万+87.6万+7.2万=233.4万元: the terms of a sum written out
            return
        if (("余" in pre or "差额" in pre) and _REMAINDER_RE.search(pre) or self.gap_after_paid(token, pre)) and (
                self.breakdown or self.last_total or self.items) and self.remainder(token):
            return
        self.own_part(token, pre)
        if self.split is not None and self.split_amount(token, pre):
            return
        if self.percent_pending is not None and self.percent_pending[0] is not None:
            self.percent_result(token)
            return
        if not is_result and self.states_open_items(token):
            is_result = is_sum = True   # 每小时2.6万元。全年租机费用1,248万元。
        if is_sub and heads_group(self.text, token.start, token.end):
            self.close_breakdown()
            self.open_breakdown(self.item(token))   # 一、培训（小计64.5万元）⏎1.…: the group's whole, its items below
            return
        if is_result:
            # 全年需: the earlier clauses' items too; a bare 需 after a product of its own clause states that
            # product (健康教育印刷品120,000元；设备补助41个，每个6,000元，需246,000元)
            need = bool(marker and "需" in marker.group(0)) and not (
                marker.group(0).startswith("需") and self.items_in_clause(token))
            kind = "sub" if is_sub else "sum" if is_sum else "need" if need or states_products_before(self) else "local"
            if is_sum and marker is not None and self.item_own_total(marker.group(0), token):
                kind = "local"
            self.result(token, kind)
            return
        self.flush_rates(until=token)
        if self.rounds_previous(token, pre) or "约" in pre and self.rounds_items(token, pre) or "折" in pre and converted(self, token, pre):
            return
        if len(self.chain) >= 2:
            self.flush_chain()   # (a × chain no amount after it closed: an item before this one)
        item = self.item(token)
        item = self.listed_each(token, item)
        self.restates_product(token)
        reduced = _REDUCED_RE.search(self.clause_before(token, 12)) if self.breakdown is None else None
        if reduced is not None and reduced_by_percent(self, token, reduced):
            return   # 申报资金3300万元，压减10%后安排2970万元: the amount left after the cut, checked against it
        if reduced is not None:   # 年中调减12.5万元: taken off
            # the budget before it (within 其中… the parts of a whole, where 核减 is one of them, it stays a part)
            item = _Item(-token.value, f"－{_written(token)}", token.start, token.end, item.approx, token=token)
        if _BREAKDOWN_RE.match(self.text[token.end:token.end + 30]) and self.breakdown is None and not self.items_in_sentence():
            self.open_breakdown(item)
        else:
            self.add_item(item)
        if _THIS_YEAR_RE.search(pre):
            self.this_year[token.start] = (1, token.start, token.value, _written(token), item.approx)
        self.chain = [token]

Context = tuple[tuple[str, str, str], ...]   # (数量指标 or 成本指标, name, value)


@lru_cache(maxsize=1024)
@collector_paused
def read(text: str, level: str = "县", context: Context = (), unit: AmountUnit = AmountUnit.YUAN) -> Reading:
    """Read ``text`` (a 测算说明) for a form of ``level`` whose amounts are in ``unit``.

    ``context`` holds the form's 数量指标 and 成本指标 as ``(二级, name, value)``: counts from the
    first and standards from the second, each labelled by its name and the words before it, where a
    standard finds its count and a total stated alone is checked against count × standard. Cached.
    """
    lexed = lex(text)
    if lexed.truncated:
        return Reading(truncated=True)
    tokens, labels = [], []
    for level2, name, value in context:
        want = COUNT if level2 == "数量指标" else MONEY
        value_lexed = lex(value)
        for token in value_lexed.tokens:
            if token.kind == want and (want == COUNT or token.is_rate):
                tokens.append(token)
                labels.append(name + _label(value_lexed.text, token))
    tables = read_tables(text, unit)
    if tables is not None:
        lexed = lex(tables.masked)
    reading = read_bases(reread(_Reader(lexed, level, tuple(tokens), tuple(labels), unit).run(), lexed, unit), lexed, level)
    reading = missed(read_pairings(read_rests(reading, lexed, unit), lexed), lexed, unit)
    return reading if tables is None else with_tables(reading, tables, lexed)
