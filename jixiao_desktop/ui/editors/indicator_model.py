"""绩效指标 grid: 一级 | (中期) 二级 三级 指标值 | (年度) 二级 三级 指标值 [| 绩效标准].

One row per :class:`IndicatorRow`. A 一级 equal to the row above is drawn
blank (the merged cell of the paper form) but kept on every row. 一级/二级
cells offer the layout's names and accept any text.
"""

from __future__ import annotations

from jixiao_desktop.forms import Indicator, IndicatorRow, layouts
from jixiao_desktop.forms.layouts import LAYOUTS
from jixiao_desktop.ui.editors.merged_headings import MergedLevel1
from jixiao_desktop.ui.editors.table_models import Column
from jixiao_desktop.ui.editors.row_list_model import RowListModel

# Column titles as on each paper form: 一级 | 二级 | 三级 | 指标值 (| 绩效标准).
HEADINGS = {
    "project": ("一级指标", "二级指标", "三级指标", "指标值"),
    "department": ("一级指标", "二级指标", "三级指标", "指标值及单位"),
    "unit": ("一级目标", "二级目标", "三级目标", "指标目标值"),
}
SIDE_TITLES = {"mid": "中期指标", "annual": "年度指标"}


def side_columns(side: str, headings: tuple[str, ...], *, standard: bool) -> tuple[Column, ...]:
    columns = (
        Column(f"{side}.level2", headings[1], 120),
        Column(f"{side}.name", headings[2], 230, multiline=True),
        # 部门/单位 forms often hold a long list in 指标值及单位: it wraps and shares the width.
        Column(f"{side}.value", headings[3], 120, multiline=len(headings[3]) > 3),
    )
    if standard:
        columns += (Column(f"{side}.standard", "绩效标准", 110),)
    return columns


class IndicatorModel(MergedLevel1, RowListModel):
    """The indicator grid of a form (``indicators``) or of a 附表3 (``…detail.indicators``).

    With 中期 columns the header has two levels (:meth:`header_groups`).
    """

    def __init__(self, document, list_path: str = "indicators", *, with_mid: bool | None = None,
                 with_standard: bool = False, parent=None):
        super().__init__(document, list_path, parent)
        self.with_mid = document.form.has_mid if with_mid is None else with_mid
        headings = HEADINGS.get(getattr(document.form, "kind", "project"), HEADINGS["project"])
        columns = [Column("level1", headings[0], 110)]
        self.groups: list[tuple[int, int, str]] = []
        sides = ("mid", "annual") if self.with_mid else ("annual",)
        for side in sides:
            first = len(columns)
            columns += side_columns(side, headings, standard=with_standard)
            if self.with_mid:
                self.groups.append((first, len(columns) - 1, SIDE_TITLES[side]))
        self.columns = tuple(columns)

    def header_groups(self) -> list[tuple[int, int, str]]:
        """(first column, last column, title) of the header's top row: 中期指标, 年度指标."""
        return list(self.groups)

    @property
    def layout(self):
        return self.document.form.layout

    def side_of(self, column: int) -> str | None:
        key = self.columns[column].key
        return key.split(".", 1)[0] if "." in key else None

    def new_item(self, row: int) -> IndicatorRow:
        items = self.items()
        level1 = items[row - 1].level1 if 0 < row <= len(items) else ""
        return IndicatorRow(level1=level1, annual=Indicator(), mid=Indicator() if self.with_mid else None)

    def choices(self, row: int, column: int) -> list[str] | None:
        key = self.columns[column].key
        if key == "level1":
            return list(layouts.level1_names(self.layout))
        if key.endswith(".level2"):
            level1 = self.effective_level1(row)
            names = layouts.level2_names(self.layout, level1)
            if not names:
                names = tuple(n for children in LAYOUTS[self.layout].values() for n in children)
            return list(names)
        return None

    # --- edits ---------------------------------------------------------------
    def write(self, row: int, column: int, text: str) -> None:
        side = self.side_of(column)
        if side == "mid" and self._items[row].mid is None:
            # An old row without 中期 cells: create them in the same step.
            field = self.columns[column].key.split(".", 1)[1]
            self.document.set_value(f"{self.list_path}[{row}].mid", Indicator(**{field: text}), merge=False)
            return
        super().write(row, column, text)

    def insert_from_library(self, row: int, column: int, entry: dict) -> int:
        """Fill the row's 三级/指标值 from the indicator library, or add a row below when taken.

        Returns the row that received the entry.
        """
        side = self.side_of(column) or "annual"
        items = self.items()
        self.document.begin_macro("从指标库插入")
        try:
            target = row
            current = items[row] if 0 <= row < len(items) else None
            side_value = getattr(current, side, None) if current is not None else None
            if current is None or (side_value is not None and not side_value.blank):
                target = min(row + 1, len(items)) if current is not None else len(items)
                new = self.new_item(target)
                if current is not None:
                    new.level1 = current.level1
                    level2 = side_value.level2 if side_value is not None else ""
                    new.annual.level2 = level2
                    if new.mid is not None:
                        new.mid.level2 = level2
                self.document.insert_row(self.list_path, target, new, "插入行")
            name_col = self.column_for(f"{side}.name")
            value_col = self.column_for(f"{side}.value")
            self.write(target, name_col, str(entry.get("name", "")))
            self.write(target, value_col, str(entry.get("value", "")))
        finally:
            self.document.end_macro()
        return target

    def column_for(self, key: str) -> int:
        for column, spec in enumerate(self.columns):
            if spec.key == key:
                return column
        raise KeyError(key)

