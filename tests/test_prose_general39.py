"""After session 11's review: no reading of a product leaves out a rate the text says its count goes by (按90%接种率测算),
nor counts every year of a contract where the text pays one (合同期3年，本年度支付一年)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def test_a_rate_the_count_goes_by_is_never_left_out():
    text = "适龄儿童1.2万人，按90%接种率测算，每人补助10元，需{}万元。"
    assert failures(text.format("10.8"), unit=W) == []
    assert found(text.format("12"), "108000", "120000", unit=W)
    # a percentage that is no rate the count goes by may still be left out by a reading (省补助70%…)
    text = "为困难群众820人缴纳医保，每人每年380元，需31.16万元，其中省补助70%。"
    assert failures(text, unit=W) == []


def test_one_year_paid_of_a_contracts_years_in_every_reading():
    text = "政务云：每年租用费12万元，合同期3年，本年度支付一年，需{}万元。"
    assert failures(text.format("12"), unit=W) == []
    assert found(text.format("36"), "120000", "360000", unit=W)
    # 每满1年: a standard's year, not the year paid
    text = "老年乡村医生214人，平均从业年限23年，按每满1年每月补助20元，全年需{}元。"
    assert failures(text.format("1,181,280")) == []
