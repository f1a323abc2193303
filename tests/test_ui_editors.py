"""The form editors, driven as a clerk would (offscreen Qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from jixiao_desktop.checks import run_checks
from jixiao_desktop.checks.findings import Finding, Severity
from jixiao_desktop.forms import SpecialFund
from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.editors import create_editor
from jixiao_desktop.ui.editors.department_editor import DepartmentEditor
from jixiao_desktop.ui.editors.project_editor import ProjectEditor
from tests.conftest import load_example

pytestmark = pytest.mark.gui


def open_editor(qtbot, name: str, **kwargs):
    doc = FormDocument(load_example(name))
    editor = create_editor(doc, **kwargs)
    qtbot.addWidget(editor)
    editor.resize(1366, 768)
    editor.show()
    return doc, editor


def test_every_example_opens_and_takes_findings(qtbot, example_name, tmp_path):
    doc, editor = open_editor(qtbot, example_name)
    expected = ProjectEditor if doc.form.kind == "project" else DepartmentEditor
    assert isinstance(editor, expected)
    editor.mark_findings(run_checks(doc.form).findings)
    for i in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(i)
        assert not editor.grab().isNull()


def test_unit_form_hides_fund_tables(qtbot):
    _, editor = open_editor(qtbot, "unit-2024-minhang-ageing-center")
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert not any("附表" in t for t in titles)
    assert editor.focus_location("staff_count")
    assert not editor.focus_location("special_funds[0].name")


def test_typing_a_funding_cell_updates_the_auto_total(qtbot):
    doc, editor = open_editor(qtbot, "project-2024-chenggong-eldercare")
    view = editor.funding_view
    model = view.model()
    index = model.index(1, 2)  # 年度 · 中央财政
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, "1")  # typing starts editing with the key typed
    cell_editor = view.indexWidget(index)
    assert cell_editor is not None
    qtbot.keyClicks(cell_editor, "000")  # the editor commits as you type
    assert doc.form.funding.annual.central == "1000"
    assert model.index(1, model.AUTO).data() == "≠ 454600.00"
    assert cell_editor.text() == "1000" and cell_editor.cursorPosition() == 4
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() == view.State.NoState)
    assert view.currentIndex().row() == 1  # 年度 is the last row: stays
    assert doc.undo_stack.count() == 1  # typing merged into one step
    doc.undo_stack.undo()
    assert doc.form.funding.annual.central == ""
    assert model.index(1, model.AUTO).data() == "453600.00"


def test_text_field_binds_both_ways(qtbot):
    doc, editor = open_editor(qtbot, "project-2024-chenggong-eldercare")
    field = next(f for f in editor.fields if f.location == "proposal.overview")
    field.setPlainText("新的概况")
    assert doc.form.proposal.overview == "新的概况"
    doc.undo_stack.undo()
    assert field.toPlainText() == load_example("project-2024-chenggong-eldercare").proposal.overview
    line = next(f for f in editor.fields if f.location == "leader")
    line.setText("张三")
    line.textEdited.emit("张三")
    assert doc.form.leader == "张三"


def test_paste_and_copy_in_indicator_grid_undo_in_one_step(qtbot):
    doc, editor = open_editor(qtbot, "project-2024-chenggong-eldercare")
    view = editor.indicator_view
    model = view.model()
    count = model.rowCount()
    view.setCurrentIndex(model.index(count - 1, 2))
    QApplication.clipboard().setText('服务对象满意度\t"≥90%"\n培训人次\t"≥\n200人次"\n')
    view.paste_clipboard()
    assert model.rowCount() == count + 1
    assert doc.form.indicators[count].mid.value == "≥\n200人次"
    view.setCurrentIndex(model.index(count, 2))
    view.selectionModel().select(model.index(count, 3), view.selectionModel().SelectionFlag.Select)
    assert view.copy_selection() == '培训人次\t"≥\n200人次"\n'
    doc.undo_stack.undo()
    assert model.rowCount() == count
    assert doc.form.indicators[count - 1].mid.name == "老年人对居家养老服务工作满意"


def test_row_commands_by_shortcut(qtbot):
    doc, editor = open_editor(qtbot, "project-2024-chenggong-eldercare")
    view = editor.indicator_view
    editor.tabs.setCurrentIndex(editor.INDICATORS)
    model = view.model()
    names = [r.annual.name for r in doc.form.indicators]
    view.setCurrentIndex(model.index(0, 5))
    view.setFocus()
    view.action("insert").trigger()                # above the current row, as in Excel
    assert len(doc.form.indicators) == len(names) + 1
    assert view.currentIndex().row() == 0 and doc.form.indicators[1].annual.name == names[0]
    view.action("remove").trigger()
    assert [r.annual.name for r in doc.form.indicators] == names
    view.setCurrentIndex(model.index(0, 5))
    view.action("down").trigger()
    assert doc.form.indicators[1].annual.name == names[0]
    assert view.currentIndex().row() == 1
    view.action("up").trigger()
    assert [r.annual.name for r in doc.form.indicators] == names


def test_enter_moves_down_and_tab_wraps(qtbot):
    _, editor = open_editor(qtbot, "project-2024-chenggong-eldercare")
    view = editor.indicator_view
    editor.tabs.setCurrentIndex(editor.INDICATORS)
    model = view.model()
    view.setCurrentIndex(model.index(0, 3))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.currentIndex().row() == 1
    view.setCurrentIndex(model.index(0, model.columnCount() - 1))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 0)


def test_library_button_uses_the_chooser(qtbot):
    calls = []

    def choose(level1, level2):
        calls.append((level1, level2))
        return {"name": "培训人次", "value": "≥200人次"}

    doc, editor = open_editor(qtbot, "project-2024-chenggong-eldercare", choose_indicator=choose)
    view = editor.indicator_view
    view.setCurrentIndex(view.model().index(0, 5))
    view.action("library").trigger()
    assert calls == [("产出指标", "数量指标")]
    assert doc.form.indicators[1].annual.name == "培训人次"


def test_fund_row_opens_its_detail_page_creating_it(qtbot):
    doc, editor = open_editor(qtbot, "department-2023-shifeng-civil-affairs")
    doc.insert_row("special_funds", 12, SpecialFund(seq="13", name="新专项", amount="5"))
    view = editor.fund_view
    index = view.model().index(12, view.model().DETAIL)
    assert index.data() == "未建立"
    view.doubleClicked.emit(index)
    detail = doc.form.special_funds[12].detail
    assert detail is not None and detail.name == "新专项" and detail.amount == "5"
    assert editor.tabs.currentWidget().isAncestorOf(editor.fund_page)
    name_field = next(f for f in editor.fund_page.fields if f.location.endswith(".detail.name"))
    assert name_field.location == "special_funds[12].detail.name" and name_field.text() == "新专项"
    view.model().setData(view.model().index(12, view.model().NAME), "改名专项")
    assert name_field.text() == "改名专项"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.form.special_funds[12].detail is None
    assert editor.fund_page.currentIndex() == 0


@pytest.mark.parametrize(
    "location, widget_check",
    [
        ("funding.mid.total", lambda e: e.funding_view.currentIndex().column() == 0),
        ("indicators[3].annual.value", lambda e: e.indicator_view.currentIndex().row() == 3),
        ("proposal.overview", lambda e: e.tabs.currentIndex() == e.PROPOSAL),
        ("goals.annual", lambda e: e.tabs.currentIndex() == e.BASIC),
        ("cost_lines", lambda e: e.tabs.currentIndex() == e.COSTING),
    ],
)
def test_focus_location_project(qtbot, location, widget_check):
    _, editor = open_editor(qtbot, "project-2024-chenggong-eldercare")
    assert editor.focus_location(location)
    assert widget_check(editor)


def test_focus_location_department_detail(qtbot):
    _, editor = open_editor(qtbot, "department-2023-shifeng-civil-affairs")
    assert editor.focus_location("special_funds[4].detail.expenses[0].amount")
    page = editor.fund_page
    assert page.row == 4 and editor.fund_list.currentRow() == 4
    assert page.expense_view.currentIndex().column() == page.expense_model.AMOUNT
    assert editor.focus_location("special_funds[2].amount")
    assert editor.fund_view.currentIndex().row() == 2
    assert editor.focus_location("budget.total")
    assert not editor.focus_location("no_such_field")
    assert not editor.focus_location("bad path!")


def test_findings_mark_fields_and_cells(qtbot):
    _, editor = open_editor(qtbot, "department-2023-shifeng-civil-affairs")
    findings = [
        Finding("r", Severity.ERROR, "budget.total", "资金总额不等于各项之和"),
        Finding("r", Severity.WARNING, "special_funds[1].detail.expenses[0].amount", "明细不符"),
    ]
    editor.mark_findings(findings)
    field = next(f for f in editor.fields if f.location == "budget.total")
    assert field.property("severity") == "error" and "资金总额" in field.toolTip()
    editor.focus_location("special_funds[1].detail.expenses[0].amount")
    page = editor.fund_page
    cell = page.expense_model.index(0, page.expense_model.AMOUNT)
    assert "明细不符" in cell.data(Qt.ItemDataRole.ToolTipRole)
    editor.mark_findings([])
    assert field.property("severity") == ""
