"""Reading what a calculation written as prose claims.

The grammar, over the tokens of :mod:`.lexer` (sentences end at 。； or a line break):

- **factor**: a count (65户), a standard (800元 after 每户, 150元/人/月, 人均2000元, 补助标准…),
  a period (12个月, 全年, 3年), or any number joined to others by ×, *, 乘以.
- **product**: a standard with the count it is per (the nearest count of that measure in its
  sentence), its months (per 月: the months the sentence names, else 全年 = 12) and years (per 年:
  N年 when the sentence names more than one); or an explicit × chain. A product followed by a
  **result** (an amount after 共计, 合计, 总计, 共, 需, 计, 即, ＝, 全年…) states its value.
- **item**: an amount that is neither a standard, a result, a reference, nor contained (（含…）);
  or a product. Items add up to the next **total** (a result after items); 小计 closes a sub-total
  whose value is the item of the grand total; ``总计X，其中A、B`` states the total first.
- **split**: a ratio (3:7, 1比1, 5:3:2; 各配套50%) between parties named before or after it
  (市、区按3:7; 按1:1比例由市、区两级承担), applied to the **whole** before it (the last total or
  item, or the standard being split); ``省补助25%，其余由市、区按1:1`` splits what is left. The form's
  own level takes its share; an amount stated for a party is its share; 区级承担70% must agree.
- **remainder** (其余, 剩余, 余下): the whole less the items stated since.
- **percentage of a base** (X的20%, 按服务费的3%计取): the base × the percentage.
- **reference** (上年, 去年, 实际, 总投资, 结转…): kept out of this year's items; **approved**
  (批复, 核定) is the amount arrived at.

Each relation is a :class:`Step` with both numbers; :attr:`Reading.bottom_line` is what the text
arrives at for the form (approved > this year's > our share > a percentage > the last total > the
items). What the reader does not understand it leaves out: a standard with no count is not a term.
Work is linear in the number of tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from jixiao_desktop.money import FEN, AmountUnit, format_with_unit, round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, RATIO, Lexed, Token, lex

_TIME = {"年", "月", "日", "季度", "季", "学期", "周"}
_PERSONISH = {"人", "名", "人次", "位"}
_TOTAL_RE = re.compile(
    r"(?:以上合计|以上共计|合计|共计|总计|总额|总共|一共|共需|全年共|全年需|总经费|总金额|总预算|所需资金|所需经费"
    r"|(?<![预统设会估核审累])计|共|需|即|=|小计)"
    r"[^，,。；;\n\d]{0,8}$"
)
_SUBTOTAL_RE = re.compile(r"小计[^，,。；;\n\d]{0,8}$")
_REFERENCE_RE = re.compile(r"上年|去年|前年|往年|历年|上一年|以前年度|实际(?!批复|安排)|已下达|已拨付|总投资|累计|结转|结余|原计划|原预算")
_FINAL_RE = re.compile(r"实际批复|批复金额|批复|核定|实际安排")
_THIS_YEAR_RE = re.compile(r"本年度|本年|今年|当年|年度安排")
_REMAINDER_RE = re.compile(r"其余|剩余|余下|余额")
_CONTAINED_RE = re.compile(r"(?:[（(]\s*|其中)?含[^，,。；;\n)）]{0,10}$")
_APPROX_BEFORE_RE = re.compile(r"(?:约|近|大约|预计约|约为|左右为)[^，,。；;\n\d]{0,3}$")
_APPROX_AFTER_RE = re.compile(r"^\s*(?:左右|多|余|以上)")
_ETC_RE = re.compile(r"等[^，,。；;\n\d]{0,6}$")
_RATE_WORD_RE = re.compile(r"标准[^，,。；;\n\d]{0,6}$|单价[^，,。；;\n\d]{0,4}$")
_PERCENT_OF_BEFORE_RE = re.compile(r"的\s*$|按\s*$")
_PERCENT_FEE_AFTER_RE = re.compile(r"^\s*(?:计取|计提|提取|收取|计|的)")
_TARGET_BEFORE_RE = re.compile(r"(?:率|度|比例|比重|占比)\s*(?:达到?|为|≥|≤|>|<|不低于|不高于|不少于)?\s*$|[≥≤><]\s*$")
_BREAKDOWN_RE = re.compile(r"\s*[，,]?\s*(?:其中|包括|具体(?:如下|为|是)?|分别(?:为|是)|明细(?:如下)?|用于|[:：])")

LEVELS = {"中央": "中央", "省": "省", "省级": "省", "自治区": "省", "市": "市", "市级": "市", "市本级": "市", "州": "市",
          "盟": "市", "区": "县", "区级": "县", "县": "县", "县级": "县", "旗": "县", "乡": "乡", "乡级": "乡",
          "镇": "乡", "镇级": "乡", "街道": "乡", "村级": "村"}
LEVEL_NAMES = {"中央": "中央", "省": "省级", "市": "市级", "县": "区（县）级", "乡": "乡（镇）级", "村": "村级"}


@dataclass(frozen=True, slots=True)
class Step:
    """One relation the text states: ``computed`` from its own numbers vs ``stated``."""

    kind: str            # product | sum | share | share_percent | remainder | percent_of | approved | context
    description: str     # the working, in Chinese, with the text's numbers
    computed: Decimal
    stated: Decimal | None
    uncertain: bool = False
    tolerance: Decimal = Decimal(0)   # how far apart the two may be (the stated figure's written precision)
    start: int = 0
    end: int = 0

    @property
    def holds(self) -> bool:
        return self.stated is None or abs(self.computed - self.stated) <= self.tolerance


@dataclass(slots=True)
class Reading:
    steps: list[Step] = field(default_factory=list)
    bottom_line: Decimal | None = None
    derivation: str = ""
    uncertain: bool = False
    truncated: bool = False

    def failures(self) -> list[Step]:
        return [s for s in self.steps if not s.holds]


def level_of(*names: str) -> str:
    """The government level of a unit from its name: 株洲市石峰区民政局 → 县 (区/县 level); 县 if unknown."""
    for name in names:
        found = [LEVELS[m] for m in re.findall(r"(自治区|省|市本级|市|州|盟|区|县|旗|乡|镇|街道)(?!级?财政局?以外)", name or "")
                 if m in LEVELS]
        if found:
            order = ["中央", "省", "市", "县", "乡", "村"]
            return max(found, key=order.index)
    return "县"


@dataclass(slots=True)
class _Item:
    value: Decimal
    words: str
    start: int
    end: int
    approx: bool = False
    rate: tuple[str, ...] = ()      # a standard: what it is per
    derived: bool = False           # worked out from an amount before it (a remainder, a percentage)
    token: Token | None = None      # the amount as written, for a plain amount


@dataclass(slots=True)
class _Rate:
    token: Token
    per: tuple[str, ...]
    approx: bool
    label: str
    consumed: bool = False


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
        self.items: list[_Item] = []          # the open sum
        self.subtotals: list[_Item] = []      # closed 小计
        self.whole: _Item | None = None       # what a split, remainder or percentage applies to
        self.whole_index = 0                  # items count when the whole was set (for remainders)
        self.candidates: list[tuple[int, Decimal, str, bool]] = []
        self.breakdown: _Item | None = None   # 总计X，其中… : the total stated first
        self.breakdown_items: list[_Item] = []
        self.breakdown_remainder = False
        self.last_total: _Item | None = None
        self.lone_checked = False
        # per sentence
        self.sentence_start = 0
        self.counts: list[Token] = []
        self.used_counts: set[int] = set()
        self.rates: list[_Rate] = []
        self.chain: list[Token] = []
        self.chain_open = False
        self.split_taken = Decimal(0)         # share already given to a party named before (省补助25%)
        self.split: tuple[Decimal, tuple[str, ...]] | None = None  # our fraction, parties
        self.split_whole: _Item | None = None
        self.level_percent: dict[str, tuple[Token]] = {}
        self.percent_pending: tuple | None = None
        self.pending_parts: list[_Item] = []
        self.unresolved = False
        self.split_fractions: dict[str, Decimal] = {}
        self.split_parties: tuple[str, ...] = ()
        self.split_label = ""
        self._cursor = 0

    # -- helpers -------------------------------------------------------------
    def fmt(self, value: Decimal) -> str:
        """A computed amount in the form's unit: ``369600.00元``, ``252.00万元``."""
        return format_with_unit(value, self.unit)

    def before(self, token: Token, limit: int = 14) -> str:
        start = max(self.sentence_start, token.start - limit)
        return self.text[start:token.start]

    def clause_before(self, token: Token, limit: int = 24) -> str:
        i, stop = token.start, max(self.sentence_start, token.start - limit)
        while i > stop and self.text[i - 1] not in "，,。；;\n":
            i -= 1
        return self.text[i:token.start]

    def after(self, token: Token, limit: int = 6) -> str:
        return self.text[token.end:token.end + limit]

    def approx(self, token: Token) -> bool:
        return token.approx or bool(_APPROX_BEFORE_RE.search(self.before(token, 8))) or bool(
            _APPROX_AFTER_RE.match(self.after(token, 3)))

    def tolerance(self, token: Token, approx: bool) -> Decimal:
        digits = re.search(r"\d+(?:\.(\d+))?", token.text)
        decimals = len(digits[1]) if digits and digits[1] else 0
        factor = {"万元": Decimal(10000), "亿元": Decimal(100000000)}.get(token.unit, Decimal(1))
        precision = Decimal(1).scaleb(-decimals) * factor
        if decimals or approx or token.unit == "元":
            return max(precision / 2, FEN / 2) if (decimals or approx) else Decimal("0.5")
        return Decimal(0)

    def add_step(self, kind, description, computed, stated_token: Token | None, uncertain=False, stated=None):
        value = stated_token.value if stated_token is not None else stated
        approx = uncertain or (stated_token is not None and self.approx(stated_token))
        tol = self.tolerance(stated_token, approx) if stated_token is not None else Decimal(0)
        if kind == "share_percent":
            tol = Decimal(0)
        where = (stated_token.start, stated_token.end) if stated_token is not None else (0, 0)
        self.out.steps.append(Step(kind, description, computed, value, approx, tol, *where))

    # -- the walk ------------------------------------------------------------
    def run(self) -> Reading:
        for index, token in enumerate(self.tokens):
            kind = token.kind
            if kind == "stop":
                self.end_sentence(token.end)
            elif kind == COUNT:
                self.counts.append(token)
                self.chain_add(token)
            elif kind in ("months", "years", "number"):
                self.chain_add(token)
            elif kind == "op":
                self.chain_open = True
            elif kind == "eq":
                pass
            elif kind == MONEY:
                self.money(token)
            elif kind == PERCENT:
                self.percent(token, index)
            elif kind == RATIO:
                self.ratio(token, index)
            elif kind == "comma":
                pass
        self.end_sentence(len(self.text))
        self.finish()
        return self.out

    def chain_add(self, token: Token) -> None:
        if self.chain_open and self.chain:
            self.chain.append(token)
            self.chain_open = False
        else:
            self.chain = [token]
            self.chain_open = False

    def end_sentence(self, position: int) -> None:
        self.flush_rates()
        self.sentence_start = position
        self.counts, self.used_counts, self.rates = [], set(), []
        self.chain, self.chain_open = [], False
        self.split_taken = Decimal(0)

    # -- amounts ---------------------------------------------------------------
    def money(self, token: Token) -> None:
        before = self.before(token)
        clause = self.clause_before(token)
        approx = self.approx(token)
        # An explicit × chain: 180人×150元/人/月×12个月＝…
        if self.chain_open and self.chain:
            self.chain.append(token)
            self.chain_open = False
            return
        if _CONTAINED_RE.search(before):
            return  # （含…）: part of an item already counted
        is_result = bool(_TOTAL_RE.search(before))
        if _FINAL_RE.search(clause) and not _REFERENCE_RE.search(clause.replace("实际批复", "")):
            self.final(token)
            return
        if _REFERENCE_RE.search(clause) and not is_result:
            return  # last year's figure, a multi-year total investment: not this year's money
        if token.is_rate or (self.each_before(token) and not is_result) or (_RATE_WORD_RE.search(before) and not is_result):
            per = token.per or self.each_before(token) or ()
            if self.split_pending_rate(token, per, approx):
                return
            self.rates.append(_Rate(token, per, approx, self.clause_before(token, 30)))
            self.chain = [token]
            return
        if self.chain and len(self.chain) >= 2 and (
                self.text[self.chain[-1].end:token.start].strip() in ("=", "＝", "") or is_result):
            self.close_chain(token)
            return
        if _REMAINDER_RE.search(clause) and (self.last_total is not None or self.items):
            self.remainder(token)
            return
        if self.split is not None and self.split_share(token, clause):
            return
        if self.percent_pending is not None:
            self.percent_result(token)
            return
        if is_result:
            self.result(token, subtotal=bool(_SUBTOTAL_RE.search(before)))
            return
        self.flush_rates(until=token)
        item = _Item(token.value, _written(token), token.start, token.end, approx, token=token)
        if self.breakdown is not None:
            self.breakdown_items.append(item)
        self.items.append(item)
        self.set_whole(item)
        if _THIS_YEAR_RE.search(clause):
            self.candidates.append((1, token.value, _written(token), approx))
        self.chain = [token]

    def each_before(self, token: Token) -> tuple[str, ...]:
        """The per words of a 每…/人均 written shortly before ``token`` in its clause."""
        for other in reversed(self.tokens_between(token, 20)):
            if other.kind == "each":
                return other.per or ("件",)
            if other.kind in (MONEY, COUNT):
                return ()
        return ()

    def tokens_between(self, token: Token, limit: int) -> list[Token]:
        start = max(self.sentence_start, token.start - limit)
        clause_start = token.start - len(self.clause_before(token, limit))
        lo = max(start, clause_start)
        return [t for t in self._sentence_tokens() if lo <= t.start and t.end <= token.start]

    def _sentence_tokens(self):
        # tokens of the current sentence so far (bounded: sentences are short; a long one is capped)
        tokens = self.tokens
        i = self._cursor
        while i < len(tokens) and tokens[i].start < self.sentence_start:
            i += 1
        self._cursor = i
        return tokens[i:i + 400]

    def set_whole(self, item: _Item) -> None:
        self.whole = item
        self.whole_index = len(self.items)

    # -- products ------------------------------------------------------------------
    def count_for(self, rate: _Rate, after_limit: int | None) -> Token | None:
        """The count a standard is per: the nearest of its measure before it (since the previous
        standard), else the nearest after it (before the next standard or result)."""
        thing = _per_thing(rate.per)
        previous_rate_end = max((r.token.end for r in self.rates if r is not rate and r.token.end <= rate.token.start),
                                default=self.sentence_start)
        before = [c for c in self.counts if previous_rate_end <= c.start < rate.token.start and id(c) not in self.used_counts]
        for count in reversed(before):
            if _measure_matches(thing, count):
                return count
        next_rate = min((r.token.start for r in self.rates if r.token.start > rate.token.end), default=None)
        limits = [x for x in (after_limit, next_rate) if x is not None]
        limit = min(limits) if limits else None
        after = [c for c in self.counts if c.start > rate.token.end and (limit is None or c.start < limit)
                 and id(c) not in self.used_counts]
        for count in after:
            if _measure_matches(thing, count):
                return count
        return None

    def product_of(self, rate: _Rate, after_limit: int | None, result: bool = False) -> tuple[Decimal, str, bool] | None:
        per = rate.per
        thing = _per_thing(per)
        count = self.count_for(rate, after_limit)
        uncertain = rate.approx
        factors = [_rate_text(rate.token)]
        value = rate.token.value
        if count is not None:
            self.used_counts.add(id(count))
            value *= count.value
            factors.insert(0, f"{_num(count.value)}{count.unit}")
            uncertain = uncertain or count.approx or self.approx(count)
        elif thing:
            found = self.context_count(rate)
            if found is None:
                return None
            value *= found.value
            factors.insert(0, f"{_num(found.value)}{found.unit}")
            uncertain = True
        months = self.months_for(per)
        if months is not None:
            n, assumed = months
            if n != 1:
                value *= n
                factors.append(f"{_num(n)}个月")
            uncertain = uncertain or assumed
        years = self.years_for(per)
        if years is not None and years != 1:
            value *= years
            factors.append(f"{_num(years)}年")
        if count is None and not thing and months is None and years is None:
            return None  # 每年100万元 with no years to multiply: just a yearly amount
        return round_fen(value), "×".join(factors), uncertain

    def months_for(self, per: tuple[str, ...]) -> tuple[Decimal, bool] | None:
        if "月" not in per:
            return None
        sentence = self.text[self.sentence_start:]
        end = self.text.find("。", self.sentence_start)
        sentence = self.text[self.sentence_start:end if end > 0 else len(self.text)]
        found = re.search(r"(\d+|[一二两三四五六七八九十]{1,3})\s*个\s*月", sentence)
        if found:
            from jixiao_desktop.prose.lexer import cn_number
            n = Decimal(found[1]) if found[1].isdigit() else cn_number(found[1])
            if n:
                return n, False
        if re.search(r"全年|一年|年度|每年|按年|12月", sentence):
            return Decimal(12), False
        return Decimal(12), True

    def years_for(self, per: tuple[str, ...]) -> Decimal | None:
        if "年" not in per:
            return None
        years = [t for t in self._sentence_tokens() if t.kind == "years" and t.value and t.value > 1]
        return years[0].value if years else None

    def context_count(self, rate: _Rate) -> Token | None:
        thing = _per_thing(rate.per)
        for token, label in zip(self.context, self.context_labels, strict=False):
            if token.kind == COUNT and _measure_matches(thing, token) and _labels_match(rate.label, label):
                return token
        return None

    def flush_rates(self, until: Token | None = None) -> None:
        """Standards not yet closed by a result become items (standard × count)."""
        for rate in self.rates:
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
            item = _Item(value, words, rate.token.start, rate.token.end, uncertain, rate.per)
            self.items.append(item)
        if until is None:
            self.rates = [r for r in self.rates if not r.consumed]

    def close_chain(self, result: Token) -> None:
        chain = self.chain
        value = Decimal(1)
        words = []
        uncertain = False
        for token in chain:
            factor = token.value / 100 if token.kind == PERCENT else token.value
            value *= factor
            words.append(_rate_text(token) if token.kind == MONEY else _factor_text(token))
            uncertain = uncertain or self.approx(token)
            if token.kind == COUNT:
                self.used_counts.add(id(token))
        for rate in self.rates:
            if any(rate.token is t for t in chain):
                rate.consumed = True
        self.chain, self.chain_open = [], False
        value = round_fen(value)
        self.add_step("product", f"{'×'.join(words)}＝{self.fmt(value)}", value, result, uncertain)
        item = _Item(result.value, _written(result), result.start, result.end, self.approx(result))
        self.items.append(item)
        self.set_whole(item)

    # -- results ---------------------------------------------------------------
    def result(self, token: Token, subtotal: bool) -> None:
        open_rates = [r for r in self.rates if not r.consumed]
        approx = self.approx(token)
        etc = bool(_ETC_RE.search(self.before(token, 10)))
        if open_rates and not self.items_since_sentence():
            # 为65户发放补贴，每户800元，计5.2万元: the standard(s) × their counts
            parts = []
            for rate in open_rates:
                rate.consumed = True
                product = self.product_of(rate, token.start, result=True)
                if product is None:
                    parts = None
                    break
                parts.append(product)
            if parts:
                value = sum((p[0] for p in parts), Decimal(0))
                words = "＋".join(p[1] for p in parts)
                uncertain = any(p[2] for p in parts)
                self.add_step("product" if len(parts) == 1 else "sum", f"{words}＝{self.fmt(value)}", value, token, uncertain)
                self.rates = [r for r in self.rates if not r.consumed]
                if self.items and not subtotal:
                    # the product is one item among those before it? no: it is the result of this sentence
                    pass
                item = _Item(token.value, _written(token), token.start, token.end, approx)
                self.items.append(item)
                self.set_whole(item)
                self.chain = [token]
                return
        self.flush_rates(until=token)
        items = self.items
        if subtotal:
            if items:
                value = sum((i.value for i in items), Decimal(0))
                self.add_step("sum", "＋".join(i.words for i in items) + f"＝{self.fmt(value)}", value, token,
                              any(i.approx for i in items) or etc)
            self.subtotals.append(_Item(token.value, _written(token), token.start, token.end, approx))
            self.items = []
            return
        terms = self.subtotals + items
        if terms and not (len(terms) == 1 and terms[0].end > token.start):
            value = sum((i.value for i in terms), Decimal(0))
            if len(terms) > 1 or terms[0].value != token.value or terms[0].rate:
                self.add_step("sum" if len(terms) > 1 else "product", "＋".join(i.words for i in terms) + f"＝{self.fmt(value)}",
                              value, token, any(i.approx for i in terms) or etc or self.unresolved)
            self.candidates.append((4, token.value, f"合计{_written(token)}", approx))
        else:
            # a total standing alone: 全年需资金300万元 — the whole for what follows; its items may follow (其中)
            self.candidates.append((4, token.value, _written(token), approx))
            self.close_breakdown()
            if _BREAKDOWN_RE.match(self.text[token.end:token.end + 10]):
                self.breakdown = _Item(token.value, _written(token), token.start, token.end, approx)
            self.lone_total(token)
        self.items, self.subtotals = [], []
        total = _Item(token.value, _written(token), token.start, token.end, approx)
        self.set_whole(total)
        self.last_total = total
        self.unresolved = False
        self.chain = [token]

    def items_since_sentence(self) -> bool:
        return any(i.start >= self.sentence_start for i in self.items)

    def close_breakdown(self) -> None:
        """总计X，其中A、B…: the parts listed after a total add up to it (a remainder already checks)."""
        total, parts = self.breakdown, self.breakdown_items
        self.breakdown, self.breakdown_items = None, []
        if total is None or len(parts) < 2 or self.breakdown_remainder:
            self.breakdown_remainder = False
            return
        value = sum((i.value for i in parts), Decimal(0))
        self.out.steps.append(Step("sum", "＋".join(i.words for i in parts) + f"＝{self.fmt(value)}", value, total.value,
                                   total.approx or any(i.approx for i in parts), Decimal(0), total.start, total.end))

    def final(self, token: Token) -> None:
        self.flush_rates(until=token)
        measured = [i for i in self.items if not i.rate or True]
        self.candidates.append((0, token.value, f"批复{_written(token)}", False))
        if measured:
            total = sum((i.value for i in measured), Decimal(0))
            if total != token.value:
                self.out.steps.append(Step("approved", f"测算{'＋'.join(i.words for i in measured)}＝{self.fmt(total)}，批复{_written(token)}",
                                           total, token.value, True, Decimal(0), token.start, token.end))
        self.items = []

    def remainder(self, token: Token) -> None:
        """其余Y: the last total (or the first amount listed) less the amounts stated since."""
        whole = self.last_total or (self.items[0] if self.items else self.whole)
        parts = [i for i in self.items if i.start > whole.end and not i.rate]
        if parts:
            value = whole.value - sum((p.value for p in parts), Decimal(0))
            self.add_step("remainder", f"{whole.words}减去{'、'.join(p.words for p in parts)}为{self.fmt(value)}", value, token,
                          whole.approx or any(p.approx for p in parts))
        self.pending_parts = []
        self.whole = _Item(token.value, _written(token), token.start, token.end, self.approx(token), derived=True)
        self.items.append(self.whole)
        if self.breakdown is not None:
            self.breakdown_remainder = True

    # -- percentages ------------------------------------------------------------
    def percent(self, token: Token, index: int) -> None:
        before = self.before(token, 10)
        after = self.after(token, 4)
        if self.chain_open and self.chain:
            self.chain.append(token)
            self.chain_open = False
            return
        if _TARGET_BEFORE_RE.search(before):
            return  # a target: 覆盖率≥95%
        if re.search(r"各\s*(承担|配套|负担|分担|出资)?\s*$", before):
            clause = self.clause_before(token, 20)
            parties = _parties_in(clause)
            if len(parties) >= 2:
                self.each_share(token, parties, _parties_in(clause, words=True))
                return
        party = _party_before(before)
        if party is not None and re.search(r"(承担|配套|负担|分担|出资|补助|安排|负责)\s*$", before) or (
                party is not None and re.search(r"^\s*(承担|配套|负担|分担|出资)", after)):
            self.level_share(token, party, each="各" in before[-6:])
            return
        if party is None and re.search(r"各\s*(承担|配套|负担|分担|出资)?\s*$", before):
            clause = self.clause_before(token, 20)
            parties = _parties_in(clause)
            if len(parties) >= 2:
                self.each_share(token, parties, _parties_in(clause, words=True))
                return
        if _PERCENT_OF_BEFORE_RE.search(before) or _PERCENT_FEE_AFTER_RE.match(after) or "按" in before[-8:]:
            base = self.percent_base(token)
            if base is not None:
                value = round_fen(base.value * token.value / 100)
                self.percent_pending = (base, token, value)
                return

    def percent_base(self, token: Token) -> _Item | None:
        """The amount a percentage is of: the last amount before it in the sentence (or the whole)."""
        best = None
        for other in self._sentence_tokens():
            if other.end > token.start:
                break
            if other.kind == MONEY:
                best = other
        if best is not None:
            return _Item(best.value, _written(best) if not best.is_rate else _rate_text(best), best.start, best.end,
                         self.approx(best), best.per)
        return self.whole

    def percent_result(self, token: Token) -> None:
        base, pct, value = self.percent_pending
        self.percent_pending = None
        if bool(base.rate) != token.is_rate:
            item = _Item(token.value, _written(token), token.start, token.end, self.approx(token), derived=True)
            self.items.append(item)
            self.pending_parts.append(item)
            return
        self.add_step("percent_of", f"{base.words}的{_num(pct.value)}%为{self.fmt(value)}", value, token, base.approx)
        item = _Item(token.value, _written(token), token.start, token.end, self.approx(token), derived=True)
        self.items.append(item)
        self.pending_parts.append(item)
        self.candidates.append((3, token.value, f"{base.words}的{_num(pct.value)}%即{_written(token)}", self.approx(token)))

    # -- splits ----------------------------------------------------------------
    def ratio(self, token: Token, index: int) -> None:
        before = self.text[max(self.sentence_start, token.start - 16):token.start]
        after_text = self.text[token.end:token.end + 16]
        after_clause = re.split(r"[，,。；;\n]", after_text, maxsplit=1)[0]
        named = _parties_in(before, words=True)
        if len(named) >= len(token.parts):
            named = named[-len(token.parts):]
        else:
            named = _parties_in(after_clause, words=True)[:len(token.parts)]
        if len(named) < len(token.parts):
            return
        parties = tuple(LEVELS[w] for w in named)
        self.split_words = dict(zip(parties, named, strict=False))
        fractions = {p: part / sum(token.parts) for p, part in zip(parties, token.parts, strict=False)}
        remaining = Decimal(1) - self.split_taken
        if re.search(r"其余|剩余|余下", self.text[max(self.sentence_start, token.start - 24):token.start]):
            scale = remaining
        else:
            scale = Decimal(1)
        self.open_split(fractions, scale, token, parties)

    def open_split(self, fractions: dict[str, Decimal], scale: Decimal, token: Token, parties, label: str = "") -> None:
        whole = self.split_base(token)
        self.split_fractions = {p: f * scale for p, f in fractions.items()}
        self.split_parties = parties
        names = getattr(self, "split_words", {})
        self.split_label = label or (f"{'、'.join(names.get(p, p) for p in parties)}按{token.text}分担"
                                     if token.kind == RATIO else token.text)
        self.split_whole = whole
        ours = self.split_fractions.get(self.level)
        self.split = (ours, tuple(parties)) if ours is not None else None
        # 区级承担70% stated before or after must agree with the ratio
        for party, percent in self.level_percent.items():
            if party in fractions and fractions[party] * scale * 100 != percent[0].value:
                self.add_step("share_percent", f"{self.split_label}，{LEVEL_NAMES.get(party, party)}应承担"
                              f"{_pct(fractions[party] * scale)}", fractions[party] * scale * 100, percent[0])
        if whole is not None and ours is not None and not whole.rate:
            value = round_fen(whole.value * ours)
            self.candidates.append((2, value, f"{whole.words}{self.split_label}，本级{_pct(ours)}为{self.fmt(value)}",
                                    whole.approx))

    def split_base(self, token: Token) -> _Item | None:
        """What is split: the standard just before (a rate split) or the whole."""
        for rate in reversed(self.rates):
            if rate.token.end <= token.start and not rate.consumed and rate.token.start >= self.sentence_start:
                rate.consumed = True
                return _Item(rate.token.value, _rate_text(rate.token), rate.token.start, rate.token.end, rate.approx, rate.per)
        return self.whole

    def split_pending_rate(self, token: Token, per, approx: bool) -> bool:
        """A standard stated after a split of a standard: 区级承担70%（16800元/个.年）."""
        if self.split_whole is None or not self.split_whole.rate or self.split is None:
            return False
        ours = self.split[0]
        value = round_fen(self.split_whole.value * ours)
        self.add_step("share", f"{self.split_whole.words}{self.split_label}，本级{_pct(ours)}为{_rate_text_value(value, token)}",
                      value, token, self.split_whole.approx)
        self.split_whole = None
        self.rates.append(_Rate(token, per, approx, self.clause_before(token, 30)))
        return True

    def split_share(self, token: Token, clause: str) -> bool:
        """An amount stated for a party after a split: its share of the whole."""
        whole = self.split_whole
        if whole is None or whole.rate:
            return False
        party = _party_before(clause)
        if party is None:
            if not re.search(r"承担|配套|负担|分担|本级|区级|县级|财政", clause + self.after(token, 4)):
                return False
            party = self.level if self.level in self.split_fractions else None
        if party is None or party not in self.split_fractions:
            return False
        value = round_fen(whole.value * self.split_fractions[party])
        self.add_step("share", f"{whole.words}{self.split_label}，{LEVEL_NAMES.get(party, party)}"
                      f"{_pct(self.split_fractions[party])}为{self.fmt(value)}", value, token, whole.approx)
        if party == self.level:
            self.candidates.append((2, token.value, f"{self.split_label}，本级{_written(token)}", self.approx(token)))
        return True

    def level_share(self, token: Token, party: str, each: bool = False) -> None:
        fraction = token.value / 100
        if self.split_fractions and party in self.split_fractions and self.split_whole is not None or (
                self.split_fractions and party in self.split_fractions):
            expected = self.split_fractions[party]
            if expected * 100 != token.value:
                self.add_step("share_percent", f"{self.split_label}，{LEVEL_NAMES.get(party, party)}应承担{_pct(expected)}",
                              expected * 100, token)
            return
        self.level_percent[party] = (token,)
        # 省补助25%，其余由…: what is left for the split that follows
        self.split_taken += fraction
        self.open_split({party: fraction}, Decimal(1), token, (party,))

    def each_share(self, token: Token, parties: tuple[str, ...], words: tuple[str, ...]) -> None:
        fractions = {p: token.value / 100 for p in parties}
        self.split_words = dict(zip(parties, words, strict=False))
        self.open_split(fractions, Decimal(1), token, parties, label=f"{'、'.join(words)}各{_num(token.value)}%")

    # -- what the text arrives at -------------------------------------------------
    def lone_total(self, token: Token) -> None:
        """A total with no items in the text: the counts and standards stated elsewhere in the form."""
        self.lone_checked = True
        if not self.context:
            return
        counts = [(t, label) for t, label in zip(self.context, self.context_labels, strict=False) if t.kind == COUNT]
        rates = [(t, label) for t, label in zip(self.context, self.context_labels, strict=False) if t.kind == MONEY and t.is_rate]
        if not counts or not rates or any(c.approx for c, _ in counts):
            return
        total, words = Decimal(0), []
        for count, label in counts:
            thing = count.unit
            matching = [(r, rl) for r, rl in rates if _measure_matches(_per_thing(r.per), count)]
            if len(matching) > 1:
                matching = [(r, rl) for r, rl in matching if _labels_match(label, rl)]
            if len(matching) != 1:
                return
            rate = matching[0][0]
            months = Decimal(12) if "月" in rate.per else Decimal(1)
            total += rate.value * count.value * months
            words.append(f"{_num(count.value)}{thing}×{_rate_text(rate)}" + ("×12个月" if months == 12 else ""))
        total = round_fen(total)
        self.add_step("context", "按数量指标和成本指标，" + "＋".join(words) + f"＝{self.fmt(total)}", total, token, True)

    def finish(self) -> None:
        self.flush_rates()
        self.close_breakdown()
        # A text that states only its total (全年测算应发放380万元，…其余由市、区按1:1承担): the counts and
        # standards of the form's indicators are what it should come to.
        plain = [i for i in self.subtotals + self.items if not i.derived]
        if (len(plain) == 1 and plain[0].token is not None and not plain[0].rate and not self.lone_checked
                and not any(s.kind in ("sum", "product") for s in self.out.steps)
                and not any(t.kind in (MONEY, COUNT) for t in self.tokens if t.end <= plain[0].start)):
            self.lone_total(plain[0].token)
        if self.percent_pending is not None:
            base, pct, value = self.percent_pending
            self.candidates.append((3, value, f"{base.words}的{_num(pct.value)}%为{self.fmt(value)}", base.approx))
        if not any(c[0] == 4 for c in self.candidates):
            items = self.subtotals + self.items
            if len(items) >= 2:
                value = sum((i.value for i in items), Decimal(0))
                self.candidates.append((5, value, "＋".join(i.words for i in items) + f"＝{self.fmt(value)}",
                                        any(i.approx for i in items) or self.unresolved))
            elif len(items) == 1 and not self.unresolved:
                self.candidates.append((6, items[0].value, items[0].words, items[0].approx))
        if self.candidates:
            # the approved amount wins; otherwise the last thing the text arrives at
            final = [c for c in self.candidates if c[0] == 0]
            stated = [c for c in self.candidates if c[0] < 5]
            _, value, derivation, uncertain = final[-1] if final else stated[-1] if stated else min(
                self.candidates, key=lambda c: c[0])
            self.out.bottom_line, self.out.derivation, self.out.uncertain = value, derivation, uncertain


