"""Each rule: one form that passes it and one that fails it.

``CASES[rule] = (make_passing, make_failing)``; a test makes sure every rule of the
catalogue has a case here.
"""

from __future__ import annotations

import pytest

from jixiao_desktop.checks import RULES, run_checks
from jixiao_desktop.forms import (
    DepartmentForm,
    ExpenseLine,
    FundDetail,
    FundingItem,
    Indicator,
    IndicatorRow,
    ProjectForm,
    SpecialFund,
)
from jixiao_desktop.forms.layouts import IndicatorLayout
from jixiao_desktop.money import AmountUnit
from tests.refusal_cases import REFUSAL_CASES
from tests.evaluation_group_cases import EVALUATION_GROUP_CASES
from tests.selfeval_cases import SELFEVAL_CASES


def project(**changes) -> ProjectForm:
    """A complete, correct project form; ``changes`` are applied by location."""
    form = ProjectForm(
        year="2025", project_name="社区养老补助", department_code="民政局 101", implementing_unit="某区民政局",
        attribute="延续项目", period="2025年1月-2027年12月", leader="张三", leader_phone="12345678",
        overview="对10个社区养老服务中心给予运营补助", basis="区政府发文",
        measures="制度", budget_notes="说明",
    )
    form.funding.mid.total, form.funding.mid.county = "300000", "300000"
    form.funding.annual.total, form.funding.annual.county = "100000", "100000"
    form.goals.mid, form.goals.annual = "三年目标", "年度目标"
    form.signoff.filler, form.signoff.date = "李四", "2024-10-01"
    form.indicators = [
        _row("产出指标", "数量指标", "社区养老服务中心", "30个", "10个"),
        _row("产出指标", "质量指标", "补助发放准确率", "100%", "100%"),
        _row("产出指标", "时效指标", "补助发放及时性", "2025年至2027年", "2025年12月前"),
        _row("产出指标", "成本指标", "区级补助资金", "300000元", "100000元"),
        _row("效益指标", "社会效益指标", "老年人生活质量", "提升", "提升"),
        _row("满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%", "≥90%"),
    ]
    _apply(form, changes)
    return form


def _row(level1, level2, name, mid, annual) -> IndicatorRow:
    return IndicatorRow(level1=level1, mid=Indicator(level2=level2, name=name, value=mid),
                        annual=Indicator(level2=level2, name=name, value=annual))


def _cost(**fields):
    from jixiao_desktop.forms import CostLine

    values = dict(item="运营补助", quantity="10", quantity_unit="个", standard="10000", standard_unit="个·年",
                  periods="", split="", split_levels="", amount="")
    values.update(fields)
    share = 1 if values["split"] else None
    return CostLine(share_index=share, **values)


def department(**changes) -> DepartmentForm:
    form = DepartmentForm(
        kind="department", year="2025", name="某区民政局", amount_unit=AmountUnit.WAN_YUAN, duties="职责",
    )
    b = form.budget
    b.total, b.general_budget, b.basic, b.project = "150", "150", "50", "100"
    form.signoff.filler, form.signoff.phone = "李四", "123"
    form.indicators = [
        IndicatorRow(level1="产出指标", annual=Indicator(level2="数量指标", name="补贴人数", value="100人")),
        IndicatorRow(level1="产出指标", annual=Indicator(level2="成本指标", name="专项资金", value="100万元")),
        IndicatorRow(level1="效益指标", annual=Indicator(level2="社会效益指标", name="生活质量", value="提高")),
        IndicatorRow(level1="满意度指标", annual=Indicator(level2="服务对象满意度指标", name="满意度", value="≥80%")),
    ]
    form.special_funds_total = "100"
    form.special_funds = [_fund("1", "社区惠民资金", "60", "拨付5个社区，12万元/社区，共计60万元"),
                          _fund("2", "高龄补贴", "40", "全年测算应发放80万元，市区各配套50%")]
    _apply(form, changes)
    return form


