"""What the budget system refuses to save (rules.md §7): refused wordings and correct ones, on built-in
forms and on documents of templates written here (no shipped template is read)."""

from __future__ import annotations

import pytest

from jixiao_desktop.checks import RULES, Severity, run_checks
from jixiao_desktop.checks.refused import marks, only_marks, rewrite
from jixiao_desktop.templates import load_text
from jixiao_desktop.templates.document import child_blank, new_document
from tests.refusal_cases import FULL, GOOD_ROWS, SHEET, SPACED, row, sheet
from tests.test_check_rules import ind, project, with_

def findings(form, rule):
    return [f for f in run_checks(form).findings if f.rule == rule]


def value_finding(value, name="补助发放时间"):
    form = with_(project, ind("indicators[2].annual", name=name, value=value))()
    return findings(form, "system.value_marks")


# --- `-`, `_`, `*` in a 指标值 --------------------------------------------------------------------

@pytest.mark.parametrize(("value", "fix"), [
    ("1-12月", "1月至12月"),
    ("80-89周岁", "80至89周岁"),
    ("2023-12-31", "2023年12月31日"),
    ("2023-12-31前", "2023年12月31日前"),
    ("2023-01-01至2023-12-31", "2023年1月1日至2023年12月31日"),
    ("2023.07-2024.01", "2023年7月至2024年1月"),
    ("202001-202012", "2020年1月至2020年12月"),
    ("2024年1-12月", "2024年1月至12月"),
    ("2023年7月-2024年1月", "2023年7月至2024年1月"),
    ("2023-2025年", "2023年至2025年"),
    ("1-3年", "1至3年"),
    ("3-5个工作日", "3至5个工作日"),
    ("8:00-17:00", "8:00至17:00"),
    ("≥95%-100%", "≥95%至100%"),
    ("符合GB/T 50300-2013标准", "符合GB/T 50300—2013标准"),
    ("3*4", "3×4"),
    ("1－12月", "1月至12月"),            # full-width hyphen: the same character to the system
    ("3＊4个", "3×4个"),
    ("≥95%*", "≥95%"),
])
def test_a_refused_mark_is_found_with_the_value_rewritten(value, fix):
    (finding,) = value_finding(value)
    assert finding.severity is Severity.ERROR and finding.location == "indicators[2].annual.value"
    assert f"“{value}”" in finding.message and f"请写作“{fix}”" in finding.message
    assert "补助发放时间" in finding.message and "预算系统不能保存" in finding.message
    assert not marks(fix)


@pytest.mark.parametrize(("value", "words"), [
    ("-", "删去这一行"), ("--", "删去这一行"), ("＿", "删去这一行"), ("*", "0"),
    ("-5%", "正数"), ("≤-3%", "下降"), ("___人", "填入实际数值"), ("优_良", "删去这些符号"),
])
def test_a_mark_without_a_safe_rewrite_says_what_to_write(value, words):
    (finding,) = value_finding(value)
    assert words in finding.message and "请写作" not in finding.message


@pytest.mark.parametrize("value", [
    "1月至12月", "12个月", "80至89周岁", "≥95%", "2025年12月31日前", "100%", "≤3天", "＝100%", "2025年1月至12月",
    "及时", "3×4个", "2023年7月至2024年1月", "1—12月", "1～12月", "2025.12.31前", "≥1:1", "＞0", "符合GB/T 50300—2013标准",
])
def test_correct_wordings_pass(value):
    assert value_finding(value) == []


def test_a_placeholder_dash_is_said_once_as_the_systems_refusal():
    form = with_(project, ind("indicators[2].annual", value="-"))()
    report = run_checks(form)
    at = [f.rule for f in report.at("indicators[2].annual.value")]
    assert at == ["system.value_marks"]
    # other placeholders the system does not name stay the form's own rule
    form = with_(project, ind("indicators[2].annual", value="/"))()
    assert [f.rule for f in run_checks(form).at("indicators[2].annual.value")] == ["placeholder.value"]


def test_a_long_value_names_each_piece_to_rewrite():
    text = "发放80-89周岁高龄补贴6900人，90-99周岁高龄补贴750人;" + "另有说明文字" * 8
    (finding,) = value_finding(text)
    assert "“发放80-89周岁高龄补贴6900人”写作“发放80至89周岁高龄补贴6900人”" in finding.message
    assert "“90-99周岁高龄补贴750人”写作“90至99周岁高龄补贴750人”" in finding.message
    assert text not in finding.message


def test_marks_and_rewrite_are_quick_on_long_texts():
    import time

    text = "1-2" * 30000 + "a_" * 30000
    start = time.perf_counter()
    marks(text), only_marks(text), rewrite(text)
    assert time.perf_counter() - start < 0.5


# --- a 三级 name of only those marks -------------------------------------------------------------

