"""导入Excel… / 导出Excel… driven through the main window (file dialogs and message boxes stubbed)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from jixiao_desktop.excel import export_workbook, import_workbook
from jixiao_desktop.resources import example_path
from jixiao_desktop.storage import load
from jixiao_desktop.ui import tasks

pytestmark = pytest.mark.gui

DEPARTMENT = "department-2023-shifeng-civil-affairs"
PROJECT = "project-2024-chenggong-eldercare"




def choose_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_import_shows_the_report_and_opens_an_unsaved_document(window, qtbot, monkeypatch, tmp_path, boxes):
    workbook = tmp_path / "民政局绩效目标.xlsx"
    export_workbook(load(example_path(DEPARTMENT)), workbook)
    expected = import_workbook(workbook)
    choose_file(monkeypatch, workbook)
    with qtbot.waitSignal(window.excel.imported, timeout=20000) as imported:
        window.actions_.import_excel.trigger()
    dialog = imported.args[0]
    assert dialog.isVisible()
    assert expected.report.summary() in dialog.summary.text()
    assert dialog.text.toPlainText() == expected.report.text()
    assert dialog.text.isReadOnly()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == expected.report.text()

    document = window.document
    assert document.form == expected.form
    assert document.path is None  # saving asks for a name; the workbook is never overwritten
    assert window.windowTitle().startswith("导入：民政局绩效目标")
    assert document.modified and window.isWindowModified()  # closing asks whether to save
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: asked.append(a[2]) or ("", "")))
    window.actions_.save.trigger()
    assert len(asked) == 1 and asked[0].endswith(".jixiao")
    assert boxes == []
    dialog.close()


def test_export_writes_a_workbook_that_imports_again(window, qtbot, monkeypatch, tmp_path, boxes):
    window.open_example(PROJECT)
    target = tmp_path / "项目表"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(window.excel.exported, timeout=20000) as exported:
        window.actions_.export_excel.trigger()
    path = exported.args[0]
    assert path.name == "项目表.xlsx" and path.is_file()
    again = import_workbook(path).form
    original = window.document.form
    assert again.kind == original.kind
    assert again.indicators == original.indicators
    assert again.funding == original.funding
    assert boxes == []


def test_export_works_on_a_snapshot(window, qtbot, monkeypatch, tmp_path):
    """An edit made while the workbook is being written does not reach it half-done."""
    window.open_example(PROJECT)
    target = tmp_path / "快照.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    before = window.document.form.filler_unit
    with qtbot.waitSignal(window.excel.exported, timeout=20000):
        window.actions_.export_excel.trigger()
        window.document.set_value("filler_unit", "改过的单位")
    assert import_workbook(target).form.filler_unit == before


def test_a_file_that_is_not_a_workbook_gives_the_chinese_message(window, qtbot, monkeypatch, tmp_path, boxes):
    fake = tmp_path / "不是表格.xlsx"
    fake.write_text("这不是Excel文件", encoding="utf-8")
    choose_file(monkeypatch, fake)
    window.excel.imported.connect(lambda d: pytest.fail("imported a broken file"))
    window.actions_.import_excel.trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=10000)
    kind, _title, text = boxes[0]
    assert kind == "warning"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert window.document is None  # still on the start page


def test_cancelled_file_dialogs_do_nothing(window, qtbot, monkeypatch):
    choose_file(monkeypatch, "")
    window.actions_.import_excel.trigger()
    window.open_example(PROJECT)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    window.actions_.export_excel.trigger()
    assert not tasks.is_running(window)


def test_the_import_report_shows_over_the_window_the_form_opened_in(window, qtbot, monkeypatch, tmp_path, boxes):
    """A window holding a form imports into a window of its own; the report is over that one."""
    from jixiao_desktop.ui.windows import open_windows

    window.open_example(PROJECT)
    workbook = tmp_path / "民政局.xlsx"
    export_workbook(load(example_path(DEPARTMENT)), workbook)
    choose_file(monkeypatch, workbook)
    with qtbot.waitSignal(window.excel.imported, timeout=20000) as imported:
        window.actions_.import_excel.trigger()
    opened = open_windows()[-1]
    assert opened is not window and opened.windowTitle().startswith("导入：民政局")
    assert imported.args[0].parentWidget() is opened
    imported.args[0].close()
    opened.document.undo_stack.setClean()
