"""Where a template document keeps what the general rules look for: the cell a role names.

A role sits on a header field (``role = "period"``), or on a fixed row of an amount table
(``{ id = "current", label = "当年", role = "annual_total" }``: the row's total, which is its column
labelled 合计/总计/小计 or else its first amount column). Only the document's own part is searched (a
child form's roles are its own); a role the template does not give is ``None``, and the rule that
needs it stays silent.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao_desktop.templates.schema import AmountTable, FieldsSection

_TOTAL_WORDS = ("合计", "总计", "小计", "总额", "总投入")


@dataclass(frozen=True)
class RoleCell:
    location: str
    text: str
    label: str
    reference: str = ""     # its name in the template's formulas


def stated_by_template(form, *cells: RoleCell) -> bool:
    """Whether one of the template's own relations (审核公式) already compares these cells: the general
    rule then leaves it to the template's, so the clerk is not told the same thing twice."""
    names = {cell.reference for cell in cells}
    return any(scope == "" and names <= set(relation.references())
               for _spec, relation, scope in form.loaded.relations)


def find(form, role: str, part=None, sections=None, prefix: str = "content.") -> RoleCell | None:
    """The cell of ``form`` (a template document) that carries ``role``, or None; ``part``,
    ``sections`` and ``prefix`` name a child form instead of the document's own part."""
    content = form.content if part is None else part
    for section in (form.loaded.template.section if sections is None else sections):
        if isinstance(section, FieldsSection):
            for field in section.field:
                if field.role == role:
                    return RoleCell(f"{prefix}fields.{field.id}", content.fields.get(field.id, ""), field.label,
                                    field.id)
        elif isinstance(section, AmountTable):
            for row_spec in (r for r in section.rows if r.role == role):
                amounts = [c for c in section.columns if c.type == "amount"]
                column = next((c for c in amounts if any(w in c.label for w in _TOTAL_WORDS)),
                              amounts[0] if amounts else None)
                rows = content.tables.get(section.id, [])
                index = next((i for i, r in enumerate(rows) if r.get("_row") == row_spec.id), None)
                if column is None or index is None:
                    return None
                return RoleCell(f"{prefix}tables.{section.id}[{index}].{column.id}", rows[index].get(column.id, ""),
                                f"{row_spec.label}{column.label}", f"{section.id}.{row_spec.id}.{column.id}")
    return None


def find_all(form, role: str) -> list[tuple[RoleCell, str]]:
    """``(cell, where)`` for the document's own part and then each child form that gives ``role``; ``where``
    names the child form (``附表3第2张：``) or is blank."""
    out = []
    for sections, part, prefix, name in form.parts():
        cell = find(form, role, part, sections, prefix)
        if cell is not None:
            out.append((cell, f"{name}：" if name else ""))
    return out


def year(form) -> int | None:
    """The form's year: its ``year`` field, else the year the document was made for."""
    cell = find(form, "year")
    for text in ((cell.text if cell else ""), form.year):
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) == 4:
            return int(digits)
    return None
