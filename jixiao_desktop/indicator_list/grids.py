"""The 年度 indicators of a document of any form kind, grid by grid, each under its project's name.

The budget system's indicator sheet holds one project's 年度 targets (its list has no 中期 columns), so a
two-sided form gives its 年度/本年度 side; the 中期 side stays as it is when a list is read back in. A
grid is the form's own indicator table, a department form's 附表3 (one per special fund) or a template
document's child form; its project is the form's project name, the special fund's name, or the child
form's own project name (else the name in the parent row it hangs under).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from jixiao_desktop.checks.fields import indicator_grids, mid_sides
from jixiao_desktop.forms import DepartmentForm, FormBase, Indicator, IndicatorRow
from jixiao_desktop.forms.merged_levels import resolve_rows, resolve_table

# What a template's indicator row may carry besides its levels and name (schema: INDICATOR_COLUMNS).
LIST_CELLS = ("value", "nature", "unit", "weight", "score", "direction")


@dataclass
class Entry:
    """One indicator: its headings (carried down from the row above where left blank), its name, and
    its other cells as the form holds them (``value``, and ``nature``, ``unit``, ``weight``… where the
    form has them)."""

    level1: str
    level2: str
    name: str
    cells: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.level1.strip(), self.level2.strip(), self.name.strip())


@dataclass
class ListGrid:
    """One indicator grid of a document, its 年度 indicators, and how to replace them."""

    path: str                   # indicators, special_funds[2].detail.indicators, content.tables.indicators
    project: str
    label: str                  # in the form's words: 附表3（提退人员经费）, 绩效目标表第2张的年度绩效指标
    entries: list[Entry]
    columns: tuple[str, ...]    # the cells of LIST_CELLS this grid holds (a built-in form: value only)
    replace: Callable[[list[Entry]], None]


def list_grids(form: FormBase) -> list[ListGrid]:
    """Every indicator grid of ``form`` with its 年度 indicators, in the form's order."""
    if getattr(form, "kind", "") == "template":
        return _template_grids(form)
    return [_builtin_grid(form, grid) for grid in indicator_grids(form)]


def _is_indicator(name: str, value: str) -> bool:
    return bool(name.strip() or value.strip())


# -- built-in forms (ProjectForm / DepartmentForm) ------------------------------------------------

_FUND_RE = re.compile(r"special_funds\[(\d+)\]")


def _builtin_grid(form: FormBase, grid) -> ListGrid:
    match = _FUND_RE.match(grid.path)
    if match and isinstance(form, DepartmentForm):
        fund = form.special_funds[int(match[1])]
        owner, project = fund.detail, fund.name.strip() or fund.detail.name.strip()
    else:
        owner, project = form, (getattr(form, "display_name", "") or "").strip()
    entries = []
    for row in resolve_rows(owner.indicators):   # a blank 一级/二级 is the heading above (a merged cell)
        ind = row.annual
        if _is_indicator(ind.name, ind.value):
            entries.append(Entry(row.level1.strip(), ind.level2, ind.name, {"value": ind.value, "standard": ind.standard}))
    has_mid = any(row.mid is not None for row in owner.indicators) or (owner is form and form.has_mid)
    return ListGrid(grid.path, project, grid.label, entries, ("value",),
                    lambda new: _replace_builtin(owner, has_mid, new))


def _carried(rows: list[IndicatorRow]) -> list[tuple[str, IndicatorRow]]:
    out, level1 = [], ""
    for row in rows:
        level1 = row.level1.strip() or level1
        out.append((level1, row))
    return out


