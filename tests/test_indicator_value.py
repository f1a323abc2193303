from decimal import Decimal

import pytest

from jixiao_desktop.forms.indicator_value import Operator, parse_indicator_value


@pytest.mark.parametrize(
    "text, op, number, unit, spelling",
    [
        ("≥30.00(户)", Operator.GE, "30.00", "户", None),
        ("=469.00(人)", Operator.EQ, "469.00", "人", None),
        ("＝100.00（%）", Operator.EQ, "100.00", "%", None),
        ("≤25.00(家)", Operator.LE, "25.00", "家", None),
        ("≧80%", Operator.GE, "80", "%", "≧"),
        ("＞＝95%", Operator.GE, "95", "%", ">="),
        ("不低于95%", Operator.GE, "95", "%", "不低于"),
        ("27个", None, "27", "个", None),
        ("453600元", None, "453600", "元", None),
        ("5万元", None, "5", "万元", None),
        ("12万元/社区", None, "12", "万元/社区", None),
        ("100%", None, "100", "%", None),
        ("＜ 3 天", Operator.LT, "3", "天", None),
    ],
)
def test_quantitative(text, op, number, unit, spelling):
    value = parse_indicator_value(text)
    assert value.quantitative
    assert value.operator == op
    assert value.number == Decimal(number)
    assert value.unit == unit
    assert value.operator_spelling == spelling
    assert value.text == text


@pytest.mark.parametrize(
    "text",
    ["及时", "可持续", "2024年1月至2026年12月", "1-12月", "全部完成", "符合", "5—10年",
     "80-89周岁高龄补贴6900人;90-99周岁高龄补贴750人", "按月发放"],
)
def test_qualitative_keeps_text(text):
    value = parse_indicator_value(text)
    assert value.qualitative and not value.quantitative
    assert value.text == text and value.normalized() == text


def test_flags():
    assert parse_indicator_value("≥80%").is_percent
    assert parse_indicator_value("60万元").is_money
    assert parse_indicator_value("16800元/个.年").is_rate
    assert parse_indicator_value("").blank
    assert parse_indicator_value("27个").effective_operator is Operator.EQ
    assert parse_indicator_value("27个").normalized() == "＝27个"
