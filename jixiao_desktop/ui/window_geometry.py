"""A main window's size, place and docks kept in the settings: saved on closing, restored inside the screen.

The rectangles themselves are worked out by :mod:`.screen_fit` (pure functions); here they meet the window and
the settings' base64 fields.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication

from jixiao_desktop.ui.screen_fit import findings_height, fit_rect, initial_rect


def save_geometry(window) -> None:
    """Remember the window's geometry and dock layout in its settings (the caller saves them)."""
    window.settings.window_geometry = bytes(window.saveGeometry().toBase64()).decode("ascii")
    window.settings.window_state = bytes(window.saveState().toBase64()).decode("ascii")


def restore_geometry(window) -> None:
    """The last size and place, or the default one, always inside the screen's free space (a size saved on a
    bigger monitor is brought in); the findings panel takes its share of the height."""
    settings = window.settings
    restored = bool(settings.window_geometry) and window.restoreGeometry(
        QByteArray.fromBase64(settings.window_geometry.encode("ascii")))
    screen = (QGuiApplication.screenAt(window.geometry().center()) if restored else None) \
        or window.screen() or QGuiApplication.primaryScreen()
    if screen is not None and not (window.isMaximized() or window.isFullScreen()):
        available = screen.availableGeometry()
        window.setGeometry(fit_rect(window.geometry(), available) if restored else initial_rect(available))
    window.resizeDocks([window.findings_dock], [findings_height(window.height())], Qt.Orientation.Vertical)
    if settings.window_state:
        window.restoreState(QByteArray.fromBase64(settings.window_state.encode("ascii")))
