"""The findings panel (检查结果): findings grouped by severity, counted, clickable.

Clicking a finding emits ``location_activated(location)`` for the editor to
focus the field. A warning can be given an 出错说明 from here; it is stored in
``form.explanations`` through the document's undoable API, so it can be undone
and it re-runs the checks like any other edit. An explained warning is shown settled (grey-green,
已说明) and counted apart.

Each finding names its rule by its Chinese title (the id follows, small and grey); the selected finding's
whole message is shown under the list; 这条是什么意思 (button, context menu, F1) opens its rule's page
in the manual. The panel folds to its one-line counts and can be raised to half the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.checks import Finding, Report, Severity
from jixiao_desktop.forms import Explanation
from jixiao_desktop.forms.locations import describe
from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.explanation_dialog import ExplanationDialog
from jixiao_desktop.ui.findings_model import (  # noqa: F401  (the panel's names, as before)
    EXPLAINED,
    EXPLAINED_COLOR,
    FINDING_ROLE,
    GROUP_ROLE,
    FindingsModel,
    detail_html,
    group_of,
)


class ClickableLabel(QLabel):
    clicked = Signal()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class FindingsPanel(QWidget):
    location_activated = Signal(str)
    collapsed_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: FormDocument | None = None
        self.model = FindingsModel(self.style(), self)
        self.collapse_button = QToolButton()
        self.collapse_button.setAutoRaise(True)
        self.collapse_button.clicked.connect(lambda: self.set_collapsed(not self.collapsed))
        self.summary = ClickableLabel("尚未打开表格")
        self.summary.setToolTip("点击收起或展开检查结果")
        self.summary.clicked.connect(lambda: self.set_collapsed(not self.collapsed))
        # the counts line gives way in a narrow window (two side by side on a laptop): it never sets the width
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.help_button = QToolButton()
        self.help_button.setText("这条是什么意思？")
        self.help_button.setToolTip("打开选中问题所属规则的说明（F1）")
        self.help_button.setEnabled(False)
        self.help_button.clicked.connect(self.explain_rule_of_selected)
        self.explain_button = QToolButton()
        self.explain_button.setText("添加出错说明…")
        self.explain_button.setToolTip("为选中的警告填写出错说明")
        self.explain_button.setEnabled(False)
        self.explain_button.clicked.connect(self.explain_selected)
        self.size_button = QToolButton()
        self.size_button.setText("放大")
        self.size_button.setToolTip("让检查结果占窗口的一半高度；再点还原")
        self.size_button.clicked.connect(self.toggle_raised)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 260)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.view.installEventFilter(self)
        self.detail = QTextBrowser()
        self.detail.setObjectName("finding_detail")
        self.detail.setOpenLinks(False)
        self.detail.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.detail.setMinimumHeight(44)
        self.detail.installEventFilter(self)
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.addWidget(self.view)
        self.body.addWidget(self.detail)
        self.body.setStretchFactor(0, 3)
        self.body.setStretchFactor(1, 1)
        self.body.setChildrenCollapsible(False)
        self.body.setSizes([130, 70])

        top = QHBoxLayout()
        top.setContentsMargins(2, 2, 4, 2)
        top.addWidget(self.collapse_button)
        top.addWidget(self.summary, 1)
        for button in (self.help_button, self.explain_button, self.size_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        self._collapsed: set[str] = set()
        self.view.collapsed.connect(lambda i: self._collapsed.add(i.data(GROUP_ROLE)))
        self.view.expanded.connect(lambda i: self._collapsed.discard(i.data(GROUP_ROLE)))
        self.collapsed = False
        self.raised = False
        self._height_before: int | None = None
        self._update_collapse_button()
        self._show_detail(None)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override: a modest strip below the form, or one line folded
        if self.collapsed:
            return QSize(900, self.summary.sizeHint().height() + 8)
        return QSize(900, 230)

    # --- content -----------------------------------------------------------
    def set_document(self, document: FormDocument | None) -> None:
        self.document = document
        if document is None:
            self.model.set_report(Report(), None)
            self.summary.setText("尚未打开表格")

    def show_report(self, report: Report) -> None:
        current = self.current_finding()
        keep = (current.rule, current.location) if current else None
        form = self.document.form if self.document else None
        self.summary.setText(self.summary_text(report))
        self.view.setUpdatesEnabled(False)
        if not self.model.set_report(report, form):
            self.view.setUpdatesEnabled(True)
            self._show_detail(current)   # its place in words may have changed (a row renamed)
            return
        for row in range(self.model.rowCount()):
            head = self.model.index(row, 0)
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
            self.view.setExpanded(head, head.data(GROUP_ROLE) not in self._collapsed)
        self.view.setUpdatesEnabled(True)
        if keep:
            self._select(lambda f: (f.rule, f.location) == keep)
        self._update_buttons()

    @staticmethod
    def summary_text(report: Report) -> str:
        counts = report.counts()
        parts = [f"{s.label} {counts.get(s, 0)}" for s in Severity]
        text = "　".join(parts)
        if report.explained:
            text += f"　（已说明 {len(report.explained)}）"
        return text

    def findings(self) -> list[Finding]:
        """The findings shown, in panel order."""
        out = []
        for row in range(self.model.rowCount()):
            head = self.model.item(row, 0)
            out.extend(head.child(i, 0).data(FINDING_ROLE) for i in range(head.rowCount()))
        return out

    def current_finding(self) -> Finding | None:
        return self.model.finding_at(self.view.currentIndex())

    def _select(self, predicate) -> bool:
        for row in range(self.model.rowCount()):
            head = self.model.item(row, 0)
            for i in range(head.rowCount()):
                if predicate(head.child(i, 0).data(FINDING_ROLE)):
                    index = head.child(i, 0).index()
                    self.view.setCurrentIndex(index)
                    self.view.scrollTo(index)
                    return True
        return False

    def select_finding(self, finding: Finding) -> bool:
        return self._select(lambda f: f == finding)

    def step(self, delta: int) -> Finding | None:
        """Select and activate the next (delta=1) or previous (-1) finding, wrapping."""
        items = self.findings()
        if not items:
            return None
        current = self.current_finding()
        position = items.index(current) if current in items else (-1 if delta > 0 else 0)
        finding = items[(position + delta) % len(items)]
        self.select_finding(finding)
        if finding.location:
            self.location_activated.emit(finding.location)
        return finding

    # --- actions -----------------------------------------------------------
    def _activate(self, index: QModelIndex) -> None:
        finding = self.model.finding_at(index)
        if finding is not None and finding.location:
            self.location_activated.emit(finding.location)

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        self.explain_button.setEnabled(_explainable(finding))
        self.explain_button.setText("修改出错说明…" if finding and finding.explained else "添加出错说明…")
        self.help_button.setEnabled(finding is not None)
        self._show_detail(finding)

    def _show_detail(self, finding: Finding | None) -> None:
        where = self.model.location_label(finding) if finding is not None else ""
        self.detail.setHtml(detail_html(finding, where))

    def detail_text(self) -> str:
        """What the detail area shows, as plain text (the selected finding's whole message)."""
        return self.detail.toPlainText()

    # --- 这条是什么意思 ---------------------------------------------------------
    def explain_rule_of_selected(self) -> bool:
        finding = self.current_finding()
        if finding is None:
            return False
        self.explain_rule(finding.rule)
        return True

    def explain_rule(self, rule_id: str):
        from jixiao_desktop.ui.help_window import show_rule_help

        return show_rule_help(self, rule_id)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """F1 on a selected finding opens its rule's page (taken before the window's F1, the manual)."""
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and event.key() == Qt.Key.Key_F1 \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier and self.current_finding() is not None:
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self.explain_rule_of_selected()
            return True
        return super().eventFilter(watched, event)

    # --- folding and raising ----------------------------------------------------
    def _dock(self) -> tuple[QMainWindow, QDockWidget] | None:
        dock = self.parentWidget()
        main = dock.parentWidget() if isinstance(dock, QDockWidget) else None
        if isinstance(main, QMainWindow) and not dock.isFloating():
            return main, dock
        return None

    def set_collapsed(self, collapsed: bool) -> None:
        """Fold the panel to its one line of counts (or unfold it); the dock shrinks and grows with it."""
        if collapsed == self.collapsed:
            return
        placed = self._dock()
        if collapsed and placed is not None:
            self._height_before = placed[1].height()
        self.collapsed = collapsed
        self.body.setVisible(not collapsed)
        self.size_button.setVisible(not collapsed)
        self._update_collapse_button()
        if placed is not None:
            main, dock = placed
            if collapsed:
                self.updateGeometry()
                dock.setMaximumHeight(dock.minimumSizeHint().height())
                main.resizeDocks([dock], [dock.minimumSizeHint().height()], Qt.Orientation.Vertical)
            else:
                dock.setMaximumHeight(16777215)
                main.resizeDocks([dock], [max(self._height_before or 0, 200)], Qt.Orientation.Vertical)
        self.collapsed_changed.emit(collapsed)

    def _update_collapse_button(self) -> None:
        self.collapse_button.setArrowType(Qt.ArrowType.RightArrow if self.collapsed else Qt.ArrowType.DownArrow)
        self.collapse_button.setToolTip("展开检查结果" if self.collapsed else "收起为一行")

    def toggle_raised(self) -> None:
        """放大: half the window's height for the panel; 还原: back to the height it had."""
        self.set_collapsed(False)
        placed = self._dock()
        self.raised = not self.raised
        self.size_button.setText("还原" if self.raised else "放大")
        if placed is None:
            return
        main, dock = placed
        if self.raised:
            self._height_before = dock.height()
            main.resizeDocks([dock], [max(main.height() // 2, dock.height())], Qt.Orientation.Vertical)
        else:
            main.resizeDocks([dock], [self._height_before or 230], Qt.Orientation.Vertical)

    def _context_menu(self, pos) -> None:
        finding = self.model.finding_at(self.view.indexAt(pos))
        if finding is not None:
            self.context_menu(finding).exec(self.view.viewport().mapToGlobal(pos))

    def context_menu(self, finding: Finding) -> QMenu:
        """这条是什么意思, 转到此处, and the 出错说明 entries for ``finding``."""
        menu = QMenu(self)
        meaning = QAction("这条是什么意思？", menu)
        meaning.setShortcut(QKeySequence("F1"))
        meaning.triggered.connect(lambda: self.explain_rule(finding.rule))
        menu.addAction(meaning)
        go = QAction("转到此处", menu)
        go.setEnabled(bool(finding.location))
        go.triggered.connect(lambda: self.location_activated.emit(finding.location))
        menu.addAction(go)
        explain = QAction("修改出错说明…" if finding.explained else "添加出错说明…", menu)
        explain.setEnabled(_explainable(finding))
        explain.triggered.connect(lambda: self.explain(finding))
        menu.addAction(explain)
        if finding.explained:
            remove = QAction("删除出错说明", menu)
            remove.triggered.connect(lambda: self.set_explanation(finding, None))
            menu.addAction(remove)
        return menu

    def explain_selected(self) -> None:
        finding = self.current_finding()
        if _explainable(finding):
            self.explain(finding)

    def explain(self, finding: Finding) -> bool:
        """Ask for the 出错说明 of ``finding`` and store it (undoable)."""
        if self.document is None or not _explainable(finding):
            return False
        where = describe(self.document.form, finding.location)
        dialog = ExplanationDialog(finding, where, finding.explanation or "", self)
        if dialog.exec() != ExplanationDialog.DialogCode.Accepted:
            return False
        self.set_explanation(finding, dialog.text())
        return True

    def set_explanation(self, finding: Finding, text: str | None) -> None:
        """Store (or with None remove) the 出错说明 of ``finding`` as one undoable edit."""
        if self.document is None:
            return
        current = self.document.form.explanations
        kept = [e for e in current if (e.rule, e.location) != (finding.rule, finding.location)]
        if text:
            kept.append(Explanation(rule=finding.rule, location=finding.location, text=text))
        self.document.set_value("explanations", kept, merge=False)


def _explainable(finding: Finding | None) -> bool:
    return finding is not None and finding.severity is Severity.WARNING and bool(finding.location)
