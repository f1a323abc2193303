"""Session 13's general fixes to the prose reader (found on blind17.jsonl), each in wordings of its own: correct texts
stay silent, wrong ones are found with both numbers."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import read
from jixiao_desktop.prose.backing import amount_disagrees
from tests.prose_cases import failures, found

WAN = AmountUnit.WAN_YUAN


def _disagrees(text: str, amount: str, unit: AmountUnit = WAN) -> bool:
    return amount_disagrees(read(text, "县", (), unit), text, Decimal(amount), "县", unit)


def test_a_wan_form_carries_the_exact_total_rounded_to_two_decimals():
    text = "1.办公设备购置：电脑36台×5,860元=210,960元；2.打印机12台×2,315元=27,780元。以上合计238,740元。"
    assert not failures(text)
    assert not _disagrees(text, "238700")              # 23.87万元 for 238,740元
    assert _disagrees(text, "238700", AmountUnit.YUAN)  # a 元 form keeps every 元
    assert _disagrees(text, "230000")                   # 23万元 is another figure


def test_the_rest_percentage_is_of_the_whole_not_of_the_part_before():
    text = "项目预算80万元，由县财政全额保障。合同签订后拨付70%即56万元，终验后拨付剩余30%计24万元。"
    assert not failures(text)
    assert not _disagrees(text, "800000")
    wrong = "项目预算80万元，由县财政全额保障。合同签订后拨付70%即56万元，终验后拨付剩余30%计26万元。"
    assert found(wrong, "240000", "260000")


def test_payment_milestones_up_to_a_cumulative_percentage():
    text = ("合同总价500万元，签订后预付20%计100万元，主体完工后付至合同总价的70%，即再付250万元，"
            "竣工结算后付至95%，余下5%作为质保金25万元。")
    assert not failures(text)
    assert not _disagrees(text, "5000000")
    wrong = text.replace("再付250万元", "再付300万元")
    assert found(wrong, "2500000", "3000000") or found(wrong, "3500000", "3000000")


def test_two_counts_before_one_standard_are_summed():
    text = "城乡特困人员中全自理对象426人，半失能对象318人，照料护理补贴每人每月80元，全年71.424万元。"
    assert not failures(text, unit=WAN)
    assert failures("城乡特困人员中全自理对象426人，半失能对象318人，照料护理补贴每人每月80元，全年75.424万元。", unit=WAN)
    # a count inside another (其中) is not a second group
    assert failures("服务对象744人，其中半失能对象318人，照料护理补贴每人每月80元，全年102.0万元。", unit=WAN)


def test_counts_then_standards_are_paired_in_order():
    text = "乡级道路36.5公里，村级道路82公里，按每公里每年乡道8,000元、村道4,500元标准，共需养护经费66.1万元。"
    assert not failures(text, unit=WAN)
    wrong = text.replace("66.1万元", "69.1万元")
    assert failures(wrong, unit=WAN)


def test_a_split_of_one_partys_part_of_an_earlier_split():
    text = "学生资助资金共240万元，中央与地方按6:4分担，地方部分由市、县按1:3承担，县级承担72万元。"
    assert not failures(text, unit=WAN)
    assert failures(text.replace("县级承担72万元", "县级承担60万元"), unit=WAN)


def test_the_part_of_a_standard_its_payer_names_in_the_next_sentence():
    text = ("老年人健康体检：辖区老年人12,500人，体检费每人每次90元，其中基本公卫资金承担60元、医保资金承担20元、"
            "个人承担10元。需基本公卫资金承担75万元。")
    assert not failures(text, unit=WAN)
    assert found(text.replace("75万元", "78万元"), "750000", "780000", unit=WAN)
