"""绩效自评: scoring rules, the checks of a scoring table, a 自评表 from a 申报表, print and Excel of one."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao_desktop.checks import run_checks
from jixiao_desktop.selfeval import grade_of, score_budget, score_indicator
from jixiao_desktop.storage import load
from jixiao_desktop.templates import shipped_templates_dir
from jixiao_desktop.templates.loader import TemplateError, load_text

EXAMPLES = shipped_templates_dir() / "examples"
CORRECT = EXAMPLES / "mof-selfeval-project-correct.jixiao"


@pytest.mark.parametrize("target, actual, points, score, missed", [
    ("≥95%", "90%", "10", "9.47", True),          # ≥, uncapped
    ("≥95%", "99%", "10", "10.00", False),        # ≥, capped
    ("≥10处", "12处", "10", "10.00", False),
    ("＝100%", "98%", "10", "9.80", True),         # ＝
    ("＝100%", "100%", "5", "5.00", False),
    ("≤15万元", "12万元", "10", "10.00", False),    # ≤ reached: full points
    ("≤100万元", "125万元", "10", "8.00", True),     # ≤ missed: target ÷ achieved
    ("及时", "达成", "5", "5.00", False),            # 定性 bands
    ("及时", "部分达成", "5", "3.00", True),
    ("及时", "未达成", "5", "0.00", True),
    ("及时", "及时", "5", "5.00", False),            # the target's own words: reached
])
def test_scoring_rules(target, actual, points, score, missed):
    result = score_indicator(target, actual, D(points))
    assert result.value == D(score) and result.missed is missed and result.working


@pytest.mark.parametrize("target, actual, points", [
    ("≥95%", "", "10"), ("≥95%", "良好", "10"), ("≥10处", "12公里", "10"), ("及时", "很好", "5"), ("", "12", "5"),
    ("≥95%", "90%", None),
])
def test_what_cannot_be_scored_says_why(target, actual, points):
    result = score_indicator(target, actual, D(points) if points else None)
    assert result.value is None and "无法计算" in result.working


def test_budget_execution_and_grades():
    assert score_budget(D(150), D("142.5"), D(10)).value == D("9.50")
    assert score_budget(D(150), D(160), D(10)).value == D("10.00")      # capped
    assert score_budget(None, D(1), D(10)).value is None
    assert [grade_of(D(x)) for x in ("90", "89.99", "80", "79.5", "60", "59.99")] == ["优", "良", "良", "中", "中", "差"]


def test_scoring_weights_must_add_to_100():
    text = (shipped_templates_dir() / "mof-selfeval-project.toml").read_text(encoding="utf-8")
    with pytest.raises(TemplateError, match="100"):
        load_text(text.replace("budget = 10\n", "budget = 20\n"), "自评")


def _correct():
    return load(CORRECT)


def _errors(form, prefix="selfeval."):
    return [(f.rule, f.location) for f in run_checks(form).findings if f.rule.startswith(prefix)]


def test_the_correct_example_passes_every_selfeval_check():
    assert _errors(_correct()) == []


def test_typed_scores_rounded_to_whole_points_or_two_decimals_are_no_alarm():
    form = _correct()
    form.content.tables["indicators"][1]["score"] = "9.7"     # 9.666… to one decimal
    form.content.fields["total_score"] = "99.2"
    assert _errors(form, "selfeval.score_vs_ratio") == []
    form.content.tables["indicators"][1]["score"] = "9.5"
    assert _errors(form, "selfeval.score_vs_ratio") == [("selfeval.score_vs_ratio", "content.tables.indicators[1].score")]


def test_grade_total_and_points_without_the_templates_relations():
    from tests.selfeval_cases import selfeval

    form = selfeval(bare=True)
    assert _errors(form) == []
    form.content.fields["total_score"] = "98"
    form.content.tables["indicators"][0]["score"] = "11"
    found = _errors(form)
    assert ("selfeval.total", "content.fields.total_score") in found
    assert ("selfeval.score_above_points", "content.tables.indicators[0].score") in found
    form.content.tables["indicators"][2]["weight"] = "20"
    assert any("合计为110" in f.message for f in run_checks(form).by_rule("selfeval.points"))


def test_a_missed_target_needs_its_deviation_reason_and_only_then():
    form = _correct()
    assert not _errors(form, "selfeval.no_deviation_reason")
    form.content.tables["indicators"][1]["deviation"] = ""
    assert _errors(form, "selfeval.no_deviation_reason") == [
        ("selfeval.no_deviation_reason", "content.tables.indicators[1].deviation")]
    form.content.tables["indicators"][1]["actual"] = ""     # nothing achieved typed yet: no alarm
    assert not _errors(form, "selfeval.no_deviation_reason")


def test_the_checks_leave_other_templates_alone():
    form = load(EXAMPLES / "chongqing-project-correct.jixiao")
    assert not _errors(form)


@pytest.mark.parametrize("declared", ["mof-project-correct", "county-distribution-correct", "hunan-project-correct"])
def test_selfeval_new_from_a_template_document(tmp_path, declared):
    from jixiao_desktop.cli import main

    out = tmp_path / "eval.jixiao"
    assert main(["selfeval", "new", str(EXAMPLES / f"{declared}.jixiao"), "-o", str(out)]) == 0
    form = load(out)
    assert form.template_id == "mof-selfeval-project"
    assert form.content.tables["indicators"] and all(r["value"] for r in form.content.tables["indicators"])
    assert form.content.fields["project_name"] or declared.startswith("county")


def test_selfeval_new_from_a_builtin_form(tmp_path):
    from jixiao_desktop.cli import main

    from jixiao_desktop.storage import save
    from tests.conftest import load_example

    declared = tmp_path / "declared.jixiao"
    save(load_example("project-2024-chenggong-eldercare"), declared, backup=False)
    out = tmp_path / "eval.jixiao"
    assert main(["selfeval", "new", str(declared), "-o", str(out)]) == 0
    form = load(out)
    assert form.content.fields["project_name"] and form.content.tables["indicators"]
    assert form.content.tables["budget"][0]["points"] == "10"
    assert form.content.tables["budget"][0]["full"] == "45.36"       # 453600元 in the 自评表's 万元
    assert main(["selfeval", "new", str(declared), "-o", str(out),
                 "--template", "mof-project"]) == 2


def test_mof_project_carries_its_annual_budget(tmp_path):
    from jixiao_desktop.cli import main

    out = tmp_path / "eval.jixiao"
    assert main(["selfeval", "new", str(EXAMPLES / "mof-project-correct.jixiao"), "-o", str(out)]) == 0
    assert load(out).content.tables["budget"][0]["full"] == "150.00"


def test_print_and_excel_round_trip(tmp_path):
    """The new columns print and go to Excel under their Chinese headers, and come back."""
    import openpyxl

    from jixiao_desktop.excel import export_workbook, import_workbook
    from jixiao_desktop.printing.render import render_pdf

    form = _correct()
    pdf = tmp_path / "eval.pdf"
    render_pdf(form, pdf)
    assert pdf.stat().st_size > 1000
    path = export_workbook(form, tmp_path / "eval.xlsx")
    texts = {c.value for sheet in openpyxl.load_workbook(path).worksheets for row in sheet.iter_rows() for c in row}
    assert {"实际完成值", "偏差原因分析及改进措施", "58公里"} <= texts
    assert import_workbook(path).form == form


@pytest.mark.parametrize("share, wrong", [("15.00%", False), ("15", False), ("15%", False), ("20%", True),
                                          ("0.15", True)])
def test_a_summary_weight_is_its_points_share_of_the_total(share, wrong):
    """The evaluation's 权重 column is each 一级's 分值 over the total 分值 (15 of 100 → 15%)."""
    form = load(EXAMPLES / "third-party-evaluation-correct.jixiao")
    form.content.tables["summary"][1]["share"] = share
    found = [f for f in run_checks(form).findings if "summary.process_share" in f.message]
    assert bool(found) == wrong
    if wrong:
        assert found[0].location == "content.tables.summary[1].share" and "15%" in found[0].message
