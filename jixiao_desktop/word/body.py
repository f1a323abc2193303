"""A Word body read as the Excel readers see a sheet: rows of cells with merged spans.

The labels of a form are matched one way whatever the file (:mod:`jixiao_desktop.excel`); a .docx is
therefore turned into :class:`~jixiao_desktop.excel.grid.Sheet` rows: each paragraph outside a table
is a row of one cell, each table row a row whose cells sit in the table's grid columns. A cell
spanning grid columns (``gridSpan``) or continued down (``vMerge``) is a merged span, so a merged
一级 is seen from every row it covers — what the clerk sees. Places are named in Word's terms
(第3段, 表格2第5行第1格) in the import report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn

from jixiao_desktop.excel.grid import MAX_COLS, MAX_ROWS, Cell, Sheet, apply_merges

P, TBL, TR, TC, SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
_TEXT = {qn("w:t"): None, qn("w:tab"): " ", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_SEAL_RE = re.compile(r"^\s*填报单位\s*[（(]盖章[）)]\s*(?:\n|$)")
_SKIP = {qn("w:del"), qn("w:instrText"), qn("w:delText"), qn("w:txbxContent"), qn("w:fldChar")}


@dataclass
class Item:
    """A paragraph (``rows`` is None) or a table of the body, in order."""

    text: str = ""
    heading: bool = False          # styled as a heading (标题 1 …) or given an outline level
    number: int = 0                # paragraph / table number, from 1
    rows: list[list[tuple[int, int, str, str]]] | None = None   # per row: (column, span, vmerge, text)


@dataclass
class WordSheet(Sheet):
    """A :class:`Sheet` whose places read 第3段 / 表格2第5行第1格."""

    places: dict[tuple[int, int], str] = field(default_factory=dict)

    def coord(self, r: int, c: int) -> str:
        return self.places.get((r, c)) or self.places.get((r, -1)) or f"第{r + 1}行"


def paragraph_text(p) -> str:
    out: list[str] = []
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if tag in _SKIP:
            continue
        if tag in _TEXT:
            if tag == qn("w:br") and el.get(qn("w:type")) == "page":
                continue
            out.append((el.text or "") if _TEXT[tag] is None else _TEXT[tag])
            continue
        stack.append(iter(el))
    return "".join(out)


def _unwrap(children, tag):
    """Children of ``tag``, content controls (``w:sdt``) opened."""
    for el in children:
        if el.tag == tag:
            yield el
        elif el.tag == SDT:
            content = el.find(qn("w:sdtContent"))
            if content is not None:
                yield from _unwrap(content, tag)


def _cell_text(tc) -> str:
    texts = [paragraph_text(p) for p in tc.iter(P)]
    return "\n".join(texts).strip("\n")


def _int(el, name: str, default: int) -> int:
    if el is None:
        return default
    try:
        return max(int(el.get(qn(name)) or default), 1)
    except ValueError:
        return default


def _table(tbl) -> list[list[tuple[int, int, str, str]]]:
    rows = []
    for tr in _unwrap(tbl, TR):
        trpr = tr.find(qn("w:trPr"))
        before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
        col = _int(before, "w:val", 0) if before is not None else 0
        cells = []
        for tc in _unwrap(tr, TC):
            tcpr = tc.find(qn("w:tcPr"))
            span = _int(tcpr.find(qn("w:gridSpan")) if tcpr is not None else None, "w:val", 1)
            vm = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
            vmerge = "" if vm is None else ("restart" if vm.get(qn("w:val")) == "restart" else "continue")
            cells.append((col, span, vmerge, _cell_text(tc)))
            col += span
        rows.append(cells)
    return rows


def _is_heading(p) -> bool:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return False
    style = ppr.find(qn("w:pStyle"))
    name = (style.get(qn("w:val")) or "").lower() if style is not None else ""
    return name.startswith(("heading", "标题")) or ppr.find(qn("w:outlineLvl")) is not None


def body_items(doc) -> list[Item]:
    """The body's paragraphs (empty ones left out) and tables, in order."""
    items: list[Item] = []
    paragraphs = tables = 0
    for el in _body_children(doc.element.body):
        if el.tag == P:
            paragraphs += 1
            text = paragraph_text(el)
            if text.strip():
                items.append(Item(text=text, heading=_is_heading(el), number=paragraphs))
        elif el.tag == TBL:
            tables += 1
            items.append(Item(number=tables, rows=_table(el)))
    return items


def _body_children(body):
    for el in body:
        if el.tag == SDT:
            content = el.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_children(content)
        elif el.tag in (P, TBL):
            yield el


def sheet_of(items: list[Item], name: str) -> WordSheet:
    """``items`` as one sheet: a paragraph a row, a table's rows under it, merges as spans."""
    sheet = WordSheet(name)
    merges = []
    r = 0
    for item in items:
        if r >= MAX_ROWS:
            sheet.cut_cells += 1
            continue
        if item.rows is None:
            sheet.cells[(r, 0)] = Cell(item.text)
            sheet.places[(r, -1)] = f"第{item.number}段"
            sheet.ncols = max(sheet.ncols, 1)
            r += 1
            continue
        open_: dict[int, list] = {}     # grid column → [first row, last row, first column, span]
        for index, cells in enumerate(item.rows):
            if r >= MAX_ROWS:
                sheet.cut_cells += sum(1 for c in cells if c[3].strip())
                continue
            sheet.places[(r, -1)] = f"表格{item.number}第{index + 1}行"
            for k, (col, span, vmerge, text) in enumerate(cells):
                if col >= MAX_COLS:
                    sheet.cut_cells += 1 if text.strip() else 0
                    continue
                if vmerge == "continue" and col in open_ and open_[col][3] == span:
                    open_[col][1] = r
                    continue
                for c in range(col, col + span):
                    open_.pop(c, None)
                merge = [r, r, col, span]
                open_[col] = merge
                merges.append(merge)
                sheet.places[(r, col)] = f"表格{item.number}第{index + 1}行第{k + 1}格"
                if text.strip():
                    sheet.cells[(r, col)] = Cell(text)
                    if _SEAL_RE.match(text):   # the seal's place repeats the unit the form names elsewhere
                        sheet.consumed.add((r, col))
                sheet.ncols = max(sheet.ncols, min(col + span, MAX_COLS))
            r += 1
    sheet.nrows = r
    apply_merges(sheet, [(a + 1, c + 1, z + 1, min(c + span, MAX_COLS)) for a, z, c, span in merges
                         if z > a or span > 1])
    return sheet
