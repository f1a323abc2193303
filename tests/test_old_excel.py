"""Old Excel (.xls) and WPS 表格 (.et) workbooks import like .xlsx; .doc/.wps/HTML "xls" are refused with advice.

The fixtures (tests/fixtures/old_excel/, made by scripts/make_old_excel_fixtures.py with LibreOffice,
which CI does not have) are the program's own .xlsx exports of every shipped example and their .xls
conversions; each ``.et`` is the same BIFF8 bytes as its ``.xls`` under the .et name, which is what a
WPS 表格 .et workbook is. ``letter.wps`` is likewise ``letter.doc`` (WPS 文字 writes Word binary files).
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao_desktop.cli import main
from jixiao_desktop.excel import ExcelError, import_workbook
from jixiao_desktop.excel.biff_formats import is_encrypted, workbook_stream
from jixiao_desktop.excel.cells import amount_text, decimal_of
from jixiao_desktop.excel.old_formats import WORD, WORKBOOK, classify_ole, stream_names, text_kind
from jixiao_desktop.indicator_list import read_list
from jixiao_desktop.money import AmountUnit, parse_amount
from tests.conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "old_excel"
EXAMPLES = sorted(p.stem for d in (ROOT / "resources" / "examples", ROOT / "resources" / "templates" / "examples")
                  for p in d.glob("*.jixiao"))


def _json(path: Path):
    result = import_workbook(path)
    return result.form.model_dump(mode="json"), result.report


def test_every_shipped_example_has_old_fixtures():
    missing = [stem for stem in EXAMPLES for ext in (".xlsx", ".xls", ".et") if not (FIXTURES / (stem + ext)).is_file()]
    assert not missing, f"请运行 python scripts/make_old_excel_fixtures.py：缺少 {missing[:5]}"
    for stem in EXAMPLES:   # the .et is the .xls's very bytes
        assert (FIXTURES / f"{stem}.et").read_bytes() == (FIXTURES / f"{stem}.xls").read_bytes()


@pytest.mark.parametrize("stem", EXAMPLES)
def test_xls_and_et_import_as_the_xlsx_does(stem):
    expected, _ = _json(FIXTURES / f"{stem}.xlsx")
    for ext in (".xls", ".et"):
        got, report = _json(FIXTURES / f"{stem}{ext}")
        assert got == expected, f"{stem}{ext}"
        assert not report.unrecognised and not report.missing and not report.warnings


@pytest.mark.parametrize("stem", ["mof-project-correct", "hubei-department-correct", "project-2024-chenggong-eldercare"])
def test_bureau_xls_without_the_data_sheet_imports_by_labels(stem):
    expected, _ = _json(FIXTURES / f"{stem}-nodata.xlsx")
    got, report = _json(FIXTURES / f"{stem}-nodata.xls")
    assert got == expected
    assert not report.unrecognised
    assert got["kind"] == _json(FIXTURES / f"{stem}.xls")[0]["kind"]
    if got["kind"] == "template":
        assert got["template_id"] == stem.removesuffix("-correct")
        assert any("按栏目判断" in guess for guess in report.text().splitlines())


def test_money_is_exact_to_the_fen_and_percentages_and_dates_read_as_shown():
    result = import_workbook(FIXTURES / "money.xls")
    form = result.form
    assert form.model_dump(mode="json") == import_workbook(FIXTURES / "money.xlsx").form.model_dump(mode="json")
    fields = form.content.fields
    unit = form.amount_unit
    assert unit == AmountUnit.WAN_YUAN

    def yuan(field):
        return parse_amount(fields[field], unit).value

    assert yuan("mid_total") == Decimal("3000")             # =0.1+0.2 cached as 0.30000000000000004 万元
    assert yuan("mid_fiscal") == Decimal("12345678900")     # 1234567.89 万元
    assert yuan("mid_other") == Decimal("324000")           # 32.4 万元
    assert yuan("annual_total") == Decimal("12345678900")   # =1234567.8+0.09 cached as 1234567.8900000001
    assert fields["annual_fiscal"] == "150"                  # an integer
    assert fields["annual_other"] == "14.80"                 # shown by its 0.00 format
    assert fields["period"] == "2025年1月1日"                 # a date cell
    values = [row["value"] for row in form.content.tables["indicators"]]
    assert "100%" in values and "92.5%" in values            # 1 and 0.925 in percent cells, as Excel shows them
    assert "0.925" not in values and "1" not in values


@pytest.mark.parametrize("number, text", [(0.1 + 0.2, "0.3"), (1234567.89, "1234567.89"), (32.4, "32.4"),
                                          (1234567.8 + 0.09, "1234567.89"), (1234600.5899999999, "1234600.59"),
                                          (0.1 + 0.7, "0.8"), (150.0, "150"), (150, "150")])
def test_floats_read_as_excel_shows_them(number, text):
    assert decimal_of(number) == Decimal(text)
    shown, exact = amount_text(number, AmountUnit.YUAN)
    assert exact and parse_amount(shown, AmountUnit.YUAN).value == Decimal(text)


def test_indicator_list_from_xls():
    old, new = read_list(FIXTURES / "indicator-list.xls"), read_list(FIXTURES / "indicator-list.xlsx")
    assert old.rows and old.rows == new.rows and old.lines == new.lines


def test_a_stray_far_cell_is_reported_not_loaded():
    with pytest.raises(ExcelError) as info:   # no form in it; the cap still applies before calamine
        import_workbook(FIXTURES / "far.xls")
    assert "绩效目标表" in str(info.value)
    from jixiao_desktop.excel.opening import open_workbook
    from jixiao_desktop.excel.reader import read_sheets
    from jixiao_desktop.excel.report import ImportReport

    report = ImportReport()
    sheets, _ = read_sheets(open_workbook(FIXTURES / "far.xls").wb, report)
    assert sheets[0].nrows == 2
    assert any("1个单元格超出读取范围" in w for w in report.warnings)


def test_content_not_the_name_decides(tmp_path):
    renamed = tmp_path / "模板.xlsx"                      # an .xls saved under an .xlsx name
    shutil.copyfile(FIXTURES / "mof-project-correct.xls", renamed)
    assert _json(renamed)[0] == _json(FIXTURES / "mof-project-correct.xlsx")[0]
    data = (FIXTURES / "mof-project-correct.et").read_bytes()
    assert classify_ole(data) == WORKBOOK and "Workbook" in stream_names(data)
    assert classify_ole((FIXTURES / "letter.doc").read_bytes()) == WORD


@pytest.mark.parametrize("name, words", [("letter.doc", ["旧版Word文档（.doc）", "另存为", ".docx"]),
                                         ("letter.wps", ["WPS文字文档（.wps）", "另存为", ".docx"])])
def test_word_and_wps_files_are_refused_with_advice(name, words, tmp_path):
    with pytest.raises(ExcelError) as info:
        import_workbook(FIXTURES / name)
    for word in words:
        assert word in str(info.value)
    renamed = tmp_path / "表格.xls"
    shutil.copyfile(FIXTURES / name, renamed)
    with pytest.raises(ExcelError, match="Word"):
        import_workbook(renamed)


@pytest.mark.parametrize("content, word", [
    ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>项目名称</td></tr></table>',
     "网页（HTML）"),
    ('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>', "XML"),
    ("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n", "MHT"),
])
def test_web_pages_named_xls_are_refused_with_advice(tmp_path, content, word):
    path = tmp_path / "系统导出.xls"
    path.write_text(content, encoding="utf-8")
    assert text_kind(content.encode()) is not None
    with pytest.raises(ExcelError) as info:
        import_workbook(path)
    assert word in str(info.value) and "另存为" in str(info.value) and ".xlsx" in str(info.value)


def test_damaged_xls_gives_a_message_never_a_crash(tmp_path):
    data = (FIXTURES / "mof-project-correct.xls").read_bytes()
    cases = {"cut-early": data[:1500], "cut-half": data[:len(data) // 2], "cut-late": data[:-700],
             "zeroed-stream": data[:2048] + bytes(len(data) - 4096) + data[-2048:],
             "flipped": bytes(b ^ 0x5A if 2560 <= i < 3072 else b for i, b in enumerate(data))}
    for name, damaged in cases.items():
        path = tmp_path / f"{name}.xls"
        path.write_bytes(damaged)
        try:
            import_workbook(path)
        except ExcelError as exc:
            assert "损坏" in str(exc) or "不是" in str(exc) or "没有找到" in str(exc), (name, str(exc))


def test_password_protected_xls(tmp_path):
    data = bytearray((FIXTURES / "mof-project-correct.xls").read_bytes())
    stream = workbook_stream(bytes(data))
    assert stream is not None and not is_encrypted(bytes(data))
    # A FILEPASS record right after the globals' BOF, as Excel writes for an opening password:
    # the BOF's next record (same length) is retyped in place.
    bof = data.find(stream[:20])
    at = bof + 4 + int.from_bytes(stream[2:4], "little")
    data[at:at + 2] = (0x002F).to_bytes(2, "little")
    path = tmp_path / "加密.xls"
    path.write_bytes(bytes(data))
    assert is_encrypted(bytes(data))
    with pytest.raises(ExcelError, match="密码"):
        import_workbook(path)


def test_cli_imports_xls_and_et_and_refuses_doc(tmp_path, capsys):
    for ext in (".xls", ".et"):
        target = tmp_path / f"out{ext}.jixiao"
        assert main(["import", str(FIXTURES / f"mof-project-correct{ext}"), "-o", str(target), "-q"]) == 0
        assert target.is_file()
    assert main(["import", str(FIXTURES / "letter.doc"), "-o", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert "Word" in err and "另存为" in err
    assert main(["check", str(FIXTURES / "letter.wps")]) != 0
    assert "WPS文字文档" in capsys.readouterr().err
    assert main(["check", str(FIXTURES / "mof-project-correct.xls")]) != 0
    assert "jixiao import" in capsys.readouterr().err


def test_cli_indicator_list_from_xls(tmp_path, capsys):
    code = main(["indicators", "import", str(FIXTURES / "indicator-list.xls"), "--template", "mof-project",
                 "-o", str(tmp_path)])
    assert code in (0, 1)
    assert list(tmp_path.glob("*.jixiao"))


@pytest.mark.gui
def test_window_opens_xls_through_the_import_and_explains_doc(window, qtbot, monkeypatch, boxes, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    expected = import_workbook(FIXTURES / "hubei-department-correct.et").form
    with qtbot.waitSignal(window.excel.imported, timeout=20000):
        assert window.open_path(FIXTURES / "hubei-department-correct.et", ask=False)
    assert window.document.form == expected and window.document.path is None
    window.excel.report_dialog.close()

    window.document.undo_stack.setClean()
    window.open_path(FIXTURES / "letter.doc", ask=False)
    qtbot.waitUntil(lambda: bool(boxes), timeout=20000)
    kind, _title, text = boxes[0]
    assert kind == "warning" and "另存为" in text and ".docx" in text

    filters = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: filters.append(a[3]) or (str(FIXTURES / "money.xls"), "")))
    with qtbot.waitSignal(window.excel.imported, timeout=20000):
        window.actions_.import_excel.trigger()
    assert "*.xls" in filters[0] and "*.et" in filters[0]
    window.excel.report_dialog.close()
