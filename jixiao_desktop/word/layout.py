"""The printed story, written as WordprocessingML: the PDF's layout description, a second back end.

The printed forms are described once, as the story of :mod:`jixiao_desktop.printing` (a
:class:`~jixiao_desktop.printing.common.Builder` makes paragraphs, bordered :class:`Grid` sections,
the sign-off); this module walks that story and writes each piece as Word does it, so a form's
Word file has the content, order, merges and column proportions of its PDF without a second copy
of any layout:

- consecutive grids become ONE Word table (a clerk's Word form is one bordered table whose rows
  have their own cell boundaries): the table's grid is the union of the sections' column edges and
  each cell spans the grid columns between its edges; merges down a column are ``vMerge``;
- a paragraph keeps its style's size, alignment, first-line indent and spacing; narrative text is
  仿宋, the rest 宋体 (named only: Word substitutes when a machine lacks them);
- the sign-off is a borderless table: the lines to sign (values underlined) beside the seal's place;
- a page break stays a page break; the header rows of a table's first section repeat on each page.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, unescape

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from jixiao_desktop.printing.coverage import clean_text
from jixiao_desktop.printing.grid import Grid
from jixiao_desktop.printing.signoff import SignOff
from jixiao_desktop.printing.styles import SEAL_SIZE

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SONG, FANG = "宋体", "仿宋"
NARRATIVE_STYLES = ("jx-body",)   # the 申报书's running text: 仿宋 as official documents set it
BORDER = 4                        # table rules in eighths of a point (the PDF's 0.6 pt ≈ 0.5 pt)
SNAP = 40                         # column edges closer than this (twips, 2 pt) are one edge
_ALIGN = {0: "left", 1: "center", 2: "right", 4: "both"}
# Characters XML 1.0 cannot hold (a clerk's paste may carry them): left out of the Word file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def tw(points: float) -> int:
    """Points to twentieths of a point (Word's table and page unit)."""
    return int(round(points * 20))


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold."""
    return _NOT_XML.sub("", text)


def xml_text(text: str) -> str:
    return escape(xml_safe(text))


def plain(cell) -> str:
    """The text a story cell shows (a paragraph's markup read back, line breaks as ``\\n``)."""
    if isinstance(cell, str):
        return clean_text(cell)
    if isinstance(cell, Paragraph):
        markup = re.sub(r"<br\s*/?>", "\n", cell.text)
        return unescape(re.sub(r"<[^>]+>", "", markup))
    if isinstance(cell, (list, tuple)):
        return "\n".join(t for t in (plain(c) for c in cell) if t)
    return ""


class WordLayout:
    """Collects the body XML of a story for a frame ``width`` points wide."""

    def __init__(self, width: float):
        self.width = width
        self.parts: list[str] = []
        self._grids: list[Grid] = []
        self._last_table = False

    # -- the story ----------------------------------------------------------
    def add_story(self, story: list) -> None:
        for flowable in story:
            self.add(flowable)
        self._flush()

    def add(self, flowable) -> None:
        if isinstance(flowable, Grid):
            self._grids.append(flowable)
            return
        if isinstance(flowable, KeepTogether):   # KeepWithSignOff too: its rows and the sign-off
            for inner in flowable._content:
                self.add(inner)
            return
        self._flush()
        if isinstance(flowable, SignOff):
            self._table(self._signoff(flowable))
        elif isinstance(flowable, PageBreak):
            if self.parts:
                self._body('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        elif isinstance(flowable, Spacer):
            if self.parts:
                self._body(_spacer(flowable.height))
        elif isinstance(flowable, Table):
            self._table(_plain_table(flowable))
        elif isinstance(flowable, Paragraph):
            self._body(paragraph(flowable))
        elif isinstance(flowable, Flowable) and plain(flowable):
            self._body(paragraph(plain(flowable)))

    def xml(self) -> list[str]:
        self._flush()
        return self.parts

    # -- pieces ---------------------------------------------------------------
    def _body(self, xml: str) -> None:
        self.parts.append(xml)
        self._last_table = False

    def _table(self, xml: str) -> None:
        if self._last_table:   # two tables with nothing between would be joined by Word: a hairline paragraph
            self.parts.append(_spacer(1))
        self.parts.append(xml)
        self._last_table = True

    def _flush(self) -> None:
        if self._grids:
            grids, self._grids = self._grids, []
            self._table(grid_table(grids, self.width))

    def _signoff(self, block: SignOff) -> str:
        lines = block.lines
        widths = list(lines._colWidths)
        rest = max(block.full_width - block.seal_width - sum(widths), 0)
        widths += [rest, block.seal_width]
        rows = [list(r) + [""] for r in lines._cellvalues]
        height = SEAL_SIZE / max(len(rows), 1)
        under = set(range(1, len(lines._colWidths), 2))
        out = []
        for r, row in enumerate(rows):
            cells = []
            for c, value in enumerate(row):
                border = '<w:tcBorders><w:bottom w:val="single" w:sz="4" w:color="000000"/></w:tcBorders>' \
                    if c in under else ""
                cells.append(_tc(widths[c], _cell_paragraphs(value), borders=border, valign="bottom"))
            seal = _cell_paragraphs(list(block.seal)) if r == 0 else "<w:p/>"
            cells.append(_tc(widths[-1], seal, vmerge="restart" if r == 0 else "continue", valign="center"))
            out.append(f'<w:tr><w:trPr><w:trHeight w:val="{tw(height)}" w:hRule="atLeast"/></w:trPr>'
                       f'{"".join(cells)}</w:tr>')
        return _tbl(widths, out, borders=False)


# -- paragraphs -------------------------------------------------------------------------------------

def paragraph(value, *, keep_next: bool = False) -> str:
    """A ``w:p`` for a story paragraph (its style's look) or a bare text (a table's font, 9 pt)."""
    if isinstance(value, Paragraph):
        st = value.style
        text = plain(value)
        size, leading = st.fontSize, st.leading
        align = _ALIGN.get(st.alignment, "left")
        font = FANG if st.name in NARRATIVE_STYLES else SONG
        indent, before, after = st.firstLineIndent, st.spaceBefore, st.spaceAfter
        outline = st.name in ("jx-heading",)
    else:
        text = clean_text(str(value))
        size, leading, align, font, indent, before, after, outline = 9, 12, "left", SONG, 0, 0, 0, False
    ppr = ["<w:keepNext/>" if keep_next else "",
           f'<w:spacing w:before="{tw(before)}" w:after="{tw(after)}" w:line="{tw(max(leading, size))}" '
           'w:lineRule="atLeast"/>',
           f'<w:ind w:firstLine="{tw(indent)}"/>' if indent else "",
           f'<w:jc w:val="{align}"/>',
           '<w:outlineLvl w:val="1"/>' if outline else ""]
    half = int(round(size * 2))
    rpr = (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
           f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>')
    lines = text.strip("\n").split("\n") if text.strip() else []
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{xml_text(line)}</w:t>' for line in lines)
    body = f"<w:r>{rpr}{runs}</w:r>" if runs else ""
    return f'<w:p><w:pPr>{"".join(ppr)}{rpr}</w:pPr>{body}</w:p>'


def _spacer(height: float) -> str:
    h = max(tw(height), 20)
    return (f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{h}" w:lineRule="exact"/>'
            '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>')


def _cell_paragraphs(value) -> str:
    """A cell's paragraphs (a cell must hold at least one)."""
    items = value if isinstance(value, (list, tuple)) else [value]
    out = [paragraph(item) for item in items if isinstance(item, Paragraph) or (isinstance(item, str) and item)]
    return "".join(out) or "<w:p/>"


# -- tables -----------------------------------------------------------------------------------------

def _tc(width: float, content: str, *, span: int = 1, vmerge: str = "", borders: str = "",
        valign: str = "center") -> str:
    parts = [f'<w:tcW w:w="{tw(width)}" w:type="dxa"/>']
    if span > 1:
        parts.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge == "restart":
        parts.append('<w:vMerge w:val="restart"/>')
    elif vmerge:
        parts.append("<w:vMerge/>")
    parts.append(borders)
    parts.append(f'<w:vAlign w:val="{valign}"/>')
    return f'<w:tc><w:tcPr>{"".join(parts)}</w:tcPr>{content}</w:tc>'


def _tbl(widths: list[float], rows: list[str], *, borders: bool) -> str:
    edges = "".join(f'<w:{side} w:val="{"single" if borders else "nil"}" w:sz="{BORDER}" w:space="0" '
                    'w:color="000000"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{tw(w)}"/>' for w in widths)
    pad = 50 if borders else 0
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{tw(sum(widths))}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{edges}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:left w:w="{pad}" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>'
            f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def _plain_table(table: Table) -> str:
    """A borderless reportlab table (the 填报单位/金额单位 line) as it stands."""
    widths = list(table._colWidths)
    rows = ["<w:tr>" + "".join(_tc(widths[c], _cell_paragraphs(v), valign="bottom") for c, v in enumerate(row))
            + "</w:tr>" for row in table._cellvalues]
    return _tbl(widths, rows, borders=False)


def _edges(widths: list[float]) -> list[int]:
    out, x = [0], 0.0
    for w in widths:
        x += w
        out.append(tw(x))
    return out


def grid_table(grids: list[Grid], width: float) -> str:
    """Stacked grid sections as one Word table: a union of column edges, each cell spanning its part."""
    scaled = []
    for g in grids:   # every section fills the frame (they are made so; rounding is evened out)
        total = sum(g.widths) or 1
        scaled.append([w * width / total for w in g.widths])
    union: list[int] = []
    for edge in sorted({e for ws in scaled for e in _edges(ws)}):
        if not union or edge - union[-1] >= SNAP:
            union.append(edge)
    union[-1] = max(union[-1], tw(width))

    def at(edge: int) -> int:
        return min(range(len(union)), key=lambda i: abs(union[i] - edge))

    cols = [(union[i + 1] - union[i]) / 20 for i in range(len(union) - 1)]
    rows_xml: list[str] = []
    for index, (g, ws) in enumerate(zip(grids, scaled)):
        edges = [at(e) for e in _edges(ws)]
        top_left = {(sr, sc): (er, ec) for (sc, sr), (ec, er) in g.spans}
        covered: dict[tuple[int, int], tuple[int, int]] = {}
        for (sr, sc), (er, ec) in top_left.items():
            for r in range(sr, er + 1):
                for c in range(sc, ec + 1):
                    if (r, c) != (sr, sc):
                        covered[(r, c)] = (sr, sc)
        for r, row in enumerate(g.rows):
            cells = []
            for c in range(len(ws)):
                origin = covered.get((r, c))
                if origin is not None and (origin[1] != c or origin[0] == r):
                    continue   # inside a merge, not its first column on a row below its top
                sr, sc = origin or (r, c)
                er, ec = top_left.get((sr, sc), (sr, sc))
                first, last = edges[sc], edges[ec + 1]
                if last <= first:
                    continue   # a column narrower than an edge's snap: its text joins the neighbour's
                span = last - first
                cell_w = (union[last] - union[first]) / 20
                if origin is not None:
                    cells.append(_tc(cell_w, "<w:p/>", span=span, vmerge="continue"))
                else:
                    content = _cell_paragraphs(row[c] if c < len(row) else "")
                    cells.append(_tc(cell_w, content, span=span, vmerge="restart" if er > sr else ""))
            header = index == 0 and r < g.repeat
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
            rows_xml.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
    return _tbl(cols, rows_xml, borders=True)
