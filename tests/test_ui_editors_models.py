"""Grid models over a FormDocument, without a view: edits, undo, paste, rows, findings."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jixiao_desktop.checks.findings import Finding, Severity
from jixiao_desktop.forms import CostLine
from jixiao_desktop.forms.templates import new_project
from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.editors.cost_model import CostModel
from jixiao_desktop.ui.editors.fund_model import FundModel
from jixiao_desktop.ui.editors.funding_model import FundingModel
from jixiao_desktop.ui.editors.indicator_model import IndicatorModel
from jixiao_desktop.ui.editors.tsv import format_tsv, parse_tsv
from tests.conftest import load_example

EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole


def test_tsv_round_trip_with_quotes_and_newlines():
    text = '名称\t"两行\n内容"\t"他说""好"""\r\n1\t\t3\r\n'
    rows = parse_tsv(text)
    assert rows == [["名称", "两行\n内容", '他说"好"'], ["1", "", "3"]]
    assert parse_tsv(format_tsv(rows)) == rows
    assert parse_tsv("") == []


def test_funding_auto_total_follows_levels_and_keeps_typed_total(qapp):
    doc = FormDocument(load_example("project-2024-chenggong-eldercare"))
    model = FundingModel(doc)
    annual = 1
    assert model.index(annual, model.AUTO).data(DISPLAY) == "453600.00"
    central = model.index(annual, 2)
    model.setData(central, "1000")
    assert model.index(annual, model.AUTO).data(DISPLAY) == "≠ 454600.00"
    assert model.index(annual, model.TOTAL).data(EDIT) == "453600.00"  # as typed
    assert "不一致" in model.index(annual, model.TOTAL).data(Qt.ItemDataRole.ToolTipRole)
    doc.undo_stack.undo()
    assert model.index(annual, model.AUTO).data(DISPLAY) == "453600.00"
    assert model.index_for_location("funding.mid.total") == model.index(0, model.TOTAL)


def test_indicator_paste_is_one_undo_step_and_adds_rows(qapp):
    doc = FormDocument(load_example("project-2024-chenggong-eldercare"))
    model = IndicatorModel(doc)
    rows_before = model.rowCount()
    block = parse_tsv("效益指标\t社会效益指标\t甲\t≥1个\n\t\t乙\t\"100%\"\n")
    model.paste(rows_before - 1, 0, block)
    assert model.rowCount() == rows_before + 1
    assert doc.form.indicators[rows_before - 1].mid.name == "甲"
    assert doc.form.indicators[rows_before].mid.value == "100%"
    assert doc.form.indicators[rows_before].mid is not None and doc.form.indicators[rows_before].annual is not None
    doc.undo_stack.undo()
    assert model.rowCount() == rows_before
    assert doc.form.indicators[rows_before - 1].mid.name == "老年人对居家养老服务工作满意"


def test_indicator_rows_merged_level1_and_choices(qapp):
    doc = FormDocument(new_project("2025"))
    model = IndicatorModel(doc)
    assert model.index(0, 0).data(DISPLAY) == "产出指标"
    assert model.index(1, 0).data(DISPLAY) == ""  # merged look
    assert model.index(1, 0).data(EDIT) == "产出指标"
    assert "效益指标" in model.choices(0, 0)
    assert model.choices(0, 1) == ["数量指标", "质量指标", "时效指标", "成本指标"]
    model.insert_rows(1)
    assert doc.form.indicators[1].level1 == "产出指标" and doc.form.indicators[1].mid is not None
    model.move_row(1, 1)
    assert doc.form.indicators[2].annual.level2 == ""
    model.remove_rows([2])
    assert len(doc.form.indicators) == len(new_project().indicators)
    assert model.index_for_location("indicators[3].annual.value") == model.index(3, 6)


def test_library_entry_fills_empty_row_or_adds_one(qapp):
    doc = FormDocument(new_project())
    model = IndicatorModel(doc)
    col = model.column_for("annual.name")
    assert model.insert_from_library(0, col, {"name": "服务人数", "value": "≥100人"}) == 0
    assert doc.form.indicators[0].annual.value == "≥100人"
    assert model.insert_from_library(0, col, {"name": "服务次数", "value": "≥12次"}) == 1
    assert doc.form.indicators[1].annual.level2 == "数量指标"
    doc.undo_stack.undo()
    assert doc.form.indicators[1].annual.name == ""


def test_cost_model_computes_and_fills(qapp):
    form = new_project()
    form.cost_lines.append(CostLine(item="运营补助", quantity="27", quantity_unit="个", standard="2.4万元",
                                    split="3:7", split_levels="市:区"))
    doc = FormDocument(form)
    model = CostModel(doc)
    assert model.index(0, model.COMPUTED).data(DISPLAY) == "无法计算"
    model.setData(model.index(0, model.SHARE), "区")
    assert doc.form.cost_lines[0].share_index == 1
    assert model.index(0, model.COMPUTED).data(DISPLAY) == "453600.00"
    assert model.fill_amounts() == 1
    assert doc.form.cost_lines[0].amount == "453600.00"
    assert "7/10" in model.explanation()
    rejected = []
    model.input_rejected.connect(rejected.append)
    model.setData(model.index(0, model.SHARE), "省")
    assert rejected and doc.form.cost_lines[0].share_index == 1


def test_fund_rename_keeps_detail_in_step(qapp):
    doc = FormDocument(load_example("department-2023-shifeng-civil-affairs"))
    model = FundModel(doc)
    fund = doc.form.special_funds[0]
    model.setData(model.index(0, model.NAME), "提退人员经费（新）")
    model.setData(model.index(0, model.AMOUNT), "15")
    assert fund.detail.name == fund.detail.parent_name == "提退人员经费（新）"
    assert fund.detail.amount == "15"
    doc.undo_stack.undo()
    assert fund.amount == "14.87" and fund.detail.amount == "14.87"
    doc.undo_stack.undo()
    assert fund.detail.name == "提退人员经费"
    footer = model.rowCount() - 1
    assert model.headerData(footer, Qt.Orientation.Vertical) == "合计"
    assert model.index(footer, model.AMOUNT).data(EDIT) == doc.form.special_funds_total


def test_findings_tint_cells(qapp):
    doc = FormDocument(load_example("project-2024-chenggong-eldercare"))
    model = IndicatorModel(doc)
    finding = Finding("x", Severity.ERROR, "indicators[2].annual.value", "不对")
    model.set_findings({finding.location: [finding]})
    index = model.index(2, model.column_for("annual.value"))
    assert "不对" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
