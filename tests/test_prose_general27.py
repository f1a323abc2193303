"""Round 27's general fixes of the prose reader (false alarms of its own steps), in wordings of our own (not the
corpora's): each cause written again differently, once right (nothing may be flagged) and once wrong (the mistake
still found)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures

W = AmountUnit.WAN_YUAN


def test_last_years_actual_arrangement_is_no_approval_of_this_year():
    text = ("农村饮水安全维修养护测算：1.全县集中供水工程48处；2.每处年均维护费2.5万元；3.所需资金=48×2.5={}万元；"
            "4.上年镇级实际安排86万元。")
    assert failures(text.format("120"), unit=W) == []
    assert failures(text.format("130"), unit=W)


def test_stated_results_beside_the_products_they_restate():
    text = ("1.网格员补贴：网格员40名，每人每月500元；网格长8名，每人每月800元。网格员40×500×12=24万元，"
            "网格长8×800×12=7.68万元。2.网格站点运行：每站每年2万元，6个站计12万元。以上合计{}万元。")
    assert failures(text.format("43.68"), unit=W) == []
    assert failures(text.format("45.68"), unit=W)
    text = ("1.学生营养餐补助：小学生2,000人，每生每年800元；初中生1,500人，每生每年1000元，计310万元。"
            "2.食堂运转补助：每校每年3万元，12所计36万元。合计{}万元。")
    assert failures(text.format("346"), unit=W) == []
    assert failures(text.format("356"), unit=W)


def test_a_total_named_by_its_item_is_of_that_item_only():
    text = ("敬老院运转：1.院民生活费：入住老人60人，每人每月900元，全年64.8万元；2.护工工资：护工甲6人，每人每月2,500元；"
            "护工乙4人，每人每月3,000元，护工工资合计{}万元。")
    assert failures(text.format("32.4"), unit=W) == []
    assert failures(text.format("34.4"), unit=W)


def test_a_total_of_every_result_stated_before_it():
    text = ("污水处理站运维。1.运维人员12名，月工资每人3,000元，按12个月计432,000元。2.药剂采购，每月8,000元，计96,000元。"
            "3.设备检修6万元。4.水质检测3.5万元。经测算，本年需安排运维经费{}元。")
    assert failures(text.format("623,000")) == []
    assert failures(text.format("633,000"))
    text = "项目总投资900万元，分三年建设。本年需拨付：土建工程款250万元，设备款30万元，监理费5万元，以上合计{}万元。"
    assert failures(text.format("285"), unit=W) == []
    assert failures(text.format("295"), unit=W)


def test_a_total_keeps_out_last_years_figure():
    text = "文化下乡：上年实际支出20万元。本年演出10场，每场1万元，计10万元；书籍采购5万元，合计{}万元。"
    assert failures(text.format("15"), unit=W) == []
    assert failures(text.format("35"), unit=W)


def test_a_percentage_of_the_items_or_amount_its_word_names():
    text = ("村级公共服务经费：一、文体活动，12个村每个每年5,000元，计60,000元；二、环境卫生40,000元；"
            "三、应急物资，每村2,000元，计24,000元；四、不可预见费按一至三项的3%计提，{}元。")
    assert failures(text.format("3,720")) == []
    assert failures(text.format("3,820"))
    text = ("桥梁维修：1.主体加固2.5公里，每公里120万元，需3,000,000元；2.栏杆更换600米，每米500元，需300,000元；"
            "3.设计费按建安费的4%计取，{}元。")
    assert failures(text.format("132,000")) == []
    assert failures(text.format("142,000"))
    text = ("说明：\n1. 建安工程费：涵洞改造按概算2,000,000元；\n2. 监理费按建安费的2%计取，为40,000元；\n"
            "3. 设计费按建安费的3.5%计取，为{}元。")
    assert failures(text.format("70,000")) == []
    assert failures(text.format("71,400"))


def test_a_product_no_result_restates_stays_an_item():
    text = "节日慰问每户300元，200户；敬老院补助4万元；送戏下乡2万元，合计{}万元。"
    assert failures(text.format("12"), unit=W) == []
    assert failures(text.format("6"), unit=W)


def _disagrees(text: str, amount: str, level: str = "县") -> bool:
    from decimal import Decimal

    from jixiao_desktop.prose.backing import amount_disagrees
    from jixiao_desktop.prose.reader import read
    return amount_disagrees(read(text, level, unit=W), text, Decimal(amount), level, W)


def test_amounts_after_fenbie_go_to_the_parties_in_order():
    text = "环境监测站改造60万元，省、市、县按4:4:2比例分担，分别为24万元、24万元、{}万元。"
    assert failures(text.format("12"), unit=W) == []
    assert failures(text.format("14"), unit=W)
    assert not _disagrees(text.format("12"), "120000")
    assert _disagrees(text.format("12"), "240000")


def test_each_level_paying_the_same_amount_backs_the_forms_amount():
    text = "应急演练经费60万元，市、区两级各承担30万元。"
    assert not _disagrees(text, "300000", "区")
    assert _disagrees(text, "200000", "区")


def test_a_total_investment_arranged_in_full_this_year_is_the_years_whole():
    text = "设备购置200万元，安装调试费按4%计，即8万元，总投资208万元。本年度全额安排。"
    assert not _disagrees(text, "2080000")
    assert _disagrees(text, "1900000")
    phased = "设备购置200万元，安装调试费按4%计，即8万元，总投资208万元，分两年安排。"
    assert _disagrees(phased, "2080000")


def test_a_standard_per_household_after_the_groups_listed_apart():
    text = "取暖补贴：1.低保户1,200户；2.特困户300户；3.补贴标准每户每年400元。所需资金{}万元，由省、县按6:4分担。"
    assert failures(text.format("60"), unit=W) == []
    assert failures(text.format("62"), unit=W)


def test_a_count_in_the_stated_figures_own_clause():
    text = "（2）上述人员公积金按每人每月900元测算，其中3人已由原单位缴纳不计，其余5名计{}元；"
    assert failures(text.format("54,000")) == []
    assert failures(text.format("64,800"))


def test_a_standard_of_the_count_of_the_item_before():
    text = "1、聘用协管员30个岗位，月均工资2,000元，十二个月共720,000元；\n2、月均公积金150元，十二个月共{}元；"
    assert failures(text.format("54,000")) == []
    assert failures(text.format("58,000"))


def test_listed_counts_with_amounts_fenbie():
    text = "表彰奖励：一等奖三名、二等奖五名、三等奖十名，分别奖励3,000元、2,000元、1,000元。共需{}元。"
    assert failures(text.format("29,000")) == []
    assert failures(text.format("25,000"))


def test_parts_in_brackets_beside_their_whole():
    text = "会议经费{}元（其中场地租赁12,000元、专家劳务8,500元、资料印刷3,500元）。"
    assert failures(text.format("24,000")) == []
    assert failures(text.format("25,000"))
    text = "健康促进经费（含宣传品60,000元、义诊活动25,000元、培训12,000元），以上合计{}元。"
    assert failures(text.format("97,000")) == []
    assert failures(text.format("98,000"))
    # a bracket naming only some parts of a price is no breakdown of it
    assert failures("车辆购置30万元（含购置税2.6万元、上牌费0.4万元），本年度安排。", unit=W) == []
