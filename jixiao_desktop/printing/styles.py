"""Page geometry and paragraph styles of the printed forms (A4, one Chinese font)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

PAGE_SIZE = A4
MARGIN_LEFT = MARGIN_RIGHT = 15 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM


def page_size(orientation: str = "portrait") -> tuple[float, float]:
    """A4 upright, or lying (``landscape``) for a template that prints so; the margins stay."""
    return landscape(A4) if orientation == "landscape" else A4


def frame_size(size: tuple[float, float]) -> tuple[float, float]:
    """The width and height of the body frame on a page of ``size``."""
    return size[0] - MARGIN_LEFT - MARGIN_RIGHT, size[1] - MARGIN_TOP - MARGIN_BOTTOM

LINE_WIDTH = 0.6  # table rules, points
CELL_PAD = 2.5  # cell padding, points
SEAL_SIZE = 42 * mm  # room for a round seal (42 mm is the common size)

CELL_SIZE = 9
CELL_LEADING = 12


@dataclass(frozen=True)
class Styles:
    """The paragraph styles for one font."""

    font: str
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    header_line: ParagraphStyle
    header_right: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    sign: ParagraphStyle
    note: ParagraphStyle


@lru_cache(maxsize=8)
def styles_for(font: str) -> Styles:
    """Styles drawn with the registered font ``font``."""
    base = ParagraphStyle(
        "jx-cell",
        fontName=font,
        fontSize=CELL_SIZE,
        leading=CELL_LEADING,
        wordWrap="CJK",
        alignment=TA_LEFT,
        splitLongWords=1,
    )

    def derive(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(f"jx-{name}", parent=base, **kw)

    return Styles(
        font=font,
        cell=base,
        cell_center=derive("cell-center", alignment=TA_CENTER),
        cell_right=derive("cell-right", alignment=TA_RIGHT),
        label=derive("label", alignment=TA_CENTER),
        title=derive("title", fontSize=17, leading=24, alignment=TA_CENTER, spaceAfter=2),
        subtitle=derive("subtitle", fontSize=11, leading=16, alignment=TA_CENTER, spaceAfter=4),
        header_line=derive("header-line", fontSize=10, leading=15),
        header_right=derive("header-right", fontSize=10, leading=15, alignment=TA_RIGHT),
        heading=derive("heading", fontSize=11.5, leading=18, spaceBefore=5, spaceAfter=1),
        body=derive("body", fontSize=10.5, leading=17, alignment=TA_JUSTIFY, firstLineIndent=21),
        sign=derive("sign", fontSize=10, leading=14),
        note=derive("note", fontSize=8, leading=10),
    )
