"""Session 11's general fixes, each in wordings of its own (none from the corpora): amounts written digit by place,
adjustments of an original budget (调减/追加…后为), a portion of an earlier whole (占…的N%), a product after amounts of
their own, 按N个月 among several month counts, a result then how it was worked out (按…测算), a span of years' 累计
with its years' parts, what a level's percentage leaves shared alike, a loan written as a factor, a year's amount as a
percentage's base, the total after the form's own part, a percentage's base named after it by a shorter label."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import lex, read
from jixiao_desktop.prose.backing import amount_disagrees
from tests.prose_cases import failures, found

WAN = AmountUnit.WAN_YUAN


def test_amounts_written_digit_by_place():
    values = [t.value for t in lex("购置灭火器材2万4千元，对讲机每部1千2百元").tokens if t.kind == "money"]
    assert values == [Decimal(24000), Decimal(1200)]
    wrong = "采购消防水带30盘每盘4百5十元，移动泵一台1万8千元，合计3.25万元。"
    assert found(wrong, "31500", "32500")
    assert failures(wrong.replace("3.25万元", "3.15万元")) == []


def test_an_original_budget_adjusted_then_restated():
    wrong = "河道清淤项目年初预算90万元，因工程量减少调减15.5万元，调减后预算为75.5万元。"
    assert found(wrong, "745000", "755000", unit=WAN)
    assert failures(wrong.replace("75.5万元", "74.5万元"), unit=WAN) == []
    right = "村级活动场所维修原计划投入60万元，追加8万元后为68万元，其中材料费50万元，人工费18万元。"
    assert failures(right, unit=WAN) == []
    assert not amount_disagrees(read(right, "县", (), WAN), right, Decimal(680000))


def test_according_to_the_actual_workload_is_no_reference():
    wrong = "年初安排48万元，根据实际工作量追加6万元，调整后预算为55万元。"
    assert found(wrong, "540000", "550000", unit=WAN)


def test_a_portion_of_an_earlier_whole():
    wrong = "本中心年度预算总额800万元，其中设备维护项目安排120万元，占年度预算的20%。"
    assert ("share_percent", Decimal(15), Decimal(20)) in failures(wrong, unit=WAN)
    right = "局机关2025年部门预算500万元，本项目（普法宣传）安排60万元，占部门预算的12%。"
    assert failures(right, unit=WAN) == []
    assert not amount_disagrees(read(right, "县", (), WAN), right, Decimal(600000))
    named = "项目资金总额400万元，其中一般债券资金300万元，自有资金100万元，自有资金占比20%。"
    assert ("share_percent", Decimal(25), Decimal(20)) in failures(named, unit=WAN)


def test_a_product_after_amounts_of_their_own():
    right = "便民服务点运行：上年实际支出30万元，今年新增网点4个，每个2.5万元，今年预算40万元。"
    assert failures(right, unit=WAN) == []
    alone = "安全生产培训：省级下拨20万元，县级培训250人次，每人次800元计20万元，合计40万元。"
    assert failures(alone, unit=WAN) == []
    wrong = "便民服务点运行：上年实际支出30万元，今年新增网点4个，每个2.5万元，今年预算45万元。"
    assert failures(wrong, unit=WAN) != []


def test_the_months_a_text_goes_by():
    right = "午餐补助：上半年2-6月共5个月，下半年9-12月共4个月，全年按9个月计，每月补助3万元，共需27万元。"
    assert failures(right, unit=WAN) == []
    wrong = right.replace("27万元", "24万元")
    assert failures(wrong, unit=WAN) != []


def test_a_result_then_how_it_was_worked_out():
    wrong = "全年需保安服务费约50万元，按照保安12人、每人每月3,200元、12个月计算。"
    assert found(wrong, "460800", "500000", unit=WAN)
    right = "共需村级防疫员补助43.2万元，按每人每月600元、60人、全年12个月测算，由县财政承担。"
    assert failures(right, unit=WAN) == []


def test_a_span_of_years_total_with_its_years():
    wrong = "2024-2026年累计投入农田水利建设资金1,500万元，其中2024年450万元，2025年500万元，2026年安排600万元。"
    assert found(wrong, "15500000", "15000000", unit=WAN)
    assert failures(wrong.replace("600万元", "550万元"), unit=WAN) == []


def test_what_a_levels_percentage_leaves_shared_alike():
    wrong = "残疾人两项补贴：全年资金500万元，省级补助40%，其余由市、县各承担一半，县级承担160万元。"
    assert found(wrong, "1500000", "1600000", unit=WAN)
    assert failures(wrong.replace("160万元", "150万元"), unit=WAN) == []


def test_a_loan_written_as_a_factor_and_a_years_amount_as_a_base():
    wrong = "助学贷款贴息：贷款余额1,200万元乘以贴息率4%，需贴息资金50万元。"
    assert found(wrong, "480000", "500000", unit=WAN)
    wrong = "保洁服务费每年240万元，管理费按保洁服务费的5%计取，为14万元。"
    assert found(wrong, "120000", "140000", unit=WAN)


def test_the_total_after_the_forms_own_part():
    text = "村级道路硬化：省级补助300万元，县级按40%配套120万元，项目资金总额420万元。"
    reading = read(text, "县", (), WAN)
    assert not amount_disagrees(reading, text, Decimal(4200000), "县")
    assert not amount_disagrees(reading, text, Decimal(1200000), "县")
    assert amount_disagrees(reading, text, Decimal(3000000), "县")


def test_a_base_named_after_its_percentage_by_a_shorter_label():
    text = "职工教育经费：按单位年度工资总额预算的2.5%计提，全局工资总额1,280万元，职工教育经费32万元。"
    reading = read(text, "县", (), WAN)
    assert failures(text, unit=WAN) == []
    assert reading.bottom_line == Decimal(320000)
    assert found(text.replace("32万元", "30万元"), "320000", "300000", unit=WAN)
