"""Building blocks shared by every printed form: cells, grids, title, sign-off.

A :class:`Builder` makes the paragraphs of one document and records every text
it will draw, so the renderer can check the font covers all of them before a
single page is laid out. Tables are stacked sections of the same total width
with no space between, so they read as one bordered form while each section
keeps its own columns.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from jixiao_desktop.forms import FormBase
from jixiao_desktop.money import format_amount
from jixiao_desktop.printing.coverage import clean_text
from jixiao_desktop.printing.grid import Grid
from jixiao_desktop.printing.signoff import SignOff
from jixiao_desktop.printing.styles import CELL_PAD, FRAME_HEIGHT, FRAME_WIDTH, LINE_WIDTH, SEAL_SIZE, Styles

Cell = Paragraph | str | Flowable | list


class CellParagraph(Paragraph):
    """A paragraph that never draws past its width.

    reportlab's CJK line breaking lets a closing mark that may not start a
    line (``）``, ``，``) hang past the right edge; here such a paragraph is
    broken again a little narrower so the mark moves down with its character.
    """

    def wrap(self, availWidth, availHeight):
        self._wrap_width = availWidth
        size = super().wrap(availWidth, availHeight)
        if self._overflow() <= 0.01:
            return size
        narrow = self._fitting_width(availWidth - self.style.fontSize, availHeight)
        _, height = super().wrap(narrow, availHeight)
        self._widen(availWidth - narrow)
        self.width = availWidth
        return availWidth, height

    def split(self, availWidth, availHeight):
        # A table splitting a row hands over the column width without the cell
        # padding; the width of the last wrap is the one that fits the cell.
        width = min(availWidth, getattr(self, "_wrap_width", availWidth))
        super().wrap(width, availHeight)
        if self._overflow() > 0.01:
            width = self._fitting_width(width - self.style.fontSize, availHeight)
        return super().split(width, availHeight)

    def _fitting_width(self, width: float, height: float) -> float:
        """The widest width at most ``width`` at which no line hangs over."""
        narrow = width
        for _ in range(6):
            super().wrap(narrow, height)
            over = self._overflow()
            if over <= 0.01:
                return narrow
            narrow -= max(over + 0.5, self.style.fontSize)
        return narrow

    def _overflow(self) -> float:
        lines = getattr(self.blPara, "lines", [])
        if self.blPara.kind == 0:
            return max((-extra for extra, _ in lines), default=0.0)
        return max((-line.extraSpace for line in lines), default=0.0)

    def _widen(self, delta: float) -> None:
        para = self.blPara
        if para.kind == 0:
            para.lines = [(extra + delta, words) for extra, words in para.lines]
        else:
            for line in para.lines:
                line.extraSpace += delta


class Builder:
    """Makes the flowables of one document; remembers every text drawn."""

    def __init__(self, form: FormBase, styles: Styles, *, grouping: bool, width: float = FRAME_WIDTH,
                 height: float = FRAME_HEIGHT):
        self.form = form
        self.st = styles
        self.grouping = grouping
        # The frame: portrait A4 unless the form is printed landscape.
        self.width, self.height = width, height
        self.texts: list[str] = []

    # -- cells -------------------------------------------------------------
    def p(self, text: str, style=None) -> Paragraph | str:
        """A paragraph of typed text: escaped, line breaks kept, wrapped in its cell."""
        cleaned = clean_text(text or "")
        if not cleaned.strip():
            return ""  # an empty cell (drawn with the table's font): no paragraph to lay out
        self.texts.append(cleaned)
        markup = escape(cleaned.strip("\n")).replace("\n", "<br/>")
        return CellParagraph(markup, style or self.st.cell)

    def label(self, text: str) -> Paragraph:
        return self.p(text, self.st.label)

    def center(self, text: str) -> Paragraph:
        return self.p(text, self.st.cell_center)

    def vertical(self, text: str) -> Paragraph:
        """A label written top to bottom, one character a line (narrow merged columns)."""
        chars = [c for c in clean_text(text) if not c.isspace()]
        self.texts.append("".join(chars))
        return CellParagraph("<br/>".join(escape(c) for c in chars), self.st.label)

    def money(self, text: str) -> str:
        """An amount in the form's unit when readable; otherwise exactly as typed."""
        parsed = self.form.amount(text)
        if parsed.value is None or parsed.per:
            return text.strip()
        return format_amount(parsed.value, self.form.amount_unit, grouping=self.grouping)

    def amount(self, text: str) -> Paragraph:
        """A right-aligned amount cell."""
        return self.p(self.money(text), self.st.cell_right)

    def grid(self, rows: list[list[Cell]], widths_mm: list[float], **kwargs) -> Grid:
        """:func:`grid` drawn with this document's font."""
        return grid(rows, widths_mm, font=self.st.font, width=self.width, **kwargs)

    @property
    def unit(self) -> str:
        return self.form.amount_unit.value

    # -- blocks ------------------------------------------------------------
    def title_block(self, title: str, subtitle: str = "", *, corner: str = "", unit_line: bool = True) -> list:
        """附表 mark, title, （年度）, and the 填报单位（盖章）/金额单位 line."""
        out: list = []
        if corner:
            out.append(self.p(corner, self.st.header_line))
        out.append(self.p(title, self.st.title))
        if subtitle:
            out.append(self.p(subtitle, self.st.subtitle))
        if unit_line:
            left = self.p(f"填报单位（盖章）：{self.unit_name()}", self.st.header_line)
            right = self.p(f"金额单位：{self.unit}", self.st.header_right)
            out.append(Table([[left, right]], colWidths=[self.width * 0.7, self.width * 0.3], style=[*_PLAIN, ("FONT", (0, 0), (-1, -1), self.st.font, 9)]))
            out.append(Spacer(1, 1 * mm))
        return out

    def unit_name(self) -> str:
        form = self.form
        for name in ("filler_unit", "implementing_unit", "name"):
            value = getattr(form, name, "")
            if isinstance(value, str) and value.strip():
                return value.strip()
        return ""

    def signoff(self, *, head_label: str = "单位负责人（签字）", filler_label: str = "填报人") -> SignOff:
        """Signature, phone and date lines on the left; room for the round seal on the right."""
        sign = self.form.signoff
        date = sign.date or "        年    月    日"
        st = self.st.sign
        rows = [
            [self.p(f"{head_label}：", st), self.p(sign.unit_head, st), self.p(f"{filler_label}：", st),
             self.p(sign.filler, st)],
            [self.p("联系电话：", st), self.p(sign.phone, st), self.p("填报日期：", st), self.p(date, st)],
        ]
        return self.signoff_block(rows, [38 * mm, 30 * mm, 20 * mm, 36 * mm])

    def signoff_block(self, rows: list[list], widths: list[float]) -> SignOff:
        """``label： value`` rows (values underlined) beside the seal's place (:class:`.signoff.SignOff`)."""
        lines = Table(
            rows,
            colWidths=widths,
            style=[
                *_PLAIN,
                ("FONT", (0, 0), (-1, -1), self.st.font, 9),
                *[("LINEBELOW", (c, 0), (c, -1), LINE_WIDTH * 0.8, "black") for c in range(1, len(widths), 2)],
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 9),
                *[("RIGHTPADDING", (c, 0), (c, -1), 4) for c in range(1, len(widths) - 1, 2)],
                *[("LEFTPADDING", (c, 0), (c, -1), 6) for c in range(2, len(widths), 2)],
            ],
        )
        # A blank unit name is no paragraph (a bare string in a cell's list would crash the table).
        seal = [cell for cell in (self.p("填报单位（盖章）", self.st.cell_center),
                                  self.p(self.unit_name(), self.st.cell_center)) if cell]
        style = [*_PLAIN, ("FONT", (0, 0), (-1, -1), self.st.font, 9), ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
                 ("VALIGN", (1, 0), (1, 0), "TOP")]
        return SignOff(lines, seal, self.width, SEAL_SIZE + 8 * mm, style)


