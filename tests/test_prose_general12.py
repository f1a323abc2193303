"""Session 12's general readings of calculation prose, each in wordings of its own (not the corpora's)."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found


# -- a level's part of a per-unit standard (其中…，其余由县级承担，县级需安排…) -----------------------------------
def test_the_count_times_the_levels_own_part_holds():
    text = "全乡共有保洁员60名，每人每年补助9,000元，其中市级补助6,000元，乡级配套3,000元，乡级需安排18万元。"
    assert failures(text, level="乡") == []
    text = "村级光伏电站管护员40人，每人每年4,800元，其中省级补助3,000元，剩余部分由县财政承担，县财政需安排7.2万元。"
    assert failures(text) == []


def test_a_wrong_part_is_reported_with_the_count_times_the_part():
    text = "村级光伏电站管护员40人，每人每年4,800元，其中省级补助3,000元，剩余部分由县财政承担，县财政需安排7.6万元。"
    assert found(text, "72000.00", "76000")
    text = "全乡共有保洁员60名，每人每年补助9,000元，其中市级补助6,000元，乡级配套3,000元；乡级需安排16万元。"
    assert found(text, "180000.00", "160000", level="乡")


def test_the_whole_standard_times_the_count_is_still_checked():
    text = "全县护林员120人，每人每年补助1万元，其中省级补助6,000元，县级配套4,000元，共需130万元。"
    assert [s for _, _, s in failures(text, unit=AmountUnit.WAN_YUAN)] == [1300000]


# -- one item the total of the others (its working after it, or its parts after 其中) -------------------------
def test_an_amount_and_its_own_working_are_one_item():
    from jixiao_desktop.prose import read
    text = "乡镇敬老院护理经费43.2万元。全县在院特困老人120人，按每人每年3,600元标准安排，用于护理员工资及日常护理。"
    reading = read(text, "县", (), AmountUnit.WAN_YUAN)
    assert reading.bottom_line == 432000 and not reading.failures()


def test_an_amount_and_its_parts_after_qizhong_are_one_item():
    from jixiao_desktop.prose import read
    text = "2025年上级下达我县衔接资金1,500万元。根据项目库安排，其中：产业发展900万元；基础设施450万元；就业帮扶150万元。"
    assert read(text, "县", (), AmountUnit.WAN_YUAN).bottom_line == 15000000


def test_three_amounts_without_qizhong_stay_three_items():
    from jixiao_desktop.prose import read
    text = "设备购置费5万元；材料费2万元；人工费3万元。"
    assert read(text, "县", (), AmountUnit.WAN_YUAN).bottom_line == 100000


# -- a percentage of a whole put to a use: the average of the share, the whole as the form's amount ------------
def test_an_average_of_a_share_of_its_sentence_holds():
    text = "省级衔接资金400万元，其中按25%用于发放务工报酬，计100万元，预计吸纳务工群众250人，人均增收4,000元。"
    assert failures(text, unit=AmountUnit.WAN_YUAN) == []
    text = "省级衔接资金400万元，其中按25%用于发放务工报酬，计100万元，预计吸纳务工群众250人，人均增收4,600元。"
    assert failures(text, unit=AmountUnit.WAN_YUAN) != []


def test_the_whole_of_a_use_may_be_the_forms_amount_but_not_a_fee_base():
    from jixiao_desktop.prose import read
    from jixiao_desktop.prose.backing import amount_disagrees
    text = "统筹整合资金900万元，按60%用于产业发展项目，计540万元，带动脱贫户1,200户。"
    reading = read(text, "县", (), AmountUnit.WAN_YUAN)
    assert not amount_disagrees(reading, text, Decimal(9000000)) and not amount_disagrees(reading, text, Decimal(5400000))
    text = "物业服务费300万元，管理费按6%计取18万元，合计318万元。"
    assert amount_disagrees(read(text, "县", (), AmountUnit.WAN_YUAN), text, Decimal(3000000))
