"""Printing fonts (lookup order, coverage) and the ``jixiao pdf`` command."""

from __future__ import annotations

import shutil

import pypdf

from jixiao_desktop.cli import main
from jixiao_desktop.printing import SHIPPED_FONT, PrintOptions, render_bytes
from jixiao_desktop.printing import fonts
from jixiao_desktop.resources import example_path
from tests.conftest import load_example


def test_shipped_font_is_truetype_and_covers_the_examples():
    font = fonts.load(SHIPPED_FONT)
    assert SHIPPED_FONT.path.is_file()
    assert fonts.missing_characters(font, set("绩效目标表≧≥≤〔〕（）“”、；：—①")) == set()
    assert fonts.missing_characters(font, {"\U00020000"}) == {"\U00020000"}


def test_windows_fonts_come_first(monkeypatch, tmp_path):
    (tmp_path / "Fonts").mkdir()
    shutil.copy(SHIPPED_FONT.path, tmp_path / "Fonts" / "simsun.ttc")
    monkeypatch.setenv("WINDIR", str(tmp_path))
    order = fonts.candidates("auto")
    assert [spec.label for spec in order] == ["宋体", SHIPPED_FONT.label]
    assert fonts.candidates("shipped") == [SHIPPED_FONT]
    spec, _, missing = fonts.choose("auto", set("宋体"))
    assert spec.label == "宋体" and not missing
    _, result = render_bytes(load_example("unit-2024-minhang-ageing-center"), options=PrintOptions())
    assert result.font == "宋体"


def test_without_windows_fonts_the_shipped_font_is_used(monkeypatch, tmp_path):
    monkeypatch.setenv("WINDIR", str(tmp_path))
    assert fonts.candidates("auto") == [SHIPPED_FONT]


def test_cli_pdf_writes_the_file(tmp_path, capsys):
    out = tmp_path / "项目.pdf"
    status = main(["pdf", str(example_path("project-2024-chenggong-eldercare")), "-o", str(out), "--font", "shipped"])
    assert status == 0
    assert len(pypdf.PdfReader(out).pages) == 2
    said = capsys.readouterr().out
    assert "共2页" in said and "文档校验码" in said


def test_cli_pdf_default_output_beside_the_file(tmp_path):
    source = tmp_path / "单位.jixiao"
    shutil.copy(example_path("unit-2024-minhang-ageing-center"), source)
    assert main(["pdf", str(source), "--font", "shipped", "--draft"]) == 0
    assert (tmp_path / "单位.pdf").is_file()


def test_cli_pdf_unreadable_and_unprintable(tmp_path, capsys):
    bad = tmp_path / "坏.jixiao"
    bad.write_text("{", encoding="utf-8")
    assert main(["pdf", str(bad), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "无法打开文件" in capsys.readouterr().err

    from jixiao_desktop.storage import save

    form = load_example("unit-2024-minhang-ageing-center")
    form.name = "闵行\U00020000中心"
    source = tmp_path / "字.jixiao"
    save(form, source)
    assert main(["pdf", str(source), "-o", str(tmp_path / "y.pdf"), "--font", "shipped"]) == 1
    err = capsys.readouterr().err
    assert "U+20000" in err and "单位名称" in err
    assert not (tmp_path / "y.pdf").exists()
