"""Counts of the prose grammar: which count a standard is per — the nearest of its measure in its
sentence (人 and 名 alike, 个 after the thing's name), counts listed with it (指导员1名、调查员3名), counts
paired by 分别, the count left by 其余, a count an earlier standard used or an earlier sentence named, and
the counts a count is itself per (每批40人 × 5批).

A mixin of :class:`~.reader._Reader`: it reads the reader's state (``self.counts``, ``self.count_each`` …),
set up in ``_Reader.__init__``; :mod:`.products` multiplies what it finds.
"""

from __future__ import annotations

import re
from dataclasses import replace
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, RATIO, Token
from jixiao_desktop.prose.looking import _LAST_MARK_RE
from jixiao_desktop.prose.steps import _Rate
from jixiao_desktop.prose.words import (
    _ENUMERATED_RE, _RX18, _each_of_named, _RX7, _RX8, _RX9, _TIME, _is_separated, _labels_match, _num, _party_before, _same_thing,
)

# the words at the end of a stretch: no digit, space, punctuation, 元 or 万 (what _RX22 matches) among them
_NEXT_NUMBER_RE = re.compile(r"[\d０-９]")
_CLAUSE_END_RE = re.compile(r"[，,。；;、\n]")
_RESPECTIVELY_RE = re.compile(r"分别[^，,。；;\d、（(]{0,8}$")
_AVERAGE_GAP_RE = re.compile(r"[^\d，,。；;、]{0,4}")   # 月均补贴300元
_TRAILING_WORDS_RE = re.compile(r"[^\d.,，。；;、:：%元万/（）()\s]*\Z")
_EACH_WORDS_RE = re.compile(r"每.?|[人户生亩床日月年]均")   # the 每人/人均 of a standard's words name nothing


# the words before a standard's 每 ending in a group of people or households (困难教师, 低保户, 失能老人)
_POPULATION_END_RE = re.compile(r"(?:人员|教师|学生|老人|儿童|对象|职工|干部|群众|居民|家庭|农户|[^\d\s]户|队员|成员|员工|者)[\s按照为给对向:：]*$")
_CARRIED_REACH = 240   # how far back (characters) a standard's count is carried to a later standard with none
_PERIODS = frozenset(_TIME | {"季度", "季"})   # what periods_of_count works out of a count's 每…: never a thing counted
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
        # 床位30张 for 每床: the thing's name (or its 位) just before a count of another measure
        if thing not in before or count.unit in _TIME or count.unit == "项":   # (most counts: no more to look at)
            # 45张床位 for 每床: the thing's name right after the count's measure word (not 项: kinds of spending)
            # (never 次: 1,304批次 is a count of 批次, 每批次 a standard per it)
            return count.unit not in _TIME and count.unit != "项" and thing != "次" and after.startswith(thing)
        if count.unit == "项":
            return False   # (残疾人两项补贴: 项 counts kinds of spending, never the people a standard is per)
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
            best = self.chained_count(thing, lo, hi, start, exclude, rate.label) or self.shared_count(
                rate, thing, previous, exclude) or self.carried_count(rate, thing, exclude)
        return best

    def carried_count(self, rate: _Rate, thing: str, exclude: list[Token]) -> Token | None:
        """公厕126座，保洁费每座每月1,500元，全年…；耗材按每座每年1000元，共…: a standard with no count of its thing in its
        sentence is per the count of it an earlier standard of the text was worked out with — the nearest count of that
        thing before it, in the last few sentences, where no other count of it stands between."""
        if not self.standard_counts or thing == "*" or self.open_bracket(rate.token) >= 0:
            return None   # (（亩均1,400元） in brackets: the working of the amount before, no item)
        each = rate.label.rfind("每")
        if _POPULATION_END_RE.search(rate.label[:each] if each >= 0 else rate.label):
            return None   # 慰问困难教师每人1000元: a group named of its own, whose count the text does not give
        found = None
        for count, _ in reversed(self.earlier_counts[-12:]):
            if rate.token.start - count.end > _CARRIED_REACH:
                break
            if count.start >= self.sentence_start or not self.matches(thing, count):
                continue
            if found is not None:
                return None   # (two counts of that thing before: 特困人员28人，护理人员4名 — which one is not said)
            found = count
        if found is None or id(found) not in self.standard_counts or found in exclude or id(found) in self.count_each:
            return None   # (no standard used it: another population; 每处1名: a count per something, not all of them)
        self.carried.add(id(found))
        return found

    def chained_count(self, thing: str, lo: int, hi: int, start: int, exclude: list[Token], rate_clause: str) -> Token | None:
        """网格员6人×3200元×12月，另加考核奖励每人5000元: the count a × chain before the standard used, the nearest."""
        if not self.chain_counts or self.breakdown is not None or "其中" in rate_clause or _party_before(rate_clause):
            return None   # (48场×8000元=38.4万元，其中市级按每场3000元补助…: a party's part of the chain's product, no more of it)
        for count in reversed(self.counts[lo:hi]):
            if count.start < start and id(count) in self.chain_counts and count not in exclude and self.matches(thing, count):
                return count
        return None

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
            things = [w for w in each.per if w not in _PERIODS]
            if not things and outer is not None and outer.kind == COUNT:   # 26个乡镇每月开展两次: the count itself
                if free(outer):
                    out.append(outer)
                break
            things = things or [w for w in (outer.per if outer is not None else ()) if w not in _PERIODS]
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


