"""Templates as data (first step): the format, its formulas with blank-is-not-zero, the Chinese refusals,
and a shipped template's relations judged on the seed documents."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao_desktop.checks import run_checks
from jixiao_desktop.cli import main
from jixiao_desktop.templates import FormulaError, TemplateError, available, load, load_text, parse
from jixiao_desktop.templates.bind import judge
from jixiao_desktop.templates.formula import evaluate
from tests.conftest import load_example

D = Decimal


def values(table: dict):
    return lambda name: table.get(name, [None])


@pytest.mark.parametrize("formula, cells, holds, judged", [
    ("a = b + c", {"a": [D(10)], "b": [D(4)], "c": [D(6)]}, True, True),
    ("a = b + c", {"a": [D(10)], "b": [D(4)], "c": [D(5)]}, False, True),
    ("a = b + c", {"a": [D(10)], "b": [D(10)]}, True, True),            # a blank part is nothing, not an error
    ("a = b + c", {"a": [D(10)]}, True, False),                         # nothing split: not judged
    ("a = b + c", {"b": [D(4)]}, True, False),                          # the total left blank: required's business
    ("sum(t.*.x) = 100", {"t.*.x": [D(60), None, D(40)]}, True, True),
    ("t.*.x = total", {"t.*.x": [D(1), D(2)], "total": [D(3)]}, True, True),
    ("a <= b", {"a": [D(5)], "b": [D(4)]}, False, True),
    ("a × 70% = b", {"a": [D(300)], "b": [D(210)]}, True, True),
    ("round(a / 3, 2) = b", {"a": [D(10)], "b": [D("3.33")]}, True, True),
    ("count(t.*.x) >= 1", {"t.*.x": [None, None]}, False, True),
    ("a ≠ b", {"a": [D(1)], "b": [D(1)]}, False, True),
])
def test_formulas(formula, cells, holds, judged):
    outcome = evaluate(parse(formula), values(cells))
    assert (outcome.holds, outcome.judged) == (holds, judged)


def test_tolerance():
    assert evaluate(parse("a = b"), values({"a": [D("100.00")], "b": [D("100.004")]}), D("0.005")).holds
    assert not evaluate(parse("a = b"), values({"a": [D("100.00")], "b": [D("100.01")]}), D("0.005")).holds


@pytest.mark.parametrize("formula, position, words", [
    ("a = b +", 7, "不完整"),
    ("a + b", 5, "比较符号"),
    ("a = b # c", 6, "不认识的字符"),
    ("a = sqrt(b)", 4, "不认识的函数"),
    ("a = (b + c", 10, "缺少“)”"),
    ("", 0, "空"),
    ("a = b c", 6, "多出的内容"),
])
def test_formula_mistakes_say_where(formula, position, words):
    with pytest.raises(FormulaError) as info:
        parse(formula)
    assert info.value.position == position and words in str(info.value)


MINIMAL = """
[template]
id = "county-distribution"
version = 1
name = "专项资金分配表及绩效目标表（某县）"
region = "某省某县"
kind = "project"
unit = "万元"
layout = "own"
levels = { "产出指标" = ["数量指标", "质量指标"], "效益指标" = ["社会效益指标"], "满意度指标" = ["服务对象满意度指标"] }

[[section]]
type = "fields"
id = "head"
  [[section.field]]
  id = "name"
  label = "资金名称"
  required = true
  role = "project_name"
  [[section.field]]
  id = "notice_amount"
  label = "下达文件金额"
  type = "amount"

[[section]]
type = "amounts"
id = "distribution"
label = "资金分配表"
growable = true
total_row = "合计"
columns = [
  { id = "town", label = "乡镇", type = "text" },
  { id = "roads", label = "道路养护" },
  { id = "water", label = "饮水工程" },
  { id = "total", label = "小计" },
]

[[section]]
type = "children"
id = "targets"
label = "子项目绩效目标表"
of = "distribution"
  [[section.section]]
  type = "indicators"
  id = "indicators"
  sides = [{ id = "annual", label = "年度指标" }]
  columns = ["level2", "name", "value", "score"]
  [[section.relation]]
  id = "scores"
  formula = "sum(indicators.*.score) = 100"
  level = "错误"
  message = "分值合计应为100分，现为{left}"

[[relation]]
id = "rows"
formula = "sum(distribution.*.total) = sum(distribution.*.roads) + sum(distribution.*.water)"
level = "错误"

