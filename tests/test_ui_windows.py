"""Several documents at once, a window each (as in Word/WPS), and windows that fit the screen.

Two forms side by side (this year's and last year's): each window has its own undo, findings and
autosave copy; a file already open brings its window forward; 关闭 (Ctrl+W) and 退出 ask about each
modified form; a crash of two windows offers both copies back; a window never opens larger than the
screen's free space (a 1366×768 laptop with its taskbar).
"""

from __future__ import annotations

import os
import shutil

import pytest
from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from jixiao_desktop.checks import run_checks
from jixiao_desktop.resources import example_path
from jixiao_desktop.settings import load_settings
from jixiao_desktop.storage import load
from jixiao_desktop.ui.autosave import Autosaver, find_orphans
from jixiao_desktop.ui.screen_fit import FRAME_GUESS, cascade_rect, fit_rect, initial_rect, tile_rects
from jixiao_desktop.ui.windows import open_windows, window_of_file

pytestmark = pytest.mark.gui

Button = QMessageBox.StandardButton
PROJECT = "project-2024-chenggong-eldercare"
OTHER = "project-2020-chenggong-service-contest"
LAPTOP = QRect(0, 0, 1366, 728)   # a 1366×768 screen less a 40-pixel taskbar


@pytest.fixture
def two_files(tmp_path):
    """This year's form and last year's, as files of the clerk's own."""
    this_year, last_year = tmp_path / "2025年.jixiao", tmp_path / "2024年.jixiao"
    shutil.copy(example_path(PROJECT), this_year)
    shutil.copy(example_path(OTHER), last_year)
    return this_year, last_year


def _open_both(window, two_files):
    this_year, last_year = two_files
    assert window.open_path(this_year) and window.open_path(last_year)
    first, second = window, window_of_file(last_year)
    assert second is not None and second is not first
    return first, second


def test_two_documents_two_windows_each_with_its_own_undo_findings_and_autosave(window, qtbot, two_files):
    first, second = _open_both(window, two_files)
    assert open_windows() == [first, second]
    assert first.document.path == two_files[0] and second.document.path == two_files[1]
    assert first.windowTitle().startswith("2025年.jixiao") and second.windowTitle().startswith("2024年.jixiao")

    first.document.set_value("year", "2031", merge=False)
    qtbot.waitUntil(lambda: not first.checker.pending and not second.checker.pending, timeout=3000)
    assert not second.actions_.undo.isEnabled()   # the other window has nothing to undo
    second.actions_.undo.trigger()
    assert first.document.form.year == "2031" and first.document.undo_stack.count() == 1

    # Ctrl+Z typed in the second window does nothing to the first.
    second.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is second, timeout=3000)
    qtbot.keyClick(second, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert first.document.form.year == "2031"
    first.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is first, timeout=3000)
    qtbot.keyClick(first, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert first.document.form.year == load(two_files[0]).year

    for one in (first, second):   # each window shows the findings of its own form
        qtbot.waitUntil(lambda one=one: not one.checker.pending, timeout=3000)
        assert one.findings.findings() and {f.location for f in one.findings.findings()} == \
            {f.location for f in run_checks(one.document.form).findings}
    assert first.findings.findings() != second.findings.findings()

    first.document.set_value("year", "2032")
    second.document.set_value("year", "2033")
    assert first.autosave.tick() and second.autosave.tick()
    assert first.autosave.data_path != second.autosave.data_path
    assert load(first.autosave.data_path).year == "2032" and load(second.autosave.data_path).year == "2033"
    assert find_orphans(first.paths.recovery_dir) == []   # both are held by live windows


def test_opening_a_file_already_open_brings_its_window_forward(window, two_files):
    first, second = _open_both(window, two_files)
    first.document.set_value("year", "2031")
    assert second.open_path(two_files[0])          # also through another spelling of the path
    assert second.open_path(str(two_files[0].parent / "." / two_files[0].name))
    assert open_windows() == [first, second]
    assert first.document.form.year == "2031"     # the edit is not thrown away by a second reading


def test_new_replaces_the_start_page_and_an_untouched_new_form_only(window, answers):
    window.new_document("project")
    window.new_document("department")               # the untouched blank form is replaced
    assert open_windows() == [window] and window.document.form.kind == "department"
    window.document.set_value("year", "2025")
    window.new_document("unit")                    # a form with an edit stays, the new one opens beside it
    assert len(open_windows()) == 2
    assert window.document.form.kind == "department" and window.document.form.year == "2025"
    assert open_windows()[1].document.form.kind == "unit"
    window.open_example(PROJECT)                   # an example is a form too: a window of its own
    assert len(open_windows()) == 3
    assert answers["asked"] == []                  # nothing was replaced, nothing asked


def test_ctrl_w_closes_the_document_and_the_last_window_keeps_the_start_page(window, answers, two_files):
    first, second = _open_both(window, two_files)
    assert QKeySequence("Ctrl+W") in first.actions_.close_document.shortcuts()
    second.document.set_value("year", "2031")
    answers["answers"] = [Button.Cancel]
    second.actions_.close_document.trigger()
    assert second.isVisible() and open_windows() == [first, second]   # 取消 keeps it
    answers["answers"] = [Button.Discard]
    second.actions_.close_document.trigger()
    assert not second.isVisible() and open_windows() == [first]

    first.document.set_value("year", "2032")
    answers["answers"] = [Button.Discard]
    first.actions_.close_document.trigger()
    assert first.isVisible() and first.document is None          # the start page, the program still open
    assert first.windowTitle() == "绩效目标表填报" and not first.actions_.save.isEnabled()
    assert len(answers["asked"]) == 3
    assert not first.autosave.data_path.exists()


def test_quit_asks_about_each_modified_form_and_stops_at_cancel(window, answers, two_files):
    first, second = _open_both(window, two_files)
    third = first.adopt(first.document.__class__(load(example_path(PROJECT))), "示例")   # unmodified
    first.document.set_value("year", "2031")
    second.document.set_value("year", "2032")
    answers["answers"] = [Button.Discard, Button.Cancel]
    assert not first.quit_all()
    assert len(answers["asked"]) == 2 and "2024年.jixiao" in answers["asked"][0]   # the newest modified first
    assert not third.isVisible() and not second.isVisible() and first.isVisible()
    assert open_windows() == [first]
    answers["answers"] = [Button.Discard]
    assert first.quit_all()
    assert open_windows() == [] and "2025年.jixiao" in answers["asked"][2]
    assert first.actions_.quit.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)


