"""Documents of any template: its relations (审核公式), its required fields, its amounts.

A template's relations are judged with blank-is-not-zero (see :mod:`jixiao_desktop.templates.formula`);
each finding has the relation's own level and message, with both sides' amounts and the difference.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import Hit, rule
from jixiao_desktop.checks.rounding import rounding_note, severity_of
from jixiao_desktop.templates.document import amount_names, cells, money
from jixiao_desktop.templates.formula import evaluate
from jixiao_desktop.templates.loader import tolerance
from jixiao_desktop.templates.schema import AmountTable, ChildForms, FieldsSection, SignOffSection

LEVELS = {"错误": Severity.ERROR, "警告": Severity.WARNING, "提示": Severity.HINT}


@rule("template.relation", Severity.ERROR, "表样的审核公式不成立", kinds=("template",), source="template")
def template_relation(ctx: CheckContext):
    form = ctx.form
    loaded = form.loaded
    unit = form.amount_unit
    sections = loaded.template.section
    scopes = {"": [(cells(sections, form.content, "content.", unit), "")]}
    for child in (s for s in sections if isinstance(s, ChildForms)):
        parent_table = next(s for s in sections if isinstance(s, AmountTable) and s.id == child.of)
        rows = form.content.tables.get(child.of, [])
        scopes[child.id] = []
        for index, part in enumerate(form.content.children.get(child.id, [])):
            parent = rows[index] if index < len(rows) else {}
            prefix = f"content.children.{child.id}[{index}]."
            scopes[child.id].append((cells(child.section, part, prefix, unit, parent, parent_table),
                                     f"{child.label}第{index + 1}张："))
    for spec, relation, scope in loaded.relations:
        for table, where in scopes.get(scope, []):
            for cells_of_row, row_words in _rows(table, spec.per_row):
                allowed = tolerance(spec, unit) or Decimal(0)
                outcome = evaluate(relation, lambda name, t=cells_of_row: [v for _, v in t.get(name, [])], allowed)
                if outcome.holds:
                    continue
                anchor = spec.where or relation.first_reference()
                location = next((loc for loc, _ in cells_of_row.get(anchor, []) if loc), "")
                note = "" if allowed else _rounding(form, relation, outcome, cells_of_row, unit, sections, scope)
                for hit in _hit(spec, relation, outcome, unit, sections, scope, location, where + row_words):
                    yield Hit(hit.location, hit.message + note, hit.related, severity_of(note) or hit.severity) if note else hit


def _rounding(form, relation, outcome, cells_of_row, unit, sections, scope) -> str:
    """A sum written as ``a = b + c + sum(t.*.x)`` whose gap the rounding of its typed amounts explains
    (a relation with a tolerance of its own says how much it allows instead)."""
    if relation.compare != "=" or not _only_sums(relation.left) or not _only_sums(relation.right):
        return ""
    if not set(relation.references()) <= _amount_names(sections, scope):
        return ""
    texts = [form.text_at(loc) for name in relation.references() for loc, value in cells_of_row.get(name, [])
             if loc and value is not None]
    return rounding_note(outcome.difference, texts, len(texts) - 1, unit) if len(texts) > 1 else ""


def _only_sums(node) -> bool:
    from jixiao_desktop.templates.formula import Binary, Call, Negate, Ref

    if isinstance(node, Ref):
        return True
    if isinstance(node, Binary):
        return node.op in ("+", "-") and _only_sums(node.left) and _only_sums(node.right)
    if isinstance(node, Negate):
        return _only_sums(node.operand)
    if isinstance(node, Call):
        return node.function == "sum" and all(_only_sums(a) for a in node.args)
    return False


def _rows(table: dict, per_row: str):
    """The cells to judge a relation on: all of them, or each row of ``per_row`` in turn."""
    if not per_row:
        yield table, ""
        return
    prefix = f"{per_row}.*."
    columns = [name for name in table if name.startswith(prefix)]
    count = max((len(table[name]) for name in columns), default=0)
    for index in range(count):
        row = dict(table)
        for name in columns:
            row[name] = table[name][index:index + 1]
        yield row, f"第{index + 1}行："


def _hit(spec, relation, outcome, unit, sections, scope, location, where):
    """The finding: the relation's own words with both sides (as amounts where the cells hold amounts)."""
    names = _amount_names(sections, scope)
    left_money = _all_money(relation.left, names)
    right_money = _all_money(relation.right, names)
    message = where + _message(spec, outcome, unit, relation.text, left_money, right_money) + f"（审核公式 {spec.id}）"
    yield Hit(location, message, (), LEVELS[spec.level])


