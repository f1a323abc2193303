"""Every real discrepancy of the seed documents is found, by rule id and numbers.

Worked out by hand from the seed texts (see the docstring of each test)."""

from __future__ import annotations

import pytest

from jixiao_desktop.checks import Severity, run_checks
from tests.conftest import load_example

ELDERCARE = "project-2024-chenggong-eldercare"
CONTEST = "project-2020-chenggong-service-contest"
SHIFENG = "department-2023-shifeng-civil-affairs"
MINHANG = "unit-2024-minhang-ageing-center"


@pytest.fixture(scope="module")
def reports():
    return {name: run_checks(load_example(name)) for name in (ELDERCARE, CONTEST, SHIFENG, MINHANG)}


def only(report, rule, location=None):
    found = [f for f in report.findings if f.rule == rule and (location is None or f.location == location)]
    assert found, f"no {rule} at {location}: {[(f.rule, f.location) for f in report.findings]}"
    return found


# --- seed 000: 呈贡 2024 居家养老 ---------------------------------------------------------

def test_eldercare_22_centres_times_16800_is_not_453600(reports):
    (finding,) = only(reports[ELDERCARE], "prose.relation", "proposal.arrangement")
    assert "22个×16800元/个.年＝369600.00元" in finding.message
    assert "453600.00元" in finding.message and "相差84000.00元" in finding.message
    assert "27个" in finding.message  # the count that would fit


def test_eldercare_22_and_27_centres_disagree(reports):
    (finding,) = only(reports[ELDERCARE], "counts.disagree")
    assert "27个" in finding.message and "22个" in finding.message
    assert "数量指标" in finding.message and "项目概况" in finding.message
    assert finding.severity is Severity.WARNING


def test_eldercare_mid_cost_indicator_is_only_one_year(reports):
    (finding,) = only(reports[ELDERCARE], "cost.vs_budget", "indicators[3].mid.value")
    assert "453600.00元" in finding.message and "1360800.00元" in finding.message and "相差907200.00元" in finding.message


def test_eldercare_standard_typed_as_indicator_name(reports):
    names = {f.location: f.message for f in reports[ELDERCARE].by_rule("value.name_is_a_value")}
    assert "16800元/个.年" in names["indicators[1].mid.name"]
    assert "16800元/个.年" in names["indicators[1].annual.name"]  # the same text on the other side: marked too


def test_eldercare_project_period_is_not_a_period(reports):
    (finding,) = only(reports[ELDERCARE], "period.unreadable", "period")
    assert "经常性项目" in finding.message


def test_eldercare_relations_that_hold_raise_nothing(reports):
    report = reports[ELDERCARE]
    assert not report.by_rule("funding.total")          # 1360800 = 1360800; 453600 = 453600
    assert not report.by_rule("prose.vs_amount")         # 资金安排 合计 453600 = 年度总投入
    assert not report.by_rule("period.mid_vs_annual")    # 3 × 453600 = 1360800 over 2024–2026
    # 2.4万 × 7/(3+7) = 16800 and 区级承担70% = 7/10: the split holds
    assert not [f for f in report.by_rule("prose.relation") if "分担" in f.message]
    assert not report.by_rule("cost.vs_budget") or all(".mid." in f.location for f in report.by_rule("cost.vs_budget"))


def test_eldercare_blank_department_code(reports):
    only(reports[ELDERCARE], "required.blank", "department_code")


# --- seed 002: 呈贡 2020 社会服务项目大赛 --------------------------------------------------

def test_contest_benefit_rows_filed_under_output_and_satisfaction(reports):
    misplaced = {f.location: f.message for f in reports[CONTEST].by_rule("layout.level2_misplaced")}
    assert "社会效益指标" in misplaced["indicators[7].level1"] and "产出指标" in misplaced["indicators[7].level1"]
    assert "社会效益指标" in misplaced["indicators[8].level1"]
    assert "可持续影响指标" in misplaced["indicators[9].level1"] and "满意度指标" in misplaced["indicators[9].level1"]
    assert "可持续影响指标" in misplaced["indicators[10].level1"]
    assert all(f.severity is Severity.ERROR for f in reports[CONTEST].by_rule("layout.level2_misplaced"))


def test_contest_has_no_benefit_indicator_at_all(reports):
    findings = only(reports[CONTEST], "indicators.required_groups")
    assert len(findings) == 2 and all("效益指标" in f.message for f in findings)  # 中期 and 年度


