"""Grids repaint only what changed, keep every typed key, and show the paper form's headers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jixiao_desktop.checks.findings import Finding, Severity
from jixiao_desktop.forms.templates import new_fund_detail
from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.editors.funding_model import FundingModel
from jixiao_desktop.ui.editors.group_header import GroupHeader
from jixiao_desktop.ui.editors.indicator_model import IndicatorModel
from tests.conftest import load_example

PROJECT = "project-2024-chenggong-eldercare"
DEPARTMENT = "department-2023-shifeng-civil-affairs"
EDIT = Qt.ItemDataRole.EditRole


def record(model) -> list[tuple[int, int, int, int]]:
    """The (top, left, bottom, right) ranges of every dataChanged the model emits."""
    seen: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda tl, br, roles=(): seen.append((tl.row(), tl.column(), br.row(), br.column())))
    return seen


def cells(ranges) -> set[tuple[int, int]]:
    return {(r, c) for top, left, bottom, right in ranges for r in range(top, bottom + 1)
            for c in range(left, right + 1)}


# --- models -----------------------------------------------------------------
def test_an_edit_repaints_only_its_cell_and_the_cells_following_it(qapp):
    doc = FormDocument(load_example(PROJECT))
    model = IndicatorModel(doc)
    value = model.column_for("annual.value")
    seen = record(model)
    doc.set_value("indicators[3].annual.value", "500000")
    assert cells(seen) == {(3, value)}
    seen.clear()
    doc.set_value("indicators[3].level1", "效益指标")  # the 一级 below may now show
    assert cells(seen) == {(3, 0), (4, 0)}


def test_funding_edit_repaints_its_row_totals_only(qapp):
    doc = FormDocument(load_example(PROJECT))
    model = FundingModel(doc)
    seen = record(model)
    doc.set_value("funding.annual.central", "1000")
    assert cells(seen) == {(1, 2), (1, model.TOTAL), (1, model.AUTO)}
    assert model.index(1, model.AUTO).data() == "≠ 454600.00"


def test_footer_follows_an_amount(qapp):
    doc = FormDocument(load_example(DEPARTMENT))
    from jixiao_desktop.ui.editors.fund_model import FundModel

    model = FundModel(doc)
    seen = record(model)
    doc.set_value("special_funds[2].amount", "1")
    footer = model.rowCount() - 1
    assert cells(seen) == {(2, model.AMOUNT), (2, model.DETAIL), (footer, model.AMOUNT)}


def test_marks_repaint_only_cells_whose_findings_changed(qapp):
    doc = FormDocument(load_example(PROJECT))
    model = IndicatorModel(doc)
    value = model.column_for("annual.value")
    first = Finding("x", Severity.ERROR, "indicators[2].annual.value", "不对")
    second = Finding("y", Severity.WARNING, "indicators[5]", "整行")
    model.set_findings({first.location: [first]})
    seen = record(model)
    model.set_findings({first.location: [first]})
    assert seen == []  # nothing changed, nothing repainted
    model.set_findings({first.location: [first], second.location: [second]})
    assert cells(seen) == {(5, 0)}  # a row's finding marks its first cell
    assert "整行" in model.index(5, 0).data(Qt.ItemDataRole.ToolTipRole)
    seen.clear()
    model.set_findings({})
    assert cells(seen) == {(2, value), (5, 0)}
    assert model.index(2, value).data(Qt.ItemDataRole.BackgroundRole) is None


def test_models_follow_rows_added_and_lists_replaced(qapp):
    doc = FormDocument(load_example(DEPARTMENT))
    path = "special_funds[0].detail.indicators"
    model = IndicatorModel(doc, path, with_mid=False, with_standard=True)
    rows = model.rowCount()
    model.insert_rows(0)
    assert model.rowCount() == rows + 1
    doc.undo_stack.undo()
    assert model.rowCount() == rows
    fund = doc.form.special_funds[0]
    fresh = new_fund_detail(fund, doc.form.layout)
    fresh.indicators[0].annual.name = "新的三级指标"
    doc.set_value("special_funds[0].detail", fresh, merge=False)
    assert model.rowCount() == len(fresh.indicators)
    assert model.index(0, model.column_for("annual.name")).data(EDIT) == "新的三级指标"
    doc.set_value(f"{path}[0].annual.name", "再改")
    assert model.index(0, model.column_for("annual.name")).data(EDIT) == "再改"


# --- headers ----------------------------------------------------------------
def test_headers_as_on_each_paper_form(qapp):
    project = IndicatorModel(FormDocument(load_example(PROJECT)))
    assert project.header_groups() == [(1, 3, "中期指标"), (4, 6, "年度指标")]
    texts = [project.headerData(c, Qt.Orientation.Horizontal) for c in range(project.columnCount())]
    assert texts == ["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"]
    assert project.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "年度指标 › 三级指标"
    department = FormDocument(load_example(DEPARTMENT))
    plain = IndicatorModel(department)
    assert plain.header_groups() == []
    assert [c.header for c in plain.columns] == ["一级指标", "二级指标", "三级指标", "指标值及单位"]
    detail = IndicatorModel(department, "special_funds[0].detail.indicators", with_mid=False, with_standard=True)
    assert [c.header for c in detail.columns][-2:] == ["指标值及单位", "绩效标准"]
    unit = IndicatorModel(FormDocument(load_example("unit-2024-minhang-ageing-center")))
    assert [c.header for c in unit.columns] == ["一级目标", "二级目标", "三级目标", "指标目标值"]


@pytest.mark.gui
def test_two_level_header_spans_and_paints(qtbot):
    from tests.test_ui_editors import open_editor

    doc, editor = open_editor(qtbot, PROJECT)
    editor.tabs.setCurrentIndex(editor.INDICATORS)
    view = editor.indicator_view
    header = view.horizontalHeader()
    assert isinstance(header, GroupHeader)
    assert header.group_of(0) is None and header.group_of(2)[2] == "中期指标" and header.group_of(6)[2] == "年度指标"
    qtbot.waitUntil(lambda: header.height() >= header.sizeHint().height())
    image = header.grab().toImage()  # paints without error
    assert not image.isNull() and image.height() == header.height()
    _doc, department = open_editor(qtbot, DEPARTMENT)
    plain = department.indicator_view.horizontalHeader()
    assert not isinstance(plain, GroupHeader)
    assert header.sizeHint().height() >= 2 * plain.sizeHint().height() - 4  # two rows of titles


# --- typing -----------------------------------------------------------------
def start_at(qtbot, view, row: int, column: int):
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.setFocus()
    return index


@pytest.mark.gui
@pytest.mark.parametrize("key", ["annual.value", "annual.name", "level1"])
def test_typing_several_keys_into_a_cell_keeps_them_all(qtbot, key):
    from tests.test_ui_editors import open_editor

    doc, editor = open_editor(qtbot, PROJECT)
    editor.tabs.setCurrentIndex(editor.INDICATORS)
    view = editor.indicator_view
    model = view.model()
    column = model.column_for(key)
    start_at(qtbot, view, 2, column)
    QTest.keyClicks(view, "500000")  # the first key opens the editor; the rest must reach it too
    assert doc.value(f"indicators[2].{key}") == "500000"  # committed as typed
    QTest.keyClick(view.open_editor() or view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() == view.State.NoState)
    assert doc.value(f"indicators[2].{key}") == "500000"
    assert view.currentIndex().row() == 3  # Enter commits and moves down
    assert doc.undo_stack.count() == 1


@pytest.mark.gui
def test_typing_into_the_focused_editor_and_escape_restores(qtbot):
    from tests.test_ui_editors import open_editor

    doc, editor = open_editor(qtbot, PROJECT)
    editor.tabs.setCurrentIndex(editor.INDICATORS)
    view = editor.indicator_view
    column = view.model().column_for("mid.value")
    before = doc.value("indicators[1].mid.value")
    start_at(qtbot, view, 1, column)
    QTest.keyClick(view, "7")
    cell = view.open_editor()
    assert cell is not None
    QTest.keyClicks(cell, "123")
    assert cell.text() == "7123" and doc.value("indicators[1].mid.value") == "7123"
    QTest.keyClick(cell, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() == view.State.NoState)
    assert doc.value("indicators[1].mid.value") == before


@pytest.mark.gui
def test_grid_grows_with_its_rows_and_caption_stays_below(qtbot):
    from tests.test_ui_editors import open_editor

    doc, editor = open_editor(qtbot, DEPARTMENT)
    editor.tabs.setCurrentIndex(1)
    view = editor.task_view
    qtbot.waitUntil(lambda: view.height() >= view.verticalHeader().length() + view.horizontalHeader().height())
    height = view.height()
    doc.set_value("key_tasks[0].target", "很长的工作目标 " * 60, merge=False)
    qtbot.waitUntil(lambda: view.height() > height)
    assert view.height() >= view.verticalHeader().length() + view.horizontalHeader().height()
    _doc, project = open_editor(qtbot, PROJECT)
    funding = project.funding_view
    qtbot.waitUntil(lambda: funding.height() >= funding.verticalHeader().length() + funding.horizontalHeader().height())
    note = [w for w in funding.parentWidget().findChildren(type(project.funding_heading)) if "合计（自动）" in w.text()][0]
    assert note.geometry().top() >= funding.geometry().bottom()
