"""What every page carries: 第 X 页 共 Y 页, the document fingerprint, the 草稿 mark.

The page total is known only at the end, so the canvas keeps each page's state
and draws the footers when the document is saved (one layout pass).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from jixiao_desktop.printing.styles import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_SIZE

DRAFT_MARK = "草稿"
DRAFT_NOTE = "草稿：本表尚有未改正的错误，不能作为正式材料报送"


@dataclass
class PageDecor:
    """Footer and watermark settings of one document; ``pages`` is set when saved."""

    font: str
    title: str
    fingerprint: str
    draft: bool
    page_size: tuple[float, float] = PAGE_SIZE
    pages: int = 0

    def texts(self) -> list[str]:
        """Every text the decoration draws (for the font coverage check)."""
        return [self.title, self.footer_right(), "第 0123456789 页 共 页", DRAFT_MARK, DRAFT_NOTE]

    def footer_right(self) -> str:
        return f"文档校验码：{self.fingerprint}"


def draw_background(canvas: Canvas, decor: PageDecor) -> None:
    """Before the page content: the 草稿 watermark and note when the form has errors."""
    if not decor.draft:
        return
    width, height = decor.page_size
    canvas.saveState()
    canvas.setFillColorRGB(0.82, 0.82, 0.82)
    canvas.setFont(decor.font, 150)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(40)
    canvas.drawCentredString(0, -50, DRAFT_MARK)
    canvas.restoreState()
    canvas.saveState()
    canvas.setFillColorRGB(0.75, 0, 0)
    canvas.setFont(decor.font, 9)
    canvas.drawCentredString(width / 2, height - MARGIN_TOP + 3 * mm, DRAFT_NOTE)
    canvas.restoreState()


def _draw_footer(canvas: Canvas, decor: PageDecor, page: int, total: int) -> None:
    width = decor.page_size[0]
    y = MARGIN_BOTTOM - 9 * mm
    canvas.saveState()
    canvas.setFont(decor.font, 8)
    canvas.setFillColorRGB(0.25, 0.25, 0.25)
    canvas.drawString(MARGIN_LEFT, y, decor.title)
    canvas.drawCentredString(width / 2, y, f"第 {page} 页 共 {total} 页")
    canvas.drawRightString(width - MARGIN_RIGHT, y, decor.footer_right())
    canvas.restoreState()


def canvas_maker(decor: PageDecor) -> type[Canvas]:
    """A canvas class that numbers pages 第 X 页 共 Y 页 for ``decor``."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            # No Helvetica reference: every font in the file is the embedded one.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or decor.font
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            decor.pages = total
            for state in self._pages:
                self.__dict__.update(state)
                _draw_footer(self, decor, self._pageNumber, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas
