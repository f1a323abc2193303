"""项目支出绩效目标申报表 editor: 申报书, 基本信息 with 资金来源 and 总体目标, 绩效指标, 测算, 说明与签字."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QHeaderView, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from jixiao_desktop.forms import IndicatorLayout
from jixiao_desktop.money import AmountUnit
from jixiao_desktop.ui.editors.cost_model import CostModel
from jixiao_desktop.ui.editors.form_editor import HINT, FormEditor
from jixiao_desktop.ui.editors.funding_model import FundingModel
from jixiao_desktop.ui.editors.indicator_model import IndicatorModel
from jixiao_desktop.ui.editors.list_models import ArrangementModel
from jixiao_desktop.ui.editors.sheet import Sheet, fit_to_rows, grid_panel, scroll_page
from jixiao_desktop.ui.editors.signoff import signoff_sheet


class ProjectEditor(FormEditor):
    PROPOSAL, BASIC, INDICATORS, COSTING, NOTES = range(5)

    def __init__(self, document, parent=None, choose_indicator=None, lazy: bool = False):
        super().__init__(document, parent, choose_indicator, lazy)
        self.add_page("申报书", self._proposal_page)
        self.add_page("基本信息·资金来源·总体目标", self._basic_page)
        self.add_page("绩效指标", self._indicator_page)
        self.add_page("测算", self._costing_page)
        self.add_page("制度措施·说明·签字", self._notes_page)
        self.finish_pages(self.BASIC)

    # --- pages ---------------------------------------------------------------
    def _proposal_page(self) -> QWidget:
        sheet = Sheet("项目申报书")
        self.add_line(sheet, "proposal.title", full=True)
        self.add_line(sheet, "proposal.project_name", full=True)
        for location in ("proposal.unit_name", "proposal.org_code", "proposal.address", "proposal.phone",
                         "proposal.legal_rep", "proposal.fund_source"):
            self.add_line(sheet, location)
        self.add_text(sheet, "proposal.agent", 2)
        self.add_text(sheet, "proposal.basis", 4)
        self.add_text(sheet, "proposal.overview", 4)
        self.add_text(sheet, "proposal.content", 4)
        self.add_text(sheet, "proposal.arrangement", 3)
        self.arrangement_view = self.grid(ArrangementModel(self.document))
        fit_to_rows(self.arrangement_view, 1)
        sheet.add_full("资金安排明细", grid_panel(self.arrangement_view))
        self.add_text(sheet, "proposal.plan", 4)
        self.add_text(sheet, "proposal.outcomes", 4)
        return scroll_page(sheet)

    def _basic_page(self) -> QWidget:
        unit = self.form.amount_unit.value
        sheet = Sheet("项目支出绩效目标申报表", f"（{self.form.year or '    '}年度）")
        self.basic_sheet = sheet
        self.add_line(sheet, "year", placeholder="如 2024")
        self.add_line(sheet, "filler_unit")
        sheet.add("金额单位", self.choice("amount_unit", AmountUnit))
        sheet.add("指标体系", self.choice("layout", IndicatorLayout))
        sheet.add_section("项目基本情况")
        self.add_line(sheet, "project_name", full=True)
        for location in ("department_code", "implementing_unit", "attribute", "period", "leader", "leader_phone"):
            self.add_line(sheet, location)
        self.add_text(sheet, "overview", 3)
        self.add_text(sheet, "basis", 3)
        self.funding_heading = sheet.add_section(f"资金来源（单位：{unit}）")
        self.document.changed.connect(self._update_unit_heading)
        self.funding_view = self.grid(FundingModel(self.document))
        self.funding_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        fit_to_rows(self.funding_view)
        sheet.add_widget(self.funding_view)
        note = QLabel("“合计（自动）”是各级财政资金之和，随输入即时计算；与填写的总投入不一致时以红色标出。")
        note.setObjectName("sheetNote")
        sheet.add_widget(note)
        sheet.add_section("总体目标")
        sheet.add("中期目标", self.text("goals.mid", 6))
        sheet.add("年度目标", self.text("goals.annual", 6))
        return scroll_page(sheet)

    def _update_unit_heading(self, location: str) -> None:
        if location == "year":
            self.basic_sheet.note.setText(f"（{self.form.year or '    '}年度）")
        if location == "amount_unit":
            self.funding_heading.setText(f"资金来源（单位：{self.form.amount_unit.value}）")

    def _indicator_page(self) -> QWidget:
        self.indicator_view = self.grid(IndicatorModel(self.document, "indicators"))
        page = grid_panel(self.indicator_view, "绩效指标（中期与年度并列）", hint=HINT)
        page.layout().setContentsMargins(12, 8, 12, 8)
        return page

    def _costing_page(self) -> QWidget:
        self.cost_model = CostModel(self.document)
        self.cost_view = self.grid(self.cost_model)
        fill = QPushButton("用计算结果填写金额")
        fill.setToolTip("把每行“计算金额（自动）”写入“填报金额”（可撤销）")
        fill.clicked.connect(self.cost_model.fill_amounts)
        panel = grid_panel(self.cost_view, "成本测算（金额 = 数量 × 标准 × 期数 × 本级承担比例）", [fill])
        self.cost_text = QPlainTextEdit()
        self.cost_text.setReadOnly(True)
        self.cost_text.setPlaceholderText("填写测算行后，这里自动生成测算说明。")
        self.cost_text.setMaximumHeight(150)
        copy = QPushButton("复制测算说明")
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.cost_text.toPlainText()))
        heading = QHBoxLayout()
        label = QLabel("测算说明（自动生成）")
        label.setObjectName("sectionHead")
        heading.addWidget(label, 1)
        heading.addWidget(copy)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(panel, 3)
        layout.addLayout(heading)
        layout.addWidget(self.cost_text, 1)
        self.document.changed.connect(self._update_cost_text)
        self._update_cost_text("cost_lines")
        return page

    def _update_cost_text(self, location: str) -> None:
        if location.startswith("cost_lines") or location == "amount_unit":
            text = self.cost_model.explanation()
            if self.cost_text.toPlainText() != text:
                self.cost_text.setPlainText(text)

    def _notes_page(self) -> QWidget:
        sheet = Sheet("制度措施与预算绩效说明")
        self.add_text(sheet, "measures", 5)
        self.add_text(sheet, "budget_notes", 5)
        return scroll_page(sheet, signoff_sheet(self))