def _replace_builtin(owner, has_mid: bool, new: list[Entry]) -> None:
    """The grid's 年度 side becomes ``new``, in its order; its 中期 side, and 年度 heading rows no new
    indicator falls under, stay, each under its 一级 (a row holds one 中期 and one 年度 indicator of one
    一级, so the 中期 indicators of an 一级 go beside the first run of its 年度 ones)."""
    carried = _carried(owner.indicators)
    mids = [(l1, row.mid) for l1, row in carried if row.mid is not None and _kept(row.mid)]
    # matched by the headings as read (a blank 二级 is the one above), as the new entries carry them
    old = [(row.level1.strip(), row.annual) for row in resolve_rows(owner.indicators)
           if _is_indicator(row.annual.name, row.annual.value)]
    covered = {(e.level1.strip(), e.level2.strip()) for e in new}
    annual = []
    for entry in new:
        standard = _take(old, entry, lambda l1, ind: (l1, ind.level2.strip(), ind.name.strip()))
        annual.append((entry.level1.strip(), Indicator(level2=entry.level2, name=entry.name,
                                                       value=entry.cells.get("value", ""),
                                                       standard=standard.standard if standard else "")))
    for l1, row in carried:     # heading rows without an indicator: after the last of their 一级
        if not _is_indicator(row.annual.name, row.annual.value) and _kept(row.annual) \
                and (l1, row.annual.level2.strip()) not in covered:
            last = max((i for i, (k, _) in enumerate(annual) if k == l1), default=len(annual) - 1)
            annual.insert(last + 1, (l1, row.annual))
    blocks: list[tuple[str, list, list]] = []       # (一级, 年度, 中期) runs in order
    for l1, ind in annual:
        if not blocks or blocks[-1][0] != l1:
            blocks.append((l1, [], []))
        blocks[-1][1].append(ind)
    original = list(dict.fromkeys(l1 for l1, _ in carried))
    for l1 in dict.fromkeys(l1 for l1, _ in mids):
        own = [ind for k, ind in mids if k == l1]
        block = next((b for b in blocks if b[0] == l1), None)
        if block is not None:
            block[2].extend(own)
            continue
        earlier = set(original[:original.index(l1)]) if l1 in original else set()
        at = max((i + 1 for i, b in enumerate(blocks) if b[0] in earlier), default=0)
        blocks.insert(at, (l1, [], own))
    rows = []
    for level1, side_annual, side_mid in blocks:
        for i in range(max(len(side_mid), len(side_annual))):
            mid = (side_mid[i] if i < len(side_mid) else Indicator()) if has_mid else None
            rows.append(IndicatorRow(level1=level1, annual=side_annual[i] if i < len(side_annual) else Indicator(),
                                     mid=mid))
    owner.indicators = rows


def _kept(ind: Indicator) -> bool:
    return bool(ind.name.strip() or ind.value.strip() or ind.level2.strip() or ind.standard.strip())


def _take(old: list, entry: Entry, key):
    """The first old indicator with the entry's headings and name, removed from ``old`` (or None)."""
    for index, (l1, ind) in enumerate(old):
        if key(l1, ind) == entry.key:
            return old.pop(index)[1]
    return None


# -- template documents ---------------------------------------------------------------------------

_CHILD_RE = re.compile(r"content\.children\.(\w+)\[(\d+)\]\.")


def _template_grids(form) -> list[ListGrid]:
    from jixiao_desktop.templates.schema import IndicatorTable

    out = []
    for sections, part, prefix, name in form.parts():
        project = _template_project(form, sections, part, prefix)
        where = f"{name}的" if name else ""
        for table in (s for s in sections if isinstance(s, IndicatorTable)):
            out.append(_template_grid(table, part, f"{prefix}tables.{table.id}", project, f"{where}{table.label}"))
    return out


def _template_project(form, sections, part, prefix: str) -> str:
    from jixiao_desktop.templates import roles
    from jixiao_desktop.templates.schema import ChildForms

    for role in ("project_name", "unit_name"):
        cell = roles.find(form, role, part, sections, prefix)
        if cell is not None and cell.text.strip():
            return cell.text.strip()
    match = _CHILD_RE.match(prefix)
    if match is None:
        return (form.display_name or "").strip()
    child = next((s for s in form.loaded.template.section if isinstance(s, ChildForms) and s.id == match[1]), None)
    return parent_row_name(form, child, int(match[2])) if child is not None else ""


def name_column(table) -> str | None:
    """The column of an amount table that names its rows: 项目名称, else one saying 名称, else the first
    text column."""
    columns = list(table.columns)
    for test in (lambda c: "项目名称" in c.label, lambda c: "名称" in c.label, lambda c: c.type == "text"):
        found = next((c for c in columns if test(c)), None)
        if found is not None:
            return found.id
    return None