[[relation]]
id = "notice"
formula = "sum(distribution.*.total) = notice_amount"
level = "错误"
tolerance = "0.005万"
"""


def test_a_layout_that_is_not_shipped_is_one_file(tmp_path):
    path = tmp_path / "county.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    loaded = load(path)
    assert loaded.id == "county-distribution" and len(loaded.relations) == 3
    assert "distribution.*.roads" in loaded.names[""] and "indicators.*.score" in loaded.names["targets"]
    assert {scope for _, _, scope in loaded.relations} == {"", "targets"}


@pytest.mark.parametrize("change, words", [
    (lambda t: t.replace('kind = "project"', 'kind = "projekt"'), "template › kind"),
    (lambda t: t.replace('formula = "sum(distribution.*.total) = notice_amount"',
                         'formula = "sum(distribution.*.total) = notice"'), "没有的栏目：notice"),
    (lambda t: t.replace('role = "project_name"', 'role = "name_of_project"'), "不是已知的用途"),
    (lambda t: t.replace('of = "distribution"', 'of = "head"'), "不存在的金额表"),
    (lambda t: t.replace('id = "water"', 'id = "roads"'), "列 id 重复"),
    (lambda t: t.replace('tolerance = "0.005万"', 'tolerance = "半分"'), "不是金额"),
    (lambda t: t.replace("[[section]]\ntype = \"amounts\"", "[[section]\ntype = \"amounts\"", 1), "第"),
    (lambda t: t.replace('label = "资金分配表"\n', ''), "第"),
])
def test_a_template_with_a_mistake_is_refused_with_where(tmp_path, change, words):
    path = tmp_path / "wrong.toml"
    path.write_text(change(MINIMAL), encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        load(path)
    message = str(info.value)
    assert "wrong.toml" in message and words in message, message


def test_the_shipped_templates_load():
    found, refused = available(user_dir=Path("/nonexistent"))
    assert "yunnan-project" in found and not refused


def test_a_user_template_is_used_like_a_shipped_one_and_a_broken_one_is_reported(tmp_path):
    (tmp_path / "mine.toml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "broken.toml").write_text("[template", encoding="utf-8")
    found, refused = available(user_dir=tmp_path)
    assert "county-distribution" in found and len(refused) == 1 and "broken.toml" in str(refused[0])


def test_the_yunnan_templates_relations_on_the_seed_documents():
    template = available(user_dir=Path("/nonexistent"))[0]["yunnan-project"]
    for name in ("project-2024-chenggong-eldercare", "project-2020-chenggong-service-contest"):
        form = load_example(name)
        results = {r.id: r for r in judge(template, form)}
        assert all(r.holds for r in results.values()), name
        assert not run_checks(form).by_rule("funding.total")


def test_a_relation_that_fails_gives_the_numbers_the_rule_gives():
    template = available(user_dir=Path("/nonexistent"))[0]["yunnan-project"]
    form = load_example("project-2024-chenggong-eldercare")
    form.funding.annual.central = "1000"
    result = {r.id: r for r in judge(template, form)}["funding.annual_total"]
    assert not result.holds and result.location == "funding.annual.total"
    assert "453600.00元" in result.message and "454600.00元" in result.message and "相差1000.00元" in result.message
    (finding,) = run_checks(form).by_rule("funding.total")
    assert "454600.00元" in finding.message and "1000.00元" in finding.message


def test_blank_is_not_zero_on_a_real_form():
    template = available(user_dir=Path("/nonexistent"))[0]["yunnan-project"]
    form = load_example("project-2024-chenggong-eldercare")
    for key in ("central", "provincial", "city", "county", "other"):
        setattr(form.funding.annual, key, "")
    result = {r.id: r for r in judge(template, form)}["funding.annual_total"]
    assert not result.judged and result.holds


def test_command_line(tmp_path, capsys):
    assert main(["template", "list"]) == 0
    assert "yunnan-project" in capsys.readouterr().out
    assert main(["template", "show", "yunnan-project"]) == 0
    assert "[template]" in capsys.readouterr().out
    assert main(["template", "show", "nope"]) == 2
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(MINIMAL, encoding="utf-8")
    bad.write_text(MINIMAL.replace("kind =", "kinds ="), encoding="utf-8")
    assert main(["template", "check", str(good)]) == 0
    assert main(["template", "check", str(good), str(bad)]) == 1
    out, err = capsys.readouterr()
    assert "可以使用" in out and "bad.toml" in err and "多出了不认识的项" in err


def test_load_text_names_its_source():
    with pytest.raises(TemplateError) as info:
        load_text("[template]\nid = 'a'\n", "手写模板")
    assert "手写模板" in str(info.value)


# -- documents of any template ------------------------------------------------------------------

def test_a_document_of_a_template_that_is_not_shipped(tmp_path):
    """Write a template file, make a document of it, fill it in, check it (its formulas fire with their
    numbers), save and reopen it: no Python written for this layout."""
    from jixiao_desktop.storage import load as load_document
    from jixiao_desktop.storage import save
    from jixiao_desktop.templates.document import child_blank, new_document

    path = tmp_path / "county.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    loaded = load(path)
    form = new_document(loaded, year="2025")
    form.content.fields.update(name="农村公路养护及饮水工程专项", notice_amount="100")
    form.content.tables["distribution"] = [
        {"town": "甲镇", "roads": "30", "water": "20", "total": "50"},
        {"town": "乙乡", "roads": "25", "water": "20", "total": "45"},   # 45 listed; the notice says 100 in all
    ]
    child = child_blank(loaded, "targets")
    child.tables["indicators"] = [{"side": "annual", "level1": "产出指标", "level2": "数量指标", "name": "养护里程",
                                   "value": "≥120公里", "score": "60"},
                                  {"side": "annual", "level1": "满意度指标", "level2": "服务对象满意度指标",
                                   "name": "群众满意度", "value": "≥90%", "score": "30"}]   # 90 points, not 100
    form.content.children["targets"] = [child]
    report = run_checks(form)
    messages = {f.rule: [] for f in report.findings}
    for f in report.findings:
        messages[f.rule].append(f.message)
    relation = messages["template.relation"]
    assert any("95.00万元" in m and "100.00万元" in m and "相差5.00万元" in m for m in relation), relation
    assert any("子项目绩效目标表第1张" in m and "90" in m for m in relation), relation
    # the rows add up: 50 = 30 + 20, 45 = 25 + 20 (no finding for "rows")
    assert len(relation) == 2
    target = tmp_path / "filled.jixiao"
    save(form, target)
    again = load_document(target)
    assert again.kind == "template" and again.template_id == "county-distribution"
    assert again.model_dump() == form.model_dump()
    assert [f.message for f in run_checks(again).findings] == [f.message for f in report.findings]
    # the template travels with the document: it checks the same with the template file gone
    path.unlink()
    assert [f.message for f in run_checks(load_document(target)).findings] == [f.message for f in report.findings]


def test_a_templates_required_fields_and_unreadable_amounts(tmp_path):
    from jixiao_desktop.templates.document import new_document

    form = new_document(load_text(MINIMAL, "测试"))
    form.content.fields["notice_amount"] = "一百万"
    rules = {(f.rule, f.location) for f in run_checks(form).findings}
    assert ("template.required", "content.fields.name") in rules
    assert ("template.amount_unreadable", "content.fields.notice_amount") in rules


def test_new_from_the_command_line(tmp_path, capsys):
    target = tmp_path / "new.jixiao"
    assert main(["new", "--template", "yunnan-project", "-o", str(target)]) == 0
    assert main(["check", str(target)]) == 1   # required fields blank
    out = capsys.readouterr().out
    assert "template.required" in out and "项目名称未填写" in out
    assert main(["new", "--template", "nope", "-o", str(tmp_path / "x.jixiao")]) == 2
    dated = tmp_path / "dated.jixiao"
    assert main(["new", "--template", "mof-project", "--year", "2026", "-o", str(dated)]) == 0
    made = load_document(dated)
    assert made.year == "2026" and made.content.fields["year"] == "2026"   # the form's 年度 field filled in too


def test_the_hunan_department_templates_relations_on_seed_003_including_each_annex3():
    template = available(user_dir=Path("/nonexistent"))[0]["hunan-department"]
    form = load_example("department-2023-shifeng-civil-affairs")
    results = judge(template, form)
    assert results and all(r.holds for r in results)
    judged = {r.id for r in results if r.judged}
    assert {"budget.by_nature", "budget.by_income", "annex2.total", "annex2.vs_project_spending",
            "annex3.amount", "annex3.expenses_total"} <= judged
    form.special_funds[3].detail.amount = "300"
    failed = [r for r in judge(template, form) if not r.holds]
    assert {r.id for r in failed} == {"annex3.amount", "annex3.expenses_vs_amount"}
    (amount,) = [r for r in failed if r.id == "annex3.amount"]
    assert amount.location == "special_funds[3].detail.amount" and "300.00万元" in amount.message
    assert run_checks(form).by_rule("annex3.amount")


# -- every shipped template: a correct example and one with mistakes --------------------------------

import json  # noqa: E402

from jixiao_desktop.checks import Severity  # noqa: E402
from jixiao_desktop.storage import load as load_document  # noqa: E402
from jixiao_desktop.templates import shipped_templates_dir  # noqa: E402

EXAMPLES = shipped_templates_dir() / "examples"
CORRECT = sorted(EXAMPLES.glob("*-correct.jixiao"))
WRONG = sorted(EXAMPLES.glob("*-wrong.jixiao"))


def test_every_shipped_generic_template_has_its_two_examples():
    found = available(user_dir=Path("/nonexistent"))[0]
    generic = [t for t in found.values() if not any(getattr(s, "path", None) for s in t.template.section)]
    for loaded in generic:
        assert (EXAMPLES / f"{loaded.id}-correct.jixiao").exists(), loaded.id
        assert (EXAMPLES / f"{loaded.id}-wrong.jixiao").exists(), loaded.id


@pytest.mark.parametrize("path", CORRECT, ids=lambda p: p.stem)
def test_a_correct_example_raises_no_error_or_warning(path):
    form = load_document(path)
    bad = [f for f in run_checks(form).findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert not bad, [f.message for f in bad]


@pytest.mark.parametrize("path", WRONG, ids=lambda p: p.stem)
def test_an_example_with_mistakes_gets_them_found(path):
    form = load_document(path)
    findings = run_checks(form).findings
    expected = json.loads(path.with_name(path.stem + ".expect.json").read_text(encoding="utf-8"))
    assert expected
    for item in expected:
        if item["rule"] == "template.relation":
            assert any(f.rule == "template.relation" and f"（审核公式 {item['relation']}）" in f.message
                       for f in findings), (item, [f.message for f in findings])
        else:
            location = f"content.fields.{item['field']}" if "field" in item else item.get("location", "")
            assert any(f.rule == item["rule"] and (not location or f.location == location) for f in findings), \
                (item, [(f.rule, f.location) for f in findings])


# -- hostile template files and formulas: refused, never a crash --------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FORMULA_ALPHABET = st.sampled_from(list("abc._*0123456789 =<>≤≥≠+-*/×÷()（）,%") + ["sum(", "count(", "round("])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_FORMULA_ALPHABET, max_size=40).map("".join))
def test_random_formulas_parse_or_are_refused(text):
    try:
        relation = parse(text)
    except FormulaError as exc:
        assert str(exc)
        return
    evaluate(relation, values({"a": [D(1)], "b": [None], "c": [D(2)]}))


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.integers(0, len(MINIMAL)), st.text(max_size=6))
def test_damaged_template_files_are_refused_in_chinese(cut, insert):
    text = MINIMAL[:cut] + insert + MINIMAL[cut:]
    try:
        load_text(text, "损坏的表样")
    except TemplateError as exc:
        assert "损坏的表样" in str(exc)


@pytest.mark.parametrize("text", ["x = " + "[" * 5000 + "]" * 5000, MINIMAL.replace("= notice_amount", "= " + "(" * 3000 + "notice_amount" + ")" * 3000)])
def test_deep_nesting_is_refused(text):
    with pytest.raises(TemplateError):
        load_text(text, "深")


def test_a_relation_judged_on_each_row():
    text = MINIMAL.replace('''[[relation]]
id = "rows"''', '''[[relation]]
id = "each_row"
formula = "distribution.*.total = distribution.*.roads + distribution.*.water"
per_row = "distribution"
level = "错误"
message = "小计{left}，各项之和{right}，{difference}"

[[relation]]
id = "rows"''')
    from jixiao_desktop.templates.document import new_document

    form = new_document(load_text(text, "逐行"))
    form.content.fields.update(name="专项", notice_amount="100")
    form.content.tables["distribution"] = [
        {"town": "甲镇", "roads": "30", "water": "20", "total": "55"},   # 5 too many
        {"town": "乙乡", "roads": "25", "water": "20", "total": "40"},   # 5 too few: the sums still agree
    ]
    found = [f for f in run_checks(form).findings if "（审核公式 each_row）" in f.message]
    assert [f.location for f in found] == ["content.tables.distribution[0].total", "content.tables.distribution[1].total"]
    assert "第1行" in found[0].message and "55.00万元" in found[0].message and "50.00万元" in found[0].message
    assert not [f for f in run_checks(form).findings if "（审核公式 rows）" in f.message]
    with pytest.raises(TemplateError, match="per_row"):
        load_text(text.replace('per_row = "distribution"', 'per_row = "head"'), "逐行")


@pytest.mark.parametrize("path", CORRECT + WRONG, ids=lambda p: p.stem)
def test_an_example_carries_the_shipped_template_it_was_made_from(path):
    form = load_document(path)
    assert form.template_text == (shipped_templates_dir() / f"{form.template_id}.toml").read_text(encoding="utf-8")


def test_the_general_prose_rules_find_a_templates_calculation_texts_by_role():
    from jixiao_desktop.templates.document import new_document

    text = MINIMAL.replace('''  [[section.field]]
  id = "notice_amount"''', '''  [[section.field]]
  id = "unit"
  label = "实施单位"
  role = "implementing_unit"
  [[section.field]]
  id = "basis"
  label = "测算说明"
  type = "longtext"
  role = "calculation"
  [[section.field]]
  id = "total"
  label = "年度资金"
  type = "amount"
  role = "annual_total"
  [[section.field]]
  id = "notice_amount"''')
    form = new_document(load_text(text, "测算"))
    form.content.fields.update(name="取暖补贴", unit="某县民政局", total="5.6",
                               basis="为65户低收入家庭发放冬季取暖补贴，每户800元，计5.6万元")
    findings = run_checks(form)
    (relation,) = findings.by_rule("prose.relation")
    assert relation.location == "content.fields.basis"
    assert "65户×800元＝5.20万元" in relation.message and "5.60万元" in relation.message
    form.content.fields.update(basis="为70户低收入家庭发放冬季取暖补贴，每户800元，计5.6万元")
    assert not run_checks(form).by_rule("prose.relation") and not run_checks(form).by_rule("prose.vs_amount")


# -- the indicator rules read a template's indicator tables -----------------------------------------------

TWO_SIDES = """
[template]
id = "two-sides-test"
version = 1
name = "两栏指标测试表"
kind = "project"
unit = "万元"

