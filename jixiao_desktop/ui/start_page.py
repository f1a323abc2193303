"""The start page shown when no form is open: new forms, examples, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from jixiao_desktop.forms import FORM_KINDS
from jixiao_desktop.resources import EXAMPLE_NAMES

NEW_FORM_LABELS = {
    "project": "项目支出绩效目标申报表",
    "department": "部门整体支出绩效目标表（含附表2、附表3）",
    "unit": "单位整体支出绩效目标申报表（上海式）",
}
EXAMPLE_LABELS = {
    "project-2024-chenggong-eldercare": "2024 居家养老服务中心运营补助（项目）",
    "project-2020-chenggong-service-contest": "2020 社会服务项目大赛（项目）",
    "department-2023-shifeng-civil-affairs": "2023 株洲市石峰区民政局（部门整体）",
    "unit-2024-minhang-ageing-center": "2024 闵行区老龄事业发展中心（上海 单位整体）",
}


class StartPage(QWidget):
    new_requested = Signal(str)
    template_requested = Signal()
    open_requested = Signal()
    example_requested = Signal(str)
    recent_requested = Signal(str)

    def __init__(self, recent_files: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("<h2>绩效目标表填报</h2><p>新建一张表格，或打开已有的文件。</p>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(title)
        grid = QGridLayout()
        outer.addLayout(grid)
        grid.addWidget(self._group("新建", [
            ("按表样新建…（全国及各省的表样，可搜索）", lambda _=False: self.template_requested.emit()),
            *[(f"新建{NEW_FORM_LABELS[k]}", lambda _=False, k=k: self.new_requested.emit(k)) for k in FORM_KINDS],
        ]), 0, 0)
        grid.addWidget(self._group("打开", [
            ("打开文件…", lambda _=False: self.open_requested.emit()),
            *[(f"示例：{EXAMPLE_LABELS.get(n, n)}", lambda _=False, n=n: self.example_requested.emit(n))
              for n in EXAMPLE_NAMES],
        ]), 0, 1)
        recent = [(Path(p).name, lambda _=False, p=p: self.recent_requested.emit(p)) for p in recent_files[:6]]
        if recent:
            grid.addWidget(self._group("最近文件", recent), 1, 0, 1, 2)

    def _group(self, title: str, buttons) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        for text, slot in buttons:
            button = QPushButton(text)
            button.setStyleSheet("text-align: left; padding: 6px 12px")
            button.clicked.connect(slot)
            layout.addWidget(button)
        return box