def test_recovery_after_two_windows_crashed_offers_both(make_window, answers, paths, two_files):
    first = make_window()
    first, second = _open_both(first, two_files)
    for number, crashed in enumerate((first, second)):
        crashed.document.set_value("year", f"203{number}")
        assert crashed.autosave.tick()
        crashed.autosave._lock.unlock()   # as if the program had died: the locks are gone
        crashed.autosave._lock = None
        crashed.autosave.document = None
    assert len(find_orphans(paths.recovery_dir)) == 2

    window = make_window()
    answers["answers"] = [Button.Yes, Button.Yes]
    assert window.offer_recovery()
    assert len(answers["asked"]) == 2
    recovered = [w for w in open_windows() if w not in (first, second)]
    assert len(recovered) == 2 and recovered[0] is window
    assert sorted(w.document.form.year for w in recovered) == ["2030", "2031"]
    assert {w.document.path for w in recovered} == set(two_files)
    assert all(w.document.modified and "已恢复" in w.windowTitle() for w in recovered)
    assert all(w.autosave.data_path.exists() for w in recovered)   # the new windows hold them now


def test_a_copy_held_for_long_by_a_live_window_is_no_orphan(qtbot, tmp_path, window):
    """Qt calls a lock older than 30 s stale by default: a window open all morning would have lost its copy
    to a second program started later."""
    window.new_document("project")
    window.document.set_value("year", "2025")
    assert window.autosave.tick()
    lock = window.autosave.data_path.with_suffix(".lock")
    os.utime(lock, (1, 1))
    assert find_orphans(window.paths.recovery_dir) == []
    assert isinstance(window.autosave, Autosaver)


def test_windows_share_the_recent_files_and_save_them_together(window, paths, two_files):
    first, second = _open_both(window, two_files)
    assert first.settings is second.settings
    saved = load_settings(paths.settings_file).recent_files
    assert saved[:2] == [str(two_files[1].resolve()), str(two_files[0].resolve())]
    for one in (first, second):
        names = [a.text() for a in one.actions_.recent_menu.actions()]
        assert names[0].endswith("2024年.jixiao") and names[1].endswith("2025年.jixiao")


