"""Reading an indicator sheet back: columns found by their header labels, in any order, among others.

A blank 项目名称, 一级 or 二级 under a filled one is the same project or heading (a merged cell, or the
way the system leaves repeats out); numbers are read as the clerk sees them (a 95% cell is ``95%``).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from jixiao_desktop.excel.cells import norm
from jixiao_desktop.excel.errors import ExcelError
from jixiao_desktop.excel.grid import merged_ranges, read_sheet
from jixiao_desktop.excel.opening import open_workbook
from jixiao_desktop.indicator_list.sheet import HEADERS, ListRow

# Header labels (after norm(): NFKC, no blanks) → the row's field.
_LABELS: dict[str, tuple[str, ...]] = {
    "project": ("项目名称", "项目"),
    "level1": ("一级指标", "一级"),
    "level2": ("二级指标", "二级"),
    "name": ("三级指标", "三级指标名称", "指标名称", "三级"),
    "nature": ("指标性质", "性质"),
    "value": ("指标值", "目标值", "年度指标值", "年度目标值"),
    "unit": ("度量单位", "计量单位", "单位"),
    "weight": ("权重/分值", "权重", "分值", "指标权重", "权重(分值)", "分值(权重)", "权重(%)"),
    "direction": ("指标方向性", "指标方向"),
}
_BY_LABEL = {norm(label): key for key, labels in _LABELS.items() for label in labels}
HEADER_SEARCH_ROWS = 20


@dataclass
class ReadList:
    """The rows of a sheet with their sheet row numbers, and notes on how it was read."""

    source: str
    rows: list[ListRow] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def projects(self) -> list[tuple[str, list[tuple[int, ListRow]]]]:
        """(project name, [(sheet row, row)]) in the order the projects first appear."""
        groups: dict[str, list[tuple[int, ListRow]]] = {}
        for line, row in zip(self.lines, self.rows):
            groups.setdefault(row.project, []).append((line, row))
        return list(groups.items())

    def runs(self) -> list[tuple[str, list[tuple[int, ListRow]]]]:
        """(project name, rows) for each run of consecutive rows of one project."""
        out: list[tuple[str, list[tuple[int, ListRow]]]] = []
        for line, row in zip(self.lines, self.rows):
            if not out or out[-1][0] != row.project:
                out.append((row.project, []))
            out[-1][1].append((line, row))
        return out


def read_list(path: str | Path) -> ReadList:
    """Read an indicator sheet; raises :class:`ExcelError` (Chinese) for a file that is not one."""
    path = Path(path)
    opened = open_workbook(path)   # .xlsx/.xlsm, or an old .xls/.et built in memory
    result = ReadList(path.name, notes=list(opened.info.warnings))
    try:
        archive = zipfile.ZipFile(io.BytesIO(opened.data)) if opened.data is not None else None
        for ws in opened.wb.worksheets:
            part = getattr(ws, "_worksheet_path", None)
            merges = merged_ranges(archive, part) if archive is not None and part else None
            sheet = read_sheet(ws, opened.read_only, merges)
            header = _header(sheet)
            if header is not None:
                _read_rows(sheet, *header, result)
                return result
    finally:
        opened.close()
    raise ExcelError(f"{path.name}中找不到指标清单的表头：需要一行写有“三级指标”和“指标值”"
                     f"（预算系统的指标清单的栏目：{'、'.join(HEADERS)}）")


def _header(sheet) -> tuple[int, dict[str, int]] | None:
    for r in range(min(sheet.nrows, HEADER_SEARCH_ROWS)):
        columns: dict[str, int] = {}
        for c in range(sheet.ncols):
            key = _BY_LABEL.get(norm(sheet.mtext(r, c)))
            if key is not None and key not in columns:
                columns[key] = c
        if "name" in columns and "value" in columns:
            return r, columns
    return None


def _read_rows(sheet, header: int, columns: dict[str, int], result: ReadList) -> None:
    labels = {c: sheet.mtext(header, c).strip() for c in range(sheet.ncols)}
    others = [label for c, label in labels.items() if label and c not in columns.values()]
    if others:
        result.notes.append(f"工作表“{sheet.name}”中以下栏目不属于指标清单，未读取：{'、'.join(others)}")
    for key, label in (("project", "项目名称"), ("nature", "指标性质"), ("unit", "度量单位")):
        if key not in columns:
            result.notes.append(f"工作表“{sheet.name}”没有“{label}”栏" +
                                ("，全部指标按一个项目读入" if key == "project" else "，指标值按原样读入"))
    previous = ListRow()
    header_cells = {norm(label) for label in labels.values()}
    for r in range(header + 1, sheet.nrows):
        texts = {key: sheet.mtext(r, c).strip() for key, c in columns.items()}
        if not any(texts.values()) or {norm(t) for t in texts.values() if t} <= header_cells:
            continue        # a blank row, or the header repeated
        row = ListRow(**texts)
        if not row.project:
            row.project = previous.project
        same_project = row.project == previous.project
        if not row.level1 and same_project:
            row.level1 = previous.level1
            if not row.level2:
                row.level2 = previous.level2
        elif not row.level2 and same_project and row.level1 == previous.level1:
            row.level2 = previous.level2
        previous = row
        if not (row.name or row.value):
            continue        # a heading row without an indicator
        result.rows.append(row)
        result.lines.append(r + 1)
