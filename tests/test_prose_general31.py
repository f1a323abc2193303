"""Round 31's general fixes of the prose reader (mistakes it missed), in wordings of our own (not the corpora's): each
cause written again differently, once right (nothing may be flagged) and once wrong (the mistake found with its two
numbers)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def test_a_monthly_allowance_right_after_the_count_of_people():
    text = "社区网格员45人，月补贴1,500元，全年12个月需资金{}元。"
    assert failures(text.format("810,000")) == []
    assert found(text.format("801,000"), "810000", "801000")
    text = "河道巡查员12名，月补助2,000元，按10个月计，共需{}万元。"
    assert failures(text.format("24"), unit=W) == []
    assert found(text.format("26"), "240000", "260000", unit=W)


def test_a_run_of_listed_counts_is_summed_or_multiplied_as_a_whole():
    text = "送法下乡：城区4场、乡镇6场、村居2场，每场0.5万元，合计{}万元。"
    assert failures(text.format("6"), unit=W) == []
    assert found(text.format("5"), "60000", "50000", unit=W)   # (4+6)×0.5 leaves the third group out
    text = "技能竞赛分三个赛区，一赛区2批、二赛区3批、三赛区1批，每批经费8,000元，共需{}元。"
    assert failures(text.format("48,000")) == []
    assert found(text.format("40,000"), "48000", "40000")


def test_parts_listed_after_han_add_up_to_the_amount_before_them():
    text = "村级活动场所维修经费36万元，含屋面防水12万元、外墙粉刷9.5万元、门窗更换{}万元。"
    assert failures(text.format("14.5"), unit=W) == []
    assert found(text.format("15.5"), "370000", "360000", unit=W)
    text = "档案数字化服务费152,400元，包括扫描费86,400元、著录费42,000元和质检费24,000元。"
    assert failures(text) == []
    text = "档案数字化服务费152,400元，包括扫描费86,400元、著录费42,000元、质检费{}元。"
    assert failures(text.format("24,000")) == []
    assert found(text.format("34,000"), "162400", "152400")
    # only some parts named (等), or a part of a part: no sum is claimed
    assert failures("设备购置费80万元，含监控主机20万元、硬盘录像机15万元等。", unit=W) == []


def test_a_total_of_items_each_with_a_total_of_its_own():
    text = "办公设备购置：台式电脑15台共9万元，打印机6台共1.8万元，投影仪1套0.6万元，总计{}万元。"
    assert failures(text.format("11.4"), unit=W) == []
    assert found(text.format("12.4"), "114000", "124000", unit=W)
    text = ("全乡12个村建设垃圾收集点，每村垃圾桶800元、围挡1,700元，共计30,000元；转运车辆维修费18,500元。"
            "以上合计{}元。")
    assert failures(text.format("48,500")) == []
    assert found(text.format("45,800"), "48500", "45800")
    # a reference amount among the clauses: the total is not read as their sum
    text = "上年安排12万元，今年设备共计8万元，维护费3万元，合计11万元。"
    assert failures(text, unit=W) == []


def test_an_amount_after_each_bearing_half_is_half_the_whole():
    text = "边界道路路灯电费48,600元，由相邻两镇各承担一半，每镇{}元。"
    assert failures(text.format("24,300")) == []
    assert found(text.format("23,400"), "24300", "23400")
    text = "学生意外伤害保险按每生每年40元，参保学生6,500人，由学校和家长各承担一半，学校承担{}万元。"
    assert failures(text.format("13"), unit=W) == []
    assert found(text.format("15"), "130000", "150000", unit=W)


def test_the_rest_after_one_percentage_is_the_whole_less_it():
    text = "污水管网改造工程总投资2,400万元，其中申请中央预算内资金60%，剩余{}万元由县级自筹。"
    assert failures(text.format("960"), unit=W) == []
    assert found(text.format("690"), "9600000", "6900000", unit=W)
    text = "森林防火经费合计56万元，由市财政承担40%计22.4万元，区级承担{}万元。"
    assert failures(text.format("33.6"), unit=W) == []
    assert found(text.format("36.6"), "336000", "366000", unit=W)
