"""The open document: the form, its file, its undo history, and change signals.

Every edit of every editor goes through this object as an undoable command on
one QUndoStack, addressed by a field location (``funding.mid.total``): so undo
and redo work across the whole document, the modified mark follows the undo
stack's clean state, and the checks re-run from one ``changed`` signal.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from jixiao_desktop.forms import FormBase
from jixiao_desktop.forms import locations
from jixiao_desktop.storage import save as save_document
from jixiao_desktop.storage.docfile import repair_text

_SET_VALUE_ID = 1001


class FormDocument(QObject):
    """One open form. ``changed(location)`` fires after every edit, undo and redo;
    ``rows_changed(list_path)`` after rows are inserted, removed or moved."""

    changed = Signal(str)
    rows_changed = Signal(str)
    modified_changed = Signal(bool)
    path_changed = Signal(object)

    def __init__(self, form: FormBase, path: str | Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.form = form
        self.path: Path | None = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._typing = 0  # the current typing session: keystrokes of one session merge into one step

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # --- state -------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def value(self, location: str) -> Any:
        return locations.resolve(self.form, location)

    # --- edits ------------------------------------------------------------
    def set_value(self, location: str, value: Any, *, merge: bool = True) -> None:
        """Set a field (undoable). Consecutive typing in one field merges into one undo step, until the
        edit is committed (:meth:`end_typing`): typing in the same cell again is a step of its own."""
        if isinstance(value, str):
            value = repair_text(value)  # a lone surrogate from a damaged paste could never be saved
        if locations.resolve(self.form, location) == value:
            return
        self.undo_stack.push(_SetValue(self, location, value, merge, self._follow_ups(location, value)))

    def _follow_ups(self, location: str, value: Any) -> list[tuple[str, Any]]:
        """Cells computed from this one that follow it in the same undo step (a 自评表's 得分, 总分, 等级)."""
        if getattr(self.form, "kind", "") != "template" or not isinstance(value, str):
            return []
        from jixiao_desktop.selfeval.live import follow_ups

        return follow_ups(self.form, location, value)

    def end_typing(self) -> None:
        """An edit was committed (Enter, Tab, leaving the field): the next keystroke starts a new undo step."""
        self._typing += 1

    def begin_edit(self) -> int:
        """A cell editor opens: a new typing session; returns the mark :meth:`revert_edit` goes back to."""
        self.end_typing()
        return self.undo_stack.index()

    def revert_edit(self, mark: int) -> None:
        """Esc in a cell editor: undo what its typing did since ``mark`` and forget it, leaving no undo
        (or redo) step; back at the saved state the document is unchanged again."""
        stack = self.undo_stack
        if mark < 0 or stack.index() <= mark or stack.index() != stack.count():
            self.end_typing()
            return
        stack.setIndex(mark)
        drop = QUndoCommand("")
        drop.setObsolete(True)
        stack.push(drop)  # an obsolete command is not kept; pushing it drops the undone steps
        self.end_typing()

    def insert_row(self, list_path: str, index: int, item: Any, text: str = "插入行") -> None:
        self.undo_stack.push(_InsertRow(self, list_path, index, item, text))

    def remove_row(self, list_path: str, index: int, text: str = "删除行") -> None:
        self.undo_stack.push(_RemoveRow(self, list_path, index, text))

    def move_row(self, list_path: str, source: int, target: int, text: str = "移动行") -> None:
        if source != target:
            self.undo_stack.push(_MoveRow(self, list_path, source, target, text))

    def begin_macro(self, text: str) -> None:
        """Group several edits (a paste) into one undo step; end with :meth:`end_macro`."""
        self.undo_stack.beginMacro(text)

    def end_macro(self) -> None:
        self.undo_stack.endMacro()

    # --- files -------------------------------------------------------------
    def save(self, path: str | Path | None = None) -> None:
        """Save (atomically) to ``path`` or the current file; raises DocumentError."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no file name")
        save_document(self.form, target)
        self.undo_stack.setClean()
        if target != self.path:
            self.path = target
            self.path_changed.emit(target)

    def snapshot(self) -> FormBase:
        """A deep copy of the form (for autosave in the background)."""
        return copy.deepcopy(self.form)


class _SetValue(QUndoCommand):
    """One cell set, with the cells computed from it (``follow``: location → value) set in the same step."""

    def __init__(self, doc: FormDocument, location: str, value: Any, merge: bool,
                 follow: list[tuple[str, Any]] = ()):
        super().__init__(f"修改 {locations.describe(doc.form, location)}")
        self.doc, self.location, self.new, self.merge = doc, location, value, merge
        self.session = doc._typing
        self.old = locations.resolve(doc.form, location)
        self.follow = {where: (locations.resolve(doc.form, where), new) for where, new in follow}

    def id(self) -> int:
        return _SET_VALUE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (not isinstance(other, _SetValue) or other.location != self.location or not other.merge
                or other.session != self.session):
            return False
        self.new = other.new
        for where, (old, new) in other.follow.items():
            self.follow[where] = (self.follow[where][0] if where in self.follow else old, new)
        return True

    def redo(self) -> None:
        locations.assign(self.doc.form, self.location, self.new)
        for where, (_old, new) in self.follow.items():
            locations.assign(self.doc.form, where, new)
        self.doc.changed.emit(self.location)
        for where in self.follow:
            self.doc.changed.emit(where)

    def undo(self) -> None:
        for where, (old, _new) in reversed(self.follow.items()):
            locations.assign(self.doc.form, where, old)
        locations.assign(self.doc.form, self.location, self.old)
        self.doc.changed.emit(self.location)
        for where in self.follow:
            self.doc.changed.emit(where)


class _InsertRow(QUndoCommand):
    def __init__(self, doc: FormDocument, list_path: str, index: int, item: Any, text: str):
        super().__init__(text)
        self.doc, self.list_path, self.index, self.item = doc, list_path, index, item

    def redo(self) -> None:
        locations.insert_item(self.doc.form, self.list_path, self.index, self.item)
        self.doc.rows_changed.emit(self.list_path)
        self.doc.changed.emit(self.list_path)

    def undo(self) -> None:
        locations.remove_item(self.doc.form, self.list_path, self.index)
        self.doc.rows_changed.emit(self.list_path)
        self.doc.changed.emit(self.list_path)


class _RemoveRow(QUndoCommand):
    def __init__(self, doc: FormDocument, list_path: str, index: int, text: str):
        super().__init__(text)
        self.doc, self.list_path, self.index = doc, list_path, index
        self.item = None

    def redo(self) -> None:
        self.item = locations.remove_item(self.doc.form, self.list_path, self.index)
        self.doc.rows_changed.emit(self.list_path)
        self.doc.changed.emit(self.list_path)

    def undo(self) -> None:
        locations.insert_item(self.doc.form, self.list_path, self.index, self.item)
        self.doc.rows_changed.emit(self.list_path)
        self.doc.changed.emit(self.list_path)


class _MoveRow(QUndoCommand):
    def __init__(self, doc: FormDocument, list_path: str, source: int, target: int, text: str):
        super().__init__(text)
        self.doc, self.list_path, self.source, self.target = doc, list_path, source, target

    def redo(self) -> None:
        locations.move_item(self.doc.form, self.list_path, self.source, self.target)
        self.doc.rows_changed.emit(self.list_path)
        self.doc.changed.emit(self.list_path)

    def undo(self) -> None:
        locations.move_item(self.doc.form, self.list_path, self.target, self.source)
        self.doc.rows_changed.emit(self.list_path)
        self.doc.changed.emit(self.list_path)