def _amount_names(sections, scope: str) -> set[str]:
    """The names of the amount cells a relation of ``scope`` (the form, or one child form) may use."""
    child = next((s for s in sections if isinstance(s, ChildForms) and s.id == scope), None)
    names = amount_names(child.section if child else sections)
    if child is not None:
        names |= {f"parent.{c.id}" for c in next(s for s in sections if isinstance(s, AmountTable)
                                                 and s.id == child.of).columns if c.type == "amount"}
    return names


def _all_money(node, names: set[str]) -> bool:
    """A side is shown as money when it names only amount cells and never multiplies or divides two of
    them (a 占比 side, 当年金额 ÷ 合计 × 100, is a number)."""
    from jixiao_desktop.templates.formula import Binary, Call, Negate, _refs

    refs = _refs(node)
    if not refs or not all(r in names for r in refs):
        return False

    def ratio_of_amounts(n) -> bool:
        if isinstance(n, Binary):
            if n.op in ("*", "/") and _refs(n.left) and _refs(n.right):
                return True
            return ratio_of_amounts(n.left) or ratio_of_amounts(n.right)
        if isinstance(n, Negate):
            return ratio_of_amounts(n.operand)
        if isinstance(n, Call):
            return any(ratio_of_amounts(a) for a in n.args)
        return False

    return not ratio_of_amounts(node)


def _message(spec, outcome, unit, formula: str, left_money: bool, right_money: bool) -> str:
    difference = outcome.difference
    both = left_money and right_money
    words = {"left": money(outcome.left, unit, left_money), "right": money(outcome.right, unit, right_money),
             "difference": f"相差{money(abs(difference), unit, both)}" if difference else "相等"}
    if spec.message:
        try:
            return spec.message.format(**words)
        except (KeyError, IndexError, ValueError):
            return spec.message
    return f"审核公式“{formula}”不成立：左边{words['left']}，右边{words['right']}，{words['difference']}"


@rule("template.share", Severity.ERROR, "占比与金额不符", kinds=("template",), source="arithmetic")
def template_share(ctx: CheckContext):
    """A 占比 column (``share_of``): each row's share of the column's total (its 合计 row, or the sum of its
    rows), ×100; a 合计 row's share is 100. A share agrees when it is within one unit of the last digit the
    clerk wrote (35 or 35.3 or 35.29 for 35.294…; rounded or cut off as Excel shows it)."""
    for part_sections, part, prefix, name in ctx.form.parts():
        for table in (s for s in part_sections if isinstance(s, AmountTable)):
            for column in (c for c in table.columns if c.share_of):
                yield from _shares(ctx, table, column, part.tables.get(table.id, []), prefix, _where(name))


_TOTAL_LABELS = ("合计", "总计", "总额")


def _shares(ctx: CheckContext, table, column, rows, prefix: str, where: str):
    from jixiao_desktop.money import read_decimal

    base = next(c for c in table.columns if c.id == column.share_of)
    labels = {r.id: r.label for r in table.rows}
    total_index = next((i for i, row in enumerate(rows)
                        if any(word in labels.get(row.get("_row", ""), "") for word in _TOTAL_LABELS)), None)
    amounts = [ctx.value(row.get(base.id, "")) for row in rows]
    if total_index is not None:
        total = amounts[total_index]
    else:
        filled = [a for a in amounts if a is not None]
        total = sum(filled, Decimal(0)) if filled else None
    if not total:
        return
    for index, row in enumerate(rows):
        text = row.get(column.id, "").strip()
        stated = read_decimal(text.rstrip("%％").strip()) if text else None
        if stated is None:
            continue
        amount = amounts[index]
        if index == total_index:
            expected = Decimal(100)
        elif amount is None:
            continue
        else:
            expected = amount / total * 100
        digits = text.rstrip("%％").strip()
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        if abs(stated - expected) <= Decimal(1).scaleb(-decimals):
            continue
        name = labels.get(row.get("_row", ""), "") or f"第{index + 1}行"
        how = ("合计的占比应为100%" if index == total_index else
               f"按{base.label}应为{expected:.2f}%（{ctx.money(amount)}÷{ctx.money(total)}×100）")
        yield Hit(f"{prefix}tables.{table.id}[{index}].{column.id}",
                  f"{where}{table.label}：{name}的{column.label}写的是{text}，{how}",
                  (f"{prefix}tables.{table.id}[{index}].{base.id}",))


