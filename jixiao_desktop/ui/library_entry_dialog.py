"""Adding the clerk's own indicator to the library (自定义指标)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from jixiao_desktop.forms.layouts import LAYOUTS
from jixiao_desktop.library import OPERATORS, LibraryEntry


def _level_tree() -> dict[str, list[str]]:
    """Every 一级 with its 二级 over all layouts, in layout order."""
    tree: dict[str, list[str]] = {}
    for layout in LAYOUTS.values():
        for level1, children in layout.items():
            names = tree.setdefault(level1, [])
            names.extend(c for c in children if c not in names)
    return tree


class LibraryEntryDialog(QDialog):
    def __init__(self, topics: list[str], level1: str = "", level2: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("添加自定义指标")
        self.tree = _level_tree()
        form = QFormLayout(self)
        self.level1 = QComboBox()
        self.level1.addItems(list(self.tree))
        self.level2 = QComboBox()
        self.level1.currentTextChanged.connect(self._fill_level2)
        self.name = QLineEdit()
        self.name.setPlaceholderText("如：老年人助浴服务人次")
        self.operator = QComboBox()
        self.operator.addItems([op or "（无，定性指标）" for op in OPERATORS])
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("如：人次、%、元/人·月")
        self.example = QLineEdit()
        self.example.setPlaceholderText("如：≥500人次")
        self.topic = QComboBox()
        self.topic.setEditable(True)
        self.topic.addItems(["我的指标", *[t for t in topics if t != "我的指标"]])
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        form.addRow("一级指标", self.level1)
        form.addRow("二级指标", self.level2)
        form.addRow("三级指标", self.name)
        form.addRow("符号", self.operator)
        form.addRow("单位", self.unit)
        form.addRow("示例指标值", self.example)
        form.addRow("领域", self.topic)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("添加")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if level1 in self.tree:
            self.level1.setCurrentText(level1)
        self._fill_level2(self.level1.currentText())
        if level2:
            self.level2.setCurrentText(level2)

    def _fill_level2(self, level1: str) -> None:
        self.level2.clear()
        self.level2.addItems(self.tree.get(level1, []))

    def entry(self) -> LibraryEntry:
        operator = OPERATORS[self.operator.currentIndex()]
        return LibraryEntry(
            level1=self.level1.currentText(),
            level2=self.level2.currentText(),
            topic=self.topic.currentText().strip() or "我的指标",
            name=self.name.text().strip(),
            operator=operator,
            unit=self.unit.text().strip(),
            example=self.example.text().strip(),
            user=True,
        )

    def accept(self) -> None:
        if not self.name.text().strip():
            self.problem.setText("请填写三级指标名称。")
            return
        super().accept()
