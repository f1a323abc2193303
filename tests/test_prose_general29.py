"""Round 29's general fixes of the prose reader (false alarms of its own steps), in wordings of our own (not the
corpora's): each cause written again differently, once right (nothing may be flagged) and once wrong (the mistake
still found)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures

W = AmountUnit.WAN_YUAN


def test_a_percentage_of_the_results_of_the_items_before_it():
    text = ("社区服务中心改造测算：1、外墙保温改造1项，造价220万元；2、电梯2部，每部45万元，合计90万元；"
            "3、消防系统更新1套，40万元；4、工程监理：按改造工程费的2%计，约{}万元。")
    assert failures(text.format("7"), unit=W) == []
    assert failures(text.format("8"), unit=W)
    text = ("文体活动经费：一、场地租赁：12万元；二、器材购置：球类30套×每套0.2万元＝6万元；三、奖品：2万元；"
            "四、应急备用：按一至三项之和的10%计，为{}万元。")
    assert failures(text.format("2"), unit=W) == []
    assert failures(text.format("2.6"), unit=W)


def test_a_count_stated_in_all_after_the_places_holding_it():
    text = ("托养机构运营补贴：4所，每所按托养人数每人每月300元补贴，共托养60人，全年{}万元。")
    assert failures(text.format("21.6"), unit=W) == []
    assert failures(text.format("23.6"), unit=W)


def test_results_listed_after_their_products():
    text = ("营养改善补助：城区学生2,400人×800元、乡村学生1,600人×900元，计192万元+{}万元＝{}万元。")
    assert failures(text.format("144", "336"), unit=W) == []
    assert failures(text.format("154", "346"), unit=W)


def test_money_added_by_a_raised_standard_is_of_the_difference():
    text = ("高龄津贴提标：津贴标准由每人每月100元提高至120元，全镇享受老人2,500人，全年新增资金{}万元。")
    assert failures(text.format("60"), unit=W) == []
    assert failures(text.format("66"), unit=W)
    text = ("护林员补助提标：补助标准从每人每年6,000元提高到8,000元，护林员150人，新增资金{}万元。")
    assert failures(text.format("30"), unit=W) == []
