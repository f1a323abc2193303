"""The editor of a document of any template (表样), generated from the template.

Header fields, amount tables (with their 合计 row computed live), one- or two-sided indicator grids
with the template's own columns, child forms (附表3 under each 附表2 row, a 绩效目标表 per sub-project)
reached from their parent row, and the sign-off block: each made from what the template declares, in
paper order. Consecutive header fields and amount tables share a page; each indicator table and
each set of child forms gets a tab of its own. Everything the seed editors do comes from the shared
parts: every edit is an undo step on the document, findings mark their cells, Tab/Enter/arrows and
Excel paste work in every grid.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.forms import locations
from jixiao_desktop.templates.schema import AmountTable, ChildForms, FieldsSection, IndicatorTable, SignOffSection
from jixiao_desktop.ui.editors.fields import BoundField
from jixiao_desktop.ui.editors.form_editor import HINT, FormEditor
from jixiao_desktop.ui.editors.sheet import Sheet, fit_to_rows, grid_panel, scroll_page
from jixiao_desktop.ui.editors.template_indicators import IndicatorSideModel
from jixiao_desktop.ui.editors.template_models import AmountTableModel

PLACEHOLDERS = {
    "year": "如 2025", "date": "如 2025年6月30日", "period": "如 2025年1月-2025年12月", "phone": "如 0871-12345678",
    "percent": "如 95%", "count": "数量", "code": "编码",
}
_HALF_WIDTH = ("amount", "date", "year", "phone", "code", "count", "percent", "choice", "period")


class BoundChoice(QComboBox, BoundField):
    """A choice from the template's list (项目性质: 持续性 / 一次性). The clerk may also type another
    text (a form of last year, an imported file): it is kept and shown, never dropped."""

    def __init__(self, document, location: str, choices: list[str], parent=None, tooltip: str = ""):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems([""] + list(choices))
        self.currentTextChanged.connect(self._push)
        self._updating = True
        self.bind(document, location, tooltip)

    def _push(self, text: str) -> None:
        if not self._updating and self.location:
            self.document.set_value(self.location, text)

    def refresh(self) -> None:
        value, exists = self.stored()
        self.setEnabled(exists)
        text = value if isinstance(value, str) else ""
        self._updating = True
        try:
            if self.currentText() != text:
                self.setCurrentText(text)
        finally:
            self._updating = False


def _pages(sections) -> list[tuple[str, list]]:
    """The sections in paper order, cut into tabs: header fields and amount tables share a page; an
    indicator table or a set of child forms has one of its own."""
    pages: list[tuple[str, list]] = []
    current: list = []

    def flush():
        if current:
            first = current[0]
            title = getattr(first, "title", "") or getattr(first, "label", "")
            if isinstance(first, SignOffSection):
                title = "签章"
            pages.append((title or ("基本信息" if not pages else "其他"), list(current)))
            current.clear()

    for section in sections:
        if isinstance(section, (IndicatorTable, ChildForms)):
            flush()
            pages.append((section.label, [section]))
        else:
            current.append(section)
    flush()
    if pages and not isinstance(pages[0][1][0], (IndicatorTable, ChildForms)):
        pages[0] = ("基本信息", pages[0][1])
    return pages


class TemplateEditor(FormEditor):
    """Tabs made from the document's template; see the module's docstring."""

    def __init__(self, document, parent=None, choose_indicator=None, lazy: bool = False):
        super().__init__(document, parent, choose_indicator, lazy)
        self.loaded = self.form.loaded
        self.child_pages: dict[str, ChildFormsPage] = {}
        for number, (title, sections) in enumerate(_pages(self.loaded.template.section)):
            self.add_page(title, lambda n=number, s=sections: self._page(n, s))
        self.finish_pages(0)

    def _page(self, number: int, sections: list) -> QWidget:
        if isinstance(sections[0], IndicatorTable):
            return self._indicator_page(sections[0])
        if isinstance(sections[0], ChildForms):
            page = ChildFormsPage(self, sections[0])
            self.child_pages[sections[0].id] = page
            return page
        meta = self.loaded.meta
        sheet = Sheet(meta.title or meta.name, self._note()) if number == 0 else Sheet()
        if number == 0:
            self.head_sheet = sheet
            self._year_field(sheet)
        self.add_sections(sheet, sections, "content.")
        return scroll_page(sheet)

    # --- pieces ------------------------------------------------------------------
    def _note(self) -> str:
        parts = []
        if self.form.year:
            parts.append(f"（{self.form.year}年度）")
        parts.append(f"金额单位：{self.form.amount_unit.value}")
        return "　".join(parts)

    def _year_field(self, sheet: Sheet) -> None:
        """The document's 年度, where the template has no field of its own for it."""
        has_year = any(f.role == "year" for s in self.loaded.template.section
                       if isinstance(s, (FieldsSection, SignOffSection)) for f in s.field)
        if not has_year:
            sheet.add("年度", self.line("year", PLACEHOLDERS["year"]))
            sheet.new_row()

    def field_widget(self, spec, location: str, bound: list | None = None):
        tooltip = "　".join(t for t in (("必填" if spec.required else ""), spec.help) if t)
        if spec.type == "longtext":
            widget = self.text(location, 3, spec.help)
        elif spec.type == "choice":
            widget = BoundChoice(self.document, location, spec.choices, tooltip=tooltip)
            self.fields.append(widget)
        else:
            placeholder = PLACEHOLDERS.get(spec.type, "")
            if spec.type == "amount":
                placeholder = f"金额（{self.form.amount_unit.value}）"
            widget = self.line(location, placeholder)
        if tooltip:
            widget.base_tooltip = tooltip
            widget.setToolTip(tooltip)
        if bound is not None:
            bound.append(widget)
        return widget

    def add_sections(self, sheet: Sheet, sections, prefix: str, bound: list | None = None,
                     models: list | None = None, children_of: dict[str, list[str]] | None = None) -> None:
        """Put ``sections`` on ``sheet`` bound under ``prefix`` (``content.`` or a child form's)."""
        children_of = children_of if children_of is not None else _children_of(self.loaded.template.section)
        for section in sections:
            if isinstance(section, (FieldsSection, SignOffSection)):
                if isinstance(section, SignOffSection):
                    sheet.add_section("签章")
                elif section.title and section is not sections[0]:
                    sheet.add_section(section.title)
                for spec in section.field:
                    label = spec.label + ("＊" if spec.required else "")
                    widget = self.field_widget(spec, f"{prefix}fields.{spec.id}", bound)
                    if spec.type in _HALF_WIDTH:
                        sheet.add(label, widget)
                    else:
                        sheet.add_full(label, widget)
                sheet.new_row()
            elif isinstance(section, AmountTable):
                model = AmountTableModel(self.document, section, f"{prefix}tables.{section.id}",
                                         children_of.get(section.id, []))
                view = self.grid(model)
                fit_to_rows(view, 1 if section.rows else 3)
                if models is not None:
                    models.append(model)
                unit = self.form.amount_unit.value
                sheet.add_widget(grid_panel(view, f"{section.label}（金额单位：{unit}）"))
            elif isinstance(section, IndicatorTable):
                for side in section.sides:
                    model = IndicatorSideModel(self.document, section, side.id, f"{prefix}tables.{section.id}")
                    view = self.grid(model)
                    fit_to_rows(view, 3)
                    if models is not None:
                        models.append(model)
                    title = section.label if len(section.sides) == 1 else f"{section.label}：{side.label}"
                    sheet.add_widget(grid_panel(view, title))

    def _indicator_page(self, table: IndicatorTable) -> QWidget:
        """A table of the form itself: its side(s) fill the page, each grid scrolling on its own."""
        holder = QSplitter(Qt.Orientation.Vertical)
        for side in table.sides:
            model = IndicatorSideModel(self.document, table, side.id, f"content.tables.{table.id}")
            view = self.grid(model)
            title = table.label if len(table.sides) == 1 else side.label
            panel = grid_panel(view, title, hint=HINT if side is table.sides[-1] else "")
            panel.layout().setContentsMargins(12, 8, 12, 8)
            holder.addWidget(panel)
        return holder

    # --- navigation ------------------------------------------------------------------
    def prepare_location(self, location: str) -> None:
        for child_id, page in self.child_pages.items():
            head = f"content.children.{child_id}["
            if location.startswith(head):
                number = location[len(head):].split("]", 1)[0]
                if number.isdigit():
                    page.show_row(int(number))


