"""查找/替换 over a whole document: every text a clerk typed, by location, in the form's order.

A document's texts are its fields and cells — a built-in form's text fields walked in their declared
order (lists row by row), a template document's header fields, table cells and child forms
(:meth:`TemplateForm.parts`). Each is named by its location (``indicators[3].annual.name``,
``content.children.targets[0].tables.indicators[2].value``), which :func:`locations.describe` puts in
the form's words and the editor jumps to. Matching is exact (a Chinese text has no case); replacing
changes every occurrence in a text, or one.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao_desktop.forms import locations

# Stored texts of a built-in form that are no field the clerk fills in (the template carried along, explanations
# of findings kept apart from the form; the layout's and unit's names are enums, left out by the walk).
_NOT_TYPED = frozenset({"kind", "template_id", "template_version", "template_text", "explanations"})
_TABLE_KEYS_NOT_TYPED = {"_row", "side"}


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence of the searched text: in the text at ``location``, from ``start``."""

    location: str
    start: int
    length: int
    text: str


def texts(form) -> list[tuple[str, str]]:
    """Every (location, text) of the document a clerk can type, in the form's order."""
    out: list[tuple[str, str]] = []
    if callable(getattr(form, "parts", None)) and getattr(form, "kind", "") == "template":
        for each in form.parts():
            part, prefix = each.part, each.prefix
            for key, text in part.fields.items():
                if isinstance(text, str):
                    out.append((f"{prefix}fields.{key}", text))
            for table, rows in part.tables.items():
                for index, row in enumerate(rows):
                    for key, text in row.items():
                        if key not in _TABLE_KEYS_NOT_TYPED and isinstance(text, str):
                            out.append((f"{prefix}tables.{table}[{index}].{key}", text))
        # Of the document's own texts only its 年度, and only where the template has no field for it (the
        # editor shows no other: 填报单位 and the sign-off of a template document are its template's fields).
        if not _template_has_year(form) and isinstance(form.year, str):
            out.insert(0, ("year", form.year))
        return out
    out.extend((location, text) for location, _name, text in locations.typed_texts(form, skip=_NOT_TYPED))
    return out


def _template_has_year(form) -> bool:
    from jixiao_desktop.templates.schema import FieldsSection, SignOffSection

    return any(f.role == "year" for s in form.loaded.template.section
               if isinstance(s, (FieldsSection, SignOffSection)) for f in s.field)


def find_all(form, needle: str) -> list[Match]:
    """Every occurrence of ``needle`` in the document's texts, in order (none for an empty needle)."""
    if not needle:
        return []
    found = []
    for location, text in texts(form):
        start = text.find(needle)
        while start >= 0:
            found.append(Match(location, start, len(needle), text))
            start = text.find(needle, start + len(needle))
    return found


def replaced(text: str, needle: str, replacement: str, start: int | None = None) -> str:
    """``text`` with ``needle`` replaced: every occurrence, or only the one at ``start``."""
    if not needle:
        return text
    if start is None:
        return text.replace(needle, replacement)
    if text[start:start + len(needle)] != needle:
        return text
    return text[:start] + replacement + text[start + len(needle):]


def replace_all(form, needle: str, replacement: str) -> list[tuple[str, str]]:
    """(location, new text) of every text holding ``needle``, with each occurrence replaced. Nothing is
    changed here: the editor applies them as one undo step (or :func:`apply` does, without undo)."""
    if not needle:
        return []
    return [(location, text.replace(needle, replacement)) for location, text in texts(form) if needle in text]


def apply(form, changes: list[tuple[str, str]]) -> None:
    for location, text in changes:
        locations.assign(form, location, text)


def where(form, match: Match) -> str:
    """The place of a match in the form's words: ``绩效指标 第4行 › 年度指标 › 三级指标``."""
    return locations.describe(form, match.location)
