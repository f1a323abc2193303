"""Arithmetic written out in a scoring table (selfeval/written.py): re-done in many wordings, right ones left
alone, and what is not an equation (dates, ranges, ratios, fractions without =) never read as one."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao_desktop.selfeval.written import equations

RIGHT = [
    "4523/10000=45.23%",
    "474÷900×100%=52.67%",
    "474/900 = 52.67%",
    "(8+7)×0.5=7.5分",
    "(8+7)×0.5=8分",                   # 7.5 to a whole point, half up
    "（8＋7）×0.5＝7.5分",
    "１２/１５＝80％",
    "1,200/1,500=80%",
    "得分=完成数/目标数×分值=45/50×2=1.8分",
    "23/25*0.5=0.46分",
    "23/25x0.5=0.46",
    "1/3=0.33",
    "2/3=0.66",                        # cut off, not rounded: the habit of some scorers
    "2/3=66.7%",
    "474/900=0.5267=52.67%",
    "12-3=9",
    "10-2×1.5=7分",
    "满意度95.6%，95.6%/90%×5=5.31，超过分值按5分计",
    "完成率=23.65/35=67.57%；67.57%×3=2.03",
]
WRONG = [
    ("23/25×0.5=0.42", "0.46", "0.42"),
    ("4523/10000=42.53%", "45.23", "42.53"),
    ("45/50×2=1.6分", "1.8", "1.6"),
    ("完成12处，12/15×100%=75%", "80", "75"),
    ("1/3=0.34", "0.33", "0.34"),
    ("474÷900×100%=53.67%", "52.67", "53.67"),
]
NOT_EQUATIONS = [
    "2022/12/31前完成",
    "市、区按3:7分担",
    "36/25，得0.5",
    "80-89周岁老人",
    "2022-2023=1",
    "评价时段2022年1-12月",
    "文号〔2022〕13号",
    "完成率100%",
    "a=5",
    "",
]


@pytest.mark.parametrize("text", RIGHT)
def test_right_working_is_left_alone(text):
    found = equations(text)
    assert found, text
    assert all(eq.agrees for eq in found), [(eq.text, eq.rounded) for eq in found]


@pytest.mark.parametrize("text, computed, stated", WRONG)
def test_wrong_working_is_redone(text, computed, stated):
    found = [eq for eq in equations(text) if not eq.agrees]
    assert len(found) == 1
    assert found[0].rounded == D(computed) and found[0].stated == D(stated)


@pytest.mark.parametrize("text", NOT_EQUATIONS)
def test_what_is_not_an_equation_is_not_read(text):
    assert not [eq for eq in equations(text) if not eq.agrees]


def test_a_result_the_text_rounded_earlier_makes_a_rounding_gap_not_a_mistake():
    eq = equations("23.64/35=68%；68%×3=2.03")[-1]
    assert not eq.agrees and eq.rounding_gap and eq.rounded == D("2.04")
    plain_wrong = equations("23.64/35=68%；68%×3=1.98")[-1]
    assert not plain_wrong.agrees and not plain_wrong.rounding_gap


def test_hostile_texts_never_raise():
    for text in ["1/0=5", "((1+2)=3", "1++2=3", "=====", "1/" * 500 + "1=1", "9" * 400 + "/3=1", "%=%", "1e5/1=1"]:
        equations(text)