def _fund(seq, name, amount, basis) -> SpecialFund:
    detail = FundDetail(
        name=name, parent_name=name, amount=amount, parent_amount=amount, period="2025年",
        indicators=[
            IndicatorRow(level1="产出指标", annual=Indicator(level2="数量指标", name="个数", value="5个")),
            IndicatorRow(level1="效益指标", annual=Indicator(level2="社会效益指标", name="效果", value="提高")),
            IndicatorRow(level1="满意度指标", annual=Indicator(level2="服务对象满意度指标", name="满意度", value="≥90%")),
        ],
        expenses=[ExpenseLine(summary=name, detail=name, amount=amount, basis=basis)],
        expenses_total=amount,
    )
    return SpecialFund(seq=seq, name=name, amount=amount, detail=detail)


def unit(**changes) -> DepartmentForm:
    form = department()
    form.kind, form.layout, form.amount_unit = "unit", IndicatorLayout.SHANGHAI, AmountUnit.YUAN
    form.special_funds, form.special_funds_total = [], ""
    form.budget.total, form.budget.general_budget, form.budget.basic, form.budget.project = "1500", "1500", "500", "1000"
    form.indicators[1].annual.value = "1000元"
    form.funding_method, form.annual_goal, form.staff_count, form.internal_units = "全额", "目标", "10", "2"
    _apply(form, changes)
    return form


def _apply(form, changes):
    from jixiao_desktop.forms.locations import assign

    for key, value in changes.items():
        assign(form, key.replace("__", ".").replace("_I", "[").replace("I_", "]"), value)


def ind(path: str, **fields):
    """A change setting fields of the indicator at ``path``."""
    def change(form):
        from jixiao_desktop.forms.locations import resolve

        target = resolve(form, path)
        for key, value in fields.items():
            setattr(target, key, value)
        return form
    return change


def with_(make, *changes):
    def build():
        form = make()
        for change in changes:
            change(form)
        return form
    return build


def setf(path, value):
    def change(form):
        from jixiao_desktop.forms.locations import assign

        assign(form, path, value)
        return form
    return change


def _with_indicator(form, level1: str, level2: str):
    form.content.tables["indicators"] = [{"side": "annual", "level1": level1, "level2": level2, "name": "指标",
                                          "value": "≥1"}]
    return form


def yunnan(**fields):
    """A complete, correct document of the shipped Yunnan template; ``fields`` changed by id."""
    from jixiao_desktop.templates import available
    from jixiao_desktop.templates.document import new_document

    form = new_document(available()[0]["yunnan-project"], year="2025")
    form.content.fields.update(year="2025", project_name="社区养老补助", department="民政局 101", unit="某区民政局",
                               overview="对10个社区养老服务中心给予运营补助", annual_goal="年度目标")
    form.content.tables["funding"][0].update(total="300000", county="300000")
    form.content.tables["funding"][1].update(total="100000", county="100000")
    form.content.tables["indicators"] = [
        {"side": "annual", "level1": "产出指标", "level2": "数量指标", "name": "补助社区养老服务中心", "value": "10个"},
        {"side": "annual", "level1": "效益指标", "level2": "社会效益指标", "name": "老年人助餐服务覆盖率", "value": "≥80%"},
        {"side": "annual", "level1": "满意度指标", "level2": "服务对象满意度指标", "name": "老年人满意度", "value": "≥90%"},
    ]
    for key, value in fields.items():
        if "." in key:
            table, row, column = key.split(".")
            form.content.tables[table][int(row)][column] = value
        else:
            form.content.fields[key] = value
    return form


def hubei_department(share=None):
    """The shipped Hubei department example (correct); ``share`` replaces 其他资金's 占比."""
    from jixiao_desktop.resources import resource_path
    from jixiao_desktop.storage import load

    form = load(resource_path("templates", "examples", "hubei-department-correct.jixiao"))
    if share is not None:
        form.content.tables["income"][1]["share"] = share
    return form


