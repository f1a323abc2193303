"""A two-level column header as on the paper form: group titles spanning their columns.

``GroupHeader(groups)`` takes ``(first, last, title)`` spans of columns. A grouped
column shows its group's title across the top half and its own title (the
model's header text) in the bottom half; a column outside every group shows
its title over the full height, like a merged cell:

    一级指标 | 中期指标                    | 年度指标
             | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader


class GroupHeader(QHeaderView):
    def __init__(self, groups: list[tuple[int, int, str]], parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.groups = list(groups)
        self.setSectionsClickable(True)

    def group_of(self, logical: int) -> tuple[int, int, str] | None:
        for group in self.groups:
            if group[0] <= logical <= group[1]:
                return group
        return None

    # --- size ------------------------------------------------------------------
    def sectionSizeFromContents(self, logical: int) -> QSize:
        size = super().sectionSizeFromContents(logical)
        if self.groups:
            size.setHeight(2 * size.height())
        return size

    # --- painting --------------------------------------------------------------
    def paintSection(self, painter, rect: QRect, logical: int) -> None:
        group = self.group_of(logical) if self.groups else None
        if group is None:
            super().paintSection(painter, rect, logical)
            return
        half = rect.height() // 2
        first, last, title = group
        left = self.sectionViewportPosition(first)
        right = self.sectionViewportPosition(last) + self.sectionSize(last)
        top = QRect(left, rect.top(), right - left, half)
        bottom = QRect(rect.left(), rect.top() + half, rect.width(), rect.height() - half)
        painter.save()
        painter.setClipRect(rect)  # each section paints its own slice of the group cell
        self._draw(painter, top, title, logical)
        painter.restore()
        painter.save()
        self._draw(painter, bottom, self._text(logical), logical)
        painter.restore()

    def _text(self, logical: int) -> str:
        model = self.model()
        text = model.headerData(logical, self.orientation(), Qt.ItemDataRole.DisplayRole) if model else ""
        return "" if text is None else str(text)

    def _draw(self, painter, rect: QRect, text: str, logical: int) -> None:
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical
        option.text = text
        option.textAlignment = Qt.AlignmentFlag.AlignCenter
        option.position = QStyleOptionHeader.SectionPosition.Middle
        option.state |= QStyle.StateFlag.State_Enabled
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
