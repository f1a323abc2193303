"""A 自评表 scores itself as the clerk types (selfeval/live.py and the editor): an 实际完成值 entered updates its
得分, the 总分 and the 自评等级 in the same undo step; a value the clerk typed over a computed one stays."""

from __future__ import annotations

import pytest

from jixiao_desktop.forms import locations
from jixiao_desktop.selfeval.live import follow_ups
from jixiao_desktop.storage import load
from jixiao_desktop.templates import shipped_templates_dir

EXAMPLES = shipped_templates_dir() / "examples"
ROW0 = "content.tables.indicators[0]"


def _form():
    return load(EXAMPLES / "mof-selfeval-project-correct.jixiao")


def test_an_achieved_value_carries_through_to_the_total_and_grade():
    form = _form()
    form.content.fields["total_score"] = "90.17"     # computed: one step above the 良/优 line
    form.content.tables["indicators"][1]["actual"] = "58公里"
    changes = dict(follow_ups(form, f"{ROW0}.actual", "5处"))     # ≥10处 reached half: 5 of 10 points
    assert changes[f"{ROW0}.score"] == "5"
    assert "content.fields.total_score" not in changes                # 90.17 was typed, not the computed 99.17


def test_blank_or_computed_cells_follow_and_typed_ones_stay():
    form = _form()
    assert dict(follow_ups(form, f"{ROW0}.actual", "5处")) == {f"{ROW0}.score": "5",
                                                                 "content.fields.total_score": "94.17"}
    for location in (f"{ROW0}.score", "content.fields.total_score", "content.fields.grade"):
        locations.assign(form, location, "")
    changes = dict(follow_ups(form, f"{ROW0}.actual", "3处"))
    assert changes[f"{ROW0}.score"] == "3" and changes["content.fields.total_score"] == "92.17"
    assert changes["content.fields.grade"] == "优"
    locations.assign(form, f"{ROW0}.score", "8")                       # the clerk's own judgement
    assert f"{ROW0}.score" not in dict(follow_ups(form, f"{ROW0}.actual", "6处"))


@pytest.mark.parametrize("executed, rate, score", [("100", "66.67%", "6.67"), ("150", "100%", "10"),
                                                   ("", "", "")])
def test_the_budget_row_follows_its_executed_amount(executed, rate, score):
    form = _form()
    changes = dict(follow_ups(form, "content.tables.budget[0].executed", executed))
    assert changes["content.tables.budget[0].rate"] == rate
    assert changes["content.tables.budget[0].score"] == score


def test_a_lower_total_lowers_the_grade():
    form = _form()
    form.content.fields["total_score"] = form.content.fields["grade"] = ""
    for row in form.content.tables["indicators"][1:3]:
        row["score"] = "0"                 # typed by the clerk (their own judgement): kept
    changes = dict(follow_ups(form, "content.tables.indicators[0].actual", "1处"))
    assert changes["content.fields.total_score"] == "70.5"     # 1 + 0 + 0 + six rows of 10 + 预算执行 9.5
    assert changes["content.fields.grade"] == "中"


def test_other_forms_have_no_derived_cells():
    form = load(EXAMPLES / "mof-project-correct.jixiao")
    assert follow_ups(form, "content.fields.project_name", "x") == []


@pytest.mark.gui
def test_the_editor_updates_score_total_and_grade_live_and_one_undo_restores_them(qtbot):
    from PySide6.QtCore import Qt

    from jixiao_desktop.ui.document import FormDocument
    from jixiao_desktop.ui.editors import create_editor
    from jixiao_desktop.ui.editors.template_indicators import IndicatorSideModel

    document = FormDocument(_form())
    editor = create_editor(document)
    qtbot.addWidget(editor)
    model = next(v.model() for v in editor.grids if isinstance(v.model(), IndicatorSideModel))
    total = next(w for w in editor.fields if w.location == "content.fields.total_score")
    row = next(r for r in range(model.rowCount()) if model.cell_text(r, model.column_for("name")).strip())
    assert total.text() == "99.17"
    model.setData(model.index(row, model.column_for("actual")), "5处", Qt.ItemDataRole.EditRole)
    assert model.cell_text(row, model.column_for("score")) == "5"
    assert total.text() == "94.17"
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert model.cell_text(row, model.column_for("score")) == "10" and total.text() == "99.17"


def test_working_out_the_follow_ups_leaves_the_form_as_it_was():
    from jixiao_desktop.storage import dumps

    form = _form()
    before = dumps(form)
    assert follow_ups(form, f"{ROW0}.actual", "5处")
    assert dumps(form) == before
