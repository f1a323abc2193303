"""Faults the fresh corpus blind27 showed on first sight (session 7), written again in wordings of our own, each once
right (nothing may be flagged) and once with one mistake (found with the right numbers):

- ①②③ are list markers: folded like full-width characters they became the digits 1, 2, 3 and were read into the
  amounts after them (①721.92万元 as 1721.92万元);
- 月报酬 / 月基本报酬 / 月津贴 is a standard per person and month, as 月工资 already was;
- items the text works out with no total after them: the form's amount may carry their sum."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose.corpus import evaluate_entry
from jixiao_desktop.prose.reader import read


def _fails(text: str, unit: AmountUnit = AmountUnit.WAN_YUAN):
    read.cache_clear()
    return [(s.computed, s.stated) for s in read(text, "县", (), unit).failures()]


def _entry(text: str, amount: str, correct: bool = True) -> list:
    outcome = evaluate_entry({"id": "t", "text": text, "correct": correct, "unit": "万元", "amount": amount, "level": "县"})
    return [(computed, stated) for computed, stated, _what in outcome.findings]


def test_circled_numbers_mark_items_not_digits():
    right = "①购置电脑20台，每台5,000元，计10万元；②购置打印机10台，每台2,000元，计2万元；③网络改造3万元。合计15万元。"
    assert _fails(right) == []
    wrong = "①购置电脑20台，每台5,000元，计10万元；②购置打印机10台，每台2,000元，计2万元；③网络改造3万元。合计16万元。"
    assert _fails(wrong) == [(Decimal("150000"), Decimal("160000"))]
    assert _fails("三项经费为：①12万元；②8.5万元；③4万元，合计24.5万元。") == []
    assert _fails("三项经费为：①12万元；②8.5万元；③4万元，合计25.4万元。") == [(Decimal("245000"), Decimal("254000"))]


def test_monthly_pay_words_are_a_standard_per_person_and_month():
    assert _fails("护林员60人，月基本报酬1,500元，全年108万元。") == []
    assert _fails("护林员60人，月基本报酬1,500元，全年118万元。") == [(Decimal("1080000.00"), Decimal("1180000"))]
    assert _fails("驻村队员12人，月津贴800元，全年11.52万元。") == []
    assert _fails("驻村队员12人，月津贴800元，全年15.52万元。") == [(Decimal("115200.00"), Decimal("155200"))]
    assert _fails("聘用协管员30人，月报酬2,400元，全年86.4万元。") == []


def test_the_amount_may_carry_the_sum_of_items_with_no_total():
    text = "图书室18个，每个每年0.5万元，计9万元；管理员18名，每人每月300元，计6.48万元。"
    assert _entry(text, "15.48") == []
    assert _entry(text, "6.48") == []          # (the last item alone, as the reader's bottom line)
    assert _entry(text, "16.48", correct=False) != []


def test_a_wan_yuan_figure_with_thousands_agrees_to_the_decimals_it_writes():
    # 401,235 × 36 = 14,444,460 元 = 1,444.446万元: written to two decimals of 万元 it is 1,444.45 (its comma once hid them)
    assert _fails("参保人数401,235人，每人每年36元，需1,444.45万元。") == []
    assert _fails("参保人数401,235人，每人每年36元，需1444.45万元。") == []
    assert _fails("参保人数401,235人，每人每年36元，需1,444.54万元。") == [(Decimal("14444460.00"), Decimal("14445400"))]
