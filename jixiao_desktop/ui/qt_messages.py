"""Qt's own warnings go to the program's log, not to a console the clerk never sees."""

from __future__ import annotations

import logging

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
# Harmless notes of the offscreen platform (tests, benchmarks, the self test).
_NOISE = ("This plugin does not support propagateSizeHints()",)


def _handler(kind, context, message: str) -> None:
    level = logging.DEBUG if message in _NOISE else _LEVELS.get(kind, logging.WARNING)
    log.log(level, "%s", message)


def route_qt_messages() -> None:
    qInstallMessageHandler(_handler)
