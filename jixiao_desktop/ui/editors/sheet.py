"""Layout pieces that make an editor page look like the paper form.

:class:`Sheet` is a bordered grid of 标题格 | 填写格 pairs (two pairs a row, or one
spanning the width), with section headings and embedded grids, as on paper.
:func:`grid_panel` puts a row-command bar above a grid.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class Sheet(QWidget):
    """A paper-form section: an optional title, then label/field cells in a grid."""

    def __init__(self, title: str = "", note: str = "", parent=None, label_width: int = 120):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if title:
            heading = QLabel(title)
            heading.setObjectName("sheetTitle")
            heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            outer.addWidget(heading)
        self.note = QLabel(note)
        self.note.setObjectName("sheetNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setVisible(bool(note))
        outer.addWidget(self.note)
        self.grid = QGridLayout()
        self.grid.setSpacing(0)
        self.grid.setColumnMinimumWidth(0, label_width)
        self.grid.setColumnMinimumWidth(2, label_width)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
        outer.addLayout(self.grid)
        self._row, self._half = 0, 0

    def _head(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("cellHead")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        return label

    def new_row(self) -> None:
        if self._half:
            self._row, self._half = self._row + 1, 0

    def add(self, label: str, widget: QWidget) -> QWidget:
        """A label/field pair taking half the width; two make a row."""
        column = 2 * self._half
        head = self._head(label)
        self.grid.addWidget(head, self._row, column)
        self.grid.addWidget(widget, self._row, column + 1)
        head.setBuddy(widget)
        self._half += 1
        if self._half == 2:
            self.new_row()
        return widget

    def add_full(self, label: str, widget: QWidget) -> QWidget:
        """A label/field pair spanning the width."""
        self.new_row()
        head = self._head(label)
        self.grid.addWidget(head, self._row, 0)
        self.grid.addWidget(widget, self._row, 1, 1, 3)
        head.setBuddy(widget)
        self._row += 1
        return widget

    def add_section(self, text: str) -> QLabel:
        self.new_row()
        label = QLabel(text)
        label.setObjectName("sectionHead")
        self.grid.addWidget(label, self._row, 0, 1, 4)
        self._row += 1
        return label

    def add_widget(self, widget: QWidget) -> QWidget:
        self.new_row()
        self.grid.addWidget(widget, self._row, 0, 1, 4)
        self._row += 1
        return widget


def scroll_page(*widgets: QWidget, max_width: int = 1180) -> QScrollArea:
    """A scrolling page holding the widgets one under another, centred up to ``max_width``."""
    body = QWidget()
    column = QVBoxLayout()
    column.setContentsMargins(16, 8, 16, 16)
    column.setSpacing(12)
    for widget in widgets:
        column.addWidget(widget)
    column.addStretch(1)
    inner = QWidget()
    inner.setLayout(column)
    inner.setMaximumWidth(max_width)
    row = QHBoxLayout(body)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(inner)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(body)
    return area


def fit_to_rows(view, minimum_rows: int = 1) -> None:
    """Make a grid inside a scrolling page exactly as tall as its rows (no inner scrolling).

    The grid measures its rows itself (only the rows that changed); this only
    follows the total, so a caption placed under the grid never covers a row.
    """

    def fit():
        header = view.horizontalHeader()
        header_height = max(header.height(), header.sizeHint().height()) if not header.isHidden() else 0
        rows = view.verticalHeader().length()
        height = header_height + rows + 2 * view.frameWidth()
        if view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff and view.horizontalScrollBar().isVisible():
            height += view.horizontalScrollBar().sizeHint().height()
        minimum = header_height + minimum_rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth()
        height = max(height, minimum) + 1
        if view.height() != height or view.minimumHeight() != height:
            view.setFixedHeight(height)

    timer = QTimer(view)
    timer.setSingleShot(True)
    timer.timeout.connect(fit)

    def later(*_):
        timer.start(0)

    view.installEventFilter(_RefitOn(view, fit, later))
    view.rows_fitted.connect(fit)
    view.verticalHeader().sectionResized.connect(later)
    view.verticalHeader().sectionCountChanged.connect(later)
    view.horizontalHeader().geometriesChanged.connect(later)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.fit_rows()
    fit()


class _RefitOn(QObject):
    """Re-fit a grid's height when it is shown (at once, before it is painted)
    or its font or style changes (soon)."""

    EVENTS = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Polish)

    def __init__(self, view, fit, later):
        super().__init__(view)
        self.view, self.fit, self.later = view, fit, later

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show:
            self.view.ensure_rows_fitted()
            self.fit()
        elif event.type() in self.EVENTS:
            self.later()
        return False


BAR_ACTIONS = (("append", "＋ 添加行"), ("insert", "插入行"), ("insert_below", "在下方插入"), ("remove", "删除行"),
               ("up", "上移"), ("down", "下移"), ("library", "从指标库插入…"))


def grid_panel(view, title: str = "", extra: list[QWidget] | None = None, hint: str = "") -> QWidget:
    """The grid with a bar of row commands (and any extra buttons) above it."""
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 8)
    layout.setSpacing(4)
    bar = QHBoxLayout()
    bar.setSpacing(4)
    if title:
        label = QLabel(title)
        label.setObjectName("sectionHead")
        bar.addWidget(label, 1)
    for name, text in BAR_ACTIONS:
        action = view.action(name)
        if action is None:
            continue
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        shortcut = action.shortcut().toString()
        button.setToolTip(f"{action.text()}（{shortcut}）" if shortcut else action.text())
        button.clicked.connect(lambda _=False, a=action: (view.setFocus(), a.trigger()))
        bar.addWidget(button)
    for widget in extra or []:
        bar.addWidget(widget)
    if not title:
        bar.addStretch(1)
    layout.addLayout(bar)
    layout.addWidget(view, 1)
    if hint:
        note = QLabel(hint)
        note.setObjectName("sheetNote")
        note.setWordWrap(True)
        layout.addWidget(note)
    return panel
