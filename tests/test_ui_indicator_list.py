"""导出指标清单… / 导入指标清单… through the main window (file dialogs stubbed): the sheet comes back into
the open form as one undo step; with no form open, a form per project of the template picked."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from jixiao_desktop.indicator_list import read_list
from jixiao_desktop.resources import resource_path
from jixiao_desktop.storage import load, save

pytestmark = pytest.mark.gui


def _save_to(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _open(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_export_then_import_into_the_open_form_is_one_undo_step(window, qtbot, monkeypatch, tmp_path):
    window.open_example("department-2023-shifeng-civil-affairs")
    sheet = tmp_path / "清单.xlsx"
    _save_to(monkeypatch, sheet)
    monkeypatch.setattr(QMessageBox, "open", lambda box: None)
    with qtbot.waitSignal(window.indicator_list.exported, timeout=20000) as exported:
        window.actions_.export_list.trigger()
    assert exported.args[0] == sheet and read_list(sheet).rows
    assert exported.args[1]          # the seed form has values the system cannot split (80-89周岁 …)
    before = window.document.form.model_copy(deep=True)
    window.document.set_value("indicators[0].annual.value", "改坏了", merge=False)
    steps = window.document.undo_stack.count()
    _open(monkeypatch, sheet)
    with qtbot.waitSignal(window.indicator_list.imported, timeout=20000) as imported:
        window.actions_.import_list.trigger()
    assert "导入" in imported.args[0].summary.text()
    from jixiao_desktop.indicator_list import export_rows

    assert export_rows(window.document.form).rows == export_rows(before).rows
    assert window.document.undo_stack.count() == steps + 1
    window.document.undo_stack.undo()
    assert window.document.form.indicators[0].annual.value == "改坏了"
    imported.args[0].close()


def test_import_with_no_form_open_makes_a_form_per_project(window, qtbot, monkeypatch, tmp_path):
    from jixiao_desktop.indicator_list import export_rows, write_sheet

    rows = []
    for name in ("hunan-project-correct", "chongqing-project-correct"):
        rows += export_rows(load(resource_path("templates", "examples", f"{name}.jixiao"))).rows
    sheet = tmp_path / "两个项目.xlsx"
    write_sheet(rows, sheet)
    _open(monkeypatch, sheet)
    folder = tmp_path / "新表格"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    monkeypatch.setattr(window.indicator_list, "choose_template", lambda: ("mof-project", "2026"))
    with qtbot.waitSignal(window.indicator_list.imported, timeout=20000) as imported:
        window.actions_.import_list.trigger()
    saved = sorted(folder.glob("*.jixiao"))
    assert len(saved) == 2
    assert window.document is not None and window.document.form.kind == "template"
    names = {load(p).display_name for p in saved}
    assert len(names) == 2 and all(names)
    imported.args[0].close()


def test_a_template_form_takes_the_sheet_back(window, qtbot, monkeypatch, tmp_path):
    path = tmp_path / "分配表.jixiao"
    original = load(resource_path("templates", "examples", "county-distribution-correct.jixiao"))
    save(original, path)
    window.open_path(path, ask=False)
    sheet = tmp_path / "清单.xlsx"
    _save_to(monkeypatch, sheet)
    with qtbot.waitSignal(window.indicator_list.exported, timeout=20000):
        window.actions_.export_list.trigger()
    window.document.set_value("content.children.targets[0].tables.indicators[0].value", "≥1公里", merge=False)
    _open(monkeypatch, sheet)
    with qtbot.waitSignal(window.indicator_list.imported, timeout=20000) as imported:
        window.actions_.import_list.trigger()
    assert window.document.form.content == original.content
    imported.args[0].close()
