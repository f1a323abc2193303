from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao_desktop.money import AmountUnit, format_amount, parse_amount

Y, W = AmountUnit.YUAN, AmountUnit.WAN_YUAN


@pytest.mark.parametrize(
    "text, unit, expected",
    [
        ("453600", Y, "453600.00"),
        ("453,600.00", Y, "453600.00"),
        ("45.36万元", Y, "453600.00"),
        ("300万元", Y, "3000000.00"),
        ("４５３６００", Y, "453600.00"),
        ("４５３，６００．００", Y, "453600.00"),
        (" 1360800.00 ", Y, "1360800.00"),
        ("1594.78", W, "15947800.00"),
        ("14.87", W, "148700.00"),
        ("0.0001", W, "1.00"),
        ("28,963,548.68", Y, "28963548.68"),
        ("1.5亿元", Y, "150000000.00"),
        ("-12.5", Y, "-12.50"),
    ],
)
def test_parse_amounts_clerks_type(text, unit, expected):
    parsed = parse_amount(text, unit)
    assert parsed.error is None
    assert parsed.value == Decimal(expected)


def test_rate_keeps_its_denominator():
    parsed = parse_amount("16800元/个.年")
    assert parsed.value == Decimal("16800.00")
    assert parsed.unit == "元" and parsed.per == "个.年"


@pytest.mark.parametrize("text", ["约74万元", "二十万", "12a", "1.2.3", "453600元整", "¥"])
def test_unreadable_is_kept_and_reported_never_zero(text):
    parsed = parse_amount(text)
    assert parsed.value is None
    assert parsed.text == text
    assert parsed.error and text.strip() in parsed.error


def test_below_the_fen_is_an_error_not_rounded():
    parsed = parse_amount("1.2345678", W)  # 12345.678 元
    assert parsed.value is None and "分" in parsed.error


def test_blank_is_not_an_error():
    parsed = parse_amount("  ")
    assert parsed.blank and parsed.value is None and parsed.error is None


@pytest.mark.parametrize(
    "value, unit, text",
    [
        ("453600", Y, "453600.00"),
        ("453600", W, "45.36"),
        ("1", W, "0.0001"),
        ("148723", W, "14.8723"),
        ("15947800", W, "1594.78"),
    ],
)
def test_format(value, unit, text):
    assert format_amount(Decimal(value), unit) == text


def test_format_grouping():
    assert format_amount(Decimal("28963548.68"), Y, grouping=True) == "28,963,548.68"


fen_amounts = st.integers(min_value=-(10**13), max_value=10**13).map(lambda n: Decimal(n) / 100)


@given(fen_amounts, st.sampled_from([Y, W]), st.booleans())
def test_parse_format_round_trip_is_exact(value, unit, grouping):
    text = format_amount(value, unit, grouping=grouping)
    assert parse_amount(text, unit).value == value
