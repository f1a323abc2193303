"""Reading a period (项目期, 实施期, a 时效 target) in any printed style — one parser for every rule.

Grammar (after NFKC folding and Chinese numerals read as digits)::

    period  := range | year | length | "长期" | "常年" | date "-" ("长期" | "常年")
    range   := date SEP date             2023年7月至2024年1月, 2023.07-2024.01, 202001-202012,
                                         2023-01-01 至 2023-12-31, 2023/01/01-2023/12/31, 2024-2026年,
                                         2024年至2026年, 2024年1月—12月 (the end's year is the start's)
             | YEAR 年 M SEP M 月         2024年1-12月
             | YEAR 年 上半年|下半年|第N季度
    year    := YEAR 年度 | YEAR 年 | YEAR 年全年 | YEAR
    length  := N 年 | N SEP N 年 | N 个月   3年, 三年, 1-3年, 36个月
    date    := YEAR 年 [M 月 [D 日]] | YEAR.M[.D] | YEAR/M[/D] | YEAR-M[-D] | YYYYMM[DD]
    SEP     := - — – ~ ～ 至 到 (decorations 自…起…止 are dropped)

:func:`parse_period` reads a whole text (a 项目期 cell) as one :class:`Period`, or None when the text is not
a period (经常性, 80-89周岁, 〔2022〕13号, a phone number, 2025.5万元). A period with its end before its start
or a month outside 1–12 is still read, with ``reversed`` / ``bad_month`` set, so that a rule can say so.
:func:`first_range` finds the first written range inside a longer text (a 时效 value), and
:func:`years_in` lists the years a text writes as dates in any style (document numbers 〔2022〕 and bare
numbers are not years). :func:`in_words` gives the canonical wording (``2023年7月-2024年1月``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Period", "parse_period", "first_range", "years_in", "in_words"]

_SEP = r"\s*(?:[-—–~～]+|至|到)\s*"
_YEAR = r"(?:19|20)\d{2}"
# After a date written with dots, slashes, dashes or as digits alone comes the end, a separator or a
# date word — never a unit (2025.5万元, 2024.12元/人 are numbers).
_AFTER = r"(?=\s*(?:$|[-—–~～至到起止前底末内后以之，,。；;、:：)）\]】\s]|日|号|期间|期内|完成|开始|结束|实施|执行|建设|为|的))"

_CN_NUMBER_RE = re.compile(r"([〇零一二两三四五六七八九十]+)(?=\s*(?:年|月|个月|季度))")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_DOTTED_RE = re.compile(rf"(?<![\d.〔\[（(【])({_YEAR})\s*([./-])\s*(\d{{1,2}})(?:\s*\2\s*(\d{{1,2}}))?(?![\d.]){_AFTER}")
# YYYYMM(DD) only in a range (202001-202012): alone, six or eight digits are as often a code
_COMPACT = rf"(?<![A-Za-z0-9_.])({_YEAR})(0[1-9]|1[0-2])(?:[0-3]\d)?(?![\d.])"
_COMPACT_RE = re.compile(rf"{_COMPACT}({_SEP}){_COMPACT}{_AFTER}")
_DAY_RE = re.compile(r"(月份?)\s*\d{1,2}\s*[日号]")
_HALF_RE = re.compile(r"(\d{4})\s*年\s*(?:的)?\s*(上半年|下半年|第?\s*([1-4])\s*季度)")
_MONTHS_OF_A_YEAR_RE = re.compile(rf"(\d{{4}})\s*年\s*(\d{{1,2}}){_SEP}(\d{{1,2}})\s*月")
_BARE_YEARS_RE = re.compile(rf"(?<![\d.〔\[（(【])({_YEAR}){_SEP}({_YEAR})(?![\d.])(?:\s*年|{_AFTER})")
_FROM_RE = re.compile(r"(年|月)\s*份?\s*(?:起|开始|始)(?=\s*(?:[-—–~～]|至|到))")
_OPEN_RE = re.compile(r"^(?P<y1>\d{4})年(?:(?P<m1>\d{1,2})月份?)?(?:起|开始|始|以来)(?:长期|常年)?(?:实施|执行)?$")
_UNTIL_RE = re.compile(r"(年|月)\s*份?\s*(?:止|结束)")
_WHOLE_YEAR_RE = re.compile(r"(\d{4})\s*年\s*(?:度|全年|整年)")

_RANGE_RE = re.compile(
    rf"(?P<y1>\d{{4}})\s*年\s*(?:(?P<m1>\d{{1,2}})\s*月份?)?{_SEP}"
    rf"(?:(?P<y2>\d{{4}})\s*年|(?P<long>长期|常年))?\s*(?:(?P<m2>\d{{1,2}})\s*月份?)?"
)
_YEAR_IN_WORDS_RE = re.compile(rf"(?<!\d)({_YEAR})\s*年")
_LONG_RE = re.compile(r"^(?:长期|常年|长期性|长期实施|常年实施)$")
_LENGTH_RE = re.compile(rf"^(?P<a>\d{{1,2}})(?:{_SEP}(?P<b>\d{{1,2}}))?\s*(?P<u>年|个月)$")
_ONE_YEAR_RE = re.compile(rf"^({_YEAR})\s*年?$")
_DECORATION_RE = re.compile(r"^\s*(?:自|从|由)|(?:[。.；;])\s*$|\s+")


@dataclass(frozen=True, slots=True)
class Period:
    """A period read from text: months ``start``..``end`` as (year, month), or a length, or long-term.

    ``start``/``end``: for a range or a year (``end`` None with ``long_term`` for 2025年-长期).
    ``length``: (fewest, most) months of a length without dates (3年 → (36, 36), 1-3年 → (12, 36)).
    ``long_term``: 长期, 常年 (alone, or as the end of a range), or no end written (2025年起).
    """

    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None
    length: tuple[int, int] | None = None
    long_term: bool = False

    @property
    def reversed(self) -> bool:
        """The end is before the start (2026年12月-2024年1月)."""
        return self.start is not None and self.end is not None and self.end < self.start

    @property
    def bad_month(self) -> bool:
        """A month outside 1–12 (2025.13-2026.02)."""
        return any(point is not None and not 1 <= point[1] <= 12 for point in (self.start, self.end))

    @property
    def ok(self) -> bool:
        return not self.reversed and not self.bad_month

    @property
    def months(self) -> int | None:
        """Months from start to end, both counted (2024年1月-2026年12月 → 36); a length's most months."""
        if self.start is not None and self.end is not None and self.ok:
            return (self.end[0] - self.start[0]) * 12 + self.end[1] - self.start[1] + 1
        return self.length[1] if self.length else None

    @property
    def years(self) -> tuple[int, int] | None:
        """(first year, last year) of a dated, well-formed period."""
        if self.start is not None and self.end is not None and self.ok:
            return self.start[0], self.end[0]
        return None

    def span(self) -> tuple[int, int, int] | None:
        """(first year, last year, months) of a dated, well-formed period."""
        years = self.years
        return (years[0], years[1], self.months) if years else None


