"""GUI fixtures, loaded by ``tests/conftest.py``; a window is built only for a test that asks for one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from jixiao_desktop.ui import tasks
from jixiao_desktop.ui.app_paths import AppPaths
from jixiao_desktop.ui.main_window import MainWindow


@pytest.fixture
def paths(tmp_path):
    """Settings, recovery copies and logs under the test's own folder."""
    return AppPaths.under(tmp_path / "app")


@pytest.fixture
def make_window(qtbot, paths):
    """Main windows, closed at the end without asking to save (not by qtbot, whose close would ask)."""
    windows = []

    def make() -> MainWindow:
        window = MainWindow(paths)
        window.show()
        windows.append(window)
        return window

    yield make
    tasks.wait_all()
    from jixiao_desktop.ui.windows import open_windows

    opened_by_the_test = [w for w in open_windows() if w not in windows]   # 打开/新建 in a window of its own
    close_windows(windows + opened_by_the_test)


def close_windows(windows) -> None:
    """Close ``windows`` without asking to save (their edits are the test's, not a clerk's)."""
    for window in windows:
        if window.document is not None:
            window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes recorded as (kind, title, text), never shown."""
    shown = []

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return staticmethod(box)

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


@pytest.fixture
def answers(monkeypatch):
    """Stub QMessageBox.question: answers are taken in order; the questions are recorded."""
    state = {"answers": [], "asked": []}

    def question(parent, title, text, *args, **kwargs):
        state["asked"].append(text)
        return state["answers"].pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: pytest.fail(f"warning: {a[2]}")))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: pytest.fail(f"critical: {a[2]}")))
    return state
