"""The editor generated from a template: every shipped template's documents open, edit, undo, check,
save and reopen; amount tables total live; child forms follow their parent rows; two-sided indicator
tables keep their sides apart."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt

from jixiao_desktop.checks import run_checks
from jixiao_desktop.forms import locations
from jixiao_desktop.resources import resource_path
from jixiao_desktop.storage import load, save
from jixiao_desktop.templates import available
from jixiao_desktop.templates.document import new_document
from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.editors import create_editor
from jixiao_desktop.ui.editors.template_editor import ChildFormsPage, TemplateEditor
from jixiao_desktop.ui.editors.template_indicators import IndicatorSideModel
from jixiao_desktop.ui.editors.template_models import AmountTableModel

EXAMPLES = resource_path("templates", "examples")
TEMPLATE_EXAMPLES = sorted(p for p in EXAMPLES.glob("*.jixiao") if load(p).kind == "template")


def _editor(qtbot, form) -> TemplateEditor:
    document = FormDocument(form)
    editor = create_editor(document)
    qtbot.addWidget(editor)
    assert isinstance(editor, TemplateEditor)
    return editor


def _models(editor, kind):
    return [view.model() for view in editor.grids if isinstance(view.model(), kind)]


@pytest.mark.parametrize("path", TEMPLATE_EXAMPLES, ids=lambda p: p.stem)
def test_every_template_example_opens_with_every_cell_shown(qtbot, path):
    form = load(path)
    editor = _editor(qtbot, form)
    shown = {w.location for w in editor.fields if w.location}
    for model in editor.grids:
        model = model.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                location = model.location(row, column)
                if location:
                    shown.add(location)
    for page in editor.child_pages.values():
        for index in range(len(page._children())):
            page.show_row(index)
            shown |= {w.location for w in page.bound}
            for model in page.models:
                shown |= {model.location(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())}
    typed = {loc for loc in _typed_locations(form)}
    assert typed <= shown, sorted(typed - shown)[:5]
    # findings mark their fields and cells
    editor.mark_findings(run_checks(form).findings)


def _typed_locations(form):
    for sections, part, prefix, _ in form.parts():
        for key, text in part.fields.items():
            if text.strip():
                yield f"{prefix}fields.{key}"
        for table, rows in part.tables.items():
            for index, row in enumerate(rows):
                for column, text in row.items():
                    if column not in ("_row", "side") and text.strip():
                        yield f"{prefix}tables.{table}[{index}].{column}"


def _new(template_id):
    return new_document(available()[0][template_id], year="2025")


def test_header_field_typing_is_one_undo_step_and_is_checked(qtbot):
    editor = _editor(qtbot, _new("mof-project"))
    document = editor.document
    name = next(w for w in editor.fields if w.location.endswith(".project_name"))
    before = {f.location for f in run_checks(document.form).findings}
    assert name.location in before            # required and blank: reported at the field
    name.setText("农村饮水安全巩固提升工程")
    name.textEdited.emit(name.text())
    assert document.value(name.location) == "农村饮水安全巩固提升工程"
    assert name.location not in {f.location for f in run_checks(document.form).findings}
    document.undo_stack.undo()
    assert document.value(name.location) == "" and name.text() == ""


def test_amount_table_total_row_is_live_and_blank_is_not_zero(qtbot):
    editor = _editor(qtbot, _new("county-distribution"))
    model = next(m for m in _models(editor, AmountTableModel) if m.table.id == "distribution")
    assert model.rowCount() == 1 and model.is_footer(0)
    column = next(i for i, c in enumerate(model.columns) if c.key == "roads")
    assert model.data(model.index(0, column)) == ""           # no rows: blank, not 0.00
    model.insert_rows(0, 2)
    model.setData(model.index(0, column), "60")
    model.setData(model.index(1, column), "45.5")
    assert model.data(model.index(2, column)) == "105.50"
    other = next(i for i, c in enumerate(model.columns) if c.key == "water")
    assert model.data(model.index(2, other)) == ""
    editor.document.undo_stack.undo()
    assert model.data(model.index(2, column)) == "60.00"


def test_rows_with_child_forms_take_their_child_along(qtbot):
    editor = _editor(qtbot, _new("county-distribution"))
    document = editor.document
    model = next(m for m in _models(editor, AmountTableModel) if m.table.id == "distribution")
    children = lambda: locations.list_at(document.form, "content.children.targets")  # noqa: E731
    model.insert_rows(0, 3)
    assert len(children()) == 3
    town = next(i for i, c in enumerate(model.columns) if c.key == "town")
    for row, name in enumerate(("城关镇", "桥头镇", "清溪乡")):
        model.setData(model.index(row, town), name)
    page: ChildFormsPage = editor.child_pages["targets"]
    page.show_row(2)
    field = next(w for w in page.bound if w.location.endswith("fields.name"))
    assert field.location == "content.children.targets[2].fields.name"
    field.setText("清溪乡人居环境项目")
    field.textEdited.emit(field.text())
    assert children()[2].fields["name"] == "清溪乡人居环境项目"
    steps = document.undo_stack.count()
    model.move_row(2, -2)                          # the row and its form move together, one step
    assert document.undo_stack.count() == steps + 1
    assert children()[0].fields["name"] == "清溪乡人居环境项目"
    assert page.rows.item(0).text().endswith("清溪乡")
    model.remove_rows([0])
    assert len(children()) == 2 and all(c.fields["name"] == "" for c in children())
    document.undo_stack.undo()
    assert children()[0].fields["name"] == "清溪乡人居环境项目"


def test_a_finding_in_a_child_form_is_reached_from_the_panel(qtbot):
    form = load(EXAMPLES / "county-distribution-wrong.jixiao")
    editor = _editor(qtbot, form)
    editor.show()
    findings = [f for f in run_checks(form).findings if ".children.targets[" in f.location]
    assert findings
    target = max(findings, key=lambda f: f.location)
    assert editor.focus_location(target.location)
    row = int(target.location.split("targets[", 1)[1].split("]", 1)[0])
    assert editor.child_pages["targets"].row == row


def test_two_sided_indicator_table_keeps_each_side_in_its_own_grid(qtbot):
    editor = _editor(qtbot, _new("mof-project"))
    document = editor.document
    mid, annual = (m for m in _models(editor, IndicatorSideModel))
    assert (mid.side, annual.side) == ("mid", "annual")
    annual.insert_rows(0, 1)
    mid.insert_rows(0, 2)
    rows = locations.list_at(document.form, "content.tables.indicators")
    assert [r["side"] for r in rows] == ["mid", "mid", "annual"]   # 中期 before 年度, as on paper
    name = mid.column_for("name")
    mid.setData(mid.index(1, name), "受益人口")
    assert rows[1]["name"] == "受益人口" and annual.cell_text(0, name) == ""
    annual.paste(0, 0, [["产出指标", "数量指标", "新建工程", "≥10处"], ["", "质量指标", "验收合格率", "100%"]])
    assert [r["side"] for r in rows] == ["mid", "mid", "annual", "annual"]
    assert rows[3]["value"] == "100%"
    document.undo_stack.undo()                     # the paste is one step
    assert len(locations.list_at(document.form, "content.tables.indicators")) == 3
    assert mid.choices(0, 0) and "数量指标" in mid.choices(0, mid.column_for("level2"))


OWN = """
[template]
id = "own-levels"
version = 1
name = "自定指标体系的表"
kind = "project"
layout = "own"
levels = { "产出" = ["数量", "质量"], "效果" = ["社会效果"] }

