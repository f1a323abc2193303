"""部门（单位）整体支出绩效目标表 editor: 基本信息, 职责与任务, 绩效指标, 附表2, 附表3, 签字栏.

Kind ``unit`` (上海 单位整体) shows 拨款方式, 在职人数, 内设机构数 and no 附表2/附表3.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QSplitter, QWidget

from jixiao_desktop.forms import IndicatorLayout
from jixiao_desktop.money import AmountUnit, format_amount, sum_amounts
from jixiao_desktop.ui.editors.form_editor import HINT, FormEditor
from jixiao_desktop.ui.editors.fund_detail_page import FundDetailPage, create_fund_detail
from jixiao_desktop.ui.editors.fund_model import FundModel
from jixiao_desktop.ui.editors.indicator_model import IndicatorModel
from jixiao_desktop.ui.editors.list_models import KeyTaskModel
from jixiao_desktop.ui.editors.sheet import Sheet, fit_to_rows, grid_panel, scroll_page
from jixiao_desktop.ui.editors.signoff import signoff_sheet

INCOME = ("general_budget", "gov_fund", "other")
NATURE = ("basic", "project")


class DepartmentEditor(FormEditor):
    def __init__(self, document, parent=None, choose_indicator=None, lazy: bool = False):
        super().__init__(document, parent, choose_indicator, lazy)
        self.is_unit = self.form.kind == "unit"
        self.add_page("基本信息", self._basic_page)
        self.add_page("职责与重点工作", self._duties_page)
        self.add_page("绩效指标", self._indicator_page)
        self.fund_page = None
        if not self.is_unit:
            self.add_page("附表2 专项资金", self._funds_page)
            self.add_page("附表3 支出方向", self._details_page)
        self.add_page("签字栏", lambda: scroll_page(signoff_sheet(self)))
        self.finish_pages(0)

    # --- 基本信息 ------------------------------------------------------------
    def _basic_page(self) -> QWidget:
        sheet = Sheet(self.form.title, f"（{self.form.year or '    '}年度）")
        self.add_line(sheet, "year", placeholder="如 2024")
        self.add_line(sheet, "filler_unit")
        sheet.add("金额单位", self.choice("amount_unit", AmountUnit))
        sheet.add("指标体系", self.choice("layout", IndicatorLayout))
        sheet.add_section("单位基本情况" if self.is_unit else "部门基本情况")
        sheet.add_full("单位名称" if self.is_unit else "部门名称", self.line("name"))
        if self.is_unit:
            self.add_line(sheet, "funding_method", full=True)
            self.add_line(sheet, "staff_count")
            self.add_line(sheet, "internal_units")
        sheet.add_section("年度预算")
        self.add_line(sheet, "budget.total")
        self.budget_sums = QLabel()
        self.budget_sums.setObjectName("autoSum")
        self.budget_sums.setWordWrap(True)
        sheet.add("合计（自动）", self.budget_sums)
        sheet.add_section("按收入来源")
        for key in INCOME:
            self.add_line(sheet, f"budget.{key}")
        sheet.new_row()
        sheet.add_section("按支出性质")
        for key in NATURE:
            self.add_line(sheet, f"budget.{key}")
        self.document.changed.connect(self._update_budget_sums)
        self._update_budget_sums("budget")
        return scroll_page(sheet)

    def _sum(self, keys) -> Decimal | None:
        return sum_amounts((getattr(self.form.budget, key) for key in keys), self.form.amount_unit)

    def _update_budget_sums(self, location: str) -> None:
        if not (location.startswith("budget") or location == "amount_unit"):
            return
        unit = self.form.amount_unit
        parts = []
        for label, keys in (("按收入来源", INCOME), ("按支出性质", NATURE)):
            value = self._sum(keys)
            text = f"{format_amount(value, unit, grouping=True)}{unit.value}" if value is not None else "—"
            parts.append(f"{label}：{text}")
        self.budget_sums.setText("；".join(parts))

    # --- 职责与重点工作 ------------------------------------------------------
    def _duties_page(self) -> QWidget:
        sheet = Sheet("职责与年度重点工作")
        self.add_text(sheet, "duties", 6)
        if self.is_unit or self.form.annual_goal.strip():
            self.add_text(sheet, "annual_goal", 4)
        self.task_view = self.grid(KeyTaskModel(self.document))
        fit_to_rows(self.task_view, 3)
        sheet.add_widget(grid_panel(self.task_view, "年度重点工作（任务）"))
        return scroll_page(sheet)

    def _indicator_page(self) -> QWidget:
        self.indicator_view = self.grid(IndicatorModel(self.document, "indicators"))
        page = grid_panel(self.indicator_view, "年度绩效指标", hint=HINT)
        page.layout().setContentsMargins(12, 8, 12, 8)
        return page

    # --- 附表2 / 附表3 -------------------------------------------------------
    def _funds_page(self) -> QWidget:
        self.fund_view = self.grid(FundModel(self.document))
        open_detail = QPushButton("编辑附表3")
        open_detail.setToolTip("打开当前行的附表3（没有时先建立）；也可双击“附表3”列")
        open_detail.clicked.connect(lambda: self.open_fund_detail(max(self.fund_view.currentIndex().row(), 0)))
        self.fund_view.activated_row.connect(self.open_fund_detail)
        page = grid_panel(self.fund_view, "附表2 专项资金绩效目标汇总表", [open_detail],
                          hint="合计行的金额按填写保存；各行之和显示在其提示中，不一致时以红色标出。" + HINT)
        page.layout().setContentsMargins(12, 8, 12, 8)
        return page

    def _details_page(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.fund_list = QListWidget()
        self.fund_list.setMinimumWidth(170)
        self.fund_list.setMaximumWidth(260)
        self.fund_page = FundDetailPage(self)
        self.fund_page.create_requested.connect(self.open_fund_detail)
        splitter.addWidget(self.fund_list)
        splitter.addWidget(self.fund_page)
        splitter.setStretchFactor(1, 1)
        self._fill_fund_list()
        self.fund_list.currentRowChanged.connect(self.fund_page.set_fund)
        self.document.changed.connect(self._on_changed_for_list)
        if self.form.special_funds:
            self.fund_list.setCurrentRow(0)
        return splitter

    def _fill_fund_list(self) -> None:
        current = self.fund_list.currentRow()
        self.fund_list.blockSignals(True)
        self.fund_list.clear()
        for i, fund in enumerate(self.form.special_funds):
            mark = "" if fund.detail is not None else "（未建立）"
            item = QListWidgetItem(f"{fund.seq or i + 1}. {fund.name or '（未命名）'}{mark}")
            item.setToolTip(fund.name)
            self.fund_list.addItem(item)
        if 0 <= current < self.fund_list.count():
            self.fund_list.setCurrentRow(current)
        self.fund_list.blockSignals(False)

    def _on_changed_for_list(self, location: str) -> None:
        if location == "special_funds" or (
            location.startswith("special_funds[")
            and (location.endswith(".name") or location.endswith(".seq") or location.endswith(".detail"))
            and location.count(".") <= 1
        ):
            self._fill_fund_list()
            if location == "special_funds" and self.fund_page is not None:
                self.fund_page.set_fund(self.fund_list.currentRow())

    def open_fund_detail(self, row: int) -> bool:
        """Open 附表2 row ``row``'s 附表3, creating it first when missing (undoable)."""
        self.build_all()
        if self.fund_page is None or not 0 <= row < len(self.form.special_funds):
            return False
        create_fund_detail(self.document, row)
        self.tabs.setCurrentWidget(self.fund_page.parentWidget())
        self.fund_list.setCurrentRow(row)
        self.fund_page.set_fund(row)
        return True

    def prepare_location(self, location: str) -> None:
        if self.fund_page is None or not location.startswith("special_funds["):
            return
        number = location[len("special_funds[") :].split("]", 1)[0]
        rest = location[len("special_funds[") + len(number) + 1 :]
        if number.isdigit() and rest.startswith(".detail"):
            row = int(number)
            if row < self.fund_list.count():
                self.fund_list.setCurrentRow(row)
                self.fund_page.set_fund(row)
