"""The findings panel (检查结果): findings grouped by severity, counted, clickable.

Clicking a finding emits ``location_activated(location)`` for the editor to
focus the field. A warning can be given an 出错说明 from here; it is stored in
``form.explanations`` through the document's undoable API, so it can be undone
and it re-runs the checks like any other edit.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QStyle,
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

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
EXPLAINED = "explained"

_GROUPS = (
    (Severity.ERROR.value, "错误", QStyle.StandardPixmap.SP_MessageBoxCritical),
    (Severity.WARNING.value, "警告", QStyle.StandardPixmap.SP_MessageBoxWarning),
    (Severity.HINT.value, "提示", QStyle.StandardPixmap.SP_MessageBoxInformation),
    (EXPLAINED, "已说明的警告", QStyle.StandardPixmap.SP_DialogApplyButton),
)


def group_of(finding: Finding) -> str:
    return EXPLAINED if finding.explained else finding.severity.value


class FindingsModel(QStandardItemModel):
    """Two columns (问题, 位置); one top row per non-empty group, findings under it."""

    def __init__(self, style: QStyle, parent=None):
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["问题", "位置"])
        self._icons = {key: style.standardIcon(pixmap) for key, _, pixmap in _GROUPS}
        self.report = Report()
        self.shown: tuple = ()  # (finding, location label) pairs on display

    def icon(self, group: str):
        return self._icons[group]

    def set_report(self, report: Report, form) -> bool:
        """Show ``report``; False (and nothing redrawn) when it shows the same as before."""
        labels = [describe(form, f.location) if f.location and form is not None else "" for f in report.findings]
        shown = tuple(zip(report.findings, labels))
        self.report = report
        if shown == self.shown:
            return False
        self.shown = shown
        self.removeRows(0, self.rowCount())
        groups: dict[str, list[Finding]] = {key: [] for key, _, _ in _GROUPS}
        for finding, where in shown:
            groups[group_of(finding)].append((finding, where))
        for key, label, _ in _GROUPS:
            items = groups[key]
            if not items:
                continue
            head = QStandardItem(self._icons[key], f"{label}（{len(items)}）")
            head.setData(key, GROUP_ROLE)
            head.setEditable(False)
            tail = QStandardItem("")
            tail.setEditable(False)
            for finding, location_label in items:
                text = finding.message
                if finding.explained:
                    text += f"　〔说明：{finding.explanation}〕"
                message = QStandardItem(self._icons[key], text)
                message.setData(finding, FINDING_ROLE)
                message.setToolTip(f"{text}\n规则：{finding.rule}")
                message.setEditable(False)
                where = QStandardItem(location_label)
                where.setData(finding, FINDING_ROLE)
                where.setEditable(False)
                head.appendRow([message, where])
            self.appendRow([head, tail])
        return True

    def finding_at(self, index: QModelIndex) -> Finding | None:
        value = index.data(FINDING_ROLE) if index.isValid() else None
        return value if isinstance(value, Finding) else None


class FindingsPanel(QWidget):
    location_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: FormDocument | None = None
        self.model = FindingsModel(self.style(), self)
        self.summary = QLabel("尚未打开表格")
        self.explain_button = QToolButton()
        self.explain_button.setText("添加出错说明…")
        self.explain_button.setToolTip("为选中的警告填写出错说明")
        self.explain_button.setEnabled(False)
        self.explain_button.clicked.connect(self.explain_selected)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.header().resizeSection(0, 680)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        top.addWidget(self.summary, 1)
        top.addWidget(self.explain_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self._collapsed: set[str] = set()
        self.view.collapsed.connect(lambda i: self._collapsed.add(i.data(GROUP_ROLE)))
        self.view.expanded.connect(lambda i: self._collapsed.discard(i.data(GROUP_ROLE)))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override: a modest strip below the form
        return QSize(900, 190)

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

    def _context_menu(self, pos) -> None:
        finding = self.model.finding_at(self.view.indexAt(pos))
        if finding is None:
            return
        menu = QMenu(self)
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
        menu.exec(self.view.viewport().mapToGlobal(pos))

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
