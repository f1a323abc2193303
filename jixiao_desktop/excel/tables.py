"""Tables found by their header row: the indicator grid and simple row tables.

Headers are matched by label, so shifted, re-ordered or differently merged
columns read the same. A merged 一级/二级 cell gives its value to every row it
spans; a blank 一级/二级 under a filled one is carried down and reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao_desktop.excel.blocks import Block, Context
from jixiao_desktop.excel.cells import norm, split_unit
from jixiao_desktop.excel.grid import Sheet
from jixiao_desktop.forms.common import Indicator, IndicatorRow

L1 = {"一级指标", "一级目标"}
L2 = {"二级指标", "二级目标"}
L3 = {"三级指标", "三级目标"}
VALUE = {"指标值", "指标值及单位", "指标目标值", "目标值", "指标值(包含数字及文字描述)"}
STANDARD = {"绩效标准", "指标值确定依据", "评(分)标准"}
GRID_LABELS = {"绩效指标", "年度绩效指标", "中期指标", "年度指标", "中期绩效指标", "绩效目标"}


def header_map(sheet: Sheet, r: int, wanted: dict[str, set[str]]) -> dict[str, int]:
    """Column of each wanted key in row ``r`` (merged-aware, first match wins)."""
    found: dict[str, int] = {}
    for c in range(sheet.ncols):
        base, _ = split_unit(norm(sheet.mtext(r, c)))
        for key, names in wanted.items():
            if key not in found and base in names:
                found[key] = c
    return found


def find_row(block: Block, start: int, wanted: dict[str, set[str]], required: set[str]):
    """First block row index ≥ start whose header holds every required key."""
    for index in range(start, len(block.rows)):
        sheet, r = block.rows[index]
        cols = header_map(sheet, r, wanted)
        if required <= set(cols):
            return index, cols
    return None


def take_header(block: Block, wanted: dict[str, set[str]], required: set[str]):
    """Like :func:`find_row` from the block's top, and mark the header cells as read."""
    found = find_row(block, 0, wanted, required)
    if found is not None:
        index, cols = found
        sheet, h = block.rows[index]
        for c in cols.values():
            sheet.consumed.add(sheet.top_left(h, c))
    return found


def row_has_label(sheet: Sheet, r: int, stops: set[str], prefixes: tuple[str, ...] = ()) -> bool:
    for c in range(sheet.ncols):
        if (r, c) in sheet.parent:
            continue
        t = norm(sheet.text(r, c))
        if t and (split_unit(t)[0] in stops or (prefixes and t.startswith(prefixes))):
            return True
    return False


def body_rows(block: Block, header: int, cols: list[int], stops: set[str], prefixes=()) -> list[tuple[Sheet, int]]:
    """Rows under a header up to the next stop label; trailing blank rows left out."""
    sheet0, _ = block.rows[header]
    out: list[tuple[Sheet, int]] = []
    pending: list[tuple[Sheet, int]] = []
    for sheet, r in block.rows[header + 1:]:
        if sheet is not sheet0 or row_has_label(sheet, r, stops, prefixes):
            break
        if any(sheet.text(r, c) for c in cols if (r, c) not in sheet.parent):
            out += pending + [(sheet, r)]
            pending = []
        else:
            pending.append((sheet, r))
    return out


@dataclass
class _Side:
    level2: int
    name: int | None = None
    value: int | None = None
    standard: int | None = None


def _sides(sheet: Sheet, r: int) -> tuple[int | None, list[_Side]]:
    level1, sides, seen = None, [], set()
    for c in range(sheet.ncols):
        top = sheet.top_left(r, c)
        if top in seen:
            continue
        seen.add(top)
        t = norm(sheet.mtext(r, c))
        if t in L1 and level1 is None:
            level1 = c
        elif t in L2:
            sides.append(_Side(c))
        elif sides and t in L3 and sides[-1].name is None:
            sides[-1].name = c
        elif sides and t in VALUE and sides[-1].value is None:
            sides[-1].value = c
        elif sides and t in STANDARD and sides[-1].standard is None:
            sides[-1].standard = c
    return level1, sides


