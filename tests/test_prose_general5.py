"""General faults found with blind8 and blind7's misses, each in wordings of our own (not the corpora's):
tables pasted as text (a header naming the columns' units, rows, a 合计/小计/总计 line), a start month alone
(自…月起 … 当年), a remainder after amounts already paid or taken off (已…结转/预拨, 除…外, 扣除…后, also
before a split of the rest), and an approximate bottom line (约…) against the form's exact amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import read
from jixiao_desktop.prose.backing import amount_disagrees
from tests.prose_cases import pairs as _failures

WAN = AmountUnit.WAN_YUAN


# -- tables pasted as text ------------------------------------------------------------------------------
_TABLE_RIGHT = [
    # tabs, bare cells, the units in the header
    "2025年乡镇文化站免费开放补助\n站点\t个数\t每个补助（万元）\t金额（万元）\n中心站\t2\t8\t16\n一般站\t9\t2.5\t22.5\n合计\t11\t\t38.5",
    # blanks, cells with their own units, a 规格 column with digits of its own
    "办公设备购置\n名称 规格 数量 单价 金额\n台式电脑 i5/16G 20台 4,800元 96,000元\n激光打印机 A4 6台 1,500元 9,000元\n合计 105,000元",
    # | separated, a 小计 line, the months a column of their own
    "项目 | 人数 | 月标准(元) | 月数 | 金额(元)\n护林员 | 15 | 1,800 | 12 | 324,000\n巡查员 | 4 | 2,200 | 12 | 105,600\n小计 | 19 | | | 429,600",
]


@pytest.mark.parametrize("text", _TABLE_RIGHT)
def test_a_correct_table_raises_nothing(text):
    assert _failures(text) == []


def test_a_table_total_that_is_not_the_rows_sum_is_found_with_both_numbers():
    text = ("村级公益岗位补贴\n村名\t岗位数\t金额（元）\n上坪村\t5\t36,000\n下坪村\t3\t21,600\n中坪村\t4\t28,800\n"
            "合计\t12\t96,400")
    assert (Decimal("86400.00"), Decimal("96400")) in _failures(text)
    assert read(text).bottom_line == Decimal("96400")


def test_a_row_whose_amount_is_not_its_quantity_times_price_is_found():
    text = "类别\t场次\t每场补助（万元）\t金额（万元）\n送戏下乡\t40\t0.8\t32\n电影放映\t300\t0.02\t7\n合计\t340\t\t39"
    assert (Decimal("60000.00"), Decimal("70000")) in _failures(text, WAN)


def test_a_table_in_the_forms_unit_is_its_amount():
    text = "项目\t人数\t标准（元）\t金额（元）\n助学金\t100\t1,500\t150,000\n免学费\t80\t2,000\t160,000\n合计\t\t\t310,000"
    reading = read(text, "县", (), WAN)
    assert reading.failures() == [] and reading.bottom_line == Decimal("310000")
    assert not amount_disagrees(reading, text, Decimal("310000"))


# -- a start month alone --------------------------------------------------------------------------------
def test_a_start_month_alone_runs_to_the_years_end():
    right = "自2025年9月起，新招聘社区网格员60名，每人每月2,000元，当年需资金48万元。"
    assert _failures(right) == []
    wrong = "从2025年4月份起，为新增的公益性岗位25人每人每月发放补贴1,200元，当年需资金36万元。"
    assert (Decimal("270000.00"), Decimal("360000")) in _failures(wrong)


def test_a_start_month_of_an_earlier_year_does_not_shorten_a_later_years_months():
    text = "该标准自2024年7月起执行，2025年保障对象100人，每人每月500元，全年需60万元。"
    assert _failures(text) == []


# -- remainders after amounts paid or taken off -----------------------------------------------------------
def test_a_remainder_after_an_amount_already_paid():
    right = "物业服务合同年金额480万元，已在2024年预付第一季度120万元，剩余360万元列入2025年预算。"
    assert _failures(right) == []
    wrong = "年度保洁费用需求900万元，已由上年结转资金安排150万元，剩余部分770万元列入本年预算。"
    assert (Decimal("7500000"), Decimal("7700000")) in _failures(wrong)


def test_the_rest_after_an_amount_taken_off_is_what_a_split_shares():
    right = "修建文化广场共需260万元，扣除省级奖补100万元后，其余由县、乡按7:3承担，乡镇承担48万元。"
    assert _failures(right, level="乡") == []
    wrong = "改造供水管网共需150万元，除中央补助70万元外，剩余资金由县、镇按1:1承担，镇级承担45万元。"
    assert (Decimal("400000.00"), Decimal("450000")) in _failures(wrong, level="镇")


# -- an approximate bottom line --------------------------------------------------------------------------
def test_an_approximate_bottom_line_agrees_with_the_exact_amount_within_its_digits():
    text = "全县村级便民服务站186个，每个每年补助4,700元，约87.4万元。"
    reading = read(text, "县", (), WAN)
    assert reading.failures() == []
    assert not amount_disagrees(reading, text, Decimal("874200"))
    assert amount_disagrees(reading, text, Decimal("884200"))   # off by 1万元: more than the digits written allow
