"""Window rectangles that fit the screen: the first size, a restored size, side by side (并排显示).

A county office's laptop often has a 1366×768 screen with the taskbar taking some of it; the window
must never open taller than what is left (the status bar and the findings would be off-screen), and a
size saved on a bigger monitor must be brought back inside. Pure functions of rectangles, so that
they are tested with any screen. Rectangles are the window's inside (what ``setGeometry`` takes); the
frame (title bar, borders) is added around it: before a window is shown Qt does not know its frame,
so a Windows frame is assumed.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QMargins, QRect, QSize

DEFAULT_SIZE = QSize(1280, 820)
FRAME_GUESS = QMargins(8, 31, 8, 8)   # title bar and borders of a Windows 10/11 window
MIN_SIZE = QSize(480, 360)            # never smaller than this, even on a tiny screen
FINDINGS_SHARE = 0.27                 # the findings panel's share of the window's height at first


def fit_rect(rect: QRect, available: QRect, frame: QMargins = FRAME_GUESS) -> QRect:
    """``rect`` made small enough, and moved, for it and its frame to lie inside ``available``."""
    room = available.marginsRemoved(frame)
    width = max(min(rect.width(), room.width()), min(MIN_SIZE.width(), room.width()))
    height = max(min(rect.height(), room.height()), min(MIN_SIZE.height(), room.height()))
    x = max(room.left(), min(rect.x(), room.left() + room.width() - width))
    y = max(room.top(), min(rect.y(), room.top() + room.height() - height))
    return QRect(x, y, width, height)


def initial_rect(available: QRect, frame: QMargins = FRAME_GUESS, size: QSize = DEFAULT_SIZE) -> QRect:
    """The first window: the default size, or the screen's free space if smaller, centred."""
    room = available.marginsRemoved(frame)
    width, height = min(size.width(), room.width()), min(size.height(), room.height())
    centred = QRect(room.left() + (room.width() - width) // 2, room.top() + (room.height() - height) // 2,
                    width, height)
    return fit_rect(centred, available, frame)


def cascade_rect(previous: QRect, available: QRect, frame: QMargins = FRAME_GUESS, step: int = 32) -> QRect:
    """A new window a step below and right of ``previous`` (so both title bars show), inside the screen;
    back to the top-left corner when the step would push it out."""
    moved = previous.translated(step, step)
    room = available.marginsRemoved(frame)
    if moved.right() > room.right() or moved.bottom() > room.bottom():
        moved.moveTopLeft(room.topLeft())
    return fit_rect(moved, available, frame)


def tile_rects(available: QRect, count: int, frame: QMargins = FRAME_GUESS) -> list[QRect]:
    """``count`` windows side by side filling ``available`` (并排显示): up to three in columns, more in a
    grid. Each rectangle is a window's inside, its frame within the cell."""
    if count <= 0:
        return []
    columns = count if count <= 3 else math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    rects = []
    for index in range(count):
        row, column = divmod(index, columns)
        left = available.left() + available.width() * column // columns
        right = available.left() + available.width() * (column + 1) // columns
        top = available.top() + available.height() * row // rows
        bottom = available.top() + available.height() * (row + 1) // rows
        rects.append(QRect(left, top, right - left, bottom - top).marginsRemoved(frame))
    return rects


def findings_height(window_height: int) -> int:
    """The findings panel's first height: a fair share of the window, at least a few rows."""
    return max(140, int(window_height * FINDINGS_SHARE))


def frame_of(window) -> QMargins:
    """The frame a shown window has (none under a bare X server); the Windows guess before it shows."""
    if not window.isVisible():
        return FRAME_GUESS
    inner, outer = window.geometry(), window.frameGeometry()
    return QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                    outer.right() - inner.right(), outer.bottom() - inner.bottom())
