"""General faults found with blind7 (blind7's first run: 75.0 % found, 26.25 % flagged), each in wordings of our own:
a mismatch is reported only when no plausible reading of the words holds (:mod:`jixiao_desktop.prose.readings`),
written arithmetic with brackets, an amount after a standard with only words between, a total stated first
with its count and average standard."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import read
from tests.prose_cases import pairs as _failures

WAN = AmountUnit.WAN_YUAN


@pytest.mark.parametrize("text", [
    # written arithmetic with brackets: evaluated as written
    "城乡低保：城市保障对象1,200人，每人每月600元；农村保障对象3,500人，每人每月400元。"
    "全年需资金（1,200×600+3,500×400）×12=2,544万元。",
    "护林员20人，每人每月工资1,500元，每人每年意外保险200元，全年经费（1,500×12+200）×20=364,000元。",
    # every factor named once: 34 villages × once a month × 300 × 12
    "全镇34个村，每村每月开展1次环境整治，每次补助300元，全年需122,400元。",
    # counts listed with 、 are summed: 40 areas × (2 + 5) people
    "抽中普查区40个，每个普查区配备指导员2名、普查员5名，每人补助2,000元，需56万元。",
    # a yearly total of a monthly wage: 30 × 2,000 × 12
    "社区网格员30人，月均工资2,000元，全年72万元。",
])
def test_a_calculation_that_holds_under_a_natural_reading_is_silent(text):
    assert _failures(text, WAN) == []


def test_written_arithmetic_that_does_not_hold_is_reported_with_its_own_numbers():
    text = ("城市保障对象1,200人，每人每月600元；农村保障对象3,500人，每人每月400元。"
            "全年需资金（1,200×600+3,500×400）×12=2,454万元。")
    assert (Decimal("25440000.00"), Decimal("24540000")) in _failures(text, WAN)


def test_a_factor_named_in_the_text_is_never_dropped_by_another_reading():
    # 全年 of a monthly standard: 2,150 × 90 × 12, the clerk left out the months
    assert (Decimal("2322000.00"), Decimal("193500")) in _failures("补贴对象2150人，标准每人每月90元，全年需资金193500元。")
    # a span of months fixes them: 10 months, not the 12 the clerk counted
    found = _failures("新聘护理员6人，自2025年3月起至12月底，每人每月2,500元，按12个月计算，需18万元。", WAN)
    assert found and all(f[1] == Decimal("180000") for f in found)


def test_an_amount_after_a_standard_with_only_words_between_states_its_product():
    reading = read("全区划分责任网格900个，按每个网格每年2,400元计，购买服务费216万元。", "县", (), WAN)
    assert reading.failures() == [] and reading.bottom_line == Decimal("2160000")
    reading = read("受灾面积2.5万亩，按每亩补助50元计算，折合125万元。", "县", (), WAN)
    assert reading.failures() == [] and reading.bottom_line == Decimal("1250000")


def test_a_total_stated_first_with_its_count_and_average():
    reading = read("全县下达以奖代补资金150万元，完成改造600户，户均补助2,500元。", "县", (), WAN)
    assert reading.failures() == [] and reading.bottom_line == Decimal("1500000")
    wrong = read("全县下达以奖代补资金150万元，完成改造600户，户均补助2,800元。", "县", (), WAN)
    assert (Decimal("2500.00"), Decimal("2800")) in [(s.computed, s.stated) for s in wrong.failures()]
    assert wrong.bottom_line == Decimal("1500000")
