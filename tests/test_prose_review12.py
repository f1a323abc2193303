"""Review 12 of the prose reader's round 43 (ce2d5ec..8685785), in wordings of our own: what the new readings got wrong."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def test_a_group_named_of_its_own_carries_no_count_of_another():
    # 另聘请顾问每人每月…: the words before the first 每 name another group; its count is unsaid
    assert failures("聘用协管员12人，每人每月2,000元，全年288,000元。另聘请顾问每人每月3,000元，计36,000元。") == []
    assert failures("聘用协管员12人，每人每月2,000元，全年288,000元。另聘请专家每人次评审费800元，计4,000元。") == []
    # the same group named again still carries its count, right or wrong
    text = "聘用保洁员20人，每人每月1,500元，全年360,000元；保洁员每人配发工具费300元，计{}元。"
    assert failures(text.format("6,000")) == []
    assert found(text.format("8,000"), "6000", "8000")
    text = "全镇配备护林员32名，每人每月1,500元，全年57.6万元。另每人每月通讯补贴50元，计{}万元。"
    assert failures(text.format("1.92"), unit=W) == []
    assert found(text.format("2.92"), "19200", "29200", unit=W)


def test_a_body_named_alone_before_its_share():
    # 卫生院70万元 with no verb: its share, as 县财政140万元 (a level) is
    text = "项目总投资200万元，县财政、卫生院按7:3分担，县财政140万元，卫生院{}万元。"
    assert failures(text.format("60"), unit=W) == []
    assert found(text.format("70"), "600000", "700000", unit=W)
    text = "设备购置80万元，局本级与所属检验检测中心按4:6承担，局本级{}万元，中心{}万元。"
    assert failures(text.format("32", "48"), unit=W) == []
    assert found(text.format("36", "44"), "320000", "360000", unit=W)
    assert failures("采购设备、材料按7:3比例，设备140万元，材料60万元。", unit=W) == []


def test_money_named_with_a_use_of_its_own_is_an_item():
    text = "聘用生态护林员24名，每人每月1,200元。项目资金10万元用于购置巡护设备，合计{}万元。"
    assert failures(text.format("44.56"), unit=W) == []
    assert failures("按每户每年2,400元，全区326户，资金10万元用于宣传，合计88.24万元。", unit=W) == []
    # money named alone, or with a use and the products' value, still states them
    assert failures("聘用生态护林员24名，每人每月1,200元。补助资金34.56万元，用于发放护林员工资。", unit=W) == []
    assert found("按每户每年2,400元，全区326户，资金87.24万元。", "782400", "872400", unit=W)


def test_a_cut_by_percent_after_an_is_amount_left():
    # 按要求压减10%后…: the cut's 按 made it 10% of the amount (330万元 against 2970万元)
    text = "原计划安排3300万元，按要求压减10%后安排{}万元。"
    assert failures(text.format("2970"), unit=W) == []
    assert found(text.format("2907"), "29700000", "29070000", unit=W)
    text = "申报资金500万元，按20%比例核减后安排{}万元。"
    assert failures(text.format("400"), unit=W) == []
    assert found(text.format("410"), "4000000", "4100000", unit=W)


def test_a_chains_count_carried_over_a_semicolon():
    # 6人×…；另每人…: the standard after ； is per the people the chain counted (it was dropped: 21.6 against 21.9)
    text = "保洁员6人×3,000元×12个月；另每人配发服装费500元，合计{}万元。"
    assert failures(text.format("21.9"), unit=W) == []
    assert found(text.format("22.9"), "219000", "229000", unit=W)
    text = "保洁员6人×3,000元×12个月＝216,000元。另每人配发服装费500元，计{}元，合计219,500元。"
    assert found(text.format("3,500"), "3000", "3500")


def test_plus_terms_named_of_their_own_are_items_not_restatements():
    # as many ＋ terms as products, but each named (场地费, 资料费): items of the total, not the products again
    text = "培训教师20人每人500元，学员100人每人200元，另需场地费3,000元+资料费2,000元，共计{}元。"
    assert failures(text.format("35,000")) == []
    assert found(text.format("36,000"), "35000", "36000")
    # bare terms after 需 still restate the products one each
    text = "培训教师20人每人500元，学员100人每人200元，需10,000元+{}元，共计32,000元。"
    assert failures(text.format("20,000").replace("32,000", "30,000")) == []
    assert found(text.format("22,000"), "20000", "22000")
