"""Rounding: a sum off its stated total by no more than rounding explains is a 提示, a real gap an 错误."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao_desktop.checks import Severity, run_checks
from jixiao_desktop.checks.rounding import last_digit, rounding_note, rounding_slack
from jixiao_desktop.money import AmountUnit
from jixiao_desktop.templates import load_text
from jixiao_desktop.templates.document import new_document
from tests.test_check_rules import department, project

WAN = AmountUnit.WAN_YUAN


def _found(form, rule_id):
    return [f for f in run_checks(form).findings if f.rule == rule_id]


@pytest.mark.parametrize(("text", "unit", "digit"), [
    ("12.35", WAN, Decimal("100")), ("12.3", WAN, Decimal("1000")), ("12", WAN, None), ("12.35万元", AmountUnit.YUAN,
    Decimal("100")), ("453600.00", AmountUnit.YUAN, Decimal("0.01")), ("", WAN, None), ("约十万", WAN, None),
    ("１２．３５", WAN, Decimal("100")), ("1,234.5", WAN, Decimal("1000")),
])
def test_the_last_digit_written(text, unit, digit):
    assert last_digit(text, unit) == digit


def test_the_slack_is_n_plus_one_half_digits_of_the_finest_place():
    assert rounding_slack(["10.00", "3.33", "3.33", "3.33"], 3, WAN) == Decimal("200")   # 4 × 0.005万
    assert rounding_slack(["10", "3.3", "3.33", "3"], 3, WAN) == Decimal("200")          # the finest place
    assert rounding_slack(["10", "3", "3", "4"], 3, WAN) == 0                            # whole: exact
    assert rounding_note(Decimal(0), ["1.00", "1.00"], 1, WAN) == ""


def _funding(total, parts, unit=WAN):
    form = project(amount_unit=unit)
    row = form.funding.annual
    row.total, row.county, row.city, row.provincial = total, *parts
    form.funding.mid.total, form.funding.mid.county = "300", "300"
    return form


@pytest.mark.parametrize(("total", "parts", "severity"), [
    ("10.00", ("3.33", "3.33", "3.33"), Severity.HINT),       # 0.01万: rounding
    ("10.01", ("3.34", "3.34", "3.34"), Severity.HINT),       # 0.01万 the other way
    ("10.00", ("3.34", "3.34", "3.34"), Severity.HINT),       # 0.02万 = 4 × 0.005万
    ("10.00", ("3.33", "3.33", "3.31"), Severity.ERROR),      # 0.03万: more than rounding explains
    ("10.0", ("3.3", "3.3", "3.3"), Severity.HINT),           # 0.1万 to one decimal: up to 4 × 0.05万
    ("10.0", ("3.3", "3.2", "3.2"), Severity.ERROR),          # 0.3万
    ("10.00", ("3.3", "3.3", "3.3"), Severity.ERROR),         # the total to the 0.01万: the finest place counts
    ("10", ("3", "3", "3"), Severity.ERROR),                  # whole amounts are exact
    ("100.5", ("50", "50", ""), Severity.ERROR),              # 0.5万 with only one decimal written: over 3 × 0.05
])
def test_funding_total(total, parts, severity):
    hits = _found(_funding(total, parts), "funding.total")
    assert [h.severity for h in hits] == [severity]
    if severity is Severity.HINT:
        assert "尾差" in hits[0].message and "相差" in hits[0].message


def test_a_correct_form_of_rounded_lines_is_hinted_not_wrong():
    form = _funding("10.00", ("3.33", "3.33", "3.33"))
    assert not [f for f in run_checks(form).findings if f.severity is Severity.ERROR]


def test_a_yuan_form_to_the_fen():
    form = _funding("100000.00", ("33333.33", "33333.33", "33333.33"), AmountUnit.YUAN)   # a third each: 尾差
    assert [h.severity for h in _found(form, "funding.total")] == [Severity.HINT]
    form = _funding("100000.00", ("33333.30", "33333.30", "33333.30"), AmountUnit.YUAN)
    assert [h.severity for h in _found(form, "funding.total")] == [Severity.ERROR]
    form = _funding("100000", ("33333", "33333", "33333"), AmountUnit.YUAN)
    assert [h.severity for h in _found(form, "funding.total")] == [Severity.ERROR]


@pytest.mark.parametrize(("rule_id", "changes", "severity"), [
    ("budget.by_nature", {"budget.total": "150.00", "budget.basic": "50.01", "budget.project": "99.98",
                          "budget.general_budget": "150.00"}, Severity.HINT),
    ("budget.by_nature", {"budget.total": "150.00", "budget.basic": "50.10", "budget.project": "99.98",
                          "budget.general_budget": "150.00"}, Severity.ERROR),
    ("budget.by_income", {"budget.total": "150.00", "budget.general_budget": "149.99"}, Severity.HINT),
    ("budget.by_income", {"budget.total": "150", "budget.general_budget": "149"}, Severity.ERROR),
    ("annex2.total", {"special_funds_total": "100.01", "special_funds[0].amount": "60.00"}, Severity.HINT),
    ("annex2.total", {"special_funds_total": "100.5"}, Severity.ERROR),
    ("annex3.expenses_total", {"special_funds[0].detail.expenses_total": "60.01"}, Severity.HINT),
    ("annex3.expenses_total", {"special_funds[0].detail.expenses_total": "59"}, Severity.ERROR),
])
def test_department_sums(rule_id, changes, severity):
    hits = [h for h in _found(department(**changes), rule_id) if "项目金额" not in h.message]
    assert [h.severity for h in hits] == [severity]


def test_arrangement_total():
    from jixiao_desktop.forms import FundingItem

    form = project(amount_unit=WAN)
    form.proposal.arrangement_items = [FundingItem(name=n, amount=a) for n, a in
                                       (("甲", "3.33"), ("乙", "3.33"), ("丙", "3.33"))]
    form.proposal.arrangement_total = "10.00"
    assert [h.severity for h in _found(form, "arrangement.total")] == [Severity.HINT]
    form.proposal.arrangement_total = "10.50"
    assert [h.severity for h in _found(form, "arrangement.total")] == [Severity.ERROR]


SUMS = """
[template]
id = "sums-test"
version = 1
name = "合计测试表"
kind = "project"
unit = "万元"