[[section]]
type = "fields"
id = "head"
field = [{ id = "name", label = "项目名称", role = "project_name" }]

[[section]]
type = "indicators"
id = "indicators"
sides = [
  { id = "long", label = "实施期指标", role = "mid_indicators" },
  { id = "year", label = "本年度指标", role = "annual_indicators" },
]
columns = ["level2", "name", "nature", "value", "unit"]
"""


def _two_sides(tmp_path, rows):
    from jixiao_desktop.templates.document import new_document

    path = tmp_path / "two.toml"
    path.write_text(TWO_SIDES, encoding="utf-8")
    form = new_document(load(path), year="2025")
    form.content.fields["name"] = "测试项目"
    form.content.tables["indicators"] = [
        {"side": side, "level1": l1, "level2": l2, "name": name, "nature": nature, "value": value, "unit": unit}
        for side, l1, l2, name, nature, value, unit in rows
    ]
    return {(f.rule, f.location) for f in run_checks(form).findings}


def test_indicator_rules_on_a_template_table_read_the_unit_and_nature_columns(tmp_path):
    correct = [
        ("long", "产出指标", "数量指标", "改造户数", "≥", "300", "户"),
        ("long", "", "质量指标", "验收合格率", "＝", "100", "%"),          # 一级 merged from the row above
        ("year", "产出指标", "数量指标", "改造户数", "≥", "120", "户"),     # same name, other side: not a duplicate
        ("year", "产出指标", "质量指标", "验收合格率", "＝", "100", "%"),
        ("year", "效益指标", "社会效益指标", "受益人数", "≥", "0.3", "万人"),
        ("year", "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90%", "%"),  # the unit not doubled
        ("year", "产出指标", "时效指标", "完工时间", "定性", "2025年11月底前", ""),
        ("long", "效益指标", "社会效益指标", "居住条件改善户数", "≥", "300", "户"),
    ]
    assert _two_sides(tmp_path, correct) == set()
    wrong = correct + [
        ("year", "产出指标", "数量指标", "改造户数", "≥", "130", "户"),     # a second 改造户数 on the same side
        ("year", "产出指标", "质量指标", "设备完好率", "≥", "120", "%"),    # over 100%
        ("year", "产出指标", "数量指标", "培训人次", "≥", "50", ""),        # no unit anywhere
        ("year", "效益指标", "社会效益指标", "带动就业", "", "", ""),        # a name without a value
        ("year", "产出指标", "数量指标", "补助人数", "≥", "20", "个"),      # 人数 counted in 个
    ]
    found = _two_sides(tmp_path, wrong)
    base = "content.tables.indicators"
    assert found == {
        ("indicators.duplicate_name", f"{base}[8].name"),
        ("counts.disagree", f"{base}[2].value"),              # and 120户 there, 130户 here
        ("value.percent_range", f"{base}[9].value"),
        ("value.timeliness_over_100", f"{base}[9].value"),   # a rate "≥120%": said as on the built-in forms
        ("value.no_unit", f"{base}[10].unit"),                # the 度量单位 cell is the one to fill
        ("indicators.half_filled", f"{base}[11].value"),
        ("value.unit_vs_name", f"{base}[12].value"),
    }, found


def test_an_indicator_rule_names_the_child_form_it_found_the_mistake_in():
    form = load_document(EXAMPLES / "integration-indicator-list-wrong.jixiao")
    hit = next(f for f in run_checks(form).findings if f.rule == "value.percent_range")
    assert hit.location == "content.children.targets[0].tables.indicators[1].value"
    assert "项目绩效目标第1张" in hit.message and "105%" in hit.message
    from jixiao_desktop.forms.locations import describe

    assert describe(form, hit.location) == "项目绩效目标第1张 › 绩效指标第2行 › 指标值"
    assert describe(form, "content.fields.department_total") == "部门项目预算合计"
    assert describe(form, "content.tables.projects[1].nonsense.x").startswith("项目第2行")
    assert describe(form, "[[[") == "[[["   # never raises


# -- the period and totals rules find the year, the period and the totals through roles -------------------

ROLES = """
[template]
id = "roles-test"
version = 1
name = "角色测试表"
kind = "project"
unit = "万元"

