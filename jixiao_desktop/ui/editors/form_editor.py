"""What the project and department editors share: tabs, bound-field factories,
jumping to a location, and marking findings."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from jixiao_desktop.forms import locations
from jixiao_desktop.ui.editors.fields import FIELD_STYLE, BoundEnumCombo, BoundLineEdit, BoundTextEdit
from jixiao_desktop.ui.editors.grid_view import GridView
from jixiao_desktop.ui.editors.table_models import touches

HINT = ("Enter 下移，Tab 右移（最后一格按 Tab 离开表格），直接输入即可修改，Esc 取消本格的修改；"
        "Ctrl+C/Ctrl+X/Ctrl+V 可与 Excel、WPS 互相复制、剪切、粘贴；Ctrl+F 查找，Ctrl+H 替换；右键可插入、删除、移动行。")


def field_title(form, location: str) -> str:
    return locations.describe(form, location).split(" › ")[-1]


class FormEditor(QWidget):
    """A tabbed editor over one document. Subclasses build the pages."""

    def __init__(self, document, parent=None, choose_indicator=None, lazy: bool = False):
        super().__init__(parent)
        self.lazy = lazy
        self._pending: dict[int, object] = {}
        self.document = document
        self.choose_indicator = choose_indicator
        self.fields: list = []
        self.grids: list[GridView] = []
        self._by_location: dict[str, list] = {}
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self.build_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.setStyleSheet(FIELD_STYLE)

    @property
    def form(self):
        return self.document.form

    # --- pages -----------------------------------------------------------------
    def add_page(self, title: str, factory) -> None:
        """A tab made by ``factory()``: at once, or — for a window opening at start-up (``lazy``) — the
        shown tab first and the others on the event loop's next turn, after the first paint."""
        if self.lazy:
            self._pending[self.tabs.addTab(QWidget(), title)] = factory
        else:
            self.tabs.addTab(factory(), title)

    def finish_pages(self, current: int = 0) -> None:
        """Called by each editor after its last :meth:`add_page`."""
        if self._pending:
            self.build_page(current)
            from jixiao_desktop.ui.first_paint import after_first_paint

            after_first_paint(self, self.build_all)
        self.tabs.setCurrentIndex(current)

    def build_page(self, index: int) -> None:
        factory = self._pending.pop(index, None)
        if factory is None:
            return
        widget, title, current = factory(), self.tabs.tabText(index), self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, title)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        placeholder.deleteLater()
        self.refresh_marks()

    def build_all(self) -> None:
        for index in sorted(self._pending):
            self.build_page(index)

    # --- factories -----------------------------------------------------------
    def line(self, location: str, placeholder: str = "") -> BoundLineEdit:
        widget = BoundLineEdit(self.document, location, placeholder=placeholder)
        self.fields.append(widget)
        return widget

    def text(self, location: str, lines: int = 3, placeholder: str = "") -> BoundTextEdit:
        widget = BoundTextEdit(self.document, location, lines=lines, placeholder=placeholder)
        self.fields.append(widget)
        return widget

    def choice(self, location: str, enum_type) -> BoundEnumCombo:
        widget = BoundEnumCombo(self.document, location, enum_type)
        self.fields.append(widget)
        return widget

    def grid(self, model) -> GridView:
        view = GridView(model, choose_indicator=self.choose_indicator)
        self.grids.append(view)
        model.set_findings(self._by_location)
        return view

    def title(self, location: str) -> str:
        return field_title(self.form, location)

    def add_line(self, sheet, location: str, full: bool = False, placeholder: str = ""):
        add = sheet.add_full if full else sheet.add
        return add(self.title(location), self.line(location, placeholder))

    def add_text(self, sheet, location: str, lines: int = 3, full: bool = True, placeholder: str = ""):
        add = sheet.add_full if full else sheet.add
        return add(self.title(location), self.text(location, lines, placeholder))

    # --- navigation ----------------------------------------------------------
    def prepare_location(self, location: str) -> None:
        """Hook: make the page holding ``location`` current (附表3 pages)."""

    def focus_location(self, location: str) -> bool:
        """Show and focus the field or cell at ``location`` (or the nearest one holding it)."""
        try:
            locations.parse(location)
        except ValueError:
            return False
        self.build_all()
        self.prepare_location(location)
        candidates = [location]
        path = location
        while "." in path or "[" in path:
            path = path[: max(path.rfind("."), path.rfind("["))]
            candidates.append(path)
        for candidate in candidates:
            if self._focus_exact(candidate) or self._focus_within(candidate):
                return True
        return False

    def _focus_exact(self, location: str) -> bool:
        for widget in self.fields:
            if widget.location == location and self._reachable(widget):
                self._show(widget)
                widget.setFocus()
                return True
        for view in self.grids:
            if not self._reachable(view):
                continue
            index = view.model().index_for_location(location)
            if index is not None and index.isValid():
                self._show(view)
                view.focus_cell(index)
                return True
        return False

    def _focus_within(self, prefix: str) -> bool:
        for widget in self.fields:
            if touches(prefix, widget.location) and self._reachable(widget):
                self._show(widget)
                widget.setFocus()
                return True
        for view in self.grids:
            model = view.model()
            if self._reachable(view) and touches(prefix, getattr(model, "list_path", "\0")):
                self._show(view)
                view.setFocus()
                return True
        return False

    def _reachable(self, widget: QWidget) -> bool:
        """Whether the widget is on one of the tabs (not on a hidden page)."""
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is widget or page.isAncestorOf(widget):
                return True
        return False

    def _show(self, widget: QWidget) -> None:
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is widget or page.isAncestorOf(widget):
                self.tabs.setCurrentIndex(i)
                break
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget, 40, 80)
                break
            parent = parent.parentWidget()

    # --- findings ------------------------------------------------------------
    def mark_findings(self, findings: list) -> None:
        """Tint the fields and cells that have findings; their tooltips carry the messages."""
        by_location: dict[str, list] = defaultdict(list)
        for finding in findings:
            by_location[finding.location].append(finding)
        self._by_location = dict(by_location)
        self.refresh_marks()

    def refresh_marks(self) -> None:
        for widget in self.fields:
            widget.mark(self._by_location.get(widget.location, []))
        for view in self.grids:
            view.model().set_findings(self._by_location)
