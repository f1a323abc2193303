"""Standards and products of the prose grammar: a standard (800元 after 每户, 150元/人/月, 单价…) times
the count of each thing it is per (found by :mod:`.counts`), its months and its years. × chains
written out are read by :mod:`.chains`.

A mixin of :class:`~.reader._Reader`: it reads and writes the reader's state (``self.rates``,
``self.counts``, ``self.items`` …), set up in ``_Reader.__init__``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.carried import grown, states_products_before  # noqa: F401 (the reader's)
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, Token
from jixiao_desktop.prose.adjusted import worked_in_bracket
from jixiao_desktop.prose.other_counts import money_named_after_counts, named_each, person_times
from jixiao_desktop.prose.workings import average_of_share, monthly_allowance, bracket_restates, worked_after
from jixiao_desktop.prose.standard_parts import bracketed_part
from jixiao_desktop.prose.steps import Step, _Item, _Rate
from jixiao_desktop.prose.words import (
    _ENUMERATED_RE, _YEARLY_RE, _SHARE_OF_RATE_RE, _TIME, _written, _is_separated, _num, _ONE, _per_thing, _rate_text, _same_thing, _slip,
)

_NAMED_RESULT_RE = re.compile(r"[\s，,]+[^\d，,。；;\n、（(]{1,8}?[\s:：]*")   # ，服务费 / ，所需经费：
_NAMED_TAIL_RE = re.compile(r"(?:计算|测算)?[\s，,]*[^\d，,。；;\n、（(]{0,8}?[\s:：]*")
_AVERAGE_RE = re.compile(r"平均|[人户亩台个]?均")
_MONTHLY_PAY_RE = re.compile(r"月(?:(?:基本)?(?:工资|薪酬|薪|报酬|津贴)(?:基数|标准)?|(?P<rent>租金|租费|租))(?:分别)?[\s:：为约]{0,2}$")
_PERIOD_AFTER_EACH_RE = re.compile(r"\s*([月年])(?![份底初末度])[^\d，,。；;\n]{0,6}$")
_AMOUNT_THEN_COUNT_RE = re.compile(r"\s*[、，,]\s*")
_WORKED_OUT_RE = re.compile(r"\s*(?:计算|测算|核算)")
_PARTS_OF_RE = re.compile(r"[\s，,]*其中")
# an open standard, then an amount with nothing but an aside, a mark or 计/约/为… between: the standard's product (the reader's)
_RATE_THEN_AMOUNT_RE = re.compile(r"(?:[（(][^（()）]{0,30}[)）])?[\s,，|｜:：=＝]*(?:[测计]算[\s,，]*)?(?:计|约|为|计约|共|即)?[\s,，|｜:：=＝约]*")
_GENERIC_PAIRS = frozenset(("补助", "补贴", "经费", "资金", "费用", "标准", "合计", "共计", "需要", "安排", "预算", "金额", "全年", "年度", "测算", "按照", "计算"))
_WORDS_ONLY_RE = re.compile(r"[^\d。；;\n、（(+＋×*]{1,16}")

# a percentage the things counted go by: 按85%到位率, 按体检率70%, 参保率按95%计 (not a target: 覆盖率达到95%)
_RATE_BEFORE_RE = re.compile(r"(?:按[^，,。；;、\d]{0,6}率|率\s*(?:按|以))\s*$")
_RATE_AFTER_RE = re.compile(r"\s*的?[^，,。；;、\d]{0,4}率")


def rate_percent_words(text: str, floor: int, token: Token) -> bool:
    """Whether the words around a percentage name it as a rate the things counted go by (按85%到位率, 按体检率70%)."""
    before = text[max(floor, token.start - 10):token.start]
    return bool(_RATE_BEFORE_RE.search(before) or before.rstrip().endswith("按") and _RATE_AFTER_RE.match(text, token.end))


class _Products:
    """Standards, the counts they are per, and the products they make."""

    def per_of(self, token: Token, near: str) -> tuple[tuple[str, ...], Decimal]:
        """What the amount ``token`` is a standard per (nothing for an amount of its own), and its scale."""
        per, scale = token.per, _ONE
        if not per:
            per, scale = self.each_before(token) if self.last_each >= self.sentence_first else ((), _ONE)   # (no 每 in it: none)
            per = self.monthly_average(token) if per == ("月",) else per
        elif self.last_each >= self.sentence_first and (all(w in _TIME for w in per) or all(w in _TIME for w in self.tokens[self.last_each].per or "*")):
            each, scale = self.each_before(token)   # 九个渡口，每个3.6万元/年: per 个 and per 年
            per = tuple(each) + tuple(w for w in per if w not in each)
        if not per and self.index > 0:
            previous = self.tokens[self.index - 1]
            if previous.kind == MONEY and previous.start in self.rate_per and _ENUMERATED_RE.fullmatch(
                    self.text[previous.end:token.start]):
                per = self.rate_per[previous.start]
        if not per and "月" in near and (pay := _MONTHLY_PAY_RE.search(near)):
            per = ("月",) if pay["rent"] else ("人", "月")   # 月工资3600元: per person and month; 月租金: per month
        per = ("人", "月") if not per and "月" in near and monthly_allowance(self, token, near) else per   # 28人，月补助…
        if not per and "年" in near and _YEARLY_RE.search(self.clause_before(token, 10)) and self.years_for(("年",)) is not None:
            per = ("年",)
        if not per and "每" in near and self.counts:
            per = named_each(self, token, near)
        if not per and near.endswith(("按", "按照")) and self.index + 1 < len(self.tokens) and self.tokens[self.index + 1].kind == COUNT \
                and _AMOUNT_THEN_COUNT_RE.fullmatch(self.text, token.end, self.tokens[self.index + 1].start) \
                and _WORKED_OUT_RE.match(self.text, self.tokens[self.index + 1].end):
            per = ("*",)   # 初中按800元、1,460人计算为1,168,000元: an amount and a count worked out together, the amount a standard
        if per and not token.per and self.text.startswith(("（", "("), token.end) and worked_in_bracket(self, token, per):
            return (), _ONE   # 生均补助186万元（按1,550名幼儿×1,200元测算）: the item's amount, its working after it
        return per, scale

    def each_before(self, token: Token) -> tuple[tuple[str, ...], Decimal]:
        """The per words of a 每…/人均 written before ``token`` in its clause, with no number between
        (and the scale of 每万尾: 10000)."""
        tokens = self.tokens   # (an amount, count or percentage after the last 每…: the loop stops there, none taken)
        if self.last_each < self.sentence_first or any(tokens[i].kind in {"money", "count", "percent"} for i in range(self.index - 1, self.last_each, -1)):
            return (), _ONE
        clause_start = token.start - len(self.clause_before(token, 20))
        if tokens[self.last_each].end <= clause_start - 1:
            return (), _ONE   # no 每…/人均 in this sentence, or none in the clause (most amounts): the loop need not run
        per: list[str] = []
        scale = Decimal(1)
        for other in self.back(12):
            if other.end <= clause_start - 1:
                break
            if other.kind == "each":
                per = list(other.per or ("*",)) + [w for w in per if w not in (other.per or ())]
                scale *= other.value or 1
                period = _PERIOD_AFTER_EACH_RE.match(self.text, other.end, token.start)
                if period is not None and period.group(1) not in per:
                    per.append(period.group(1))   # 人均月工资3850元: per 人 and per 月
                continue
            if other.kind in {"money", "count", "percent"}:
                break
        return tuple(per), scale

    def rate(self, token: Token, per: tuple[str, ...], scale: Decimal = Decimal(1)) -> None:
        if len(self.chain) >= 2:
            self.flush_chain()   # 网格员6人×3200元×12月，另加考核奖励每人5000元: the × chain an item before the standard
        self.rate_per[token.start] = per
        rate = _Rate(token, per, self.approx(token), self.clause_before(token, 30), k=len(self.rates), scale=scale)
        following = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        if (following is not None and following.kind == PERCENT and following.value is not None
                and _SHARE_OF_RATE_RE.fullmatch(self.text[token.end:following.start])):
            rate.share = following
            self.rate_shares.add(id(following))
        if self.split is not None and self.split.whole is not None and self.split.whole.rate and self.split_rate(token):
            pass
        self.restated_share(token)
        self.rates.append(rate)
        self.chain = [token]

    def restated_share(self, token: Token) -> None:
        """按最低工资标准1,900元的70%给予补贴，每人每月1,330元: a standard right after a percentage of the one before
        (only words between) states it; the earlier standard is then not counted again."""
        if not self.rates or token.per:
            return
        before = self.rates[-1]
        if before.consumed or before.share is None or before.token.start < self.sentence_start or re.search(
                r"\d", self.text[before.share.end:token.start]):
            return
        before.consumed = True
        value = round_fen(before.token.value * before.share.value / 100)
        self.add_step("percent_of", f"{_rate_text(before.token)}的{_num(before.share.value)}%为{self.fmt(value)}",
                      value, token, before.approx)

    def product_of(self, rate: _Rate, until: int | None) -> tuple[Decimal, str, bool] | None:
        per = rate.per
        value = rate.token.value / rate.scale
        factors = [_rate_text(rate.token) + (f"/{_num(rate.scale)}{_per_thing(per)}" if rate.scale != 1 else "")]
        if rate.share is not None:
            value = value * rate.share.value / 100
            factors[0] += f"的{_num(rate.share.value)}%"
        uncertain = rate.approx
        things = [w for w in per if w not in _TIME] or []
        self.last_factors = [rate.token.value]
        counted = False
        taken: list[Token] = []
        for position, thing in enumerate(things):
            if any(_same_thing(thing, t.unit) for t in taken):
                continue  # 每期150人 × 两期 already counted the 期 of 每人每期
            count = self.count_for(rate, thing, until, secondary=position > 0, exclude=taken)
            if count is None:
                in_year = self.parts_of_year(thing) if position > 0 else None
                if in_year is not None:   # 每人每半年100元，全年…: the year's two halves
                    value *= in_year[0]
                    factors.append(in_year[1])
                    continue
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
            shared = id(count) in self.used_counts   # a count one standard before already used
            self.used_counts.add(id(count))
            self.standard_counts.add(id(count))
            taken.append(count)
            self.last_factors.append(count.value)
            value *= count.value
            factors.insert(len(factors) - 1, f"{_num(count.value)}{count.unit}")
            uncertain = uncertain or count.approx or self.approx(count)
            counted = True
            for group in self.group_counts(count, shared, taken):   # 每批40人 × 5批
                self.used_counts.add(id(group))
                taken.append(group)
                value *= group.value
                factors.insert(0, f"{_num(group.value)}{group.unit}")
            if thing == "人次" and count.unit != "人次":
                other = person_times(self, count, taken)   # 专家8名…每人次800元，全年评审2次: 8名 × 2次
                if other is not None:
                    self.used_counts.add(id(other))
                    taken.append(other)
                    value *= other.value
                    factors.insert(len(factors) - 1, f"{_num(other.value)}{other.unit}")
            periods = self.periods_of_count(count, per)   # 每季度开展1次 × 全年4个季度
            if periods is not None:
                value *= periods[0]
                factors.append(periods[1])
                uncertain = uncertain or periods[2]
        months = self.months_for(per)
        if months is not None and taken:
            carried = next((self.count_months.get(id(c)) for c in taken if id(c) in self.carried), None)
            if months[1] and carried is not None:
                months = carried   # 见习120人，见习期6个月，…；2.意外伤害保险每人每月12元: the months of the count's own standard
            elif not months[1]:
                for c in taken:
                    self.count_months[id(c)] = months
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
        rated = self.rate_percent(rate) if counted and rate.share is None else None
        if rated is not None:   # 64名，每人每年1万元，按85%到位率测算 / 4.2万人，按体检率70%、每人次45元
            value = value * rated.value / 100
            factors.append(f"{_num(rated.value)}%")
        if not counted and months is None and years is None:
            if self.yearly(rate):
                return round_fen(value), factors[0], uncertain   # 每年48,000元 alone: this year's amount
            return None
        return round_fen(value), "×".join(factors), uncertain

    def rate_percent(self, rate: _Rate) -> Token | None:
        """The one percentage of the standard's sentence the count goes by, named as a rate after 按 (按85%到位率测算,
        按体检率70%, 参保率按95%计): that share of the things counted."""
        key = ("rate%", self.sentence_start)
        if key not in self._memo and self.text.find("率", self.sentence_start, self.tokens[self.index].start if self.index < len(
                self.tokens) else len(self.text)) < 0:
            self._memo[key] = None   # (no rate named in the sentence: most)
        if key not in self._memo:
            found = [t for t in self.tokens[self.sentence_first:self.index] if t.kind == PERCENT and t.value and rate_percent_words(
                self.text, self.sentence_start, t)]
            if any(t.kind == MONEY and not t.per and t.start not in self.rate_per and t.start < found[0].start
                   for t in self.tokens[self.sentence_first:self.index]) if found else False:
                found = []   # (贷款余额1.8亿元，按年贴息率3.45%: a rate of that amount, none of the things counted)
            self._memo[key] = found[0] if len(found) == 1 else None
        return self._memo[key]

    def yearly(self, rate: _Rate) -> bool:
        """A yearly amount (设备维护费每年48,000元, 服务费每年18万元): a standard per year alone, nothing
        counted and no span of years in its sentence — the year's amount itself."""
        if rate.per != ("年",) or rate.scale != 1 or rate.share is not None or self.years_for(rate.per) is not None:
            return False
        before = self.text[max(self.sentence_start, rate.token.start - 12):rate.token.start]
        at = before.rfind("每年")
        return at < 0 or "每" not in before[max(0, at - 3):at]   # 每席每年6万元: per 席 (a word not read as a measure)

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
            if until is None and self.total_first(rate, value, words):
                continue
            if bracket_restates(self, rate.token.start, value):
                continue
            item = _Item(value, words, rate.token.start, rate.token.end, uncertain, product=True,
                         source=tuple(self.last_factors))
            self.add_item(item)
            made.append(item)
        return made

    def standard_part(self, token: Token) -> bool:
        """每亩每年补偿15元，其中管护补助支出14.75元、公共管护支出0.25元: amounts listed after 其中 right after an open
        standard, each less than it, are its parts — no items of their own; once they add up to it or more, their sum
        is checked against it."""
        rate = self.rates[-1] if self.rates else None
        if rate is None or rate.consumed or rate.token.start < self.sentence_start or token.value >= rate.token.value \
                or token.unit != rate.token.unit or not (_PARTS_OF_RE.match(self.text, rate.token.end)
                                                   or bracketed_part(self.text, rate.token.end, token.start, self.level)):
            return False
        if re.search(r"[。；;\n]", self.text[rate.token.end:token.start]):
            return False   # (within the sentence)
        parts = self.standard_parts.setdefault(id(rate), [])
        parts.append(token)
        following = next((t for t in self.tokens[self.index + 1:self.index + 8] if t.kind in {"money", "stop"}), None)
        if len(parts) >= 2 and (following is None or following.kind == "stop" or following.unit != token.unit
                                or following.value >= rate.token.value):   # the last part: their sum against the standard
            total = sum((p.value for p in parts), Decimal(0))
            self.out.steps.append(Step("sum", "＋".join(_written(p) for p in parts) + f"＝{_num(total)}元（{_rate_text(rate.token)}）",
                                       total, rate.token.value, False, Decimal(0), rate.token.start, rate.token.end))
        return True

    def total_first(self, rate: _Rate, value: Decimal, words: str) -> bool:
        """A total stated first, then its count and standard (下达奖补资金186万元，完成改厕1,240户，户均奖补1,600元): the standard
        × count restates it, else is checked as its average (186万元÷1240户); or how it was worked out (:mod:`.workings`)."""
        if not value or rate.token.start < self.sentence_start:
            return False
        earlier = [i for i in self.items if i.token is not None and not i.product and not i.rate and not i.derived
                   and not i.closed and i.start >= self.sentence_start and i.end <= rate.token.start]
        average_word = _AVERAGE_RE.search(self.text[max(self.sentence_start, rate.token.start - 8):rate.token.start])
        last = self.last_total   # 补助资金共680万元，惠及企业136家，平均每家补助4.5万元: a total word's amount
        if (not earlier and average_word and last is not None and self.breakdown is None
                and self.sentence_start <= last.start < rate.token.start):
            earlier = [last]
        if not earlier and average_word:
            # 剩余20%用于奖励补助，计257,280元，惠及脱贫户384户，户均奖补670元 (全年供养经费388,800元，平均每人每月1620元):
            # the average restates its clause's result, or is checked against it
            closed = [i for i in self.items + self.breakdown_items if i.closed and i.token is not None
                      and i.start >= self.sentence_start and i.end <= rate.token.start]
            if closed and abs(value - closed[-1].value) <= self.tolerance(closed[-1].token, closed[-1].approx):
                return True
            earlier = closed[-1:] if self.breakdown is None else []   # (not a total whose 其中 parts it is among)
        if not average_word and self.breakdown is None and len(earlier) <= 1 and worked_after(self, rate, value, words, earlier):
            return True   # 共需资金57.6万元，按照每人每月2,400元、22人、12个月测算
        if average_word and average_of_share(self, rate, value):   # 按30%发放，计180万元，务工320人，人均增收5,625元
            return True
        if len(earlier) != 1 or earlier[0].token.per or average_word and "其中" in self.text[earlier[0].end:rate.token.start]:
            return False   # (300万元，其中：…，按户均1,200元测算: the average of a part after 其中, not of the whole)
        total = earlier[0]
        if not average_word and not abs(value - total.value) <= self.tolerance(total.token, total.approx):
            return False
        if abs(value - total.value) > self.tolerance(total.token, total.approx):
            average = round_fen(total.value * rate.token.value / value)
            self.add_step("average", f"{total.words}÷({words.replace('×' + _rate_text(rate.token), '')})"
                          f"＝{_num(average)}元", average, rate.token)
        return True

    def states_rate(self, rate: _Rate, token: Token) -> bool:
        """Whether a plain amount just after an open standard of its sentence, with only a name between
        (每家4500元，服务费630000元), states that standard's product: it does when the product holds, or when the
        amount reads as a slip of it (one digit wrong, two swapped); otherwise it is an item of its own."""
        if rate.consumed or token.per or rate.token.start < self.sentence_start or (
                rate.scale == 1 and rate.share is None and token.value < rate.token.value):
            return False   # (每村26,800元，镇级中心17,350元: less than one of it is no product of the standard)
        if not _NAMED_RESULT_RE.fullmatch(self.text[rate.token.end:token.start]) and not self.named_after(
                rate, token) and not _WORDS_ONLY_RE.fullmatch(self.text[rate.token.end:token.start]):
            # 按每户每年2,400元，全区326户，资金782,400元: counts between, then money named as money alone — right or wrong
            return money_named_after_counts(self, rate, token)
        product = self.trial_product(rate, token.start)
        if product is None or not product[0]:
            return False
        return (abs(product[0] - token.value) <= self.tolerance(token, self.approx(token)) or _slip(product[0], token.value)
                or self.named_as_standard(rate, token))

    def trial_product(self, rate: _Rate, until: int) -> tuple[Decimal, str, bool] | None:
        """What :meth:`product_of` makes of ``rate`` up to ``until``, the counts it takes left free: a standard tried against
        an amount that may or may not state its product. (The counts it was worked out with stay marked as a standard's —
        ``standard_counts``, ``count_months``: they are this standard's either way; no reading differs for it.)"""
        used, factors = set(self.used_counts), list(self.last_factors)
        product = self.product_of(rate, until)
        self.used_counts, self.last_factors = used, factors
        return product

    def named_as_standard(self, rate: _Rate, token: Token) -> bool:
        """平均每处每年运维费3,850元，运维经费211,750元: the amount named by the standard's own words (a pair of
        characters other than 补助, 经费… that every amount may have) is its product, right or wrong."""
        name = re.sub(r"[\s，,:：]", "", self.text[rate.token.end:token.start])
        label = re.sub(r"每.|[人户亩]?均", " ", rate.label)
        pairs = {name[j:j + 2] for j in range(len(name) - 1)} - _GENERIC_PAIRS
        return any(pair in label for pair in pairs)

    def states_rate_later(self, rate: _Rate, token: Token) -> bool:
        """Whether an amount later in the paragraph, after a percentage (社保按28%）：1.人员工资604,800元), is exactly
        the product of the open standard before it: the clerk states the standard's result where the list of
        items begins. The standard is then closed (its product is not counted again beside the amount)."""
        if rate.consumed or token.per or rate.token.start < self.paragraph_start or rate.share is not None:
            return False
        if not rate.token.value or token.value is None or token.value % rate.token.value:
            return False   # (counts of whole things: the product is a multiple of the standard)
        used, factors = set(self.used_counts), list(self.last_factors)
        product = self.product_of(rate, token.start)
        if product is None or product[0] != token.value or "×" not in product[1]:
            self.used_counts, self.last_factors = used, factors
            return False
        rate.consumed = True
        self.add_step("product", f"{product[1]}＝{self.fmt(product[0])}", product[0], token, product[2])
        return True

    def named_after(self, rate: _Rate, token: Token) -> bool:
        """Only periods, then a name, between the standard and the amount (按每平方米每年1.2元测算维护
        费用343.2万元; 每吨68元，全年按365天，处理费459.17万元)."""
        last = rate.token.end
        for other in self.tokens[max(self.sentence_first, self.index - 8):self.index]:
            if other.start < rate.token.end:
                continue
            if other.kind not in ("months", "years", "each") and not (other.kind == COUNT and other.unit in ("天", "日")):
                return False   # 每人1000元，50人，敬老院补助5万: a new item, whatever its value
            last = other.end
        return bool(_NAMED_TAIL_RE.fullmatch(self.text[last:token.start]))

