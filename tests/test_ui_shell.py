"""The GUI shell driven as a clerk would: new, open, edit, checks react, explain, save, reopen.

Modal boxes are stubbed (QMessageBox/QFileDialog static methods); every window
gets folders of its own (``AppPaths.under(tmp_path)``), so nothing touches the
real settings.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox, QWidget

from jixiao_desktop.checks import RULES, Severity, run_checks
from jixiao_desktop.checks.registry import Hit, Rule
from jixiao_desktop.resources import EXAMPLE_NAMES, example_path
from jixiao_desktop.storage import load
from tests.conftest import FIXTURES
from jixiao_desktop.ui.explanation_dialog import ExplanationDialog, explanation_problem
from jixiao_desktop.ui.findings_panel import FindingsPanel, group_of
from jixiao_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

Button = QMessageBox.StandardButton




@pytest.fixture
def year_warning():
    """A temporary warning rule (blank 年度) so the 出错说明 path is tested whatever the catalogue holds."""

    def blank_year(ctx):
        if not ctx.form.year.strip():
            yield Hit("year", "年度未填写")

    RULES["test.year_blank"] = Rule("test.year_blank", Severity.WARNING, "年度未填写",
                                    frozenset({"project", "department", "unit"}), blank_year)
    yield "test.year_blank"
    RULES.pop("test.year_blank")


def test_start_page_then_new_form_of_each_kind(make_window, answers):
    window = make_window()
    assert window.windowTitle() == "绩效目标表填报"
    assert not window.actions_.save.isEnabled()
    for kind in ("project", "department", "unit"):
        window.new_document(kind)
        assert window.document.form.kind == kind
        assert window.windowTitle() == "未命名[*] - 绩效目标表填报"
        assert not window.isWindowModified()
        assert window.actions_.save.isEnabled()
        assert window.pages.currentWidget() is window.editor
    assert answers["asked"] == []  # nothing was modified, nothing asked


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_opening_each_example_shows_its_known_findings(make_window, name):
    window = make_window()
    assert window.open_path(example_path(name))
    expected = run_checks(load(example_path(name))).findings
    shown = window.findings.findings()
    order = ["error", "warning", "hint", "explained"]
    assert shown == sorted(expected, key=lambda f: order.index(group_of(f)))
    counts = run_checks(window.document.form).counts()
    assert window.counts.text() == "　".join(f"{s.label} {counts.get(s, 0)}" for s in Severity)
    assert window.findings.summary.text().startswith(f"错误 {counts.get(Severity.ERROR, 0)}")
    assert window.windowTitle() == f"{example_path(name).name}[*] - 绩效目标表填报"


def test_an_edit_is_checked_and_the_panel_and_status_follow(make_window, qtbot):
    window = make_window()
    window.open_example("project-2024-chenggong-eldercare")
    assert window.document.path is None  # the example itself is never overwritten
    assert "示例" in window.windowTitle()
    errors_before = len(window.checker.report.errors)
    window.document.set_value("funding.annual.county", "500000")
    qtbot.waitUntil(lambda: len(window.checker.report.errors) > errors_before, timeout=2000)
    assert any(f.rule == "funding.total" and f.location == "funding.annual.total" for f in window.findings.findings())
    errors = window.checker.report.counts()[Severity.ERROR]
    assert window.counts.text().startswith(f"错误 {errors}　")
    assert window.isWindowModified()
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: len(window.checker.report.errors) == errors_before, timeout=2000)
    assert not window.isWindowModified()


def test_a_burst_of_edits_is_checked_once(make_window, qtbot):
    window = make_window()
    window.open_example("department-2023-shifeng-civil-affairs")
    runs = window.checker.runs
    window.document.begin_macro("粘贴")
    for row in range(len(window.document.form.indicators)):
        window.document.set_value(f"indicators[{row}].annual.value", f"{row}个")
    window.document.end_macro()
    assert window.checker.pending
    qtbot.waitUntil(lambda: not window.checker.pending, timeout=2000)
    assert window.checker.runs == runs + 1


def test_clicking_a_finding_focuses_its_field(make_window, qtbot, monkeypatch):
    focused = []

    class FakeEditor(QLabel):
        def focus_location(self, location):
            focused.append(location)
            return True

        def mark_findings(self, findings):
            self.marked = list(findings)

    monkeypatch.setattr(MainWindow, "_create_editor", lambda self, doc: FakeEditor("editor"))
    window = make_window()
    window.open_example("project-2020-chenggong-service-contest")
    assert len(window.editor.marked) == len(window.checker.report.findings)
    finding = window.findings.findings()[0]
    window.findings.select_finding(finding)
    index = window.findings.view.currentIndex()
    rect = window.findings.view.visualRect(index)
    qtbot.mouseClick(window.findings.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert focused and focused[-1] == finding.location
    window.actions_.next_finding.trigger()
    assert focused[-1] == window.findings.current_finding().location


def test_warning_explained_from_the_panel_and_undone(make_window, qtbot, year_warning, monkeypatch):
    window = make_window()
    window.new_document("project")
    warning = next(f for f in window.findings.findings() if f.rule == year_warning)
    assert window.findings.select_finding(warning)
    assert window.findings.explain_button.isEnabled()

    def fill(dialog):
        dialog.editor.setPlainText("太短")
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.editor.setPlainText("年度待财政局下达预算批复后填写")
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ExplanationDialog, "exec", fill)
    window.findings.explain_button.click()
    assert window.document.form.explanations[0].rule == year_warning
    assert window.document.form.explanations[0].location == "year"
    qtbot.waitUntil(lambda: not window.checker.pending, timeout=2000)
    explained = [f for f in window.findings.findings() if f.rule == year_warning]
    assert explained[0].explained and explained[0].explanation == "年度待财政局下达预算批复后填写"
    assert "已说明 1" in window.findings.summary.text()
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: not window.checker.pending, timeout=2000)
    assert window.document.form.explanations == []
    assert not [f for f in window.findings.findings() if f.rule == year_warning][0].explained


def test_explanation_needs_ten_characters():
    assert explanation_problem("短") is not None
    assert explanation_problem("这 是 说 明") is not None
    assert explanation_problem("年度待财政局下达批复后填写") is None


def test_save_close_reopen(make_window, answers, monkeypatch, tmp_path):
    target = tmp_path / "我的表格"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window = make_window()
    window.new_document("project")
    window.document.set_value("year", "2025")
    assert window.isWindowModified()
    answers["answers"] = [Button.Save]
    assert window.close()  # asks, saves through 另存为, closes
    saved = target.with_suffix(".jixiao")
    assert saved.exists() and load(saved).year == "2025"
    assert "已修改" in answers["asked"][0]

    again = make_window()
    assert again.settings.recent_files[0] == str(saved.resolve())
    recent = again.actions_.recent_menu.actions()
    assert recent and recent[0].text().endswith("我的表格.jixiao")
    recent[0].trigger()
    assert again.document.form.year == "2025"
    assert again.windowTitle() == "我的表格.jixiao[*] - 绩效目标表填报"
    again.document.set_value("year", "2026")
    assert again.save()
    assert load(saved).year == "2026" and not again.isWindowModified()


def test_close_prompt_cancel_keeps_the_window_and_discard_drops(make_window, answers):
    window = make_window()
    window.new_document("unit")
    window.document.set_value("filler_unit", "某某中心")
    answers["answers"] = [Button.Cancel]
    assert not window.close()
    assert window.isVisible() and window.document.modified
    answers["answers"] = [Button.Discard]
    assert window.close()


def test_open_bad_file_says_what_and_where(make_window, monkeypatch, tmp_path):
    bad = tmp_path / "坏文件.jixiao"
    bad.write_text("{", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append(text)))
    window = make_window()
    assert not window.open_path(bad)
    assert "坏文件.jixiao" in shown[0]
    assert window.document is None


def test_autosave_writes_while_modified_and_clears_on_save(make_window, tmp_path):
    window = make_window()
    window.new_document("project")
    assert not window.autosave.tick()  # nothing to save yet
    window.document.set_value("year", "2025")
    assert window.autosave.tick()
    assert window.autosave.data_path.exists()
    assert load(window.autosave.data_path).year == "2025"
    assert not window.autosave.tick()  # unchanged since the last write
    window.document.save(tmp_path / "x.jixiao")
    assert not window.autosave.data_path.exists()


def test_recovery_is_offered_after_a_crash(make_window, answers, paths):
    crashed = make_window()
    crashed.open_path(example_path("project-2024-chenggong-eldercare"))
    crashed.document.set_value("year", "2031")
    assert crashed.autosave.tick()
    data_path = crashed.autosave.data_path
    crashed.autosave._lock.unlock()  # as if the process had died: its lock is gone
    crashed.autosave._lock = None
    crashed.autosave.document = None  # the dead session does not clean up

    window = make_window()
    answers["answers"] = [Button.Yes]
    assert window.offer_recovery()
    assert "project-2024-chenggong-eldercare.jixiao" in answers["asked"][0]
    assert window.document.form.year == "2031"
    assert window.document.path == example_path("project-2024-chenggong-eldercare")
    assert window.document.modified and window.isWindowModified()
    assert "已恢复" in window.windowTitle()
    assert not data_path.exists()
    assert window.autosave.data_path.exists()  # the new session holds it now


def test_recovery_declined_deletes_the_copy(make_window, answers, paths):
    from jixiao_desktop.forms.templates import new_form
    from jixiao_desktop.storage import dumps

    paths.recovery_dir.mkdir(parents=True)
    form = new_form("department")
    form.year = "2024"
    (paths.recovery_dir / "abc.jixiao").write_text(dumps(form), encoding="utf-8")
    window = make_window()
    answers["answers"] = [Button.No]
    assert not window.offer_recovery()
    assert not (paths.recovery_dir / "abc.jixiao").exists()
    assert window.document is None


def test_library_dialog_searches_and_returns_an_entry(make_window, monkeypatch):
    from jixiao_desktop.ui.library_dialog import LibraryDialog

    window = make_window()
    seen = {}

    def choose(dialog):
        seen["count"] = dialog.model.rowCount()
        dialog.search_box.setText("低保")
        assert 0 < dialog.model.rowCount() < seen["count"]
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LibraryDialog, "exec", choose)
    entry = window.choose_indicator(level1="产出指标", level2="数量指标")
    assert entry is not None and "低保" in entry.name and entry.level2 == "数量指标"


def test_error_hook_logs_and_shows_the_log_path(qtbot, tmp_path, monkeypatch):
    import logging

    from jixiao_desktop.ui.app_logging import setup_logging
    from jixiao_desktop.ui.error_dialog import ErrorDialog, ExceptionHook

    log_path = setup_logging(tmp_path / "logs")
    shown = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self.message.text()) or 0)
    hook = ExceptionHook(log_path)
    try:
        raise RuntimeError("测试用的意外错误")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "测试用的意外错误" in shown[0] and str(log_path) in shown[0]
    assert "测试用的意外错误" in log_path.read_text(encoding="utf-8")
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", "") == str(log_path):
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_findings_panel_alone(qtbot):
    from jixiao_desktop.checks import Finding, Report

    panel = FindingsPanel()
    qtbot.addWidget(panel)
    report = Report([
        Finding("a", Severity.ERROR, "year", "错一"),
        Finding("b", Severity.WARNING, "year", "警一", explanation="已有说明文字十个字以上"),
        Finding("c", Severity.HINT, "", "提一"),
    ])
    panel.show_report(report)
    groups = [panel.model.item(r, 0).text() for r in range(panel.model.rowCount())]
    assert groups == ["错误（1）", "提示（1）", "已说明的警告（1）"]
    assert panel.summary.text() == "错误 1　警告 0　提示 1　（已说明 1）"
    assert isinstance(panel, QWidget)


CRASHING_SESSION = """
import os, signal, sys
from jixiao_desktop.ui.app_paths import AppPaths
from jixiao_desktop.ui.application import create_application
from jixiao_desktop.ui.main_window import MainWindow
app = create_application([])
window = MainWindow(AppPaths.under(sys.argv[1]))
window.open_path(sys.argv[2], ask=False)
window.document.set_value("filler_unit", "崩溃前输入的单位名称")
window.show()
app.processEvents()
assert window.autosave.tick()
print(window.autosave.data_path, flush=True)
os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
"""


def test_recovery_after_the_process_is_killed(make_window, answers, tmp_path):
    import os
    import subprocess
    import sys

    root = tmp_path / "app"
    example = example_path("unit-2024-minhang-ageing-center")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", CRASHING_SESSION, str(root), str(example)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode != 0  # it was killed
    left_behind = proc.stdout.strip().splitlines()[-1]
    assert os.path.exists(left_behind)

    window = make_window()  # uses AppPaths.under(tmp_path / "app") too
    answers["answers"] = [Button.Yes]
    assert window.offer_recovery()
    assert window.document.form.filler_unit == "崩溃前输入的单位名称"
    assert window.document.path == example and window.isWindowModified()
    assert not os.path.exists(left_behind)


def test_many_process_events_calls_do_not_abort(qapp):
    """PySide6 6.12 drops a reference to None on each processEvents(); the GUI package guards it."""
    import sys

    import jixiao_desktop.ui  # noqa: F401  (applies the guard)

    before = sys.getrefcount(None)
    for _ in range(20000):
        qapp.processEvents()
    assert sys.getrefcount(None) > 1_000_000 or sys.getrefcount(None) >= before


def test_opening_a_document_with_unsaveable_text_repairs_it_and_says_where(make_window, boxes, tmp_path):
    import shutil

    path = tmp_path / "代理码位.jixiao"
    shutil.copy(FIXTURES / "reliability" / "doc-lone-surrogate.jixiao", path)
    window = make_window()
    assert window.open_path(path)
    assert boxes and "无法保存的字符" in boxes[-1][2] and "年度" in boxes[-1][2]
    assert window.document.modified  # the repaired text is not yet in the file
    assert window.save()
    assert "\ufffd" in load(path).year


def test_typed_text_with_a_lone_surrogate_is_repaired_before_it_reaches_the_document(make_window):
    window = make_window()
    window.new_document("project")
    window.document.set_value("overview", "半个\udc00字")
    assert window.document.form.overview == "半个\ufffd字"


def test_the_next_start_removes_what_a_killed_save_left(make_window, paths, tmp_path):
    import os

    from jixiao_desktop.settings import Settings, save_settings

    folder = tmp_path / "docs"
    folder.mkdir()
    stale = folder / ".a.jixiao.~jx0badbeef.tmp"
    stale.write_text("half a document")
    os.utime(stale, (0, 0))
    keep = folder / "a.jixiao.tmp"
    keep.write_text("not ours")
    os.utime(keep, (0, 0))
    settings = Settings()
    settings.add_recent(folder / "a.jixiao")
    save_settings(settings, paths.settings_file)
    window = make_window()
    window.offer_recovery()
    assert not stale.exists() and keep.exists()


def test_a_document_of_a_template_file_opens_in_the_editor_made_from_its_template(make_window, boxes, tmp_path):
    from jixiao_desktop.storage import save
    from jixiao_desktop.templates import available
    from jixiao_desktop.templates.document import new_document
    from jixiao_desktop.ui.editors.template_editor import TemplateEditor

    path = tmp_path / "按表样.jixiao"
    save(new_document(available()[0]["yunnan-project"]), path)
    before = path.read_bytes()
    window = make_window()
    assert window.open_path(path)
    assert isinstance(window.editor, TemplateEditor) and not boxes
    assert not window.isWindowModified() and path.read_bytes() == before


def test_an_explained_warning_looks_settled_in_the_form_too(qtbot):
    """A field or cell whose only finding is an explained warning is a quiet green (not the warning's orange) and
    its tooltip says 已说明 with the 出错说明; an open finding beside it still shows."""
    from PySide6.QtCore import Qt

    from jixiao_desktop.checks import Finding, Severity
    from jixiao_desktop.ui.document import FormDocument
    from jixiao_desktop.ui.editors import create_editor
    from jixiao_desktop.ui.editors.table_models import SEVERITY_COLORS
    from tests.conftest import load_example

    editor = create_editor(FormDocument(load_example("project-2024-chenggong-eldercare")))
    qtbot.addWidget(editor)
    field = next(w for w in editor.fields if w.location == "year")
    model = next(v.model() for v in editor.grids if v.model().rowCount() and v.model().columnCount())
    row, column = next((r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                       if model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable)
    cell = model.location(row, column)
    explained = [Finding("x.rule", Severity.WARNING, "year", "年度与项目期不符", explanation="跨年度项目，按批复填写"),
                 Finding("x.rule", Severity.WARNING, cell, "格子的警告", explanation="已核实")]
    editor.mark_findings(explained)
    assert field.property("severity") == "explained"
    assert "已说明" in field.toolTip() and "跨年度项目" in field.toolTip()
    color = model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)
    assert color is not None and color.color().name() == SEVERITY_COLORS["explained"]
    editor.mark_findings(explained + [Finding("y.rule", Severity.WARNING, "year", "还有一条未说明的")])
    assert field.property("severity") == "warning"