_PLAIN = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
]


def grid(
    rows: list[list[Cell]],
    widths_mm: list[float],
    *,
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = (),
    repeat: int = 0,
    extra: list = (),
    vertical_label: bool = False,
    font: str = "",
    width: float = FRAME_WIDTH,
) -> Grid:
    """A bordered table section; ``widths_mm`` are scaled to the frame width.

    Rows split inside a cell at a page end when they must (``splitInRow``), so
    no text is ever pushed past the page; ``repeat`` header rows come again on
    every page the section runs onto. Merged cells are cut at a page break and
    their text written again on the next page (:class:`~.grid.Grid`).
    """
    scale = width / (sum(widths_mm) * mm)
    widths = [w * mm * scale for w in widths_mm]
    style = [
        ("GRID", (0, 0), (-1, -1), LINE_WIDTH, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD - 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD + 0.5),
    ]
    if font:  # empty string cells would otherwise pull in a non-embedded Helvetica
        style.append(("FONT", (0, 0), (-1, -1), font, 9))
    if vertical_label:
        # Top-aligned: a section label split over two pages stays inside each part.
        style.append(("VALIGN", (0, 0), (0, -1), "TOP"))
    style += list(extra)
    return Grid(rows, widths, style=style, spans=list(spans), repeat=repeat)


def label_value_rows(b: Builder, items: list[tuple[str, str]], ncols: int) -> tuple[list, list]:
    """``label | value spanning the rest`` rows; returns (rows, spans)."""
    rows, spans = [], []
    for label, value in items:
        r = len(rows)
        rows.append([b.label(label), b.p(value)] + [""] * (ncols - 2))
        if ncols > 2:
            spans.append(((1, r), (ncols - 1, r)))
    return rows, spans
