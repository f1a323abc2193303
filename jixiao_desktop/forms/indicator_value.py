"""Reading an indicator value (指标值): operator, number and unit, or qualitative text.

The document always stores the text the clerk typed; this module only reads
it. ``≥30.00(户)``, ``＞＝95%``, ``≧80%``, ``不低于95%``, ``27个``, ``453600元`` are
quantitative; ``及时``, ``2024年1月至2026年12月``, ``1-12月`` are qualitative (定性)
and keep their text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import lru_cache

from jixiao_desktop.money import normalize_text, read_decimal


class Operator(str, Enum):
    """Comparison operators as the budget system writes them (full-width ＝)."""

    GE = "≥"
    GT = "＞"
    EQ = "＝"
    LT = "＜"
    LE = "≤"


# Spellings of each operator, longest first so that ">=" wins over ">".
_OPERATOR_SPELLINGS: list[tuple[str, Operator, bool]] = [
    # (spelling after NFKC folding, operator, standard?)
    (">=", Operator.GE, False),
    ("<=", Operator.LE, False),
    ("≥", Operator.GE, True),
    ("≧", Operator.GE, False),
    ("⩾", Operator.GE, False),
    ("≤", Operator.LE, True),
    ("≦", Operator.LE, False),
    ("⩽", Operator.LE, False),
    ("不低于", Operator.GE, False),
    ("不少于", Operator.GE, False),
    ("不小于", Operator.GE, False),
    ("大于等于", Operator.GE, False),
    ("不高于", Operator.LE, False),
    ("不超过", Operator.LE, False),
    ("不大于", Operator.LE, False),
    ("不多于", Operator.LE, False),
    ("小于等于", Operator.LE, False),
    ("大于", Operator.GT, False),
    ("小于", Operator.LT, False),
    ("等于", Operator.EQ, False),
    (">", Operator.GT, True),
    ("<", Operator.LT, True),
    ("=", Operator.EQ, True),
]

_QUANT_RE = re.compile(
    r"""^(?P<number>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*
    (?:\((?P<punit>[^()]*)\)|(?P<unit>[^\d\s()][^()]*?))?\s*$""",
    re.VERBOSE,
)
# The parts of a compound unit such as 元/个.年 or 元/人/月.
MONEY_UNITS = ("元", "万元", "亿元")


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """The reading of one 指标值 text.

    ``operator`` is ``None`` for a bare number (read as ＝) and for qualitative
    values; ``explicit_operator`` tells whether the clerk wrote one;
    ``operator_spelling`` is the text as written when it is not one of the
    standard five symbols (``≧``, ``>=``, ``不低于``).
    """

    text: str
    operator: Operator | None = None
    number: Decimal | None = None
    unit: str = ""
    operator_spelling: str | None = None

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def quantitative(self) -> bool:
        return self.number is not None

    @property
    def qualitative(self) -> bool:
        return not self.blank and self.number is None

    @property
    def explicit_operator(self) -> bool:
        return self.operator is not None

    @property
    def effective_operator(self) -> Operator | None:
        """The operator, with a bare number read as ＝."""
        if self.number is None:
            return None
        return self.operator or Operator.EQ

    @property
    def is_percent(self) -> bool:
        return self.unit in ("%", "％")

    @property
    def is_money(self) -> bool:
        base = self.unit.split("/", 1)[0]
        return base in MONEY_UNITS

    @property
    def is_rate(self) -> bool:
        """A standard per something: 元/个.年, 元/人/月."""
        return "/" in self.unit

    def normalized(self) -> str:
        """The value as the budget system writes it: ``≥80%``, ``＝27个``."""
        if self.number is None:
            return self.text.strip()
        op = self.effective_operator.value if self.effective_operator else ""
        return f"{op}{self.number:f}{self.unit}"


@lru_cache(maxsize=8192)
def parse_indicator_value(text: str | None) -> IndicatorValue:
    """Read a 指标值. Never raises; unknown shapes are qualitative."""
    raw = text or ""
    folded = normalize_text(raw).strip()
    if not folded:
        return IndicatorValue(raw)
    operator = None
    spelling = None
    rest = folded
    for written, op, standard in _OPERATOR_SPELLINGS:
        if rest.startswith(written):
            operator = op
            spelling = None if standard else written
            rest = rest[len(written):].strip()
            break
    match = _QUANT_RE.match(rest)
    if match is None:
        return IndicatorValue(raw)
    unit = (match["punit"] if match["punit"] is not None else match["unit"] or "").strip()
    if _looks_like_range_or_date(unit):
        return IndicatorValue(raw)
    number = read_decimal(match["number"])
    if number is None:
        return IndicatorValue(raw)
    return IndicatorValue(raw, operator, number, unit, spelling)


def _looks_like_range_or_date(unit: str) -> bool:
    """``1-12月``, ``2024年1月``, ``5—10年``: not a number with a unit."""
    if not unit:
        return False
    if unit[0] in "-—~～至到":
        return True
    # A unit that itself carries digits (``年1月``) is a date or a compound text.
    return any(ch.isdigit() for ch in unit)


# -- the budget system's indicator sheet: 指标性质 | 指标值 | 度量单位 ------------------------------

QUALITATIVE = "定性"
# The operators as the clerk may have written them in a 指标性质 cell, kept as written when one joins them.
_WRITTEN_SYMBOLS = ("≥", "≤", "＝", "=", ">", "<", "＞", "＜", ">=", "<=", "≧", "≦")


def read_operator(text: str | None) -> Operator | None:
    """The operator a 指标性质 cell names: ``≥``, ``>=``, ``大于等于``, ``不低于``, ``＝``; None otherwise
    (``定性``, blank, anything else)."""
    folded = normalize_text(text or "").strip()
    for written, op, _standard in _OPERATOR_SPELLINGS:
        if folded == written:
            return op
    return None


def join_indicator_value(value: str, unit: str = "", nature: str = "") -> str:
    """The value as a form with one 指标值 cell holds it: ``95`` with 度量单位 ``%`` and 指标性质 ``≥``
    reads as ``≥95%``. A unit or operator the value already has is not doubled; 定性 adds nothing."""
    if not value.strip():
        return value
    parsed = parse_indicator_value(value)
    if unit.strip() and not parsed.unit and parsed.number is not None:
        value = f"{value.rstrip()}{unit.strip()}"
    op = read_operator(nature)
    if op is not None and parsed.operator is None and parsed.number is not None:
        written = nature.strip()
        value = f"{written if written in _WRITTEN_SYMBOLS else op.value}{value.lstrip()}"
    return value


@dataclass(frozen=True, slots=True)
class ValueSplit:
    """A 指标值 split the way the budget system's sheet holds it.

    ``nature`` is the operator symbol (≥ ＞ ＝ ＜ ≤) or ``定性``; ``value`` the number alone (or the text
    for 定性); ``unit`` the 度量单位. When the value cannot be split, ``problem`` says why (in Chinese,
    with what to write instead) and ``value`` is the text as typed (blanks around it dropped), ``nature``
    and ``unit`` blank.
    """

    nature: str
    value: str
    unit: str
    problem: str = ""

    def joined(self) -> str:
        """The split put back into one cell: ``≥95%``, ``100%`` (＝ is what a bare number means, and how
        clerks write it on paper); 定性 and unsplit values as they are."""
        op = read_operator(self.nature)
        if op is None:
            return self.value
        return f"{'' if op is Operator.EQ else op.value}{self.value}{self.unit}"


_REFUSED = "-_*"      # the budget system refuses to save a 指标值 containing any of these
_RANGE_RE = re.compile(r"\d\s*%?\s*[~～—–]\s*\d")
# A number in a text, and what follows it; a number followed by a date word, after 第 or in a ratio is not
# a quantity (2023年, 12月底, 第3批, 1:1).
_NUMBER_IN_TEXT_RE = re.compile(r"(?<![\d.:])(第)?\s*(\d+(?:\.\d+)?)\s*(年|月|日|号|时|点|季度|周|[:：])?")
_BOUND_WORDS = ("及以上", "及以下", "以上", "以下", "以内", "左右", "之内")
_APPROX_WORDS = ("多", "余", "约", "近")
_TEXT_SEPARATORS = ";；,，、。"


def split_indicator_value(text: str | None) -> ValueSplit:
    """Split a 指标值 into 指标性质, 指标值 and 度量单位: ``≥95%`` → ≥ | 95 | %, ``100%`` → ＝ | 100 | %,
    ``显著提升`` → 定性 | 显著提升 | (blank). A value that cannot be split (two quantities, a range, a
    ``-``/``_``/``*`` the system refuses, a number without unit, a unit that is not one) comes back as
    typed with ``problem`` set. Never raises."""
    raw = text or ""
    stripped = raw.strip()
    if not stripped:
        return ValueSplit("", "", "")
    folded = normalize_text(stripped)
    refused = "".join(ch for ch in _REFUSED if ch in folded)
    if refused:
        marks = "、".join(f"“{ch}”" for ch in refused)
        return _unsplit(raw, f"含有{marks}，预算系统不接受这些符号（如“1-12月”应写作“1月至12月”，"
                             "“80-89周岁”写作“80至89周岁”）")
    if _RANGE_RE.search(folded):
        return _unsplit(raw, "是一个范围，预算系统的指标值只能是一个数；请按目标写下限（≥）或上限（≤）")
    parsed = parse_indicator_value(raw)
    if parsed.quantitative and not _date_like(parsed):
        problem = _unit_problem(parsed)
        if problem:
            return _unsplit(raw, problem)
        return ValueSplit(parsed.effective_operator.value, f"{parsed.number:f}", parsed.unit)
    quantities = _quantities(folded)
    if len(quantities) >= 2:
        shown = "、".join(quantities[:4]) + ("等" if len(quantities) > 4 else "")
        return _unsplit(raw, f"一个指标值中写了多个数量（{shown}），无法拆分；请拆成几个指标，每个指标一个数量")
    if quantities and _leftover(folded, quantities[0]):
        return _unsplit(raw, f"数量“{quantities[0]}”前后有“{_leftover(folded, quantities[0])}”，无法拆分；"
                             "请只写数值和单位，“以上”“不低于”等用指标性质（≥ ≤）表示")
    if any(folded.startswith(written) for written, _op, _std in _OPERATOR_SPELLINGS if not written.isalpha()):
        return _unsplit(raw, "以比较符号开头，后面却不是“数值+单位”，无法拆分；定量指标请写成“≥95%”，定性指标去掉符号")
    return ValueSplit(QUALITATIVE, stripped, "")


def _date_like(parsed: IndicatorValue) -> bool:
    """``2023年``, ``6月底前``, ``2023年年度拨付``: a date in words, not a count of years or months."""
    unit, number = parsed.unit, parsed.number
    if not unit or unit[0] not in "年月日号" or "/" in unit:
        return False
    return len(unit) > 1 or (unit == "年" and number == number.to_integral_value() and 1900 <= number <= 2100)


def _unsplit(raw: str, problem: str) -> ValueSplit:
    return ValueSplit("", raw.strip(), "", problem)


def _unit_problem(parsed: IndicatorValue) -> str:
    unit = parsed.unit
    if not unit:
        return "只有数字，缺少度量单位（如%、个、人、元）"
    if any(sep in unit for sep in _TEXT_SEPARATORS):
        return f"数值后的“{unit}”不是一个单位（像是几项内容写在了一起）；请一个指标只写一个数值和单位"
    bound = next((w for w in _BOUND_WORDS if unit.endswith(w)), None)
    if bound:
        return f"单位后写了“{bound}”，无法拆分；请删去“{bound}”，用指标性质（≥ ≤）表示"
    if unit[0] in _APPROX_WORDS:
        return f"数值后写了“{unit[0]}”，不是确定的目标值；请写确定的数值，如“≥{parsed.number:f}{unit[1:]}”"
    if len(unit) > 4 and not any(mark in unit for mark in "/·."):
        return f"度量单位“{unit}”不像一个单位；请把单位与说明分开（如“{parsed.number:f}{unit[0]}”，说明写进指标名称）"
    return ""


def _quantities(folded: str) -> list[str]:
    """The quantities written in a text (``2100人``, ``50%``), dates and ordinals left out."""
    out = []
    for match in _NUMBER_IN_TEXT_RE.finditer(folded):
        if match[1] or match[3]:
            continue
        end = match.end()
        unit = folded[end:end + 1]
        if end < len(folded) and folded[end] in ":：" :
            continue
        out.append(match[2] + (unit if unit and not unit.isspace() and unit not in _TEXT_SEPARATORS else ""))
    return out


_LOOSE_WORDS = ("大约", "约为", "约", "达到", "达", "至少", "最少", "最多", "超过", "高于", "低于", "力争", "确保",
                "及以上", "及以下", "以上", "以下", "以内", "左右")


def _leftover(folded: str, quantity: str) -> str:
    """The words of approximation or comparison standing around a text's one quantity (``约95%``,
    ``达到90%左右``), or blank when the text says something else as well (``每季度1次``)."""
    rest = folded.replace(quantity, "", 1).strip()
    left = rest
    for word in _LOOSE_WORDS:
        left = left.replace(word, "")
    return rest if rest and not left.strip() else ""
