"""A bordered table section whose merged cells never straddle a page break.

Paper forms merge cells down a column: the section label written top to
bottom, a 一级 heading over its rows, a 二级 over its own. When such a table
runs onto another page, reportlab's :class:`~reportlab.platypus.Table` has to
split the merged cell itself; a label that cannot be split (it is short, or
one character a line) then goes wholly to one side, and with a vertically
centred cell reportlab 5 crashes in that code (``UnboundLocalError`` in
``Table._splitRows``). Worse, a label spanning the whole section makes every
row boundary "impossible", so reportlab never splits between rows at all.

:class:`Grid` keeps the logical table (cells, widths, merges, header rows)
and does the pagination itself: it cuts the section between two rows, cuts
every merge that crosses that boundary in two, and writes the merged cell's
text again at the top of the continuation, the way a clerk continues a
merged heading on a new sheet. The tables it hands reportlab therefore never
have a merge that crosses a page, and reportlab's span-splitting code is never
reached. Only a single row taller than what is left of the page is split
inside the row (when two of its lines fit; else it goes whole to the next page, not
leaving an empty sliver), and then its merges have been cut to that row first.
"""

from __future__ import annotations

import copy

from reportlab.platypus import Flowable, Paragraph, Table

from jixiao_desktop.printing.styles import CELL_LEADING, CELL_PAD

Span = tuple[tuple[int, int], tuple[int, int]]
# The least room worth splitting a row into: two lines of text and the cell's padding (points).
MIN_SPLIT = 2 * CELL_LEADING + 2 * CELL_PAD


class Grid(Flowable):
    """A table section laid out by rows; merges are cut at page breaks."""

    def __init__(self, rows: list[list], widths: list[float], *, style: list, spans: list[Span] = (),
                 repeat: int = 0):
        super().__init__()
        self.rows = rows
        self.widths = widths
        self.style = list(style)
        self.repeat = min(repeat, max(len(rows) - 1, 0))
        self.spans = [_normal(span, len(rows)) for span in spans]
        self._built: Table | None = None

    # -- the table reportlab draws ------------------------------------------
    def table(self) -> Table:
        if self._built is None:
            style = self.style + [("SPAN", (sc, sr), (ec, er)) for (sc, sr), (ec, er) in self.spans
                                  if (sc, sr) != (ec, er)]
            self._built = Table(self.rows, colWidths=self.widths, style=style, repeatRows=self.repeat,
                                splitByRow=1, splitInRow=1)
        return self._built

    def wrap(self, availWidth, availHeight):
        self.width, self.height = self.table().wrap(availWidth, availHeight)
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):
        self.table().drawOn(canvas, x, y, _sW)

    def draw(self):  # pragma: no cover - drawOn is what reportlab calls
        self.table().draw()

    def identity(self, maxLen=None):
        return f"<Grid {len(self.rows)} rows>"

    # -- pagination --------------------------------------------------------
    def split(self, availWidth, availHeight):
        table = self.table()
        table.wrap(availWidth, availHeight)
        heights = list(table._rowHeights)
        if sum(heights) <= availHeight:
            return [self]
        top = self.repeat
        # The last row boundary that fits, after at least one body row.
        used, n = 0.0, top
        for i, h in enumerate(heights):
            if used + h > availHeight:
                break
            used += h
            n = i + 1
        # A merged cell cut at a boundary may need more room than its rows had: the last boundary whose
        # part still fits is searched by halving (each try lays out the part again; one by one was
        # quadratic in the rows of a page).
        lo, hi, best = top + 1, n, None
        while lo <= hi:
            mid = (lo + hi) // 2
            first = self.part(top, mid)
            _, h = first.wrap(availWidth, availHeight)
            if h <= availHeight:
                best, lo = (mid, first), mid + 1
            else:
                hi = mid - 1
        if best is not None:
            return [best[1], self.part(best[0], len(self.rows))]
        if availHeight - sum(heights[:top]) < MIN_SPLIT:
            return []   # no room for a line of the row: the whole row goes to the next page, no empty sliver
        return self._split_inside(availWidth, availHeight)

    def part(self, a: int, b: int) -> Grid:
        """The header rows followed by body rows ``a``…``b-1``, merges cut to them."""
        top = self.repeat
        keep = list(range(top)) + list(range(a, b))
        new_index = {old: new for new, old in enumerate(keep)}
        rows = [list(self.rows[r]) for r in keep]
        spans: list[Span] = []
        for (sc, sr), (ec, er) in self.spans:
            kept = [r for r in range(sr, er + 1) if r in new_index]
            if not kept:
                continue
            first = kept[0]
            if first != sr:  # the merge began above this part: its text comes again here
                rows[new_index[first]][sc] = clone_cell(self.rows[sr][sc])
            spans.append(((sc, new_index[first]), (ec, new_index[kept[-1]])))
        return Grid(rows, self.widths, style=self.style, spans=spans, repeat=top)

    def _split_inside(self, availWidth, availHeight):
        """The first body row alone does not fit: split inside that row."""
        top = self.repeat
        if top >= len(self.rows):
            return []
        single = self.part(top, top + 1).table()
        pieces = single.split(availWidth, availHeight)
        if len(pieces) != 2:
            return []
        remainder = list(pieces[1]._cellvalues[-1])
        needed = single._rowHeights[-1] if getattr(single, "_rowHeights", None) else None
        _, left = pieces[1].wrap(availWidth, 1e6)
        rest_needed = pieces[1]._rowHeights[-1] if getattr(pieces[1], "_rowHeights", None) else left
        if needed is not None and rest_needed >= needed - 0.01:   # nothing of the row went onto this page
            from jixiao_desktop.printing.coverage import CellCannotFit

            raise CellCannotFit(_longest_text(self.rows[top]))
        for (sc, sr), (ec, er) in self.spans:
            if sr == top and er > top:  # a merge continuing below: keep its whole text on
                remainder[sc] = clone_cell(self.rows[sr][sc])
        rest = Grid(self.rows[:top] + [remainder] + self.rows[top + 1:], self.widths, style=self.style,
                    spans=self.spans, repeat=top)
        return [pieces[0], rest]


def _longest_text(cells) -> str:
    """The longest text of a row's cells (to name the one that cannot be laid out)."""
    longest = ""
    stack = list(cells)
    while stack:
        cell = stack.pop()
        if isinstance(cell, (list, tuple)):
            stack.extend(cell)
            continue
        text = cell if isinstance(cell, str) else (cell.getPlainText() if hasattr(cell, "getPlainText") else "")
        if len(text) > len(longest):
            longest = text
    return longest


def _normal(span: Span, nrows: int) -> Span:
    (sc, sr), (ec, er) = span
    sr = sr + nrows if sr < 0 else sr
    er = er + nrows if er < 0 else er
    return (min(sc, ec), min(sr, er)), (max(sc, ec), max(sr, er))


def clone_cell(value):
    """A fresh copy of a cell's content (a flowable is laid out per table)."""
    if isinstance(value, Paragraph):
        return type(value)(value.text, value.style)
    if isinstance(value, list):
        return [clone_cell(v) for v in value]
    if isinstance(value, Flowable):
        return copy.copy(value)
    return value
