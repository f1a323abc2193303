"""The budget system's indicator sheet (预算管理一体化 绩效指标导入表): one row per indicator.

Columns: 项目名称, 一级指标, 二级指标, 三级指标, 指标性质, 指标值, 度量单位, 权重/分值, 指标方向性. 指标性质 is
written as the system's sheet writes it: ``≥ ＞ ＝ ＜ ≤`` or ``定性`` (the words 大于等于, 小于等于, 等于,
不低于… are read too). A value that cannot be split is written as typed, 指标性质 and 度量单位 left blank,
and named in the report so the clerk fixes it before uploading.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, fields

from jixiao_desktop.forms.indicator_value import (
    QUALITATIVE,
    Operator,
    join_indicator_value,
    parse_indicator_value,
    read_operator,
    split_indicator_value,
)
from jixiao_desktop.indicator_list.grids import Entry, ListGrid, list_grids

SHEET_TITLE = "绩效指标"
HEADERS = ("项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重/分值", "指标方向性")
_DIRECTIONS = {Operator.GE: "正向", Operator.GT: "正向", Operator.LE: "反向", Operator.LT: "反向"}


@dataclass
class ListRow:
    """One row of the sheet, every cell as text."""

    project: str = ""
    level1: str = ""
    level2: str = ""
    name: str = ""
    nature: str = ""
    value: str = ""
    unit: str = ""
    weight: str = ""
    direction: str = ""

    def cells(self) -> list[str]:
        return [getattr(self, f.name) for f in fields(self)]


@dataclass
class Exported:
    """The sheet's rows and what the clerk should fix before uploading (Chinese, naming form and indicator)."""

    rows: list[ListRow]
    problems: list[str]


def export_rows(form) -> Exported:
    """Every 年度 indicator of ``form`` as a row of the sheet, grid by grid."""
    rows, problems = [], []
    grids = list_grids(form)
    seen: dict[str, list[str]] = {}
    for grid in (g for g in grids if g.entries and g.project):
        seen.setdefault(grid.project, []).append(grid.label)
    for project, labels in seen.items():
        if len(labels) > 1:
            problems.append(f"项目名称“{project}”用在了{'、'.join(labels)}：预算系统按项目名称导入指标，"
                            "请改为不同的名称（导回本程序时，相邻的同名项目也无法区分）")
    for grid in grids:
        where = f"项目“{grid.project}” › {grid.label}" if grid.project else grid.label
        if grid.entries and not grid.project:
            problems.append(f"{grid.label}：没有项目名称，请先填写项目名称（预算系统按项目名称导入指标）")
        for index, entry in enumerate(grid.entries):
            row, problem = _row(grid, entry)
            rows.append(row)
            if problem:
                named = f"“{entry.name.strip()}”" if entry.name.strip() else f"第{index + 1}个指标"
                problems.append(f"{where} › {named}：{problem}")
    return Exported(rows, problems)


def _row(grid: ListGrid, entry: Entry) -> tuple[ListRow, str]:
    cells = entry.cells
    nature_cell = cells.get("nature", "").strip()
    if nature_cell == QUALITATIVE:
        typed = join_indicator_value(cells.get("value", ""), cells.get("unit", ""))
        nature, value, unit, problem = QUALITATIVE, typed.strip(), "", ""
    else:
        split = split_indicator_value(join_indicator_value(cells.get("value", ""), cells.get("unit", ""), nature_cell))
        nature, value, unit, problem = split.nature, split.value, split.unit, split.problem
    if not entry.name.strip():
        problem = "缺少三级指标名称" + (f"；指标值{problem}" if problem else "")
    elif not value.strip():
        problem = "指标值为空，预算系统不接受空的指标值"
    direction = cells.get("direction", "").strip()
    if not direction and "direction" not in grid.columns:
        direction = _DIRECTIONS.get(read_operator(nature), "")
    weight = cells.get("weight", "").strip() or cells.get("score", "").strip()
    return ListRow(grid.project, entry.level1.strip(), entry.level2.strip(), entry.name.strip(), nature, value, unit,
                   weight, direction), problem


def typed_value(row: ListRow, columns: tuple[str, ...] = ()) -> tuple[dict[str, str], str]:
    """A row's value as a form holds it: ``≥`` | ``95`` | ``%`` → ``{"value": "≥95%"}`` for a form with one
    指标值 cell, or ``{"nature": "≥", "value": "95", "unit": "%"}`` where the form has those columns;
    weight (or score) and direction where it has them. Second: what could not be joined (or blank)."""
    nature, value, unit = row.nature.strip(), row.value.strip(), row.unit.strip()
    op = read_operator(nature)
    problem = ""
    if nature and op is None and nature != QUALITATIVE:
        problem = f"指标性质“{nature}”无法识别（应为≥ ＞ ＝ ＜ ≤或定性），指标值按原样导入"
    elif op is not None and value and parse_indicator_value(value).number is None:
        problem = f"指标性质为“{nature}”，指标值“{value}”却不是数值，按原样导入"
    cells: dict[str, str] = {}
    if "nature" in columns:
        cells["nature"] = op.value if op is not None else nature
        op = None
    if "unit" in columns:
        cells["unit"] = unit
        unit = ""
    # ＝ is what a bare number means: ＝ | 100 | % is typed 100%, as clerks write it on paper
    joined = join_indicator_value(value, unit, op.value if op is not None and op is not Operator.EQ else "")
    if unit and parse_indicator_value(value).number is None and not value.endswith(unit):
        joined = f"{joined}{unit}"      # a unit beside a text: kept with it, not lost
    cells["value"] = joined
    column = next((c for c in ("weight", "score") if c in columns), None)
    if column is not None:
        cells[column] = row.weight.strip()
    if "direction" in columns:
        cells["direction"] = row.direction.strip()
    return cells, problem


def write_sheet(rows: list[ListRow], path) -> None:
    """Write the sheet as a real .xlsx: one header row, one row per indicator, every cell as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from jixiao_desktop.atomic import write_atomic

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    ws.append(list(HEADERS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for row in rows:
        ws.append(row.cells())
    widths = (30, 14, 16, 30, 9, 24, 10, 10, 10)
    for index, width in enumerate(widths, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = width
        for cell in ws[letter][1:]:
            cell.number_format = "@"    # text: 30.00 stays 30.00
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    write_atomic(path, buffer.getvalue())
