"""Helpers for the printing tests (no tests here): render with the shipped font, read PDFs back."""

from __future__ import annotations

import io
import re

import pypdf

from jixiao_desktop.printing import PrintOptions, render_bytes
from jixiao_desktop.printing.coverage import clean_text, iter_texts

SHIPPED = PrintOptions(font="shipped")

# Fields that are not printed as typed: identifiers, enums, the 出错说明 keys.
NOT_PRINTED = {"kind", "layout", "amount_unit", "rule", "location"}
AMOUNT_FIELDS = {
    "total", "amount", "general_budget", "gov_fund", "other", "basic", "project", "central",
    "provincial", "city", "county", "parent_amount", "expenses_total", "special_funds_total",
}  # fmt: skip
FOOTER_RE = re.compile(r"(项目支出绩效目标申报表|部门整体支出绩效目标表|单位整体支出绩效目标申报表)?第\d+页共\d+页文档校验码：[0-9a-f]{8}$")


def render(form, **options) -> tuple[bytes, object]:
    opts = PrintOptions(**{"font": "shipped", **options})
    return render_bytes(form, options=opts)


def page_texts(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages]


def squeeze(text: str) -> str:
    return "".join(clean_text(text).split())


def printed_values(form) -> list[tuple[str, str]]:
    """``(location, expected printed text)`` of every filled-in field."""
    from jixiao_desktop.money import format_amount

    out = []
    for location, text in iter_texts(form):
        field = location.rsplit(".", 1)[-1].split("[")[0]
        if field in NOT_PRINTED or not text.strip() or location.startswith("explanations"):
            continue
        if field in AMOUNT_FIELDS and not location.startswith("proposal."):
            parsed = form.amount(text)
            if parsed.value is not None and not parsed.per:
                grouped = "," in text
                text = format_amount(parsed.value, form.amount_unit, grouping=grouped)
        out.append((location, squeeze(text)))
    return out


def found(value: str, pages: list[str]) -> bool:
    """``value`` is printed contiguously, or split over a page end (a row split at the page foot)."""
    joined = "".join(pages)
    if value in joined:
        return True
    for page, following in zip(pages, pages[1:]):
        for k in range(1, len(value)):
            if page.endswith(value[:k]) and value[k:] in following:
                return True
    return False


def contents(data: bytes) -> list[str]:
    """Each page's text without blanks and without the footer."""
    return [FOOTER_RE.sub("", squeeze(text)) for text in page_texts(data)]


def template_values(form) -> list[tuple[str, str]]:
    """``(location, text as printed)`` of every non-blank value typed in a template document (amounts in the
    form's unit, as the printed layouts show them; a row's side is printed as its label, not as typed)."""
    from jixiao_desktop.money import format_amount
    from jixiao_desktop.templates.schema import (
        AmountTable,
        FieldsSection,
        SignOffSection,
    )

    amounts: set[str] = set()
    for part in form.parts():
        for section in part.sections:
            if isinstance(section, (FieldsSection, SignOffSection)):
                amounts |= {f"{part.prefix}fields.{f.id}" for f in section.field if f.type == "amount"}
            elif isinstance(section, AmountTable):
                rows = part.part.tables.get(section.id, [])
                amounts |= {f"{part.prefix}tables.{section.id}[{i}].{c.id}" for c in section.columns
                            if c.type == "amount" for i in range(len(rows))}
    out = []
    for location, text in iter_texts(form):
        if not location.startswith("content.") or not text.strip() or location.endswith(".side"):
            continue
        if location in amounts:
            parsed = form.amount(text)
            if parsed.value is not None and not parsed.per:
                text = format_amount(parsed.value, form.amount_unit, grouping="," in text)
        out.append((location, squeeze(text)))
    return out
