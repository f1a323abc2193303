"""A window opening a file at start-up paints before it builds the hidden tabs and runs the checks;
nothing is lost by that: every tab is built and every finding shown a moment later."""

from __future__ import annotations

from jixiao_desktop.resources import example_path
from jixiao_desktop.storage import load
from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.editors import create_editor
from jixiao_desktop.ui.main_window import MainWindow


def test_a_lazy_editor_builds_the_shown_tab_first_and_the_rest_on_the_next_turn(qtbot):
    from jixiao_desktop.checks import run_checks

    form = load(example_path("department-2023-shifeng-civil-affairs"))
    editor = create_editor(FormDocument(form), lazy=True)
    qtbot.addWidget(editor)
    assert len(editor._pending) == editor.tabs.count() - 1 and not hasattr(editor, "fund_view")
    findings = run_checks(form).findings
    editor.mark_findings(findings)
    annex = next(f for f in findings if f.location.startswith("special_funds[") and ".detail." in f.location)
    assert editor.focus_location(annex.location)          # a finding on a tab not yet built
    assert not editor._pending and editor.fund_page.row == int(annex.location.split("[", 1)[1].split("]")[0])


def test_pending_tabs_are_built_after_the_first_turn_and_marked(qtbot):
    form = load(example_path("project-2024-chenggong-eldercare"))
    editor = create_editor(FormDocument(form), lazy=True)
    qtbot.addWidget(editor)
    assert editor.tabs.currentIndex() == editor.BASIC and editor._pending
    qtbot.waitUntil(lambda: not editor._pending, timeout=2000)
    assert editor.tabs.currentIndex() == editor.BASIC
    assert editor.indicator_view.model().rowCount() == len(form.indicators)


def test_a_window_opening_a_file_before_it_is_shown_checks_on_the_next_turn(qtbot, paths):
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.open_path(example_path("project-2020-chenggong-service-contest"), ask=False)
    assert window.checker.runs == 0 and window.editor._pending   # nothing checked before the first paint
    window.show()
    qtbot.waitUntil(lambda: not window.checker.pending and window.checker.runs == 1, timeout=3000)
    assert window.findings.findings() and not window.editor._pending
    window.document.undo_stack.setClean()