[[section]]
type = "fields"
id = "head"
field = [
  { id = "name", label = "项目名称", role = "project_name" },
  { id = "budget_year", label = "预算年度", type = "year", role = "year" },
  { id = "span", label = "建设周期", type = "period", role = "period" },
  { id = "goal", label = "本年度目标", type = "longtext", role = "annual_goal" },
  { id = "about", label = "项目概况", type = "longtext", role = "overview" },
]

[[section]]
type = "amounts"
id = "money"
label = "资金情况"
rows = [
  { id = "all", label = "实施期", role = "mid_total" },
  { id = "now", label = "本年度", role = "annual_total" },
]
columns = [{ id = "fiscal", label = "财政资金" }, { id = "sum", label = "合计" }]

[[section]]
type = "indicators"
id = "indicators"
sides = [{ id = "annual", label = "年度指标", role = "annual_indicators" }]
columns = ["level2", "name", "value"]
"""


def _roles(tmp_path, span="2025.01-2027.12", goal="2025年底前完成一期工程", all_="900", now="300",
           timeliness="2025年11月底前", about="", count=""):
    from jixiao_desktop.templates.document import new_document

    path = tmp_path / "roles.toml"
    path.write_text(ROLES, encoding="utf-8")
    form = new_document(load(path))
    form.content.fields.update(name="测试项目", budget_year="2025", span=span, goal=goal, about=about)
    form.content.tables["money"] = [{"_row": "all", "fiscal": all_, "sum": all_}, {"_row": "now", "fiscal": now, "sum": now}]
    form.content.tables["indicators"] = [
        {"side": "annual", "level1": "产出指标", "level2": "时效指标", "name": "一期完工时间", "value": timeliness}]
    if count:
        form.content.tables["indicators"].append(
            {"side": "annual", "level1": "产出指标", "level2": "数量指标", "name": "改造老旧小区", "value": count})
    form.content.tables["indicators"].append(
        {"side": "annual", "level1": "效益指标", "level2": "社会效益指标", "name": "居民出行条件改善率", "value": "≥90%"})
    form.content.tables["indicators"].append(
        {"side": "annual", "level1": "满意度指标", "level2": "服务对象满意度指标", "name": "居民满意度", "value": "≥90%"})
    return {f.rule: f for f in run_checks(form).findings}


def test_period_and_totals_rules_read_a_template_through_its_roles(tmp_path):
    assert _roles(tmp_path) == {}
    assert _roles(tmp_path, span="经常性")["period.unreadable"].location == "content.fields.span"
    late = _roles(tmp_path, goal="2026年6月前完成全部工程")["period.annual_goal_past_year"]
    assert late.location == "content.fields.goal" and "2026" in late.message
    outside = _roles(tmp_path, timeliness="2026.06.30前")["period.timeliness_outside"]
    assert outside.location == "content.tables.indicators[0].value" and "2026" in outside.message
    over = _roles(tmp_path, now="950")["funding.annual_exceeds_mid"]
    assert over.location == "content.tables.money[1].sum"
    assert "本年度合计950.00万元" in over.message and "实施期合计900.00万元" in over.message
    big = _roles(tmp_path, span="2025年1月-2025年12月")["period.mid_vs_annual"]
    assert big.location == "content.tables.money[0].sum" and "12个月" in big.message and "3倍" in big.message


@pytest.mark.parametrize(("span", "all_", "now", "flagged"), [
    ("2025.01-2026.12", "860", "420", False),    # a second year bigger than the first is normal
    ("2025-2027", "1000", "300", False),
    ("202501-202712", "2000", "300", True),      # the other two years would need 850 a year
    ("2025年1月-2025年12月", "300", "300", False),
])
def test_mid_against_period_allows_years_of_different_size(tmp_path, span, all_, now, flagged):
    assert ("period.mid_vs_annual" in _roles(tmp_path, span=span, all_=all_, now=now)) is flagged


def test_a_template_without_those_roles_gets_none_of_those_rules(tmp_path):
    import re

    from jixiao_desktop.templates import load_text

    bare = re.sub(r', role = "(?!annual_indicators)\w+"', "", ROLES)
    assert "mid_total" not in bare and "annual_indicators" in bare
    from jixiao_desktop.templates.document import new_document

    form = new_document(load_text(bare, "bare"), year="2025")
    form.content.fields.update(span="经常性", goal="2030年完成")
    form.content.tables["money"] = [{"_row": "all", "sum": "1"}, {"_row": "now", "sum": "999"}]
    rules = {f.rule for f in run_checks(form).findings}
    assert not rules & {"period.unreadable", "period.annual_goal_past_year", "funding.annual_exceeds_mid",
                        "period.mid_vs_annual"}, rules


@pytest.mark.parametrize(("text", "span"), [
    ("2025.01-2026.12", (2025, 2026, 24)), ("202401-202612", (2024, 2026, 36)),
    ("2024/1/1—2024/12/31", (2024, 2024, 12)), ("2024-2026", (2024, 2026, 36)),
    ("2024年1月1日至2026年12月31日", (2024, 2026, 36)), ("２０２５．０１－２０２５．１２", (2025, 2025, 12)),
    ("2025-01至2026-06", (2025, 2026, 18)), ("20240101-20261231", (2024, 2026, 36)),
    ("2024年9月-2025年6月", (2024, 2025, 10)),
    ("2026.12-2025.01", None), ("经常性", None), ("3年", None), ("2025.13-2026.02", None),
    ("预算2025.5万元", None),
    ("自2025年1月起至2027年12月", (2025, 2027, 36)), ("2025年3月起至2027年12月止", (2025, 2027, 34)),
    ("2025年度至2027年度", (2025, 2027, 36)), ("二〇二五年一月至二〇二六年十二月", (2025, 2026, 24)),
    ("2025年1-12月", (2025, 2025, 12)), ("2025年1月至12月", (2025, 2025, 12)),
    ("2025年-长期", None), ("2027年1月-2025年12月", None), ("2025年12月-2025年1月", None), ("2026-2024", None),
])
def test_a_period_in_any_printed_style(text, span):
    from jixiao_desktop.checks.rules.periods import period_span

    assert period_span(text) == span


@pytest.mark.parametrize(("cost", "flagged"), [("≤300万元", False), ("≤350万元", True), ("≤3000000元", False)])
def test_cost_indicators_against_the_annual_total_found_by_role(tmp_path, cost, flagged):
    from jixiao_desktop.templates.document import new_document

    path = tmp_path / "roles.toml"
    path.write_text(ROLES, encoding="utf-8")
    form = new_document(load(path))
    form.content.fields.update(name="测试项目", budget_year="2025", span="2025年1月-2027年12月")
    form.content.tables["money"] = [{"_row": "all", "sum": "900"}, {"_row": "now", "sum": "300"}]
    form.content.tables["indicators"] = [
        {"side": "annual", "level1": "成本指标", "level2": "经济成本指标", "name": "项目总成本", "value": cost}]
    hits = [f for f in run_checks(form).findings if f.rule == "cost.vs_budget"]
    assert bool(hits) is flagged
    if flagged:
        assert hits[0].location == "content.tables.indicators[0].value"
        assert "本年度合计" in hits[0].message and "300.00万元" in hits[0].message and "350.00万元" in hits[0].message


def test_a_general_rule_leaves_to_the_template_what_its_own_formula_says():
    """财政部 project form states 年度 ≤ 中期 as 审核公式: the clerk hears it once, in the template's words."""
    findings = run_checks(load_document(EXAMPLES / "mof-project-wrong.jixiao")).findings
    about = [f for f in findings if "中期资金总额45.00万元" in f.message and "相差105.00万元" in f.message]
    assert [f.rule for f in about] == ["template.relation"], [f.message for f in about]


