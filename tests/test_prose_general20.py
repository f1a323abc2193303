"""Session 20's general fixes of the prose reader (false alarms first, then misses on fresh prose), in wordings of our
own (not the corpora's): each cause found in blind22/blind23, written again differently, once right (nothing may be
flagged) and once wrong (the mistake found with both numbers)."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import read
from jixiao_desktop.prose.backing import amount_disagrees
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def _disagrees(text: str, amount: str, level: str = "县") -> bool:
    return amount_disagrees(read(text, level, (), W), text, Decimal(amount), level, W)


def test_the_amount_is_this_years_planned_investment_the_text_states():
    text = ("南山水库除险加固工程总投资3,600万元，截至上年底已完成投资2,100万元，2026年计划投资1,500万元，"
            "其中省级补助900万元，县级自筹600万元。")
    assert not _disagrees(text, "15000000")
    assert _disagrees(text, "16000000")   # a figure the text does not state


def test_a_whole_shared_with_the_centre_at_a_percentage_is_the_forms_amount():
    text = ("困难残疾人生活补贴：对象3,000人，每人每年1,000元，共需资金300万元，其中中央承担50%计150万元，"
            "省级承担30%计90万元，县级承担20%计60万元。")
    assert not _disagrees(text, "3000000")
    assert not _disagrees(text, "600000")
    assert _disagrees(text, "2800000")
    # without the centre, a split between the county and the town: the whole and the own part agree (session 8)
    text = "村级道路养护需资金80万元，县、乡按6:4比例承担，县级承担48万元。"
    assert not _disagrees(text, "800000")
    assert not _disagrees(text, "480000")
    assert _disagrees(text, "840000")


def test_a_split_of_what_is_left_of_a_per_unit_standard():
    text = ("高龄津贴：享受对象2万人，每人每月100元，全年需2,400万元，其中省级补助每人每月60元，"
            "其余由市、县按1:3承担，县级承担{}万元。")
    assert failures(text.format("720"), unit=W) == []
    assert found(text.format("760"), "7200000", "7600000", unit=W)


def test_a_standard_per_one_thing_said_with_dan():
    text = "拆除废旧广告牌150块，单块拆除费600元；更换路名牌40处，每处补助500元。小计{}万元。"
    assert failures(text.format("11"), level="区", unit=W) == []
    assert found(text.format("12"), "110000", "120000", level="区", unit=W)


def test_groups_counted_in_things_and_in_the_measure_the_standard_is_per():
    text = "全县县级公路3条共计52.5公里、乡道9条共计47.5公里，按每公里每年2,000元安排养护费，共计{}万元。"
    assert failures(text.format("20"), unit=W) == []
    assert found(text.format("22"), "200000", "220000", unit=W)


def test_an_item_taken_over_from_last_years_figure_is_this_years_item():
    text = ("乡镇文化站运转经费：\n1.人员补助：管理员6名，每人每月1,500元，全年10.8万元；\n2.物业费：比照上年实际3.2万元；\n"
            "3.活动经费：2万元。\n合计{}万元。")
    assert failures(text.format("16"), unit=W) == []
    assert found(text.format("18"), "160000", "180000", unit=W)
    # in brackets, last year's figure is an aside, no item
    text = "送戏下乡40场，每场5,000元，计20万元（参照上年实际18万元），合计{}万元。"
    assert failures(text.format("20"), unit=W) == []


def test_a_daily_average_over_a_year():
    text = "环卫作业车辆40台，日均燃油费150元/台，年燃油费{}万元。"
    assert failures(text.format("219"), level="区", unit=W) == []
    # (the mistake is flagged on the stated figure; as for 每人每天…全年, the working reported is the walk's)
    assert any(stated == 2090000 for _, _, stated in failures(text.format("209"), level="区", unit=W))


def test_an_approved_amount_after_a_deduction_the_text_does_not_state_is_no_mistake():
    text = ("供热企业补贴：供热面积50万平方米，每平方米运行成本24元，年运行成本1,200万元；扣除热费收入后，"
            "按亏损额核定，本年度安排补贴{}万元。")
    assert failures(text.format("380"), level="县", unit=W) == []
    assert found(text.format("380").replace("1,200", "1,300"), "12000000", "13000000", level="县", unit=W)


def test_an_average_price_and_counts_in_kinds_and_portions():
    text = "阅览室采购：报纸杂志25种，每种每年600元；工具书200册，均价80元；小计{}元。"
    assert failures(text.format("31,000")) == []
    assert found(text.format("30,000"), "31000", "30000")
    text = "慢病筛查：检测试剂500人份，每份36元；宣传折页2,000张，每张0.5元；小计{}元。"
    assert failures(text.format("19,000")) == []
    assert found(text.format("18,000"), "19000", "18000")


def test_what_is_still_needed_after_amounts_already_given():
    text = "乡村学校少年宫运转：需经费96万元，已到位中央专项资金50万元，尚需县级安排{}万元。"
    assert failures(text.format("46"), unit=W) == []
    assert found(text.format("44"), "460000", "440000", unit=W)
    text = ("病险水闸改造需资金600万元，已下达省级资金300万元、市级资金100万元，上年结转20万元，"
            "缺口{}万元由县财政统筹。")
    assert failures(text.format("180"), unit=W) == []
    assert found(text.format("200"), "1800000", "2000000", unit=W)
    text = "需资金500万元；扣除已下达中央资金320万元后，仍需县级配套{}万元。"
    assert failures(text.format("180"), unit=W) == []
    assert found(text.format("170"), "1800000", "1700000", unit=W)


def test_a_split_of_an_approved_whole():
    text = "经核定需资金250万元，按市级补助70%、县级承担30%筹措，市级175万元，县级{}万元。"
    assert failures(text.format("75"), unit=W) == []
    assert found(text.format("85"), "750000", "850000", unit=W)


def test_days_counted_by_what_they_are():
    text = "课后服务午餐补助：学生1,500人，每人每天补助4元，按180个教学日计，需{}万元。"
    assert failures(text.format("108"), unit=W) == []
    assert found(text.format("118"), "1080000", "1180000", unit=W)


def test_an_amount_at_last_years_figure_with_its_verb_after_it():
    text = "村级组织运转：办公费按去年实际支出8.5万元安排；水电费1.5万元；合计{}万元。"
    assert failures(text.format("10"), level="乡", unit=W) == []
    assert found(text.format("9"), "100000", "90000", level="乡", unit=W)


def test_a_total_said_as_zong_guimo():
    text = "产业帮扶资金：中央资金3,000万元，省级1,200万元，县级安排800万元，总规模{}万元。"
    assert failures(text.format("5,000"), unit=W) == []
    assert found(text.format("5,100"), "50000000", "51000000", unit=W)


def test_a_percentages_base_named_later_with_its_words_in_another_order():
    text = "工作经费：按补助资金总额的2%提取，本年度县级资金补助总额2,400万元，提取工作经费{}万元。"
    assert failures(text.format("48"), unit=W) == []
    assert found(text.format("46"), "480000", "460000", unit=W)
