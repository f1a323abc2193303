"""``render_pdf``: a form to an A4 PDF in its official layout (reportlab, Qt-free)."""

from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from jixiao_desktop import __version__
from jixiao_desktop.atomic import write_atomic
from jixiao_desktop.checks import Report, run_checks
from jixiao_desktop.forms import FormBase
from jixiao_desktop.printing import fonts
from jixiao_desktop.printing.appendix import appendix_story
from jixiao_desktop.printing.common import Builder
from jixiao_desktop.printing.coverage import iter_texts, too_long_texts, unprintable_error
from jixiao_desktop.printing.department_pdf import department_story
from jixiao_desktop.printing.page import PageDecor, canvas_maker, draw_background
from jixiao_desktop.printing.project_pdf import project_story
from jixiao_desktop.printing.styles import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_TOP, frame_size, page_size, styles_for
from jixiao_desktop.printing.template_pdf import TemplateBuilder, orientation, template_story, typed_grouping
from jixiao_desktop.storage.docfile import form_to_data


@dataclass(frozen=True)
class PrintOptions:
    """How to print.

    ``font``: ``"auto"`` (Windows 宋体/仿宋 when present and covering the text,
    else the shipped font), ``"shipped"`` (same output on every machine), or a
    path to a TrueType ``.ttf``/``.ttc``.
    ``draft``: force the 草稿 watermark on or off; ``None`` decides by the checks
    (on while the form has 错误).
    ``appendix``: list explained warnings with their 出错说明 on a last page.
    ``grouping``: thousands separators in amounts; ``None`` follows the clerk
    (grouped when any typed amount has a comma).
    ``invariant``: reproducible bytes (no timestamps or random ids in the PDF).
    ``report``: a check report already computed for this form (saves a run).
    """

    font: str = "auto"
    draft: bool | None = None
    appendix: bool = True
    grouping: bool | None = None
    invariant: bool = True
    report: Report | None = None


@dataclass(frozen=True)
class RenderResult:
    pages: int
    font: str
    draft: bool
    fingerprint: str
    explained: int


def fingerprint(form: FormBase) -> str:
    """8 hex digits of sha256 over the form's content (what is printed in the footer); the copy of the
    template it carries is not the clerk's content, and leaves the figure as it was before it was carried."""
    data = {k: v for k, v in form_to_data(form)["form"].items()
            if not (k.startswith("template_") and form.kind != "template")}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def render_pdf(
    form: FormBase, target: str | os.PathLike | BinaryIO, *, options: PrintOptions = PrintOptions()
) -> RenderResult:
    """Lay ``form`` out as its paper form and write the PDF to ``target`` (path or binary stream).

    Raises :class:`UnprintableCharacters` (nothing written) when the font cannot
    draw some character, :class:`FontUnavailable` when no font can be read.
    A path is written only once the whole PDF is ready.
    """
    data, result = render_bytes(form, options=options)
    if hasattr(target, "write"):
        target.write(data)
    else:
        write_atomic(Path(target), data)
    return result


def render_bytes(form: FormBase, *, options: PrintOptions = PrintOptions()) -> tuple[bytes, RenderResult]:
    """The PDF as bytes (for a preview) and what was printed."""
    too_long = too_long_texts(form)
    if too_long is not None:
        raise too_long
    report = options.report if options.report is not None else run_checks(form)
    draft = report.has_errors if options.draft is None else options.draft
    explained = report.explained if options.appendix else []
    grouping = options.grouping if options.grouping is not None else _typed_grouping(form)
    fp = fingerprint(form)

    # Lay out with the shipped font's metrics only after the font is chosen:
    # collect the texts first with a throwaway builder on the candidate font.
    spec, font, _ = fonts.choose(options.font, set())
    story, builder, decor = _build(form, spec, grouping, fp, draft, explained)
    chars = set("".join(builder.texts)) | set("".join(decor.texts()))
    missing = fonts.missing_characters(font, chars)
    if missing:
        chosen, font, missing = fonts.choose(options.font, chars)
        if missing:
            raise unprintable_error(form, missing, chosen.label)
        if chosen != spec:
            spec = chosen
            story, builder, decor = _build(form, spec, grouping, fp, draft, explained)

    buffer = io.BytesIO()
    size = _page_size(form)
    width, height = frame_size(size)
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_LEFT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=getattr(form, "display_name", "") or form.title,
        author=builder.unit_name(),
        subject=form.title,
        creator=f"绩效目标表桌面填报 jixiao-desktop {__version__}",
        invariant=1 if options.invariant else 0,
    )
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, width, height, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=lambda c, d: draw_background(c, decor))])
    try:
        doc.build(story, canvasmaker=canvas_maker(decor))
    except LayoutError:   # a cell that no page can hold (reportlab gives up): say so, never crash
        from jixiao_desktop.printing.coverage import CellCannotFit

        raise CellCannotFit("") from None
    result = RenderResult(decor.pages, spec.label, draft, fp, len(explained))
    return buffer.getvalue(), result


def _page_size(form: FormBase) -> tuple[float, float]:
    """A4 upright; lying when the form's template prints landscape."""
    return page_size(orientation(form) if form.kind == "template" else "portrait")


def story_for(form: FormBase, *, explained: list | None = None) -> tuple[list, Builder]:
    """The story the PDF draws, laid out with the shipped font's metrics, and its builder: the layout
    description another back end (:mod:`jixiao_desktop.word`) writes in its own terms."""
    grouping = _typed_grouping(form)
    story, builder, _ = _build(form, fonts.SHIPPED_FONT, grouping, fingerprint(form), False, explained or [])
    return story, builder


def _build(form, spec, grouping, fp, draft, explained):
    font = fonts.load(spec)
    size = _page_size(form)
    width, height = frame_size(size)
    maker = TemplateBuilder if form.kind == "template" else Builder
    builder = maker(form, styles_for(font.fontName), grouping=grouping, width=width, height=height)
    if form.kind == "template":
        story = template_story(builder)
    elif form.kind == "project":
        story = project_story(builder)
    else:
        story = department_story(builder)
    story += appendix_story(builder, explained)
    decor = PageDecor(font.fontName, form.title, fp, draft, page_size=size)
    return story, builder, decor


_AMOUNT_FIELDS = {"total", "amount", "general_budget", "gov_fund", "other", "basic", "project", "central",
                  "provincial", "city", "county", "parent_amount", "expenses_total", "special_funds_total"}


def _typed_grouping(form: FormBase) -> bool:
    """Whether the clerk typed amounts with thousands separators (seed 004 does)."""
    if form.kind == "template":
        return typed_grouping(form)
    for location, text in iter_texts(form):
        if location.rsplit(".", 1)[-1].split("[")[0] in _AMOUNT_FIELDS and "," in text:
            return True
    return False
