"""An indicator table of a template read from a sheet: found by its heading row, sides told apart.

The heading row holds the template's indicator columns under any of their usual names (``三级指标`` /
``指标名称``, ``指标值`` / ``目标值``…). Which side (中期/年度…) a row belongs to is read, in that order,
from a column left of the table holding the side's label (merged over its rows, as printed by this
program), from a column group per side headed ``中期指标`` | ``年度指标`` side by side, or from a row
holding only a side's label; a province's wording (长期/中期/实施期, 年度/本年度) is understood. A merged
一级/二级 gives its text to every row it spans.
"""

from __future__ import annotations

from jixiao_desktop.excel.grid import Sheet
from jixiao_desktop.excel.template_labels import LabelIndex, indicator_heads, side_class, side_of


def _groups(sheet: Sheet, h: int, heads: LabelIndex) -> tuple[int | None, list[dict[str, int]]]:
    """(一级 column, one {column: index} per side group) of heading row ``h``."""
    level1, groups = None, []
    for c in range(sheet.ncols):
        top = sheet.top_left(h, c)
        if top[1] != c:
            continue
        column = heads.find(sheet.text(*top))
        if column is None:
            continue
        if column == "level1":
            if level1 is None:
                level1 = c
            continue
        if not groups or column in groups[-1]:
            groups.append({})
        groups[-1][column] = c
    return level1, [g for g in groups if "name" in g and "value" in g]


def read_indicator_table(reader, table) -> list[dict[str, str]]:
    """The table's rows (``side``, ``level1`` and its columns), read from ``reader``'s sheets."""
    heads = indicator_heads(table.columns, table.labels)
    index = LabelIndex({label: column for column, labels in heads.items() for label in labels})
    for position in reader.search():
        sheet, h = reader.rows[position]
        level1, groups = _groups(sheet, h, index)
        if groups:
            break
    else:
        reader.ctx.report.add_missing(f"{reader.where()}指标表“{table.label}”（未找到“三级指标”“指标值”等表头）")
        return []
    reader.claim(position)
    ctx = reader.ctx
    where = sheet.coord(h, groups[0]["name"])
    group_sides = _group_sides(sheet, h, groups, table, ctx, where)
    side_col = None
    leftmost = min([c for g in groups for c in g.values()] + ([level1] if level1 is not None else []))
    if len(groups) == 1 and leftmost > 0:
        side_col = leftmost - 1
    for c in range(sheet.ncols):
        if (h, c) not in sheet.parent and sheet.text(h, c):
            sheet.consumed.add((h, c))   # the heading row, its table label included
    own = LabelIndex({label: "" for labels in heads.values() for label in labels}
                     | {s.label: "" for s in table.sides} | {table.label: ""})
    current = group_sides[0]
    if len(groups) == 1 and len(table.sides) > 1 and side_col is None:
        ctx.report.add_guess(where, f"{table.label}未标明各行属于哪一栏，按“{_label(table, current)}”读入")
    out: list[list[dict[str, str]]] = [[] for _ in groups]
    pending: list[int] = []
    headings = frozenset([level1] if level1 is not None else []) | {g["level2"] for g in groups if "level2" in g}
    pos = position + 1
    while pos < len(reader.rows) and reader.rows[pos][0] is sheet:
        _, r = reader.rows[pos]
        if reader.is_stop(sheet, r, own, headings):
            break
        cols = [c for g in groups for c in g.values()] + ([level1] if level1 is not None else [])
        filled = any(sheet.text(r, c) for c in cols if (r, c) not in sheet.parent)
        lone_side = _lone_side(sheet, r, table) if not filled else None
        if lone_side is not None:   # a row holding only a side's label: the rows below are that side's
            current = lone_side
            reader.claim(pos)
            pos += 1
            continue
        if not filled:
            pending.append(pos)
            pos += 1
            continue
        for p in pending + [pos]:
            reader.claim(p)
        pending = []
        if side_col is not None:
            current = _row_side(sheet, r, side_col, table, current, ctx)
        for number, (group, side) in enumerate(zip(groups, group_sides if len(groups) > 1 else [current])):
            named = f"{table.label}（{_label(table, side)}）第{len(out[number]) + 1}行"
            if number == 0:
                l1 = _merged(reader, sheet, r, level1, f"{named}一级指标")
            row = {"side": side, "level1": l1}
            for column in table.columns:
                label = named + heads[column][0]
                c = group.get(column)
                row[column] = _merged(reader, sheet, r, c, label) if column == "level2" else _own(reader, sheet, r, c, label)
            if len(groups) == 1 or any(row[k] for k in table.columns):
                out[number].append(row)
        pos += 1
    reader.cursor = pending[0] if pending else pos
    return [row for rows in out for row in rows]


def _label(table, side_id: str) -> str:
    return next((s.label for s in table.sides if s.id == side_id), side_id)


def _group_sides(sheet: Sheet, h: int, groups, table, ctx, where: str) -> list[str]:
    """The side of each column group: named above it when side by side, else the annual-looking side."""
    default = next((s.id for s in table.sides if s.role == "annual_indicators"), None) \
        or next((s.id for s in table.sides if side_class(s.label) == "annual"), table.sides[-1].id)
    if len(groups) == 1:
        return [default if len(table.sides) > 1 else table.sides[0].id]
    sides = []
    for number, group in enumerate(groups):
        first = min(group.values())
        named = None
        for rr in (h - 1, h - 2):
            if rr >= 0 and (named := side_of(sheet.mtext(rr, first), table.sides)):
                sheet.consumed.add(sheet.top_left(rr, first))
                break
        if named is None:
            named = table.sides[min(number, len(table.sides) - 1)].id
            ctx.report.add_guess(where, f"第{number + 1}组指标列未标明栏目，按“{_label(table, named)}”读入")
        sides.append(named)
    return sides


def _lone_side(sheet: Sheet, r: int, table) -> str | None:
    texts = [(c, sheet.text(r, c)) for c in range(sheet.ncols) if (r, c) not in sheet.parent and sheet.text(r, c)]
    if len(texts) == 1:
        side = side_of(texts[0][1], table.sides)
        if side is not None:
            sheet.consumed.add((r, texts[0][0]))
        return side
    return None


def _row_side(sheet: Sheet, r: int, c: int, table, current: str, ctx) -> str:
    top = sheet.top_left(r, c)
    text = sheet.text(*top)
    if not text:
        return current
    side = side_of(text, table.sides)
    if top == (r, c):
        if side is None and len(table.sides) > 1:
            ctx.report.add_guess(sheet.coord(r, c), f"看不出是哪一栏指标，按“{_label(table, current)}”读入", text)
        sheet.consumed.add((r, c))
    if side is None:
        return current if len(table.sides) > 1 else table.sides[0].id
    return side


def _merged(reader, sheet: Sheet, r: int, c: int | None, label: str) -> str:
    """一级/二级: a merged cell's text in every row it spans."""
    if c is None:
        return ""
    if (r, c) in sheet.parent:
        return sheet.text(*sheet.top_left(r, c))
    return _own(reader, sheet, r, c, label)


def _own(reader, sheet: Sheet, r: int, c: int | None, label: str) -> str:
    if c is None or (r, c) in sheet.parent or not sheet.text(r, c):
        return ""
    return reader.ctx.take(sheet, r, c, label)
