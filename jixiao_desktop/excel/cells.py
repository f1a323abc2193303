"""Cell values ↔ text: labels, numbers, dates, amounts as the forms store them.

Labels are compared after :func:`norm` (full-width forms folded, every blank and
line break removed, a trailing colon dropped), so ``总  体   目  标`` and
``年度重点\n工作计划`` find their fields. Values are read verbatim when they are
text; numbers and dates are turned into the text a clerk would have typed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal

from jixiao_desktop.money import MAX_AMOUNT, AmountUnit, format_amount, parse_amount

_BLANKS_RE = re.compile(r"[\s\u3000\u00a0\u200b]+")
_UNIT_RE = re.compile(r"\((万元|元)\)$")


def norm(text: object) -> str:
    """A label's comparable form: ``"（总  体\n目标）：" → "(总体目标)"``."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text))
    folded = _BLANKS_RE.sub("", folded)
    return folded.rstrip(":").rstrip("*")


def split_unit(label: str) -> tuple[str, AmountUnit | None]:
    """``"中期资金来源(元)" → ("中期资金来源", 元)``; a normalised label in, unit out."""
    match = _UNIT_RE.search(label)
    if match is None:
        return label, None
    unit = AmountUnit.WAN_YUAN if match[1] == "万元" else AmountUnit.YUAN
    return label[: match.start()], unit


def decimal_of(number: int | float) -> Decimal:
    """The decimal a clerk typed, as Excel shows it: a float cut back to 10 places and to 15
    significant digits (all Excel keeps), so float noise goes — ``0.30000000000000004`` → ``0.3``,
    a cached ``=SUM`` of ``1234600.5899999999`` → ``1234600.59`` — and money is exact to the 分."""
    if isinstance(number, bool):
        return Decimal(int(number))
    if isinstance(number, int):
        return Decimal(number)
    if not math.isfinite(number):
        return Decimal(str(number))
    return Decimal(format(round(number, 10), ".15g")).normalize()


def number_text(number: int | float, number_format: str = "General") -> str:
    """A number cell as text: ``27``, ``14.87``, ``100%`` for percent formats."""
    value = decimal_of(number)
    if not value.is_finite():  # inf/nan from a damaged file: kept as written
        return str(number)
    if "%" in (number_format or ""):
        return f"{(value * 100).normalize():f}%"
    if value == value.to_integral_value():
        return str(int(value))
    return f"{value.normalize():f}"


_PLAIN_AMOUNT_RE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_SHAPE_FORMAT_RE = re.compile(r"^(#,##)?0(?:\.(0+))?$")


def amount_format(text: str) -> str | None:
    """The number format that shows a plain amount exactly as typed: ``160`` → ``0``,
    ``14.87`` → ``0.00``, ``28,963,548.68`` → ``#,##0.00``; None for other texts."""
    match = _PLAIN_AMOUNT_RE.match(text)
    if match is None:
        return None
    decimals = len(match[1] or "")
    return ("#,##0" if "," in text else "0") + ("." + "0" * decimals if decimals else "")


def _shaped_text(value: Decimal, number_format: str) -> str | None:
    """The number as a format of :func:`amount_format` shows it, or None if it would round."""
    match = _SHAPE_FORMAT_RE.match(number_format or "")
    if match is None or abs(value) >= MAX_AMOUNT:
        return None
    decimals = len(match[2] or "")
    shown = value.quantize(Decimal(1).scaleb(-decimals))
    if shown != value:
        return None
    return f"{shown:,f}" if match[1] else f"{shown:f}"


def amount_text(number: int | float, unit: AmountUnit, number_format: str = "General") -> tuple[str, bool]:
    """A number cell of an amount as text in ``unit``: as its number format shows it
    (``0``, ``0.00``, ``#,##0.00``), else the canonical text.

    Returns (text, exact): ``exact`` is False when the number is finer than the
    分; the text is then the number as written and nothing is rounded away.
    """
    value = decimal_of(number)
    if not value.is_finite():
        return str(number), False
    shaped = _shaped_text(value, number_format)
    if shaped is not None and parse_amount(shaped, unit).value == value * unit.factor:
        return shaped, True
    yuan = value * unit.factor
    if abs(yuan) >= MAX_AMOUNT:  # beyond any amount: kept as written, reported as unreadable
        return number_text(number), False
    text = format_amount(yuan, unit)
    if parse_amount(text, unit).value != yuan:
        return f"{value.normalize():f}", False
    return text, True


def date_text(value: dt.date | dt.datetime | dt.time) -> str:
    """An Excel date as a clerk writes it: ``2023年10月12日``."""
    if isinstance(value, dt.datetime) and (value.hour, value.minute, value.second) != (0, 0, 0):
        return f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}"
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value.year}年{value.month}月{value.day}日"
    return value.isoformat()


def canonical_amount(text: str, unit: AmountUnit) -> Decimal | None:
    """The amount in ``unit`` if ``text`` is exactly how this program writes it, else None.

    Only such texts are written as number cells: reading the number back gives
    the same text, so ``300万元``, ``1360800.00 `` or ``约74万元`` stay text cells.
    """
    parsed = parse_amount(text, unit)
    if not parsed.ok or parsed.unit is not None or parsed.per is not None:
        return None
    if format_amount(parsed.value, unit) != text:
        return None
    number = parsed.value / unit.factor
    if Decimal(repr(float(number))) != number:
        return None
    return number


def numeric_amount(text: str, unit: AmountUnit) -> Decimal | None:
    """The amount in ``unit`` when ``text`` reads as a plain amount that a float holds exactly.

    Written as a number cell so the bureau's own SUM formulas count it; when the
    typed text differs from how the number reads back (``160`` → ``160.00``,
    ``300万元``), the 填报程序数据 sheet keeps the text, so nothing is lost.
    """
    parsed = parse_amount(text, unit)
    if not parsed.ok or parsed.per is not None:
        return None
    number = parsed.value / unit.factor
    if Decimal(repr(float(number))) != number:
        return None
    return number