def _children_of(sections) -> dict[str, list[str]]:
    """table id → the child lists (``children.<id>``) whose forms hang under its rows."""
    out: dict[str, list[str]] = {}
    for section in sections:
        if isinstance(section, ChildForms):
            out.setdefault(section.of, []).append(f"children.{section.id}")
    return out


class ChildFormsPage(QSplitter):
    """The child forms of one table: its rows listed on the left, the chosen row's form on the right."""

    row_chosen = Signal(int)

    def __init__(self, editor: TemplateEditor, child: ChildForms):
        super().__init__(Qt.Orientation.Horizontal)
        self.editor, self.child = editor, child
        self.document = editor.document
        self.table = next(s for s in editor.loaded.template.section if isinstance(s, AmountTable) and s.id == child.of)
        self.row = -1
        self.rows = QListWidget()
        self.rows.setMinimumWidth(170)
        self.rows.setMaximumWidth(280)
        self.stack = QStackedWidget()
        self.addWidget(self.rows)
        self.addWidget(self.stack)
        self.setStretchFactor(1, 1)
        self.stack.addWidget(self._empty_page())
        self.bound: list = []
        self.models: list = []
        sheet = Sheet(child.label)
        self.sheet = sheet
        editor.add_sections(sheet, child.section, self.prefix(0), self.bound, self.models, children_of={})
        self._relative = {id(w): w.location[len(self.prefix(0)):] for w in self.bound}
        self._relative_models = {id(m): m.list_path[len(self.prefix(0)):] for m in self.models}
        self.stack.addWidget(scroll_page(sheet))
        self.rows.currentRowChanged.connect(self.show_row)
        self.document.changed.connect(self._on_changed)
        self._fill_rows()
        self.show_row(0 if self.rows.count() else -1)

    def prefix(self, row: int | None = None) -> str:
        return f"content.children.{self.child.id}[{self.row if row is None else row}]."

    def _empty_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.empty_label = QLabel("")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.create_button = QPushButton(f"建立{self.child.label}")
        self.create_button.clicked.connect(lambda: self.create(self.row))
        layout.addStretch(1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    # --- the parent rows ----------------------------------------------------------
    def _parent_rows(self) -> list[dict]:
        try:
            return locations.list_at(self.document.form, f"content.tables.{self.table.id}")
        except (LookupError, ValueError):
            return []

    def _children(self) -> list:
        try:
            return locations.list_at(self.document.form, f"content.children.{self.child.id}")
        except (LookupError, ValueError):
            return []

    def row_name(self, index: int, row: dict) -> str:
        texts = [row.get(c.id, "").strip() for c in self.table.columns if c.type in ("text", "longtext")]
        name = next((t for t in texts if t), "")
        return f"{index + 1}. {name or '（未填写）'}"

    def _fill_rows(self) -> None:
        current = self.rows.currentRow()
        children = self._children()
        self.rows.blockSignals(True)
        self.rows.clear()
        for index, row in enumerate(self._parent_rows()):
            mark = "" if index < len(children) else "（未建立）"
            item = QListWidgetItem(self.row_name(index, row) + mark)
            self.rows.addItem(item)
        if 0 <= current < self.rows.count():
            self.rows.setCurrentRow(current)
        self.rows.blockSignals(False)

    def _on_changed(self, location: str) -> None:
        table = f"content.tables.{self.table.id}"
        children = f"content.children.{self.child.id}"
        whole = location in (table, children) or table.startswith(location + ".")   # the content replaced
        if whole or location.startswith(table + "["):
            self._fill_rows()
            if whole or location == f"{children}[{self.row}]":
                self.show_row(min(self.row, self.rows.count() - 1))

    # --- one row's form -------------------------------------------------------------
    def show_row(self, row: int) -> None:
        self.row = row
        rows, children = self._parent_rows(), self._children()
        if row != self.rows.currentRow() and 0 <= row < self.rows.count():
            self.rows.blockSignals(True)
            self.rows.setCurrentRow(row)
            self.rows.blockSignals(False)
        if not 0 <= row < len(children):
            for widget in self.bound:
                widget.set_location("")
            for model in self.models:
                model.set_list_path("")
            if 0 <= row < len(rows):
                self.empty_label.setText(f"“{self.row_name(row, rows[row])}”还没有{self.child.label}。")
                self.create_button.setVisible(True)
            else:
                self.empty_label.setText(f"在“{self.table.label}”中添加一行后，这里填写该行的{self.child.label}。")
                self.create_button.setVisible(False)
            self.stack.setCurrentIndex(0)
            return
        prefix = self.prefix(row)
        for widget in self.bound:
            widget.set_location(prefix + self._relative[id(widget)])
        for model in self.models:
            model.set_list_path(prefix + self._relative_models[id(model)])
        self.editor.refresh_marks()
        self.stack.setCurrentIndex(1)

    def create(self, row: int) -> bool:
        """Give parent row ``row`` its child form (and the rows before it theirs), as one undo step."""
        children = self._children()
        if not 0 <= row < len(self._parent_rows()) or row < len(children):
            return False
        from jixiao_desktop.templates.document import child_blank

        path = f"content.children.{self.child.id}"
        self.document.begin_macro(f"建立{self.child.label}")
        try:
            while len(self._children()) <= row:
                self.document.insert_row(path, len(self._children()), child_blank(self.editor.loaded, self.child.id),
                                         f"建立{self.child.label}")
        finally:
            self.document.end_macro()
        self.show_row(row)
        return True
