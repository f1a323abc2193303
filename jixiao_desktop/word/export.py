"""``export_docx(form, path)``: a document → a Word file (.docx) in its official layout.

The body is the PDF's story written by :mod:`.layout`; the page is the PDF's (A4, upright or lying
as the template says, the same margins), its footer the form's name, 第 X 页 共 Y 页 (Word's own
fields) and the 文档校验码. As with Excel, the file is read back once and what the paper has no
place for (成本测算, 出错说明, an amount's exact typed text …) is kept in a part of the file the
clerk does not see (:mod:`.program_data`), so the document comes back whole when imported.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from jixiao_desktop.atomic import write_atomic
from jixiao_desktop.excel import program_data as rows_of
from jixiao_desktop.printing.page import DRAFT_NOTE
from jixiao_desktop.printing.render import _page_size, fingerprint, story_for
from jixiao_desktop.printing.styles import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP
from jixiao_desktop.word import program_data
from jixiao_desktop.word.errors import WordError
from jixiao_desktop.word.layout import SONG, W_NS, WordLayout, tw, xml_safe, xml_text

_NS = f'xmlns:w="{W_NS}"'


def build_docx(form, *, draft: bool = False, explained: list | None = None, keep_data: bool = True) -> bytes:
    """The .docx bytes of ``form``; ``explained`` warnings go on a last page as in the PDF;
    ``keep_data`` adds the program's part for what the paper cannot show (see the module)."""
    data = _document_bytes(form, draft, explained, rows=None)
    if not keep_data:
        return data
    from jixiao_desktop.word.reader import read_docx_bytes

    seen = read_docx_bytes(data, "导出", use_program_data=False).form
    rows = rows_of.diff(form.model_dump(mode="json"), seen.model_dump(mode="json"))
    if form.kind == "template":
        from jixiao_desktop.excel.template_choice import template_rows

        rows = template_rows(form, seen) + rows
    return _document_bytes(form, draft, explained, rows=rows) if rows else data


def export_docx(form, path: str | Path, *, draft: bool = False, explained: list | None = None) -> Path:
    """Write ``form`` to ``path`` (.docx), atomically; raises :class:`WordError`."""
    path = Path(path)
    data = build_docx(form, draft=draft, explained=explained)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise WordError(f"无法写入Word文档：{path}（{exc.strerror or exc}）") from exc
    return path


def _document_bytes(form, draft: bool, explained, rows) -> bytes:
    from jixiao_desktop.printing.coverage import NotPrintable

    try:
        story, builder = story_for(form, explained=explained)
    except NotPrintable as exc:
        raise WordError(str(exc).replace("无法打印", "无法导出Word").replace("打印", "导出")) from exc
    doc = Document()
    _page(doc, form)
    _defaults(doc)
    layout = WordLayout(builder.width)
    layout.add_story(story)
    body = doc.element.body
    for old in list(body):
        if old.tag != qn("w:sectPr"):
            body.remove(old)
    sect = body.find(qn("w:sectPr"))
    for xml in layout.xml():
        sect.addprevious(parse_xml(_with_ns(xml)))
    _footer(doc, form, builder.width)
    if draft:
        _draft_header(doc)
    props = doc.core_properties
    props.title = xml_safe(getattr(form, "display_name", "") or form.title)[:250]
    props.subject = xml_safe(form.title)[:250]
    props.author = xml_safe(builder.unit_name())[:250]
    props.comments = "绩效目标表桌面填报 jixiao-desktop"
    if rows:
        program_data.embed(doc, rows)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _with_ns(xml: str) -> str:
    """Declare the ``w:`` namespace on a fragment's first element."""
    end = xml.index(">")
    if xml[end - 1] == "/":
        end -= 1
    return xml[:end] + f" {_NS}" + xml[end:]


def _page(doc, form) -> None:
    width, height = _page_size(form)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if width > height else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Emu(int(width * 12700)), Emu(int(height * 12700))
    section.left_margin, section.right_margin = Pt(MARGIN_LEFT), Pt(MARGIN_RIGHT)
    section.top_margin, section.bottom_margin = Pt(MARGIN_TOP), Pt(MARGIN_BOTTOM)
    section.footer_distance = Pt(MARGIN_BOTTOM / 3)
    section.header_distance = Pt(MARGIN_TOP / 3)


def _defaults(doc) -> None:
    """宋体 9 pt as the document's normal text, so an empty cell or a new line typed in Word matches."""
    style = doc.styles["Normal"]
    style.font.name = SONG
    style.font.size = Pt(9)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), SONG)
    style.paragraph_format.space_after = Pt(0)


def _footer(doc, form, width: float) -> None:
    """The form's name, 第 X 页 共 Y 页 and the 文档校验码, as on the PDF's pages."""
    footer = doc.sections[0].footer
    rpr = (f'<w:rPr><w:rFonts w:ascii="{SONG}" w:hAnsi="{SONG}" w:eastAsia="{SONG}"/><w:color w:val="404040"/>'
           '<w:sz w:val="16"/></w:rPr>')

    def run(text: str) -> str:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'

    def field(code: str) -> str:
        return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rpr}<w:instrText xml:space="preserve"> '
                f'{code} </w:instrText></w:r><w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>{run("1")}'
                f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')

    tabs = f'<w:tabs><w:tab w:val="center" w:pos="{tw(width / 2)}"/><w:tab w:val="right" w:pos="{tw(width)}"/></w:tabs>'
    xml = (f'<w:p {_NS}><w:pPr>{tabs}</w:pPr>{run(form.title)}<w:r>{rpr}<w:tab/></w:r>{run("第 ")}{field("PAGE")}'
           f'{run(" 页 共 ")}{field("NUMPAGES")}{run(" 页")}<w:r>{rpr}<w:tab/></w:r>'
           f'{run(f"文档校验码：{fingerprint(form)}")}</w:p>')
    element = footer._element
    for old in list(element):
        element.remove(old)
    element.append(parse_xml(xml))


def _draft_header(doc) -> None:
    header = doc.sections[0].header._element
    for old in list(header):
        header.remove(old)
    header.append(parse_xml(
        f'<w:p {_NS}><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="{SONG}" w:hAnsi="{SONG}" '
        f'w:eastAsia="{SONG}"/><w:color w:val="C00000"/><w:sz w:val="18"/></w:rPr>'
        f'<w:t>{xml_text(DRAFT_NOTE)}</w:t></w:r></w:p>'))