def listed_each_count(text: str, tokens: list[Token], index: int) -> Token | None:
    """抽检各40、25、15批次，平均每批次2000元: bare numbers listed with 、 before a count, 各 before the first, count
    together — the count of the standard after them is their sum. None where the count stands alone."""
    j = index
    while j > 0 and tokens[j - 1].kind == "number" and tokens[j - 1].value is not None \
            and text[tokens[j - 1].end:tokens[j].start].strip() == "、":
        j -= 1
    if j == index or "各" not in text[max(0, tokens[j].start - 2):tokens[j].start] and not _RESPECTIVELY_RE.search(
            text, max(0, tokens[j].start - 10), tokens[j].start):   # (三个片区分别有站点12、8、15处: as 各)
        return None
    count = tokens[index]
    total = sum((t.value for t in tokens[j:index + 1]), Decimal(0))
    return Token(COUNT, text[tokens[j].start:count.end], tokens[j].start, count.end, total, count.unit)


def listed_count(reader, index: int, previous: Token | None) -> Token | None:
    """The count token ``index`` stands for where things listed before it make it more: bare numbers listed before it
    (各40、25、15批次: their sum, the × chain cut before them), or things named before 各 (春节、端午各举办一次: one
    each, two in all); None where it stands for itself."""
    token = reader.tokens[index]
    if previous is not None and previous.kind == "number" and reader.text[token.start - 1] == "、":
        listed = listed_each_count(reader.text, reader.tokens, index)
        if listed is not None:
            reader.chain = [t for t in reader.chain if t.start < listed.start]
        return listed   # (the cached tokens stay as lexed)
    if "各" not in reader.text[max(reader.sentence_start, token.start - 8):token.start]:
        return None   # (most counts: no 各 before them, and no call made)
    return each_named_count(reader.text, reader.tokens, index, reader.sentence_start)


def each_named_count(text: str, tokens: list[Token], index: int, sentence_start: int) -> Token | None:
    """The count ``index`` times the things named before 各 (:func:`each_named`): a token of the count in all, else
    None (the lexed token is never changed: a reading and a re-reading both take this one)."""
    named = each_named(text, tokens, index, sentence_start)
    return replace(tokens[index], value=tokens[index].value * named) if named > 1 else None


def each_named(text: str, tokens: list[Token], index: int, sentence_start: int) -> int:
    """How many things named before 各 the count ``index`` is one of each of (春节、端午各举办一次，每次6500元: 2), where
    one standard for all follows in its sentence (from ``sentence_start``); 1 where the count stands for itself. The
    reader's counts and the re-reading of a failing product (readings._readings) both take it."""
    token = tokens[index]
    previous = tokens[index - 1] if index else None
    if not token.value or "各" not in text[max(sentence_start, token.start - 8):token.start] or (
            previous is not None and previous.start >= sentence_start and previous.kind in (COUNT, "each")):
        return 1
    start = max(sentence_start, token.start - 30)
    last = _LAST_MARK_RE.match(text, start, token.start)   # (the clause before the count: what clause_before gives)
    named = _each_of_named(text[last.end() if last is not None else start:token.start])
    return named if named >= 2 and _one_standard_after(text, tokens, index) else 1


def _one_standard_after(text: str, tokens: list[Token], index: int) -> bool:
    """Whether the sentence after the count ``index`` states one standard for all the things named (每次6500元), not one
    each (单价分别为…, 宫颈癌筛查每人120元，乳腺癌筛查每人100元: the count is per thing, then)."""
    standards, end = 0, len(text)   # (to the sentence's stop, else the text's end: a count may be its last token)
    for k in range(index + 1, len(tokens)):
        token = tokens[k]
        if token.kind == "stop":
            end = token.start
            break
        if token.kind == MONEY and (token.per or tokens[k - 1].kind == "each"):
            standards += 1
    return standards == 1 and "分别" not in text[tokens[index].end:end]


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