def _cn_number(text: str) -> str:
    """二〇二五 → 2025, 十二 → 12, 三 → 3 (years written digit by digit, months and counts with 十)."""
    if "十" not in text:
        return "".join(str(_CN_DIGIT[c]) for c in text)
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return text
    return str((_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0))


def _half(match: re.Match) -> str:
    year, what = match[1], match[2]
    first, last = (1, 6) if what == "上半年" else (7, 12) if what == "下半年" else (int(match[3]) * 3 - 2, int(match[3]) * 3)
    return f"{year}年{first}月-{year}年{last}月"


@lru_cache(maxsize=4096)
def in_words(text: str) -> str:
    """Every printed style of a date written the same way: ``2024年1月-2026年12月``, ``2024年-2026年``."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _CN_NUMBER_RE.sub(lambda m: _cn_number(m[1]), text)
    text = _WHOLE_YEAR_RE.sub(r"\1年", text)
    text = _COMPACT_RE.sub(lambda m: f"{m[1]}年{int(m[2])}月-{m[4]}年{int(m[5])}月", text)
    text = _DOTTED_RE.sub(lambda m: f"{m[1]}年{int(m[3])}月", text)
    text = _BARE_YEARS_RE.sub(r"\1年-\2年", text)
    text = _DAY_RE.sub(r"\1", text)
    text = _HALF_RE.sub(_half, text)
    text = _MONTHS_OF_A_YEAR_RE.sub(r"\1年\2月-\1年\3月", text)
    text = _FROM_RE.sub(r"\1", text)
    return _UNTIL_RE.sub(r"\1", text)


def _from_range(match: re.Match) -> Period | None:
    y1 = int(match["y1"])
    m1 = int(match["m1"]) if match["m1"] else 1
    if match["long"]:
        return Period(start=(y1, m1), long_term=True)
    if match["y2"] is None and match["m2"] is None:
        return None
    y2 = int(match["y2"]) if match["y2"] else y1
    m2 = int(match["m2"]) if match["m2"] else 12
    return Period(start=(y1, m1), end=(y2, m2))


def first_range(text: str) -> Period | None:
    """The first range written anywhere in ``text`` (``于2024年3月至2024年11月完成``), or None."""
    words = in_words(text)
    for match in _RANGE_RE.finditer(words):
        period = _from_range(match)
        if period is not None and not period.long_term:
            return period
    return None


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period | None:
    """The whole of ``text`` read as one period (see the module's grammar), or None when it is not one."""
    words = _DECORATION_RE.sub("", in_words(text))
    if not words:
        return None
    if _LONG_RE.match(words):
        return Period(long_term=True)
    if length := _LENGTH_RE.match(words):
        per = 12 if length["u"] == "年" else 1
        a = int(length["a"])
        b = int(length["b"]) if length["b"] else a
        if a <= 0 or b < a or (per == 1 and length["b"]):
            return None
        return Period(length=(a * per, b * per))
    if one := _ONE_YEAR_RE.match(words):
        year = int(one[1])
        return Period(start=(year, 1), end=(year, 12))
    if start := _OPEN_RE.match(words):
        return Period(start=(int(start["y1"]), int(start["m1"] or 1)), long_term=True)
    match = _RANGE_RE.fullmatch(words)
    return _from_range(match) if match else None


def years_in(text: str) -> list[int]:
    """The years ``text`` writes as dates, in order (2023.07-2024.01 → [2023, 2024]; 〔2022〕13号 → [])."""
    return [int(y) for y in _YEAR_IN_WORDS_RE.findall(in_words(text))]
