"""Workarounds for bugs of the Qt bindings, applied once when the GUI package is imported.

PySide6 6.12 on Python 3.11: every ``QCoreApplication.processEvents()`` (and
``QTest.qWait``) call drops one reference to ``None`` too many. After a few
thousand calls CPython aborts with "none_dealloc: deallocating None". From
Python 3.12 on ``None`` is immortal and the bug is harmless; before that we
give ``None`` a reference count no session can use up (None is never freed
anyway, so the count has no other meaning).
"""

from __future__ import annotations

import ctypes
import sys

_NONE_REFCOUNT_RESERVE = 1 << 40


def guard_none_refcount() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field
    if refcount.value < _NONE_REFCOUNT_RESERVE:
        refcount.value += _NONE_REFCOUNT_RESERVE
