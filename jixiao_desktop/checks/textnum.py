"""Numbers in prose: amounts, counts, rates, percentages and cost-sharing ratios.

Clerks write the calculation into 测算说明 and 资金安排情况 as sentences
(``33个城市社区，12万元/社区，共计396万元``; ``其余306万元由市、区按1:1承担``).
This module reads such a sentence into :class:`Quantity` tokens and
:class:`Ratio` statements, with their positions and the words before them, so
the arithmetic rules can check what the sentence claims. Dates, document
numbers, ages and ranges are recognised and left out.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from jixiao_desktop.money import WAN, YI, read_decimal

MONEY, COUNT, PERCENT = "money", "count", "percent"

COUNT_UNITS = (
    "人次", "户次", "个", "人", "名", "户", "家", "床", "张", "项", "条", "次", "所", "处", "座", "支",
    "场", "期", "批", "套", "份", "件", "台", "辆", "公里", "社区", "村", "街道", "镇", "单位",
)
_COUNT_UNIT_RE = "|".join(sorted(COUNT_UNITS, key=len, reverse=True))

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_PER_WORDS = "人次|户次|平方米|课时|小时|社区|个|人|名|户|家|床|张|项|次|所|处|套|件|台|村|年|月|日|天|季|期|场|批|公里"
_PER = rf"(?:{_PER_WORDS})(?:\s*[./·]\s*(?:{_PER_WORDS})){{0,2}}"
_TOKEN_RE = re.compile(
    rf"""(?P<approx_before>约|近|超过|多于|不低于|不少于|不超过|大约)?
    (?<!\d)(?P<number>{_NUMBER})   # never inside a run of digits: each run is tried once (linear time)
    (?P<more>多)?
    (?:
        (?P<money>亿元|万元|元|亿|万(?![人户个名家次]))(?:\s*/\s*(?P<per>{_PER}))?
      | (?P<percent>%)
      | (?P<count>{_COUNT_UNIT_RE})
    )""",
    re.VERBOSE,
)
# Numbers that are not quantities: years, months, dates, ages, document numbers, ranges.
_NOT_QUANTITY_RE = re.compile(
    rf"""(?<!\d)(?:\d+\s*[-—~～至到]\s*)+{_NUMBER}\s*(?:周岁|岁|年|月|日|号|元|万元)?   # ranges 80-89周岁, 1-12月
    | (?<!\d){_NUMBER}\s*(?:周岁|岁|年|月份|月|日|号|季度|倍|小时|天|周)                  # 2023年, 1.3倍
    | [〔\[【(（]\s*\d{{4}}\s*[〕\]】)）]\s*\d+\s*号                               # 〔2016〕29号
    """,
    re.VERBOSE,
)
_RATIO_RE = re.compile(
    r"""(?P<parties>(?:省|市|区|县|州|乡|镇|中央|财政|级|、|和|与|\s){0,16}?)
    (?:按|比例|为)?\s*(?:照)?\s*
    (?<![\d.])(?P<a>\d+(?:\.\d+)?)\s*[:：比]\s*(?P<b>\d+(?:\.\d+)?)(?:\s*[:：比]\s*(?P<c>\d+(?:\.\d+)?))?""",
    re.VERBOSE,
)
_EACH_PERCENT_RE = re.compile(r"(?P<parties>[省市区县、和与]{2,16})(?:财政)?各(?:配套|承担|负担|分担|出资)\s*(?P<p>\d+(?:\.\d+)?)%")
_LEVEL_SHARE_RE = re.compile(r"(?P<level>[省市区县])级?(?:财政)?(?:承担|配套|负担)\s*(?P<p>\d+(?:\.\d+)?)%")
# What one text's reading may cost: the first MAX_TEXT_CHARS characters and MAX_QUANTITIES
# numbers are read (a real 测算说明 has a few dozen); a longer text is flagged ``truncated``.
MAX_TEXT_CHARS = 20000
MAX_QUANTITIES = 300
LABEL_CHARS = 60  # how far back the words of a number's clause are looked for

_TOTAL_WORDS = ("共计", "合计", "总计", "总额", "累计")
_FINAL_WORDS = ("实际批复", "实际安排", "批复金额", "核定", "实际")
_DELIMS = "，,。；;、：:\n"


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number with its unit in a text. Money ``value`` is in 元."""

    kind: str
    value: Decimal
    unit: str
    start: int
    end: int
    per: str = ""
    approx: bool = False
    label: str = ""      # the words of the clause before the number
    noun: str = ""       # for counts: the words right after (``33个城市社区`` → ``城市社区``)
    prefix: str = ""     # up to 12 characters right before the number

    @property
    def is_rate(self) -> bool:
        """A standard per something: ``16800元/个.年``, ``每个…2.4万元``, ``12万元/社区``."""
        return bool(self.per) or "每" in self.label

    @property
    def is_total(self) -> bool:
        return any(word in self.label for word in _TOTAL_WORDS)

    @property
    def is_final(self) -> bool:
        return any(word in self.label for word in _FINAL_WORDS)

    @property
    def is_remainder(self) -> bool:
        return "其余" in self.label or "剩余" in self.label


@dataclass(frozen=True, slots=True)
class Ratio:
    """A cost-sharing statement: parties (``市``, ``区``) and their parts (3, 7)."""

    parties: tuple[str, ...]
    parts: tuple[Decimal, ...]
    start: int
    end: int
    text: str

    @property
    def whole(self) -> Decimal:
        return sum(self.parts, Decimal(0))

    def share_of(self, party: str) -> Decimal | None:
        """The fraction a party carries (``区`` → 7/10), or None if not named."""
        for name, part in zip(self.parties, self.parts):
            if name == party:
                return part / self.whole
        return None


