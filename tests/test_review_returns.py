"""What reviewers return forms for (审核退回): each rule with many wordings that must be found and many
correct ones that must stay silent (a false alarm counts as much as a miss)."""

from __future__ import annotations

import pytest

from jixiao_desktop.checks import Severity, run_checks
from jixiao_desktop.checks.rules.returns import several_quantities
from jixiao_desktop.checks.rules.returns_texts import amounts_by_year, other_years, placeholders
from jixiao_desktop.forms import Indicator, IndicatorRow, ProjectForm
from jixiao_desktop.forms.layouts import IndicatorLayout
from jixiao_desktop.templates.document import new_document
from jixiao_desktop.templates.loader import load_text


def _row(level1, level2, name, value, mid=None) -> IndicatorRow:
    return IndicatorRow(level1=level1, annual=Indicator(level2=level2, name=name, value=value),
                        mid=Indicator(level2=level2, name=name, value=mid or value))


def project(rows=None, **fields) -> ProjectForm:
    form = ProjectForm(year="2024", project_name="社区养老补助", implementing_unit="区民政局", attribute="延续项目",
                       period="2024年1月-2026年12月", overview="对10个社区养老服务中心给予运营补助")
    form.goals.annual = "对10个社区养老服务中心给予运营补助"
    form.indicators = rows if rows is not None else [
        _row("产出指标", "数量指标", "社区养老服务中心", "10个"),
        _row("效益指标", "社会效益指标", "老年人生活质量", "提升"),
        _row("满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%"),
    ]
    for location, value in fields.items():
        node = form
        *path, last = location.split(".")
        for step in path:
            node = getattr(node, step)
        setattr(node, last, value)
    return form


def rules_at(form, rule):
    return [f for f in run_checks(form, only={rule}).findings if f.rule == rule]


# -- 满意度 ----------------------------------------------------------------------------------------------

def test_a_form_without_satisfaction_is_returned_once_per_grid():
    rows = [_row("产出指标", "数量指标", "社区养老服务中心", "10个"), _row("效益指标", "社会效益指标", "生活质量", "提升")]
    (finding,) = rules_at(project(rows), "indicators.no_satisfaction")
    assert finding.location == "indicators" and finding.severity is Severity.WARNING and "满意度" in finding.message


@pytest.mark.parametrize("level1, level2, name", [
    ("满意度指标", "服务对象满意度指标", "老年人满意度"),
    ("满意度指标", "社会公众或服务对象满意度指标", "群众满意率"),
    ("满意度", "服务对象满意度", "受益对象满意程度"),
    ("效益指标", "社会效益指标", "服务对象满意度"),     # misplaced, but there: layout rules say where it goes
])
def test_a_satisfaction_indicator_in_any_spelling_is_enough(level1, level2, name):
    rows = [_row("产出指标", "数量指标", "社区养老服务中心", "10个"), _row(level1, level2, name, "≥90%")]
    assert not rules_at(project(rows), "indicators.no_satisfaction")


def test_the_shanghai_layout_and_an_empty_grid_are_not_asked_for_satisfaction():
    rows = [_row("产出指标", "数量指标", "社区养老服务中心", "10个")]
    assert not rules_at(project(rows, layout=IndicatorLayout.SHANGHAI), "indicators.no_satisfaction")
    assert not rules_at(project([]), "indicators.no_satisfaction")
    assert rules_at(project(rows, layout=IndicatorLayout.CZ2021_101), "indicators.no_satisfaction")


OWN = """
[template]
id = "own-test"
version = 1
name = "自定义测试表"
kind = "project"
layout = "own"
levels = {{ "产出指标" = ["数量指标"], "效益指标" = ["社会效益指标"]{extra} }}

[[section]]
type = "fields"
id = "head"
  [[section.field]]
  id = "year"
  label = "年度"
  type = "year"
  role = "year"
  [[section.field]]
  id = "period"
  label = "项目期"
  type = "period"
  role = "period"
  [[section.field]]
  id = "attribute"
  label = "项目属性"
  type = "choice"
  choices = ["新增", "延续"]
  [[section.field]]
  id = "overview"
  label = "项目概况"
  type = "longtext"
  role = "overview"
  [[section.field]]
  id = "basis"
  label = "立项依据"
  type = "longtext"
  role = "basis"
  [[section.field]]
  id = "calc"
  label = "资金安排及测算依据"
  type = "longtext"
  role = "calculation"

[[section]]
type = "indicators"
id = "indicators"
sides = [{{ id = "annual", label = "年度指标" }}]
columns = ["level2", "name", "value"]
"""


