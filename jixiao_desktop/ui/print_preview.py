"""打印预览: the very PDF that will print, page by page (QtPdf), with 打印… and 导出PDF….

The dialog is given the bytes ``render_bytes`` made from a snapshot of the form
and the callbacks that print or save exactly those bytes, so what the clerk
sees is what goes to the printer or the file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from jixiao_desktop.printing import RenderResult


ZOOMS = (("适合宽度", "width"), ("整页", "page"), ("100%", 1.0), ("75%", 0.75), ("150%", 1.5))


def describe_result(result: RenderResult) -> str:
    parts = [f"共 {result.pages} 页", "A4 纵向，按实际大小打印", f"字体：{result.font}",
             f"文档校验码：{result.fingerprint}"]
    if result.draft:
        parts.insert(1, "有错误，页面带“草稿”字样")
    if result.explained:
        parts.append(f"附出错说明 {result.explained} 条")
    return "　·　".join(parts)


class PrintPreviewDialog(QDialog):
    def __init__(self, data: bytes, result: RenderResult, title: str,
                 print_pdf: Callable[[bytes, RenderResult], None],
                 export_pdf: Callable[[bytes, RenderResult], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"打印预览 - {title}")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.data, self.result = data, result
        self._print, self._export = print_pdf, export_pdf

        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf = QPdfDocument(self)
        self.pdf.load(self.buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("QPdfView { background: #808080; }")

        self.zoom = QComboBox()
        for label, value in ZOOMS:
            self.zoom.addItem(label, value)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        self.page = QSpinBox()
        self.page.setRange(1, max(1, self.pdf.pageCount()))
        self.page.setSuffix(f" / {self.pdf.pageCount()}")
        self.page.valueChanged.connect(self.go_to_page)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)

        top = QHBoxLayout()
        top.addWidget(QLabel("缩放："))
        top.addWidget(self.zoom)
        top.addSpacing(16)
        top.addWidget(QLabel("页："))
        top.addWidget(self.page)
        top.addStretch(1)
        self.info = QLabel(describe_result(result))
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.print_button = QPushButton("打印(&P)…")
        self.print_button.setDefault(True)
        self.export_button = QPushButton("导出PDF(&E)…")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText("关闭")
        self.print_button.clicked.connect(self._print_clicked)
        self.export_button.clicked.connect(lambda: self._export(self.data, self.result))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.info, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self._print_clicked)
        self._zoom_changed(0)

    @property
    def page_count(self) -> int:
        return self.pdf.pageCount()

    def _print_clicked(self) -> None:
        self.accept()  # the preview closes, the print dialog follows
        self._print(self.data, self.result)

    def _zoom_changed(self, index: int) -> None:
        value = self.zoom.itemData(index)
        if value == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(value))

    def go_to_page(self, number: int) -> None:
        navigator = self.view.pageNavigator()
        if navigator.currentPage() != number - 1:
            navigator.jump(number - 1, QPointF(), navigator.currentZoom())

    def _page_changed(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)
