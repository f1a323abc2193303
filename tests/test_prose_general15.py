"""Session 15's general fixes to the prose reader (issue 12: forms every fresh corpus holds), each in wordings of
its own: correct texts stay silent, wrong ones raise a finding with the right numbers."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import read
from jixiao_desktop.prose.backing import amount_disagrees
from tests.prose_cases import failures, found

WAN = AmountUnit.WAN_YUAN


def _disagrees(text: str, amount: str, level: str = "县") -> bool:
    return amount_disagrees(read(text, level, (), WAN), text, Decimal(amount), level, WAN)


def test_a_wage_base_times_its_contribution_rate():
    text = "社区网格员月缴费基数4,200元，单位社保缴费比例28%，每人每月单位负担{}元。"
    assert not failures(text.format("1,176"))
    assert found(text.format("1,276"), "1176", "1276")


def test_contribution_rates_listed_are_summed_before_the_base():
    text = "护林员缴费基数每月3,800元，养老保险16%，医疗保险8%，工伤保险1%，每人每月单位缴纳{}元。"
    assert not failures(text.format("950"))
    assert found(text.format("912"), "950", "912")


def test_a_total_rate_after_the_listed_ones_is_checked_and_used():
    text = "单位缴费基数5,000元，养老保险16%，医疗保险6%，失业保险0.8%，合计{}%，每月缴纳{}元。"
    assert not failures(text.format("22.8", "1,140"))
    assert found(text.format("22.8", "1,200"), "1140", "1200")
    assert found(text.format("23.8", "1,140"), "22.8", "23.8")
    assert found("职工医疗保险9%，生育保险0.8%，大病保险1%，合计11%。", "10.8", "11")
    assert not failures("职工医疗保险9%，生育保险0.8%，大病保险1%，合计10.8%。")


def test_a_wage_base_after_a_count_in_the_same_sentence():
    text = "聘用保洁员8名，月工资基数2,600元，单位缴纳五险比例30%，每人每月单位缴纳{}元。"
    assert not failures(text.format("780"))
    assert found(text.format("870"), "780", "870")


def test_rates_of_other_things_are_no_contributions():
    assert not failures("项目资金500万元，省级补助40%，每年拨付200万元。")
    assert not failures("月工资3,000元，绩效考核合格率95%，发放奖励1,000元。")


def test_sources_listed_without_qizhong_add_up_to_the_total():
    text = "农村供水保障工程总投资960万元，争取中央水利发展资金500万元，省级补助260万元，县级自筹{}万元。"
    assert not failures(text.format("200"))
    assert found(text.format("250"), "10100000", "9600000")


def test_sources_after_ziji_laiyuan_with_a_pause_mark():
    text = "文旅综合体项目总投资2.4亿元，资金来源为专项债券1.5亿元、市级财政4,000万元、企业自筹{}万元。"
    assert not failures(text.format("5,000"))
    assert found(text.format("6,000"), "250000000", "240000000")


def test_the_forms_own_level_part_among_sources_backs_its_amount():
    text = "养老服务中心总投资800万元，申请中央预算内资金480万元，省级配套160万元，县级自筹160万元。"
    assert not _disagrees(text, "1600000")
    assert not _disagrees(text, "8000000")
    assert _disagrees(text, "1500000")
    assert not _disagrees(text, "1600000", "省")


def test_one_years_part_or_a_split_rest_is_no_source_list():
    assert not failures("道路改造总投资1,500万元，今年安排600万元。")
    assert not failures("产业园配套总投资1,000万元，申请省级资金400万元，其余600万元由市、县按1:1承担。")
    assert not failures("学校扩建总投资900万元，一期投入500万元，二期投入400万元。")
