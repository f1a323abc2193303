"""Round 32 of the prose reader: how far a split between levels reaches (split_scope.py), in wordings of our own. A split
stated in the sentence of its own whole is that whole's; the next item, with an amount of its own, is no share of it."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def test_the_next_item_after_a_split_item_is_not_a_share_of_its_whole():
    # the second item is the county's alone: no 30 % / 70 % of the first item's whole is asked of it
    text = "1.农村公路养护经费120万元，省、县按3:7承担，县级承担84万元。\n2.桥梁检测费18万元，县级承担18万元。"
    assert failures(text, unit=W) == []
    text = "乡镇污水站运维费60万元，市、县按4:6分担，县级承担36万元；管网清淤费9.6万元，县财政安排9.6万元。"
    assert failures(text, unit=W) == []
    text = "义务教育学校取暖费2,400,000元，省、县按5:5分担，县级承担1,200,000元。\n幼儿园取暖费360,000元，由县级承担360,000元。"
    assert failures(text) == []
    # the first item's own share is still checked
    text = "1.农村公路养护经费120万元，省、县按3:7承担，县级承担{}万元。\n2.桥梁检测费18万元，县级承担18万元。"
    assert found(text.format("74"), "840000", "740000", unit=W)


def test_a_new_split_of_the_next_item_is_read_against_its_own_whole():
    text = "图书馆免费开放经费50万元，省、县按2:8承担，县级承担40万元。\n文化馆免费开放经费30万元，省、县各承担50%，县级承担{}万元。"
    assert failures(text.format("15"), unit=W) == []
    assert found(text.format("12"), "150000", "120000", unit=W)
    text = "防汛物资储备经费80,000元，市、县按1:1承担，县级40,000元。另防汛演练经费20,000元，市、县按3:7承担，县级{}元。"
    assert failures(text.format("14,000")) == []
    assert found(text.format("16,000"), "14000", "16000")


def test_a_split_stated_apart_from_its_whole_still_reaches_on():
    # 资金由…分担 in a sentence of its own: the shares after it are still checked
    text = "项目资金由市、县按3:7分担。全年需资金200万元，县级承担{}万元。"
    assert failures(text.format("140"), unit=W) == []
    assert found(text.format("130"), "1400000", "1300000", unit=W)
    text = "全年需资金200万元。市、县按3:7分担，县级承担{}万元。"
    assert failures(text.format("140"), unit=W) == []
    assert found(text.format("150"), "1400000", "1500000", unit=W)
    # a party's share in the sentence after the split: still the split's
    text = "全年需资金200万元，市、县按3:7分担。县级承担{}万元。"
    assert failures(text.format("140"), unit=W) == []
    assert found(text.format("145"), "1400000", "1450000", unit=W)


def test_a_split_opening_a_line_is_of_the_whole_written_after_it_on_that_line():
    text = "为12名协管员购买意外险，每人600元，计7,200元。\n按3:7比例由市、县分担，项目资金150万元，县级承担{}万元。"
    assert failures(text.format("105"), unit=W) == []
    assert found(text.format("100"), "1050000", "1000000", unit=W)
    # (a line break after 。 is layout — test_prose_layout.py — so the lines here end with no mark: a line's structure)
    text = ("农家书屋出版物补充：每屋2,000元，56个，计11.2万元\n"
            "残疾人两项补贴资金由省、市、县按5:2:3比例负担。本县对象2,400人，每人每月100元，全年288万元，县级承担{}万元。")
    assert failures(text.format("86.4"), unit=W) == []
    assert found(text.format("96.4"), "864000", "964000", unit=W)
    # the whole on the line before, the split alone on the next: still that whole's
    text = "全年需资金300万元。\n市、县按4:6分担，县级承担{}万元。"
    assert failures(text.format("180"), unit=W) == []
    assert found(text.format("160"), "1800000", "1600000", unit=W)


def test_the_parties_listed_after_the_ratio_are_no_payer_of_the_whole_after_them():
    text = "按4:6比例由市、县分担，项目资金250万元，县级承担{}万元。"
    assert failures(text.format("150"), unit=W) == []
    assert found(text.format("140"), "1500000", "1400000", unit=W)
    text = "按1:1比例由县、镇两级承担，维修资金86,000元，镇级承担{}元。"
    assert failures(text.format("43,000"), level="镇") == []
    assert found(text.format("34,000"), "43000", "34000", level="镇")


def test_a_thing_named_after_the_splits_own_verb_is_no_payer():
    text = "全镇低保对象186户，每户年均1,000元，计18.6万元。\n县、镇、村按6:3:1比例筹集：村级活动场所维修全年50万元，镇级承担{}万元。"
    assert failures(text.format("15"), level="镇", unit=W) == []
    assert found(text.format("12"), "150000", "120000", level="镇", unit=W)
    # a level's money a few characters before the amount is its payer (需县级资金, 县级为, 县级奖补)
    text = "文化广场改造概算0.24亿元，县级承担25%，需县级资金{}万元。"
    assert failures(text.format("600"), unit=W) == []
    assert found(text.format("650"), "6000000", "6500000", unit=W)
    text = "以上合计48万元，按县、乡7:3分担，县级奖补{}万元，乡级自筹14.4万元。"
    assert failures(text.format("33.6"), unit=W) == []


def test_the_whole_a_text_splits_is_the_forms_amount_even_with_no_part_named():
    from jixiao_desktop.prose.backing import amount_disagrees
    from jixiao_desktop.prose.reader import read

    text = "城乡环卫一体化运营费每年860万元，由市、县按4:6比例分担。"
    reading = read(text, "县", (), W)
    assert not amount_disagrees(reading, text, Decimal("8600000"), "县", W)   # the whole
    assert not amount_disagrees(reading, text, Decimal("5160000"), "县", W)   # the county's part
    assert amount_disagrees(reading, text, Decimal("3440000"), "县", W)       # the city's: a third number
    text = "项目总投资860万元，由市、县按4:6比例分担。"   # a whole of all years is no year's amount
    assert amount_disagrees(read(text, "县", (), W), text, Decimal("8600000"), "县", W)


def test_a_third_figure_in_the_amount_is_set_against_both_the_whole_and_the_forms_part():
    from jixiao_desktop.prose.corpus import evaluate_entry

    entry = {"id": "t1", "text": "农村饮水工程维修养护经费共需90万元，市、县按1:2承担。", "correct": False, "unit": "万元",
             "amount": "45", "level": "县", "expect": {"kind": "amount", "computed": "900000", "stated": "450000"}}
    outcome = evaluate_entry(entry)
    figures = {f[0] for f in outcome.findings}
    assert Decimal("900000") in figures and Decimal("600000") in figures   # the whole and the county's two thirds
    assert outcome.passed
    entry["amount"] = "60"   # the county's part: agrees
    assert evaluate_entry(entry).findings == ()


def test_the_finding_on_a_third_figure_names_the_whole_and_the_forms_part():
    from jixiao_desktop.checks import run_checks
    from tests.test_check_rules import department, setf, with_

    form = with_(department, setf("special_funds[1].detail.expenses[0].basis", "全年测算应发放90万元，市区各配套50%"))()
    messages = [f.message for f in run_checks(form).by_rule("prose.vs_amount")]
    assert messages and all("90" in m and "45" in m and "40" in m and "也不是分担前的全年数" in m for m in messages), messages