def read_indicators(ctx: Context, block: Block, start: int, has_mid: bool, stops: set[str], prefixes=()):
    """The indicator grid at or after block row ``start``: (rows, found)."""
    for index in range(start, len(block.rows)):
        sheet, h = block.rows[index]
        level1_col, sides = _sides(sheet, h)
        if sides and all(s.name is not None and s.value is not None for s in sides):
            break
    else:
        return [], False
    where = sheet.coord(h, sides[0].level2)
    mid_side, annual_side = _assign(ctx, sheet, h, sides, has_mid, where)
    for c in range(sheet.ncols):
        for rr in (h - 1, h):
            if rr >= 0 and norm(sheet.mtext(rr, c)) in (L1 | L2 | L3 | VALUE | STANDARD | GRID_LABELS):
                sheet.consumed.add(sheet.top_left(rr, c))
    used = [s for s in (mid_side, annual_side) if s is not None]
    cols = [c for s in used for c in (s.level2, s.name, s.value, s.standard) if c is not None]
    if level1_col is not None:
        cols.append(level1_col)
    rows = body_rows(block, index, cols, stops | GRID_LABELS | L2, prefixes)
    out: list[IndicatorRow] = []
    last_l1, last_l2 = "", {"mid": "", "annual": ""}
    for sheet_r, r in rows:
        l1 = _grid_text(ctx, sheet_r, r, level1_col, "一级指标")
        if not l1 and level1_col is not None and not sheet_r.is_merged_child(r, level1_col) and last_l1:
            if any(sheet_r.text(r, c) for c in cols if c != level1_col):
                ctx.report.add_guess(sheet_r.coord(r, level1_col), f"一级指标空白，按上一行“{last_l1}”读入")
                l1 = last_l1
        continuing = l1 == last_l1
        last_l1 = l1
        row = IndicatorRow(level1=l1)
        for key, side in (("mid", mid_side), ("annual", annual_side)):
            if side is None:
                continue
            label = "中期" if key == "mid" else "年度"
            ind = Indicator(
                level2=_grid_text(ctx, sheet_r, r, side.level2, f"{label}二级指标"),
                name=_grid_text(ctx, sheet_r, r, side.name, f"{label}三级指标"),
                value=_grid_text(ctx, sheet_r, r, side.value, f"{label}指标值"),
                standard=_grid_text(ctx, sheet_r, r, side.standard, f"{label}绩效标准"),
            )
            if not ind.level2 and ind.name and continuing and last_l2[key] and not sheet_r.is_merged_child(r, side.level2):
                ctx.report.add_guess(sheet_r.coord(r, side.level2), f"二级指标空白，按上一行“{last_l2[key]}”读入")
                ind.level2 = last_l2[key]
            last_l2[key] = ind.level2
            setattr(row, key, ind)
        if has_mid and row.mid is None:
            row.mid = Indicator()
        out.append(row)
    return out, True


def _assign(ctx: Context, sheet: Sheet, h: int, sides: list[_Side], has_mid: bool, where: str):
    if len(sides) == 1:
        if has_mid:
            ctx.report.add_guess(where, "表中只有一组指标列，按年度指标读入，中期指标留空")
        return None, sides[0]
    groups = {}
    for side in sides:
        for rr in (h - 1, h - 2):
            if rr < 0:
                continue
            t = norm(sheet.mtext(rr, side.level2))
            if t.startswith("中期") or t.startswith("年度"):
                groups.setdefault("mid" if t.startswith("中期") else "annual", side)
                break
    mid = groups.get("mid")
    annual = groups.get("annual")
    if mid is None or annual is None or mid is annual:
        mid, annual = sides[0], sides[1]
        ctx.report.add_guess(where, "指标列未标明中期/年度，按先中期后年度读入")
    if not has_mid:
        ctx.report.add_guess(where, "本表只有年度指标，读入标为年度的一组，另一组未读入")
        return None, annual
    return mid, annual


def _grid_text(ctx: Context, sheet: Sheet, r: int, c: int | None, label: str) -> str:
    if c is None:
        return ""
    if sheet.is_merged_child(r, c):
        r0, c0 = sheet.top_left(r, c)
        return sheet.text(r0, c0)
    if not sheet.text(r, c):
        return ""
    return ctx.take(sheet, r, c, label)
