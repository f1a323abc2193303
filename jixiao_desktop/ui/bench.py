"""Benchmarks of the GUI: ``start_to_paint`` and ``edit_to_findings`` (largest example).

- start_to_paint: a fresh process starts, opens the largest example and paints
  its window; start_bare_qt: a bare PySide6 window with a table, started the same way
  (interpreter, Qt libraries, platform plugin, fonts: what any Qt program costs here);
  start_ratio: the median of start_to_paint / start_bare_qt over pairs run one after
  the other (target: at most 2.0); start_to_paint_template and start_ratio_template: the same
  with the largest template document (its template is read before the first paint too). Both run from compiled bytecode, as the installed
  program does (a cache folder of the bench's own, filled by a first unmeasured run);
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


def _probe_environment() -> dict[str, str]:
    """Qt's platform as above, and bytecode cached in a folder of the bench's own (a development
    machine may forbid writing it; the installed program always runs from bytecode)."""
    env = _qt_environment()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "jixiao-bench-pycache")
    return env


def _start(args: list[str]) -> float:
    env = _probe_environment()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", *args],
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


def start_to_paint() -> float:
    return _start(["jixiao_desktop.ui.paint_probe", str(largest_example())])


def start_to_paint_template() -> float:
    """The same start with the largest template document (a province's own form: its template is read too)."""
    from jixiao_desktop.resources import largest_template_example

    return _start(["jixiao_desktop.ui.paint_probe", str(largest_template_example())])


def start_bare_qt() -> float:
    return _start(["jixiao_desktop.ui.bare_probe"])


class _StartPairs:
    """start_to_paint and start_bare_qt measured in pairs, one right after the other, so that the
    machine's mood of the moment weighs on both sides alike; the three figures read the same pairs."""

    def __init__(self, pairs: int = 9):
        self.pairs = pairs
        self.app: list[float] = []
        self.bare: list[float] = []
        self.template: list[float] = []
        self._read = {"app": 0, "bare": 0, "ratio": 0, "template": 0, "template_ratio": 0}

    def _ensure(self) -> None:
        if not self.app:
            start_bare_qt(), start_to_paint(), start_to_paint_template()   # fill the bytecode cache; not measured
            for _ in range(self.pairs):
                self.bare.append(start_bare_qt())
                self.app.append(start_to_paint())
                self.template.append(start_to_paint_template())

    def take(self, which: str) -> float:
        self._ensure()
        index = self._read[which] % self.pairs
        self._read[which] += 1
        if which == "ratio":
            return self.app[index] / self.bare[index]
        if which == "template_ratio":
            return self.template[index] / self.bare[index]
        return {"app": self.app, "bare": self.bare, "template": self.template}[which][index]


class _EditProbe:
    """One window with the largest example; ``measure()`` edits a field and waits for the panel."""

    def __init__(self, location: str, values: tuple[str, str]):
        os.environ.update({k: v for k, v in _qt_environment().items() if k == "QT_QPA_PLATFORM"})
        from jixiao_desktop.ui.app_paths import AppPaths
        from jixiao_desktop.ui.application import create_application
        from jixiao_desktop.ui.main_window import MainWindow

        self.app = create_application([])
        from jixiao_desktop.ui.windows import window_of_file

        self.window = MainWindow(AppPaths.under(tempfile.mkdtemp(prefix="jixiao-bench-")))
        self.window.open_path(largest_example(), ask=False)
        # a second probe finds the file open in the first one's window (a file is open in one window only)
        self.window = window_of_file(largest_example()) or self.window
        self.window.show()
        self.app.processEvents()
        self.location, self.values = location, values
        self.turn = 0
        atexit.register(self.close)

    def close(self) -> None:
        if self.window.document is None:
            return
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
    pairs = _StartPairs()
    for name, which, unit in (("start_to_paint", "app", "ms"), ("start_bare_qt", "bare", "ms"),
                              ("start_ratio", "ratio", "×"), ("start_to_paint_template", "template", "ms"),
                              ("start_ratio_template", "template_ratio", "×")):
        yield Benchmark(name, lambda w=which: pairs.take(w), unit=unit, min_runs=pairs.pairs, max_runs=pairs.pairs,
                        budget_s=0.0, warmup=0)
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
