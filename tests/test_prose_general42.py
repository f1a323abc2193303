"""Round 43's readings in wordings of our own again, apart from the corpus texts that found them (each rule of
tests/test_prose_general41.py whose test there stays close to its corpus's sentence): other projects, other figures,
right and wrong."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found, vs_amount

W = AmountUnit.WAN_YUAN


def test_the_base_a_percentage_is_taken_off_in_other_words():
    text = "本年度收取城市基础设施配套费1,850,000元，按5%提取征收工作经费92,500元，余下1,757,500元全部用于道路建设。"
    assert vs_amount(text, "1850000", unit="元") == []
    assert vs_amount(text, "1900000", unit="元") != []


def test_an_estimate_approved_and_investment_completed_in_other_words():
    text = "县污水处理厂扩建工程初步设计概算批复1,200万元，截至2024年底已完成投资560万元，本年度安排剩余640万元。"
    assert vs_amount(text, "640") == []
    assert failures(text, unit=W) == []


def test_a_portion_of_the_amount_its_parts_are_of_in_other_words():
    text = "项目总投资2,000万元。今年安排维修资金600万元，其中市级补助240万元，占{}%。"
    assert failures(text.format("40"), unit=W) == []
    assert failures(text.format("45"), unit=W) != []


def test_kinds_of_spending_no_factor_in_other_words():
    text = "为做好困难群众保障工作，特作如下测算。城乡居民两项补贴提标后，惠及3,260人，人均年补助900元。约需{}万元。"
    assert failures(text.format("293"), unit=W) == []
    assert found(text.format("320"), "2934000", "3200000", unit=W)


def test_a_yearly_result_per_year_in_other_words():
    text = "公益性岗位人员45名，每人每月1,500元，合计{}万元/年。"
    assert failures(text.format("81"), unit=W) == []
    assert found(text.format("85"), "810000", "850000", unit=W)


def test_a_list_number_before_a_count_in_other_words():
    text = "测算：1.25个社区，每个社区补助2万元，计{}万元；2.社区工作者培训费3万元。"
    assert failures(text.format("50"), unit=W) == []
    assert found(text.format("52"), "500000", "520000", unit=W)


def test_a_percentage_cut_in_other_words():
    text = "部门预算申报额1,500万元，按统一要求核减20%后安排{}万元。"
    assert failures(text.format("1,200"), unit=W) == []
    assert found(text.format("1,250"), "12000000", "12500000", unit=W)


def test_a_bracketed_working_of_its_own_things_in_other_words():
    text = "特殊教育生均公用经费{}万元（按160名学生×6,000元测算）。"
    assert failures(text.format("96"), unit=W) == []
    assert found(text.format("69"), "960000", "690000", unit=W)
