"""Excel-like editing that never surprises (issue 17): what a clerk typing seed 000 into a new form found.

Merged 一级/二级 cells pasted as blanks, one undo step per committed edit, Esc leaving no trace, Tab leaving
a grid at its ends, 插入行 above (and below), 剪切, 查找/替换 over the whole document — in the built-in
editors and the ones generated from templates alike.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from jixiao_desktop.checks import run_checks
from jixiao_desktop.forms import search
from jixiao_desktop.forms.templates import new_department, new_project
from jixiao_desktop.templates import available
from jixiao_desktop.templates.document import new_document
from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.editors import create_editor
from jixiao_desktop.ui.editors.grid_view import GridView
from jixiao_desktop.ui.editors.indicator_model import IndicatorModel
from jixiao_desktop.ui.editors.template_indicators import IndicatorSideModel
from jixiao_desktop.ui.find_replace import FindReplaceDialog

pytestmark = pytest.mark.gui
TOOLTIP = Qt.ItemDataRole.ToolTipRole

# Seed 000's indicator rows as Excel puts them on the clipboard: a merged 一级/二级 is on its first row only.
PASTED = ("产出指标\t数量指标\t运营中心数量\t≥22个\t数量指标\t运营中心数量\t≥22个\n"
          "\t\t服务老人人次\t≥5000人次\t\t服务老人人次\t≥5000人次\n"
          "\t质量指标\t服务合格率\t≥95%\t质量指标\t服务合格率\t≥95%\n"
          "效益指标\t社会效益指标\t老年人生活质量\t明显提升\t社会效益指标\t老年人生活质量\t明显提升\n"
          "\t\t居家养老覆盖面\t≥90%\t\t居家养老覆盖面\t≥90%\n")


def _open(qtbot, form):
    document = FormDocument(form)
    editor = create_editor(document)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    return document, editor


def _project(qtbot):
    document, editor = _open(qtbot, new_project("2024"))
    editor.tabs.setCurrentIndex(editor.INDICATORS)
    return document, editor, editor.indicator_view


def _template(qtbot, template_id="mof-project"):
    document, editor = _open(qtbot, new_document(available()[0][template_id], year="2025"))
    views = [v for v in editor.grids if isinstance(v.model(), IndicatorSideModel)]
    return document, editor, views


def _type(view, row, column, text):
    view.setCurrentIndex(view.model().index(row, column))
    view.setFocus()
    QTest.keyClicks(view, text)


def _enter(qtbot, view):
    QTest.keyClick(view.open_editor() or view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() == view.State.NoState)


# --- 1. merged cells -------------------------------------------------------------------
def _layout_findings(form):
    rules = ("layout.level1_unknown", "layout.level2_unknown", "layout.level2_misplaced", "template.indicator_layout")
    return [f.message for f in run_checks(form).findings if f.rule in rules]


def test_rows_pasted_from_excel_with_merged_headings_check_clean_in_the_project_grid(qtbot):
    document, editor, view = _project(qtbot)
    model = view.model()
    view.setCurrentIndex(model.index(0, 0))
    view.paste_text(PASTED)
    form = document.form
    assert form.indicators[1].level1 == "" and form.indicators[1].annual.level2 == ""   # kept as pasted
    assert not _layout_findings(form)
    assert model.data(model.index(1, 0), TOOLTIP).endswith("同上：产出指标")
    level2 = model.column_for("annual.level2")
    assert "同上：数量指标" in model.data(model.index(1, level2), TOOLTIP)
    assert "质量指标" in model.choices(1, level2) and "社会效益指标" not in model.choices(1, level2)
    assert model.display_text(4, 0) == "" and model.display_text(3, 0) == "效益指标"


def test_a_first_row_without_its_level1_is_still_an_error(qtbot):
    document, editor, view = _project(qtbot)
    view.setCurrentIndex(view.model().index(0, 0))
    view.paste_text(PASTED.replace("产出指标", "", 1))
    messages = _layout_findings(document.form)
    assert any("第1行没有一级指标" in m for m in messages)
    assert not any("第4行" in m for m in messages)


def test_rows_pasted_with_merged_headings_check_clean_in_a_template_grid(qtbot):
    document, editor, views = _template(qtbot)
    annual = views[-1]
    annual.setCurrentIndex(annual.model().index(0, 0))
    annual.paste_text("产出指标\t数量指标\t新建工程\t≥10处\n\t\t改造工程\t≥5处\n效益指标\t社会效益指标\t受益人口\t≥1000人\n"
                      "\t\t覆盖村数\t≥12个\n")
    assert not _layout_findings(document.form)
    model = annual.model()
    assert "同上：产出指标" in model.data(model.index(1, 0), TOOLTIP)
    assert "同上：数量指标" in model.data(model.index(1, model.column_for("level2")), TOOLTIP)


# --- 2. one undo step per committed edit; Esc leaves none --------------------------------
def test_each_committed_edit_of_a_cell_is_its_own_undo_step(qtbot):
    document, editor, view = _project(qtbot)
    column = view.model().column_for("annual.name")
    _type(view, 0, column, "A1")
    _enter(qtbot, view)
    _type(view, 0, column, "B2")
    _enter(qtbot, view)
    assert document.value("indicators[0].annual.name") == "B2"
    document.undo_stack.undo()
    assert document.value("indicators[0].annual.name") == "A1"
    document.undo_stack.undo()
    assert document.value("indicators[0].annual.name") == ""


def test_escape_restores_the_text_and_leaves_no_undo_step(qtbot):
    document, editor, view = _project(qtbot)
    changes = []
    document.modified_changed.connect(changes.append)
    column = view.model().column_for("annual.value")
    _type(view, 2, column, "95%")
    assert document.value("indicators[2].annual.value") == "95%"   # typing is live
    QTest.keyClick(view.open_editor(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() == view.State.NoState)
    assert document.value("indicators[2].annual.value") == ""
    assert document.undo_stack.count() == 0 and not document.modified
    assert changes[-1] is False


def test_escape_after_a_save_keeps_the_saved_state(qtbot, tmp_path):
    document, editor, views = _template(qtbot)
    view = views[-1]
    view.model().insert_rows(0)
    document.save(tmp_path / "t.jixiao")
    name = view.model().column_for("name")
    _type(view, 0, name, "abc")
    assert document.modified
    QTest.keyClick(view.open_editor(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() == view.State.NoState)
    assert not document.modified and document.undo_stack.index() == document.undo_stack.count()


def test_a_field_typed_in_again_after_leaving_it_is_a_new_step(qtbot):
    document, editor = _open(qtbot, new_project("2024"))
    field = next(f for f in editor.fields if isinstance(f, QLineEdit) and f.location == "project_name")
    editor.tabs.setCurrentIndex(next(i for i in range(editor.tabs.count())
                                     if editor.tabs.widget(i).isAncestorOf(field)))
    field.setFocus()
    QTest.keyClicks(field, "ju")
    QTest.keyClick(field, Qt.Key.Key_Return)
    QTest.keyClicks(field, "jia")
    document.undo_stack.undo()
    assert document.value("project_name") == "ju"


# --- 3. Tab leaves the grid at its ends ----------------------------------------------------
def _between(qtbot, model):
    holder = QWidget()
    before, after = QLineEdit(), QLineEdit()
    view = GridView(model)
    layout = QVBoxLayout(holder)
    for widget in (before, view, after):
        layout.addWidget(widget)
    qtbot.addWidget(holder)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    _between.holders.append(holder)   # kept alive for the test
    return before, view, after


_between.holders = []


def test_tab_from_the_last_cell_and_shift_tab_from_the_first_leave_the_grid(qtbot):
    document = FormDocument(new_project("2024"))
    before, view, after = _between(qtbot, IndicatorModel(document))
    model = view.model()
    last = model.index(model.rowCount() - 1, model.columnCount() - 1)
    view.setCurrentIndex(last)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after and view.currentIndex() == last   # no wrapping round
    view.setCurrentIndex(model.index(0, 0))
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is before
    view.setCurrentIndex(model.index(0, 1))
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view and view.currentIndex().column() == 2   # inside: cell to cell
    QTest.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is after


def test_tab_in_the_last_cell_editor_commits_and_leaves(qtbot):
    document = FormDocument(new_project("2024"))
    before, view, after = _between(qtbot, IndicatorModel(document))
    model = view.model()
    row, column = model.rowCount() - 1, model.columnCount() - 1
    _type(view, row, column, "12")
    QTest.keyClick(view.open_editor(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.state() == view.State.NoState)
    assert QApplication.focusWidget() is after
    assert document.value(f"indicators[{row}].annual.value") == "12"


# --- 4. rows, cut, find and replace -----------------------------------------------------
def test_insert_row_above_and_below_the_current_row(qtbot):
    document, editor, view = _project(qtbot)
    model = view.model()
    names = [r.annual.level2 for r in document.form.indicators]
    view.setCurrentIndex(model.index(2, 3))
    view.action("insert").trigger()
    assert document.form.indicators[2].annual.level2 == "" and document.form.indicators[3].annual.level2 == names[2]
    assert view.currentIndex().row() == 2
    view.action("insert_below").trigger()
    assert document.form.indicators[3].annual.level2 == "" and document.form.indicators[4].annual.level2 == names[2]
    assert view.currentIndex().row() == 3


def test_insert_above_in_a_template_grid(qtbot):
    document, editor, views = _template(qtbot)
    view = views[-1]
    model = view.model()
    model.paste(0, 0, [["产出指标", "数量指标", "甲", "1个"], ["", "", "乙", "2个"]])
    view.setCurrentIndex(model.index(1, 2))
    view.action("insert").trigger()
    assert [model.cell_text(r, 2) for r in range(3)] == ["甲", "", "乙"]


def test_cut_copies_and_clears_as_one_undo_step(qtbot):
    document, editor, view = _project(qtbot)
    model = view.model()
    name, value = model.column_for("annual.name"), model.column_for("annual.value")
    model.paste(0, name, [["服务人次", "≥5000人次"]])
    steps = document.undo_stack.count()
    view.setCurrentIndex(model.index(0, name))
    view.selectionModel().select(view.selectionModel().selection(), view.selectionModel().SelectionFlag.Clear)
    view.selectionModel().select(model.index(0, name), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(model.index(0, value), view.selectionModel().SelectionFlag.Select)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "服务人次\t≥5000人次\n"
    assert document.value("indicators[0].annual.name") == "" and document.value("indicators[0].annual.value") == ""
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()
    assert document.value("indicators[0].annual.value") == "≥5000人次"


def _dialog(qtbot, editor, document):
    dialog = FindReplaceDialog(lambda: document, editor.focus_location)
    qtbot.addWidget(dialog)
    return dialog


def test_find_next_jumps_to_each_cell_across_annex_pages(qtbot):
    form = new_department("2023")
    from jixiao_desktop.forms.department import SpecialFund
    from jixiao_desktop.forms.templates import new_fund_detail

    fund = SpecialFund(seq="1", name="养老服务补贴", amount="10")
    fund.detail = new_fund_detail(fund)
    fund.detail.indicators[0].annual.name = "养老机构数量"
    form.special_funds = [fund]
    form.indicators[0].annual.name = "养老床位"
    document, editor = _open(qtbot, form)
    dialog = _dialog(qtbot, editor, document)
    dialog.open_for(replace=False)
    dialog.needle.setText("养老")
    count = len(search.find_all(document.form, "养老"))
    places = [dialog.find_next().location for _ in range(count + 1)]
    assert places[0] == "indicators[0].annual.name"
    assert "special_funds[0].name" in places and "special_funds[0].detail.indicators[0].annual.name" in places
    assert places[count] == places[0]   # round to the first after the last
    assert f"共{count}处" in dialog.status.text()
    while dialog.shown.location != "special_funds[0].detail.indicators[0].annual.name":
        dialog.find_next()
    (grid,) = [v for v in editor.grids if getattr(v.model(), "list_path", "") == "special_funds[0].detail.indicators"]
    assert editor.tabs.currentWidget().isAncestorOf(grid)   # its page is shown
    assert grid.currentIndex().data(Qt.ItemDataRole.EditRole) == "养老机构数量"


def test_replace_one_then_all_across_template_child_forms_as_one_undo_step(qtbot):
    from jixiao_desktop.templates.document import child_blank

    form = new_document(available()[0]["county-distribution"], year="2025")
    child_id = next(iter(form.content.children))
    children = [child_blank(form.loaded, child_id), child_blank(form.loaded, child_id)]
    children[0].fields["goal"] = "乡镇养老服务"
    children[1].fields["goal"] = "养老助餐"
    form.content.children[child_id] = children
    document, editor = _open(qtbot, form)
    dialog = _dialog(qtbot, editor, document)
    dialog.open_for(replace=True)
    dialog.needle.setText("养老")
    dialog.replacement.setText("照护")
    dialog.replace_one()                 # first shows the occurrence,
    assert dialog.shown.location == f"content.children.{child_id}[0].fields.goal"
    dialog.replace_one()                 # then replaces it and goes on
    assert document.value(f"content.children.{child_id}[0].fields.goal") == "乡镇照护服务"
    assert dialog.shown.location == f"content.children.{child_id}[1].fields.goal"
    steps = document.undo_stack.count()
    document.form.content.fields["project_name"] = document.form.content.fields.get("project_name", "") + "养老"
    assert dialog.replace_every() == 2
    assert document.undo_stack.count() == steps + 1
    assert document.value(f"content.children.{child_id}[1].fields.goal") == "照护助餐"
    document.undo_stack.undo()
    assert document.value(f"content.children.{child_id}[1].fields.goal") == "养老助餐"


def test_find_and_replace_are_in_the_edit_menu(window):
    window.new_document("project")
    actions = window.actions_
    assert actions.find.shortcut().matches(Qt.Key.Key_F | Qt.KeyboardModifier.ControlModifier).name == "ExactMatch"
    assert actions.replace.isEnabled()
    actions.replace.trigger()
    dialog = actions.find_replace.dialog
    assert dialog.isVisible() and dialog.replacement.isVisible()
    dialog.close()
