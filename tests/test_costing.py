"""测算: exact amounts and the generated 测算说明 text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao_desktop.forms import CostLine
from jixiao_desktop.forms.costing import (
    compute,
    explain,
    explain_all,
    parse_number,
    parse_share_input,
    parse_split,
    share_label,
    split_levels,
    total,
)
from jixiao_desktop.money import AmountUnit

YUAN, WAN = AmountUnit.YUAN, AmountUnit.WAN_YUAN


def eldercare_line(**changes) -> CostLine:
    data = dict(
        item="社区居家养老服务中心运营补助",
        quantity="27",
        quantity_unit="个",
        standard="2.4万元",
        standard_unit="个·年",
        periods="1",
        period_unit="年",
        split="3:7",
        split_levels="市:区",
        share_index=1,
    )
    data.update(changes)
    return CostLine(**data)


def test_seed_000_share_of_the_whole():
    result = compute(eldercare_line(), YUAN)
    assert result.value == Decimal("453600.00")
    assert result.share == (7, 10)


def test_explanation_names_every_factor():
    text = explain(eldercare_line(), YUAN)
    assert text == (
        "社区居家养老服务中心运营补助：27个 × 2.4万元/个·年 × 1年 × 7/10"
        "（市:区=3:7，区级承担7/10） = 453600.00元"
    )


def test_amounts_in_wan_yuan_and_full_width_input():
    line = CostLine(item="慰问", quantity="５０", quantity_unit="人", standard="0.1", split="1：1", share_index=0)
    assert compute(line, WAN).value == Decimal("25000.00")
    assert explain(line, WAN).endswith("５０人 × 0.1万元 × 1/2（分担比例1：1） = 2.50万元")


def test_rounds_once_to_the_fen():
    line = CostLine(quantity="1", standard="100", split="1:1:1", share_index=0)
    assert compute(line, YUAN).value == Decimal("33.33")
    line = CostLine(quantity="3", standard="0.333", periods="12")
    assert compute(line, YUAN).error  # 0.333元 is below the 分
    line = CostLine(quantity="3", standard="16800元/个.年", periods="12")
    assert compute(line, WAN).value == Decimal("604800.00")


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"quantity": "若干"}, "数量"),
        ({"standard": "两万"}, "不是金额"),
        ({"periods": "全年"}, "期数"),
        ({"split": "三七开"}, "分担比例"),
        ({"share_index": None}, "哪一部分"),
        ({"share_index": 4}, "只有2部分"),
    ],
)
def test_unreadable_parts_are_reported_not_zero(changes, message):
    result = compute(eldercare_line(**changes), YUAN)
    assert result.value is None
    assert message in result.error
    assert "无法计算" in explain(eldercare_line(**changes), YUAN)


def test_blank_line_is_quiet():
    assert compute(CostLine(), YUAN).value is None
    assert compute(CostLine(), YUAN).error is None
    assert explain(CostLine(), YUAN) == ""
    assert explain_all([CostLine()], YUAN) == ""


def test_parsers():
    assert parse_number("1,200 人") == (Decimal("1200"), "人")
    assert parse_number("abc") == (None, "")
    assert parse_split("5:3:2") == [5, 3, 2]
    assert parse_split("1比1") == [1, 1]
    assert parse_split("0:0") is None
    assert split_levels("省市区") == ["省", "市", "区"]
    assert split_levels("市、区") == ["市", "区"]


def test_share_input_by_name_or_number():
    line = eldercare_line()
    assert share_label(line) == "区"
    assert parse_share_input("区级", line) == 1
    assert parse_share_input("1", line) == 0
    assert parse_share_input("", line) is None
    with pytest.raises(ValueError, match="市、区"):
        parse_share_input("省", line)


def test_explain_all_adds_a_total():
    lines = [eldercare_line(), CostLine(item="评估费", quantity="1", standard="5000")]
    assert total(lines, YUAN) == Decimal("458600.00")
    text = explain_all(lines, YUAN)
    assert text.splitlines()[0].startswith("1. 社区居家养老服务中心运营补助")
    assert text.splitlines()[-1] == "合计：458600.00元。"
