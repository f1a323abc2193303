"""Exact money: parsing what clerks type and formatting in 元 or 万元.

Everything is :class:`decimal.Decimal`, exact to the 分 (0.01 元). A text that
cannot be read as an amount is never turned into 0: :func:`parse_amount`
returns a result whose ``value`` is ``None`` and whose ``error`` says why, and
the document keeps the text exactly as typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from functools import lru_cache

FEN = Decimal("0.01")
WAN = Decimal("10000")
YI = Decimal("100000000")

# The largest amount read as one: 1,000 万亿元, far above any budget (a whole country's is some 30 万亿元).
# Beyond it a text is kept as typed and reported as unreadable, so no arithmetic ever overflows.
MAX_AMOUNT = Decimal(10) ** 15
MAX_INTEGER_DIGITS = 15
MAX_FRACTION_DIGITS = 8
_PLAIN_NUMBER_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)")


class AmountUnit(str, Enum):
    """The amount unit a form declares (金额单位)."""

    YUAN = "元"
    WAN_YUAN = "万元"

    @property
    def factor(self) -> Decimal:
        """How many 元 one of this unit is."""
        return WAN if self is AmountUnit.WAN_YUAN else Decimal(1)


# Units a clerk may write after a number, with their value in 元.
_UNIT_FACTORS: dict[str, Decimal] = {
    "元": Decimal(1),
    "万元": WAN,
    "万": WAN,
    "亿元": YI,
    "亿": YI,
}

_NUMBER_RE = re.compile(
    r"""^\s*
    (?P<sign>[-+]?)\s*
    (?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)
    \s*(?P<unit>亿元|万元|亿|万|元)?
    \s*(?:/\s*(?P<per>[^\s]+))?
    \s*$""",
    re.VERBOSE,
)


def normalize_text(text: str) -> str:
    """Fold full-width digits, letters and punctuation to their ASCII forms.

    NFKC turns ``４５３６００`` into ``453600`` and ``，`` into ``,``; the
    ideographic full stop and the Chinese decimal point variants become ``.``.
    """
    folded = unicodedata.normalize("NFKC", text)
    return folded.replace("。", ".").replace("．", ".").replace("\u3000", " ")


def read_decimal(digits: str) -> Decimal | None:
    """The number written as ``digits`` (``1,200.5``), or None beyond what a form can hold.

    At most :data:`MAX_INTEGER_DIGITS` digits before the point and
    :data:`MAX_FRACTION_DIGITS` after it, so every product and sum the checks
    form stays exact within Decimal's 28 digits.
    """
    if len(digits) <= MAX_INTEGER_DIGITS and digits.isascii() and digits.isdigit():
        return Decimal(digits)  # the common case, quickly
    whole, point, fraction = digits.partition(".")   # (12.5: the next most common, what the checks below let through)
    if point and len(whole) <= MAX_INTEGER_DIGITS and len(fraction) <= MAX_FRACTION_DIGITS and whole.isascii() \
            and whole.isdigit() and fraction.isascii() and fraction.isdigit():
        return Decimal(digits)
    plain = digits.replace(",", "").strip()
    if not _PLAIN_NUMBER_RE.fullmatch(plain):
        return None   # Decimal() also takes NaN, Infinity, 1E+30 and 1_000: no number a clerk writes
    whole, _, fraction = plain.partition(".")
    whole = whole.lstrip("+-").lstrip("0")
    if len(whole) > MAX_INTEGER_DIGITS or len(fraction) > MAX_FRACTION_DIGITS:
        return None
    try:
        return Decimal(plain)
    except ArithmeticError:
        return None


@dataclass(frozen=True, slots=True)
class ParsedAmount:
    """The reading of one amount text.

    ``value`` is in 元 (exact to the 分) or ``None`` when the text is blank or
    unreadable; ``error`` is a Chinese explanation when unreadable.
    ``unit`` is the unit written in the text (``None`` when only a number was
    typed, so the form's unit applies); ``per`` is the rate denominator of a
    standard such as ``16800元/个.年`` (``"个.年"``).
    """

    text: str
    value: Decimal | None
    unit: str | None = None
    per: str | None = None
    error: str | None = None

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def ok(self) -> bool:
        return self.value is not None


@lru_cache(maxsize=4096)
def parse_amount(text: str | None, unit: AmountUnit = AmountUnit.YUAN) -> ParsedAmount:
    """Read an amount as a clerk types it.

    ``unit`` is the form's amount unit, applied when the text carries none:
    ``parse_amount("45.36", AmountUnit.WAN_YUAN).value == Decimal("453600.00")``.
    Accepted: ``453600``, ``453,600.00``, ``45.36万元``, ``300万元``, ``４５３６００``,
    ``16800元/个.年`` (a rate; ``per`` is set), ``1,360,800.00 `` with blanks.
    """
    raw = "" if text is None else text
    stripped = normalize_text(raw).strip()
    if not stripped:
        return ParsedAmount(raw, None)
    match = _NUMBER_RE.match(stripped)
    if match is None:
        return ParsedAmount(raw, None, error=f"“{raw.strip()}”不是金额：应为数字，可带单位元或万元")
    number = read_decimal(match["number"])
    written_unit = match["unit"]
    factor = _UNIT_FACTORS[written_unit] if written_unit else unit.factor
    if number is None and len(match["number"].partition(".")[2]) > MAX_FRACTION_DIGITS:
        return ParsedAmount(raw, None, unit=written_unit, error=f"“{_shorten(raw.strip())}”精确到了分以下，金额最多到分")
    if number is None or abs(number * factor) >= MAX_AMOUNT:
        return ParsedAmount(raw, None, unit=written_unit,
                            error=f"“{_shorten(raw.strip())}”超出了金额的合理范围（不到1000万亿元），请核对是否多打了数字")
    if match["sign"] == "-":
        number = -number
    value = number * factor
    if value != value.quantize(FEN, rounding=ROUND_HALF_UP):
        return ParsedAmount(
            raw,
            None,
            unit=written_unit,
            error=f"“{raw.strip()}”精确到了分以下（{value.normalize():f}元），金额最多到分",
        )
    return ParsedAmount(raw, value.quantize(FEN), unit=written_unit, per=match["per"])


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else f"{text[:limit]}…（共{len(text)}字）"


def sum_amounts(texts, unit: AmountUnit = AmountUnit.YUAN, *, skip_unreadable: bool = False) -> Decimal | None:
    """The sum in 元 of the amounts typed in ``texts``; ``None`` when all are blank.

    An unreadable text makes the sum ``None`` (it is unknown), unless
    ``skip_unreadable``: the checks add up what they can, since the unreadable
    amount is reported by a rule of its own.
    """
    total, seen = Decimal(0), False
    for text in texts:
        parsed = parse_amount(text, unit)
        if parsed.blank:
            continue
        if parsed.value is None:
            if skip_unreadable:
                continue
            return None
        total, seen = total + parsed.value, True
    return total if seen else None


def to_unit(value_yuan: Decimal, unit: AmountUnit) -> Decimal:
    """Express an amount in 元 in the given unit (exact)."""
    return value_yuan / unit.factor


_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(2, 7)}   # 0.01 … 0.000001


def format_amount(value_yuan: Decimal, unit: AmountUnit = AmountUnit.YUAN, *, grouping: bool = False) -> str:
    """Format an amount in 元 as a number in ``unit``, exact to the 分.

    元: always two decimals (``453600.00``). 万元: two decimals, more when the
    分 need them (``45.36``, ``0.0001``, ``14.8723``). ``grouping`` adds
    thousands separators (``453,600.00``). The result parses back to the same
    value with :func:`parse_amount` in the same unit.
    """
    value = to_unit(value_yuan, unit)
    if unit is AmountUnit.WAN_YUAN:
        places = max(2, -value.normalize().as_tuple().exponent) if value else 2
        places = min(places, 6)
    else:
        places = 2
    number = value.quantize(_QUANTA[places], rounding=ROUND_HALF_UP)
    return f"{number:,f}" if grouping else f"{number:f}"


def format_with_unit(value_yuan: Decimal, unit: AmountUnit = AmountUnit.YUAN) -> str:
    """``453600.00元`` / ``45.36万元``: for messages."""
    return f"{format_amount(value_yuan, unit)}{unit.value}"


def round_fen(value: Decimal) -> Decimal:
    """Round to the 分, half up (the rounding finance bureaus use)."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)
