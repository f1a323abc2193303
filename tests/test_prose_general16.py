"""Session 16's general fixes to the prose reader: false alarms on correct texts (issue 12 — a warning on a correct
calculation teaches the clerk to ignore warnings). Each cause in wordings of its own: the correct text stays silent,
a wrong one still raises a finding."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import read
from jixiao_desktop.prose.backing import amount_disagrees
from tests.prose_cases import failures, found

WAN = AmountUnit.WAN_YUAN


def _disagrees(text: str, amount: str, level: str = "县") -> bool:
    return amount_disagrees(read(text, level, (), WAN), text, Decimal(amount), level, WAN)


def test_a_bracket_restating_a_count_is_no_factor_more():
    text = "社区网格员业务培训：参训人员240人（分4批，每批60人），每人培训3天，每人每天食宿费200元，共需{}万元。"
    assert not failures(text.format("14.4"))
    assert failures(text.format("16.4"))


def test_a_year_in_brackets_after_a_monthly_standard_is_that_standard_s_year():
    text = "信息系统运维：软件年服务费150万元、专线租赁费每月2.5万元（全年{}万元），合计{}万元。"
    assert not failures(text.format("30", "180"))
    assert found(text.format("30", "190"), "1800000", "1900000")   # (the sum against the total, not the bracket)
    assert failures(text.format("32", "180"))


def test_a_fraction_of_the_product_named_in_its_sentence():
    text = "公益性岗位社保补贴：补贴对象850人，月人均缴费1,200元，按缴费额的3/4给予补贴，全年需{}万元。"
    assert not failures(text.format("918"))
    assert failures(text.format("900"))
    text = "公益性岗位社保补贴：补贴对象850人，月人均缴费1,200元，按缴费额的四分之三补贴，全年需{}万元。"
    assert not failures(text.format("918"))


def test_a_percentage_of_a_count_in_a_monthly_product():
    text = "日间照料中心：床位300张，按入住率60%、每张每月200元测算，计{}万元。"
    assert not failures(text.format("43.2"))
    assert failures(text.format("45.2"))


def test_an_amount_restated_at_once_is_one_item():
    text = "（1）设备购置计15.256万元，取整15.26万元；（2）安装调试费4万元；两项合计{}万元。"
    assert not failures(text.format("19.26"))
    assert failures(text.format("20"))


def test_the_base_of_a_percentage_is_no_item_of_the_sum():
    text = "1.全县基本公卫资金2,000万元，按30%由村医承担服务任务，村医部分600万元；2.村卫生室运行补助180万元。两项合计{}万元。"
    assert not failures(text.format("780"))
    assert failures(text.format("800"))


def test_results_listed_in_the_order_of_their_items():
    text = "幼儿园在园幼儿1.2万人、小学在校生3.5万人，按幼儿每人500元、小学生每人300元计，幼儿园{}万元、小学1,050万元，合计1,650万元。"
    assert not failures(text.format("600"))
    assert failures(text.format("700"))


def test_standards_listed_then_their_counts_in_the_same_order():
    text = "对新认定的国家级龙头企业奖励80万元、省级龙头企业奖励30万元，今年计划认定国家级2家、省级5家，共需{}万元。"
    assert not failures(text.format("310"))
    assert failures(text.format("330"))


def test_subtotals_of_runs_of_a_list():
    text = ("1.讲师课酬12,000元；2.教材印制8,000元；3.场地租金15,000元；4.学员餐费21,000元。"
            "其中教学类小计{}元，后勤类小计36,000元，总计56,000元。")
    assert not failures(text.format("20,000"))
    assert failures(text.format("22,000"))


def test_groups_counted_apart_at_one_standard():
    text = "上学期受助学生2,400人，下学期2,600人，每生每学期补助50元。两学期共需{}万元。"
    assert not failures(text.format("25"))
    assert failures(text.format("30"))


def test_a_standard_of_one_thing_is_an_item_of_the_sum():
    text = "县体育馆运行补助每馆每年60万元；乡镇全民健身广场12个，每个每年3万元；合计{}万元。"
    assert not failures(text.format("96"))
    assert failures(text.format("106"))
    # a standard whose count an earlier sentence names is that count's, not one thing more
    assert found("经评审认定示范基地5个。每个奖补20万元。共需资金120万元。", "1000000", "1200000")
    assert found("街道长者饭堂补贴 每个饭堂每年4万元 全街道9个 共计40万元", "360000", "400000")
    # nor is a standard with a result of its own (每月3,000元，全年36,000元), nor an amount a sub-total reaches with one
    assert found("公用经费：办公费每月3,000元，全年36,000元；网络费每月1,000元，全年12,000元，小计51,000元。", "48000", "51000")


def test_a_percentage_of_a_standard_times_the_count():
    text = "困难残疾人参保资助：资助对象2,150人，按个人缴费400元的60%给予定额资助，需约{}万元。"
    assert not failures(text.format("51.6"))
    assert failures(text.format("61.6"))


def test_a_remainder_after_amounts_given_to_each_of_several():
    text = "奖补资金300万元，先安排已验收的3个村各50万元，余下{}万元用于其他村。"
    assert not failures(text.format("150"))
    assert failures(text.format("200"))


def test_a_remainder_of_this_year_s_amount_not_of_the_whole_project():
    text = "项目总投资8,000万元（2025-2027年），2025年安排3,000万元，资金来源：中央资金1,200万元，省级900万元，其余{}万元由县级安排。"
    assert not failures(text.format("900"))
    assert failures(text.format("1,000"))


def test_a_split_of_what_one_amount_leaves_of_another():
    text = "污水管网改造总投资600万元，企业出资150万元，财政投入部分由市、县按2:8承担，市级{}万元，县级{}万元。"
    assert not failures(text.format("90", "360"))
    assert failures(text.format("120", "480"))


def test_the_amount_a_checked_result_the_text_names_before_its_parts():
    text = "全年运维费用48万元，其中服务器运维6台×3万元=18万元，机房维保30万元。"
    assert not _disagrees(text, "480000")
    assert _disagrees(text, "500000")
    text = "扶持农民专业合作社5个，每个40万元，合计200万元。预计每个合作社年增收8万元，合计增收40万元。"
    assert not _disagrees(text, "2000000")
    assert _disagrees(text, "2400000")


def test_a_whole_of_several_years_or_a_part_checked_into_a_total_still_disagrees():
    assert _disagrees("景区提升工程总投资900万元，分两年实施，2025年安排500万元，2026年安排400万元。", "9000000")
    assert _disagrees("监控设备6台，每台年维保1.5万元，小计9万元；光纤租用3万元；合计12万元。", "90000")
    # (the whole of a split between levels agrees since session 8: the annual total carries every level's money)
    assert not _disagrees("环卫作业补助：保洁员120人，每人每月1,000元，全年144万元，省、县各承担50%。", "1440000")
    assert _disagrees("环卫作业补助：保洁员120人，每人每月1,000元，全年144万元，省、县各承担50%。", "1400000")


def test_the_level_named_after_its_amount_with_words_between():
    text = ("乡村振兴示范片：项目总投资1.5亿元（2024-2026年），2025年度安排3,000万元，资金来源：省级衔接资金1,000万元，"
            "市级500万元，其余{}万元由县级整合涉农资金安排。")
    assert not _disagrees(text.format("1,500"), "15000000") and not failures(text.format("1,500"))
    assert failures(text.format("1,800"))


def test_counts_of_age_groups_are_summed_before_their_standard():
    text = "高龄津贴：70-79周岁老人2,300人，80周岁以上老人700人，均按每人每月50元发放，全年需{}万元。"
    assert not failures(text.format("180"))
    assert failures(text.format("190"))


def test_the_level_s_part_after_its_clause_and_ji():
    text = "社区书屋补助：中央补助按每个2万元计，10个共20万元，区级配套按中央补助的30%，即{}万元。"
    assert not _disagrees(text.format("6"), "60000", "区") and not failures(text.format("6"))
    assert _disagrees(text.format("6"), "80000", "区")