@rule("template.required", Severity.ERROR, "表样要求填写的栏目未填", kinds=("template",), source="template")
def template_required(ctx: CheckContext):
    for sections, part, prefix, name in ctx.form.parts():
        yield from _required(sections, part, prefix, _where(name))


def _where(name: str) -> str:
    """``附表3第2张：`` before a child form's findings; nothing before the document's own."""
    return f"{name}：" if name else ""


def _required(sections, part, prefix: str, where: str):
    for section in sections:
        if isinstance(section, (FieldsSection, SignOffSection)):
            for field in section.field:
                if field.required and not part.fields.get(field.id, "").strip():
                    yield Hit(f"{prefix}fields.{field.id}", f"{where}{field.label}未填写（表样要求必填）")
        elif isinstance(section, AmountTable):
            for index, row in enumerate(part.tables.get(section.id, [])):
                label = row.get("_row") and next((r.label for r in section.rows if r.id == row["_row"]), "")
                for column in section.columns:
                    if column.required and not row.get(column.id, "").strip():
                        yield Hit(f"{prefix}tables.{section.id}[{index}].{column.id}",
                                  f"{where}{section.label}{label or f'第{index + 1}行'}的{column.label}未填写（表样要求必填）")


@rule("template.amount_unreadable", Severity.ERROR, "表样中的金额无法读取", kinds=("template",), source="template")
def template_amounts(ctx: CheckContext):
    form = ctx.form
    for section in form.loaded.template.section:
        if isinstance(section, (FieldsSection, SignOffSection)):
            for field in section.field:
                text = form.content.fields.get(field.id, "")
                if field.type == "amount" and text.strip() and not form.amount(text).ok:
                    yield Hit(f"content.fields.{field.id}", f"{field.label}：{form.amount(text).error}")
        elif isinstance(section, AmountTable):
            for index, row in enumerate(form.content.tables.get(section.id, [])):
                for column in section.columns:
                    text = row.get(column.id, "")
                    if column.type == "amount" and text.strip() and not form.amount(text).ok:
                        yield Hit(f"content.tables.{section.id}[{index}].{column.id}",
                                  f"{section.label}第{index + 1}行{column.label}：{form.amount(text).error}")


@rule("template.indicator_layout", Severity.WARNING, "指标不在表样指标体系的对应位置", kinds=("template",), source="template")
def template_indicator_layout(ctx: CheckContext):
    """一级 and 二级 judged by the template's layout (常规, 财预〔2021〕101号, 上海, or its own list); a blank
    一级 or 二级 under a filled one above it is the same heading (merged cells pasted from Excel), judged on the
    row where a heading is typed."""
    from jixiao_desktop.forms.layouts import LAYOUTS, IndicatorLayout, canonical
    from jixiao_desktop.forms.merged_levels import resolve_table
    from jixiao_desktop.templates.schema import IndicatorTable

    form = ctx.form
    meta = form.loaded.meta
    if meta.layout == "own":
        levels = {canonical(k): {canonical(v) for v in vs} for k, vs in meta.levels.items()}
    else:
        levels = {k: set(vs) for k, vs in LAYOUTS[IndicatorLayout(meta.layout)].items()}
    for sections, part, prefix, name in form.parts():
        where = _where(name)
        for table in (s for s in sections if isinstance(s, IndicatorTable)):
            stored = part.tables.get(table.id, [])
            for index, (row, raw) in enumerate(zip(resolve_table(stored, [s.id for s in table.sides]), stored)):
                # A blank heading is the one above (a merged cell): reported where it is typed.
                level1, level2 = canonical(row.get("level1", "")), canonical(row.get("level2", ""))
                if not raw.get("level1", "").strip() and not raw.get("level2", "").strip():
                    continue
                location = f"{prefix}tables.{table.id}[{index}]"
                if level1 and level1 not in levels:
                    if not raw.get("level1", "").strip():
                        continue
                    yield Hit(f"{location}.level1", f"{where}{table.label}第{index + 1}行的一级指标“{level1}”不在表样的指标体系中"
                              f"（应为{'、'.join(levels)}之一）")
                elif level1 and level2 and level2 not in levels[level1]:
                    home = next((k for k, vs in levels.items() if level2 in vs), "")
                    hint = f"，应在“{home}”下" if home else ""
                    yield Hit(f"{location}.level2", f"{where}{table.label}第{index + 1}行的二级指标“{level2}”不属于“{level1}”{hint}")
