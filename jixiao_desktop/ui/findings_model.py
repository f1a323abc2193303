"""The findings panel's model: findings grouped by severity (explained warnings apart), with the texts
a clerk reads: the rule's Chinese title, the whole message, the place, the 出错说明."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyle

from jixiao_desktop.checks import Finding, Report, Severity
from jixiao_desktop.forms.locations import describe

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
WHERE_ROLE = Qt.ItemDataRole.UserRole + 3   # the finding's place in words (for its tooltip, made when shown)
EXPLAINED = "explained"
EXPLAINED_COLOR = "#4f7a55"   # settled: grey-green, not the warning's orange
ID_STYLE = "color:#8a8f98; font-size:small"
SEVERITY_COLORS = {"error": "#b3261e", "warning": "#a05a00", "hint": "#1f5fa8", EXPLAINED: EXPLAINED_COLOR}

_GROUPS = (
    (Severity.ERROR.value, "错误", QStyle.StandardPixmap.SP_MessageBoxCritical),
    (Severity.WARNING.value, "警告", QStyle.StandardPixmap.SP_MessageBoxWarning),
    (Severity.HINT.value, "提示", QStyle.StandardPixmap.SP_MessageBoxInformation),
    (EXPLAINED, "已说明的警告", QStyle.StandardPixmap.SP_DialogApplyButton),
)


def group_of(finding: Finding) -> str:
    return EXPLAINED if finding.explained else finding.severity.value


_TITLES: dict[str, str] = {}


def rule_title(rule_id: str) -> str:
    """The rule's Chinese title, looked up once per rule (the panel redraws on every keystroke that changes a
    finding)."""
    title = _TITLES.get(rule_id)
    if title is None:
        from jixiao_desktop.help.rules import rule_title as lookup

        title = lookup(rule_id)
        if title != rule_id:          # an id not (yet) in the catalogue is asked again next time
            _TITLES[rule_id] = title
    return title


def tooltip(finding: Finding, where: str) -> str:
    """The whole finding, with its rule's title (the id after it, small and grey)."""
    lines = [f"<p style='white-space:pre-wrap'>{escape(finding.message)}</p>"]
    if finding.explained:
        lines.append(f"<p style='color:{EXPLAINED_COLOR}'>已说明：{escape(finding.explanation or '')}</p>")
    if where:
        lines.append(f"<p>位置：{escape(where)}</p>")
    lines.append(f"<p>规则：{escape(rule_title(finding.rule))} <span style='{ID_STYLE}'>{escape(finding.rule)}</span>"
                 "<br>选中后按 F1 查看这条规则的说明</p>")
    return "".join(lines)


def detail_html(finding: Finding | None, where: str) -> str:
    """The selected finding in full, word-wrapped: level, rule title, the whole message, place, 出错说明."""
    if finding is None:
        return ("<span style='color:#777'>选中一条问题，这里显示它的完整内容；按 F1 或点“这条是什么意思？”"
                "查看规则说明。</span>")
    key = group_of(finding)
    level = "已说明的警告" if finding.explained else finding.severity.label
    head = (f"<b style='color:{SEVERITY_COLORS[key]}'>{level}</b>　<b>{escape(rule_title(finding.rule))}</b> "
            f"<span style='{ID_STYLE}'>{escape(finding.rule)}</span>")
    parts = [head, escape(finding.message)]
    if where:
        parts.append(f"<span style='color:#555'>位置：{escape(where)}</span>")
    if finding.explained:
        parts.append(f"<span style='color:{EXPLAINED_COLOR}'>出错说明：{escape(finding.explanation or '')}</span>")
    return "<br>".join(parts)


class FindingsModel(QStandardItemModel):
    """Two columns (问题, 位置); one top row per non-empty group, findings under it."""

    def __init__(self, style: QStyle, parent=None):
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["问题", "位置"])
        self._icons = {key: style.standardIcon(pixmap) for key, _, pixmap in _GROUPS}
        self.report = Report()
        self._findings: tuple[Finding, ...] = ()   # on display, in the report's order
        self._form = None
        self._labels: dict[Finding, str] = {}       # each finding's place in words, made when first shown

    @property
    def shown(self) -> tuple:
        """(finding, location label) pairs on display."""
        return tuple((f, self.location_label(f)) for f in self._findings)

    def icon(self, group: str):
        return self._icons[group]

    def set_report(self, report: Report, form) -> bool:
        """Show ``report``; False (and nothing rebuilt) when it holds the same findings as before.

        A finding's place in words (绩效指标 第4行 › …, with a row's name) is made when the view first asks for
        it, not for every finding at every keystroke; the same findings again only have their places redrawn
        (a row renamed shows its new name)."""
        findings = tuple(report.findings)
        self.report, self._form, self._labels = report, form, {}
        if findings == self._findings:
            self._redraw_places()
            return False
        self._findings = findings
        self.removeRows(0, self.rowCount())
        groups: dict[str, list[Finding]] = {key: [] for key, _, _ in _GROUPS}
        for finding in findings:
            groups[group_of(finding)].append(finding)
        for key, label, _ in _GROUPS:
            items = groups[key]
            if not items:
                continue
            head = QStandardItem(self._icons[key], f"{label}（{len(items)}）")
            head.setData(key, GROUP_ROLE)
            head.setEditable(False)
            tail = QStandardItem("")
            tail.setEditable(False)
            settled = QBrush(QColor(EXPLAINED_COLOR))
            for finding in items:
                text = finding.message
                if finding.explained:
                    text = f"已说明　{text}　〔说明：{finding.explanation}〕"
                message = QStandardItem(self._icons[key], text)
                message.setData(finding, FINDING_ROLE)
                message.setEditable(False)
                where = QStandardItem()
                where.setData(finding, FINDING_ROLE)
                where.setEditable(False)
                if finding.explained:
                    message.setForeground(settled)
                    where.setForeground(settled)
                head.appendRow([message, where])
            if key == EXPLAINED:
                head.setForeground(settled)
            self.appendRow([head, tail])
        return True

    def _redraw_places(self) -> None:
        for row in range(self.rowCount()):
            parent = self.index(row, 0)
            count = self.rowCount(parent)
            if count:
                self.dataChanged.emit(self.index(0, 1, parent), self.index(count - 1, 1, parent))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        """A finding's place and tooltip are made when they are shown, not for every finding at every redraw."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, WHERE_ROLE) and index.parent().isValid():
            finding = self.finding_at(index)
            if finding is not None:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return tooltip(finding, self.location_label(finding))
                if role == WHERE_ROLE or index.column() == 1:
                    return self.location_label(finding)
        return super().data(index, role)

    def finding_at(self, index: QModelIndex) -> Finding | None:
        value = index.data(FINDING_ROLE) if index.isValid() else None
        return value if isinstance(value, Finding) else None

    def location_label(self, finding: Finding) -> str:
        """The finding's place in words ("" for a finding without one)."""
        label = self._labels.get(finding)
        if label is None:
            form = self._form
            label = describe(form, finding.location) if finding.location and form is not None else ""
            self._labels[finding] = label
        return label
