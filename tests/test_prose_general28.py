"""Round 28's general fixes of the prose reader (mistakes it missed), in wordings of our own (not the corpora's):
each cause written again differently, once right (nothing may be flagged) and once wrong (the mistake found)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def test_a_result_opening_the_next_sentence_states_the_products_before():
    text = "社区图书室配置书架15个，每个1,200元。计{}元。"
    assert failures(text.format("18,000")) == []
    assert failures(text.format("16,000"))
    text = "村级水管员6人。补贴标准600元/人/月。全年{}元。"
    assert failures(text.format("43,200")) == []
    assert failures(text.format("34,200"))
    text = "乡镇网格员24名，每人每月补助300元。全年{}万元。"
    assert failures(text.format("8.64"), unit=W) == []
    assert failures(text.format("6.84"), unit=W)


def test_an_amount_of_its_own_before_is_no_part_of_the_next_sentence():
    text = "1.购置桌椅40套，单价500元；2.其他用品一批，预算{}万元。合计3.5万元。"
    assert failures(text.format("1.5"), unit=W) == []


def test_a_standard_per_kilowatt_is_per_the_measure_not_a_thousand():
    text = "屋顶光伏装机800千瓦，运维每千瓦每年30元，需{}元。"
    assert failures(text.format("24,000")) == []
    assert failures(text.format("42,000"))


def test_a_count_naming_its_own_thing_is_not_per_the_next_clauses_thing():
    text = "改造面积2,000亩，覆盖3个乡镇15个村，亩均补助500元，计{}万元。"
    assert failures(text.format("100"), unit=W) == []
    assert failures(text.format("110"), unit=W)
    text = "文化站免费开放补助9个，每站6000元，计{}元。"
    assert failures(text.format("54,000")) == []
    assert failures(text.format("45,000"))


def test_a_line_break_before_a_list_number_ends_no_sentence_for_its_months():
    text = "护河经费：\n1.汛期（2025年5-9月）巡河员12人，按每人每月1000元计，共{}元；\n2.巡河船油料9,000元。"
    assert failures(text.format("60,000")) == []
    assert failures(text.format("144,000"))


def test_a_monthly_rent_is_per_month():
    text = "云存储租用2025年4-12月，月租金5,000元，计{}元。"
    assert failures(text.format("45,000")) == []
    assert failures(text.format("54,000"))


def test_numbers_listed_after_respectively_count_together():
    text = "东、西、北三个园区分别有路灯40、25、35盏，每盏年维护费120元，需{}元。"
    assert failures(text.format("12,000")) == []
    assert failures(text.format("4,200"))


def test_a_span_of_months_before_a_result_of_the_next_sentence():
    text = "社区协管员3名，每人每月补贴1,500元。聘用期2025年7月至2025年12月，计{}元。"
    assert failures(text.format("27,000")) == []
    assert failures(text.format("54,000"))


def test_a_working_in_brackets_after_a_total():
    text = "共需印刷费约{}万元（800份×25元）。"
    assert failures(text.format("2"), unit=W) == []
    assert failures(text.format("2.8"), unit=W)


def test_monthly_pay_listed_after_respectively():
    text = "食堂厨师、帮厨各3名，月工资分别为4,000元、3,000元，全年共需{}万元。"
    assert failures(text.format("25.2"), unit=W) == []
    assert failures(text.format("22.5"), unit=W)


def test_an_amount_after_the_words_of_a_working():
    text = "高龄津贴按1,520人、每人每年600元测算，约{}万元。"
    assert failures(text.format("91.2"), unit=W) == []
    assert failures(text.format("95"), unit=W)


def test_a_monthly_average_first_in_a_sentence_of_counts_is_per_head():
    text = "居家养老服务对象150人，月均补贴300元，全年{}元。"
    assert failures(text.format("540,000")) == []
    assert found(text.format("450,000"), "540000", "450000")
    text = "全年保障对象2,000人，月人均补助300元，全年发放720万元，月均{}万元。"
    assert failures(text.format("60"), unit=W) == []


def test_a_chain_of_many_numbers_reads_without_raising():
    text = "126乘以240，" * 5 + "1240人×1250元=165万元，"
    assert failures(text)


def test_a_rate_per_thousand():
    text = "代扣手续费按代扣金额的2‰计取：代扣金额1,800,000元，手续费{}元。"
    assert failures(text.format("3,600")) == []
    assert failures(text.format("36,000"))


def test_counts_of_a_sentence_before_pair_with_standards_by_their_names():
    text = "全镇巡查路段50公里，其中甲类路段20公里、乙类路段30公里。按甲类路段每公里每年500元、乙类路段300元的标准，合计{}元。"
    assert failures(text.format("19,000")) == []
    assert found(text.format("21,000"), "19000", "21000")


def test_a_growth_over_last_years_amount():
    text = "图书采购上年实际支出50万元。今年馆藏扩充，按上年增长20%测算，需{}万元。"
    assert failures(text.format("60"), unit=W) == []
    assert found(text.format("65"), "600000", "650000", unit=W)
    text = "上年支出50万元，今年读者增长20%，需60万元用于…"
    assert failures(text, unit=W) == []
