"""Periods of the prose grammar: the months a standard per month runs (12个月 named, a span such as
5月至12月, 全年), the years a yearly one runs (N年 when the sentence names more than one), the periods of a
count said per month or quarter, and a × chain whose months disagree with the span its sentence names
(补助期限5月至12月 … 188人×200元×12个月: 8 months, not 12).

A mixin of :class:`~.reader._Reader`: it reads and writes the reader's state, set up in ``_Reader.__init__``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import read_decimal, round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, Token, cn_number
from jixiao_desktop.prose.words import _RX10, _RX11, _STOP_RE, _THIS_YEAR_RE, _num

# 5月至12月, 2025年7-12月, 3月—12月, 自2025年3月起聘用至12月底, 2025年9月至2026年1月: a span of months (the
# later month not before the earlier, or in the next year when that year is named)
_SPAN_RE = re.compile(r"(?:((?:19|20)\d{2})\s*年\s*)?(?<!\d)(\d{1,2})\s*(?:月\s*份?[^，,。；;\d\n]{0,5}?)?[-—~～至到]\s*"
                      r"(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])")


# 自2025年7月起, 10月份起: a start month alone; the months it runs are those left in its year
_FROM_MONTH_RE = re.compile(r"(?:((?:19|20)\d{2})\s*年\s*)?(?<![\d.])(\d{1,2})\s*月\s*份?\s*(?:\d{1,2}\s*[日号])?\s*起")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_PARTS_OF_YEAR = {"半年": Decimal(2), "学期": Decimal(2), "季度": Decimal(4), "季": Decimal(4)}


def months_from(sentence: str) -> int | None:
    """The months left in its year after the start month ``sentence`` names alone (自2025年7月起: 6), None if it
    names none, or a later year too (自2024年7月起…2025年: the whole of the later year)."""
    if "起" not in sentence:
        return None
    start = _FROM_MONTH_RE.search(sentence)
    if start is None or not 1 <= int(start[2]) <= 12:
        return None
    if start[1] and any(int(y) > int(start[1]) for y in _YEAR_RE.findall(sentence)):
        return None
    return 12 - int(start[2]) + 1


# 5月1日至12月31日: whole months written with their first and last days
_DAY_SPAN_RE = re.compile(r"(?:((?:19|20)\d{2})\s*年\s*)?(?<!\d)(\d{1,2})\s*月\s*1\s*[日号]\s*[-—~～至到]\s*"
                          r"(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(?:28|29|30|31)\s*[日号]")
# 春季学期（3—6月）和秋季学期（9—12月）: spans listed together make one period
_SPAN_MARK_RE = re.compile(r"[-—~～至到]")
_NEXT_YEAR_WORD_RE = re.compile(r"次年|翌年")
_SAME_YEAR_WORD_RE = re.compile(r"当年|本年|今年")
_JOINED_RE = re.compile(r"[）)]?\s*[^，,。；;\d]{0,8}?(?:和|及|与|、)[^，,。；;\d]{0,8}")


def one_year_paid(text: str, years: list[Token]) -> bool:
    """合同期3年，本年度支付一年: the last of the years a clause names is the one year this budget pays (not 每满1年, a
    standard's year). The walk's yearly standards and the re-reading's products both ask it."""
    return len(years) >= 2 and years[-1].value == 1 and "每" not in text[max(0, years[-1].start - 3):years[-1].start]


def month_span(sentence: str) -> int | None:
    """The months of the one span of months ``sentence`` names (None if none, or several); spans listed together
    with 和/及/、 count as one period (their months added, when they do not overlap)."""
    if not _SPAN_MARK_RE.search(sentence):
        return None   # (every span is written with one of -—~～至到: most sentences have none)
    if "次年" in sentence or "翌年" in sentence:   # 当年10月至次年3月: the next year named by a word (a year of its own)
        sentence = _NEXT_YEAR_WORD_RE.sub("2001年", _SAME_YEAR_WORD_RE.sub("2000年", sentence))
    spans: list[int] = []
    group, last_end = None, None
    for found in sorted([*_SPAN_RE.finditer(sentence), *_DAY_SPAN_RE.finditer(sentence)], key=lambda m: m.start()):
        year_a, a, year_b, b = found.groups()
        year_a = "2000" if year_b == "2001" and not year_a else year_a
        first, last = int(a), int(b)
        if not (1 <= first <= 12 and 1 <= last <= 12):
            return None
        if year_b and year_a and int(year_b) == int(year_a) + 1:
            months = range(first, 13), range(1, last + 1)
        elif (year_b and year_a and year_b != year_a) or first > last:
            return None
        else:
            months = range(first, last + 1), ()
        covered = {m for part in months for m in part} if not (year_b and year_a and year_a != year_b) else None
        if group is not None and covered is not None and _JOINED_RE.fullmatch(sentence, last_end, found.start()) \
                and not group & covered:
            group |= covered
            spans[-1] = len(group)
        else:
            group = covered
            spans.append(len(group) if group is not None else sum(len(p) for p in months))
        last_end = found.end()
    return spans[0] if len(set(spans)) == 1 else None


_TOTAL_NEXT_RE = re.compile(r"[，,]\s*(?:共|合计|总计|全年|累计|计)[需计为]?[^，,。；;\d]{0,4}\d[\d,.]*\s*万?$")
_PERIOD_NAMED_RE = re.compile(r"(?<!质保|保修|保质|试用|有效|责任)期|时间|时段|\d\s*月\s*(?:至|到|[-—~～])\s*\d{1,2}\s*月[^，,。；;\d]{0,3}(?:在岗|聘用|上岗|工作|服务|实施|发放)")   # 防火期为…, 实施期间…: a sentence naming the period paid
# (not 质保期, 保修期, 保质期, 试用期, 有效期, 缺陷责任期: a period of another thing than the pay, 质保期6个月 no months paid)

# where a sentence ends: as the lexer reads it, a line break before a list number (：⏎1.…) ends none
_SENTENCE_STOP_RE = re.compile(r"[。；;]|\n(?!\s*[\d（(一二三四五六七八九十])")


class _Periods:
    """Months and years of standards, and the months of × chains."""

    def sentence_end(self) -> int:
        if self._sentence_end is None or self._sentence_end[0] != self.sentence_start:
            found = _SENTENCE_STOP_RE.search(self.text, self.sentence_start)
            self._sentence_end = (self.sentence_start, found.start() if found else len(self.text))
        return self._sentence_end[1]

    def periods_of_count(self, count: Token, per: tuple[str, ...]) -> tuple[Decimal, str, bool] | None:
        """A count said per month or per quarter (每月开展1次, 每季度训练1次) for a standard that is not: the
        periods of the year it runs (the months the sentence names, 12 for 全年; 4 quarters for 全年)."""
        each = self.count_each.get(id(count))
        if each is None or not each.per or any(w in per for w in ("月", "季度", "季")):
            return None
        if "月" in each.per:   # (每月开展1次; 每人每月上门服务5次: per 人 and per 月 — the 人 counted by group_counts)
            n, assumed = self.months_for(("月",))
            return n, f"{_num(n)}个月", assumed
        if each.per[0] in ("季度", "季") or each.per[-1] in ("季度", "季"):
            # 每季度1次: the 4 quarters of the budget's year, unless the sentence names a span of months
            if _RX11.search(self.text[self.sentence_start:self.sentence_end()]) or self.sentence_span() is None:
                return Decimal(4), "4个季度", False
        return None

    def months_for(self, per: tuple[str, ...]) -> tuple[Decimal, bool] | None:
        if "月" not in per:
            return None
        key = ("months", self.sentence_start)
        if key not in self._memo:
            self._memo.clear()
            found = self._months(self.text[self.sentence_start:self.sentence_end()])
            if found[1] and self.sentence_start:   # none named: the period a sentence before names alone
                found = self.period_named_before() or found
            if found[1]:   # none before either: a span that opens the next sentence, before the result it states
                end = self.text.find("。", self.sentence_start)
                after = self.text[end + 1:end + 40] if end >= 0 else ""
                head = after[:after.find("元")] if "元" in after else ""
                if "月" in head and not _STOP_RE.search(head) and _TOTAL_NEXT_RE.search(head):
                    span = month_span(head)
                    found = (Decimal(span), False) if span is not None else found   # …每人每月1,400元。2025年7-12月，共需…
            self._memo[key] = found
        return self._memo[key]

    def period_named_before(self) -> tuple[Decimal, bool] | None:
        """The months the nearest of the four clauses before the sentence that names a period alone (no amount) gives
        (防火期为1月1日—4月30日和11月1日—12月31日，共计6个月。 / 1.见习人数45人，见习期6个月；2.…；3.…150元/人·月)."""
        end = self.sentence_start
        for _ in range(4):
            begin = max(self.text.rfind("。", 0, end - 1), self.text.rfind("；", 0, end - 1), self.text.rfind(";", 0, end - 1)) + 1
            before = self.text[begin:end]
            if "月" in before and "元" not in before and _PERIOD_NAMED_RE.search(before):
                named = self._months(before)
                if not named[1]:
                    return named
            if begin == 0:
                return None
            end = begin
        return None

    def span_named_before(self) -> int | None:
        """The span of months (3-12月) the nearest of the four clauses before the sentence names alone (no amount)."""
        end = self.sentence_start
        for _ in range(4):   # (the clause period_named_before took: its span, if it names one)
            begin = max(self.text.rfind("。", 0, end - 1), self.text.rfind("；", 0, end - 1), self.text.rfind(";", 0, end - 1)) + 1
            before = self.text[begin:end]
            if "月" in before and "元" not in before and _PERIOD_NAMED_RE.search(before):
                return month_span(before)
            if begin == 0:
                return None
            end = begin
        return None

    def _months(self, sentence: str) -> tuple[Decimal, bool]:
        # the span of months the sentence names is the period paid, over the months it says it counts
        # (2025年4月至12月共8个月, 2025年1-12月，按十个月计算: 9 and 12 months)
        span = month_span(sentence) if "月" in sentence else None
        if span is not None:
            return Decimal(span), False
        found = _RX10.search(sentence) if "个" in sentence else None   # (N个月: most sentences have no 个)
        if found:
            n = read_decimal(found[1]) if found[1].isdigit() else cn_number(found[1])   # (None beyond the digits a form holds)
            if n:
                return n, False
        if _RX11.search(sentence):
            return Decimal(12), False
        start = months_from(sentence)
        if start is not None:
            return Decimal(start), False   # 自2025年7月起…当年: July to December
        return Decimal(12), True

    def sentence_span(self) -> int | None:
        """The months of the span of months the current sentence names (cached for the sentence)."""
        if self._span is None or self._span[0] != self.sentence_start:
            sentence = self.text[self.sentence_start:self.sentence_end()]
            self._span = (self.sentence_start, month_span(sentence) if "月" in sentence else None)
        return self._span[1]

    def chain_months(self, chain: list[Token], value: Decimal, words: str, result: Token, uncertain: bool) -> None:
        """A × chain whose months (12个月, or a bare 12 where the sentence says 共十二个月) are not those of the
        span of months its sentence names: the chain again with the span's months."""
        span, where = self.sentence_span(), "句中"
        if span is None and self.sentence_start and any(t.kind in ("months", "number") for t in chain):
            span, where = self.span_named_before(), "前文"   # 4. 聘用期2025年3-12月；5. 补贴资金64×1,860×12=…: a clause before
        if span is None:
            return
        sentence = self.tokens[self.sentence_first:self.index]
        named = {t.value for t in sentence if t.kind == "months"}
        months = [t for t in chain if t.kind == "months" or (t.kind == "number" and t.value in named)]
        if not months:
            # 协管员12人，派遣期3-12月，每人每月5,200元，需12×5,200×9: the one bare number of the chain (12 at most) that
            # restates no count or amount of the sentence is its months
            stated = {t.value for t in sentence if t.kind in (COUNT, MONEY) and t not in chain}
            months = [t for t in chain if t.kind == "number" and t.value is not None and 1 <= t.value <= 12
                      and t.value == t.value.to_integral_value() and t.value not in stated]
        if len(months) != 1 or not months[0].value or months[0].value == span:
            return
        n = months[0].value
        computed = round_fen(value / n * span)
        self.add_step("months", f"{words}按{_num(n)}个月计，{where}期间为{span}个月，应为{self.fmt(computed)}", computed, result,
                      uncertain)

    def years_for(self, per: tuple[str, ...]) -> Decimal | None:
        """N年 named in the sentence (more than one year) for a yearly standard — unless one year is named after it."""
        if "年" not in per:
            return None
        key = ("years", self.sentence_start)
        if key not in self._memo:
            end, years = self.sentence_end(), []
            tokens = self.tokens
            for i in range(self.sentence_first, len(tokens)):   # (no copy of the rest of the text's tokens)
                token = tokens[i]
                if token.start >= end:
                    break
                if token.kind == "years" and token.value:
                    years.append(token)
            self._memo[key] = None if one_year_paid(self.text, years) or self.this_years_part(years, end) else next(
                (t.value for t in years if t.value > 1), None)
        return self._memo[key]

    def this_years_part(self, years: list, end: int) -> bool:
        """三年管护，每亩每年50元，本年度计10万元: this year's words after the years, with no amount but standards between —
        what follows is the one year's part, not the years' whole."""
        if not years:
            return False
        found = _THIS_YEAR_RE.search(self.text, years[-1].end, end)
        if found is None:
            return False
        for i in range(self.sentence_first, len(self.tokens)):
            token = self.tokens[i]
            if token.start >= found.start():
                break
            if token.start > years[-1].end and token.kind == MONEY and not (token.per or self.tokens[i - 1].kind == "each"):
                return False   # (三年共30万元，本年度安排10万元: the years' whole stated first)
        return True

    def parts_of_year(self, thing: str) -> tuple[Decimal, str] | None:
        """每人每半年 / 每学期 / 每季度 with no count of its own, in a sentence that works out a year (全年, 一年): the
        year's 2 halves, 2 semesters or 4 quarters."""
        n = _PARTS_OF_YEAR.get(thing)
        if n is None or not _RX11.search(self.text, self.sentence_start, self.sentence_end()):
            return None
        return n, f"{_num(n)}个{thing}" if thing != "半年" else f"{_num(n)}个半年"


_TRAILING_SPAN_RE = re.compile(r"[（(]\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*[-—~～至到]\s*\d{1,2}\s*月份?\s*[)）]\s*$")


def without_span(near: str) -> str:
    """全年（1-12月）184,800元: the words before an amount without the span of months bracketed right before it (the
    total word before the bracket states the amount)."""
    if not near.endswith(("）", ")")):
        return near
    found = _TRAILING_SPAN_RE.search(near)
    return near if found is None else near[:found.start()]
