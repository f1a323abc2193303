"""Excel from any template: export in the template's layout, import by its labels, the template chosen.

How typed amount text round-trips: through the program's (very hidden) data sheet, exactly. Without it
(deleted, or a workbook typed by hand) an amount is read from its number cell as the cell shows it: a
plain amount keeps its shape (``12.50``, ``1,234.50`` — the cell's number format is the typed one), while
a text the number format cannot show (``300万元``) comes back as the same amount in the form's unit
(``300.00``). So without the data sheet amount cells are compared as Decimal values, all other cells as
exact text.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from jixiao_desktop.cli import main
from jixiao_desktop.excel import ExcelError, export_workbook, import_workbook
from jixiao_desktop.excel.program_data import SHEET_NAME
from jixiao_desktop.money import parse_amount
from jixiao_desktop.storage import load
from jixiao_desktop.templates import available
from jixiao_desktop.forms.merged_levels import resolve_table
from jixiao_desktop.templates.schema import AmountTable, ChildForms, FieldsSection, IndicatorTable, SignOffSection
from tests.conftest import ROOT, load_example

EXAMPLES = sorted((ROOT / "resources" / "templates" / "examples").glob("*.jixiao"))
TEMPLATE_EXAMPLES = [p for p in EXAMPLES if load(p).kind == "template"]


def _amount_keys(sections) -> tuple[set[str], dict[str, set[str]]]:
    fields = {f.id for s in sections if isinstance(s, (FieldsSection, SignOffSection)) for f in s.field
              if f.type == "amount"}
    tables = {s.id: {c.id for c in s.columns if c.type == "amount"} for s in sections if isinstance(s, AmountTable)}
    return fields, tables


def _value(text: str, unit):
    return parse_amount(text, unit).value if text.strip() else None


def _part_view(sections, part, unit) -> dict:
    """A part with amounts as Decimal values, other cells as text, a missing cell as blank; an indicator
    table's blank 一级/二级 under a filled one read as that heading (Excel writes it as a merged cell)."""
    amount_fields, amount_columns = _amount_keys(sections)
    fields = {k: _value(v, unit) if k in amount_fields else v for k, v in part.fields.items()}
    sides = {s.id: [side.id for side in s.sides] for s in sections if isinstance(s, IndicatorTable)}
    tables = {}
    for table, rows in part.tables.items():
        if table in sides:
            rows = resolve_table(rows, sides[table])
        money = amount_columns.get(table, set())
        keys = sorted({k for row in rows for k in row})
        tables[table] = [{k: (_value(row.get(k, ""), unit) if k in money else row.get(k, "")) for k in keys}
                         for row in rows]
    children = {}
    for child in (s for s in sections if isinstance(s, ChildForms)):
        children[child.id] = [_part_view(child.section, p, unit) for p in part.children.get(child.id, [])]
    return {"fields": fields, "tables": tables, "children": children}


def _view(form) -> dict:
    return {"year": form.year, "unit": form.amount_unit, "template": form.template_id,
            "content": _part_view(form.loaded.template.section, form.content, form.amount_unit)}


def _without_data_sheet(path: Path, target: Path) -> Path:
    wb = openpyxl.load_workbook(path)
    del wb[SHEET_NAME]
    wb.save(target)
    return target


@pytest.mark.parametrize("example", TEMPLATE_EXAMPLES, ids=lambda p: p.stem)
def test_round_trip_with_and_without_the_data_sheet(example, tmp_path):
    form = load(example)
    path = export_workbook(form, tmp_path / "out.xlsx")
    result = import_workbook(path)
    assert result.form == form                       # exact, through the data sheet
    assert not result.report.unrecognised and not result.report.missing
    assert form.template_id in result.report.kind_label
    bare = import_workbook(_without_data_sheet(path, tmp_path / "bare.xlsx"))
    assert _view(bare.form) == _view(form)          # by the labels alone
    assert not bare.report.unrecognised and not bare.report.missing
    assert any(form.template_id in g.note for g in bare.report.guesses)   # detected, and said why


def test_amount_texts_without_the_data_sheet(tmp_path):
    form = load_example_template("hubei-city-project-correct")
    costs = form.content.tables["costs"]
    costs[0]["amount"], costs[1]["amount"], costs[2]["amount"] = "12.50", "1,234.50", "300万元"
    path = export_workbook(form, tmp_path / "amounts.xlsx")
    assert import_workbook(path).form == form
    back = import_workbook(_without_data_sheet(path, tmp_path / "bare.xlsx")).form.content.tables["costs"]
    assert [row["amount"] for row in back[:3]] == ["12.50", "1,234.50", "300.00"]
    rows = [r for r in openpyxl.load_workbook(path)[SHEET_NAME].iter_rows(min_row=3, values_only=True) if r[0]]
    assert "content.tables.costs[2].amount" in {r[0] for r in rows}   # the typed text is kept there


