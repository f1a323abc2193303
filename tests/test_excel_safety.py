"""Malformed and hostile files: refused or read safely, always with a clear Chinese message."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from jixiao_desktop.excel import ExcelError, export_workbook, import_workbook
from jixiao_desktop.excel import grid, safety
from jixiao_desktop.forms.templates import new_project
from tests.conftest import load_example


@pytest.fixture
def workbook_bytes(tmp_path) -> bytes:
    path = export_workbook(load_example("project-2024-chenggong-eldercare"), tmp_path / "good.xlsx")
    return path.read_bytes()


def _rewrite(data: bytes, change) -> bytes:
    """Copy a workbook zip, letting ``change(name, content)`` return new content (or None to drop)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is not None:
                target.writestr(info.filename, content)
        extra = change("__extra__", b"")
        if extra:
            for name, content in extra:
                target.writestr(name, content)
    return out.getvalue()


def _refused(tmp_path, name: str, data: bytes, *words: str) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ExcelError) as info:
        import_workbook(path)
    message = str(info.value)
    for word in words:
        assert word in message
    return message


def test_csv_renamed(tmp_path):
    _refused(tmp_path, "form.xlsx", "项目名称,金额\n养老,100\n".encode("utf-8"), "不是Excel工作簿", "CSV")


def test_encrypted_workbook(tmp_path):
    data = safety.OLE_MAGIC + b"\0" * 500 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 500
    _refused(tmp_path, "secret.xlsx", data, "密码")


def test_old_xls(tmp_path):
    _refused(tmp_path, "old.xls", safety.OLE_MAGIC + b"\0" * 2000, ".xls", "另存为")


def test_empty_and_missing_and_garbage(tmp_path):
    _refused(tmp_path, "empty.xlsx", b"", "空")
    _refused(tmp_path, "garbage.xlsx", bytes(range(256)) * 10, "不是Excel工作簿")
    with pytest.raises(ExcelError, match="找不到文件"):
        import_workbook(tmp_path / "nowhere.xlsx")


def test_truncated_zip(tmp_path, workbook_bytes):
    _refused(tmp_path, "cut.xlsx", workbook_bytes[: len(workbook_bytes) // 2], "损坏")


def test_zip_that_is_not_a_workbook(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    _refused(tmp_path, "letter.xlsx", out.getvalue(), "Word")


def test_zip_bomb(tmp_path, workbook_bytes):
    bomb = b"<row>" + b" " * (20 * 1024 * 1024) + b"</row>"
    data = _rewrite(workbook_bytes, lambda name, content: bomb if name == "xl/worksheets/sheet1.xml" else content)
    assert len(data) < 1024 * 1024
    _refused(tmp_path, "bomb.xlsx", data, "压缩炸弹")


def test_too_many_entries(tmp_path, workbook_bytes):
    extra = [(f"xl/media/x{i}.bin", b"") for i in range(safety.MAX_ENTRIES + 1)]
    data = _rewrite(workbook_bytes, lambda name, content: extra if name == "__extra__" else content)
    _refused(tmp_path, "many.xlsx", data, "文件数异常")


def test_xml_entity_attack(tmp_path, workbook_bytes):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')
    data = _rewrite(workbook_bytes, lambda name, content: laughs if name == "xl/worksheets/sheet1.xml" else content)
    _refused(tmp_path, "laughs.xlsx", data, "不安全")


def test_macro_workbook_is_read_without_macros(tmp_path, workbook_bytes):
    extra = [("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 fake macro")]
    data = _rewrite(workbook_bytes, lambda name, content: extra if name == "__extra__" else content)
    path = tmp_path / "macro.xlsm"
    path.write_bytes(data)
    result = import_workbook(path)
    assert result.form == load_example("project-2024-chenggong-eldercare")
    assert any("宏" in w for w in result.report.warnings)


def test_million_row_dimension_and_far_cell(tmp_path, workbook_bytes):
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes))
    wb.active.cell(row=1_000_000, column=3, value="遥远的单元格")
    path = tmp_path / "tall.xlsx"
    wb.save(path)
    result = import_workbook(path)
    assert result.form == load_example("project-2024-chenggong-eldercare")
    assert any("超出读取范围" in w for w in result.report.warnings)
    assert any("1000000" in w for w in result.report.warnings)  # the declared dimension


def test_big_sheet_read_only_with_cap(tmp_path, monkeypatch):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "项目支出绩效目标申报表"
    ws["A2"] = "项目名称"
    ws["B2"] = "大表"
    for r in range(3, grid.MAX_ROWS + 50):
        ws.cell(row=r, column=1, value=f"第{r}行")
    path = tmp_path / "big.xlsx"
    wb.save(path)
    monkeypatch.setattr(safety, "BIG_SHEET_BYTES", 1000)
    result = import_workbook(path)
    assert result.form.project_name == "大表"
    assert any(f"前{grid.MAX_ROWS}行" in w for w in result.report.warnings)


def test_workbook_without_any_form(tmp_path):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "购物清单"
    path = tmp_path / "list.xlsx"
    wb.save(path)
    _refused(tmp_path, "list.xlsx", path.read_bytes(), "没有找到绩效目标表")


def test_formula_like_text_is_written_as_text(tmp_path):
    form = new_project("2024")
    form.project_name = "=HYPERLINK(\"http://evil\",\"点我\")"
    form.implementing_unit = "+86 871"
    form.attribute = "-延续"
    form.period = "@2024"
    form.funding.mid.total = "=1+1"
    path = export_workbook(form, tmp_path / "inject.xlsx")
    wb = openpyxl.load_workbook(path)
    formulas = [c.value for row in wb.active.iter_rows() for c in row if c.data_type == "f"]
    assert all(not str(f).startswith(("=HYPERLINK", "=1+1")) for f in formulas)
    assert import_workbook(path).form == form


def test_unwritable_target(tmp_path):
    with pytest.raises(ExcelError, match="无法写入"):
        export_workbook(new_project(), tmp_path / "no-such-dir" / "x.xlsx")
