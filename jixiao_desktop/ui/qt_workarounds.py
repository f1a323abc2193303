"""Workarounds for bugs of the Qt bindings, applied once when the GUI package is imported.

PySide6 6.12 on Python 3.11 drops references to Python's singletons that it never took:
every ``QCoreApplication.processEvents()`` (and ``QTest.qWait``) call releases ``None`` once
too often, and every emit of a C++ signal with a defaulted argument from Python
(``model.dataChanged.emit(top_left, bottom_right)``: the findings panel redraws its places on
each check) releases ``True``. After a few thousand such calls CPython aborts with
"none_dealloc: deallocating None" or "bool_dealloc: deallocating True or False" — a clerk's
long afternoon of typing. (pydantic, imported until the documents left it, held thousands of
references to True and hid the second one.) From Python 3.12 on these objects are immortal and
the bugs are harmless; before that we give each a reference count no session can use up (they
are never freed anyway, so the count has no other meaning).
"""

from __future__ import annotations

import ctypes
import sys

_REFCOUNT_RESERVE = 1 << 40


def guard_singleton_refcounts() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field
        if refcount.value < _REFCOUNT_RESERVE:
            refcount.value += _REFCOUNT_RESERVE

