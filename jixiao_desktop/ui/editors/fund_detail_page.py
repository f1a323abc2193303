"""附表3 专项资金支出方向绩效目标表: one page, rebound to the 附表2 row being edited.

When the row has no 附表3 yet, the page offers to create one (undoable), filled
from the row by :func:`jixiao_desktop.forms.templates.new_fund_detail`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from jixiao_desktop.forms.templates import new_fund_detail
from jixiao_desktop.ui.editors.expense_model import ExpenseModel
from jixiao_desktop.ui.editors.indicator_model import IndicatorModel
from jixiao_desktop.ui.editors.sheet import Sheet, fit_to_rows, grid_panel, scroll_page


def create_fund_detail(document, row: int) -> bool:
    """Give 附表2 row ``row`` its 附表3 (one undo step); False when it already has one."""
    fund = document.form.special_funds[row]
    if fund.detail is not None:
        return False
    detail = new_fund_detail(fund, document.form.layout)
    document.set_value(f"special_funds[{row}].detail", detail, merge=False)
    return True


class FundDetailPage(QStackedWidget):
    """The 附表3 of one 附表2 row; :meth:`set_fund` switches rows."""

    create_requested = Signal(int)

    def __init__(self, editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.document = editor.document
        self.row = -1
        self.fields: list = []
        self._subpaths: dict[int, str] = {}
        self.addWidget(self._empty_page())
        self.addWidget(self._detail_page())
        self.document.changed.connect(self._on_changed)

    def prefix(self, row: int | None = None) -> str:
        return f"special_funds[{self.row if row is None else row}].detail"

    def _bound(self, widget, subpath: str):
        self._subpaths[id(widget)] = subpath
        self.fields.append(widget)
        return widget

    def _empty_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.empty_label = QLabel("")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.create_button = QPushButton("建立附表3")
        self.create_button.clicked.connect(lambda: self.create_requested.emit(self.row))
        layout.addStretch(1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    def _detail_page(self) -> QWidget:
        editor, prefix = self.editor, "special_funds[0].detail"
        unit = self.document.form.amount_unit.value
        sheet = Sheet("附表3 专项资金支出方向绩效目标表", f"（金额单位：{unit}）")
        for sub in ("name", "amount", "parent_name", "parent_amount"):
            sheet.add(editor.title(f"{prefix}.{sub}"), self._bound(editor.line(f"{prefix}.{sub}"), sub))
        sheet.add_full("项目实施期", self._bound(editor.line(f"{prefix}.period"), "period"))
        sheet.add("实施期绩效目标", self._bound(editor.text(f"{prefix}.period_goal", 4), "period_goal"))
        sheet.add("年度绩效目标", self._bound(editor.text(f"{prefix}.annual_goal", 4), "annual_goal"))
        self.indicator_model = IndicatorModel(self.document, f"{prefix}.indicators", with_mid=False, with_standard=True)
        self.indicator_view = editor.grid(self.indicator_model)
        fit_to_rows(self.indicator_view, 3)
        sheet.add_widget(grid_panel(self.indicator_view, "年度绩效指标"))
        self.expense_model = ExpenseModel(self.document, f"{prefix}.expenses")
        self.expense_view = editor.grid(self.expense_model)
        fit_to_rows(self.expense_view, 2)
        sheet.add_widget(grid_panel(self.expense_view, "支出明细及测算说明"))
        # Unbound until set_fund picks a row.
        for widget in self.fields:
            widget.set_location("")
        return scroll_page(sheet)

    def set_fund(self, row: int) -> None:
        """Show the 附表3 of 附表2 row ``row`` (or the offer to create it)."""
        self.row = row
        funds = self.document.form.special_funds
        fund = funds[row] if 0 <= row < len(funds) else None
        if fund is None or fund.detail is None:
            name = fund.name if fund is not None else ""
            self.empty_label.setText(f"“{name}”还没有附表3。" if fund is not None else "请在左侧选择专项。")
            self.create_button.setVisible(fund is not None)
            self.setCurrentIndex(0)
            for widget in self.fields:
                widget.set_location("")
            self.indicator_model.set_list_path("")
            self.expense_model.set_list_path("")
            return
        prefix = self.prefix(row)
        for widget in self.fields:
            widget.set_location(f"{prefix}.{self._subpaths[id(widget)]}")
        self.indicator_model.set_list_path(f"{prefix}.indicators")
        self.expense_model.set_list_path(f"{prefix}.expenses")
        self.editor.refresh_marks()
        self.setCurrentIndex(1)

    def _on_changed(self, location: str) -> None:
        if self.row >= 0 and (location == "special_funds" or location == self.prefix()):
            self.set_fund(self.row)