@pytest.mark.parametrize(("span", "about", "goal", "count", "where"), [
    # one year: the 概况, the goal and the 数量指标 speak of the same year
    ("2025年1月-2025年12月", "今年改造12个老旧小区", "2025年改造12个老旧小区", "12个", None),
    ("2025年1月-2025年12月", "今年改造15个老旧小区", "2025年改造12个老旧小区", "12个", "content.fields.about"),
    ("经常性", "每年改造15个老旧小区", "2025年改造12个老旧小区", "12个", "content.fields.about"),
    ("2025年1月-2025年12月", "", "2025年改造12个老旧小区", "≥10个", "content.tables.indicators[1].value"),
    # three years: the 概况 speaks of all three (36), the year of its part (12)
    ("2025.01-2027.12", "三年改造36个老旧小区", "2025年改造12个老旧小区", "12个", None),
    ("3年", "三年改造36个老旧小区", "2025年改造12个老旧小区", "12个", None),
    ("2025.01-2027.12", "三年改造36个老旧小区", "2025年改造12个老旧小区", "13个", "content.fields.goal"),
])
def test_counts_agree_within_a_template_document(tmp_path, span, about, goal, count, where):
    found = _roles(tmp_path, span=span, about=about, goal=goal, count=count, all_="900" if "2027" in span or "3" in span else "300")
    hit = found.get("counts.disagree")
    assert (hit.location if hit else None) == where, hit and hit.message


