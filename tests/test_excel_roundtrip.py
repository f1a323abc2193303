"""Export → import gives back the same document: each example, and random documents."""

from __future__ import annotations

import openpyxl
from hypothesis import HealthCheck, given, settings

from jixiao_desktop.excel import export_workbook, import_workbook
from jixiao_desktop.excel.program_data import SHEET_NAME
from tests.conftest import load_example
from tests.strategies import forms


def test_example_round_trip(example_form, tmp_path):
    path = export_workbook(example_form, tmp_path / "out.xlsx")
    result = import_workbook(path)
    assert result.form == example_form
    assert not result.report.unrecognised
    wb = openpyxl.load_workbook(path)
    if getattr(example_form, "project_name", "") == "社会服务项目大赛":
        # seed 002 typed amounts with their unit (300万元, 200000元): the cells hold numbers (so the
        # bureau's formulas count them) and the program-data sheet keeps the texts as typed
        rows = [r for r in wb[SHEET_NAME].iter_rows(min_row=3, values_only=True) if r[0]]
        assert {r[0] for r in rows} == {
            "funding.mid.total", "funding.mid.county", "funding.annual.total", "funding.annual.county",
            "proposal.arrangement_items[0].amount", "proposal.arrangement_items[1].amount",
            "proposal.arrangement_items[2].amount", "proposal.arrangement_total",
        }
    else:
        # every other example fits the official layout: nothing needs the program-data sheet
        assert SHEET_NAME not in wb.sheetnames


def test_amounts_are_number_cells_shown_as_typed(tmp_path):
    form = load_example("department-2023-shifeng-civil-affairs")
    path = export_workbook(form, tmp_path / "d.xlsx")
    wb = openpyxl.load_workbook(path)
    cells = {c.value: c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))}
    assert cells[160].number_format == "0" and cells[14.87].number_format == "0.00"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(form=forms)
def test_random_round_trip(form, tmp_path):
    path = export_workbook(form, tmp_path / "random.xlsx")
    assert import_workbook(path).form == form


AMOUNTS = ["300万元", "3000000", "3000000.00", "1360800.00 ", "约74万元", "0.0001", "-5.00", "1e5", "１２３",
           "123456789012345.67", "45.3600", "453,600.00", "", "=SUM(A1:A2)", "16800元/个.年"]


def test_amount_texts_come_back_as_typed(tmp_path):
    from jixiao_desktop.forms.templates import new_department
    from jixiao_desktop.money import AmountUnit

    for unit in AmountUnit:
        form = new_department("2024")
        form.amount_unit = unit
        form.budget.total = AMOUNTS[0]
        from jixiao_desktop.forms import SpecialFund

        form.special_funds = [SpecialFund(seq=str(i), name=f"专项{i}", amount=text) for i, text in enumerate(AMOUNTS)]
        form.special_funds_total = "3000000.00"
        path = export_workbook(form, tmp_path / f"amounts-{unit.name}.xlsx")
        assert import_workbook(path).form == form


def test_totals_are_formulas_when_they_add_up(tmp_path):
    form = load_example("department-2023-shifeng-civil-affairs")
    path = export_workbook(form, tmp_path / "dept.xlsx")
    wb = openpyxl.load_workbook(path)
    formulas = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert any(str(f).startswith("=SUM(") for f in formulas)
    sheet = wb["附表3-1"]
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.merged_cells.ranges
    assert wb.sheetnames[:3] == ["部门整体支出绩效目标表", "附表2", "附表3-1"]
    assert len([n for n in wb.sheetnames if n.startswith("附表3")]) == 12


def test_edits_in_the_main_sheet_win_over_program_data(tmp_path):
    from jixiao_desktop.forms import CostLine

    form = load_example("project-2020-chenggong-service-contest")
    form.cost_lines = [CostLine(item="承办经费", quantity="1", standard="200000", amount="200000")]
    form.project_name = "社会服务\x0b项目大赛"  # no cell keeps a control character: the exact text goes to the program-data sheet
    form.funding.annual.total = "1000000"  # a number cell shown as typed (format 0)
    form.funding.annual.county = "1000000"
    path = export_workbook(form, tmp_path / "p.xlsx")
    assert import_workbook(path).form == form
    wb = openpyxl.load_workbook(path)
    assert SHEET_NAME in wb.sheetnames
    ws = wb.active
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "项目名称":
                ws.cell(row=cell.row, column=cell.column + 1, value="改过的名称")
            if isinstance(cell.value, str) and cell.value.startswith("年度资金来源"):
                ws.cell(row=cell.row, column=cell.column + 5, value=1200000)
    wb.save(path)
    result = import_workbook(path)
    assert result.form.project_name == "改过的名称"
    assert result.form.cost_lines == form.cost_lines
    assert result.form.funding.annual.county == "1200000"  # the bureau's edit wins (shown as the cell shows it)
    assert result.form.funding.annual.total == "1000000"  # untouched: typed text restored
    assert any("以表中内容为准" in w for w in result.report.warnings)

