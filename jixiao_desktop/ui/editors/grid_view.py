"""The grid view every editor uses: spreadsheet keys, copy/paste with Excel/WPS, row commands.

Enter moves down, Tab moves right and on to the next row, arrows move;
Tab from the last cell (Shift+Tab from the first, Ctrl+Tab from any) leaves
the grid for the next (previous) widget. Typing starts editing; Enter or Tab
commits it as one undo step, Esc takes it back leaving none. Ctrl+C copies the
selected cells as TSV, Ctrl+X copies and clears them, Ctrl+V pastes a TSV
block at the current cell (rows are added as needed) as one undo step.
Row commands: Ctrl+Insert 插入行 (above, as in Excel), Ctrl+Alt+Insert 在下方插入行,
Ctrl+Shift+Insert 在末尾添加行, Ctrl+Delete 删除行, Alt+↑/↓ 上移/下移.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QTableView,
    QToolTip,
)

from jixiao_desktop.ui.editors.grid_clipboard import ClipboardCommands
from jixiao_desktop.ui.editors.grid_delegate import ORIGINAL, UNDO_MARK, GridDelegate
from jixiao_desktop.ui.editors.group_header import GroupHeader


class GridView(ClipboardCommands, QTableView):
    """A QTableView over a :class:`DocumentTableModel`, keyboard-driven like a spreadsheet."""

    activated_row = Signal(int)  # double-click on a read-only cell (附表2 → 附表3)
    rows_fitted = Signal()  # row heights were measured again

    def __init__(self, model, parent=None, choose_indicator=None):
        super().__init__(parent)
        self.choose_indicator = choose_indicator
        if model.parent() is None:
            model.setParent(self)
        groups = model.header_groups()
        if groups:
            self.setHorizontalHeader(GroupHeader(groups, self))
        self.setModel(model)
        self.setItemDelegate(GridDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setHighlightSections(False)
        stretch = any(spec.multiline for spec in model.columns)
        for column, spec in enumerate(model.columns):
            self.setColumnWidth(column, spec.width)
            if spec.multiline:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(not stretch)
        # Rows take the height of their text, measured only for the rows that changed.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._rows_to_fit: set[int] | None = None  # None: every row
        self._row_timer = QTimer(self)
        self._row_timer.setSingleShot(True)
        self._row_timer.timeout.connect(self.fit_rows)
        header.sectionResized.connect(self._fit_all_rows_later)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self._fit_all_rows_later)
        model.dataChanged.connect(self._fit_changed_rows_later)
        self._row_timer.start(0)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.doubleClicked.connect(self._double_clicked)
        if hasattr(model, "input_rejected"):
            model.input_rejected.connect(self._show_rejection)
        self._actions = self._make_actions()
        self._forwarding = False

    # --- row heights ---------------------------------------------------------
    def _fit_all_rows_later(self, *_args) -> None:
        self._rows_to_fit = None
        self._row_timer.start(0)

    def _fit_changed_rows_later(self, top_left, bottom_right, roles=()) -> None:
        if roles and Qt.ItemDataRole.DisplayRole not in roles and Qt.ItemDataRole.EditRole not in roles:
            return  # only colours or tooltips changed
        if self._rows_to_fit is not None:
            self._rows_to_fit.update(range(top_left.row(), bottom_right.row() + 1))
        self._row_timer.start(0)

    def ensure_rows_fitted(self) -> None:
        """Measure the waiting rows now (before the grid is first painted)."""
        if self._row_timer.isActive():
            self.fit_rows()

    def showEvent(self, event) -> None:
        self.ensure_rows_fitted()
        super().showEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_all_rows_later()

    def fit_rows(self) -> None:
        """Give the waiting rows the height of their contents (all rows after a reset)."""
        self._row_timer.stop()
        rows, self._rows_to_fit = self._rows_to_fit, set()
        if rows is None:
            self.resizeRowsToContents()
        else:
            count = self.model().rowCount()
            for row in sorted(rows):
                if row < count:
                    self.resizeRowToContents(row)
        self.rows_fitted.emit()

    # --- actions -------------------------------------------------------------
    def _make_actions(self) -> dict[str, QAction]:
        specs = [
            ("cut", "剪切", QKeySequence.StandardKey.Cut, self.cut_selection),
            ("copy", "复制", QKeySequence.StandardKey.Copy, self.copy_selection),
            ("paste", "粘贴", QKeySequence.StandardKey.Paste, self.paste_clipboard),
            ("clear", "清除内容", QKeySequence("Del"), self.clear_selection),
        ]
        if self.model().can_edit_rows:
            specs += [
                ("insert", "插入行", QKeySequence("Ctrl+Insert"), self.insert_row),
                ("insert_below", "在下方插入行", QKeySequence("Ctrl+Alt+Insert"), self.insert_row_below),
                ("append", "在末尾添加行", QKeySequence("Ctrl+Shift+Insert"), self.append_row),
                ("remove", "删除行", QKeySequence("Ctrl+Delete"), self.remove_rows),
                ("up", "上移", QKeySequence("Alt+Up"), lambda: self.move_current_row(-1)),
                ("down", "下移", QKeySequence("Alt+Down"), lambda: self.move_current_row(1)),
            ]
        actions = {}
        for name, text, shortcut, slot in specs:
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions[name] = action
        if self.choose_indicator is not None and hasattr(self.model(), "insert_from_library"):
            action = QAction("从指标库插入…", self)
            action.triggered.connect(self.insert_from_library)
            actions["library"] = action
        return actions

    def action(self, name: str) -> QAction | None:
        return self._actions.get(name)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for name in ("insert", "insert_below", "append", "remove", "up", "down", None, "library", None,
                     "cut", "copy", "paste", "clear"):
            if name is None:
                menu.addSeparator()
            elif name in self._actions:
                menu.addAction(self._actions[name])
        menu.exec(self.viewport().mapToGlobal(pos))

    # --- keyboard ------------------------------------------------------------
    def keyPressEvent(self, event):
        editor = self.open_editor()
        if editor is not None and not self._forwarding and event.text().isprintable() and event.text():
            # A typed key reached the grid while its cell editor is open (the editor
            # has not taken the focus yet): it belongs to the editor, not lost.
            self._forwarding = True
            try:
                editor.setFocus()
                QApplication.sendEvent(editor.focusProxy() or editor, event)
            finally:
                self._forwarding = False
            return
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Ctrl+Tab / Ctrl+Shift+Tab: out of the grid, whatever the cell (as out of any widget that takes Tab).
            forward = key == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self._leave(forward)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain and self.state() != QAbstractItemView.State.EditingState:
            self.move_to(self.currentIndex().row() + 1, self.currentIndex().column())
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Cut):
            self.cut_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
            return
        if key == Qt.Key.Key_Delete and plain:
            self.clear_selection()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        """Tab moves along the cells; from the last cell on to the widget after the grid, Shift+Tab from
        the first cell back to the widget before it (no wrapping round)."""
        if self.tabKeyNavigation() and self._at_end(forward):
            return self._leave(forward)
        return super().focusNextPrevChild(forward)

    def _at_end(self, forward: bool) -> bool:
        """Whether Tab (Shift+Tab) from the current cell would wrap round to the other end of the grid."""
        current = self.currentIndex()
        if not current.isValid():
            return False
        action = QAbstractItemView.CursorAction.MoveNext if forward else QAbstractItemView.CursorAction.MovePrevious
        step = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if not step.isValid() or step == current:
            return True
        here, there = (current.row(), current.column()), (step.row(), step.column())
        return there < here if forward else there > here

    def _leave(self, forward: bool) -> bool:
        """Give the focus to the widget after (before) the grid in the window's tab order."""
        self.setTabKeyNavigation(False)
        try:
            return super().focusNextPrevChild(forward)
        finally:
            self.setTabKeyNavigation(True)

    def open_editor(self):
        """The editor of the current cell while editing, else None."""
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        return self.indexWidget(self.currentIndex())

    def closeEditor(self, editor, hint):
        document = getattr(self.model(), "document", None)
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            # Esc: the cell goes back to what it held before editing (typing was committed live),
            # leaving no undo step.
            index = self.currentIndex()
            mark = editor.property(UNDO_MARK)
            if document is not None and mark is not None:
                document.revert_edit(int(mark))
            original = editor.property(ORIGINAL)
            if original is not None and index.isValid() and index.data(Qt.ItemDataRole.EditRole) != original:
                self.model().setData(index, original, Qt.ItemDataRole.EditRole)
            super().closeEditor(editor, hint)
            return
        if document is not None:
            document.end_typing()  # the edit is committed: typing here again is a new undo step
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            # Enter in a cell editor: commit, then go down like a spreadsheet.
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            current = self.currentIndex()
            self.move_to(current.row() + 1, current.column())
            return
        if hint == QAbstractItemDelegate.EndEditHint.EditNextItem and self._at_end(True):
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._leave(True)
            return
        if hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem and self._at_end(False):
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._leave(False)
            return
        super().closeEditor(editor, hint)

    def move_to(self, row: int, column: int) -> None:
        model = self.model()
        row = max(0, min(row, model.rowCount() - 1))
        column = max(0, min(column, model.columnCount() - 1))
        index = model.index(row, column)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    # --- clipboard -----------------------------------------------------------
    def commit_open_editor(self) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            editor = self.open_editor()
            if editor is not None:
                self.commitData(editor)
                self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    # --- rows ----------------------------------------------------------------
    def _current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else self.model().item_count()

    def insert_row(self, below: bool = False) -> None:
        """插入行: a new row above the current one, as in Excel (below it with ``below``); at the end
        when no row is current."""
        self.commit_open_editor()
        valid = self.currentIndex().isValid()
        row = min(self._current_row() + (1 if below else 0), self.model().item_count())
        if not valid:
            row = self.model().item_count()
        column = max(self.currentIndex().column(), 0)
        self.model().insert_rows(row)
        self.move_to(row, column if valid else self.model().first_editable_column())

    def insert_row_below(self) -> None:
        self.insert_row(below=True)

    def append_row(self) -> None:
        row = self.model().item_count()
        self.model().insert_rows(row)
        self.move_to(row, self.model().first_editable_column())

    def remove_rows(self) -> None:
        model = self.model()
        rows = {i.row() for i in self.selectedIndexes()} or {self._current_row()}
        column = max(self.currentIndex().column(), 0)
        first = min(rows)
        model.remove_rows(sorted(rows))
        if model.rowCount():
            self.move_to(min(first, max(model.item_count() - 1, 0)), column)

    def move_current_row(self, delta: int) -> None:
        index = self.currentIndex()
        if not index.isValid():
            return
        target = self.model().move_row(index.row(), delta)
        self.move_to(target, index.column())

    def insert_from_library(self) -> None:
        index = self.currentIndex()
        model = self.model()
        if self.choose_indicator is None:
            return
        row = index.row() if index.isValid() else model.item_count()
        column = index.column() if index.isValid() else 0
        side = model.side_of(column) or "annual"
        level1 = model.effective_level1(row) if row < model.item_count() else ""
        level2 = model.effective_level2(row, model.column_for(f"{side}.level2")) if row < model.item_count() else ""
        entry = self.choose_indicator(level1, level2)
        if entry:
            target = model.insert_from_library(row, column, entry)
            self.move_to(target, model.column_for(f"{side}.name"))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and not (self.model().flags(index) & Qt.ItemFlag.ItemIsEditable):
            self.activated_row.emit(index.row())

    def _show_rejection(self, message: str) -> None:
        rect = self.visualRect(self.currentIndex())
        QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), message, self)

    def focus_cell(self, index: QModelIndex) -> None:
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

