"""The sign-off block: signature lines on the left, the place of the round seal on the right.

The seal's place is :data:`~.styles.SEAL_SIZE` tall where the page has room. At a page foot it
gives up what the page lacks, down to the height the signature lines and the 填报单位（盖章）
words need themselves: the seal is stamped over those words, so a shorter band still takes it,
while a fixed 42 mm band pushed the last rows of a one-page form and its signatures onto a page
of their own (the Yunnan project form lacked 8 mm). :class:`KeepWithSignOff` keeps the last rows
with the signatures, counting the sign-off at its smallest.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table

from jixiao_desktop.printing.styles import SEAL_SIZE

SPACE_ABOVE = 3 * mm


class SignOff(Flowable):
    """``lines`` (a table) beside the seal's place (``seal``: cell content) across ``width``."""

    def __init__(self, lines: Table, seal: list, width: float, seal_width: float, style: list):
        super().__init__()
        self.lines = lines
        self.seal = seal
        self.full_width = width
        self.seal_width = seal_width
        self.style = style
        self._table: Table | None = None
        self.min_height = SPACE_ABOVE + max(self._needed(), 1)
        self.max_height = max(SPACE_ABOVE + SEAL_SIZE, self.min_height)

    def _needed(self) -> float:
        """The height of the lines and of the seal's words, without the empty band."""
        _, lines_h = self.lines.wrap(self.full_width - self.seal_width, 1e6)
        seal_h = sum(p.wrap(self.seal_width, 1e6)[1] for p in self.seal if isinstance(p, Flowable))
        return max(lines_h, seal_h)

    @property
    def give(self) -> float:
        """How much shorter than its full height the block may become."""
        return self.max_height - self.min_height

    def wrap(self, availWidth, availHeight):
        height = max(self.min_height, min(self.max_height, availHeight - 1))   # 1 pt: what follows still fits
        self._table = Table(
            [[self.lines, self.seal]],
            colWidths=[self.full_width - self.seal_width, self.seal_width],
            rowHeights=[height - SPACE_ABOVE],
            style=self.style,
        )
        self._table.wrap(self.full_width, height)
        self.width, self.height = self.full_width, height
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return []   # never cut: the whole block goes to the next page

    def drawOn(self, canvas, x, y, _sW=0):
        if self._table is None:
            self.wrap(self.full_width, self.max_height)
        self._table.drawOn(canvas, x, y, _sW)

    def draw(self):  # pragma: no cover - drawOn is what reportlab calls
        self._table.draw()


class KeepWithSignOff(KeepTogether):
    """Rows kept on the page of the sign-off that closes them, the sign-off counted at its smallest."""

    def wrap(self, aW, aH):
        size = super().wrap(aW, aH)
        self._H -= sum(f.give for f in self._content if isinstance(f, SignOff))
        return size
