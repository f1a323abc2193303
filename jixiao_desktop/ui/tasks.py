"""Background work through one helper (like Anki's ``QueryOp``, Picard's ``run_task``).

::

    Task(window, render_bytes, snapshot, label="正在生成打印页面…")
        .success(show_preview)
        .failure(show_error)          # optional: else the error goes to sys.excepthook
        .run_in_background()

``func`` runs in a QThreadPool worker; the result (or the exception) comes back
on the GUI thread through a queued signal. Pass the worker what it needs as
arguments, a deep copy of the form (``FormDocument.snapshot()``), never the
live one the clerk keeps editing. While the task runs the parent shows a busy
cursor and a status bar message; ``slow=True`` adds a modeless progress dialog
(after half a second) for work that can take a while (a large workbook, the
15-page department form on a printer). A task with a ``key`` will not start
twice for the same parent at once (a second Ctrl+P while printing says so).

While any task runs, Python's automatic garbage collection is paused (as Anki
does): a collection triggered in the worker would destroy Qt objects of closed
windows outside the GUI thread and crash the program. The collection resumes,
on the GUI thread, when the last task is delivered.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QWidget

log = logging.getLogger(__name__)

_running: set[Task] = set()  # tasks in flight (their Python objects must outlive the worker)
_gc_paused = False  # True while the tasks helper has switched automatic collection off


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    done = Signal(object, object)  # result, exception


class _Runnable(QRunnable):
    def __init__(self, func: Callable[..., Any], args: tuple, kwargs: dict, relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self.func, self.args, self.kwargs, self.relay = func, args, kwargs, relay

    def run(self) -> None:
        try:
            result, error = self.func(*self.args, **self.kwargs), None
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            result, error = None, exc
        self.relay.done.emit(result, error)


class Task:
    """One piece of background work; chain :meth:`success`/:meth:`failure`, then :meth:`run_in_background`."""

    def __init__(self, parent: QWidget, func: Callable[..., Any], *args: Any, label: str = "正在处理…",
                 slow: bool = False, key: str = "", **kwargs: Any):
        self.parent, self.func, self.args, self.kwargs = parent, func, args, kwargs
        self.label, self.slow, self.key = label, slow, key
        self.finished = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_finished: list[Callable[[], None]] = []
        self._relay: _Relay | None = None
        self._progress: QProgressDialog | None = None

    def success(self, callback: Callable[[Any], None]) -> Task:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Task:
        """Called with the exception; without it, the error goes to ``sys.excepthook`` (logged, shown)."""
        self._on_failure = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> Task:
        self._on_finished.append(callback)
        return self

    def run_in_background(self, pool: QThreadPool | None = None) -> bool:
        """Start; False (with a status message) when a task with the same key is still running."""
        if self.key and is_running(self.parent, self.key):
            _status(self.parent, "上一项操作尚未完成，请稍候…", 3000)
            return False
        self._relay = _Relay()
        self._relay.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        _pause_gc()
        _running.add(self)
        self._show_busy()
        (pool or QThreadPool.globalInstance()).start(_Runnable(self.func, self.args, self.kwargs, self._relay))
        return True

    # --- on the GUI thread ---------------------------------------------------
    def _show_busy(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        _status(self.parent, self.label)
        if self.slow:
            dialog = QProgressDialog(self.label, "", 0, 0, self.parent)
            dialog.setWindowTitle("请稍候")
            dialog.setCancelButton(None)  # a running conversion cannot be stopped halfway safely
            dialog.setWindowModality(Qt.WindowModality.NonModal)
            dialog.setMinimumDuration(500)
            dialog.setAutoClose(False)
            dialog.setValue(0)
            self._progress = dialog

    def _deliver(self, result: Any, error: BaseException | None) -> None:
        _running.discard(self)
        if not _running:
            _resume_gc()
        QGuiApplication.restoreOverrideCursor()
        if self._progress is not None and shiboken6.isValid(self._progress):
            self._progress.reset()
            self._progress.deleteLater()
        self._progress = None
        self.finished, self.result, self.error = True, result, error
        alive = shiboken6.isValid(self.parent)
        if alive:
            _status(self.parent, "")
        try:
            if not alive:  # the window is gone: nothing to show the result in
                if error is not None:
                    log.error("background task failed after its window closed", exc_info=error)
                return
            if error is None:
                if self._on_success is not None:
                    self._on_success(result)
            elif self._on_failure is not None:
                self._on_failure(error)
            else:
                sys.excepthook(type(error), error, error.__traceback__)
        finally:
            for callback in self._on_finished:
                callback()
            if self._relay is not None:
                self._relay.deleteLater()
                self._relay = None


def is_running(parent: QWidget, key: str = "") -> bool:
    """True while a task of ``parent`` (with ``key``, if given) is in flight."""
    return any(t.parent is parent and (not key or t.key == key) for t in _running)


def _pause_gc() -> None:
    global _gc_paused
    if not _running and gc.isenabled():
        gc.disable()
        _gc_paused = True


def _resume_gc() -> None:
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        gc.enable()


def wait_all(timeout_ms: int = 10000) -> bool:
    """Wait for the workers (on exit: a file being written is finished first)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def _status(parent: QWidget, text: str, timeout_ms: int = 0) -> None:
    window = parent.window() if isinstance(parent, QWidget) else None
    if isinstance(window, QMainWindow):
        if text:
            window.statusBar().showMessage(text, timeout_ms)
        else:
            window.statusBar().clearMessage()
