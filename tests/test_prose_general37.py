"""Round 40 of the prose reader, in wordings of our own: a standard stated in a sentence of its own before the sentence
of its count and result, the parts of a 小计 listed in a bracket after it, and the count a product left out (a
standard per month alone, after a count of people) given in the finding."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def test_a_standard_stated_before_the_sentence_of_its_count_and_result():
    text = "高龄津贴按每人每年600元标准发放。全镇80周岁以上老人1,350人，年需{}元。"
    assert failures(text.format("810,000")) == []
    assert found(text.format("801,000"), "810000", "801000")
    text = "村级护路员补助标准为每人每月450元。全乡共聘用护路员26人，全年需{}万元。"
    assert failures(text.format("14.04"), unit=W) == []
    assert found(text.format("14.4"), "140400", "144000", unit=W)
    text = "托育补助标准：每名幼儿每月300元。纳入补助幼儿85名，按10个月计，需{}元。"
    assert failures(text.format("255,000")) == []
    assert found(text.format("225,000"), "255000", "225000")
    # a monthly standard whose months the text does not say: nothing claimed
    assert failures("护路员补助标准为每人每月450元。全乡共聘用护路员26人，需资金14万元。") == []
    # a count of another thing: no product
    assert failures("补助标准为每户每年800元。全村共有党员45人，需经费3.6万元。", unit=W) == []


def test_the_parts_of_a_subtotal_in_a_bracket_after_it():
    text = "办公设备小计{}元（含复印机16,800元、扫描仪5,400元）。"
    assert failures(text.format("22,200")) == []
    assert found(text.format("24,200"), "22200", "24200")


def test_the_count_a_product_left_out_is_in_the_finding():
    text = "2025年5-12月聘用村级防疫员9名，每月2,000元，共{}元。"
    assert failures(text.format("144,000")) == []
    assert found(text.format("216,000"), "144000", "216000")
