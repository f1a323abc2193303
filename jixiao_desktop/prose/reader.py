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

Each relation is a :class:`Step` with both numbers; :attr:`Reading.bottom_line` is what the text
arrives at for the form: the approved amount, else the form's own share, else the last result.
What the reader does not understand it leaves out: a standard with no count is not a term.
The work is linear in the number of tokens (each looks back only within its sentence, itself capped).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from functools import lru_cache

from jixiao_desktop.money import FEN, AmountUnit, format_with_unit, round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, RATIO, Lexed, Token, cn_number, lex
from jixiao_desktop.prose.steps import Reading, Step, _Item, _Rate, _Split
from jixiao_desktop.prose.words import (
    LEVELS, LEVEL_NAMES, _APPROX_AFTER_RE, _APPROX_BEFORE_RE, _BREAKDOWN_RE, _ENUMERATED_RE, _ETC_RE, _FINAL_RE,
    _MULTI_YEAR_PLAN_RE, _PERCENT_FEE_RE, _PERCENT_OF_RE, _RATE_WORD_RE, _REFERENCE_RE, _REMAINDER_RE,
    _RESULT_RE, _RX1, _RX10, _RX11, _RX12, _RX13, _RX14, _RX15, _RX16, _RX17, _RX18, _RX19, _RX2, _RX3, _RX4,
    _RX5, _RX6, _RX7, _RX8, _RX9, _SHARE_OF_RATE_RE, _SHARE_VERB_RE, _STOP_RE, _SUM_RE, _TARGET_BEFORE_RE,
    _THIS_YEAR_RE, _TIME, _USED_NOW_RE, _WHOLE_PROJECT_RE, _YEARLY_RE, _YEAR_RE, _base_name, _common_run,
    _contained, _factor_text, _grouped_parties, _is_separated, _label, _labels_match, _num, _parties_in,
    _party_before, _pct, _per_thing, _rate_text, _rate_value, _same_thing, _written,
)