def parent_row_name(form, child, index: int) -> str:
    from jixiao_desktop.templates.schema import AmountTable

    table = next((s for s in form.loaded.template.section if isinstance(s, AmountTable) and s.id == child.of), None)
    rows = form.content.tables.get(child.of, [])
    column = name_column(table) if table is not None else None
    if column is None or index >= len(rows):
        return ""
    return rows[index].get(column, "").strip()


def annual_side(table) -> str:
    """The id of the table's 年度 side (the one not read as 中期)."""
    mids = mid_sides(table)
    by_role = next((s.id for s in table.sides if s.role == "annual_indicators"), None)
    return by_role or next((s.id for s in table.sides if s.id not in mids), table.sides[-1].id)


def _template_grid(table, part, path: str, project: str, label: str) -> ListGrid:
    mids = mid_sides(table)
    entries = []
    stored = part.tables.get(table.id, [])
    for row, raw in zip(resolve_table(stored, [s.id for s in table.sides]), stored):
        if row.get("side", "") not in mids and _is_indicator(row.get("name", ""), row.get("value", "")):
            entries.append(Entry(row.get("level1", "").strip(), row.get("level2", ""), row.get("name", ""), dict(raw)))
    columns = tuple(c for c in LIST_CELLS if c in table.columns)
    return ListGrid(path, project, label, entries, columns, lambda new: _replace_template(table, part, new))


def _carried_rows(rows: list[dict]) -> list[tuple[str, dict]]:
    out, level1 = [], ""
    for row in rows:
        level1 = row.get("level1", "").strip() or level1
        out.append((level1, row))
    return out


def _replace_template(table, part, new: list[Entry]) -> None:
    """The table's 年度 rows become ``new`` (other cells of a matching old row kept: 绩效标准, 指标解释…);
    its 中期 rows, and 年度 heading rows no new indicator falls under, stay where they were."""
    mids = mid_sides(table)
    side = annual_side(table)
    rows = part.tables.get(table.id, [])
    carried = _carried_rows(rows)
    covered = {(e.level1.strip(), e.level2.strip()) for e in new}
    # matched by the headings as read (a blank 二级 is the one above), as the new entries carry them
    heads = {id(row): (resolved.get("level1", "").strip(), resolved.get("level2", "").strip())
             for row, resolved in zip(rows, resolve_table(rows, [s.id for s in table.sides]))}
    old = [(l1, row) for l1, row in carried
           if row.get("side", "") not in mids and _is_indicator(row.get("name", ""), row.get("value", ""))]
    first = next((i for i, (_l1, row) in enumerate(carried)
                  if row.get("side", "") not in mids and _is_indicator(row.get("name", ""), row.get("value", ""))),
                 len(rows))
    before, after, headings = [], [], []
    for index, (l1, row) in enumerate(carried):
        if row.get("side", "") in mids:
            (before if index < first else after).append((l1, row))
        elif not _is_indicator(row.get("name", ""), row.get("value", "")) and (l1, row.get("level2", "").strip()) not in covered:
            headings.append((l1, row))
    fresh = []
    for entry in new:
        match = _take(old, entry, lambda _l1, row: (*heads[id(row)], row.get("name", "").strip()))
        row = {k: v for k, v in (match or {}).items() if k not in LIST_CELLS}
        row |= {"side": side, "level1": entry.level1, "level2": entry.level2, "name": entry.name}
        row |= {k: v for k, v in entry.cells.items() if k in ("value",) + tuple(table.columns)}
        fresh.append((entry.level1.strip(), row))
    result = before + fresh + headings + after
    _keep_headings(result)
    part.tables[table.id] = [row for _l1, row in result]


def _keep_headings(result: list[tuple[str, dict]]) -> None:
    """A kept row whose blank 一级 meant "the one above" is given it explicitly when the row above changed."""
    level1 = ""
    for carried, row in result:
        own = row.get("level1", "").strip()
        if not own and carried and carried != level1:
            row["level1"] = carried
        level1 = row.get("level1", "").strip() or level1
