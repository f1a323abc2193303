"""The indicator library dialog (指标库): search, pick an entry, add the clerk's own.

The editor receives :func:`make_chooser`'s callable and calls
``choose_indicator(level1="", level2="")``; it returns the chosen
:class:`~jixiao_desktop.library.LibraryEntry` or None.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.library import IndicatorLibrary, LibraryEntry, LibraryError
from jixiao_desktop.ui.library_entry_dialog import LibraryEntryDialog

ALL_TOPICS = "全部领域"
COLUMNS = ("三级指标", "示例指标值", "一级指标", "二级指标", "领域")

ChooseIndicator = Callable[..., LibraryEntry | None]


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[LibraryEntry] = []

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = (entry.name, entry.value_template(), entry.level1, entry.level2, entry.topic)[index.column()]
            if index.column() == 4 and entry.user:
                value += "（自定义）"
            return value
        return None


class LibraryDialog(QDialog):
    def __init__(self, library: IndicatorLibrary, level1: str = "", level2: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.level1, self.level2 = level1, level2
        self.setWindowTitle("指标库")
        self.resize(820, 520)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("输入关键词搜索，如：低保　满意度　补贴")
        self.search_box.setClearButtonEnabled(True)
        self.topic = QComboBox()
        self.topic.addItems([ALL_TOPICS, *library.topics()])
        self.same_level = QCheckBox(f"只看“{level2}”" if level2 else "只看当前二级指标")
        self.same_level.setEnabled(bool(level2))
        self.same_level.setChecked(bool(level2))
        self.model = LibraryModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # 一级/二级/领域 in full
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # 三级指标 takes the room left
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 180)
        self.view.doubleClicked.connect(lambda _: self.accept())
        self.count = QLabel()
        add = QPushButton("添加自定义指标…")
        add.clicked.connect(self.add_entry)
        self.remove_button = QPushButton("删除自定义指标")
        self.remove_button.clicked.connect(self.remove_entry)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("插入")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel("搜索："))
        top.addWidget(self.search_box, 1)
        top.addWidget(self.topic)
        top.addWidget(self.same_level)
        bottom = QHBoxLayout()
        bottom.addWidget(add)
        bottom.addWidget(self.remove_button)
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        layout.addLayout(bottom)

        self.search_box.textChanged.connect(self.refresh)
        self.topic.currentIndexChanged.connect(self.refresh)
        self.same_level.toggled.connect(self.refresh)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh()
        self.search_box.setFocus()

    def refresh(self) -> None:
        topic = self.topic.currentText()
        entries = self.library.search(
            self.search_box.text(),
            topic=None if topic == ALL_TOPICS else topic,
            level2=self.level2 if self.same_level.isChecked() else None,
        )
        self.model.set_entries(entries)
        self.count.setText(f"共 {len(entries)} 条")
        if entries:
            self.view.selectRow(0)
        self._update_buttons()

    def selected(self) -> LibraryEntry | None:
        index = self.view.currentIndex()
        return self.model.entries[index.row()] if index.isValid() else None

    def _update_buttons(self) -> None:
        entry = self.selected()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(entry is not None)
        self.remove_button.setEnabled(bool(entry and entry.user))

    def add_entry(self) -> LibraryEntry | None:
        dialog = LibraryEntryDialog(self.library.topics(), self.level1, self.level2, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            entry = self.library.add(dialog.entry())
        except LibraryError as exc:
            QMessageBox.warning(self, "无法添加", str(exc))
            return None
        self.topic.blockSignals(True)
        current = self.topic.currentText()
        self.topic.clear()
        self.topic.addItems([ALL_TOPICS, *self.library.topics()])
        self.topic.setCurrentText(current)
        self.topic.blockSignals(False)
        self.refresh()
        for row, item in enumerate(self.model.entries):
            if item.key() == entry.key():
                self.view.selectRow(row)
        return entry

    def remove_entry(self) -> None:
        entry = self.selected()
        if entry is None or not entry.user:
            return
        try:
            self.library.remove(entry)
        except LibraryError as exc:
            QMessageBox.warning(self, "无法删除", str(exc))
        self.refresh()

    def accept(self) -> None:
        if self.selected() is not None:
            super().accept()


def make_chooser(library_provider: Callable[[], IndicatorLibrary], parent: QWidget) -> ChooseIndicator:
    """The callable handed to the editor: ``choose_indicator(level1="", level2="")``."""

    def choose_indicator(level1: str = "", level2: str = "") -> LibraryEntry | None:
        dialog = LibraryDialog(library_provider(), level1, level2, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.selected()

    return choose_indicator