def own(extra: str = "", **fields):
    loaded = load_text(OWN.format(extra=extra), "own-test")
    form = new_document(loaded, year="2024")
    form.content.fields.update({"year": "2024", **fields})
    form.content.tables["indicators"] = [
        {"side": "annual", "level1": "产出指标", "level2": "数量指标", "name": "补助人数", "value": "≥100人"},
        {"side": "annual", "level1": "效益指标", "level2": "社会效益指标", "name": "生活质量", "value": "提升"},
    ]
    return form


def test_an_own_layout_asks_for_satisfaction_only_when_it_lists_one():
    assert not rules_at(own(), "indicators.no_satisfaction")
    (finding,) = rules_at(own(', "满意度指标" = ["服务对象满意度指标"]'), "indicators.no_satisfaction")
    assert finding.location == "content.tables.indicators"


# -- vague values --------------------------------------------------------------------------------------

@pytest.mark.parametrize("level1, level2, name, value", [
    ("效益指标", "社会效益指标", "老年人生活质量", "进一步提高"),
    ("效益指标", "社会效益指标", "残疾人生活质量", "进一步改善和保障"),
    ("效益指标", "可持续影响指标", "项目长效运行", "可持续"),
    ("效益指标", "可持续影响指标", "养老服务体系", "持续推进"),
    ("效益指标", "社会效益指标", "就业质量", "有效提升"),
    ("效益指标", "生态效益指标", "人居环境", "逐步改善"),
    ("效益指标", "社会效益指标", "群众获得感", "明显增强"),
    ("产出指标", "质量指标", "服务质量", "较好"),
    ("产出指标", "质量指标", "工程质量", "良好"),
    ("效益指标", "经济效益指标", "农民收入", "稳步增长"),
    ("效益指标", "社会效益指标", "基层治理水平", "显著提升"),
    ("效益指标", "社会效益指标", "群众生活", "有所改善"),
    ("效益指标", "社会效益指标", "困难家庭基本生活", "有效保障"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "满意"),
    ("满意度指标", "服务对象满意度指标", "受益群众满意度", "较满意"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "提高"),
    ("产出指标", "时效指标", "补助发放及时性", "补助发放及时性"),      # repeats its name
    ("产出指标", "质量指标", "按文件足额保障", "按文件足额保障"),
    ("产出指标", "时效指标", "资金拨付及时率", "资金拨付及时"),
])
def test_vague_values_are_returned_with_a_measurable_hint(level1, level2, name, value):
    rows = [_row(level1, level2, name, value), _row("满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%")]
    findings = rules_at(project(rows), "value.vague")
    assert findings, value
    assert all("如“" in f.message and value in f.message for f in findings)
    assert {f.location for f in findings} == {"indicators[0].mid.value", "indicators[0].annual.value"}


@pytest.mark.parametrize("level1, level2, name, value", [
    ("效益指标", "社会效益指标", "老年人生活质量", "提升"),
    ("效益指标", "社会效益指标", "群众生活", "改善"),
    ("效益指标", "社会效益指标", "困难群众基本生活", "得到保障"),
    ("效益指标", "社会效益指标", "年度目标", "达成年度指标"),
    ("效益指标", "社会效益指标", "人民群众养老需求", "基本满足"),
    ("效益指标", "社会效益指标", "区级敬老院运转情况", "正常运转"),
    ("效益指标", "可持续影响指标", "持续发挥作用年限", "≥5年"),
    ("效益指标", "可持续影响指标", "项目可持续性", "≥3年"),
    ("产出指标", "质量指标", "课程主题符合性", "符合"),
    ("产出指标", "质量指标", "验收合格率", "＝100%"),
    ("产出指标", "时效指标", "补贴发放及时性", "及时"),
    ("产出指标", "时效指标", "补贴发放时间", "按月发放"),
    ("产出指标", "时效指标", "完成时间", "2024年12月底前"),
    ("产出指标", "数量指标", "补助人数", "≥120人"),
    ("效益指标", "社会效益指标", "进一步提高就业率", "≥95%"),       # the vague word is in the name
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"),
    ("满意度指标", "服务对象满意度指标", "受益对象满意率", "90%以上"),
    ("效益指标", "社会效益指标", "带动就业", "带动就业"[:2] + "岗位≥20个"),
])
def test_measurable_and_plain_qualitative_values_stay_silent(level1, level2, name, value):
    rows = [_row(level1, level2, name, value), _row("满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%")]
    assert not rules_at(project(rows), "value.vague"), value