@dataclass(slots=True)
class TextNumbers:
    text: str
    quantities: list[Quantity] = field(default_factory=list)
    ratios: list[Ratio] = field(default_factory=list)
    level_shares: dict[str, Decimal] = field(default_factory=dict)  # 区 → 0.7 from 区级承担70%
    truncated: bool = False  # longer than what one reading covers (MAX_TEXT_CHARS, MAX_QUANTITIES)

    def money(self) -> list[Quantity]:
        return [q for q in self.quantities if q.kind == MONEY]

    def counts(self) -> list[Quantity]:
        return [q for q in self.quantities if q.kind == COUNT]


_UNIT_FACTOR = {"元": Decimal(1), "万元": WAN, "万": WAN, "亿元": YI, "亿": YI}
_PARTY_RE = re.compile(r"中央|省|市|区|县")


@lru_cache(maxsize=2048)
def read_numbers(text: str) -> TextNumbers:
    """Read the quantities and ratios of a text, in time linear in its length. Never raises."""
    text = text or ""
    folded = unicodedata.normalize("NFKC", text[:MAX_TEXT_CHARS]).replace("\u3000", " ")
    result = TextNumbers(folded, truncated=len(text) > MAX_TEXT_CHARS)
    blocked = _blocked_spans(folded)
    blocked_starts = [b0 for b0, _ in blocked]
    for match in _TOKEN_RE.finditer(folded):
        start, end = match.span("number")
        k = bisect_right(blocked_starts, start) - 1
        if k >= 0 and start < blocked[k][1]:
            continue
        if len(result.quantities) >= MAX_QUANTITIES:
            result.truncated = True
            break
        number = read_decimal(match["number"])
        if number is None:  # beyond any real amount or count: not a quantity
            continue
        prefix = folded[max(0, start - 12):start]
        approx = bool(match["approx_before"] or match["more"]) or folded[end:end + 3].startswith(("左右", "余"))
        label = _clause_before(folded, match.start())
        if match["money"]:
            unit = "万元" if match["money"] in ("万", "万元") else "亿元" if match["money"] in ("亿", "亿元") else "元"
            value = number * _UNIT_FACTOR[match["money"]]
            result.quantities.append(
                Quantity(MONEY, value, unit, match.start(), match.end(), per=match["per"] or "", approx=approx,
                         label=label, prefix=prefix)
            )
        elif match["percent"]:
            result.quantities.append(Quantity(PERCENT, number, "%", match.start(), match.end(), approx=approx, label=label, prefix=prefix))
        else:
            noun = _noun_after(folded, match.end())
            result.quantities.append(
                Quantity(COUNT, number, match["count"], match.start(), match.end(), approx=approx, label=label,
                         prefix=prefix, noun=noun)
            )
    result.ratios = _ratios(folded)
    for match in _EACH_PERCENT_RE.finditer(folded):
        parties = tuple(_PARTY_RE.findall(match["parties"]))
        if len(parties) >= 2:
            share = read_decimal(match["p"])
            if share is None:
                continue
            result.ratios.append(Ratio(parties, tuple(share for _ in parties), match.start(), match.end(), match[0]))
    for match in _LEVEL_SHARE_RE.finditer(folded):
        share = read_decimal(match["p"])
        if share is not None:
            result.level_shares[match["level"]] = share / 100
    return result


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NOT_QUANTITY_RE.finditer(text)]


_NOUN_STOP_RE = re.compile(r"给予|按|合计|共计|总计|共|进行|获得|享受|开展|发放|拨付|提供|实施|补助|运营补助|每|用于|及|和")


def _noun_after(text: str, end: int) -> str:
    """The thing counted: ``22个社区居家养老服务中心给予运营补助`` → ``社区居家养老服务中心``."""
    i = end
    while i < len(text) and i - end < 16 and text[i] not in _DELIMS and not text[i].isdigit():
        i += 1
    noun = text[end:i]
    stop = _NOUN_STOP_RE.search(noun, 1)
    if stop:
        noun = noun[:stop.start()]
    if "的" in noun:
        noun = noun.rsplit("的", 1)[-1]
    return noun.strip(" （(）).")


def _clause_before(text: str, start: int) -> str:
    """The words between the previous delimiter and ``start`` (the label of a number)."""
    i, limit = start, max(0, start - LABEL_CHARS)
    while i > limit and text[i - 1] not in _DELIMS:
        i -= 1
    return text[i:start].strip(" （(）)")


def _ratios(text: str) -> list[Ratio]:
    ratios = []
    for match in _RATIO_RE.finditer(text):
        before = text[max(0, match.start("a") - 14):match.start("a")]
        parties = tuple(_PARTY_RE.findall(before))
        values = [match[g] for g in ("a", "b", "c") if match[g]]
        if len(parties) < len(values):
            # 市区2：1 / 省市区5：3：2: the parties are written together
            continue
        parties = parties[-len(values):]
        parts = tuple(read_decimal(v) for v in values)
        if None in parts or sum(parts) == 0:
            continue
        ratios.append(Ratio(parties, parts, match.start("a"), match.end(), text[match.start("a"):match.end()]))
    return ratios


def our_share(numbers: TextNumbers, ratio: Ratio, level: str = "区") -> Decimal | None:
    """The fraction this form's level carries under ``ratio`` (区/县 by default)."""
    for candidate in (level, "县", "区"):
        share = ratio.share_of(candidate)
        if share is not None:
            return share
    return None
