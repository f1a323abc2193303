"""Seed 001 (盘龙区 2022 养老服务项目 重点绩效评价报告) as a third-party-evaluation document: its mistakes found
with both numbers; the group checks (a heading's stated points, the summary against the detail) on their own."""

from __future__ import annotations

import copy

import pytest

from jixiao_desktop.checks import Severity, run_checks
from jixiao_desktop.forms.layouts import canonical, stated_points
from jixiao_desktop.storage import load
from jixiao_desktop.templates import shipped_templates_dir

EXAMPLES = shipped_templates_dir() / "examples"


@pytest.fixture(scope="module")
def wrong():
    return run_checks(load(EXAMPLES / "third-party-evaluation-wrong.jixiao")).findings


def _messages(findings, rule):
    return [f.message for f in findings if f.rule == rule]


def test_summary_total_is_not_the_sum_of_its_rows(wrong):
    assert any("82.76" in m and "81.75" in m for m in _messages(wrong, "template.relation"))


def test_summary_disagrees_with_the_detail_tables(wrong):
    said = _messages(wrong, "selfeval.group_summary")
    assert any("决策" in m and "14" in m and "15" in m for m in said)
    assert any("产出" in m and "23.64" in m and "23.65" in m for m in said)
    assert len(said) == 2


def test_score_from_the_rounded_ratio(wrong):
    said = _messages(wrong, "selfeval.score_vs_ratio")
    assert len(said) == 1 and "服务老年人覆盖比例" in said[0] and "1.2" in said[0] and "1.09" in said[0]


def test_heading_weight_differs(wrong):
    said = _messages(wrong, "selfeval.heading_points")
    assert said == ["一级指标“效益”标明30分，其下各三级指标分值合计35分，相差5分"]


def test_the_written_working_of_a_score_is_redone(wrong):
    """机构评估 “23/25×0.5=0.42”: 0.46 (错误); 促进社会和谐发展 “23.64/35=68%；68%×3=2.03”: 2.04 as written, 2.03
    with the 67.54% the text rounded to 68% (a rounding gap: 提示)."""
    said = [f for f in wrong if f.rule == "selfeval.written_arithmetic"]
    errors = [f.message for f in said if f.severity is Severity.ERROR]
    hints = [f.message for f in said if f.severity is Severity.HINT]
    assert len(errors) == 1 and "机构评估" in errors[0] and "0.46" in errors[0] and "0.42" in errors[0]
    assert len(hints) == 1 and "2.04" in hints[0] and "2.03" in hints[0] and "尾差" in hints[0]


def test_no_false_alarms_on_the_wrong_one(wrong):
    rules = {f.rule for f in wrong if f.severity in (Severity.ERROR, Severity.WARNING)}
    assert rules == {"template.relation", "selfeval.group_summary", "selfeval.score_vs_ratio", "selfeval.heading_points",
                     "selfeval.written_arithmetic"}


def test_heading_points_split():
    assert stated_points("效益（30分）") == ("效益", "30")
    assert stated_points("项目立项(5 分)") == ("项目立项", "5")
    assert stated_points("产出指标") == ("产出指标", "")
    assert canonical("产出（35分）") == canonical("产出指标")


def _small():
    form = load(EXAMPLES / "third-party-evaluation-correct.jixiao")
    form = copy.deepcopy(form)
    return form


def _row(form, name):
    return next(r for r in form.content.tables["indicators"] if r.get("name") == name)


def test_other_numbers_pass_and_fail():
    form = _small()
    # another wording of a 二级 heading with points, agreeing with its rows (3 + 2)
    _row(form, "立项依据充分性")["level2"] = "项目立项 (5 分)"
    assert not [f for f in run_checks(form).findings if f.severity is Severity.ERROR]
    # a 二级 heading stating 6 over rows of 3 + 2
    _row(form, "立项依据充分性")["level2"] = "项目立项(6分)"
    said = _messages(run_checks(form).findings, "selfeval.heading_points")
    assert said == ["二级指标“项目立项”标明6分，其下各三级指标分值合计5分，相差1分"]


def test_summary_points_against_detail():
    form = _small()
    summary = form.content.tables["summary"]
    process = next(r for r in summary if r["_row"] == "process")
    process["points"] = "16"
    said = _messages(run_checks(form).findings, "selfeval.group_summary")
    assert any("过程" in m and "16" in m and "15" in m for m in said)
    process["points"] = "15"
    _row(form, "绩效自评")["score"] = "2.50"
    process["score"] = "11.38"
    form.content.tables["summary"][4]["score"] = "82.15"
    form.content.fields["total_score"] = "82.15"
    assert not _messages(run_checks(form).findings, "selfeval.group_summary")
