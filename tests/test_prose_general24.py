"""Faults the corpora blind29 and blind30 showed (session 8 round 24), written again in wordings of our own, each once
right (nothing may be flagged) and once with one mistake (found):

- a span of prices (门票3-8元) is no amount of the text;
- 加上 between two amounts is their sum, never their product;
- a lower-case or capital x before 每月 (4名x每月2,000元x6个月) multiplies like ×."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose.backing import amount_disagrees
from jixiao_desktop.prose.reader import read


def _fails(text: str, unit: AmountUnit = AmountUnit.WAN_YUAN, level: str = "县"):
    read.cache_clear()
    return [(s.computed, s.stated) for s in read(text, level, (), unit).failures()]


def _against(text: str, amount: str, unit: AmountUnit = AmountUnit.WAN_YUAN, level: str = "县") -> bool:
    read.cache_clear()
    reading = read(text, level, (), unit)
    return reading.bottom_line is not None and amount_disagrees(reading, text, Decimal(amount) * (
        10000 if unit == AmountUnit.WAN_YUAN else 1), level, unit)


def test_a_span_of_prices_is_no_amount():
    text = "景区观光车线路3条，车辆16辆，每日运营8:00-17:30，单程票价3-8元。"
    assert not _against(text, "16")


def test_jiashang_between_amounts_is_a_sum():
    assert _fails("春节送温暖慰问金14.2万元，加上重病困难职工救助6.35万元，共计20.55万元。") == []
    assert (Decimal("205500.00"), Decimal("215500.00")) in _fails(
        "春节送温暖慰问金14.2万元，加上重病困难职工救助6.35万元，共计21.55万元。")


def test_an_x_before_meiyue_multiplies():
    assert _fails("村级护林员4名x每月2,000元x6个月=4.8万元") == []
    assert (Decimal("48000.00"), Decimal("42000.00")) in _fails("村级护林员4名x每月2,000元x6个月=4.2万元")
