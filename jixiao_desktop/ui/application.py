"""QApplication setup and the entry point of the GUI."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from jixiao_desktop import __version__

log = logging.getLogger(__name__)


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("jixiao-desktop")
    app.setApplicationDisplayName("绩效目标表填报")
    app.setOrganizationName("jixiao")
    app.setApplicationVersion(__version__)
    if not getattr(app, "_jixiao_look", False):
        from jixiao_desktop.ui.look import install_look
        from jixiao_desktop.ui.qt_messages import route_qt_messages

        route_qt_messages()  # Qt's warnings into the log file
        install_look(app)  # icon, Qt's Chinese texts (确定/取消), a Chinese-capable font
        app._jixiao_look = True
    return app


def run(argv: list[str]) -> int:
    app = create_application(argv)
    from jixiao_desktop.ui.app_logging import setup_logging
    from jixiao_desktop.ui.app_paths import AppPaths
    from jixiao_desktop.ui.error_dialog import install_excepthook

    paths = AppPaths.standard()
    log_path = setup_logging(paths.log_dir)
    install_excepthook(log_path)
    log.info("jixiao-desktop %s starting; data in %s", __version__, paths.data_dir)
    started = open_program(argv, paths)
    if started is None:
        return 0   # the running program took the files (ui/single_instance.py)
    window, instance = started
    try:
        return app.exec()
    finally:
        instance.close()


def open_program(argv: list[str], paths):
    """The start after the QApplication: hand the file arguments to a running instance of the same
    settings folder (None: it took them; nothing is shown), else open the first window with them and,
    after its first paint, serve later starts. Returns (the first window, this instance)."""
    from jixiao_desktop.ui import single_instance
    from jixiao_desktop.ui.first_paint import after_first_paint
    from jixiao_desktop.ui.main_window import MainWindow

    files = single_instance.file_arguments(argv)
    instance = single_instance.start(paths, files)
    if instance is None:
        return None
    window = MainWindow(paths)   # the first window; more open as documents do (ui/windows.py)
    # QtNetwork loads after the clerk sees the form; set before the first file opens, so that a message
    # it shows (无法打开) before any paint does not keep later starts waiting: they are served after the
    # fallback and their files open when the message is closed
    after_first_paint(window, instance.serve)
    if files:
        window.open_path(files[0])
    window.show()
    for path in files[1:]:   # several files (selected together in Explorer): a window each
        window.open_path(path)
    QTimer.singleShot(0, window.offer_recovery)  # once the window is on screen
    return window, instance
