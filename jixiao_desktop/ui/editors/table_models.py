"""Base of the grid models: cells bound to field locations in a :class:`FormDocument`.

Every cell has a location (``indicators[3].annual.value``); edits go through
``document.set_value`` and the model refreshes from the document's
``changed``/``rows_changed`` signals, so undo and redo repaint the grid.
:class:`RowListModel` shows one list of the form (one row per item), with an
optional 合计 footer row bound to a stored total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from jixiao_desktop.forms import locations
from jixiao_desktop.money import format_amount

CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1
LOCATION_ROLE = Qt.ItemDataRole.UserRole + 2

# An explained warning (出错说明 given) is settled: a quiet green, after every open finding.
SEVERITY_COLORS = {"error": "#f9d2d2", "warning": "#fbe8bd", "hint": "#dbe8f8", "explained": "#e2f0e0"}
_MARK_ORDER = ("error", "warning", "hint", "explained")
READ_ONLY_COLOR = "#f1f3f6"
FOOTER_COLOR = "#e9edf2"
MISMATCH_COLOR = "#b3261e"
MARK_ROLES = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]


@dataclass(frozen=True, slots=True)
class Column:
    """One grid column: ``key`` is the field path inside a row ('' for computed columns)."""

    key: str
    header: str
    width: int = 100
    editable: bool = True
    amount: bool = False
    multiline: bool = False
    # Commit while typing (the document, computed cells and checks follow each
    # keystroke, and nothing typed is lost to a save); False for cells whose
    # stored value is not the text typed (committed on leaving the cell).
    live: bool = True


def touches(changed: str, location: str) -> bool:
    """Whether a change at ``changed`` can alter the value at ``location``."""
    return location == changed or location.startswith(changed + ".") or location.startswith(changed + "[")


def mark_key(findings: list) -> str:
    """The mark of a cell or field: its worst open finding's severity, ``explained`` when all it has are
    explained warnings, "" when it has none."""
    keys = {"explained" if getattr(f, "explained", False) else f.severity.value for f in findings}
    return next((k for k in _MARK_ORDER if k in keys), "")


def severity_color(findings: list) -> QColor | None:
    key = mark_key(findings)
    return QColor(SEVERITY_COLORS[key]) if key else None


def findings_tooltip(findings: list) -> str:
    return "\n".join(f"【已说明】{f.message}（出错说明：{f.explanation}）" if getattr(f, "explained", False)
                     else f"【{f.severity.label}】{f.message}" for f in findings)


def amount_text(document, value: Decimal | None) -> str:
    if value is None:
        return ""
    return format_amount(value, document.form.amount_unit)


class DocumentTableModel(QAbstractTableModel):
    """Cells bound to document locations. Subclasses give rows and columns."""

    columns: tuple[Column, ...] = ()
    can_edit_rows = False

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self._findings: dict[str, list] = {}
        self._marks: dict[tuple[int, int], tuple] = {}
        self._cells = None
        document.changed.connect(self._on_changed)
        document.rows_changed.connect(self._on_rows_changed)

    # --- to override ---------------------------------------------------------
    def row_path(self, row: int) -> str | None:
        raise NotImplementedError

    def computed(self, row: int, column: int) -> Any:
        """Display text of a computed cell (``key == ''``)."""
        return ""

    def affected(self, changed: str) -> bool | None:
        """True: repaint everything; None: reset rows; False: not ours."""
        raise NotImplementedError

    # --- locations -----------------------------------------------------------
    def location(self, row: int, column: int) -> str | None:
        path = self.row_path(row)
        key = self.columns[column].key
        if path is None or not key:
            return None
        return f"{path}.{key}"

    def index_for_location(self, location: str) -> QModelIndex | None:
        """The cell showing ``location``, or the first cell of the row it names."""
        for row in range(self.rowCount()):
            path = self.row_path(row)
            if path is None:
                continue
            for column in range(self.columnCount()):
                cell = self.location(row, column)
                if cell is not None and (cell == location or touches(cell, location)):
                    return self.index(row, column)
            if location == path:
                return self.index(row, self.first_editable_column())
        return None

    def first_editable_column(self) -> int:
        for column, spec in enumerate(self.columns):
            if spec.editable and spec.key:
                return column
        return 0

    # --- Qt model ------------------------------------------------------------
    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self.columns[section].header
            return self.row_header(section)
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            for first, last, title in self.header_groups():
                if first <= section <= last:
                    return f"{title} › {self.columns[section].header}"
        return None

    def header_groups(self) -> list[tuple[int, int, str]]:
        """Spans of columns under a common title (a two-level header); none by default."""
        return []

    def row_header(self, row: int) -> str:
        return str(row + 1)

    def row_object(self, row: int):
        """The object holding row ``row``'s fields (None for a footer or no such row)."""
        return None

    def _key_path(self, column: int) -> tuple[str, ...]:
        paths = self.__dict__.get("_key_paths")
        if paths is None or len(paths) != len(self.columns):
            paths = self._key_paths = tuple(tuple(spec.key.split(".")) if spec.key else () for spec in self.columns)
        return paths[column]

    def cell_text(self, row: int, column: int) -> str:
        names = self._key_path(column)
        if not names:
            return ""
        value = self.row_object(row)
        if value is None:
            return self.text_at(self.location(row, column))
        for name in names:
            value = getattr(value, name, None)
            if value is None:
                return ""
        return str(value)

    def text_at(self, location: str | None) -> str:
        """The stored text at a form location ('' when there is none)."""
        if location is None:
            return ""
        try:
            value = locations.resolve(self.document.form, location)
        except (LookupError, ValueError):
            return ""
        return "" if value is None else str(value)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        spec = self.columns[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if not spec.key:
                return self.computed(row, column)
            return self.display_text(row, column) if role == Qt.ItemDataRole.DisplayRole else self.cell_text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            color = severity_color(self.cell_findings(row, column))
            if color is not None:
                return QBrush(color)
            if not self.is_editable(row, column):
                return QBrush(QColor(READ_ONLY_COLOR))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = findings_tooltip(self.cell_findings(row, column))
            return tip or self.tooltip(row, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if spec.amount:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        if role == CHOICES_ROLE:
            return self.choices(row, column)
        if role == LOCATION_ROLE:
            return self.location(row, column)
        return None

    def display_text(self, row: int, column: int) -> str:
        return self.cell_text(row, column)

    def tooltip(self, row: int, column: int) -> str | None:
        return None

    def foreground(self, row: int, column: int):
        return None

    def choices(self, row: int, column: int) -> list[str] | None:
        return None

    def is_editable(self, row: int, column: int) -> bool:
        return self.columns[column].editable and self.location(row, column) is not None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index.row(), index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.is_editable(index.row(), index.column()):
            return False
        text = "" if value is None else str(value)
        if self.cell_text(index.row(), index.column()) == text:
            return True
        self.write(index.row(), index.column(), text)
        return True

    def write(self, row: int, column: int, text: str) -> None:
        """Store ``text`` in a cell (undoable). Subclasses add related edits."""
        self.document.set_value(self.location(row, column), text)

    # --- bulk edits (one undo step each) ------------------------------------
    def paste(self, row: int, column: int, block: list[list[str]]) -> None:
        """Paste a block of texts with its top-left at (row, column), as one undo step."""
        self.document.begin_macro("粘贴")
        try:
            self.ensure_rows(row + len(block))
            for r, cells in enumerate(block):
                for c, text in enumerate(cells):
                    target = column + c
                    if target >= self.columnCount():
                        break
                    if self.is_editable(row + r, target) and self.cell_text(row + r, target) != text:
                        self.write(row + r, target, text)
        finally:
            self.document.end_macro()

    def clear(self, indexes: list[QModelIndex]) -> None:
        cells = [i for i in indexes if self.is_editable(i.row(), i.column()) and self.cell_text(i.row(), i.column())]
        if not cells:
            return
        self.document.begin_macro("清除内容")
        try:
            for index in cells:
                self.write(index.row(), index.column(), "")
        finally:
            self.document.end_macro()

    def ensure_rows(self, count: int) -> None:
        """Lists grow to hold ``count`` data rows (fixed grids ignore this)."""

    # --- findings ------------------------------------------------------------
    def set_findings(self, by_location: dict[str, list]) -> None:
        """Take the findings by location; repaint only the cells whose marks changed."""
        self._findings = by_location
        self._update_marks()

    def _update_marks(self) -> None:
        marks = self._cell_marks(self._findings)
        old, self._marks = self._marks, marks
        for row, column in old.keys() | marks.keys():
            if old.get((row, column)) != marks.get((row, column)) and row < self.rowCount():
                index = self.index(row, column)
                self.dataChanged.emit(index, index, MARK_ROLES)

    def _cell_marks(self, by_location: dict[str, list]) -> dict[tuple[int, int], tuple]:
        """(row, column) → the findings shown on that cell (a row's findings on its first cell)."""
        if not by_location:
            return {}
        cells, rows = self._cell_index()
        marks: dict[tuple[int, int], tuple] = {}
        for table in (cells, rows):
            for location, found in by_location.items():
                cell = table.get(location)
                if cell is not None and found:
                    marks[cell] = marks.get(cell, ()) + tuple(found)
        return marks

    def _cell_index(self) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
        """Cell location → cell and row path → first cell; cached until the rows change."""
        if self._cells is None:
            cells: dict[str, tuple[int, int]] = {}
            rows: dict[str, tuple[int, int]] = {}
            for row in range(self.rowCount()):
                for column in range(self.columnCount()):
                    location = self.location(row, column)
                    if location is not None:
                        cells.setdefault(location, (row, column))
                path = self.row_path(row)
                if path is not None:
                    rows.setdefault(path, (row, 0))
            self._cells = (cells, rows)
        return self._cells

    def cell_findings(self, row: int, column: int) -> tuple:
        return self._marks.get((row, column), ()) if self._marks else ()

    # --- document signals ----------------------------------------------------
    def reset(self) -> None:
        """Rows were added, removed, moved or replaced: rebuild everything."""
        self.beginResetModel()
        self.refresh_rows()
        self._cells = None
        self._marks = {}
        self.endResetModel()
        self._update_marks()

    def refresh_rows(self) -> None:
        """Hook: re-read the row objects from the form."""

    def _repaint_all(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def repaint_cells(self, cells) -> None:
        """Repaint the given (row, column) cells, each alone."""
        rows, columns = self.rowCount(), self.columnCount()
        for row, column in dict.fromkeys(cells):
            if 0 <= row < rows and 0 <= column < columns:
                index = self.index(row, column)
                self.dataChanged.emit(index, index)

    def _on_changed(self, changed: str) -> None:
        verdict = self.affected(changed)
        if verdict is None:
            self.reset()
        elif verdict:
            self.repaint_for(changed)

    def repaint_for(self, changed: str) -> None:
        """Repaint what a change at ``changed`` alters (everything unless told better)."""
        self._repaint_all()

    def columns_for(self, key: str) -> list[int]:
        """Columns showing the field ``key`` of a row or a part of it ('' = the whole row)."""
        return [c for c, spec in enumerate(self.columns)
                if spec.key and (not key or touches(key, spec.key) or touches(spec.key, key))]

    def dependents(self, row: int, column: int) -> list[tuple[int, int]]:
        """Cells whose display follows cell (row, column): the row's computed cells by default."""
        return [(row, c) for c, spec in enumerate(self.columns) if not spec.key]

    def _on_rows_changed(self, list_path: str) -> None:
        pass
