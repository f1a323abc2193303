"""Round 41 of the prose reader, in wordings of our own: 计 inside a word (计价器, 血压计, 计生) no total word; 以上三项约…
a total; 约X after items that make it their total; a reference named after its amount (为…累计批复数, 已于上年拨付完毕);
amounts listed after one 分别 paired with counts listed after another; a percentage of numbered items that have 小计
lines of their own; 自筹 a share verb; one payer of what a percentage leaves (其余镇自筹)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found, vs_amount

W = AmountUnit.WAN_YUAN


def test_ji_inside_a_word_is_no_total_word():
    text = "购置出租车计价器检定仪4.2万元，水表检定台3.5万元，血压计检定装置2.8万元，合计{}万元。"
    assert failures(text.format("10.5"), unit=W) == []
    assert found(text.format("11.5"), "105000", "115000", unit=W)
    text = "计生特殊家庭扶助对象38人，每人每年补助4,800元，共{}元。"
    assert failures(text.format("182,400")) == []
    assert found(text.format("128,400"), "182400", "128400")


def test_yishang_sanxiang_yue_is_a_total():
    text = "路灯维修6.2万元；绿化补植3.85万元；公厕保洁2.4万元。以上三项约{}万元。"
    assert vs_amount(text.format("12.5"), "12.5") == []
    assert failures(text.format("12.5"), unit=W) == []
    assert found(text.format("15.2"), "124500", "152000", unit=W)


def test_yue_after_items_that_make_it_their_total():
    text = "执法记录仪12台2.16万元，对讲机20部1.9万元，无人机1架3.98万元，约{}万元。"
    assert vs_amount(text.format("8"), "8") == []
    # an amount after 约 that is not their total stays an item
    assert failures("执法记录仪2.16万元，对讲机1.9万元，约5万元。", unit=W) == []


def test_a_reference_named_after_its_amount():
    text = "全区义务教育薄弱环节改善资金2.4亿元为三年累计批复数，本年度安排：校舍维修每校15万元，共12所，需{}万元。"
    assert failures(text.format("180"), unit=W) == []
    assert found(text.format("160"), "1800000", "1600000", unit=W)
    text = "河道整治批复资金8,600万元，已于上年拨付完毕；本年度安排巡河员补助，每人每月500元，共40人，全年需{}万元。"
    assert vs_amount(text.format("24"), "24") == []
    assert found(text.format("26"), "240000", "260000", unit=W)


def test_amounts_and_counts_each_listed_after_fenbie():
    text = "创业培训补贴按SYB、网创、电商分别1,200元、900元、600元/人，预计培训人数分别为80、45、30人。需补贴资金{}元。"
    assert failures(text.format("154,500")) == []
    assert found(text.format("145,500"), "154500", "145500")


def test_a_percentage_of_numbered_items_with_subtotals():
    text = ("（1）土建：改造面积800平方米，每平方米1,500元，小计120万元；（2）设备：空调20台8万元，净化机组1套32万元，小计40万元；"
            "（3）其他费用按（1）至（2）项的5%计取，小计{}万元。合计168万元。")
    assert failures(text.format("8"), unit=W) == []
    assert failures(text.format("10"), unit=W) != []


def test_zichou_is_a_share_verb_and_one_payer_takes_the_rest():
    text = "农村垃圾清运费合计48万元，其中区级补助70%，镇级自筹30%。"
    assert vs_amount(text, "14.4", level="镇") == []
    assert vs_amount(text, "48", level="镇") == []
    assert vs_amount(text, "15", level="镇") != []
    text = "全镇公厕52座，每座每年管护费5,000元，合计26万元，由区财政补助40%，其余镇自筹。"
    assert vs_amount(text, "15.6", level="镇") == []
    assert vs_amount(text, "26", level="镇") == []
    assert vs_amount(text, "10.4", level="镇") != []


def test_a_line_break_after_a_full_stop_carries_the_counts_on():
    # 。 then a line break is one sentence's end: the counts of a sentence of counts alone still carry on
    text = "聘用村级网格员18人。\n每人每月补贴600元，全年需{}元。"
    assert failures(text.format("129,600")) == []
    assert found(text.format("126,900"), "129600", "126900")
    text = "聘用村级网格员18人。\r\n每人每月补贴600元，全年需{}元。"
    assert found(text.format("126,900"), "129600", "126900")
    # words between (a sentence of its own) still end the carry
    assert failures("聘用村级网格员18人。工作职责按相关文件执行。\n每人每月补贴600元，全年需126,900元。") == []
