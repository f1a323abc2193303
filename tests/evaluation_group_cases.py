"""Pass/fail cases of the evaluation group checks (selfeval.group_summary, selfeval.heading_points)."""

from __future__ import annotations

from jixiao_desktop.storage import load
from jixiao_desktop.templates import shipped_templates_dir

_CORRECT = shipped_templates_dir() / "examples" / "third-party-evaluation-correct.jixiao"


def _correct():
    return load(_CORRECT)


def _summary_off():
    form = load(_CORRECT)
    form.content.tables["summary"][1]["score"] = "12.88"   # 过程: rows add up to 11.88
    return form


def _heading_off():
    form = load(_CORRECT)
    form.content.tables["indicators"][6]["level2"] = "资金管理（6分）"   # rows 1 + 1 + 3
    return form


EVALUATION_GROUP_CASES = {
    "selfeval.group_summary": (_correct, _summary_off),
    "selfeval.heading_points": (_correct, _heading_off),
}
