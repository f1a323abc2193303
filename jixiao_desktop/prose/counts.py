"""Counts of the prose grammar: which count a standard is per — the nearest of its measure in its
sentence (人 and 名 alike, 个 after the thing's name), counts listed with it (指导员1名、调查员3名), counts
paired by 分别, the count left by 其余, a count an earlier standard used or an earlier sentence named, and
the counts a count is itself per (每批40人 × 5批).

A mixin of :class:`~.reader._Reader`: it reads the reader's state (``self.counts``, ``self.count_each`` …),
set up in ``_Reader.__init__``; :mod:`.products` multiplies what it finds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, RATIO, Token
from jixiao_desktop.prose.other_counts import carried_count, chained_count
from jixiao_desktop.prose.steps import _Rate
from jixiao_desktop.prose.words import (
    PERIODS, _ENUMERATED_RE, _RX18, _RX7, _RX8, _RX9, _TIME, _is_separated, _labels_match, _num, _same_thing,
)

# the words at the end of a stretch: no digit, space, punctuation, 元 or 万 (what _RX22 matches) among them
_NEXT_NUMBER_RE = re.compile(r"[\d０-９]")
_CLAUSE_END_RE = re.compile(r"[，,。；;、\n]")
_AVERAGE_GAP_RE = re.compile(r"[^\d，,。；;、]{0,4}")   # 月均补贴300元
_TRAILING_WORDS_RE = re.compile(r"[^\d.,，。；;、:：%元万/（）()\s]*\Z")
_EACH_WORDS_RE = re.compile(r"每.?|[人户生亩床日月年]均")   # the 每人/人均 of a standard's words name nothing


_DERIVED_KINDS = frozenset((COUNT, PERCENT, "stop"))
_PERIOD_ONLY = frozenset(("number", "months", "stop"))
_NOT_COUNTS_ALONE = frozenset((MONEY, PERCENT, RATIO, "months", "years", "number", "half", "op"))


class _Counts:
    """The counts standards are per."""

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
        if count.unit == "个":   # (200个在园日 for 每天: days named by what they are)
            if after and not _CLAUSE_END_RE.match(after):   # 21个村，亩均…: a count naming its own thing names no other
                after = _CLAUSE_END_RE.split(after, 1)[0]
                before = _CLAUSE_END_RE.split(before)[-1]
            after = _NEXT_NUMBER_RE.split(after, 1)[0]   # (1个中队12人: the 人 are the next count's)
            return thing in before or thing in after or (thing in ("天", "日") and re.match(r"[^，,。；;\d]{0,3}[天日]", after) is not None)
        if count.unit in _TIME or count.unit == "项":
            return False   # (残疾人两项补贴: 项 counts kinds of spending, never the people a standard is per)
        if thing not in before:   # 45张床位 for 每床: the thing's name right after the count's measure word
            return thing != "次" and after.startswith(thing)   # (never 次: 1,304批次 is a count of 批次, 每批次 per it)
        # 床位30张 for 每床: the thing's name (or its 位) just before a count of another measure
        # (not 每校2名: a count per the thing, 每 naming it)
        name = thing if before.endswith(thing) else thing + "位" if before.endswith(thing + "位") else ""
        if name and len(before) > len(name) and before[-len(name) - 1].isdigit():
            return False   # (监测户486户1,092人: 户 the measure of the count before, no name of this one's)
        return bool(name) and not before.endswith("每" + name)

    def monthly_average(self, token: Token) -> tuple[str, ...]:
        """托养对象263人，月均200元: 月均 right before the first amount of a sentence that counts something is per
        that thing and month (月均281.52万元 after the year's total is the month's share of it: per month alone)."""
        each = self.tokens[self.index - 1]
        if each.kind != "each" or each.text != "月均" or not _AVERAGE_GAP_RE.fullmatch(self.text, each.end, token.start):
            return ("月",)
        before = self.tokens[self.sentence_first:self.index - 1]
        if any(t.kind == MONEY for t in before) or not any(t.kind == COUNT for t in before):
            return ("月",)
        return ("*", "月")

    def counts_alone(self, next_index: int) -> list[Token]:
        """认定示范园区4个。每个奖补30万元。 / 保洁员14名；每人每月1,800元: the counts of a sentence (or ；-clause)
        of counts alone (no amount, share or period), which the standards of the next one are per."""
        if not self.counts:
            return []
        if self.counts[-1].start < self.sentence_start:   # 教师12人。聘用时间为8月至12月。每人每月…: a sentence naming
            return self.counts if _PERIOD_ONLY.issuperset(   # a period alone between: the counts before still carry on
                t.kind for t in self.tokens[self.sentence_first:next_index]) and "月" in self.text[self.sentence_start:self.tokens[next_index - 1].end] else []
        alone = [c for c in self.counts if id(c) not in self.used_counts]   # with those an earlier one gave
        offending = next((t.kind for t in self.tokens[self.sentence_first:next_index] if t.kind in _NOT_COUNTS_ALONE), None) if alone else None
        if offending is not None:   # (a percentage first: 按75%计约779人, the count it works out)
            return derived_count(self.tokens[self.sentence_first:next_index], alone) if offending == PERCENT else []
        return alone

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
        previous = self.rates[rate.k - 1].token.end if listed and rate.k > 0 else self.counts_from
        following = self.rates[rate.k + 1].token.start if listed and rate.k + 1 < len(self.rates) else None
        limit = len(self.text) + 1   # (the least of those given, without a generator: this runs for every standard)
        limit = until if until is not None and until < limit else limit
        limit = following if following is not None and following < limit else limit
        best, distance = None, None
        lo, hi = bisect_left(self.count_starts, previous), bisect_left(self.count_starts, limit)
        near: list[tuple[int, Token]] = []
        for count in self.counts[lo:hi]:  # counts are in text order: only the window is looked at
            if id(count) in self.used_counts or count in exclude or not self.matches(thing, count):
                continue
            if previous <= count.start < start:
                d = start - count.end + (100 if _is_separated(self.text, count.end, start) else 0)
            elif end <= count.start < limit:
                # (县级河道68.5公里按每公里3,000元、乡级河道214.6公里按…; 一类公厕12座，…每座6.5万元，二类公厕35座，每座…:
                # a count between a standard and the next one begins the next item)
                d = count.start - end + (100 if _is_separated(self.text, end, count.start) else 0) + (
                    100 if following is not None else 0)
            else:
                continue
            near.append((d, count))
        if len(near) == 1:   # (most standards: one count to choose, no naming to weigh)
            best = near[0][1]
        for d, count in near if len(near) > 1 else ():
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
            best = chained_count(self, thing, lo, hi, start, exclude, rate.label) or self.shared_count(
                rate, thing, previous, exclude) or carried_count(self, rate, thing, exclude)
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
            # 每人每月分别为60元、300元、800元，对应1,120人、176人、46人: the counts listed after them, in order
            after = [c for c in self.counts[bisect_left(self.count_starts, rates[hi].token.end):] if self.matches(thing, c)]
            listed = after[:hi - lo + 1]
            if len(listed) < hi - lo + 1 or not all(_ENUMERATED_RE.fullmatch(self.text[a.end:b.start])
                                                    for a, b in zip(listed, listed[1:])):
                return None
            return None if listed[k - lo] in exclude else listed[k - lo]
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
        if len(self.rates) > 1 or count not in self.counts:   # with several standards, each finds its own count
            return count
        i = self.counts.index(count)
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
        stop = max(self.sentence_start if position >= self.sentence_start else 0, position - limit)   # (or its own sentence's)
        return _TRAILING_WORDS_RE.search(self.text, stop, position)[0] if stop < position else ""

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
            outer = self.outer_each.get(id(each))   # 每个监测点每季度采样2次: per 季度 within each 个
            things = [w for w in each.per if w not in PERIODS]
            if not things and outer is not None and outer.kind == COUNT:   # 26个乡镇每月开展两次: the count itself
                if free(outer):
                    out.append(outer)
                break
            things = things or [w for w in (outer.per if outer is not None else ()) if w not in PERIODS]
            for thing in things:
                for candidate in reversed(self.counts[-30:]):
                    if candidate is not count and free(candidate) and self.matches(thing, candidate):
                        out.append(candidate)
                        found = found or candidate
                        break
            if found is None:
                break
            count = found
        return out


def derived_count(sentence: list[Token], alone: list[Token]) -> list[Token]:
    """在册患者1,038人，服药率按75%计约779人。: a sentence of counts and one percentage, whose last count is an earlier
    one times the percentage (rounded): that last count alone is what the next sentence's standards are per."""
    if any(t.kind not in _DERIVED_KINDS for t in sentence):
        return []   # (most sentences: an amount in them)
    kinds = [t.kind for t in sentence if t.kind != "stop"]
    if kinds.count(PERCENT) != 1 or any(k not in (COUNT, PERCENT) for k in kinds) or kinds[-1] != COUNT or len(kinds) < 3:
        return []
    last = sentence[-1] if sentence[-1].kind == COUNT else sentence[-2]
    percent = next(t for t in sentence if t.kind == PERCENT)
    if last is not alone[-1] or percent.value is None or percent.start > last.start:
        return []
    if any(t.kind == COUNT and t.unit == last.unit and t.start < percent.start and t.value
           and abs(t.value * percent.value / 100 - last.value) <= 1 for t in sentence):
        return [last]
    return []
