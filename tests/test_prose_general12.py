"""Session 12's general readings of calculation prose, each in wordings of its own (not the corpora's)."""

from __future__ import annotations

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
