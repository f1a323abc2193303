"""Round 42 of the prose reader (blind71–72, fresh 江苏 and 陕西 weeks), in wordings of our own: 县补 names a payer; a
contract's whole over years in a bracket is an aside; a bound (亩均不低于…) states no amount; a share of a count that
works out a count; a split's whole that is a product; standards restated by their 合计."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found, vs_amount

W = AmountUnit.WAN_YUAN


def test_xianbu_names_a_payer():
    text = "村庄保洁经费共60万元，县、乡按7:3分担，县补42万元，乡自筹{}万元；年底考核后拨付。"
    assert failures(text.format("18"), unit=W, level="乡") == []
    assert found(text.format("21"), "180000", "210000", unit=W, level="乡")


def test_a_contracts_whole_over_years_in_a_bracket_is_an_aside():
    text = "1.培训补贴260,000元；2.平台运维按合同180,000元（2024—2026年合同总额54万元）；3.以上两项合计{}元。"
    assert failures(text.format("440,000")) == []
    assert found(text.format("404,000"), "440000", "404000")


def test_a_bound_states_no_amount():
    text = "计划新建高标准农田1.8万亩，亩均财政投入不低于3000元，资金来源为中央、省级及县级配套。"
    assert vs_amount(text, "2000") == []
    # a standard with no bound is held to
    assert vs_amount("计划新建高标准农田1.8万亩，亩均财政投入3000元。", "2000") != []


def test_a_share_of_a_count_works_out_a_count():
    text = "（一）学费减免：在校生3,200人，每生每年500元，需1,600,000元。（二）按在校生8%比例确定资助对象256人，每生每年1,500元，需{}元。"
    assert failures(text.format("384,000")) == []
    assert found(text.format("348,000"), "384000", "348000")


def test_a_splits_whole_that_is_a_product_agrees_with_the_amount():
    text = "3座便民桥维修，每座40万元，县、镇按7:3承担，镇级36万元。"
    assert vs_amount(text, "120", level="镇") == []
    assert vs_amount(text, "36", level="镇") == []
    assert vs_amount(text, "100", level="镇") != []


def test_standards_restated_by_their_total():
    text = "农作物病虫害统防统治4,200亩，补助标准：药剂每亩18元、作业每亩7元，每亩合计25元，共需资金{}万元。"
    assert failures(text.format("10.5"), unit=W) == []
    assert found(text.format("15"), "105000", "150000", unit=W)


def test_items_named_by_number_in_any_numbering():
    # 其中第1、2项… looks its items up however they are numbered: 1. / 1、 / （1） / 1）
    for one, two, three in (("1.", "2.", "3."), ("（1）", "（2）", "（3）"), ("1）", "2）", "3）")):
        text = (f"城市管理专项经费：{one}平台运维86万元；{two}信息采集外包161.28万元；{three}整治行动45万元。以上合计292.28万元。"
                "其中第1、2项由市、区按3:7承担，区级承担{}万元。")
        assert failures(text.format("173.096"), unit=W) == [], one
        assert failures(text.format("137.096"), unit=W) != [], one