def test_window_menu_lists_switches_tiles_and_opens_a_new_window(window, two_files):
    first, second = _open_both(window, two_files)
    menu = first.actions_.window_menu
    menu.rebuild()
    texts = [a.text() for a in menu.menu.actions() if not a.isSeparator()]
    assert texts[0].endswith("2025年.jixiao") and texts[1].endswith("2024年.jixiao")
    assert texts[2:] == ["并排显示(&T)", "新建窗口(&N)"]
    assert menu.menu.actions()[0].isChecked() and not menu.menu.actions()[1].isChecked()

    side = next(a for a in menu.menu.actions() if a.text().startswith("并排显示"))
    side.trigger()
    left, right = first.frameGeometry(), second.frameGeometry()
    screen = first.screen().availableGeometry()
    assert left.right() < right.left() and screen.contains(left) and screen.contains(right)
    assert left.width() > screen.width() // 2 - 20 and left.height() > screen.height() - 60

    new = next(a for a in menu.menu.actions() if a.text().startswith("新建窗口"))
    new.trigger()
    assert len(open_windows()) == 3 and open_windows()[2].document is None


@pytest.mark.parametrize("saved", [QRect(2000, 100, 1800, 1100), QRect(-900, -300, 1280, 820),
                                   QRect(100, 50, 1280, 820)])
def test_a_window_fits_a_1366x768_laptop(saved):
    first = initial_rect(LAPTOP)
    assert LAPTOP.contains(first.marginsAdded(FRAME_GUESS))
    assert first.width() == 1280 and first.height() == LAPTOP.height() - 39   # as tall as there is room
    restored = fit_rect(saved, LAPTOP)          # a size saved on a bigger monitor, or off to one side
    assert LAPTOP.contains(restored.marginsAdded(FRAME_GUESS))
    assert restored.width() <= saved.width() and restored.height() <= saved.height()
    big = QRect(0, 0, 2560, 1400)
    assert initial_rect(big).size().toTuple() == (1280, 820)   # a big screen keeps the usual size
    assert big.contains(cascade_rect(QRect(1200, 500, 1280, 820), big).marginsAdded(FRAME_GUESS))


def test_side_by_side_rectangles_fill_the_screen_without_overlap():
    for count, used in ((2, 1.0), (3, 1.0), (4, 1.0), (5, 5 / 6)):   # five: a grid of 3×2 with one cell free
        cells = [r.marginsAdded(FRAME_GUESS) for r in tile_rects(LAPTOP, count)]
        assert len(cells) == count and all(LAPTOP.contains(c) for c in cells)
        assert not any(a.intersects(b) for i, a in enumerate(cells) for b in cells[i + 1:])
        assert sum(c.width() * c.height() for c in cells) >= LAPTOP.width() * LAPTOP.height() * used * 0.99
    two = tile_rects(LAPTOP, 2)
    assert two[0].width() > 600 and two[0].top() == two[1].top()


def test_the_window_opens_inside_its_screen_and_a_huge_saved_size_is_brought_in(make_window, paths):
    window = make_window()
    window.open_example(PROJECT)
    available = window.screen().availableGeometry()
    assert available.contains(window.geometry())
    dock = window.findings_dock.height()
    assert window.height() * 0.2 <= dock <= window.height() * 0.35   # the findings keep a fair share
    QApplication.processEvents()
    window.resizeDocks([window.findings_dock], [window.height() // 2], Qt.Orientation.Vertical)
    QApplication.processEvents()
    assert window.findings_dock.height() > dock + 50                 # and can be made bigger

    window.resize(available.width() * 3, available.height() * 3)     # as if saved on a bigger monitor
    window.move(available.width() * 2, 0)
    window.close()
    assert load_settings(paths.settings_file).window_geometry
    again = make_window()
    assert available.contains(again.geometry())


def test_restoring_a_geometry_keeps_it_when_it_fits(make_window, paths):
    window = make_window()
    window.setGeometry(QRect(40, 60, 720, 500))
    assert window.geometry().size().toTuple() == (720, 500)
    window.close()
    assert QByteArray.fromBase64(load_settings(paths.settings_file).window_geometry.encode("ascii"))
    again = make_window()
    assert again.geometry() == QRect(40, 60, 720, 500)
