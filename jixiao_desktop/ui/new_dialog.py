"""新建: choose the form to fill in — the templates (表样) by region, with a search box, the ones used
last first — and its 年度."""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from jixiao_desktop.templates.loader import LoadedTemplate

KIND_LABELS = {"project": "项目", "department": "部门整体", "unit": "单位整体", "evaluation": "自评", "list": "清单"}
_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def region_group(region: str) -> str:
    """湖北省（市直部门） → 湖北省: one group per province, the rest of the region shown per template."""
    return (region.split("（", 1)[0].split("(", 1)[0].strip() or "其他")


def _group_order(group: str) -> tuple[int, str]:
    """全国 (the 财政部 forms) first, the provinces, then forms for any place (县级, 通用)."""
    if group == "全国":
        return (0, group)
    if group.endswith(("省", "市", "自治区")):
        return (1, group)
    return (2, group)


def matches(loaded: LoadedTemplate, words: list[str]) -> bool:
    meta = loaded.meta
    text = " ".join((meta.id, meta.name, meta.region, meta.title, meta.years, meta.description,
                     KIND_LABELS.get(meta.kind, ""))).lower()
    return all(word in text for word in words)


class NewFormDialog(QDialog):
    """The templates grouped by region; ``chosen()`` gives the template id and the year typed."""

    def __init__(self, templates: dict[str, LoadedTemplate], recent: list[str] | None = None, parent=None,
                 problems: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle("新建表格")
        self.resize(820, 580)
        self.templates = templates
        self.recent = [t for t in (recent or []) if t in templates]
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索表样：省份、表名、年度……")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill)
        layout.addWidget(self.search)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["表样", "适用地区", "年度", "类别"])
        self.tree.setColumnWidth(0, 420)
        self.tree.setColumnWidth(1, 150)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._accept_item(item))
        self.tree.currentItemChanged.connect(self._update_ok)
        layout.addWidget(self.tree, 1)
        form = QFormLayout()
        self.year = QLineEdit(str(datetime.date.today().year + 1))
        self.year.setMaximumWidth(120)
        form.addRow("年度", self.year)
        layout.addLayout(form)
        if problems:
            note = QLabel("未采用的自定义表样：\n" + "\n".join(problems))
            note.setWordWrap(True)
            note.setStyleSheet("color: #8a4b00")
            layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("新建")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill("")
        self.search.setFocus()

    def _item(self, loaded: LoadedTemplate) -> QTreeWidgetItem:
        meta = loaded.meta
        item = QTreeWidgetItem([meta.name, meta.region, meta.years or "不限", KIND_LABELS.get(meta.kind, meta.kind)])
        item.setData(0, _ID_ROLE, meta.id)
        item.setToolTip(0, meta.description or meta.name)
        return item

    def _fill(self, text: str) -> None:
        words = [w for w in text.lower().split() if w]
        self.tree.clear()
        first = None
        if self.recent and not words:
            group = QTreeWidgetItem(["最近使用"])
            for template_id in self.recent:
                group.addChild(self._item(self.templates[template_id]))
            self.tree.addTopLevelItem(group)
            first = group.child(0)
        groups: dict[str, QTreeWidgetItem] = {}
        ordered = sorted(self.templates.values(), key=lambda t: (_group_order(region_group(t.meta.region)), t.meta.name))
        for loaded in ordered:
            if not matches(loaded, words):
                continue
            name = region_group(loaded.meta.region)
            group = groups.get(name)
            if group is None:
                group = groups[name] = QTreeWidgetItem([name])
                self.tree.addTopLevelItem(group)
            item = self._item(loaded)
            group.addChild(item)
            first = first or item
        self.tree.expandAll()
        if first is not None:
            self.tree.setCurrentItem(first)
        self._update_ok()

    def _update_ok(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen_id() is not None)

    def _accept_item(self, item: QTreeWidgetItem) -> None:
        if item.data(0, _ID_ROLE):
            self.accept()

    def chosen_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, _ID_ROLE) if item is not None else None

    def chosen(self) -> tuple[str, str] | None:
        template_id = self.chosen_id()
        return (template_id, self.year.text().strip()) if template_id else None