[[section]]
type = "indicators"
id = "indicators"
sides = [{ id = "annual", label = "年度指标" }]
columns = ["level2", "name", "value", "score"]
"""


def test_own_layout_offers_its_own_level_lists(qtbot):
    from jixiao_desktop.templates.loader import load_text

    editor = _editor(qtbot, new_document(load_text(OWN, "own.toml")))
    model = _models(editor, IndicatorSideModel)[0]
    model.insert_rows(0, 1)
    assert model.choices(0, 0) == ["产出", "效果"]
    model.setData(model.index(0, 0), "效果")
    assert model.choices(0, model.column_for("level2")) == ["社会效果"]
    assert [c.header for c in model.columns] == ["一级指标", "二级指标", "三级指标", "指标值", "分值"]


def test_choice_field_keeps_a_text_not_in_its_list(qtbot):
    form = _new("hubei-city-project")
    form.content.fields["nature"] = "延续性（上年结转）"
    editor = _editor(qtbot, form)
    combo = next(w for w in editor.fields if w.location == "content.fields.nature")
    assert combo.currentText() == "延续性（上年结转）"
    combo.setCurrentIndex(combo.findText("一次性"))
    assert editor.document.value("content.fields.nature") == "一次性"


def test_edit_save_and_reopen_in_the_main_window(make_window, tmp_path, qtbot):
    path = tmp_path / "分配表.jixiao"
    save(load(EXAMPLES / "county-distribution-correct.jixiao"), path)
    window = make_window()
    assert window.open_path(path, ask=False)
    assert isinstance(window.editor, TemplateEditor)
    window.document.set_value("content.tables.distribution[0].roads", "61.00")
    qtbot.waitUntil(lambda: any(f.location.startswith("content.") for f in window.checker.report.findings),
                    timeout=3000)
    assert window.save()
    again = load(path)
    assert again.content.tables["distribution"][0]["roads"] == "61.00"
    assert again.content.children == window.document.form.content.children


def test_fixed_rows_show_their_labels(qtbot):
    editor = _editor(qtbot, load(EXAMPLES / "hubei-department-correct.jixiao"))
    model = next(m for m in _models(editor, AmountTableModel) if m.table.rows)
    labels = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert labels == [r.label for r in model.table.rows] + ([model.table.total_row] if model.table.total_row else [])
    assert not model.can_edit_rows
    model.insert_rows(0, 1)
    assert model.rowCount() == len(labels)


def test_template_locations_name_real_places():
    form = load(EXAMPLES / "county-distribution-correct.jixiao")
    assert isinstance(locations.list_at(form, "content.tables.distribution"), list)
    assert locations.resolve(form, "content.tables.distribution[0].no_such_column") == ""
    with pytest.raises(LookupError):
        locations.resolve(form, "content.tables.distribution[99]")
    old = locations.assign(form, "content.children.targets[0].fields.name", "新名称")
    assert old and form.content.children["targets"][0].fields["name"] == "新名称"


def test_new_dialog_groups_by_region_searches_and_puts_the_last_used_first(qtbot):
    from jixiao_desktop.ui.new_dialog import NewFormDialog

    found = available()[0]
    dialog = NewFormDialog(found, ["hubei-city-project", "no-such-template"])
    qtbot.addWidget(dialog)
    top = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert top[0] == "最近使用" and "湖北省" in top and "湖南省" in top
    assert dialog.chosen_id() == "hubei-city-project"
    dialog.search.setText("重庆")
    ids = [dialog.tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole + 1)
           for i in range(dialog.tree.topLevelItemCount()) for j in range(dialog.tree.topLevelItem(i).childCount())]
    assert ids == ["chongqing-project"] and dialog.chosen_id() == "chongqing-project"
    dialog.year.setText("2026")
    assert dialog.chosen() == ("chongqing-project", "2026")
    dialog.search.setText("没有这样的表")
    assert dialog.chosen_id() is None and not dialog.buttons.buttons()[0].isEnabled()


def test_new_from_a_template_in_the_window(make_window):
    from jixiao_desktop.forms import ProjectForm

    window = make_window()
    assert window.new_from_template("hubei-district-project", "2026")
    assert isinstance(window.editor, TemplateEditor)
    assert window.document.form.year == "2026"
    assert window.settings.recent_templates[0] == "hubei-district-project"
    window.document.undo_stack.setClean()
    assert window.new_from_template("yunnan-project", "2026")      # a seed form keeps its own editor
    assert isinstance(window.document.form, ProjectForm) and window.document.form.year == "2026"
    assert window.settings.recent_templates[:2] == ["yunnan-project", "hubei-district-project"]


def test_a_warning_of_a_template_document_explained_and_kept(make_window, qtbot, monkeypatch, tmp_path):
    from jixiao_desktop.checks import Severity
    from jixiao_desktop.ui.explanation_dialog import ExplanationDialog

    path = tmp_path / "wrong.jixiao"
    save(load(EXAMPLES / "mof-project-wrong.jixiao"), path)
    window = make_window()
    window.open_path(path, ask=False)
    warning = next(f for f in window.findings.findings() if f.severity is Severity.WARNING)
    assert window.findings.select_finding(warning)

    def fill(dialog):
        dialog.editor.setPlainText("按主管部门批复口径填写，已与财政局沟通")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ExplanationDialog, "exec", fill)
    window.findings.explain_button.click()
    qtbot.waitUntil(lambda: not window.checker.pending, timeout=2000)
    assert any(f.explained for f in window.findings.findings() if f.rule == warning.rule
               and f.location == warning.location)
    assert window.save()
    assert load(path).explanations[0].location == warning.location


def test_a_template_document_is_recovered_after_a_crash(make_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    crashed = make_window()
    crashed.new_from_template("chongqing-project", "2025")
    name_location = next(w.location for w in crashed.editor.fields if w.location.endswith("fields.name")
                         or w.location.endswith("fields.project_name"))
    crashed.document.set_value(name_location, "校园安全监控改造")
    assert crashed.autosave.tick()
    crashed.autosave._lock.unlock()
    crashed.autosave._lock = None
    crashed.autosave.document = None
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    window = make_window()
    assert window.offer_recovery()
    assert isinstance(window.editor, TemplateEditor)
    assert window.document.value(name_location) == "校园安全监控改造"


def test_an_indicator_from_the_library_goes_into_the_template_grid(qtbot):
    document = FormDocument(_new("hunan-project"))
    chosen = []

    def choose(level1="", level2=""):
        chosen.append((level1, level2))
        return {"name": "培训人次", "value": "≥500人次"}

    editor = create_editor(document, choose_indicator=choose)
    qtbot.addWidget(editor)
    view = next(v for v in editor.grids if isinstance(v.model(), IndicatorSideModel))
    model = view.model()
    model.insert_rows(0, 1)
    model.setData(model.index(0, 0), "产出指标")
    model.setData(model.index(0, model.column_for("level2")), "数量指标")
    view.setCurrentIndex(model.index(0, model.column_for("name")))
    view.action("library").trigger()
    assert chosen == [("产出指标", "数量指标")]
    assert model.cell_text(0, model.column_for("name")) == "培训人次"
    assert model.cell_text(0, model.column_for("value")) == "≥500人次"


def test_a_self_evaluation_made_from_the_open_declared_form(make_window, monkeypatch):

    window = make_window()
    monkeypatch.setattr(window, "choose_template", lambda *a, **k: ("mof-selfeval-project", ""))
    window.open_example("project-2024-chenggong-eldercare")
    declared = window.document.form
    window.document.undo_stack.setClean()
    assert window.new_selfeval()
    from jixiao_desktop.ui.windows import open_windows

    assert window.document.form is declared   # the declared form stays; its 自评表 opens in a window beside it
    window = open_windows()[-1]
    form = window.document.form
    assert form.kind == "template" and form.loaded.meta.kind == "evaluation"
    assert isinstance(window.editor, TemplateEditor)
    assert form.display_name == declared.display_name
    names = [row.get("name") for row in form.content.tables["indicators"]]
    assert [r.annual.name for r in declared.indicators if r.annual.name.strip()][:3] == [n for n in names if n][:3]
    assert window.document.modified          # a new, unsaved document


def test_a_self_evaluation_grid_shows_the_computed_score_and_marks_a_wrong_one(qtbot):
    form = load(EXAMPLES / "mof-selfeval-project-correct.jixiao")
    editor = _editor(qtbot, form)
    model = next(m for m in _models(editor, IndicatorSideModel))
    score = model.column_for("score")
    row = next(r for r in range(model.rowCount()) if model.cell_text(r, model.column_for("actual")).strip())
    tip = model.data(model.index(row, score), Qt.ItemDataRole.ToolTipRole)
    assert "按实际完成值计算" in tip
    assert model.data(model.index(row, score), Qt.ItemDataRole.ForegroundRole) is None
    computed = model.computed_score(row).value
    model.setData(model.index(row, score), str(computed - 3))
    assert model.data(model.index(row, score), Qt.ItemDataRole.ForegroundRole) is not None


def test_new_self_evaluation_of_a_department_asks_which_special_fund(make_window, monkeypatch):
    from jixiao_desktop.ui import new_forms

    window = make_window()
    monkeypatch.setattr(window, "choose_template", lambda *a, **k: ("mof-selfeval-project", ""))
    asked = []
    monkeypatch.setattr(new_forms, "ask_grid", lambda w, grids: asked.append([g.label for g in grids]) or 2)
    window.open_example("department-2023-shifeng-civil-affairs")
    fund = window.document.form.special_funds[1]
    window.document.undo_stack.setClean()
    assert window.new_selfeval()
    assert asked and len(asked[0]) > 2
    from jixiao_desktop.ui.windows import open_windows

    window = open_windows()[-1]             # the 自评表 opens in a window of its own
    form = window.document.form
    assert form.content.fields["project_name"] == fund.name.strip()
    assert window.display_name.endswith(fund.name.strip())