def test_shanghai_input_management_rows_are_not_judged():
    rows = [_row("投入管理指标", "预算执行管理", "预算执行率", "进一步提高")]
    assert not rules_at(project(rows, layout=IndicatorLayout.SHANGHAI), "value.vague")


def test_vague_values_of_a_template_document():
    form = own()
    form.content.tables["indicators"][1]["value"] = "进一步提升"
    (finding,) = rules_at(form, "value.vague")
    assert finding.location == "content.tables.indicators[1].value"


# -- several quantities ----------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "重度护理补贴2100人;困难生活补贴1000人",
    "重度护理补贴2100人；困难生活补贴1000人",
    "2100人、1000人",
    "2,100人，1,000人",
    "新建3个站点和改造5个站点",
    "培训50人次及发放手册200册",
    "特殊困难老年人长期护理险360人，困难老年人慰问50人，敬老院补助1家",
    "≥95%，≤100%",
    "2100人/1000人",
    "工资8327.96元/月，各类保险736.92元/月",
    "2名工作人员，30名集中供养特困人员",
])
def test_values_with_several_quantities_are_returned(value):
    assert len(several_quantities(value)) >= 2, value
    rows = [_row("产出指标", "数量指标", "补贴人数", value), _row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")]
    findings = rules_at(project(rows), "value.several_quantities")
    assert findings and "拆成" in findings[0].message


@pytest.mark.parametrize("value", [
    "≥2100人", "80至89周岁", "80-89周岁", "1月至12月", "2024年1月-2024年12月", "2024年12月31日前",
    "200元/人/月", "100元/人·月", "≥95%", "≥2100人（其中重度1000人）", "6月、12月", "2024.6、2024.12",
    "市区按3:7承担", "12个月", "第3季度前完成", "1.2万人次", "及时", "≤16800元/个.年", "",
])
def test_one_quantity_ranges_dates_and_standards_stay_silent(value):
    assert several_quantities(value) == (), value


# -- years of another form -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, strict", [
    ("根据2021年度预算安排，对10个社区给予补助", False),
    ("2021年计划新建3个站点", False),
    ("2022年度项目资金用于社区养老", False),
    ("2021年拟对全区老人发放补贴", False),
    ("对2022年运营的22个社区居家养老中心给予补助", True),
    ("拨付2021年运营补助", True),
    ("2020年全年发放补贴", False),
])
def test_years_of_an_older_form_are_found(text, strict):
    assert other_years(text, 2024, strict), text


@pytest.mark.parametrize("text, strict", [
    ("根据2023年度预算安排，对10个社区给予补助", True),       # the year before: planning is done then
    ("2024年计划新建3个站点", True),
    ("依据《昆明市养老服务条例（2019年修订）》", True),
    ("按照昆老办〔2016〕29号文件", True),
    ("按照财预〔2021〕101号规定", True),
    ("《“十四五”规划（2021-2025年）》", True),
    ("2021-2025年五年规划期间，每年建设2个站点", True),
    ("自2018年起我县实施居家养老服务", True),
    ("截至2022年底累计建成27个中心", True),
    ("该中心于2019年建成并投入使用", True),
    ("2020年被列为全省试点县", True),
    ("2018年，我县启动居家养老服务试点", False),              # history in an overview
    ("2019年以来累计服务老人5万人次", True),
    ("2024年1月-2026年12月完成改造", True),
    ("2025年完成二期工程", True),                            # inside the 项目期
])
def test_documents_titles_history_and_the_project_period_stay_silent(text, strict):
    assert other_years(text, 2024, strict, (2024, 2026)) == (), text


def test_other_year_text_on_a_project_form():
    form = project(**{"goals.annual": "根据2021年度预算安排，对10个社区给予补助"})
    (finding,) = rules_at(form, "period.other_year_text")
    assert finding.location == "goals.annual" and "2021年" in finding.message and "2024年度" in finding.message
    form = project(basis="根据2021年度预算安排", overview="2018年，我县启动居家养老服务试点")
    assert not rules_at(form, "period.other_year_text")     # 立项依据 cites; an overview tells history
    form = project(overview="根据2021年度预算安排，对10个社区给予补助")
    assert rules_at(form, "period.other_year_text")          # …but not this year's budget


