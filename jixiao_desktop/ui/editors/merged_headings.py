"""The merged 一级/二级 cells of an indicator grid, as on the paper form.

Column 0 is the 一级; columns whose key ends in ``level2`` are 二级. A blank heading under a filled one
is that heading (:mod:`jixiao_desktop.forms.merged_levels`, as the checks, printing and Excel read it):
its tooltip says which, the 二级 lists it offers follow it, and the 一级 column draws one heading per run
of rows, blank below its first row. Nothing is filled in: what was typed (or left blank) stays.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from jixiao_desktop.forms import layouts
from jixiao_desktop.forms.merged_levels import carry_levels, inherited


class MergedLevel1:
    """Mixed into an indicator grid model (before its row-list base)."""

    _levels_cache: dict[int, list[tuple[str, str]]] | None = None

    # --- the headings as read ------------------------------------------------------
    def level2_columns(self) -> list[int]:
        return [c for c, spec in enumerate(self.columns) if spec.key.rsplit(".", 1)[-1] == "level2"]

    def _levels(self) -> dict[int, list[tuple[str, str]]]:
        """Level-2 column (or -1 when there is none) → each row's (一级, 二级) as read."""
        if self._levels_cache is None:
            rows = range(self.item_count())
            level1 = [self.cell_text(r, 0) for r in rows]
            cache = {}
            for column in self.level2_columns() or [-1]:
                level2 = [self.cell_text(r, column) if column >= 0 else "" for r in rows]
                cache[column] = carry_levels(zip(level1, level2))
            self._levels_cache = cache
        return self._levels_cache

    def effective_level1(self, row: int) -> str:
        levels = next(iter(self._levels().values()))
        return levels[row][0] if 0 <= row < len(levels) else ""

    def effective_level2(self, row: int, column: int) -> str:
        levels = self._levels().get(column)
        return levels[row][1] if levels is not None and 0 <= row < len(levels) else ""

    def effective_text(self, row: int, column: int) -> str:
        """The heading a 一级/二级 cell stands for (its own or the one above); other cells as typed."""
        if column == 0:
            return self.effective_level1(row)
        if column in self.level2_columns():
            return self.effective_level2(row, column)
        return self.cell_text(row, column)

    def _on_changed(self, changed: str) -> None:
        self._levels_cache = None
        super()._on_changed(changed)

    def refresh_rows(self) -> None:
        self._levels_cache = None
        super().refresh_rows()

    # --- display -------------------------------------------------------------------
    def display_text(self, row: int, column: int) -> str:
        text = self.cell_text(row, column)
        if column == 0 and row > 0 and text:
            if layouts.canonical(self.effective_level1(row - 1)) == layouts.canonical(text):
                return ""
        return text

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row, column = index.row(), index.column()
            if column == 0 or column in self.level2_columns():
                tip = super().data(index, role)
                typed, effective = self.cell_text(row, column), self.effective_text(row, column)
                same = f"同上：{effective.strip()}" if inherited(typed, effective) else typed
                return "\n".join(t for t in (tip, same) if t) or None
        return super().data(index, role)

    def dependents(self, row: int, column: int) -> list[tuple[int, int]]:
        cells = super().dependents(row, column)
        if column != 0 and column not in self.level2_columns():
            return cells
        # The rows below that take this heading (merged look, tooltips, lists), and the first row with
        # a heading of its own (drawn blank or not after the one above).
        headings = [0, *self.level2_columns()] if column == 0 else [column]
        for below in range(row + 1, self.item_count()):
            if self.cell_text(below, column).strip():
                cells.append((below, column))
                break
            cells += [(below, c) for c in headings]
        return cells

    def group_start(self, row: int) -> bool:
        """Whether the row begins a new 一级 group."""
        return row == 0 or self.display_text(row, 0) != ""
