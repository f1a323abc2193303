"""Forms for the refusal tests (tests/test_refusals.py) and their passing/failing cases, which
tests/test_check_rules.py adds to its catalogue cases (the project forms are built lazily: that module
imports this one)."""

from __future__ import annotations

from jixiao_desktop.templates import load_text
from jixiao_desktop.templates.document import new_document

SHEET = """
[template]
id = "refusals-sheet"
version = 1
name = "测试用指标清单"
kind = "project"
layout = "classic"
{checks}

[[section]]
type = "fields"
id = "head"
  [[section.field]]
  id = "year"
  label = "年度"
  type = "year"
  role = "year"
  [[section.field]]
  id = "goal"
  label = "年度绩效目标"
  type = "longtext"
  role = "annual_goal"

[[section]]
type = "indicators"
id = "indicators"
label = "绩效指标"
sides = [{{ id = "annual", label = "年度指标" }}]
columns = {columns}
{relation}
"""
FULL = '["level2", "name", "nature", "value", "unit", "weight"]'


def sheet(rows, *, columns=FULL, checks="", relation="", goal="完成补贴发放"):
    loaded = load_text(SHEET.format(columns=columns, checks=checks, relation=relation))
    form = new_document(loaded, year="2025")
    form.content.fields["goal"] = goal
    form.content.tables["indicators"] = [{"side": "annual", **row} for row in rows]
    return form


def row(name, value, *, level1="产出指标", level2="数量指标", **cells):
    return {"level1": level1, "level2": level2, "name": name, "value": value, **cells}


GOOD_ROWS = [
    row("补贴发放人数", "6900", nature="≥", unit="人", weight="40"),
    row("补贴发放准确率", "100", level2="质量指标", nature="＝", unit="%", weight="30"),
    row("老年人生活质量", "提升", level1="效益指标", level2="社会效益指标", nature="定性", weight="30"),
]


SPACED = [row("补贴 标准", "300 元", level2="成本指标", nature="≤", weight="40"),
          row("发放准确率", "null", level2="质量指标", weight="30"),
          row("老年人生活质量", "提升", level1="效益指标", level2="社会效益指标", nature="定性", weight="30")]



def _project(**cells):
    def make():
        from tests.test_check_rules import ind, project, with_

        return with_(project, ind("indicators[2].annual", **cells))() if cells else project()

    return make


# --- one passing and one failing form per rule (test_check_rules.CASES) -------------------------

REFUSAL_CASES = {
    "system.value_marks": (_project(), _project(value="1-12月")),
    "system.name_marks": (_project(), _project(name="-")),
    "system.space_or_null": (lambda: sheet(GOOD_ROWS, checks='checks = { "system.space_or_null" = true }'),
                             lambda: sheet(SPACED, checks='checks = { "system.space_or_null" = true }')),
    "system.weights_total": (lambda: sheet(GOOD_ROWS),
                             lambda: sheet([dict(r, weight="20") for r in GOOD_ROWS])),
    "system.annual_goal_blank": (lambda: sheet(GOOD_ROWS), lambda: sheet(GOOD_ROWS, goal="")),
}
