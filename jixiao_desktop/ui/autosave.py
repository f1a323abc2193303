"""Autosave to a recovery file, and recovery after a crash.

While a document has unsaved changes, :class:`Autosaver` writes it every few
seconds to ``<recovery>/<session>.jixiao`` (atomically; each window has a
session of its own, so two open documents never share a copy), with a small
``<session>.json`` beside it naming the original file. The session holds a
``QLockFile`` ``<session>.lock`` for as long as the window lives; a clean save
or closing the document deletes the copy. On start, :func:`find_orphans` lists
the copies whose lock is free (their program has died): those are offered for
recovery.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

from jixiao_desktop.forms import FormBase
from jixiao_desktop.storage import EXTENSION, DocumentError, dumps, load
from jixiao_desktop.storage.docfile import write_atomic
from jixiao_desktop.ui.document import FormDocument

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecoveryFile:
    """A copy left behind by a session that did not end cleanly."""

    data_path: Path
    original: Path | None
    saved_at: float
    title: str

    @property
    def meta_path(self) -> Path:
        return self.data_path.with_suffix(".json")

    @property
    def lock_path(self) -> Path:
        return self.data_path.with_suffix(".lock")

    def load(self) -> FormBase:
        """The recovered form; raises DocumentError."""
        return load(self.data_path)

    def discard(self) -> None:
        for path in (self.data_path, self.meta_path, self.lock_path):
            path.unlink(missing_ok=True)

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.saved_at))
        name = self.original.name if self.original else "未保存的新表格"
        return f"{name}（{self.title}，自动保存于 {when}）"


def find_orphans(recovery_dir: Path) -> list[RecoveryFile]:
    """Recovery copies whose session is gone (lock free or stale), newest first."""
    found = []
    if not recovery_dir.is_dir():
        return found
    for data_path in recovery_dir.glob("*" + EXTENSION):
        lock = QLockFile(str(data_path.with_suffix(".lock")))
        # Only a dead owner makes a lock stale: by default Qt also calls a lock older than 30 s stale,
        # which would take the copy of a window (or a second program) still running for hours.
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # a running session owns it
        lock.unlock()
        meta = _read_meta(data_path.with_suffix(".json"))
        original = meta.get("original")
        found.append(
            RecoveryFile(
                data_path,
                Path(original) if original else None,
                float(meta.get("saved_at", data_path.stat().st_mtime)),
                str(meta.get("title", "")),
            )
        )
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found


def _read_meta(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


class Autosaver(QObject):
    """Writes the current document to its recovery file while it is modified."""

    def __init__(self, recovery_dir: Path, interval_s: int = 5, parent: QObject | None = None):
        super().__init__(parent)
        self.recovery_dir = Path(recovery_dir)
        self.session = os.urandom(6).hex()   # (not uuid: it brings platform into every start)
        self.document: FormDocument | None = None
        self.writes = 0
        self._dirty = False
        self._lock: QLockFile | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_s * 1000)
        self._timer.timeout.connect(self.tick)

    @property
    def data_path(self) -> Path:
        return self.recovery_dir / f"{self.session}{EXTENSION}"

    @property
    def meta_path(self) -> Path:
        return self.data_path.with_suffix(".json")

    def set_document(self, document: FormDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._mark)
            self.document.modified_changed.disconnect(self._modified_changed)
        self.discard()
        self.document = document
        self._dirty = bool(document and document.modified)
        if document is None:
            self._timer.stop()
            return
        document.changed.connect(self._mark)
        document.modified_changed.connect(self._modified_changed)
        self._timer.start()

    def _mark(self, *_args) -> None:
        self._dirty = True

    def _modified_changed(self, modified: bool) -> None:
        if not modified:  # saved, or undone back to the saved state
            self.discard()

    def tick(self) -> bool:
        """Write now if there are unsaved changes not yet in the recovery file."""
        doc = self.document
        if doc is None or not doc.modified or not self._dirty:
            return False
        try:
            self._ensure_lock()
            write_atomic(self.data_path, dumps(doc.form).encode("utf-8"))
            meta = {
                "original": str(doc.path) if doc.path else None,
                "saved_at": time.time(),
                "title": getattr(doc.form, "display_name", "") or doc.form.title,
            }
            write_atomic(self.meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        except (OSError, DocumentError):
            log.exception("autosave to %s failed", self.data_path)
            return False
        self._dirty = False
        self.writes += 1
        return True

    def _ensure_lock(self) -> None:
        if self._lock is None:
            self.recovery_dir.mkdir(parents=True, exist_ok=True)
            self._lock = QLockFile(str(self.data_path.with_suffix(".lock")))
            self._lock.setStaleLockTime(0)
            if not self._lock.tryLock(100):
                log.warning("cannot lock %s", self.data_path)

    def discard(self) -> None:
        """Delete this session's recovery copy (after a save or on close)."""
        self.data_path.unlink(missing_ok=True)
        self.meta_path.unlink(missing_ok=True)
        self._dirty = bool(self.document and self.document.modified)

    def close(self) -> None:
        self._timer.stop()
        self.discard()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
