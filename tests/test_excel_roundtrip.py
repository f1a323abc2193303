"""Export → import gives back the same document: each example, and random documents."""

from __future__ import annotations

import openpyxl
from hypothesis import HealthCheck, given, settings

from jixiao_desktop.excel import export_workbook, import_workbook
from jixiao_desktop.excel.program_data import SHEET_NAME
from tests.strategies import forms


def test_example_round_trip(example_form, tmp_path):
    path = export_workbook(example_form, tmp_path / "out.xlsx")
    result = import_workbook(path)
    assert result.form == example_form
    assert not result.report.unrecognised
    # The examples fit the official layout: nothing needs the program-data sheet.
    assert SHEET_NAME not in openpyxl.load_workbook(path).sheetnames


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(form=forms)
def test_random_round_trip(form, tmp_path):
    path = export_workbook(form, tmp_path / "random.xlsx")
    assert import_workbook(path).form == form