class _Reader:
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
        self.percent_pending: tuple | None = None   # (base item or None, base name, percent token)
        self.unresolved = False
        self.lone_checked = False
        self.index = 0
        # the sentence being read
        self.sentence_start = 0
        self.paragraph_start = 0                     # after the last 。 or line break (； only ends a clause)
        self.sentence_first = 0                      # index of its first token
        self.counts: list[Token] = []
        self.count_starts: list[int] = []
        self.last_each = -1
        self.count_each: dict[int, Token] = {}
        self.count_group: dict[int, Token] = {}   # 12个乡镇各配置一套: 一套 is per 乡镇
        self.earlier_counts: list[tuple[Token, str]] = []   # every count of the text so far, with its words
        self.used_counts: set[int] = set()
        self.rates: list[_Rate] = []
        self.first_open = 0
        self.chain: list[Token] = []
        self.chain_open = False
        self.plus: list[Token] = []
        self.plus_open = False
        self.prev_end = 0
        self.last_percent: Token | None = None
        self._sentence_end: tuple[int, int] | None = None
        self._memo: dict = {}
        self._approx: dict[int, bool] = {}
        self.rate_per: dict[int, tuple[str, ...]] = {}   # amounts read as standards, by position
        self.rate_shares: set[int] = set()   # ids of percentages taken by a standard (1,900元的60%)
        self.last_percent_base: _Item | None = None
        self.plan: _Item | None = None                   # a multi-year project's total (总投资)
        self.plan_parts: list[_Item] = []
        self.plan_remainder = False
        self.plan_first: tuple | None = None   # the first year's amount not already spent: this year's, if none says
        years = [int(y) for y in _YEAR_RE.findall(self.text)]
        self.multi_year = bool(_MULTI_YEAR_PLAN_RE.search(self.text) or _THIS_YEAR_RE.search(self.text)
                               or len(set(years)) >= 2 or _RX1.search(self.text))
        self.latest_year = max(years) if len(set(years)) > 1 and not _MULTI_YEAR_PLAN_RE.search(self.text) else None

    # -- helpers -------------------------------------------------------------
    def fmt(self, value: Decimal) -> str:
        """A computed amount in the form's unit: ``369600.00元``, ``252.00万元``."""
        return format_with_unit(value, self.unit)

    def before(self, token: Token, limit: int = 14) -> str:
        return self.text[max(self.sentence_start, token.start - limit):token.start]

    def since_prev(self, token: Token, limit: int = 30) -> str:
        """The words since the previous number of the sentence."""
        return self.text[max(self.prev_end, self.sentence_start, token.start - limit):token.start]

    def clause_before(self, token: Token, limit: int = 24) -> str:
        i, stop = token.start, max(self.sentence_start, token.start - limit)
        while i > stop and self.text[i - 1] not in "，,。；;\n":
            i -= 1
        return self.text[i:token.start]

    def after(self, token: Token, limit: int = 6) -> str:
        return self.text[token.end:token.end + limit]

    def approx(self, token: Token) -> bool:
        key = token.start
        found = self._approx.get(key)
        if found is None:
            found = token.approx or bool(_APPROX_BEFORE_RE.search(self.before(token, 8))) or bool(
                _APPROX_AFTER_RE.match(self.after(token, 3)))
            self._approx[key] = found
        return found

    def sentence_tokens(self) -> list[Token]:
        """The tokens of the current sentence read so far (the last 400 at most)."""
        return self.tokens[max(self.sentence_first, self.index - 400):self.index]

    def back(self, limit: int = 60):
        """The tokens before the current one, nearest first, within its sentence (at most ``limit``)."""
        stop = max(self.sentence_first, self.index - limit)
        for i in range(self.index - 1, stop - 1, -1):
            yield self.tokens[i]

    def tolerance(self, token: Token, approx: bool) -> Decimal:
        digits = _RX2.search(token.text)
        decimals = len(digits[1]) if digits and digits[1] else 0
        factor = {"万元": Decimal(10000), "亿元": Decimal(100000000)}.get(token.unit, Decimal(1))
        if decimals or approx:
            return max(Decimal(1).scaleb(-decimals) * factor / 2, FEN / 2)
        return Decimal("0.5") if token.unit == "元" else Decimal(0)

    def add_step(self, kind, description, computed, stated_token: Token, uncertain=False) -> None:
        approx = uncertain or self.approx(stated_token)
        tolerance = Decimal(0) if kind == "share_percent" else self.tolerance(stated_token, approx)
        self.out.steps.append(Step(kind, description, computed, stated_token.value, approx, tolerance,
                                   stated_token.start, stated_token.end))

    def item(self, token: Token, **kwargs) -> _Item:
        return _Item(token.value, None, token.start, token.end, self.approx(token), token=token, **kwargs)

    # -- the walk ------------------------------------------------------------
    def run(self) -> Reading:
        for index, token in enumerate(self.tokens):
            self.index = index
            kind = token.kind
            if kind == "stop":
                self.end_sentence(token.end, index + 1)
                continue
            if kind == COUNT:
                self.counts.append(token)
                self.count_starts.append(token.start)
                previous = self.tokens[index - 1] if index > self.sentence_first else None
                if previous is not None and previous.kind == "each":
                    self.count_each[id(token)] = previous
                elif (previous is not None and previous.kind == COUNT and id(previous) in self.count_each
                      and re.fullmatch(r"[、和及与][^，,。；;\d]{0,8}", self.text[previous.end:token.start])):
                    self.count_each[id(token)] = self.count_each[id(previous)]   # 每村主职1名、其他村干部3名
                elif previous is not None and previous.kind == COUNT and re.search(
                        r"^[^，,。；;\d]{0,12}各[^，,。；;\d]{0,10}$", self.text[previous.end:token.start]):
                    self.count_group[id(token)] = previous
                self.earlier_counts.append((token, self.text[max(self.sentence_start, token.start - 10):token.start]))
                self.chain_add(token)
            elif kind in ("months", "years", "number"):
                self.chain_add(token)
            elif kind == "op":
                if token.text in ("+", "＋", "加"):
                    self.plus_open = True
                else:
                    self.chain_open = True
            elif kind == MONEY:
                self.money(token)
            elif kind == PERCENT:
                if id(token) not in self.rate_shares:
                    self.percent(token)
            elif kind == RATIO:
                self.ratio(token)
            elif kind == "half":
                self.half(token)
            elif kind == "each":
                self.last_each = index
            if kind in (COUNT, MONEY, PERCENT, RATIO, "months", "years", "number", "half"):
                self.prev_end = token.end
        self.index = len(self.tokens)
        self.end_sentence(len(self.text), len(self.tokens))
        self.finish()
        return self.out

    def chain_add(self, token: Token) -> None:
        if self.chain_open and self.chain:
            self.chain.append(token)
        else:
            self.flush_chain()
            self.chain = [token]
        self.chain_open = False

    def flush_chain(self) -> None:
        """A × chain with no result after it is an item of its own."""
        if len(self.chain) >= 2:
            value, words, uncertain = self.chain_value(self.chain)
            self.add_item(_Item(value, words, self.chain[0].start, self.chain[-1].end, uncertain, product=True))
        self.chain = []

    def end_sentence(self, position: int, next_index: int) -> None:
        if position >= len(self.text) or self.text[position - 1] in "。\n!！":
            self.paragraph_start = position
        self.flush_chain()
        self.flush_rates()
        self.sentence_start = position
        self.sentence_first = next_index
        self.counts, self.used_counts, self.rates, self.first_open = [], set(), [], 0
        self.count_starts: list[int] = []
        self.flush_plus()
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
        pre = self.since_prev(token)
        near = self.before(token)
        if self.chain_open and self.chain:
            self.chain.append(token)
            self.chain_open = False
            return
        if self.plus_open and self.plus:
            self.plus.append(token)
            self.plus_open = False
            return
        if _contained(self.text, self.sentence_start, token.start):
            return  # （含…）: inside an amount already counted
        if self.percent_pending is not None and self.percent_pending[0] is None and self.base_named(token):
            self.percent_pending = (self.item(token), self.percent_pending[1], self.percent_pending[2])
            return
        if self.plan_part(token, pre):
            return
        if self.is_reference(token, pre):
            return
        if _FINAL_RE.search(pre):
            self.final(token)
            return
        marker = _RESULT_RE.search(near)
        is_sub = bool(marker and marker["sub"])
        is_sum = bool(marker and marker["sum"])   # (a "year" or "local" marker states its sentence's value)
        is_result = marker is not None
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
        per, scale = token.per, Decimal(1)
        if not per:
            per, scale = self.each_before(token)
        if not per and self.index > 0:
            previous = self.tokens[self.index - 1]
            if previous.kind == MONEY and previous.start in self.rate_per and _ENUMERATED_RE.fullmatch(
                    self.text[previous.end:token.start]):
                per = self.rate_per[previous.start]
        if not per and "年" in near and _YEARLY_RE.search(self.clause_before(token, 10)) and self.years_for(("年",)) is not None:
            per = ("年",)
        if per or (_RATE_WORD_RE.search(near) and not is_result):
            self.rate(token, per or ("*",), scale)
            return
        if not is_result and self.rates and not self.rates[-1].consumed and re.fullmatch(
                r"[\s,，|｜:：=＝]*(?:计|约|为|计约|共|即)?[\s,，|｜:：=＝约]*", self.text[self.rates[-1].token.end:token.start]):
            is_result = True  # 团干部培训｜3期｜1.5万元/期｜4.5万元: the row's amount
        if len(self.chain) >= 2 and (self.text[self.chain[-1].end:token.start].strip() in ("=", "＝", "") or is_result):
            self.close_chain(token, sum_marker="sub" if is_sub else "sum" if is_sum else False)
            return
        if self.plus and len(self.plus) >= 2 and self.text[self.plus[-1].end:token.start].strip() in ("=", "＝"):
            self.close_plus(token)
            return
        if self.after(token, 2).lstrip()[:1] in ("+", "＋") and not per:
            self.flush_plus()
            self.plus = [token]  # 138.6万+87.6万+7.2万=233.4万元: the terms of a sum written out
            return
        if _REMAINDER_RE.search(pre) and (self.breakdown or self.last_total or self.items):
            self.remainder(token)
            return
        if self.split is not None and self.split_amount(token, pre):
            return
        if self.percent_pending is not None and self.percent_pending[0] is not None:
            self.percent_result(token)
            return
        if is_result:
            need = bool(marker and re.search(r"需|全年", marker.group(0)))
            self.result(token, "sub" if is_sub else "sum" if is_sum else "need" if need else "local")
            return
        self.flush_rates(until=token)
        item = self.item(token)
        if _BREAKDOWN_RE.match(self.text[token.end:token.end + 30]) and self.breakdown is None and not self.items_in_sentence():
            self.open_breakdown(item)
        else:
            self.add_item(item)
        if _THIS_YEAR_RE.search(pre):
            self.this_year[token.start] = (1, token.start, token.value, _written(token), item.approx)
        self.chain = [token]

    def plan_part(self, token: Token, pre: str) -> bool:
        """A project over several years: 总投资1800万元，2024年已安排650万元，本年度安排700万元，剩余350万元于2026年安排.
        The years' amounts are the parts of the total; this year's is what the text arrives at."""
        if not self.multi_year:
            return False
        if self.plan is None:
            if _WHOLE_PROJECT_RE.search(pre):
                self.plan = self.item(token)
                return True
            return False
        remainder = _REMAINDER_RE.search(pre)
        if not remainder and not _RX3.search(pre):
            return False
        item = self.item(token)
        if remainder:
            value = self.plan.value - sum((p.value for p in self.plan_parts), Decimal(0))
            if self.plan_parts:
                self.add_step("remainder", f"{self.plan.words}减去{'、'.join(p.words for p in self.plan_parts)}为"
                              f"{self.fmt(value)}", value, token, self.plan.approx)
            self.plan_parts.append(item)
            self.plan_remainder = True
            if _THIS_YEAR_RE.search(pre) or _RX4.search(pre):
                self.this_year[token.start] = (1, token.start, token.value, _written(token), item.approx)
            return True
        if _RX3.search(pre):
            self.plan_parts.append(item)
            if _THIS_YEAR_RE.search(pre) or _RX4.search(pre):
                self.this_year[token.start] = (1, token.start, token.value, _written(token), item.approx)
            elif "已" not in pre and not self.plan_first:
                self.plan_first = (1, token.start, token.value, _written(token), item.approx)
            return True
        return False

    def plan_years(self) -> int | None:
        found = _RX5.search(self.text)
        if found:
            word = found[1] or found[2]
            return int(word) if word.isdigit() else int(cn_number(word))
        span = _RX6.search(self.text)
        if span:
            return int(span[2]) - int(span[1]) + 1
        return None

    def table_row(self, token: Token) -> bool:
        """血压计|120台|380元|45600元: in a row of a flattened table (数量|单价|金额), the first amount after the
        count is its price and the second the row's amount."""
        i = self.index
        if i < 2:
            return False
        price, count = self.tokens[i - 1], self.tokens[i - 2]
        if price.kind != MONEY or count.kind != COUNT or price.per or price.start < self.sentence_start:
            return False
        separators = r"\s*[|｜\t]\s*|\s{2,}"
        if not (re.fullmatch(separators, self.text[count.end:price.start])
                and re.fullmatch(separators, self.text[price.end:token.start])):
            return False
        value = round_fen(count.value * price.value)
        self.items = [i for i in self.items if i.start != price.start]
        self.breakdown_items = [i for i in self.breakdown_items if i.start != price.start]
        self.add_step("product", f"{_num(count.value)}{count.unit}×{_written(price)}＝{self.fmt(value)}", value, token,
                      self.approx(price))
        self.used_counts.add(id(count))
        self.add_item(self.item(token))
        return True

    def is_reference(self, token: Token, pre: str) -> bool:
        if _REFERENCE_RE.search(pre) and not _FINAL_RE.search(pre) and not _USED_NOW_RE.search(pre):
            return True
        if _WHOLE_PROJECT_RE.search(pre) and self.multi_year:
            return True
        if self.latest_year is not None:
            years = [int(y) for y in _YEAR_RE.findall(self.text[max(self.sentence_start, token.start - 40):token.start])]
            if years and years[-1] < self.latest_year:
                return True
        return False

    def each_before(self, token: Token) -> tuple[tuple[str, ...], Decimal]:
        """The per words of a 每…/人均 written before ``token`` in its clause, with no number between
        (and the scale of 每万尾: 10000)."""
        if self.last_each < self.sentence_first:
            return (), Decimal(1)   # no 每…/人均 in this sentence
        clause_start = token.start - len(self.clause_before(token, 20))
        per: list[str] = []
        scale = Decimal(1)
        for other in self.back(12):
            if other.end <= clause_start - 1:
                break
            if other.kind == "each":
                per = list(other.per or ("*",)) + [w for w in per if w not in (other.per or ())]
                scale *= other.value or 1
                continue
            if other.kind in (MONEY, COUNT, PERCENT):
                break
        return tuple(per), scale

    # -- standards and products ---------------------------------------------------
    def rate(self, token: Token, per: tuple[str, ...], scale: Decimal = Decimal(1)) -> None:
        self.rate_per[token.start] = per
        rate = _Rate(token, per, self.approx(token), self.clause_before(token, 30), k=len(self.rates), scale=scale)
        following = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        if (following is not None and following.kind == PERCENT and following.value is not None
                and _SHARE_OF_RATE_RE.fullmatch(self.text[token.end:following.start])):
            rate.share = following
            self.rate_shares.add(id(following))
        if self.split is not None and self.split.whole is not None and self.split.whole.rate and self.split_rate(token):
            pass
        self.rates.append(rate)
        self.chain = [token]

    def matches(self, thing: str, count: Token) -> bool:
        """A count of what a standard is per: the same measure (人 and 名 alike), or 个 after the thing's name
        (每站… / 劝导站32个)."""
        if not thing or thing == "*":   # 单价/标准 with no measure written: any count
            return count.unit not in _TIME
        if _same_thing(thing, count.unit):
            return True
        before = self.text[max(0, count.start - 6):count.start]
        if count.unit in ("个", "岗", "岗位") and _same_thing(thing, "人") and _RX7.search(before + count.text):
            return True  # 公益性岗位45个 for 每人每月1000元
        after = self.text[count.end:count.end + 5]
        return count.unit == "个" and (thing in before or thing in after)

    def count_for(self, rate: _Rate, thing: str, until: int | None, secondary: bool = False,
                  exclude: list[Token] = ()) -> Token | None:
        """The count of ``thing`` a standard is per: the nearest (before it, since the previous standard,
        or after it, before the next standard or result)."""
        start, end = rate.token.start, rate.token.end
        listed = rate.k < len(self.rates) and self.rates[rate.k] is rate
        previous = self.rates[rate.k - 1].token.end if listed and rate.k > 0 else self.sentence_start
        following = self.rates[rate.k + 1].token.start if listed and rate.k + 1 < len(self.rates) else None
        limit = min(x for x in (until, following, len(self.text) + 1) if x is not None)
        best, distance = None, None
        lo, hi = bisect_left(self.count_starts, previous), bisect_left(self.count_starts, limit)
        for count in self.counts[lo:hi]:  # counts are in text order: only the window is looked at
            if id(count) in self.used_counts or count in exclude or not self.matches(thing, count):
                continue
            if previous <= count.start < start:
                d = start - count.end + (100 if _is_separated(self.text, count.end, start) else 0)
            elif end <= count.start < limit:
                d = count.start - end + (100 if _is_separated(self.text, end, count.start) else 0)
            else:
                continue
            if distance is None or d < distance:
                best, distance = count, d
        if best is not None:
            best = self.listed_with(best, thing)
        if best is None and secondary:
            # 每次按3人、5天…住宿费每人每天400元，伙食补助每人每天100元: one count serves several standards
            lo = bisect_left(self.count_starts, self.sentence_start)
            shared = [c for c in self.counts[lo:] if c.start < limit and c not in exclude and _same_thing(thing, c.unit)]
            if shared:
                return shared[-1] if shared[-1].start < start else shared[0]
            # 每期人数：100人 / 期数：两期 on lines of their own: the one count of that measure
            same = [c for c, _ in self.earlier_counts if _same_thing(thing, c.unit) and c not in exclude]
            best = same[0] if len(same) == 1 and id(same[0]) not in self.used_counts else None
        elif best is None:
            best = self.shared_count(rate, thing, previous, exclude)
        return best

    def listed_with(self, count: Token, thing: str) -> Token:
        """国控站点6个、省控站点14个: counts of one measure listed with 、 count together for a standard."""
        i = self.counts.index(count) if count in self.counts else -1
        if i < 0 or len(self.rates) > 1:   # with several standards, each finds its own count
            return count
        group = [count]
        j = i - 1
        while j >= 0 and _RX8.fullmatch(self.text[self.counts[j].end:group[0].start]) and self.matches(thing, self.counts[j]):
            group.insert(0, self.counts[j])
            j -= 1
        j = i + 1
        while j < len(self.counts) and _RX8.fullmatch(self.text[group[-1].end:self.counts[j].start]) and self.matches(thing, self.counts[j]):
            group.append(self.counts[j])
            j += 1
        if len(group) == 1 or any(id(c) in self.used_counts for c in group):
            return count
        for member in group:
            self.used_counts.add(id(member))
        text = "＋".join(f"{_num(c.value)}{c.unit}" for c in group)
        return Token(COUNT, f"（{text}）", group[0].start, group[-1].end, sum((c.value for c in group), Decimal(0)),
                     count.unit, approx=any(c.approx for c in group))

    def shared_count(self, rate: _Rate, thing: str, previous: int, exclude: list[Token] = ()) -> Token | None:
        """A count already used by a standard before it (两项标准 on one 1.5万吨), or stated in an earlier
        sentence under the same name (储备规模5000吨 … 按储备规模每吨每年80元)."""
        hi = bisect_left(self.count_starts, previous)
        for count in reversed(self.counts[max(0, hi - 20):hi]):
            if self.matches(thing, count) and count not in exclude:
                return count
        for count, label in reversed(self.earlier_counts[-50:]):
            if self.matches(thing, count) and count not in exclude and _labels_match(label, rate.label, 2):
                return count
        return None

    def product_of(self, rate: _Rate, until: int | None) -> tuple[Decimal, str, bool] | None:
        per = rate.per
        value = rate.token.value / rate.scale
        factors = [_rate_text(rate.token) + (f"/{_num(rate.scale)}{_per_thing(per)}" if rate.scale != 1 else "")]
        if rate.share is not None:
            value = value * rate.share.value / 100
            factors[0] += f"的{_num(rate.share.value)}%"
        uncertain = rate.approx
        things = [w for w in per if w not in _TIME] or []
        counted = False
        taken: list[Token] = []
        for position, thing in enumerate(things):
            if any(_same_thing(thing, t.unit) for t in taken):
                continue  # 每期150人 × 两期 already counted the 期 of 每人每期
            count = self.count_for(rate, thing, until, secondary=position > 0, exclude=taken)
            if count is None:
                if position > 0 or thing == "*" and not self.counts:
                    continue
                found = self.context_count(rate, thing)
                if found is None:
                    if thing == "*":
                        continue
                    return None
                value *= found.value
                factors.insert(0, f"{_num(found.value)}{found.unit}")
                uncertain = True
                counted = True
                continue
            self.used_counts.add(id(count))
            taken.append(count)
            value *= count.value
            factors.insert(len(factors) - 1, f"{_num(count.value)}{count.unit}")
            uncertain = uncertain or count.approx or self.approx(count)
            counted = True
            for group in self.group_counts(count):   # 每批40人 × 5批
                self.used_counts.add(id(group))
                taken.append(group)
                value *= group.value
                factors.insert(0, f"{_num(group.value)}{group.unit}")
            periods = self.periods_of_count(count, per)   # 每季度开展1次 × 全年4个季度
            if periods is not None:
                value *= periods[0]
                factors.append(periods[1])
                uncertain = uncertain or periods[2]
        months = self.months_for(per)
        if months is not None:
            n, assumed = months
            if n != 1:
                value *= n
                factors.append(f"{_num(n)}个月")
            uncertain = uncertain or assumed
        years = self.years_for(per)
        if years is not None:
            value *= years
            factors.append(f"{_num(years)}年")
        if not counted and months is None and years is None:
            return None  # 每年100万元 alone: a yearly amount, not a product
        return round_fen(value), "×".join(factors), uncertain

    def group_counts(self, count: Token) -> list[Token]:
        """每批40人 (每个点位配置器材8件, 日均400吨): the counts that ``count`` is per, nested at most 3 deep."""
        out = []
        for _ in range(3):
            direct = self.count_group.get(id(count))
            if direct is not None and direct not in out and id(direct) not in self.used_counts:
                out.append(direct)
                count = direct
                continue
            each = self.count_each.get(id(count))
            if each is None:
                break
            between = self.text[each.end:count.start]
            if len(between.strip()) > 12 or _RX9.search(between):
                break
            found = None
            for thing in (w for w in each.per if w not in _TIME):
                for candidate in reversed(self.counts[-30:]):
                    if (candidate is not count and candidate not in out and id(candidate) not in self.used_counts
                            and self.matches(thing, candidate)):
                        out.append(candidate)
                        found = found or candidate
                        break
            if found is None:
                break
            count = found
        return out

    def sentence_end(self) -> int:
        if self._sentence_end is None or self._sentence_end[0] != self.sentence_start:
            found = _STOP_RE.search(self.text, self.sentence_start)
            self._sentence_end = (self.sentence_start, found.start() if found else len(self.text))
        return self._sentence_end[1]

    def periods_of_count(self, count: Token, per: tuple[str, ...]) -> tuple[Decimal, str, bool] | None:
        """A count said per month or per quarter (每月开展1次, 每季度训练1次) for a standard that is not: the
        periods of the year it runs (the months the sentence names, 12 for 全年; 4 quarters for 全年)."""
        each = self.count_each.get(id(count))
        if each is None or not each.per or any(w in per for w in ("月", "季度", "季")):
            return None
        if each.per[0] == "月":
            n, assumed = self.months_for(("月",))
            return n, f"{_num(n)}个月", assumed
        if each.per[0] in ("季度", "季") and _RX11.search(self.text[self.sentence_start:self.sentence_end()]):
            return Decimal(4), "4个季度", False
        return None

    def months_for(self, per: tuple[str, ...]) -> tuple[Decimal, bool] | None:
        if "月" not in per:
            return None
        key = ("months", self.sentence_start)
        if key not in self._memo:
            self._memo.clear()
            self._memo[key] = self._months(self.text[self.sentence_start:self.sentence_end()])
        return self._memo[key]

    def _months(self, sentence: str) -> tuple[Decimal, bool]:
        found = _RX10.search(sentence)
        if found:
            n = Decimal(found[1]) if found[1].isdigit() else cn_number(found[1])
            if n:
                return n, False
        if _RX11.search(sentence):
            return Decimal(12), False
        return Decimal(12), True

    def years_for(self, per: tuple[str, ...]) -> Decimal | None:
        """N年 named in the sentence (more than one year) for a yearly standard."""
        if "年" not in per:
            return None
        key = ("years", self.sentence_start)
        if key not in self._memo:
            end, found = self.sentence_end(), None
            for token in self.tokens[self.sentence_first:]:
                if token.start >= end:
                    break
                if token.kind == "years" and token.value and token.value > 1:
                    found = token.value
                    break
            self._memo[key] = found
        return self._memo[key]

    def context_count(self, rate: _Rate, thing: str) -> Token | None:
        for token, label in zip(self.context, self.context_labels, strict=False):
            if token.kind == COUNT and self.matches(thing, token) and _labels_match(rate.label, label):
                return token
        return None

    def flush_rates(self, until: Token | None = None) -> list[_Item]:
        """Standards not yet closed by a result become items (standard × count)."""
        made = []
        while self.first_open < len(self.rates) and self.rates[self.first_open].consumed:
            self.first_open += 1
        for rate in self.rates[self.first_open:]:
            if rate.consumed:
                continue
            if until is not None and not _is_separated(self.text, rate.token.end, until.start):
                continue
            rate.consumed = True
            product = self.product_of(rate, until.start if until is not None else None)
            if product is None:
                self.unresolved = True
                continue
            value, words, uncertain = product
            item = _Item(value, words, rate.token.start, rate.token.end, uncertain, product=True)
            self.add_item(item)
            made.append(item)
        return made

    def chain_value(self, chain: list[Token]) -> tuple[Decimal, str, bool]:
        value, words, uncertain = Decimal(1), [], False
        for token in chain:
            value *= token.value / 100 if token.kind == PERCENT else token.value
            words.append(_rate_text(token) if token.kind == MONEY else _factor_text(token))
            uncertain = uncertain or self.approx(token)
            if token.kind == COUNT:
                self.used_counts.add(id(token))
        for rate in self.rates:
            if any(rate.token is t for t in chain):
                rate.consumed = True
        return round_fen(value), "×".join(words), uncertain

    def close_chain(self, result: Token, sum_marker: bool) -> None:
        value, words, uncertain = self.chain_value(self.chain)
        self.chain, self.chain_open = [], False
        if sum_marker and self.open_terms(sum_marker if isinstance(sum_marker, str) else "sum"):
            self.add_item(_Item(value, words, result.start, result.start, uncertain, product=True))
            self.result(result, sum_marker if isinstance(sum_marker, str) else "sum")
            return
        self.add_step("product", f"{words}＝{self.fmt(value)}", value, result, uncertain)
        self.add_item(self.item(result))
        self.candidates.append((4, result.start, result.value, _written(result), self.approx(result)))

    def close_plus(self, result: Token) -> None:
        """a+b+c=d: the sum; and where it restates the products worked out before, one term each."""
        terms = self.plus
        self.plus, self.plus_open = [], False
        self.flush_rates()
        value = sum((t.value for t in terms), Decimal(0))
        self.add_step("sum", "＋".join(_written(t) for t in terms) + f"＝{self.fmt(value)}", value, result,
                      any(self.approx(t) for t in terms))
        products = [i for i in self.subtotals + self.items if i.product]
        if len(products) == len(terms):
            for product, term in zip(products, terms, strict=True):
                self.add_step("product", f"{product.words}＝{self.fmt(product.value)}", product.value, term, product.approx)
        self.items, self.subtotals, self.sub_start = [self.item(result)], [], 0
        self.last_total = self.whole = self.items[0]
        self.candidates.append((4, result.start, result.value, _written(result), self.approx(result)))

    def flush_plus(self) -> None:
        """Terms written with + but never given a result are items."""
        for token in self.plus:
            self.add_item(self.item(token))
        self.plus, self.plus_open = [], False

    # -- results ---------------------------------------------------------------
    def items_in_sentence(self) -> bool:
        return bool(self.items) and self.items[-1].start >= self.sentence_start

    def local_index(self, need: bool = False) -> int:
        """Where the items a local result covers begin: those of its sentence; for what a paragraph needs
        in all (全年需…), also the items of its earlier clauses (；) that no result has closed
        (一类6座…；二类15座…，全年需资金…)."""
        i = len(self.items)
        while i > 0 and self.items[i - 1].start >= self.sentence_start:
            i -= 1
        while need and i > 0 and self.items[i - 1].start >= self.paragraph_start and not self.items[i - 1].closed:
            i -= 1
        return i

    def open_terms(self, kind: str) -> list[_Item]:
        if kind in ("local", "need") and self.breakdown is not None:
            return [i for i in self.breakdown_items if i.start >= self.sentence_start]
        if kind in ("local", "need"):
            return self.items[self.local_index(need=kind == "need"):]
        if kind == "sub":
            return self.items[self.sub_start:]
        return self.subtotals + self.items

    def result(self, token: Token, kind: str) -> None:
        """An amount after a total word: it states the value of the open items (or stands alone)."""
        approx = self.approx(token)
        etc = bool(_ETC_RE.search(self.before(token, 10)))
        if self.breakdown is not None and kind == "sum":
            self.close_breakdown()
        self.flush_chain()
        self.flush_rates()
        terms = self.open_terms(kind)
        if len(terms) >= 2 or (len(terms) == 1 and terms[0].product):
            value = sum((i.value for i in terms), Decimal(0))
            step = "product" if len(terms) == 1 else "sum"
            self.add_step(step, "＋".join(i.words for i in terms) + f"＝{self.fmt(value)}", value, token,
                          any(i.approx for i in terms) or etc or self.unresolved)
        result = self.item(token, closed=True)
        replaced = [t.start for t in terms if t.start in self.this_year]
        if replaced:
            # 本年测算：A、B，合计X: this year's amount is the total of what followed the words
            for start in replaced:
                del self.this_year[start]
            self.this_year[token.start] = (1, token.start, token.value, _written(token), approx)
        if kind == "sub":
            if not terms and _BREAKDOWN_RE.match(self.text[token.end:token.end + 30]):
                self.open_breakdown(result)
            self.subtotals.append(result)
            del self.items[self.sub_start:]
            self.sub_start = len(self.items)
            self.whole = result
            return
        if kind in ("local", "need") and self.breakdown is not None:
            inside = {id(t) for t in terms}
            self.breakdown_items = [i for i in self.breakdown_items if id(i) not in inside] + [result]
            del self.items[self.local_index():]
            self.chain = [token]
            return
        if kind in ("local", "need"):
            del self.items[self.local_index(need=kind == "need"):]
            self.items.append(result)
        else:
            self.items, self.subtotals, self.sub_start = [], [], 0
            self.last_total = result
        if not terms:
            self.check_context(token)
            if _BREAKDOWN_RE.match(self.text[token.end:token.end + 30]):
                self.items = [i for i in self.items if i is not result]
                self.open_breakdown(result)
        self.whole = result
        self.unresolved = False
        self.candidates.append((4, token.start, token.value, _written(token) if terms == [] else f"合计{_written(token)}", approx))
        self.chain = [token]
        if self.split is not None and self.split.whole is None:
            self.set_split_whole(result)

    def open_breakdown(self, total: _Item) -> None:
        self.breakdown, self.breakdown_items, self.breakdown_remainder = total, [], False
        self.whole = total
        if total not in self.items and total not in self.subtotals:
            self.items.append(total)
        if self.split is not None and self.split.whole is None:
            self.set_split_whole(total)

    def close_breakdown(self) -> None:
        """总计X，其中A、B…: the parts listed after a total add up to it (a remainder already checks)."""
        total, parts = self.breakdown, self.breakdown_items
        self.breakdown, self.breakdown_items = None, []
        if total is None or len(parts) < 2 or self.breakdown_remainder:
            return
        value = sum((i.value for i in parts), Decimal(0))
        uncertain = total.approx or any(i.approx for i in parts)
        tolerance = self.tolerance(total.token, uncertain) if total.token is not None else Decimal(0)
        self.out.steps.append(Step("sum", "＋".join(i.words for i in parts) + f"＝{self.fmt(value)}", value, total.value,
                                   uncertain, tolerance, total.start, total.end))

    def final(self, token: Token) -> None:
        self.flush_rates(until=token)
        self.candidates.append((0, token.start, token.value, f"批复{_written(token)}", False))
        measured = [i for i in self.subtotals + self.items if not i.derived]
        if measured:
            total = sum((i.value for i in measured), Decimal(0))
            if total != token.value:
                self.out.steps.append(Step("approved", f"测算{'＋'.join(i.words for i in measured)}＝{self.fmt(total)}，"
                                           f"批复{_written(token)}", total, token.value, True, Decimal(0), token.start, token.end))
        self.items, self.subtotals = [], []

    def remainder(self, token: Token) -> None:
        """其余Y: the total (or the first amount listed) less the amounts stated since."""
        self.flush_rates(until=token)
        split = self.split
        if split is not None and split.kind == "percent" and split.whole is not None and not split.whole.rate:
            taken = sum(split.fractions.values(), Decimal(0))
            value = round_fen(split.whole.value * (Decimal(1) - taken))
            self.add_step("remainder", f"{split.whole.words}减去{split.label}为{self.fmt(value)}", value, token,
                          split.whole.approx)
            item = self.item(token, derived=True)
            if _party_before(self.since_prev(token)) == self.level or self.level not in split.fractions:
                self.candidates.append((2, token.start, token.value, f"其余{_written(token)}由本级承担", item.approx))
            self.whole = item
            return
        if self.breakdown is not None:
            whole, parts = self.breakdown, list(self.breakdown_items)
            self.breakdown_remainder = True
        else:
            whole = self.last_total if self.last_total is not None else self.items[0]
            parts = [i for i in self.items if i.start > whole.end and not i.rate]
            if whole is not self.last_total and whole in self.items:
                # the first amount is the total the others are parts of
                self.candidates.append((4, whole.start, whole.value, whole.words, whole.approx))
        if _party_before(self.text[token.end:token.end + 12]) == self.level:   # 其余44万元由县级财政配套
            self.candidates.append((2, token.start, token.value, f"其余{_written(token)}由本级承担", self.approx(token)))
        if parts:
            value = whole.value - sum((p.value for p in parts), Decimal(0))
            self.add_step("remainder", f"{whole.words}减去{'、'.join(p.words for p in parts)}为{self.fmt(value)}", value,
                          token, whole.approx or any(p.approx for p in parts))
        item = self.item(token, derived=True)
        if _party_before(self.since_prev(token)) == self.level:  # 其余由县级自筹，即县级承担7600万元
            self.candidates.append((2, token.start, token.value, f"其余{_written(token)}由本级承担", item.approx))
        if self.breakdown is not None:
            self.breakdown_items.append(item)
        else:
            self.items = [i for i in self.items if i.start <= whole.end] if whole in self.items else self.items
        self.whole = item  # 其余225万元由市、区按1:1承担: what a split after it applies to
        if self.split is not None and self.split.whole is None:
            self.set_split_whole(item)

    # -- percentages ------------------------------------------------------------
    def percent(self, token: Token) -> None:
        near = self.before(token, 12)
        after = self.after(token, 4)
        if self.chain_open and self.chain:
            self.chain.append(token)
            self.chain_open = False
            return
        party = _party_before(near)
        if _PERCENT_OF_RE.search(near) and not _RX12.search(near):
            # 区级按中央补助的20%配套: a percentage of a named base, whoever pays it
            name = _base_name(self.text[max(self.sentence_start, token.start - 24):token.start])
            self.percent_pending = (self.base_before(token, name), name, token)
            return
        if party is not None and _RX13.search(near):
            self.level_share(token, party)  # 区级占比65%
            return
        if _TARGET_BEFORE_RE.search(near):
            return  # a target: 覆盖率≥95%
        if _RX14.search(near):
            self.each_share(token)
            return
        if party is not None and (_SHARE_VERB_RE.search(near[-6:]) or _SHARE_VERB_RE.match(after.lstrip())
                                  or near.rstrip().endswith(("级", "财政"))):
            self.level_share(token, party)
            return
        if _PERCENT_OF_RE.search(near) or _PERCENT_FEE_RE.match(after) or "按" in near:
            name = _base_name(self.text[max(self.sentence_start, token.start - 24):token.start])
            base = self.base_before(token, name)
            self.percent_pending = (base, name, token)

    def base_before(self, token: Token, name: str) -> _Item | None:
        """The amount a percentage is of: the one named so before it, else the last one before it
        in its sentence; None when the base is named but written after (按项目资金的0.5%…：项目资金2860万元)."""
        if _RX15.search(self.text[max(self.sentence_start, token.start - 24):token.start]):
            terms = self.open_terms("sum")
            if terms:
                value = sum((i.value for i in terms), Decimal(0))
                return _Item(value, "（" + "＋".join(i.words for i in terms) + "）", terms[0].start, terms[-1].end)
        if _RX16.match(name):
            terms = self.open_terms("sum")   # 按上述项目资金的1%计取: of everything listed before
            if terms:
                value = sum((i.value for i in terms), Decimal(0))
                return _Item(value, "（" + "＋".join(i.words for i in terms) + "）", terms[0].start, terms[-1].end)
        last, named, fuzzy, best = None, None, None, 0
        for other in self.sentence_tokens():
            if other.kind == MONEY and other.end <= token.start:
                last = other
                label = self.label_of(other)
                if name and name in label:
                    named = other
                elif name:
                    common = _common_run(name, label)
                    if common >= 4 and common >= 0.6 * len(name) and common > best:
                        fuzzy, best = other, common
        if named is not None:
            return self.base_item(named)
        if name and self.text.find(name, token.end) >= 0:
            return None  # named, and written after: 按项目资金的0.5%计提：项目资金2860万元
        if fuzzy is not None:
            return self.base_item(fuzzy)
        if "率" in name:
            return None   # 按贷款合同利率的50%: a percentage of a percentage, not of an amount
        if not name and self.last_percent_base is not None and _RX17.search(self.before(token, 4)):
            return self.last_percent_base  # 监理费按建安费的3%…，设计费按4.5%…: the same base
        if last is not None:
            return self.base_item(last)
        return self.whole

    def base_item(self, token: Token) -> _Item:
        per = token.per or self.rate_per.get(token.start, ())
        return _Item(token.value, _rate_text(token), token.start, token.end, self.approx(token), per)

    def label_of(self, token: Token) -> str:
        return self.clause_before(token, 16)

    def base_named(self, token: Token) -> bool:
        name = self.percent_pending[1]
        if not name:
            return False
        label = self.label_of(token)
        common = _common_run(name, label)
        return name in label or (common >= 4 and common >= 0.6 * len(name))

    def percent_result(self, token: Token) -> None:
        base, _name, pct = self.percent_pending
        self.percent_pending = None
        self.last_percent_base = base
        value = round_fen(base.value * pct.value / 100)
        item = self.item(token, derived=True)
        if bool(base.rate) == token.is_rate:
            self.add_step("percent_of", f"{base.words}的{_num(pct.value)}%为{self.fmt(value)}", value, token, base.approx)
            self.candidates.append((3, token.start, token.value, f"{base.words}的{_num(pct.value)}%即{_written(token)}",
                                    self.approx(token)))
        self.add_item(item)

    # -- splits ----------------------------------------------------------------
    def ratio(self, token: Token) -> None:
        before = self.text[max(self.sentence_start, token.start - 16):token.start]
        after_clause = re.split(r"[，,。；;\n]", self.text[token.end:token.end + 16], maxsplit=1)[0]
        named = _parties_in(before, words=True)
        if len(named) > len(token.parts):
            grouped = _grouped_parties(before)
            named = grouped[-len(token.parts):] if len(grouped) >= len(token.parts) else named[-len(token.parts):]
        elif len(named) < len(token.parts):
            named = _parties_in(after_clause, words=True)[:len(token.parts)]
        if len(named) < len(token.parts):
            return
        parties = tuple(LEVELS.get(w, w) for w in named)
        total = sum(token.parts)
        fractions = {p: part / total for p, part in zip(parties, token.parts, strict=False)}
        previous = self.split
        scale, whole, less = Decimal(1), None, Decimal(0)
        rest = _RX18.search(self.text[max(self.sentence_start, token.start - 24):token.start])
        if previous is not None and rest:
            taken = sum((f for p, f in previous.fractions.items() if p not in fractions), Decimal(0))
            scale, whole = Decimal(1) - taken, previous.whole
            fractions = {p: f * scale for p, f in fractions.items()}
            fractions.update({p: f for p, f in previous.fractions.items() if p not in fractions})
            split = _Split(fractions, f"{'、'.join(named)}按{token.text}分担", whole, "ratio", position=token.start)
            self.split = split
            if whole is not None:
                self.set_split_whole(whole)
            return
        if rest and self.whole is not None and _party_before(self.since_before_item(self.whole)):
            less = self.whole.value  # 中央和省级补助资金60万元，其余由市、区按3:7承担: the rest of a whole written later
        elif previous is not None and previous.kind in ("percent", "each") and previous.tokens:
            for party, stated in previous.tokens.items():
                if party in fractions and fractions[party] * 100 != stated.value:
                    self.add_step("share_percent", f"{'、'.join(named)}按{token.text}分担，{LEVEL_NAMES.get(party, party)}应承担"
                                  f"{_pct(fractions[party])}", fractions[party] * 100, stated)
        label = f"{'、'.join(named)}按{token.text}分担"
        split = _Split(fractions, label, None, "ratio", position=token.start, less=less)
        if less:
            self.split = split
            return
        self.open_split(split, token, whole)

    def open_split(self, split: _Split, token: Token, whole: _Item | None) -> None:
        if whole is None:
            whole = self.split_base(token)
        self.split = split
        if whole is not None:
            self.set_split_whole(whole)

    def split_base(self, token: Token) -> _Item | None:
        """What a split applies to: a standard just before it, else the whole before it in its sentence
        (or the last total); None when the whole is written after the split."""
        for rate in reversed(self.rates):
            if rate.token.end <= token.start and not rate.consumed:
                rate.consumed = True
                return _Item(rate.token.value, _rate_text(rate.token), rate.token.start, rate.token.end, rate.approx,
                             rate.per)
        following = [t for t in self.tokens[self.index + 1:self.index + 12] if t.kind in (MONEY, "stop")]
        written_after = bool(following) and following[0].kind == MONEY and not _party_before(
            self.text[token.end:following[0].start][-10:])
        has_before = any(t.kind == MONEY for t in self.sentence_tokens())
        if written_after and not has_before:
            return None
        return self.whole

    def since_before_item(self, item: _Item) -> str:
        """The words of an amount's clause before it (no earlier number)."""
        i, stop = item.start, max(self.sentence_start, item.start - 16)
        while i > stop and self.text[i - 1] not in "，,。；;\n" and not self.text[i - 1].isdigit():
            i -= 1
        return self.text[i:item.start]

    def set_split_whole(self, whole: _Item) -> None:
        split = self.split
        if split.less:
            whole = _Item(whole.value - split.less, f"{whole.words}减去{_num(split.less / 10000)}万元" if split.less % 100 == 0
                          else f"{whole.words}减去{_num(split.less)}元", whole.start, whole.end, whole.approx)
            split.less = Decimal(0)
        split.whole = whole
        ours = split.fractions.get(self.level)
        if ours is not None and not whole.rate:
            value = round_fen(whole.value * ours)
            self.candidates.append((2, max(split.position, whole.start), value,
                                    f"{whole.words}{split.label}，本级{_pct(ours)}为{self.fmt(value)}", whole.approx))
        for party, token in split.stated:
            self.check_share(party, token)
        split.stated = []

    def split_rate(self, token: Token) -> bool:
        """A standard stated after a split of a standard: 区级承担70%（16800元/个.年）."""
        split = self.split
        ours = split.fractions.get(self.level)
        if ours is None:
            return False
        value = round_fen(split.whole.value * ours)
        self.add_step("share", f"{split.whole.words}{split.label}，本级{_pct(ours)}为{_rate_value(value, token)}", value,
                      token, split.whole.approx)
        self.split = None
        return True

    def split_amount(self, token: Token, pre: str) -> bool:
        """An amount stated for a party after a split is its share (checked once the whole is known)."""
        split = self.split
        party = _party_before(pre)
        if party is None and self.last_percent is not None and self.last_percent.end <= token.start and not re.search(
                r"[。；;\n]", self.text[self.last_percent.end:token.start]) and _RX19.match(pre):
            party = next((p for p, t in split.tokens.items() if t is self.last_percent), None)
        if party is None and split.whole is not None and _SHARE_VERB_RE.search(pre) and not _SUM_RE.search(pre):
            party = self.level if self.level in split.fractions else None
        if party is None or party not in split.fractions:
            if split.whole is None and not _party_before(pre):
                self.set_split_whole(self.item(token))
                self.add_item(self.item(token))
                self.candidates.append((4, token.start, token.value, _written(token), self.approx(token)))
                return True
            return False
        if party == self.level:
            self.candidates.append((2, token.start, token.value, f"{split.label}，本级{_written(token)}", self.approx(token)))
        if split.whole is None:
            split.stated.append((party, token))
        else:
            self.check_share(party, token)
        return True

    def check_share(self, party: str, token: Token) -> None:
        split = self.split
        whole = split.whole
        if whole is None or whole.rate:
            return
        fraction = split.fractions[party]
        value = round_fen(whole.value * fraction)
        self.add_step("share", f"{whole.words}{split.label}，{LEVEL_NAMES.get(party, party)}{_pct(fraction)}为{self.fmt(value)}",
                      value, token, whole.approx)

    def level_share(self, token: Token, party: str) -> None:
        self.last_percent = token
        split = self.split
        fraction = token.value / 100
        if split is not None and party in split.fractions and split.kind in ("ratio", "each"):
            expected = split.fractions[party]
            if expected * 100 != token.value:
                self.add_step("share_percent", f"{split.label}，{LEVEL_NAMES.get(party, party)}应承担{_pct(expected)}",
                              expected * 100, token)
            split.tokens[party] = token
            return
        if split is not None and split.kind == "percent" and party not in split.fractions:
            split.fractions[party] = fraction
            split.tokens[party] = token
            split.label = "，".join(f"{LEVEL_NAMES.get(p, p)}承担{_pct(f)}" for p, f in split.fractions.items())
            if split.whole is not None and party == self.level:
                self.set_split_whole(split.whole)
            return
        label = f"{LEVEL_NAMES.get(party, party)}承担{_num(token.value)}%"
        new = _Split({party: fraction}, label, None, "percent", {party: token}, position=token.start)
        self.open_split(new, token, None)

    def each_share(self, token: Token) -> None:
        clause = self.clause_before(token, 20)
        parties, named = _parties_in(clause), _parties_in(clause, words=True)
        split = self.split
        if len(parties) < 2 and split is not None and split.kind == "ratio":
            parties = tuple(split.fractions)
        if len(parties) < 2:
            return
        fraction = token.value / 100
        if split is not None and split.kind == "ratio" and set(parties) <= set(split.fractions):
            for party in parties:
                if split.fractions[party] != fraction:
                    self.add_step("share_percent", f"{split.label}，{LEVEL_NAMES.get(party, party)}应承担"
                                  f"{_pct(split.fractions[party])}", split.fractions[party] * 100, token)
                    break
            return
        label = f"{'、'.join(named)}各{_num(token.value)}%"
        self.open_split(_Split({p: fraction for p in parties}, label, None, "each", position=token.start), token, None)

    def half(self, token: Token) -> None:
        self.each_share(token)

    # -- what the text arrives at -------------------------------------------------
    def check_context(self, token: Token) -> None:
        """A total with no items in the text: the counts and standards stated elsewhere in the form."""
        if self.lone_checked or not self.context:
            return
        self.lone_checked = True
        counts = [(t, label) for t, label in zip(self.context, self.context_labels, strict=False) if t.kind == COUNT]
        rates = [(t, label) for t, label in zip(self.context, self.context_labels, strict=False) if t.kind == MONEY]
        if not counts or not rates or any(c.approx for c, _ in counts):
            return
        if len(rates) == 1 and len([w for w in rates[0][0].per if w not in _TIME]) > 1:
            # 45人 × 300天 × 8元/人·天: one standard per several things
            rate = rates[0][0]
            value, words = rate.value, [_rate_text(rate)]
            for thing in (w for w in rate.per if w not in _TIME):
                matching = [c for c, _ in counts if self.matches(thing, c)]
                if not matching:
                    return
                value *= sum((c.value for c in matching), Decimal(0))
                words.insert(0, "＋".join(f"{_num(c.value)}{c.unit}" for c in matching))
            if "月" in rate.per:
                value *= 12
                words.append("12个月")
            value = round_fen(value)
            self.add_step("context", "按数量指标和成本指标，" + "×".join(words) + f"＝{self.fmt(value)}", value, token, True)
            return
        total, words = Decimal(0), []
        for count, label in counts:
            matching = [(r, rl) for r, rl in rates if self.matches(_per_thing(r.per), count)]
            if len(matching) > 1:
                matching = [(r, rl) for r, rl in matching if _labels_match(label, rl)]
            if len(matching) != 1:
                return
            rate = matching[0][0]
            months = Decimal(12) if "月" in rate.per else Decimal(1)
            total += rate.value * count.value * months
            words.append(f"{_num(count.value)}{count.unit}×{_rate_text(rate)}" + ("×12个月" if months == 12 else ""))
        total = round_fen(total)
        self.add_step("context", "按数量指标和成本指标，" + "＋".join(words) + f"＝{self.fmt(total)}", total, token, True)

    def finish(self) -> None:
        self.flush_rates()
        self.close_breakdown()
        if self.plan is not None and len(self.plan_parts) >= 2 and not self.plan_remainder \
                and len(self.plan_parts) == self.plan_years():
            value = sum((p.value for p in self.plan_parts), Decimal(0))
            self.out.steps.append(Step("sum", "＋".join(p.words for p in self.plan_parts) + f"＝{self.fmt(value)}", value,
                                       self.plan.value, self.plan.approx, self.tolerance(self.plan.token, self.plan.approx),
                                       self.plan.start, self.plan.end))
        if self.percent_pending is not None and self.percent_pending[0] is not None:
            base, _name, pct = self.percent_pending
            value = round_fen(base.value * pct.value / 100)
            self.candidates.append((3, pct.start, value, f"{base.words}的{_num(pct.value)}%为{self.fmt(value)}", base.approx))
        plain = [i for i in self.subtotals + self.items if not i.derived and not i.product]
        if (len(plain) == 1 and plain[0].token is not None and not self.lone_checked
                and not any(s.kind in ("sum", "product") for s in self.out.steps)
                and not any(t.kind in (MONEY, COUNT) for t in self.tokens if t.end <= plain[0].start)):
            self.check_context(plain[0].token)
        if not self.this_year and self.plan_first is not None:
            self.this_year[self.plan_first[1]] = self.plan_first
        self.candidates += list(self.this_year.values())
        final = [c for c in self.candidates if c[0] == 0]
        ours = [c for c in self.candidates if c[0] == 2]
        this_year = [c for c in self.candidates if c[0] == 1]
        stated = [c for c in self.candidates if c[0] in (3, 4)]
        chosen = None
        if ours and (not final or max(c[1] for c in ours) > final[-1][1]):
            chosen = max(ours, key=lambda c: c[1])   # 核定亏损1560万元，按市、区4:6分担，区级936万元
        elif final:
            chosen = final[-1]
        elif this_year:
            chosen = max(this_year, key=lambda c: c[1])
        elif stated:
            chosen = max(stated, key=lambda c: c[1])
        else:
            items = [i for i in self.subtotals + self.items if not i.rate]
            if len(items) >= 2:
                value = sum((i.value for i in items), Decimal(0))
                chosen = (5, 0, value, "＋".join(i.words for i in items) + f"＝{self.fmt(value)}",
                          any(i.approx for i in items) or self.unresolved)
            elif len(items) == 1 and not self.unresolved:
                chosen = (6, 0, items[0].value, items[0].words, items[0].approx)
        if chosen is not None:
            _, _, self.out.bottom_line, self.out.derivation, self.out.uncertain = chosen



Context = tuple[tuple[str, str, str], ...]   # (数量指标 or 成本指标, name, value)



@lru_cache(maxsize=1024)
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
    return _Reader(lexed, level, tuple(tokens), tuple(labels), unit).run()
