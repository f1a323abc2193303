"""``jixiao export DOC -o FILE.xlsx`` and ``jixiao import FILE.xlsx -o DOC``."""

from __future__ import annotations

from jixiao_desktop.cli import main
from jixiao_desktop.resources import example_path
from jixiao_desktop.storage import load
from tests.conftest import FIXTURES


def test_export_then_import(tmp_path, capsys):
    source = example_path("department-2023-shifeng-civil-affairs")
    workbook = tmp_path / "dept.xlsx"
    assert main(["export", str(source), "-o", str(workbook)]) == 0
    assert workbook.exists()
    document = tmp_path / "dept.jixiao"
    assert main(["import", str(workbook), "-o", str(document)]) == 0
    out = capsys.readouterr().out
    assert "导入报告" in out and "已保存" in out
    assert load(document) == load(source)


def test_import_report_lists_guesses(tmp_path, capsys):
    document = tmp_path / "unit.jixiao"
    assert main(["import", str(FIXTURES / "excel" / "bureau_unit_shanghai.xlsx"), "-o", str(document)]) == 0
    assert "二级指标空白" in capsys.readouterr().out


def test_import_refuses_non_workbook(tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["import", str(bad), "-o", str(tmp_path / "x.jixiao")]) == 2
    assert "不是Excel工作簿" in capsys.readouterr().err
    assert not (tmp_path / "x.jixiao").exists()


def test_import_does_not_overwrite_without_force(tmp_path, capsys):
    target = tmp_path / "exists.jixiao"
    target.write_text("keep", encoding="utf-8")
    workbook = FIXTURES / "excel" / "bureau_unit_shanghai.xlsx"
    assert main(["import", str(workbook), "-o", str(target)]) == 3
    assert target.read_text(encoding="utf-8") == "keep"
    assert main(["import", str(workbook), "-o", str(target), "--force", "-q"]) == 0


def test_export_unreadable_document(tmp_path, capsys):
    doc = tmp_path / "broken.jixiao"
    doc.write_text("{", encoding="utf-8")
    assert main(["export", str(doc), "-o", str(tmp_path / "x.xlsx")]) == 2
