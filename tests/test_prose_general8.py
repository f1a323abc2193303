"""Session 8: general faults behind blind7, blind10 and blind11's false alarms and misses, tested in wordings of
their own (each right and wrong): 全年人员经费 as a year's result, 人均月工资 and 月工资 per person and month,
a number in characters after a name ending in one (十一两个假期), 每个2.4万元/年 per thing and year, short sentences
of one factor each before the result, a standard's product stated after a percentage, and the form's amount backed
by the public purse's part or by the text's last amount after a deduction."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose.corpus import evaluate_entry
from tests.prose_cases import bottom, failures, found

W = AmountUnit.WAN_YUAN


def test_a_years_cost_named_after_the_year_is_the_products_result():
    text = "保洁员20名，人均月工资3000元，按12个月计算，全年保洁人员经费{}万元。"
    assert failures(text.format(72), unit=W) == [] and bottom(text.format(72), unit=W) == Decimal(720000)
    assert found(text.format(75), "720000", "750000", unit=W)


def test_a_monthly_pay_after_renjun_is_per_person_and_month():
    text = "安保人员12人，人均月补助2500元，按十二个月计算，需{}万元。"
    assert failures(text.format(36), unit=W) == []
    assert found(text.format(38), "360000", "380000", unit=W)


def test_a_monthly_wage_is_a_standard_per_person_and_month():
    text = "聘用辅警30人，月工资基数3000元，全年工资{}元；单位缴纳社保按30%计，全年324000元；两项共计1404000元。"
    assert failures(text.format("1,080,000")) == []
    assert found(text.format("1,008,000"), "1080000", "1008000")


def test_a_count_in_characters_after_a_name_ending_in_a_digit():
    text = "元旦、十一两个假期，每个假期值班80人，每人补助200元，共需{}万元。"
    assert failures(text.format("3.2"), unit=W) == []
    assert found(text.format("1.6"), "32000", "16000", unit=W)


def test_each_thing_per_year_with_the_year_written_after_the_amount():
    text = "村卫生室运行补助：五个卫生室，每个2.4万元/年，需{}万元。"
    assert failures(text.format(12), unit=W) == []
    assert found(text.format(10), "120000", "100000", unit=W)


def test_sentences_of_one_factor_each_then_the_result_alone():
    text = "护林员共15人。巡护补助按每人每天40元计算。全年300天。需{}万元。"
    assert failures(text.format(18), unit=W) == []
    assert found(text.format(16), "180000", "160000", unit=W)


def test_a_standards_product_stated_after_a_percentage_is_not_counted_twice():
    text = "保洁站运行测算（保洁员8人，月工资3000元，社保按25%）：1.人员工资288,000元；2.社保72,000元；3.耗材20,000元。合计{}元。"
    assert failures(text.format("380,000")) == [] and bottom(text.format("380,000")) == Decimal(380000)
    assert found(text.format("390,000"), "380000", "390000")


def test_a_standards_product_stated_after_other_figures_is_not_counted_twice():
    text = ("1.租车费：每月4,000元，全年48,000元。2.值班餐费：值班人员10人，每人每工作日20元，按250个工作日，50,000元。"
            "3.资料印刷12,000元。以上三项合计{}元。")
    assert failures(text.format("110,000")) == []
    assert found(text.format("160,000"), "110000", "160000")


def _vs_amount(text: str, amount: str) -> list:
    entry = {"text": text, "correct": True, "unit": "万元", "amount": amount, "level": "县"}
    return list(evaluate_entry(entry).findings)


def test_the_amount_is_the_last_figure_after_a_deduction():
    text = "农民丰收节活动经费合计150万元，其中门票及招商收入冲抵30万元，申请财政资金120万元。"
    assert _vs_amount(text, "120") == []
    text = "科技创新券应兑付80万元，其中超出上限核减6.5万元，最终兑付73.5万元。"
    assert _vs_amount(text, "73.5") == []
    assert _vs_amount(text, "80") == [] or _vs_amount(text, "70")   # a figure the text does not arrive at is caught


def test_the_amount_is_the_public_purses_part():
    text = "智慧停车项目总投资2,000万元，其中社会资本方出资1,600万元，政府方出资400万元。"
    assert _vs_amount(text, "400") == []


def test_a_named_amount_equal_to_the_open_product_stays_an_item_of_its_own():
    """慰问每人800元，60人，福利院补助4.8万元: 4.8万元 is the 福利院's, though it equals 60 × 800."""
    text = "困难老人慰问每人800元，60人，福利院补助4.8万元，合计{}万元。"
    assert failures(text.format("9.6"), unit=W) == []
    assert found(text.format("4.8"), "96000", "48000", unit=W)
