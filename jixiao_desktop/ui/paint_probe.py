"""Start the window as the program does, open a file, print ``painted`` at the first paint, exit.

Run by ``jixiao bench`` (start_to_paint) in a fresh process:
``python -m jixiao_desktop.ui.paint_probe FILE``. Settings, logs and recovery
files go to a temporary folder so the user's own are untouched.
"""

from __future__ import annotations

import os
import sys
import tempfile


def main(argv: list[str]) -> int:
    from jixiao_desktop.app import preload_core

    preload_core()   # as the program starts
    from PySide6.QtCore import QEvent, QObject, QTimer

    from jixiao_desktop.ui.app_paths import AppPaths
    from jixiao_desktop.ui.application import create_application
    from jixiao_desktop.ui.main_window import MainWindow

    from jixiao_desktop.ui.single_instance import start

    app = create_application([])
    paths = AppPaths.under(tempfile.mkdtemp(prefix="jixiao-probe-"))
    start(paths, argv)   # is the program running already? (the lock file; the server follows the paint)
    window = MainWindow(paths)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                QTimer.singleShot(0, done)  # let the rest of the frame paint first
            return False

    def done():
        sys.stdout.write("painted\n")
        sys.stdout.flush()
        os._exit(0)  # the measurement is over; skip teardown

    probe = FirstPaint()
    window.installEventFilter(probe)
    if argv:
        window.open_path(argv[0], ask=False)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