def test_output_and_benefit_groups_are_required_where_the_layout_has_them(tmp_path):
    only_output = [("year", "产出指标", "数量指标", "改造户数", "≥", "120", "户")]
    found = _two_sides(tmp_path, only_output)
    assert ("indicators.required_groups", "content.tables.indicators") in found
    own = TWO_SIDES.replace('unit = "万元"', 'unit = "万元"\nlayout = "own"\nlevels = { "任务完成" = ["数量指标"], "实施效果" = ["社会效益指标"] }')
    from jixiao_desktop.templates import load_text
    from jixiao_desktop.templates.document import new_document

    form = new_document(load_text(own, "own"), year="2025")
    form.content.tables["indicators"] = [{"side": "year", "level1": "任务完成", "level2": "数量指标", "name": "改造户数",
                                          "value": "≥120户"}]
    assert "indicators.required_groups" not in {f.rule for f in run_checks(form).findings}


SHARES = """
[template]
id = "shares-test"
version = 1
name = "占比测试表"
kind = "department"
unit = "万元"

[[section]]
type = "amounts"
id = "uses"
label = "支出构成"
growable = true
columns = [{ id = "name", label = "用途", type = "text" }, { id = "amount", label = "金额" },
           { id = "share", label = "占比", type = "percent", share_of = "amount" }]
"""