@pytest.mark.parametrize(("name", "flagged"), [
    ("-", True), ("——" , False), ("_ _", True), ("＊", True), ("--", True),
    ("0-6岁儿童健康管理率", False), ("补贴发放人数", False),
])
def test_a_name_of_only_marks(name, flagged):
    form = with_(project, ind("indicators[2].annual", name=name))()
    found = findings(form, "system.name_marks")
    assert bool(found) is flagged
    if flagged:
        assert "删去这一行" in found[0].message and found[0].location == "indicators[2].annual.name"
        assert not [f for f in run_checks(form).at("indicators[2].annual.name") if f.rule == "placeholder.value"]


# --- spaces and null: only where the template switches it on ---------------------------------

def test_spaces_and_null_are_silent_unless_the_template_switches_them_on():
    assert findings(sheet(SPACED), "system.space_or_null") == []
    assert RULES["system.space_or_null"].default_on is False
    switched = sheet(SPACED, checks='checks = { "system.space_or_null" = true }')
    found = {f.location: f.message for f in findings(switched, "system.space_or_null")}
    assert "写作“补贴标准”" in found["content.tables.indicators[0].name"]
    assert "写作“300元”" in found["content.tables.indicators[0].value"]
    assert "null" in found["content.tables.indicators[1].value"]
    assert len(found) == 3
    # blanks around a text are trimmed by any input; words such as nullable are not the word null
    clean = sheet([row(" 补贴标准 ", "≤300元", level2="成本指标"), row("Nullable项", "提升")],
                  checks='checks = { "system.space_or_null" = true }')
    assert findings(clean, "system.space_or_null") == []


def test_a_switched_on_rule_fires_only_in_that_templates_documents():
    on = sheet(SPACED, checks='checks = { "system.space_or_null" = "警告" }')
    assert {f.severity for f in findings(on, "system.space_or_null")} == {Severity.WARNING}
    built_in = with_(project, ind("indicators[2].annual", value="300 元"))()
    assert findings(built_in, "system.space_or_null") == []


# --- a quantitative value without unit ------------------------------------------------------

@pytest.mark.parametrize(("name", "value", "hint"), [
    ("补助发放准确率", "≥95", "≥95%"), ("服务人数", "6900", "＝6900人"), ("补贴金额", "≤300", "≤300元"),
    ("建设社区中心", "10", "%、个、人、元"), ("群众满意度", "90", "＝90%"),
])
def test_a_number_without_unit_is_refused_with_a_unit_to_write(name, value, hint):
    form = with_(project, ind("indicators[0].annual", name=name, value=value))()
    (finding,) = findings(form, "value.no_unit")
    assert finding.severity is Severity.ERROR and hint in finding.message and RULES["value.no_unit"].source == "system"


@pytest.mark.parametrize("value", ["10个", "≥95%", "≤300元", "提升", "2025年12月前", "12个月"])
def test_values_with_units_or_qualitative_pass(value):
    assert findings(with_(project, ind("indicators[0].annual", value=value))(), "value.no_unit") == []


def test_a_unit_column_a_qualitative_nature_and_an_excel_date_are_no_missing_unit():
    assert findings(sheet(GOOD_ROWS), "value.no_unit") == []
    rows = [row("补贴发放人数", "6900", nature="≥", weight="50"),           # no 度量单位 in its column
            row("老年人生活质量", "1", level1="效益指标", level2="社会效益指标", nature="定性", weight="50")]
    (finding,) = findings(sheet(rows), "value.no_unit")
    assert finding.location == "content.tables.indicators[0].unit" and "度量单位" in finding.message
    serial = with_(project, ind("indicators[2].annual", value="45657"))()
    assert findings(serial, "value.no_unit") == [] and findings(serial, "value.excel_date")


# --- blank required cells of a 三级 row ----------------------------------------------------

def test_blank_required_cells_of_a_row_once_each():
    rows = [row("补贴发放人数", "", weight="40"),
            row("", "100", level2="质量指标", nature="＝", unit="%", weight="30"),
            row("老年人生活质量", "提升", level1="效益指标", level2="社会效益指标", weight="30"),
            row("", "", level2="时效指标")]                                          # a blank row is no row
    report = run_checks(sheet(rows))
    half = {f.location for f in report.by_rule("indicators.half_filled")}
    assert half == {"content.tables.indicators[0].value", "content.tables.indicators[1].name",
                    "content.tables.indicators[2].nature"}
    assert all(f.severity is Severity.ERROR for f in report.by_rule("indicators.half_filled"))
    for location in half:
        assert len([f for f in report.findings if f.location == location]) == 1, location
    # a value that states its operator gives the 指标性质; a table without the column asks none
    assert findings(sheet([row("准确率", "≥95", unit="%", weight="100")]), "indicators.half_filled") == []
    plain = sheet([row("准确率", "≥95%")], columns='["level2", "name", "value"]')
    assert findings(plain, "indicators.half_filled") == []


# --- weights ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("weights", "flagged"), [
    (("40", "30", "30"), False), (("33.33", "33.33", "33.34"), False), (("33.33", "33.33", "33.33"), False),
    (("33.3", "33.3", "33.3"), False), (("40", "30", "20"), True), (("40", "30", ""), True),
    (("", "", ""), False), (("40%", "30%", "30%"), False), (("50", "30", "30"), True), (("33", "33", "33"), True),
])
def test_weights_add_up_to_100(weights, flagged):
    rows = [dict(r, weight=w) for r, w in zip(GOOD_ROWS, weights)]
    found = findings(sheet(rows), "system.weights_total")
    assert bool(found) is flagged, [f.message for f in found]
    if flagged:
        assert "100" in found[0].message and found[0].severity is Severity.ERROR


