"""A template's relations judged on a document of one of the built-in forms.

Each field and table of a template may name the ``path`` where a document of a built-in form keeps
it (``funding.{row}.{column}``, ``special_funds[{index}].amount``). This module reads the values
through those paths and judges the template's relations on them: blank cells stay blank (not zero),
so a relation over amounts the form does not split is not judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao_desktop.forms import FormBase
from jixiao_desktop.forms.locations import resolve
from jixiao_desktop.money import format_with_unit, parse_amount, read_decimal
from jixiao_desktop.templates.formula import evaluate
from jixiao_desktop.templates.loader import LoadedTemplate, tolerance
from jixiao_desktop.templates.schema import AmountTable, ChildForms, FieldsSection, SignOffSection


@dataclass(frozen=True)
class RelationResult:
    id: str
    level: str
    holds: bool
    judged: bool
    left: Decimal | None
    right: Decimal | None
    location: str
    message: str


def built_in_kind(loaded: LoadedTemplate) -> str | None:
    """The built-in form a template describes (its cells bound by ``path``: the seed forms), or None
    for a template whose documents are its own."""
    for section in loaded.template.section:
        if getattr(section, "path", None) or any(f.path for f in getattr(section, "field", []) or []):
            return loaded.meta.kind
    return None


def bound_template(kind: str) -> LoadedTemplate | None:
    """The shipped template that describes the built-in form of ``kind`` (project, department, unit)."""
    from jixiao_desktop.templates.loader import load, shipped_templates_dir

    for path in sorted(shipped_templates_dir().glob("*.toml")):
        loaded = load(path)
        if loaded.meta.kind == kind and built_in_kind(loaded) == kind:
            return loaded
    return None


def attach_template(form: FormBase) -> FormBase:
    """Name and copy into a built-in form the template it follows (a no-op where there is none)."""
    loaded = bound_template(form.kind)
    if loaded is not None:
        form.template_id, form.template_version, form.template_text = loaded.id, loaded.meta.version, loaded.text
    return form


def judge(loaded: LoadedTemplate, form: FormBase) -> list[RelationResult]:
    """Every relation of ``loaded`` judged on ``form``: the form's own, then each child form's
    (附表3 under each 附表2 row), in the template's order."""
    unit = form.amount_unit
    scopes: dict[str, list[dict]] = {"": [_cells(loaded.template.section, form, "")]}
    for child in (s for s in loaded.template.section if isinstance(s, ChildForms) and s.path):
        parent_rows = _cells([_table(loaded, child.of)], form, "").copy()
        base = child.path.split("[{index}]")[0]
        try:
            count = len(resolve(form, base))
        except (LookupError, ValueError, TypeError):
            count = 0
        scopes[child.id] = []
        for index in range(count):
            prefix = child.path.format(index=index) + "."
            try:
                if resolve(form, prefix[:-1]) is None:
                    continue   # no 附表3 filled in for this row
            except (LookupError, ValueError):
                continue
            cells = _cells(child.section, form, prefix)
            for column in _table(loaded, child.of).columns:
                rows = parent_rows.get(f"{child.of}.*.{column.id}", [])
                if index < len(rows):
                    cells[f"parent.{column.id}"] = [rows[index]]
            scopes[child.id].append(cells)
    out = []
    for spec, relation, scope in loaded.relations:
        for cells in scopes.get(scope, []):
            outcome = evaluate(relation, lambda name, c=cells: [v for _, v in c.get(name, [])],
                               tolerance(spec, unit) or Decimal(0))
            where = spec.where or relation.first_reference()
            location = next((path for path, _ in cells.get(where, [])), "")
            out.append(RelationResult(spec.id, spec.level, outcome.holds, outcome.judged, outcome.left, outcome.right,
                                      location, _message(spec.message, outcome, unit)))
    return out


def _table(loaded: LoadedTemplate, table_id: str) -> AmountTable:
    return next(s for s in loaded.template.section if isinstance(s, AmountTable) and s.id == table_id)


def _message(template: str, outcome, unit) -> str:
    def money(value):
        return format_with_unit(value, unit) if value is not None else "（空）"

    difference = outcome.difference
    words = {
        "left": money(outcome.left),
        "right": money(outcome.right),
        "difference": f"相差{money(abs(difference))}" if difference else "相等",
    }
    try:
        return template.format(**words) if template else f"{words['left']}与{words['right']}不符合关系，{words['difference']}"
    except (KeyError, IndexError, ValueError):
        return template


def _cells(sections, form: FormBase, prefix: str) -> dict[str, list[tuple[str, Decimal | None]]]:
    """reference name → [(path, value)] for every cell the sections bind to a path (under ``prefix``)."""
    unit = form.amount_unit
    out: dict[str, list[tuple[str, Decimal | None]]] = {}

    def read(path: str, kind: str) -> Decimal | None:
        try:
            text = resolve(form, path)
        except (LookupError, ValueError):
            return None
        if not isinstance(text, str) or not text.strip():
            return None
        if kind == "amount":
            return parse_amount(text, unit).value
        head = text.strip().rstrip("%％")
        return read_decimal(head)

    for section in sections:
        if isinstance(section, (FieldsSection, SignOffSection)):
            for field in section.field:
                if field.path:
                    out[field.id] = [(prefix + field.path, read(prefix + field.path, field.type))]
        elif isinstance(section, AmountTable) and section.path:
            for column in section.columns:
                every: list[tuple[str, Decimal | None]] = []
                if section.rows:
                    for row in section.rows:
                        path = prefix + section.path.format(row=row.id, column=column.id, index=0)
                        cell = (path, read(path, column.type))
                        out[f"{section.id}.{row.id}.{column.id}"] = [cell]
                        every.append(cell)
                elif "[{index}]" in section.path:
                    base = prefix + section.path.split("[{index}]")[0]
                    try:
                        count = len(resolve(form, base))
                    except (LookupError, ValueError, TypeError):
                        count = 0
                    for index in range(count):
                        path = prefix + section.path.format(index=index, column=column.id, row="")
                        every.append((path, read(path, column.type)))
                out[f"{section.id}.*.{column.id}"] = every
    return out
