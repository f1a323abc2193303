"""Column widths that follow what the columns hold (the way a browser lays out an auto table).

A template's tables have columns the template chose and texts the clerk typed, so fixed shares
waste room (a wide 三级指标 column of short names beside a 绩效标准 wrapped onto three lines).
Each column has a smallest width (a few characters, its longest number unbroken) and a widest
(its longest line unbroken); when every column fits at its widest they share the spare room in
proportion, otherwise each gets its smallest plus a share of the rest in proportion to what it
lacks. Narrow fixed columns (a vertical label) keep their width.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from jixiao_desktop.printing.coverage import clean_text
from jixiao_desktop.printing.styles import CELL_PAD, CELL_SIZE

PAD = 2 * CELL_PAD + 1.5    # cell padding and a hair for the rules
MIN_CHARS = 4               # a text column is at least this many characters wide
MAX_CHARS = 40              # and wants at most this many on a line


def text_width(text: str, font: str, size: float = CELL_SIZE) -> float:
    """The width of the longest line of ``text`` in points."""
    return max((stringWidth(line, font, size) for line in clean_text(text).split("\n")), default=0.0)


def column_range(texts: list[str], font: str, *, numeric: bool = False, heading: str = "") -> tuple[float, float]:
    """``(smallest, widest)`` width in points of a column holding ``texts`` under ``heading``."""
    em = stringWidth("中", font, CELL_SIZE)
    widest = max([text_width(t, font) for t in texts] + [text_width(heading, font), em * 2]) + PAD
    widest = min(widest, em * MAX_CHARS + PAD)
    if numeric:   # an amount or a count is not broken over lines when it can be helped
        return widest, widest
    smallest = min(widest, em * MIN_CHARS + PAD)
    return smallest, widest


def fit(ranges: list[tuple[float, float]], total: float, fixed: tuple[int, ...] = ()) -> list[float]:
    """Widths in points adding up to ``total`` for columns of ``(smallest, widest)``; the ``fixed``
    columns (a vertical label) keep their widest."""
    low = sum(a for a, _ in ranges)
    high = sum(b for _, b in ranges)
    if high <= total:
        grow = [0.0 if i in fixed else b for i, (_, b) in enumerate(ranges)]
        share = sum(grow) or 1.0
        return [b + (total - high) * g / share for (_, b), g in zip(ranges, grow)]
    if low >= total:   # not even the smallest fit: shrink all alike
        return [a * total / low for a, _ in ranges]
    spare = total - low
    return [a + spare * (b - a) / (high - low) for a, b in ranges]


def in_mm(widths: list[float]) -> list[float]:
    return [w / mm for w in widths]
