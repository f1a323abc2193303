"""Session 10's general fixes, each in wordings of its own (none from the corpora): the parts listed after a total
add up exactly and are not re-read by the words before it, a loan among a total's sources, the form's own part of a
total (a form carries the whole or its own part), 前两项, 批复/核定 as an earlier figure's verb, 按X安排, spans of
months listed together or written with days, ranges of counts."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import read
from jixiao_desktop.prose.backing import amount_disagrees, compared_figure, text_backs_amount
from tests.prose_cases import failures, found

WAN = AmountUnit.WAN_YUAN


def test_parts_after_a_total_in_yi_add_up_exactly():
    wrong = "污水处理厂提标改造项目总投资1.6亿元，其中：中央预算内投资5,000万元、省级补助3,000万元、县级配套7,500万元。"
    assert found(wrong, "155000000", "160000000", unit=WAN)
    right = wrong.replace("7,500", "8,000")
    assert failures(right, unit=WAN) == []


def test_parts_after_a_worked_out_result_are_not_explained_by_its_product():
    wrong = "改造农村户厕500户，每户补助2,000元，计100万元，其中中央资金60万元、县级资金30万元。"
    assert found(wrong, "900000", "1000000", unit=WAN)
    assert failures(wrong.replace("30万元", "40万元"), unit=WAN) == []


def test_a_total_then_its_parts_as_follows():
    wrong = "2025年度资金需求980万元，安排如下：中央资金400万元；省级资金300万元；县级资金180万元。"
    assert found(wrong, "8800000", "9800000", unit=WAN)
    assert failures(wrong.replace("180万元", "280万元"), unit=WAN) == []


def test_a_loan_among_the_sources_of_a_total_is_one_of_them():
    text = "物流园区道路工程总投资8,000万元，其中：省级补助2,000万元，市级配套1,500万元，县级自筹1,500万元，银行贷款3,000万元。"
    assert failures(text, unit=WAN) == []


def test_the_form_may_carry_the_whole_or_its_own_part():
    text = "农贸市场改造项目总投资3,200万元，其中中央补助1,600万元、省级补助800万元、区级配套800万元。"
    reading = read(text, "县", (), WAN)
    assert not amount_disagrees(reading, text, Decimal("32000000"), "县")
    assert not amount_disagrees(reading, text, Decimal("8000000"), "县")
    assert amount_disagrees(reading, text, Decimal("9000000"), "县")
    assert compared_figure(reading, Decimal("9000000"))[0] == Decimal("8000000")     # the nearer: its own part
    assert compared_figure(reading, Decimal("30000000"))[0] == Decimal("32000000")   # the nearer: the whole


def test_the_local_part_is_the_forms_own_where_no_level_below_the_centre_is_named():
    text = "乡村医生培训需资金150万元，其中中央补助60%即90万元，地方承担60万元。"
    reading = read(text, "县", (), WAN)
    assert not amount_disagrees(reading, text, Decimal("600000"), "县")
    named = "乡村医生培训需资金150万元，其中中央补助60%即90万元，地方承担60万元，由市、县按1:1分担。"
    assert amount_disagrees(read(named, "县", (), WAN), named, Decimal("600000"), "县")


def test_a_percentage_of_the_two_items_before():
    right = "新建道路12公里，每公里300万元，计3,600万元；桥梁2座，每座450万元，计900万元；监理费按前两项的2%计取90万元。"
    assert failures(right, unit=WAN) == []
    assert found(right.replace("90万元", "80万元"), "900000", "800000", unit=WAN)


def test_approved_right_after_a_standard_is_the_standards_verb():
    text = "农村危房维修：计划维修320户，每户维修费用按1,480元核定，需资金约47.4万元。"
    assert failures(text, unit=WAN) == []


def test_an_amount_arranged_as_the_texts_last_word_backs_the_form():
    text = "经测算需资金58.73万元，按60万元安排。"
    assert text_backs_amount(text, Decimal("600000"), "县")
    assert not text_backs_amount("经测算需资金58.73万元，按60万元安排，其余由乡镇承担5万元。", Decimal("600000"), "县")


def test_spans_of_months_listed_together_make_one_period():
    right = "托管服务（1—3月）和（10—12月）共6个月，聘用辅导员40人，40人×500元/人/月×6个月=12万元。"
    assert failures(right, unit=WAN) == []
    wrong = right.replace("共6个月", "共7个月").replace("×6个月=12万元", "×7个月=14万元")
    assert any(kind == "months" and computed == Decimal("120000") for kind, computed, _ in failures(wrong, unit=WAN))


def test_a_span_written_with_its_first_and_last_days():
    wrong = "保安服务期2025年3月1日至2025年12月31日，月均服务费2万元，共9个月，计18万元。"
    assert any(c == Decimal("200000") and s == Decimal("180000") for _, c, s in failures(wrong, unit=WAN))


def test_a_range_of_counts_is_no_count():
    text = "聘用护林员60名（每个片区2至3名），每人每月600元，全年43.2万元。"
    assert failures(text, unit=WAN) == []
