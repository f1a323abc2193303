"""The application's open windows: one document per window, as in Word or WPS.

Each :class:`MainWindow` registers itself here while it is open. 打开/新建 in a window that holds a
document opens the new one in a window of its own (the start page, or a 新建 form not yet touched,
is replaced instead); a file already open brings its window forward. The windows share one settings
object (recent files, printer, geometry), so none overwrites what another has remembered. The 窗口
menu lists the windows, puts them side by side (并排显示) and opens a new one; 退出 closes them all,
asking about each modified one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu
from shiboken6 import isValid

from jixiao_desktop.ui.screen_fit import cascade_rect, frame_of, tile_rects

if TYPE_CHECKING:
    from jixiao_desktop.settings import Settings
    from jixiao_desktop.ui.app_paths import AppPaths
    from jixiao_desktop.ui.main_window import MainWindow

_open: list[MainWindow] = []   # oldest first


def register(window: MainWindow) -> None:
    if window not in _open:
        _open.append(window)


def unregister(window: MainWindow) -> None:
    if window in _open:
        _open.remove(window)


def open_windows() -> list[MainWindow]:
    """The open main windows, oldest first (deleted ones dropped)."""
    _open[:] = [w for w in _open if isValid(w)]
    return list(_open)


def shared_settings(paths: AppPaths) -> Settings | None:
    """The settings object of an open window using the same settings file, to share."""
    for window in open_windows():
        if window.paths.settings_file == paths.settings_file:
            return window.settings
    return None


def library_for(window: MainWindow):
    """The indicator library of ``window``'s folders: the one another window loaded already, else loaded now
    (the built-in entries alone, said in a message, when the clerk's own file cannot be read)."""
    for other in open_windows():
        if other is not window and other.paths == window.paths and other._library is not None:
            return other._library
    from PySide6.QtWidgets import QMessageBox

    from jixiao_desktop.library import IndicatorLibrary, LibraryError

    try:
        return IndicatorLibrary.load(window.paths.user_library)
    except LibraryError as exc:
        QMessageBox.warning(window, "指标库", f"{exc}\n自定义指标暂不可用。")
        return IndicatorLibrary.load(None)


def same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        norm = lambda p: os.path.normcase(os.path.normpath(os.path.abspath(p)))  # noqa: E731
        return norm(a) == norm(b)


def window_of_file(path: str | Path) -> MainWindow | None:
    """The window holding the file ``path``, if one does."""
    for window in open_windows():
        document = window.document
        if document is not None and document.path is not None and same_file(document.path, path):
            return window
    return None


def activate(window: MainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def new_window(like: MainWindow) -> MainWindow:
    """A new, not yet shown, window with the folders and settings of ``like``, a step below and right
    of it; it is deleted when closed."""
    from jixiao_desktop.ui.main_window import MainWindow

    window = MainWindow(like.paths, like.settings)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if like.isMaximized():
        window.setWindowState(Qt.WindowState.WindowMaximized)
    elif like.isVisible():
        window.setGeometry(cascade_rect(like.geometry(), _available(like), frame_of(like)))
    return window


def _available(window: MainWindow):
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def tile(first: MainWindow) -> None:
    """并排显示: every open window side by side on the screen of ``first`` (which goes leftmost)."""
    windows = [first, *(w for w in open_windows() if w is not first)]
    frame = frame_of(first)
    for window, rect in zip(windows, tile_rects(_available(first), len(windows), frame)):
        if window.isMaximized() or window.isMinimized() or window.isFullScreen():
            window.showNormal()
        window.setGeometry(rect)
        window.show()
    activate(first)


def close_all() -> bool:
    """退出: close every window, the newest first (so the first window's size is the one remembered),
    asking about each modified document; stops at the first 取消 (False)."""
    for window in reversed(open_windows()):
        if not window.close():
            activate(window)
            return False
    return True


def refresh_recent(settings: Settings) -> None:
    """Every window sharing ``settings`` shows the recent files as they are now."""
    for window in open_windows():
        if window.settings is settings:
            window.recent_changed()


def title_of(window: MainWindow) -> str:
    return window.display_name if window.document is not None else "开始页"


class WindowMenu:
    """窗口(&W): the open windows (a check on this one), 并排显示, 新建窗口; rebuilt as it opens."""

    def __init__(self, window: MainWindow, menu: QMenu):
        self.window, self.menu = window, menu
        menu.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        menu, me = self.menu, self.window
        menu.clear()
        windows = open_windows() or [me]
        for number, window in enumerate(windows, start=1):
            modified = "*" if window.document is not None and window.document.modified else ""
            title = title_of(window).replace("&", "&&")   # a “&” in a file name is no shortcut letter
            action = menu.addAction(f"&{number % 10} {title}{modified}")
            action.setCheckable(True)
            action.setChecked(window is me)
            action.triggered.connect(lambda _=False, w=window: activate(w))
        menu.addSeparator()
        side = menu.addAction("并排显示(&T)")
        side.setEnabled(len(windows) > 1)
        side.triggered.connect(lambda _=False: tile(me))
        menu.addAction("新建窗口(&N)").triggered.connect(lambda _=False: activate(new_window(me)))