def test_contest_mid_cost_targets_exceed_mid_funding(reports):
    """中期: 60万 (承办) + 40个 × 5万 (购买) + 45万 (监管) = 305万 > 300万."""
    (finding,) = only(reports[CONTEST], "cost.vs_budget")
    assert ".mid." in finding.location
    assert "3050000.00元" in finding.message and "3000000.00元" in finding.message and "相差50000.00元" in finding.message


def test_contest_annual_cost_targets_add_up(reports):
    """年度: 20万 + 13个 × 5万 + 15万 = 100万 = 年度总投入: no finding."""
    assert not [f for f in reports[CONTEST].by_rule("cost.vs_budget") if ".annual." in f.location]


def test_contest_mid_three_times_annual_over_one_year(reports):
    (finding,) = only(reports[CONTEST], "period.mid_vs_annual", "funding.mid.total")
    assert "12个月" in finding.message and "3倍" in finding.message


def test_contest_money_in_quality_indicator(reports):
    locations = {f.location for f in reports[CONTEST].by_rule("value.money_outside_cost")}
    assert locations == {"indicators[3].mid.value", "indicators[3].annual.value"}


def test_contest_amounts_typed_in_wan_under_yuan_header(reports):
    locations = {f.location for f in reports[CONTEST].by_rule("amount.unit_differs")}
    assert locations == {"funding.mid.total", "funding.mid.county", "funding.annual.total", "funding.annual.county"}
    assert not reports[CONTEST].by_rule("funding.total")  # 300万 = 300万 once read in 元


def test_contest_arrangement_adds_up(reports):
    assert not reports[CONTEST].by_rule("arrangement.total")       # 20 + 65 + 15 = 100万
    assert not reports[CONTEST].by_rule("arrangement.vs_funding")  # = 年度 100万


def test_contest_date_as_timeliness_name(reports):
    found = only(reports[CONTEST], "value.name_is_a_value")
    assert {f.location.split(".")[1] for f in found} == {"mid", "annual"}   # typed on both sides: both marked
    assert all("2020年11月底" in f.message for f in found)


# --- seed 003: 石峰区 2023 部门整体 + 附表 ------------------------------------------------

def prose(reports, fund_index, rule="prose.vs_amount"):
    location = f"special_funds[{fund_index}].detail.expenses[0].basis"
    (finding,) = only(reports[SHIFENG], rule, location)
    return finding.message


def test_shifeng_elderly_allowance_half_of_504_is_252_not_245(reports):
    message = prose(reports, 2)
    assert "504万元" in message and "252.00万元" in message and "245.00万元" in message and "相差7.00万元" in message


def test_shifeng_disability_half_of_306_is_153_not_160(reports):
    message = prose(reports, 1)
    assert "306万元" in message and "153.00万元" in message and "160.00万元" in message and "相差7.00万元" in message


def test_shifeng_elderly_services_items_add_to_414_8_not_90(reports):
    message = prose(reports, 5)
    assert "414.80万元" in message and "90.00万元" in message and "相差324.80万元" in message


def test_shifeng_hardship_items_add_to_20_08_not_30_08(reports):
    """360人 × 280元 + 50人 × 1000元 + 5万 = 20.08万 (the 360 comes from its 数量指标)."""
    message = prose(reports, 7)
    assert "360人×280元/人/年" in message and "20.08万元" in message and "相差10.00万元" in message


def test_shifeng_relief_items_add_to_135_57_not_174_57(reports):
    message = prose(reports, 9)
    assert "135.57万元" in message and "174.57万元" in message and "相差39.00万元" in message


def test_shifeng_retirees_listed_items_fall_short_of_14_87(reports):
    message = prose(reports, 0, "prose.relation")
    assert "99935.52元＋8843.04元＋7800元" in message and "14.87万元" in message and "可能未列全" in message


def test_shifeng_disability_total_is_not_what_its_indicators_give(reports):
    """(2100 + 1000)人 × 100元/人/月 × 12 = 372万, but the text says 380万 (its only amount of its own)."""
    (finding,) = only(reports[SHIFENG], "prose.relation", "special_funds[1].detail.expenses[0].basis")
    assert "2100人×100元/月/人×12个月" in finding.message and "372.00万元" in finding.message
    assert "380.00万元" in finding.message and "相差8.00万元" in finding.message


def test_shifeng_purchase_contract_whole_vs_district_share(reports):
    message = prose(reports, 11)
    assert "13.65万元" in message and "6.825万元" in message


def test_shifeng_measured_60_approved_10_is_a_hint(reports):
    findings = only(reports[SHIFENG], "prose.relation", "special_funds[4].detail.expenses[0].basis")
    assert findings[0].severity is Severity.HINT and "60.00万元" in findings[0].message


