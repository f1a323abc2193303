"""The indicator grid as on paper: 一级 merged over its rows, one column group per side."""

from __future__ import annotations

from jixiao_desktop.excel.sheet_writer import SheetWriter
from jixiao_desktop.forms.common import Indicator, IndicatorRow
from jixiao_desktop.forms.merged_levels import resolve_rows


def side_columns(has_mid: bool, standard: bool) -> list[tuple[str, int]]:
    """(side, first column) for each side; a side is 二级, 三级, 指标值 [, 绩效标准]."""
    width = 4 if standard else 3
    sides = [("mid", 3), ("annual", 3 + width)] if has_mid else [("annual", 3)]
    return sides


def write_grid(w: SheetWriter, rows: list[IndicatorRow], *, label: str, has_mid: bool, standard: bool,
               first_col: int = 1, value_label: str = "指标值", level_words: str = "指标") -> None:
    """Write the grid starting at ``w.row``: label column, 一级, then the sides. A blank 一级/二级 under a
    filled one is written as that heading (a merged cell), as the checks and printing read it."""
    rows = resolve_rows(rows)
    l1 = first_col + 1
    start = w.row
    width = 4 if standard else 3
    heads = [f"二级{level_words}", f"三级{level_words}", value_label] + (["绩效标准"] if standard else [])
    if has_mid:
        w.put(w.row, l1, f"一级{level_words}", bottom=w.row + 1, bold=True, center=True)
        for index, group in enumerate(("中期指标", "年度指标")):
            col = l1 + 1 + index * width
            w.put(w.row, col, group, last=col + width - 1, bold=True, center=True)
            for offset, head in enumerate(heads):
                w.put(w.row + 1, col + offset, head, bold=True, center=True)
        w.row += 2
    else:
        w.put(w.row, l1, f"一级{level_words}", bold=True, center=True)
        for offset, head in enumerate(heads):
            last = w.ncols if offset == len(heads) - 1 else None
            w.put(w.row, l1 + 1 + offset, head, bold=True, center=True, last=last)
        w.row += 1
    body = w.row
    for row in rows:
        sides = [row.mid or Indicator(), row.annual] if has_mid else [row.annual]
        for index, ind in enumerate(sides):
            col = l1 + 1 + index * width
            values = [ind.level2, ind.name, ind.value] + ([ind.standard] if standard else [])
            for offset, text in enumerate(values):
                last = w.ncols if (not has_mid and offset == len(values) - 1) else None
                w.put(w.row, col + offset, text, last=last)
            w.fit(w.row, max(values, key=len), 1, per_col_chars=12)
        w.row += 1
    _merge_level1(w, rows, body, l1)
    if label:
        if w.row - 1 > start:
            w.put(start, first_col, label, bottom=w.row - 1, bold=True, center=True)
        else:
            w.put(start, first_col, label, bold=True, center=True)


def _merge_level1(w: SheetWriter, rows: list[IndicatorRow], body: int, col: int) -> None:
    index = 0
    while index < len(rows):
        end = index
        while end + 1 < len(rows) and rows[end + 1].level1 == rows[index].level1 and rows[index].level1:
            end += 1
        w.put(body + index, col, rows[index].level1, bottom=body + end, center=True)
        index = end + 1