@pytest.mark.parametrize(("written", "flagged"), [
    ("35.29%", False), ("35.3", False), ("35", False), ("35.2", False),   # rounded or cut off as shown
    ("35.294", False), ("36", False),
    ("37", True), ("35.1", True), ("0.35", True), ("53.29%", True),
])
def test_a_share_is_judged_to_the_precision_the_clerk_wrote(written, flagged):
    from jixiao_desktop.templates.document import new_document

    form = new_document(load_text(SHARES, "shares"), year="2025")
    # 60 of 170 is 35.294…%; no 合计 row: the total is the sum of the rows
    form.content.tables["uses"] = [{"name": "办公", "amount": "60", "share": written},
                                   {"name": "业务", "amount": "110", "share": "64.71"}]
    hits = [f for f in run_checks(form).findings if f.rule == "template.share"]
    assert [h.location for h in hits] == (["content.tables.uses[0].share"] if flagged else []), [h.message for h in hits]
    if flagged:
        assert "35.29%" in hits[0].message and "60.00万元÷170.00万元" in hits[0].message


def test_a_blank_share_or_amount_is_not_judged():
    from jixiao_desktop.templates.document import new_document

    form = new_document(load_text(SHARES, "shares"), year="2025")
    form.content.tables["uses"] = [{"name": "办公", "amount": "60", "share": ""}, {"name": "业务", "amount": "", "share": "50"}]
    assert not [f for f in run_checks(form).findings if f.rule == "template.share"]


@pytest.mark.parametrize(("text", "span"), [
    ("2025年度", (2025, 2025, 12)), ("2025年全年", (2025, 2025, 12)), ("2025", (2025, 2025, 12)),
    ("2025年3月底前", None), ("三年", None), ("经常性", None),
])
def test_a_period_field_of_one_year(text, span):
    from jixiao_desktop.checks.rules.periods import field_period_span

    assert field_period_span(text) == span


@pytest.mark.parametrize(("span", "flagged"), [
    ("三年", False), ("2025年度", False), ("2025年1-12月", False), ("自2025年3月起至2027年12月止", False),
    ("2027年1月-2025年12月", True), ("2025年13月-2026年12月", True), ("长期", False), ("经常性", True),
])
def test_a_period_that_cannot_be_is_said_so(tmp_path, span, flagged):
    assert ("period.unreadable" in _roles(tmp_path, span=span, all_="300")) is flagged


def test_a_continuing_projects_later_year_is_not_held_to_the_first_years_share(tmp_path):
    # 2025 is the last year of 2023–2025: the 中期 total holds two years already spent
    assert "period.mid_vs_annual" not in _roles(tmp_path, span="2023年1月-2025年12月", all_="1500", now="100")
    assert "period.mid_vs_annual" in _roles(tmp_path, span="2025年1月-2027年12月", all_="1500", now="100")


def test_differently_named_counts_are_different_things(tmp_path):
    found = _two_sides(tmp_path, [
        ("year", "产出指标", "数量指标", "新建村级公厕", "≥", "5", "座"),
        ("year", "产出指标", "数量指标", "改造村级公厕", "≥", "3", "座"),
        ("year", "产出指标", "数量指标", "培训农村劳动力人数", "≥", "500", "人"),
        ("year", "产出指标", "数量指标", "转移就业农村劳动力人数", "≥", "300", "人"),
        ("year", "产出指标", "数量指标", "新建公厕个数", "≥", "5", "座"),
        ("year", "产出指标", "数量指标", "新建村级幼儿园个数", "≥", "3", "所"),
        ("year", "产出指标", "数量指标", "新增养老床位数", "≥", "50", "个"),
        ("year", "产出指标", "数量指标", "开展培训次数", "≥", "5", "期"),
        ("year", "效益指标", "社会效益指标", "如厕条件改善户数", "≥", "800", "户"),
        ("year", "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%"),
    ])
    assert found == set(), found


def _costs(tmp_path, rows, now="300"):
    from jixiao_desktop.templates.document import new_document

    path = tmp_path / "roles.toml"
    path.write_text(ROLES, encoding="utf-8")
    form = new_document(load(path))
    form.content.fields.update(name="测试项目", budget_year="2025", span="2025年1月-2025年12月")
    form.content.tables["money"] = [{"_row": "all", "sum": now}, {"_row": "now", "sum": now}]
    form.content.tables["indicators"] = [{"side": "annual", "level1": l1, "level2": l2, "name": name, "value": value}
                                         for l1, l2, name, value in rows]
    return [f for f in run_checks(form).findings if f.rule == "cost.vs_budget"]


def test_cost_targets_with_their_parts_or_per_month_standards_are_not_summed_wrongly(tmp_path):
    cost = ("成本指标", "经济成本指标")
    total_and_parts = [(*cost, "项目总成本", "≤300万元"), (*cost, "工程建设费", "≤280万元"), (*cost, "监理设计费", "≤20万元")]
    assert _costs(tmp_path, total_and_parts) == []
    with_其中 = [(*cost, "项目总成本", "≤300万元"), (*cost, "其中：工程建设费", "≤280万元")]
    assert _costs(tmp_path, with_其中) == []
    monthly = [("产出指标", "数量指标", "低保补助人数", "1000人"), (*cost, "低保补助标准", "≤500元/人/月")]
    assert _costs(tmp_path, monthly, now="600") == []
    too_much = [(*cost, "项目总成本", "≤350万元")]
    (hit,) = _costs(tmp_path, too_much)
    assert "年度年度" not in hit.message


