"""Malformed documents never make the engine raise, and no rule fails inside."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao_desktop.checks import run_checks
from jixiao_desktop.checks.engine import INTERNAL_RULE
from jixiao_desktop.prose import lex, read
from jixiao_desktop.forms import DepartmentForm, Indicator, IndicatorRow, ProjectForm, SpecialFund
from jixiao_desktop.forms.locations import exists
from jixiao_desktop.money import AmountUnit
from tests.strategies import forms


def assert_clean(form):
    report = run_checks(form)
    assert not report.by_rule(INTERNAL_RULE), [f.message for f in report.by_rule(INTERNAL_RULE)]
    for finding in report.findings:
        assert finding.message
        assert finding.location == "" or exists(form, finding.location), finding.location


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms)
def test_random_documents(form):
    assert_clean(form)


PROSE = st.text(st.sampled_from(list("0123456789.,，。；:：%万元个人月年/共计合计其余的按市区省各配套承担约多实际批复每")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(PROSE)
def test_random_prose(text):
    lex(text)
    read(text, "县", (), AmountUnit.WAN_YUAN)


def test_hand_made_malformed_documents():
    odd_values = ["", " ", "≥", "≥%", "=-5%", "1e9", "999999999999999999999元", "0%", "∞", "100000000000000个",
                  "45657", "1:0", "0:0", "市、区按0:0承担，共计5万元", "NaN", "-0", "１２３４５６７８９０万元"]
    project = ProjectForm(year="abcd", period="9999年13月-1年0月")
    for text in odd_values:
        project.indicators.append(IndicatorRow(level1=text, annual=Indicator(level2=text, name=text, value=text)))
        project.funding.annual.total = text
        project.overview = text
        project.proposal.arrangement = text * 3
        assert_clean(project)
    project.indicators.append(IndicatorRow(level1="产出指标", mid=None, annual=Indicator(level2="时效指标", value="2024年")))
    assert_clean(project)
    dept = DepartmentForm(kind="department", amount_unit=AmountUnit.WAN_YUAN)
    dept.special_funds = [SpecialFund(name=t, amount=t) for t in odd_values]
    dept.special_funds_total = "0:0"
    assert_clean(dept)