# -- small helpers -------------------------------------------------------------------

def _per_thing(per: tuple[str, ...]) -> str:
    words = [w for w in per if w and w not in _TIME]
    return words[0] if words else ""


def _measure_matches(thing: str, count: Token) -> bool:
    if not thing or thing in ("件",):
        return True
    if thing == count.unit or (thing in _PERSONISH and count.unit in _PERSONISH):
        return True
    return count.unit == "个" or thing == "个"


def _labels_match(a: str, b: str, size: int = 4) -> bool:
    a = re.sub(r"[\d.,，。；;、:：%元万/（）()\s]", "", a)
    b = re.sub(r"[\d.,，。；;、:：%元万/（）()\s]", "", b)
    if len(a) < size or len(b) < size:
        return False
    return any(a[i:i + size] in b for i in range(len(a) - size + 1))


_PARTY_RE = re.compile(r"中央|省级|省|自治区|市本级|市级|市|州|区级|区|县级|县|旗|乡级|乡|镇级|镇|街道")


def _parties_in(text: str, words: bool = False) -> tuple[str, ...]:
    """The levels named in ``text`` in order (or the words naming them)."""
    found, named = [], []
    for m in _PARTY_RE.finditer(text):
        level = LEVELS.get(m[0])
        if level and (not found or found[-1] != level):
            found.append(level)
            named.append(m[0].removesuffix("级").removesuffix("本"))
    return tuple(named) if words else tuple(found)