def load_example_template(stem: str):
    return load(ROOT / "resources" / "templates" / "examples" / f"{stem}.jixiao")


def test_data_sheet_is_very_hidden(tmp_path):
    template_path = export_workbook(load_example_template("mof-project-correct"), tmp_path / "t.xlsx")
    built_in = load_example("project-2020-chenggong-service-contest")   # typed 300万元: needs the data sheet
    built_in_path = export_workbook(built_in, tmp_path / "b.xlsx")
    for path in (template_path, built_in_path):
        wb = openpyxl.load_workbook(path)
        assert wb[SHEET_NAME].sheet_state == "veryHidden"
        assert all(ws.sheet_state == "visible" for ws in wb.worksheets if ws.title != SHEET_NAME)
    assert import_workbook(built_in_path).form == built_in


def test_layout_total_formulas_and_child_sheets(tmp_path):
    form = load_example_template("county-distribution-correct")
    path = export_workbook(form, tmp_path / "d.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["专项资金分配表", "绩效目标表1", "绩效目标表2", "绩效目标表3", "绩效目标表4", SHEET_NAME]
    main_ws = wb["专项资金分配表"]
    total = next(row for row in main_ws.iter_rows() if row[0].value == "合计")
    formulas = [c.value for c in total if c.data_type == "f"]
    assert formulas == ["=SUM(B8:B11)", "=SUM(C8:C11)", "=SUM(D8:D11)", "=SUM(E8:E11)"]
    amounts = [c for row in main_ws.iter_rows(min_row=8, max_row=11) for c in row[1:]]
    assert all(isinstance(c.value, (int, float)) and c.number_format == "0.00" for c in amounts)
    child = wb["绩效目标表1"]
    merged = {str(r) for r in child.merged_cells.ranges}
    assert {"A8:A14", "B8:B12", "C8:C9"} <= merged   # 年度指标 over the table; 产出指标 over its five rows


@pytest.mark.skipif(shutil.which("libreoffice") is None and shutil.which("soffice") is None,
                    reason="LibreOffice not installed")
def test_libreoffice_computes_the_totals(tmp_path):
    form = load_example_template("county-distribution-correct")
    path = export_workbook(form, tmp_path / "dist.xlsx")
    out = tmp_path / "calc"
    office = shutil.which("libreoffice") or shutil.which("soffice")
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    ws = openpyxl.load_workbook(out / "dist.xlsx", data_only=True)["专项资金分配表"]
    total = next(row for row in ws.iter_rows() if row[0].value == "合计")
    rows = form.content.tables["distribution"]
    for cell, column in zip(total[1:], ("roads", "water", "environment", "total")):
        expected = sum(Decimal(r[column]) for r in rows)
        assert Decimal(str(cell.value)).quantize(Decimal("0.01")) == expected, get_column_letter(cell.column)


def _hand_typed(path: Path) -> Path:
    """A 湖北 市直 form typed by hand: other wording, 一级 merged, amounts as numbers, a typed 合计 row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "申报表"
    ws.append(["市直部门预算项目绩效目标申报表"])
    ws.append(["", "", "", "", "单位：万元"])
    ws.append(["项目名称：", "档案数字化加工", "项目类别", "专项业务"])
    ws.append(["项目性质", "一次性"])
    ws.append(["立项依据", "《档案法》"])
    ws.append(["成本项目", "金额（万元）", "测算(公式)依据", "2023年实际执行数", "2024年实际执行数"])
    ws.append(["数字化加工", 80, "200万页×0.4元", None, 60])
    ws.append(["设备购置", 20.5, "扫描仪2台", 15, None])
    ws.append(["合计", 100.5, "", 15, 60])
    ws.append(["金额合计", 100.5])
    ws.append(["绩效目标", "完成200万页档案数字化"])
    ws.append(["栏目", "一级指标", "二级指标", "指标名称", "绩效标准", "目标值"])
    ws.append(["本年度指标", "产出指标", "数量指标", "数字化加工量", "计划", "≥200万页"])
    ws.append(["", "", "质量指标", "合格率", "", "≥98%"])
    ws.append(["", "效益指标", "社会效益指标", "查档利用人次", "", "≥6000人次"])
    ws.merge_cells("A13:A15")
    ws.merge_cells("B13:B14")
    ws.append(["保障绩效目标实现措施", "专人负责"])
    ws.append(["备注：另附测算表"])
    wb.save(path)
    return path


def test_hand_typed_workbook_imports_by_labels(tmp_path):
    path = _hand_typed(tmp_path / "hand.xlsx")
    result = import_workbook(path)
    form, report = result.form, result.report
    assert form.template_id == "hubei-city-project"
    assert any("hubei-city-project" in g.note and "其次是" in g.note for g in report.guesses)
    fields = form.content.fields
    assert fields["project_name"] == "档案数字化加工" and fields["category"] == "专项业务"
    assert fields["nature"] == "一次性" and fields["total_amount"] == "100.50"   # a number read in the form's unit
    assert form.amount_unit.value == "万元"
    costs = form.content.tables["costs"]
    assert [(r["item"], r["amount"], r["actual_prev2"], r["actual_prev1"]) for r in costs] == [
        ("数字化加工", "80.00", "", "60.00"), ("设备购置", "20.50", "15.00", "")]      # the typed 合计 row is not a row
    indicators = form.content.tables["indicators"]
    assert [(r["side"], r["level1"], r["level2"], r["name"], r["value"]) for r in indicators] == [
        ("annual", "产出指标", "数量指标", "数字化加工量", "≥200万页"),
        ("annual", "产出指标", "质量指标", "合格率", "≥98%"),          # 一级 merged: filled downwards
        ("annual", "效益指标", "社会效益指标", "查档利用人次", "≥6000人次")]
    assert indicators[0]["standard"] == "计划"
    assert [u.where for u in report.unrecognised] == ["申报表!A17"]      # 备注 is not a label of the form
    missing = " ".join(report.missing)
    assert "主管部门审核意见" in missing and "2023年实际执行数合计" in missing
    text = report.text()
    assert "申报表!B3" in text and "未找到" in text and "未识别" in text


def test_side_by_side_indicator_groups(tmp_path):
    """A 财政部 项目 form typed with 中期 and 年度 indicators side by side, 长期/本年度 wording."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目名称", "饮水工程"])
    ws.append(["", "", "长期指标", "", "", "本年度指标", ""])
    ws.append(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"])
    ws.append(["", "产出指标", "数量指标", "供水工程", "≥30处", "数量指标", "供水工程", "≥10处"])
    ws.append(["", "效益指标", "社会效益指标", "受益人口", "≥6万人", "社会效益指标", "受益人口", "≥2万人"])
    path = tmp_path / "sides.xlsx"
    wb.save(path)
    form = import_workbook(path, template="mof-project").form
    rows = [(r["side"], r["level1"], r["name"], r["value"]) for r in form.content.tables["indicators"]]
    assert rows == [("mid", "产出指标", "供水工程", "≥30处"), ("mid", "效益指标", "受益人口", "≥6万人"),
                    ("annual", "产出指标", "供水工程", "≥10处"), ("annual", "效益指标", "受益人口", "≥2万人")]


def test_detection_and_refusal(tmp_path):
    found, _ = available()
    for stem in ("hubei-department-correct", "integration-indicator-list-correct", "chongqing-project-correct"):
        path = export_workbook(load_example_template(stem), tmp_path / f"{stem}.xlsx")
        bare = import_workbook(_without_data_sheet(path, tmp_path / f"{stem}-bare.xlsx"))
        assert bare.form.template_id == stem.removesuffix("-correct") and bare.form.template_id in found
    wb = openpyxl.Workbook()
    wb.active.append(["会议纪要", "2025年3月"])
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(ExcelError, match="表样"):
        import_workbook(tmp_path / "other.xlsx")
    with pytest.raises(ExcelError, match="没有编号"):
        import_workbook(tmp_path / "other.xlsx", template="no-such-template")


def test_cli_import_with_template(tmp_path, capsys):
    source = ROOT / "resources" / "templates" / "examples" / "hunan-project-correct.jixiao"
    workbook = tmp_path / "h.xlsx"
    assert main(["export", str(source), "-o", str(workbook)]) == 0
    bare = _without_data_sheet(workbook, tmp_path / "bare.xlsx")
    document = tmp_path / "back.jixiao"
    assert main(["import", str(bare), "-o", str(document), "--template", "hunan-project"]) == 0
    out = capsys.readouterr().out
    assert "hunan-project" in out and "已保存" in out
    assert _view(load(document)) == _view(load(source))
    assert main(["import", str(bare), "-o", str(tmp_path / "x.jixiao"), "--template", "nope"]) == 2
    assert "没有编号" in capsys.readouterr().err
