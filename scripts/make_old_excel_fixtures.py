"""Regenerate tests/fixtures/old_excel/: old Excel (.xls) and WPS (.et) workbooks made by LibreOffice.

CI has no LibreOffice, so the files are committed; run this (LibreOffice on PATH) after a change to
the examples or to the Excel export:  python scripts/make_old_excel_fixtures.py

What it writes (each .xls next to the .xlsx it was converted from, so the tests compare the two):
- ``<example>.xlsx/.xls/.et`` for every shipped example (built-in forms and template documents),
  exported by the program; the .et is the very same BIFF8 bytes under the .et name: a WPS 表格 .et is
  such a workbook (LibreOffice cannot write one by that name);
- ``<example>-nodata.*``: a few with the program's 填报程序数据 sheet removed, as a bureau's own
  template would be, so they import by their labels;
- ``money.*``: mof-project without its data sheet, amounts as float-noisy formulas and numbers, a
  percentage, a date: read exactly to the 分;
- ``indicator-list.*``: an indicator sheet (预算管理一体化系统的指标清单);
- ``far.*``: one stray cell at IV65536 (must not cost a gigabyte; reported as beyond the cap);
- ``resources/selftest/old-excel.xls``: the tiny indicator sheet ``jixiao --selftest`` reads through
  calamine (a 95% cell, an amount) to show the frozen build can open old workbooks;
- ``letter.doc`` (a Word 97 document) and ``letter.wps`` (the same bytes: WPS 文字 .wps files are
  Word binary documents).
LibreOffice is called once per target format (it is slow to start): all workbooks in one call.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "tests" / "fixtures" / "old_excel"
EXAMPLE_DIRS = (ROOT / "resources" / "examples", ROOT / "resources" / "templates" / "examples")
SELFTEST = ROOT / "resources" / "selftest" / "old-excel.xls"
NODATA = ("mof-project-correct", "hubei-department-correct", "project-2024-chenggong-eldercare")


def _without_data_sheet(source: Path, target: Path):
    import openpyxl

    from jixiao_desktop.excel.program_data import SHEET_NAME

    wb = openpyxl.load_workbook(source)
    if SHEET_NAME in wb.sheetnames:   # written only when the paper has no place for something
        del wb[SHEET_NAME]
    wb.save(target)
    return wb


def _right_of(ws, label: str):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == label:
                return ws.cell(row=cell.row, column=cell.column + 1)
    raise LookupError(label)


def _money(source: Path, target: Path) -> None:
    """Amounts Excel holds as floats with noise, a 32.4 万元, an integer; a 95% and a date cell."""
    import datetime as dt

    import openpyxl

    from jixiao_desktop.excel.program_data import SHEET_NAME

    wb = openpyxl.load_workbook(source)
    if SHEET_NAME in wb.sheetnames:
        del wb[SHEET_NAME]
    ws = wb.worksheets[0]
    _right_of(ws, "中期资金总额").value = "=0.1+0.2"                 # 0.30000000000000004 cached
    _right_of(ws, "中期资金 其中：财政拨款").value = 1234567.89
    _right_of(ws, "中期资金 其他资金").value = 32.4
    _right_of(ws, "年度资金总额").value = "=1234567.8+0.09"          # 1234567.8900000001 cached
    _right_of(ws, "年度资金 其中：财政拨款").value = 150
    cell = _right_of(ws, "年度资金 其他资金")
    cell.value, cell.number_format = 14.8, "0.00"
    cell = _right_of(ws, "项目期")
    cell.value, cell.number_format = dt.date(2025, 1, 1), "yyyy-mm-dd"
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "＝100%":
                cell.value, cell.number_format = 1, "0%"
            elif cell.value == "≥92%":
                cell.value, cell.number_format = 0.925, "0.0%"
    wb.save(target)


def _far(target: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["A2"], ws["IV65536"] = "三级指标", "指标值", "远处的单元格"
    wb.save(target)


def _selftest_sheet(target: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标清单"
    ws.append(["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "度量单位"])
    ws.append(["自检项目", "产出指标", "质量指标", "验收合格率", 0.95, "%"])
    ws.append(["自检项目", "成本指标", "经济成本指标", "项目总成本", 1234567.89, "元"])
    ws["E2"].number_format = "0%"
    wb.save(target)


def main() -> int:
    from jixiao_desktop.excel import export_workbook
    from jixiao_desktop.indicator_list import export_rows, write_sheet
    from jixiao_desktop.storage import load

    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        print("需要LibreOffice（libreoffice --headless）", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        examples = [p for d in EXAMPLE_DIRS for p in sorted(d.glob("*.jixiao"))]
        for example in examples:
            export_workbook(load(example), work / f"{example.stem}.xlsx")
        for stem in NODATA:
            _without_data_sheet(work / f"{stem}.xlsx", work / f"{stem}-nodata.xlsx")
        _money(work / "mof-project-correct.xlsx", work / "money.xlsx")
        write_sheet(export_rows(load(examples[0])).rows, work / "indicator-list.xlsx")
        _far(work / "far.xlsx")
        _selftest_sheet(work / "selftest.xlsx")
        sources = sorted(work.glob("*.xlsx"))
        subprocess.run([office, "--headless", "--convert-to", "xls", "--outdir", str(work), *map(str, sources)],
                       check=True, capture_output=True, timeout=600)
        (work / "letter.txt").write_text("绩效目标表\n这是一份Word文档，不是Excel工作簿。\n", encoding="utf-8")
        subprocess.run([office, "--headless", "--convert-to", "doc", "--outdir", str(work), str(work / "letter.txt")],
                       check=True, capture_output=True, timeout=600)
        for old in OUT.glob("*"):
            old.unlink()
        SELFTEST.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(work / "selftest.xls", SELFTEST)
        for source in sources:
            if source.stem == "selftest":
                continue
            shutil.copyfile(source, OUT / source.name)
            shutil.copyfile(source.with_suffix(".xls"), OUT / f"{source.stem}.xls")
        for example in examples:
            shutil.copyfile(work / f"{example.stem}.xls", OUT / f"{example.stem}.et")
        shutil.copyfile(work / "letter.doc", OUT / "letter.doc")
        shutil.copyfile(work / "letter.doc", OUT / "letter.wps")
    print(f"已生成 {len(list(OUT.glob('*')))} 个文件：{OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
