"""Session 14's general fixes to the prose reader (found on blind18.jsonl and blind17.jsonl), each in wordings of its
own: correct texts stay silent, wrong ones still raise a finding."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import read
from jixiao_desktop.prose.backing import amount_disagrees
from tests.prose_cases import failures

WAN = AmountUnit.WAN_YUAN


def _disagrees(text: str, amount: str, unit: AmountUnit = WAN) -> bool:
    return amount_disagrees(read(text, "县", (), unit), text, Decimal(amount), "县", unit)


def test_a_daily_standard_for_the_whole_year_runs_365_days():
    assert not failures("供养中心收住五保老人30人，每人每天伙食标准20元，全年219,000元；另有管理费5万元。")
    assert failures("供养中心收住五保老人30人，每人每天伙食标准20元，全年209,000元；另有管理费5万元。")


def test_a_count_per_unit_of_a_whole_named_in_an_earlier_sentence():
    text = "全镇共12个村。一是办公经费，每村每年5万元，计60万元。二是保洁补助，每村2人，每人每月800元，全年{}万元。"
    assert not failures(text.format("23.04"))
    assert failures(text.format("24.04"))


def test_a_count_in_brackets_after_qizhong_is_a_part_of_the_count_before():
    assert not failures("今年计划检测水样1,500份（其中饮用水源地300份）。每份检测费按400元计算。需安排60万元。")
    assert failures("今年计划检测水样1,500份（其中饮用水源地300份）。每份检测费按400元计算。需安排66万元。")


def test_numbers_in_names_are_no_factors_and_each_amount_follows_its_own_count():
    assert not failures("评定5A级旅游厕所4座各奖补5万元，3A级旅游厕所6座各奖补2万元，合计32万元。")
    assert failures("评定5A级旅游厕所4座各奖补5万元，3A级旅游厕所6座各奖补2万元，合计36万元。")


def test_the_forms_level_named_as_payer_just_after_the_amount():
    text = "项目总投资300万元，市级补助120万元，其余180万元由区级财政承担。"
    assert not failures(text)
    assert not _disagrees(text, "1800000")
    assert _disagrees(text, "1700000")
    text = "全年需要经费96万元，上级补助60万元，剩下的36万元要县财政安排。"
    assert not _disagrees(text, "360000")
    assert _disagrees(text, "600000")


def test_a_total_spread_over_years_is_not_the_sum_of_one_years_amounts():
    base = "城区管网改造总投资1,800万元，分两年实施，2025年安排900万元，"
    assert not failures(base + "按1:1比例由市、县两级承担，本年度县级需安排450万元。")
    assert failures(base + "按1:1比例由市、县两级承担，本年度县级需安排500万元。")
    assert not failures(base + "市级补助40%，本年度县级需安排540万元。")
    assert failures(base + "市级补助40%，本年度县级需安排560万元。")
