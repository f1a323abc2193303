"""导入Word… / 导出Word… driven through the main window (file dialogs and message boxes stubbed)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

pytestmark = pytest.mark.gui

PROJECT = "project-2024-chenggong-eldercare"


def test_export_then_import_word_gives_the_same_form(window, qtbot, monkeypatch, tmp_path, boxes):
    window.open_example(PROJECT)
    original = window.document.form
    target = tmp_path / "项目表"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(window.word.exported, timeout=20000) as exported:
        window.actions_.export_word.trigger()
    path = exported.args[0]
    assert path.name == "项目表.docx" and path.is_file()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(window, "maybe_save", lambda: True)
    with qtbot.waitSignal(window.word.imported, timeout=20000) as imported:
        window.actions_.import_word.trigger()
    dialog = imported.args[0]
    assert dialog.isVisible()
    assert window.document.form == original
    assert window.document.path is None
    assert boxes == []
    dialog.close()


def test_an_old_doc_gives_the_chinese_message(window, qtbot, monkeypatch, tmp_path, boxes):
    old = tmp_path / "去年的表.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(old), "")))
    window.word.imported.connect(lambda d: pytest.fail("imported an old .doc"))
    window.actions_.import_word.trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=10000)
    kind, title, text = boxes[0]
    assert (kind, title) == ("warning", "Word") and "另存为" in text and ".docx" in text
    assert window.document is None
