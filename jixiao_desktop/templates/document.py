"""A document of any template: the template it was made from travels inside it.

:class:`TemplateForm` keeps the template's id, version and full text (so a file sent to another PC
opens and checks the same there) and what the clerk typed: header fields by id, amount tables as
rows of cells by column id, indicator tables as rows, and one child document per row of the table
its child form hangs under. Every value is kept as typed; blank is blank.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.forms.template_form import Part, TemplateForm
from jixiao_desktop.money import AmountUnit, format_with_unit, parse_amount, read_decimal
from jixiao_desktop.templates.loader import LoadedTemplate, tolerance
from jixiao_desktop.templates.schema import (
    AmountTable,
    ChildForms,
    FieldsSection,
    IndicatorTable,
    SignOffSection,
)


def new_document(loaded: LoadedTemplate, year: str = "") -> TemplateForm:
    """A blank document of ``loaded``: fixed rows laid out, growable tables empty."""
    meta = loaded.meta
    form = TemplateForm(template_id=meta.id, template_version=meta.version, template_text=loaded.text, year=year,
                        amount_unit=AmountUnit.WAN_YUAN if meta.unit == "万元" else AmountUnit.YUAN)
    form.content = _blank(loaded.template.section)
    if year:   # the form's own 年度 field says the same as the document's year
        for section in (s for s in loaded.template.section if isinstance(s, FieldsSection)):
            for field in (f for f in section.field if f.role == "year"):
                form.content.fields[field.id] = year
    return form


def _blank(sections) -> Part:
    part = Part()
    for section in sections:
        if isinstance(section, (FieldsSection, SignOffSection)):
            for field in section.field:
                part.fields[field.id] = ""
        elif isinstance(section, AmountTable):
            part.tables[section.id] = [{"_row": row.id} | {c.id: "" for c in section.columns} for row in section.rows]
        elif isinstance(section, IndicatorTable):
            part.tables[section.id] = []
        elif isinstance(section, ChildForms):
            part.children[section.id] = []
    return part


def child_blank(loaded: LoadedTemplate, child_id: str) -> Part:
    for section in loaded.template.section:
        if isinstance(section, ChildForms) and section.id == child_id:
            return _blank(section.section)
    raise KeyError(child_id)


# -- what the checks see -------------------------------------------------------------------

def cells(sections, part: Part, prefix: str, unit: AmountUnit, parent: dict[str, str] | None = None,
          parent_table: AmountTable | None = None) -> dict[str, list[tuple[str, Decimal | None]]]:
    """reference name → [(location, value)] for a part of a document (blank cells give None)."""
    out: dict[str, list[tuple[str, Decimal | None]]] = {}
    for section in sections:
        if isinstance(section, (FieldsSection, SignOffSection)):
            for field in section.field:
                text = part.fields.get(field.id, "")
                out[field.id] = [(f"{prefix}fields.{field.id}", _value(text, field.type, unit))]
        elif isinstance(section, AmountTable):
            rows = part.tables.get(section.id, [])
            for column in section.columns:
                every = []
                for index, row in enumerate(rows):
                    location = f"{prefix}tables.{section.id}[{index}].{column.id}"
                    cell = (location, _value(row.get(column.id, ""), column.type, unit))
                    every.append(cell)
                    if row.get("_row"):
                        out[f"{section.id}.{row['_row']}.{column.id}"] = [cell]
                out[f"{section.id}.*.{column.id}"] = every
        elif isinstance(section, IndicatorTable):
            rows = part.tables.get(section.id, [])
            for column in ("weight", "score"):
                every = []
                for index, row in enumerate(rows):
                    cell = (f"{prefix}tables.{section.id}[{index}].{column}", _value(row.get(column, ""), "count", unit))
                    every.append(cell)
                    out.setdefault(f"{section.id}.{row.get('side', '')}.*.{column}", []).append(cell)
                out[f"{section.id}.*.{column}"] = every
    if parent is not None and parent_table is not None:
        for column in parent_table.columns:
            out[f"parent.{column.id}"] = [("", _value(parent.get(column.id, ""), column.type, unit))]
    return out


def _value(text: str, kind: str, unit: AmountUnit) -> Decimal | None:
    if not text or not text.strip():
        return None
    if kind == "amount":
        return parse_amount(text, unit).value
    if kind in ("count", "percent", "year"):
        return read_decimal(text.strip().rstrip("%％个人户元"))
    return None


def amount_names(sections) -> set[str]:
    """The reference names that hold amounts (the others hold counts, scores, percentages)."""
    names: set[str] = set()
    for section in sections:
        if isinstance(section, (FieldsSection, SignOffSection)):
            names |= {f.id for f in section.field if f.type == "amount"}
        elif isinstance(section, AmountTable):
            for column in (c for c in section.columns if c.type == "amount"):
                names.add(f"{section.id}.*.{column.id}")
                names |= {f"{section.id}.{row.id}.{column.id}" for row in section.rows}
    return names


def money(value: Decimal | None, unit: AmountUnit, is_money: bool = True) -> str:
    if value is None:
        return "（空）"
    if is_money:
        return format_with_unit(value, unit)
    text = f"{value.normalize():f}"
    return text


__all__ = ["Part", "TemplateForm", "cells", "child_blank", "money", "new_document", "tolerance"]