def _party_before(text: str) -> str | None:
    m = None
    for m in _PARTY_RE.finditer(text[-10:]):
        pass
    return LEVELS.get(m[0]) if m else None


def _factor_text(token: Token) -> str:
    if token.kind == PERCENT:
        return f"{_num(token.value)}%"
    if token.kind == "months":
        return f"{_num(token.value)}个月"
    return f"{_num(token.value)}{token.unit}"


def _is_separated(text: str, a: int, b: int) -> bool:
    return bool(re.search(r"[，,；;。\n]", text[a:b]))


def _num(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _written(token: Token) -> str:
    """An amount in the unit the text wrote it in: ``99935.52元``, ``414万元``."""
    factor = {"万元": Decimal(10000), "亿元": Decimal(100000000)}.get(token.unit, Decimal(1))
    return f"{_num(token.value / factor)}{token.unit}"


def _rate_text(token: Token) -> str:
    """A standard as written: ``16800元/个.年``, ``12万元/社区``; a plain amount in its written unit."""
    if token.kind != MONEY:
        return f"{_num(token.value)}{token.unit}"
    if token.per:
        return re.sub(r"^[^\d]*|\s+", "", token.text)
    return _written(token)


def _rate_text_value(value: Decimal, like: Token) -> str:
    factor = {"万元": Decimal(10000), "亿元": Decimal(100000000)}.get(like.unit, Decimal(1))
    per = f"/{'/'.join(like.per)}" if like.per else ""
    return f"{_num(value / factor)}{like.unit}{per}"


def _pct(fraction: Decimal) -> str:
    value = (fraction * 100).quantize(Decimal("0.01")).normalize()
    return f"{value:f}%"


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


def _label(text: str, token: Token) -> str:
    i = token.start
    while i > 0 and token.start - i < 30 and text[i - 1] not in "，,。；;\n":
        i -= 1
    return text[i:token.start]