def test_shifeng_names_disagree_between_annex2_and_annex3(reports):
    findings = {f.location: f.message for f in reports[SHIFENG].by_rule("annex3.name")}
    assert set(findings) == {"special_funds[4].detail.name", "special_funds[9].detail.name"}
    assert "特困供养人员兜底保障经费" in findings["special_funds[4].detail.name"]
    assert "经开区-民政救助资金" in findings["special_funds[9].detail.name"]


def test_shifeng_satisfaction_filed_under_benefit_on_every_table(reports):
    locations = {f.location for f in reports[SHIFENG].by_rule("layout.level2_misplaced")}
    assert "indicators[8].level1" in locations
    assert sum(1 for loc in locations if loc.startswith("special_funds[")) == 12


def test_shifeng_duplicate_indicator_text(reports):
    (finding,) = only(reports[SHIFENG], "indicators.duplicate_name")
    assert finding.location == "indicators[7].annual.name"


def test_shifeng_totals_that_hold(reports):
    report = reports[SHIFENG]
    for rule in ("budget.by_nature", "budget.by_income", "annex2.total", "annex2.vs_project_spending",
                 "annex3.amount", "annex3.expenses_total", "cost.vs_budget"):
        assert not report.by_rule(rule), rule
    # 社区惠民 33 × 12万 = 396万; 困难群众 1800万 × 20% = 360万; 民政事务 52.38 + 45.23 = 97.61
    assert not [f for f in report.findings if f.location.startswith(("special_funds[8].detail.exp",
                                                                    "special_funds[3].detail.exp",
                                                                    "special_funds[10].detail.exp"))]


def test_shifeng_nonstandard_operator_is_a_hint(reports):
    findings = reports[SHIFENG].by_rule("value.operator_spelling")
    assert len(findings) == 13 and all(f.severity is Severity.HINT for f in findings)


# --- seed 004: 闵行 2024 单位整体 ---------------------------------------------------------

def test_minhang_budget_adds_up_and_staff_count_missing(reports):
    report = reports[MINHANG]
    assert not report.by_rule("budget.by_nature") and not report.by_rule("budget.by_income")
    only(report, "required.blank", "staff_count")


def test_minhang_quantity_with_at_most(reports):
    (finding,) = only(reports[MINHANG], "value.operator_direction")
    assert "社区养老设施增加数量" in finding.message and finding.severity is Severity.HINT


def test_minhang_has_no_errors(reports):
    assert not reports[MINHANG].has_errors


def test_seed_error_counts(reports):
    """More than ten real discrepancies across seeds 000, 002 and 003."""
    real = [f for name in (ELDERCARE, CONTEST, SHIFENG) for f in reports[name].findings
            if f.severity is not Severity.HINT]
    assert len(real) > 10


def test_unit_form_speaks_of_its_unit():
    from jixiao_desktop.forms.templates import new_unit

    messages = [f.message for f in run_checks(new_unit("2025")).by_rule("required.blank")]
    assert "单位名称未填写" in messages and "单位职责未填写" in messages
    assert not any("部门" in m for m in messages)


def test_shifeng_retirees_expense_says_2022_in_a_2023_form(reports):
    (finding,) = only(reports[SHIFENG], "period.other_year")
    assert finding.location == "special_funds[0].detail.expenses[0].summary"
    assert "2022年" in finding.message and "2023年度" in finding.message


# --- what a reviewer returns (issue 15) ----------------------------------------------------------

def test_eldercare_annual_goal_speaks_of_2022_in_a_2024_form(reports):
    (finding,) = only(reports[ELDERCARE], "period.other_year_text", "goals.annual")
    assert "2022年" in finding.message and "2024年度" in finding.message


def test_eldercare_sustainability_value_cannot_be_measured(reports):
    found = only(reports[ELDERCARE], "value.vague")
    assert {f.location for f in found} == {"indicators[6].mid.value", "indicators[6].annual.value"}
    assert all("可持续" in f.message for f in found)


def test_shifeng_two_subsidies_in_one_value(reports):
    (finding,) = only(reports[SHIFENG], "value.several_quantities", "special_funds[1].detail.indicators[0].annual.value")
    assert "重度护理补贴2100人" in finding.message and "困难生活补贴1000人" in finding.message


def test_shifeng_vague_values(reports):
    locations = {f.location for f in reports[SHIFENG].by_rule("value.vague")}
    assert "special_funds[2].detail.indicators[5].annual.value" in locations   # 进一步提高
    assert "special_funds[2].detail.indicators[7].annual.value" in locations   # 持续推进