def test_other_year_text_on_a_template_document():
    form = own(overview="根据2020年度预算安排，对10个社区给予补助", basis="根据2020年文件")
    (finding,) = rules_at(form, "period.other_year_text")
    assert finding.location == "content.fields.overview"


# -- placeholders in text ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "XX个社区养老服务中心", "对××名老人发放补贴", "新建xx个站点", "某某镇人民政府", "待填写", "（请填写项目概况）",
    "（略）", "此处填写项目实施内容", "计划于X月完成", "由***负责", "项目概况：待补充", "2024年X月-2024年12月",
])
def test_template_placeholders_are_found(text):
    assert placeholders(text), text


@pytest.mark.parametrize("text", [
    "对27个社区养老服务中心给予补助", "10×12个月×2400元", "X射线检查设备1台", "区民政局", "某些社区尚未覆盖",
    "", "Windows XP 升级", "省略号…", "按照略高于上年的标准",
])
def test_ordinary_texts_are_not_placeholders(text):
    assert placeholders(text) == (), text


def test_placeholders_in_every_text_are_a_warning_once_per_field():
    form = project(overview="XX个社区，由某某负责，待填写", leader="某某")
    found = {f.location: f for f in rules_at(form, "placeholder.value")}
    assert set(found) == {"overview", "leader"}
    assert all(f.severity is Severity.WARNING for f in found.values())
    rows = [_row("产出指标", "数量指标", "社区养老服务中心", "≥XX个"), _row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")]
    assert any(f.location == "indicators[0].annual.value" and f.severity is Severity.WARNING
               for f in rules_at(project(rows), "placeholder.value"))


def test_placeholders_in_a_template_document():
    form = own(overview="对XX个社区发放补贴")
    assert [f.location for f in rules_at(form, "placeholder.value")] == ["content.fields.overview"]


# -- 项目期 ending before it starts ---------------------------------------------------------------------------

@pytest.mark.parametrize("period", ["2026年12月-2024年1月", "2026.12-2024.01", "202612-202401", "2026年-2024年",
                                    "2026年12月至2024年1月"])
def test_a_project_period_ending_before_it_starts(period):
    (finding,) = rules_at(project(period=period), "period.unreadable")
    assert "结束早于开始" in finding.message


@pytest.mark.parametrize("period", ["2024年1月-2026年12月", "2024.01-2026.12", "2024年", "3年"])
def test_a_project_period_in_order_stays_silent(period):
    assert not rules_at(project(period=period), "period.unreadable")


# -- choices ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, hint", [("经常性项目（延续）", "延续"), ("一次性项目", ""), ("持续性", ""), ("新增、延续", "")])
def test_a_choice_outside_the_templates_list(text, hint):
    (finding,) = rules_at(own(attribute=text), "field.not_in_choices")
    assert finding.location == "content.fields.attribute" and "“新增”、“延续”" in finding.message
    assert (f"应为“{hint}”" in finding.message) is bool(hint)


@pytest.mark.parametrize("text", ["新增", "延续", " 延续 ", "延续项目", "√延续", ""])
def test_a_listed_choice_stays_silent(text):
    assert not rules_at(own(attribute=text), "field.not_in_choices")


# -- 资金安排 without this year's amount -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "项目总投资500万元，已批复300万元",
    "累计投入资金120万元",
    "2022年安排资金80万元，2023年安排资金90万元",
    "上年安排60万元",
    "项目总投资1200万元，分三年实施",
])
def test_a_calculation_without_this_years_amount(text):
    others, current = amounts_by_year(text, 2024)
    assert others and not current, text
    form = own(calc=text)
    (finding,) = rules_at(form, "funding.no_current_year")
    assert finding.location == "content.fields.calc" and "2024年度" in finding.message


@pytest.mark.parametrize("text", [
    "项目总投资500万元，2024年安排200万元",
    "项目总投资500万元，本年度安排200万元",
    "每人每月200元×12个月×100人＝24万元",
    "对27个社区每个补助1.68万元，共计45.36万元",
    "2023年已安排80万元，今年安排100万元",
    "按每户800元标准发放",
    "项目期内共需300万元，其中2024年100万元",
    "无",
    "",
])
def test_a_calculation_with_this_years_amount_stays_silent(text):
    assert not rules_at(own(calc=text), "funding.no_current_year"), text


def test_a_project_forms_arrangement_text():
    form = project()
    form.proposal.arrangement = "项目总投资500万元，已累计投入300万元"
    (finding,) = rules_at(form, "funding.no_current_year")
    assert finding.location == "proposal.arrangement"