CASES = {
    "template.share": (hubei_department, lambda: hubei_department("9.5")),
    "amount.unreadable": (project, with_(project, setf("funding.annual.county", "约10万"))),
    "amount.unit_differs": (project, with_(project, setf("funding.annual.total", "10万元"), setf("funding.annual.county", "10万元"))),
    "funding.total": (project, with_(project, setf("funding.annual.county", "90000"))),
    "funding.annual_exceeds_mid": (project, with_(project, setf("funding.annual.total", "400000"), setf("funding.annual.county", "400000"))),
    "budget.by_nature": (department, with_(department, setf("budget.basic", "60"))),
    "budget.by_income": (department, with_(department, setf("budget.general_budget", "140"))),
    "annex2.total": (department, with_(department, setf("special_funds_total", "90"))),
    "annex2.vs_project_spending": (department, with_(department, setf("budget.project", "90"), setf("budget.basic", "60"))),
    "annex3.missing": (department, with_(department, setf("special_funds[1].detail", None))),
    "annex3.amount": (department, with_(department, setf("special_funds[0].detail.amount", "50"))),
    "annex3.expenses_total": (department, with_(department, setf("special_funds[0].detail.expenses_total", "59"))),
    "annex3.name": (department, with_(department, setf("special_funds[0].detail.name", "社区惠民专项"))),
    "arrangement.total": (
        with_(project, setf("proposal.arrangement_items", [FundingItem(name="a", amount="60000"), FundingItem(name="b", amount="40000")]),
              setf("proposal.arrangement_total", "100000")),
        with_(project, setf("proposal.arrangement_items", [FundingItem(name="a", amount="60000"), FundingItem(name="b", amount="30000")]),
              setf("proposal.arrangement_total", "100000")),
    ),
    "arrangement.vs_funding": (
        with_(project, setf("proposal.arrangement_total", "100000")),
        with_(project, setf("proposal.arrangement_total", "120000")),
    ),
    "prose.relation": (
        with_(project, setf("proposal.arrangement", "10个中心，每个中心1万元，市、区按3:7分担，区级承担70%（7000元/个.年），10个中心合计70000元")),
        with_(project, setf("proposal.arrangement", "10个中心，市、区按3:7分担，区级承担60%，合计70000元")),
    ),
    "template.relation": (yunnan, lambda: yunnan(**{"funding.1.county": "90000"})),
    "template.required": (yunnan, lambda: yunnan(project_name=" ")),
    "template.amount_unreadable": (yunnan, lambda: yunnan(**{"funding.1.other": "一万"})),
    "template.indicator_layout": (yunnan, lambda: _with_indicator(yunnan(), "产出指标", "社会效益指标")),
    "prose.too_long": (project, with_(project, setf("proposal.content", "为1户发放补助1万元；" * 2600))),
    "prose.vs_amount": (department, with_(department, setf("special_funds[1].detail.expenses[0].basis", "全年测算应发放90万元，市区各配套50%"))),
    "required.blank": (project, with_(project, setf("project_name", " "))),
    "placeholder.value": (project, with_(project, setf("implementing_unit", "*"))),
    "indicators.required_groups": (project, with_(project, setf("indicators[4].level1", "产出指标"), setf("indicators[4].mid.level2", "数量指标"), setf("indicators[4].annual.level2", "数量指标"))),
    "indicators.duplicate_name": (project, with_(project, ind("indicators[1].annual", name="社区养老服务中心"))),
    "indicators.half_filled": (project, with_(project, ind("indicators[1].annual", value=""))),
    "indicators.mid_empty": (project, with_(project, *[ind(f"indicators[{i}].mid", name="", value="") for i in range(6)])),
    "layout.level1_unknown": (project, with_(project, setf("indicators[4].level1", "影响指标"))),
    "layout.level2_misplaced": (project, with_(project, setf("indicators[5].level1", "效益指标"))),
    "layout.level2_unknown": (project, with_(project, ind("indicators[4].annual", level2="社会影响"))),
    "layout.sides_differ": (project, with_(project, ind("indicators[4].annual", level2="可持续影响指标"))),
    "value.no_unit": (project, with_(project, ind("indicators[0].annual", value="10"))),
    "value.percent_range": (project, with_(project, ind("indicators[1].annual", value="120%"))),
    "value.timeliness_over_100": (project, with_(project, ind("indicators[1].annual", value="≥100%"))),
    "value.money_on_rate": (project, with_(project, ind("indicators[1].annual", value="100元"))),
    "value.money_outside_cost": (project, with_(project, ind("indicators[0].annual", value="5万元"))),
    "value.operator_direction": (project, with_(project, ind("indicators[5].annual", value="≤90%"))),
    "value.operator_spelling": (project, with_(project, ind("indicators[5].annual", value="≧90%"))),
    "value.excel_date": (project, with_(project, ind("indicators[2].annual", value="45657"))),
    "value.name_is_a_value": (project, with_(project, ind("indicators[0].annual", name="10000元/个.年"))),
    "period.unreadable": (project, with_(project, setf("period", "经常性项目"))),
    "period.timeliness_outside": (project, with_(project, ind("indicators[2].annual", value="2026年6月前"))),
    "period.mid_vs_annual": (project, with_(project, setf("period", "2025年1月-2025年12月"))),
    "counts.disagree": (project, with_(project, setf("goals.annual", "对12个社区养老服务中心给予补助"))),
    "cost.vs_budget": (project, with_(project, ind("indicators[3].annual", value="80000元"))),
    "value.unit_vs_name": (project, with_(project, ind("indicators[0].annual", name="补助人数", value="10个"))),
    "period.other_year": (department, with_(department, setf("special_funds[0].detail.expenses[0].summary", "拨付2024年社区惠民资金"))),
    "period.annual_goal_past_year": (project, with_(project, setf("goals.annual", "2026年底前建成"))),
    "costline.amount": (
        with_(project, setf("cost_lines", [_cost(amount="100000")])),
        with_(project, setf("cost_lines", [_cost(amount="99999")])),
    ),
    "costline.split_adds_back": (
        with_(project, setf("cost_lines", [_cost(amount="100000")])),
        with_(project, setf("cost_lines", [_cost(quantity="1", standard="100.01", split="1:1", amount="50.01")])),
    ),
    "indicators.no_satisfaction": (project, with_(project, lambda form: (form.indicators.pop(), form)[1])),
    "value.vague": (project, with_(project, ind("indicators[4].annual", value="进一步提升"))),
    "value.several_quantities": (project, with_(project, ind("indicators[0].annual", value="重度护理补贴2100人;困难生活补贴1000人"))),
    "period.other_year_text": (project, with_(project, setf("goals.annual", "根据2022年度预算安排给予运营补助"))),
    "field.not_in_choices": (yunnan, lambda: yunnan(attribute="经常性项目（延续）")),
    "funding.no_current_year": (project, with_(project, setf("proposal.arrangement", "项目总投资500万元，已批复300万元"))),
    "costline.vs_total": (
        with_(project, setf("cost_lines", [_cost(amount="100000")])),
        with_(project, setf("cost_lines", [_cost(quantity="9", amount="90000")])),
    ),
}


