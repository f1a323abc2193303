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
