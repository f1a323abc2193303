"""Benchmarks of the GUI: ``start_to_paint`` and ``edit_to_findings`` (largest example).

- start_to_paint: a fresh process starts, opens the largest example and paints
  its window (target: median under 1.5 s);
- edit_to_findings: one edit of a field through the document until the checks
  have re-run and the findings panel, status bar and editor markers show them
  (target: median under 50 ms); the edit adds or removes a finding.
  edit_to_findings_unchanged: the same for an edit that changes no finding.

Without a display (Linux servers, CI) Qt's offscreen platform is used.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import tempfile
import time

from jixiao_desktop.bench import Benchmark
from jixiao_desktop.resources import example_paths


def largest_example():
    return max(example_paths(), key=lambda p: p.stat().st_size)


def _qt_environment() -> dict[str, str]:
    env = dict(os.environ)
    headless = sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    if headless:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def start_to_paint() -> float:
    env = _qt_environment()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "jixiao_desktop.ui.paint_probe", str(largest_example())],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.kill()
    proc.wait()
    if line.strip() != "painted":
        raise RuntimeError("the window did not paint")
    return elapsed


class _EditProbe:
    """One window with the largest example; ``measure()`` edits a field and waits for the panel."""

    def __init__(self, location: str, values: tuple[str, str]):
        os.environ.update({k: v for k, v in _qt_environment().items() if k == "QT_QPA_PLATFORM"})
        from jixiao_desktop.ui.app_paths import AppPaths
        from jixiao_desktop.ui.application import create_application
        from jixiao_desktop.ui.main_window import MainWindow

        self.app = create_application([])
        self.window = MainWindow(AppPaths.under(tempfile.mkdtemp(prefix="jixiao-bench-")))
        self.window.open_path(largest_example(), ask=False)
        self.window.show()
        self.app.processEvents()
        self.location, self.values = location, values
        self.turn = 0
        atexit.register(self.close)

    def close(self) -> None:
        self.window.document.undo_stack.setClean()
        self.window.close()
        self.window.set_document(None)
        self.app.processEvents()

    def measure(self) -> float:
        document, checker = self.window.document, self.window.checker
        runs = checker.runs
        self.turn ^= 1
        if document.value(self.location) == self.values[self.turn]:
            self.turn ^= 1  # an edit that changes nothing would never be checked
        started = time.perf_counter()
        document.set_value(self.location, self.values[self.turn], merge=False)
        while checker.runs == runs or checker.pending:
            self.app.processEvents()
        return time.perf_counter() - started


def benchmarks():
    yield Benchmark("start_to_paint", start_to_paint, min_runs=5, max_runs=11, budget_s=6.0)
    # ≧ is read but is not the budget system's sign: each edit adds or removes a
    # finding, so the panel, the status bar and the editor's markers all change.
    yield _edit_benchmark("edit_to_findings", "indicators[8].annual.value", ("≥80%", "≧80%"))
    # Typing that changes no finding (the common case while filling in text).
    yield _edit_benchmark("edit_to_findings_unchanged", "indicators[0].annual.value", ("≥100人", "≥200人"))


def _edit_benchmark(name: str, location: str, values: tuple[str, str]) -> Benchmark:
    probe: list[_EditProbe] = []

    def measure() -> float:
        if not probe:
            probe.append(_EditProbe(location, values))
        return probe[0].measure()

    return Benchmark(name, measure, min_runs=20, max_runs=200)