def test_a_weight_missing_on_one_row_is_named():
    rows = [dict(r, weight=w) for r, w in zip(GOOD_ROWS, ("40", "30", ""))]
    (finding,) = findings(sheet(rows), "system.weights_total")
    assert "合计为70" in finding.message and "第3行未填权重" in finding.message and "相差30" in finding.message


def test_an_unreadable_weight_is_said_at_its_cell():
    rows = [dict(r, weight=w) for r, w in zip(GOOD_ROWS, ("四十", "30", "30"))]
    (finding,) = findings(sheet(rows), "system.weights_total")
    assert finding.location == "content.tables.indicators[0].weight" and "四十" in finding.message


def test_scores_where_there_is_no_weight_and_silence_where_the_template_sums_them():
    columns = '["level2", "name", "value", "score"]'
    rows = [row("补贴发放人数", "≥6900人", score="60"), row("老年人生活质量", "提升", level1="效益指标", score="30")]
    (finding,) = findings(sheet(rows, columns=columns), "system.weights_total")
    assert "分值合计为90" in finding.message
    relation = '[[relation]]\nid = "scores"\nformula = "sum(indicators.*.score) = 100"\n'
    form = sheet(rows, columns=columns, relation=relation)
    assert findings(form, "system.weights_total") == [] and findings(form, "template.relation")
    assert findings(sheet(rows, columns='["level2", "name", "value"]'), "system.weights_total") == []


CHILDREN = """
[template]
id = "refusals-children"
version = 1
name = "测试用分项目"
kind = "project"

[[section]]
type = "amounts"
id = "items"
label = "分项目"
growable = true
columns = [{ id = "name", label = "名称", type = "text" }, { id = "amount", label = "金额" }]

[[section]]
type = "children"
id = "targets"
label = "分项目绩效目标"
of = "items"
  [[section.section]]
  type = "indicators"
  id = "indicators"
  sides = [{ id = "annual", label = "年度指标" }]
  columns = ["level2", "name", "value", "weight"]
"""


def test_weights_are_judged_per_child_form():
    loaded = load_text(CHILDREN)
    form = new_document(loaded, year="2025")
    form.content.tables["items"] = [{"name": "甲", "amount": "10"}, {"name": "乙", "amount": "20"}]
    parts = []
    for weights in (("60", "40"), ("60", "30")):
        part = child_blank(loaded, "targets")
        part.tables["indicators"] = [
            {"side": "annual", "level1": "产出指标", "level2": "数量指标", "name": "里程", "value": "≥10公里", "weight": weights[0]},
            {"side": "annual", "level1": "效益指标", "level2": "社会效益指标", "name": "通行", "value": "改善", "weight": weights[1]}]
        parts.append(part)
    form.content.children["targets"] = parts
    (finding,) = findings(form, "system.weights_total")
    assert finding.location == "content.children.targets[1].tables.indicators"
    assert "分项目绩效目标第2张" in finding.message and "合计为90" in finding.message


# --- a blank 年度目标 ----------------------------------------------------------------------

def test_a_blank_annual_goal_is_refused_once():
    (finding,) = findings(sheet(GOOD_ROWS, goal=" "), "system.annual_goal_blank")
    assert finding.location == "content.fields.goal" and "年度绩效目标" in finding.message
    assert findings(sheet(GOOD_ROWS), "system.annual_goal_blank") == []
    required = load_text(SHEET.format(columns=FULL, checks="", relation="").replace(
        'role = "annual_goal"', 'role = "annual_goal"\n  required = true'))
    form = new_document(required, year="2025")
    form.content.tables["indicators"] = [{"side": "annual", **r} for r in GOOD_ROWS]
    report = run_checks(form)
    assert not report.by_rule("system.annual_goal_blank") and report.by_rule("template.required")


def test_a_correct_sheet_has_no_refusal():
    report = run_checks(sheet(GOOD_ROWS))
    assert not [f for f in report.findings if RULES[f.rule].source == "system"], [f.message for f in report.findings]


def test_the_catalogue_names_the_systems_refusals():
    for rule_id in ("system.value_marks", "system.name_marks", "system.space_or_null", "system.weights_total",
                    "system.annual_goal_blank", "value.no_unit", "indicators.half_filled",
                    "indicators.required_groups", "indicators.duplicate_name"):
        assert RULES[rule_id].source == "system" and RULES[rule_id].source_label == "预算系统拒收"


def test_the_refused_forms_are_every_character_that_folds_to_them():
    import unicodedata

    from jixiao_desktop.checks.refused import _ANY

    folded = {chr(c) for c in range(0x10000) if unicodedata.normalize("NFKC", chr(c)) in ("-", "_", "*")}
    assert folded == set(_ANY)
    assert marks("—～×−‐") == ""        # the long dash, wave, times, minus and hyphen signs are other characters