CASES.update(REFUSAL_CASES)
CASES.update(SELFEVAL_CASES)
CASES.update(EVALUATION_GROUP_CASES)


def test_every_rule_has_a_case():
    assert set(CASES) == set(RULES) - {"internal.rule_failed"}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_passes_and_fails(rule):
    passing, failing = CASES[rule]
    good = run_checks(passing())
    assert not good.by_rule(rule), [f.message for f in good.by_rule(rule)]
    bad = run_checks(failing())
    assert bad.by_rule(rule), f"{rule} not raised; got {[(f.rule, f.message) for f in bad.findings]}"
    for finding in bad.by_rule(rule):
        assert finding.message and finding.location is not None


def test_correct_forms_have_no_errors_or_warnings():
    for make in (project, department, unit, yunnan):
        report = run_checks(make())
        assert [f for f in report.findings if f.severity.value != "hint"] == [], [f.message for f in report.findings]


@pytest.mark.parametrize(("name", "value", "flagged"), [
    ("服务人数", "≥1.2万人", False), ("服务人数", "≥3千人次", False), ("受益户数", "≥2万户", False),
    ("服务人数", "≥150人", False), ("服务人数", "≥2万户", True), ("受益户数", "≥3万人", True),
])
def test_a_count_in_ten_thousands_is_still_the_same_count(name, value, flagged):
    form = with_(project, ind("indicators[0].annual", name=name, value=value))()
    assert ("value.unit_vs_name" in {f.rule for f in run_checks(form).findings}) is flagged


def test_a_multi_year_projects_overview_is_not_compared_with_its_year():
    """项目概况 over three years says 36, the year's 数量指标 12: no disagreement; over one year it is one."""
    def form(period):
        return with_(project, setf("period", period), setf("overview", "三年共建设36个社区养老服务中心"),
                     ind("indicators[0].annual", name="建设社区养老服务中心", value="12个"))()

    assert "counts.disagree" not in {f.rule for f in run_checks(form("2024年1月-2026年12月")).findings}
    assert "counts.disagree" in {f.rule for f in run_checks(form("2024年1月-2024年12月")).findings}