def test_sides_without_roles_are_told_apart_by_their_labels(tmp_path):
    from jixiao_desktop.templates.document import new_document

    text = TWO_SIDES.replace('{ id = "long", label = "实施期指标", role = "mid_indicators" },', "").replace(
        '{ id = "year", label = "本年度指标", role = "annual_indicators" },',
        '{ id = "year", label = "年度指标" }, { id = "long", label = "中期指标" },')
    form = new_document(load_text(text, "sides"), year="2025")
    form.content.tables["indicators"] = [
        {"side": "long", "level1": "产出指标", "level2": "时效指标", "name": "全部完工时间", "value": "2027年12月底前"},
        {"side": "year", "level1": "产出指标", "level2": "时效指标", "name": "一期完工时间", "value": "2026年6月底前"},
    ]
    hits = [f.location for f in run_checks(form).findings if f.rule == "period.timeliness_outside"]
    assert hits == ["content.tables.indicators[1].value"]


def test_a_child_forms_annual_goal_is_checked_against_the_year():
    form = load_document(EXAMPLES / "county-distribution-correct.jixiao")
    child = next(iter(form.content.children.values()))[0]
    goal = next(f.id for s in form.loaded.template.section if hasattr(s, "section") for s2 in s.section
                if hasattr(s2, "field") for f in s2.field if f.role == "annual_goal")
    child.fields[goal] = "2027年底前完成全部改造"
    hits = [f for f in run_checks(form).findings if f.rule == "period.annual_goal_past_year"]
    assert len(hits) == 1 and "第1张" in hits[0].message and "2027" in hits[0].message


SWITCHED = """
[template]
id = "switched"
version = 1
name = "开关规则的表"
kind = "project"
checks = { "value.no_unit" = false, "indicators.half_filled" = "提示" }

[[section]]
type = "indicators"
id = "indicators"
sides = [{ id = "annual", label = "年度指标" }]
"""


def test_a_template_switches_rules_off_and_sets_their_level():
    from jixiao_desktop.checks import Severity, run_checks
    from jixiao_desktop.templates import load_text
    from jixiao_desktop.templates.document import new_document

    rows = [{"side": "annual", "level1": "产出指标", "level2": "数量指标", "name": "培训人数", "value": "500"},
            {"side": "annual", "level1": "产出指标", "level2": "数量指标", "name": "发放册数", "value": ""}]
    plain = new_document(load_text(SWITCHED.replace('checks = { "value.no_unit" = false, '
                                                    '"indicators.half_filled" = "提示" }', ""), "plain.toml"))
    plain.content.tables["indicators"] = [dict(r) for r in rows]
    found = {f.rule: f.severity for f in run_checks(plain).findings}
    assert "value.no_unit" in found and found["indicators.half_filled"] is Severity.ERROR
    switched = new_document(load_text(SWITCHED, "switched.toml"))
    switched.content.tables["indicators"] = [dict(r) for r in rows]
    found = {f.rule: f.severity for f in run_checks(switched).findings}
    assert "value.no_unit" not in found and found["indicators.half_filled"] is Severity.HINT


def test_a_template_naming_an_unknown_rule_is_refused():
    from jixiao_desktop.templates import TemplateError, load_text

    with pytest.raises(TemplateError, match="value.no_units"):
        load_text(SWITCHED.replace('"value.no_unit" = false', '"value.no_units" = false'), "typo.toml")


def test_rules_list_their_source(capsys):
    from jixiao_desktop.cli import main

    assert main(["check", "--rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("\t算术\t" in line for line in lines) and any("\t表样审核公式\t" in line for line in lines)


def test_hubei_forms_do_not_refuse_a_repeated_indicator_name():
    """rules.md §7: the budget system blocks duplicate 三级 names, except where the province switches it off
    (Hubei); the Hubei templates say so, the others do not."""
    from jixiao_desktop.checks import run_checks
    from jixiao_desktop.templates import available
    from jixiao_desktop.templates.document import new_document

    rows = [{"side": "annual", "level1": "产出指标", "level2": "数量指标", "name": "培训人次", "value": "≥100人次"},
            {"side": "annual", "level1": "产出指标", "level2": "质量指标", "name": "培训人次", "value": "≥90人次"}]
    for template_id in ("hubei-district-project", "hunan-project"):
        loaded = available()[0][template_id]
        form = new_document(loaded, year="2025")
        table = next(s for s in loaded.template.section if getattr(s, "type", "") == "indicators")
        form.content.tables[table.id] = [dict(r, side=table.sides[-1].id) for r in rows]
        flagged = any(f.rule == "indicators.duplicate_name" for f in run_checks(form).findings)
        assert flagged == (template_id == "hunan-project")


def test_the_catalogue_is_whole_whoever_asks_for_it_first():
    """A template naming rules may be the first to ask for the catalogue (before any check ran)."""
    import subprocess
    import sys

    script = ("from jixiao_desktop.forms.templates import new_form; new_form('project', '2025'); "
              "from jixiao_desktop.checks import RULES; print(len(RULES))")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    from jixiao_desktop.checks import RULES

    assert int(proc.stdout) == len(RULES)


def test_an_indicator_table_prints_its_own_column_headings():
    from jixiao_desktop.templates import TemplateError, load_text

    text = SWITCHED.replace("checks = { \"value.no_unit\" = false, \"indicators.half_filled\" = \"提示\" }", "") \
        + 'columns = ["name", "value", "weight", "score"]\nlabels = { weight = "分值", score = "得分" }\n'
    table = next(s for s in load_text(text, "own.toml").template.section if s.type == "indicators")
    from jixiao_desktop.forms.template_form import indicator_label

    assert [indicator_label(table, c) for c in table.columns] == ["三级指标", "指标值", "分值", "得分"]
    with pytest.raises(TemplateError, match="labels"):
        load_text(text.replace('weight = "分值"', 'points = "分值"'), "bad.toml")
