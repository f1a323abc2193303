"""Standards and products of the prose grammar: a standard (800元 after 每户, 150元/人/月, 单价…) times
the count of each thing it is per, its months and its years; and × chains written out.

A mixin of :class:`~.reader._Reader`: it reads and writes the reader's state (``self.rates``,
``self.counts``, ``self.items`` …), set up in ``_Reader.__init__``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, Token
from jixiao_desktop.prose.steps import _Item, _Rate
from jixiao_desktop.prose.words import (
    _ENUMERATED_RE, _RX18, _RX22, _RX7, _RX8, _RX9, _SHARE_OF_RATE_RE, _TIME, _factor_text, _is_separated, _labels_match,
    _num, _per_thing, _rate_text, _same_thing, _slip,
)


_NAMED_RESULT_RE = re.compile(r"[\s，,]+[^\d，,。；;\n、（(]{1,8}?[\s:：]*")   # ，服务费 / ，所需经费：
_NAMED_TAIL_RE = re.compile(r"[\s，,]*[^\d，,。；;\n、（(]{1,8}?[\s:：]*")
_AVERAGE_RE = re.compile(r"平均|[人户亩台个]?均")
_WORDS_ONLY_RE = re.compile(r"[^\d。；;\n、（(+＋×*]{1,16}")
_EACH_WORDS_RE = re.compile(r"每.?|[人户生亩床日月年]均")   # the 每人/人均 of a standard's words name nothing

class _Products:
    """Standards, the counts they are per, and the products they make."""

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
        if listed and not secondary:
            paired = self.respective_count(rate, thing, exclude) or self.remainder_count(rate, thing)
            if paired is not None:
                return paired
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
            d -= 1000 * self.named_alike(rate, count)   # 主职干部1名、其他村干部3名，主职每人每月3,000元
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
            same: list[Token] = []   # by measure (at most two needed): the text's counts are not scanned again
            for unit in self.counts_by_unit:
                if _same_thing(thing, unit):
                    same += [c for c in self.counts_by_unit[unit][:len(exclude) + 2] if c not in exclude]
                    if len(same) > 1:
                        break
            best = same[0] if len(same) == 1 and id(same[0]) not in self.used_counts else None
        elif best is None:
            best = self.shared_count(rate, thing, previous, exclude)
        return best

    def respective_count(self, rate: _Rate, thing: str, exclude: list[Token] = ()) -> Token | None:
        """甲2名、乙7名、丙15名，分别按每人每年2万元、0.8万元、0.3万元: standards listed after 分别 pair, in
        order, with as many counts of their measure listed before it in the sentence."""
        rates, k = self.rates, rate.k
        lo = hi = k
        while lo > 0 and rates[lo - 1].token.start >= self.sentence_start and _ENUMERATED_RE.fullmatch(
                self.text[rates[lo - 1].token.end:rates[lo].token.start]):
            lo -= 1
        while hi + 1 < len(rates) and _ENUMERATED_RE.fullmatch(self.text[rates[hi].token.end:rates[hi + 1].token.start]):
            hi += 1
        if hi == lo:
            return None
        clause = self.clause_before(rates[lo].token, 30)
        if "分别" not in clause:
            return None
        before = rates[lo].token.start - len(clause)
        lo_c = bisect_left(self.count_starts, self.sentence_start)
        listed = [c for c in self.counts[lo_c:bisect_left(self.count_starts, before)] if self.matches(thing, c)]
        if len(listed) < hi - lo + 1:
            return None
        count = listed[len(listed) - (hi - lo + 1) + (k - lo)]
        return None if count in exclude else count

    def remainder_count(self, rate: _Rate, thing: str) -> Token | None:
        """服务对象1,680人，其中…420人按…，其余按每人每月100元: a standard for 其余 with no count of its own is per
        the first count of its measure in the sentence less the others named after it."""
        clause = self.clause_before(rate.token, 24)
        if not _RX18.search(clause):
            return None
        lo, hi = bisect_left(self.count_starts, self.sentence_start), bisect_left(self.count_starts, rate.token.end)
        counts = [c for c in self.counts[lo:hi] if self.matches(thing, c)]
        if len(counts) < 2 or counts[-1].start >= rate.token.start - len(clause):
            return None   # a count in its own clause
        whole, parts = counts[0], counts[1:]
        left = whole.value - sum((c.value for c in parts), Decimal(0))
        if left <= 0:
            return None
        text = f"（{_num(whole.value)}－{'－'.join(_num(c.value) for c in parts)}）{whole.unit}"
        return Token(COUNT, text, rate.token.start, rate.token.start, left, whole.unit, approx=whole.approx)

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

    def named_alike(self, rate: _Rate, count: Token) -> int:
        """How many pairs of characters the words naming ``count`` (back to the previous number) share with
        those naming the standard (without 每…): 其他村干部3名 … 其他干部每人每月2,200元 → 2."""
        own, label = self.words_before(count.start), _EACH_WORDS_RE.sub(" ", self.words_before(rate.token.start, 14))
        if len(own) < 2:
            return 0
        return len({own[j:j + 2] for j in range(len(own) - 1)} & {label[j:j + 2] for j in range(len(label) - 1)})

    def words_before(self, position: int, limit: int = 10) -> str:
        """The words just before ``position``, back to the previous number or punctuation."""
        i, stop = position, max(self.sentence_start, position - limit)
        while i > stop and not _RX22.match(self.text[i - 1]):
            i -= 1
        return self.text[i:position]

    def shared_count(self, rate: _Rate, thing: str, previous: int, exclude: list[Token] = ()) -> Token | None:
        """A count already used by a standard before it (两项标准 on one 1.5万吨), or stated in an earlier
        sentence under the same name (储备规模5000吨 … 按储备规模每吨每年80元)."""
        hi = bisect_left(self.count_starts, previous)
        found = [c for c in reversed(self.counts[max(0, hi - 20):hi]) if self.matches(thing, c) and c not in exclude]
        if found:
            return max(found, key=lambda c: self.named_alike(rate, c))   # the nearest of those named most alike
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
        self.last_factors = [rate.token.value]
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
            shared = id(count) in self.used_counts   # a count one standard before already used
            self.used_counts.add(id(count))
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
            if self.yearly(rate):
                return round_fen(value), factors[0], uncertain   # 每年48,000元 alone: this year's amount
            return None
        return round_fen(value), "×".join(factors), uncertain

    def yearly(self, rate: _Rate) -> bool:
        """A yearly amount (设备维护费每年48,000元, 服务费每年18万元): a standard per year alone, nothing
        counted and no span of years in its sentence — the year's amount itself."""
        if rate.per != ("年",) or rate.scale != 1 or rate.share is not None or self.years_for(rate.per) is not None:
            return False
        before = self.text[max(self.sentence_start, rate.token.start - 12):rate.token.start]
        at = before.rfind("每年")
        return at < 0 or "每" not in before[max(0, at - 3):at]   # 每席每年6万元: per 席 (a word not read as a measure)

    def group_counts(self, count: Token, shared: bool = False, exclude: list[Token] = ()) -> list[Token]:
        """每批40人 (每个点位配置器材8件, 日均400吨): the counts that ``count`` is per, nested at most 3 deep.
        A ``shared`` count (每次按3人… 住宿费每人每天400元，伙食补助每人每天100元，全年6次) brings the counts
        it is per to every standard that uses it, even where an earlier standard used them."""
        out = []

        def free(other: Token) -> bool:
            return other not in out and other not in exclude

        for _ in range(3):
            direct = self.count_group.get(id(count))
            if direct is not None and free(direct):
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
                    if candidate is not count and free(candidate) and self.matches(thing, candidate):
                        out.append(candidate)
                        found = found or candidate
                        break
            if found is None:
                break
            count = found
        return out

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
            item = _Item(value, words, rate.token.start, rate.token.end, uncertain, product=True,
                         source=tuple(self.last_factors))
            self.add_item(item)
            made.append(item)
        return made

    def total_first(self, rate: _Rate, value: Decimal, words: str) -> bool:
        """A total stated first in the sentence, then its count and the standard each gets, with no result
        after (下达奖补资金186万元，完成改厕1,240户，户均奖补1,600元): the standard × count restates the total.
        When it does not hold, the standard is checked as the total's average (186万元÷1240户＝1500元)."""
        if not value or rate.token.start < self.sentence_start:
            return False
        earlier = [i for i in self.items if i.token is not None and not i.product and not i.rate and not i.derived
                   and not i.closed and i.start >= self.sentence_start and i.end <= rate.token.start]
        if len(earlier) != 1 or earlier[0].token.per:
            return False
        total = earlier[0]
        if not _AVERAGE_RE.search(self.text[max(self.sentence_start, rate.token.start - 8):rate.token.start]) and not (
                abs(value - total.value) <= self.tolerance(total.token, total.approx)):
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
        if rate.consumed or token.per or rate.token.start < self.sentence_start:
            return False
        if not _NAMED_RESULT_RE.fullmatch(self.text[rate.token.end:token.start]) and not self.named_after(
                rate, token) and not _WORDS_ONLY_RE.fullmatch(self.text[rate.token.end:token.start]):
            return False   # (only words between: 按1450元计算，测算经费464万元 — when the product holds or slips)
        used, factors = set(self.used_counts), list(self.last_factors)
        product = self.product_of(rate, token.start)
        self.used_counts, self.last_factors = used, factors
        if product is None or not product[0]:
            return False
        return abs(product[0] - token.value) <= self.tolerance(token, self.approx(token)) or _slip(product[0], token.value)

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

    def restated(self, chain: list[Token]) -> None:
        """A × chain that restates a standard in bare numbers (人均每月70元，2518乘以70乘以12): the standard is
        no term of its own. Open standards of the sentence whose value is a factor of the chain are closed by it,
        and so is a standard × count worked out before (in an earlier clause) whose standard and counts are all
        factors of it (合计2512.4元/人/月；61人乘以2512.4元乘以6个月)."""
        factors = set()
        for token in chain:
            if token.value is not None and token.kind != PERCENT:
                factors.add(token.value)
        if not factors:
            return

        def among(value: Decimal) -> bool:
            return value in factors or (value / 10000) in factors

        for rate in self.rates:
            if not rate.consumed and rate.token.end <= chain[0].start and among(rate.token.value):
                rate.consumed = True
        first, k = chain[0].start, len(self.items)
        while k > 0 and self.items[k - 1].start >= self.paragraph_start:
            k -= 1   # only the items of the chain's paragraph are looked at
        if k < len(self.items):
            self.items[k:] = [i for i in self.items[k:] if not (
                i.product and len(i.source) >= 2 and not i.closed and i.end <= first and all(among(v) for v in i.source))]

    def chain_value(self, chain: list[Token]) -> tuple[Decimal, str, bool]:
        self.restated(chain)
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
