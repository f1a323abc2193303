"""The texts a clerk types, of every form kind, for the rules that read words rather than amounts.

Built-in forms (ProjectForm, DepartmentForm) are walked through their models: every ``str`` field with
its Chinese title; template documents through their template: fields of type text/longtext (and choice),
and the text columns of their amount tables, in the document and in each child form. Indicator cells
are not here (``ctx.grids()`` has them).
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT_TYPES = ("text", "longtext")
# Model fields that are not typed text: the document's machinery, the indicator grids (see fields.py).
_SKIP = {"kind", "template_id", "template_version", "template_text", "explanations", "indicators", "layout",
         "amount_unit", "share_index"}


@dataclass(frozen=True, slots=True)
class TextField:
    location: str
    label: str          # the template's words (附表3第2张：项目概况); blank for a built-in form (see :func:`label`)
    text: str
    role: str = ""      # the template's role (overview, basis, calculation…), or the built-in field's name
    type: str = "text"  # the template's field type
    choices: tuple[str, ...] = ()


def text_fields(ctx) -> list[TextField]:
    """Every typed text of the form (amounts and the 年度 left out), once per check run."""
    def compute():
        if ctx.kind == "template":
            return list(_template_texts(ctx.form))
        from jixiao_desktop.checks.fields import amount_fields

        amounts = {location for location, _ in amount_fields(ctx.form)} | {"year"}
        from jixiao_desktop.forms.locations import typed_texts

        return [TextField(location, "", text, name) for location, name, text in typed_texts(ctx.form, skip=_SKIP)
                if location not in amounts]

    return ctx.memo("text_fields", compute)


def label(ctx, field: TextField) -> str:
    """How the form names the field: the template's label, or the built-in form's titles."""
    if field.label:
        return field.label
    from jixiao_desktop.forms.locations import describe

    return describe(ctx.form, field.location)


def _template_texts(form):
    from jixiao_desktop.templates.schema import AmountTable, FieldsSection, SignOffSection

    for sections, part, prefix, name in form.parts():
        where = f"{name}：" if name else ""
        for section in sections:
            if isinstance(section, (FieldsSection, SignOffSection)):
                for field in section.field:
                    if field.type in TEXT_TYPES or field.type == "choice":
                        yield TextField(f"{prefix}fields.{field.id}", f"{where}{field.label}",
                                        part.fields.get(field.id, ""), field.role or "", field.type, tuple(field.choices))
            elif isinstance(section, AmountTable):
                columns = [c for c in section.columns if c.type in TEXT_TYPES]
                labels = {r.id: r.label for r in section.rows}
                for index, row in enumerate(part.tables.get(section.id, [])):
                    row_name = labels.get(row.get("_row", ""), "") or f"第{index + 1}行"
                    for column in columns:
                        yield TextField(f"{prefix}tables.{section.id}[{index}].{column.id}",
                                        f"{where}{section.label}{row_name}{column.label}", row.get(column.id, ""),
                                        column.role or section.role or "", column.type)
