"""Round 26's general fixes of the prose reader (false alarms of its own steps), in wordings of our own (not the
corpora's): each cause written again differently, once right (nothing may be flagged) and once wrong (the mistake
still found)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def test_a_total_of_the_items_it_names():
    text = ("农技推广：1.示范基地5个，每个3万元，计15万元；2.农民培训600人次，每人次200元，计12万元；"
            "3.印发技术资料8,000份，每份5元，计4万元；4.病虫害监测点10个，每个0.6万元，计6万元。第2至4项由乡级承担，合计{}万元。")
    assert failures(text.format("22"), unit=W) == []
    assert failures(text.format("24"), unit=W)
    text = "维修：1.屋面2万元；2.门窗1.5万元；3.水电0.8万元；4.围墙3万元。前三项合计{}万元，由镇级承担。"
    assert failures(text.format("4.3"), unit=W) == []
    assert failures(text.format("4.8"), unit=W)


def test_a_sub_total_beside_its_items_is_not_counted_again():
    text = ("节日慰问：1、孤寡老人15人，每人600元；留守儿童40人，每人200元。计17,000元。2、慰问品采购3,000元。"
            "3、宣传横幅2,000元。以上合计{}元。")
    assert failures(text.format("22,000")) == []
    assert failures(text.format("25,000"))


def test_a_past_years_figure_is_no_item_of_this_years_total():
    text = ("耕地地力补贴县级配套：2024年全县累计补贴农户2,860户，资金236.5万元。2025年预计：1.小麦种植户补贴面积6万亩，"
            "每亩5元，计30万元；2.玉米种植户补贴面积4万亩，每亩5元，计20万元。合计{}万元。")
    assert failures(text.format("50"), unit=W) == []
    assert failures(text.format("55"), unit=W)


def test_items_closed_by_their_own_result_stay_items_of_the_total():
    text = ("全民健身活动经费：\n1. 乡镇篮球赛8场，每场5000元，共40000元；\n2. 健身器材维护，15个村，每村1000元，共15000元；"
            "\n3. 广场舞展演场地及音响12000元；\n4. 宣传资料3000元。\n总计{}元，折合7万元。")
    assert failures(text.format("70000")) == []
    assert failures(text.format("75000"))
    text = ("居家养老服务：\n一、助餐补贴：高龄老人120人，每人每月100元；失能老人30人，每人每月200元；全年共需21.6万元。"
            "\n二、助浴服务：300人次，每人次50元，计1.5万元。\n三、志愿者培训：2期，每期1万元，计2万元。\n以上三项合计{}万元。")
    assert failures(text.format("25.1"), unit=W) == []
    assert failures(text.format("26.1"), unit=W)


def test_a_count_for_each_of_the_groups_listed():
    text = "质量评估：春季、秋季各2次，每次1.5万元，计{}万元。"
    assert failures(text.format("6"), unit=W) == []
    assert failures(text.format("7"), unit=W)


def test_a_monthly_standard_runs_the_year_where_no_period_is_named():
    text = "社区读书会：36个社区，每个社区每月举办2期，每期补助150元，计{}万元。"
    assert failures(text.format("12.96"), unit=W) == []
    assert failures(text.format("13.96"), unit=W)


def test_the_count_in_all_replaces_the_one_it_adds_up():
    text = "巡逻车运行：现有巡逻车4辆，每辆每月运行费2,000元，另新增1辆按同标准计，共5辆，全年{}元。"
    assert failures(text.format("120,000")) == []
    assert failures(text.format("130,000"))


def test_a_split_of_another_figure_of_the_sentence():
    text = ("档案室改造：1.场地年租金200,000元；2.管理员1名，每月4,000元，全年48,000元；3.租金由市、区按2:8承担，"
            "区级承担{}元，市级承担40,000元。")
    assert failures(text.format("160,000")) == []
    assert failures(text.format("150,000"))


def test_a_split_listed_in_the_order_of_its_parties():
    text = "道路改造：改造12公里，每公里20万元，共240万元，省、市、县按6:3:1分担，分别为144万元、72万元、{}万元。"
    assert failures(text.format("24"), unit=W) == []
    assert failures(text.format("30"), unit=W)


def test_a_percentage_of_a_percentage():
    text = "风险补偿：按担保贷款余额3,000万元的10%计提，由市、县各承担50%，县级需承担{}万元。"
    assert failures(text.format("150"), unit=W) == []
    assert failures(text.format("160"), unit=W)


def test_per_words_after_the_operator_stay_in_the_written_working():
    text = "河道保洁：干流48公里×每公里每年6,000元+支流120公里×2,000元=528,000元"
    assert failures(text) == []
    assert failures(text.replace("528,000", "518,000"))


def test_an_item_named_by_a_word_before_the_total():
    text = ("志愿服务：招募志愿者50人，服务4个月，每人每月补贴600元；志愿者保险每人80元；服务站标识制作1.5万元。"
            "测算：50×4×600=120,000元，50×80=4,000元，加标识制作费，合计{}元。")
    assert failures(text.format("139,000")) == []
    assert failures(text.format("149,000"))


def test_a_total_in_a_sentence_of_its_own_keeps_its_terms():
    text = ("东湾镇小型水利设施维修：\n1. 南岗村：清淤沟渠800米，每米40元，计32,000元；\n2. 北岗村：维修泵站2座，每座15,000元，"
            "计30,000元；\n3. 西岗村：更换闸门1套，造价18,000元。\n以上合计{}元。")
    assert failures(text.format("80,000")) == []
    assert found(text.format("78,000"), "80000", "78000")


def test_a_split_of_the_amount_its_clause_names():
    text = ("本项目估算总投资240万元。资金来源：申请专项补助资金200万元，其余40万元由合作社自筹。专项补助资金由省、市、县按5:2:3比例承担，"
            "县级需配套{}万元。")
    assert failures(text.format("60"), unit=W) == []
    assert found(text.format("66"), "600000", "660000", unit=W)