[[section]]
type = "amounts"
id = "uses"
label = "资金用途"
growable = true
columns = [{ id = "name", label = "用途", type = "text" }, { id = "amount", label = "金额" }]

[[section]]
type = "fields"
id = "head"
field = [{ id = "total", label = "合计", type = "amount" }, { id = "people", label = "人数", type = "count" },
         { id = "men", label = "男", type = "count" }, { id = "women", label = "女", type = "count" }]

[[relation]]
id = "sum"
formula = "total = sum(uses.*.amount)"
level = "错误"

[[relation]]
id = "count"
formula = "people = men + women"
level = "错误"
"""


@pytest.mark.parametrize(("total", "amounts", "severity"), [
    ("10.00", ("3.33", "3.33", "3.33"), Severity.HINT), ("10.00", ("3.30", "3.30", "3.30"), Severity.ERROR),
    ("10", ("3", "3", "3"), Severity.ERROR), ("9.99", ("3.33", "3.33", "3.33"), None),
])
def test_a_template_sum_without_a_tolerance_of_its_own(total, amounts, severity):
    form = new_document(load_text(SUMS, "sums"), year="2025")
    form.content.tables["uses"] = [{"name": str(i), "amount": a} for i, a in enumerate(amounts)]
    form.content.fields.update(total=total, people="10.0", men="5.0", women="5.0")
    hits = [f for f in _found(form, "template.relation") if "sum" in f.message]
    assert [h.severity for h in hits] == ([severity] if severity else [])


def test_a_template_sum_of_counts_is_not_money_rounding():
    form = new_document(load_text(SUMS, "sums"), year="2025")
    form.content.fields.update(people="10.1", men="5.0", women="5.0")
    hits = [f for f in _found(form, "template.relation") if "count" in f.message]
    assert [h.severity for h in hits] == [Severity.ERROR] and "尾差" not in hits[0].message
