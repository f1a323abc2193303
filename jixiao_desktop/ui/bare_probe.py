"""The baseline of ``start_to_paint``: a bare Qt window with a table, started the same way.

``python -m jixiao_desktop.ui.bare_probe`` prints ``painted`` at the first paint and exits: what any
PySide6 program with a window and a grid costs on this machine (interpreter, Qt libraries, platform
plugin, fonts). ``jixiao bench`` prints it beside start_to_paint and their ratio.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem

    app = QApplication([])
    window = QMainWindow()
    table = QTableWidget(40, 8)
    for row in range(40):
        for column in range(8):
            table.setItem(row, column, QTableWidgetItem(f"单元格 {row + 1}-{column + 1}"))
    window.setCentralWidget(table)
    window.resize(1280, 820)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                QTimer.singleShot(0, done)
            return False

    def done():
        sys.stdout.write("painted\n")
        sys.stdout.flush()
        os._exit(0)

    probe = FirstPaint()
    window.installEventFilter(probe)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
