"""Review 10 of round 35–37's prose readings, in wordings of our own: the mistakes and false alarms a clerk would meet
where those readings fell short."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def test_a_count_after_things_named_before_ge_left_single_is_a_mistake():
    # the re-reading of a failing product took the count as written (one place's) and explained the mistake away
    text = "甲村、乙村各配备保洁员3名，每人每月1,500元，全年{}元。"
    assert failures(text.format("108,000")) == []
    assert found(text.format("54,000"), "108000", "54000")
    text = "城区、乡镇各安排培训2期，每期培训费8,000元，共{}元。"
    assert failures(text.format("32,000")) == []
    assert found(text.format("16,000"), "32000", "16000")
    text = "县医院、中医院各选派医生2名，每人每月补助3,000元，按6个月计，共{}元。"
    assert failures(text.format("72,000")) == []
    assert found(text.format("36,000"), "72000", "36000")
    text = "清明、国庆各开展一次宣传活动，每次3,000元，计{}元。"
    assert failures(text.format("6,000")) == []
    assert found(text.format("3,000"), "6000", "3000")
    # no names before 各: the count is as written
    assert failures("各村配备保洁员3名，每人每月1,500元，全年54,000元。") == []
