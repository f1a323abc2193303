"""QApplication setup and the entry point of the GUI."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from jixiao_desktop import __version__


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("jixiao-desktop")
    app.setApplicationDisplayName("绩效目标表填报")
    app.setOrganizationName("jixiao")
    app.setApplicationVersion(__version__)
    return app


def run(argv: list[str]) -> int:
    app = create_application(argv)
    from jixiao_desktop.ui.main_window import MainWindow

    window = MainWindow()
    for path in argv:
        window.open_path(path)
    window.show()
    return app.exec()
