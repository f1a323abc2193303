"""Benchmark ``print_preview_<largest example>``: from 打印预览 to page 1 painted in the preview.

The measured span covers the snapshot, the checks and the PDF rendering in the
background worker, loading the PDF into QtPdf and the first paint of page 1.
Without a display Qt's offscreen platform is used.
"""

from __future__ import annotations

import atexit
import os
import tempfile
import time

from jixiao_desktop.bench import Benchmark
from jixiao_desktop.ui.bench import _qt_environment, largest_example


class _PreviewProbe:
    def __init__(self):
        os.environ.update({k: v for k, v in _qt_environment().items() if k == "QT_QPA_PLATFORM"})
        from PySide6.QtCore import QEvent, QObject

        from jixiao_desktop.ui.app_paths import AppPaths
        from jixiao_desktop.ui.application import create_application
        from jixiao_desktop.ui.main_window import MainWindow

        self.app = create_application([])
        self.window = MainWindow(AppPaths.under(tempfile.mkdtemp(prefix="jixiao-bench-")))
        self.window.open_path(largest_example(), ask=False)
        self.window.show()
        self.app.processEvents()
        self.painted = False
        self.dialog = None

        probe = self

        class PaintWatch(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    probe.painted = True
                return False

        self.watch = PaintWatch()
        self.window.printing.preview_shown.connect(self._shown)
        atexit.register(self.close)

    def _shown(self, dialog) -> None:
        self.dialog = dialog
        dialog.view.viewport().installEventFilter(self.watch)

    def close(self) -> None:
        self.window.close()
        self.app.processEvents()

    def measure(self) -> float:
        self.painted, self.dialog = False, None
        started = time.perf_counter()
        self.window.actions_.print_preview.trigger()
        while not self.painted:
            self.app.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - started
        self.dialog.close()
        self.app.processEvents()
        return elapsed


def benchmarks():
    probe: list[_PreviewProbe] = []

    def measure() -> float:
        if not probe:
            probe.append(_PreviewProbe())
        return probe[0].measure()

    yield Benchmark(f"print_preview_{largest_example().stem}", measure, min_runs=5, max_runs=30, budget_s=8.0)
