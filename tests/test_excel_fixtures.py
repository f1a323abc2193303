"""Workbooks laid out as bureaus send them (tests/fixtures/excel, made by make_fixtures.py) import correctly."""

from __future__ import annotations

import pytest

from jixiao_desktop.excel import import_workbook
from jixiao_desktop.forms import Proposal
from jixiao_desktop.money import AmountUnit, format_amount, parse_amount
from tests.conftest import FIXTURES, load_example

EXCEL = FIXTURES / "excel"


def _canonical(text: str, unit: AmountUnit) -> str:
    """A plain number typed in a bureau's workbook comes back as this program writes it (160 → 160.00)."""
    parsed = parse_amount(text, unit)
    if parsed.ok and parsed.unit is None and "," not in text:
        return format_amount(parsed.value, unit)
    return text


def test_project_with_shifted_rows_and_spaced_labels():
    result = import_workbook(EXCEL / "bureau_project_shifted.xlsx")
    expected = load_example("project-2024-chenggong-eldercare")
    expected.proposal = Proposal()  # the 申报书 is not part of the bureau's workbook
    expected.signoff.date = "2023年10月12日"  # an Excel date cell
    assert result.form == expected
    assert not result.report.unrecognised
    assert any("Excel日期" in g.note for g in result.report.guesses)


@pytest.mark.parametrize("name", ["bureau_department_wanyuan_one_sheet", "bureau_department_annex_sheets"])
def test_department_with_annexes(name):
    result = import_workbook(EXCEL / f"{name}.xlsx")
    expected = load_example("department-2023-shifeng-civil-affairs")
    unit = expected.amount_unit
    for fund in expected.special_funds:
        fund.amount = _canonical(fund.amount, unit)
        d = fund.detail
        d.amount, d.parent_amount = _canonical(d.amount, unit), _canonical(d.parent_amount, unit)
        d.expenses_total = _canonical(d.expenses_total, unit)
        for line in d.expenses:
            line.amount = _canonical(line.amount, unit)
    b = expected.budget
    for key in ("general_budget", "basic", "project"):
        setattr(b, key, _canonical(getattr(b, key), unit))
    assert result.form == expected
    assert result.form.amount_unit is AmountUnit.WAN_YUAN
    assert len(result.form.special_funds) == 12
    assert not result.report.unrecognised
    # Two 附表3 carry names that differ from their 附表2 row: matched by order, and said so.
    assert sum("按顺序对应" in g.note for g in result.report.guesses) == 2


def test_shanghai_unit_with_blank_level2_continuations():
    result = import_workbook(EXCEL / "bureau_unit_shanghai.xlsx")
    assert result.form == load_example("unit-2024-minhang-ageing-center")
    assert not result.report.unrecognised
    assert any("二级指标空白" in g.note for g in result.report.guesses)
    text = result.report.text()
    assert "推断" in text and "读入的内容" in text
