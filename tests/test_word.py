"""Word in and out: every example to .docx (its text holds the document's values and the PDF's texts) and
back (the same document); a clerk's own Word form read by its headings and labels; old and damaged files
refused in Chinese; the File menu and the command line."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from functools import lru_cache
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from jixiao_desktop.cli import main as cli
from jixiao_desktop.printing.render import story_for
from jixiao_desktop.resources import example_paths, template_example_paths
from jixiao_desktop.storage import load
from jixiao_desktop.storage.docfile import form_to_data
from jixiao_desktop.word import WordError, build_docx, import_docx, read_docx_bytes
from jixiao_desktop.word.body import paragraph_text
from tests.test_printing_helpers import printed_values, squeeze, template_values

EXAMPLES = [*example_paths(), *template_example_paths()]
IDS = [p.stem for p in EXAMPLES]


@lru_cache(maxsize=None)
def exported(path: Path) -> bytes:
    return build_docx(load(path))


def docx_text(data: bytes) -> str:
    """Every paragraph's text (in tables too), squeezed: what Word shows."""
    document = docx.Document(io.BytesIO(data))
    return squeeze("".join(paragraph_text(p) for p in document.element.body.iter(qn("w:p"))))


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_export_holds_every_value_and_every_printed_text(path):
    form = load(path)
    data = exported(path)
    text = docx_text(data)
    values = template_values(form) if form.kind == "template" else printed_values(form)
    assert values
    missing = [loc for loc, value in values if value not in text]
    assert missing == [], f"{path.stem}: not in the Word file: {missing[:5]}"
    _, builder = story_for(form)
    not_there = [t for t in builder.texts if squeeze(t) and squeeze(t) not in text]
    assert not_there == [], f"{path.stem}: printed in the PDF but not in Word: {not_there[:5]}"
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert {round(section.page_width.mm), round(section.page_height.mm)} == {210, 297}   # A4 either way
    landscape = form.kind == "template" and form.loaded.meta.orientation == "landscape"
    assert (section.page_width > section.page_height) == landscape


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_export_imports_back_to_the_same_document(path):
    form = load(path)
    result = read_docx_bytes(exported(path), path.stem + ".docx")
    assert form_to_data(result.form) == form_to_data(form)
    assert result.report.unrecognised == []


def test_merged_indicator_cells_are_word_merges():
    """一级 merged down its rows (vMerge), the section label down the whole table, header cells across."""
    path = next(p for p in EXAMPLES if p.stem == "project-2024-chenggong-eldercare")
    body = docx.Document(io.BytesIO(exported(path))).element.body
    cells = list(body.iter(qn("w:tc")))
    restarts = [tc for tc in cells if tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") is not None
                and tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}").get(qn("w:val")) == "restart"]
    texts = [squeeze("".join(paragraph_text(p) for p in tc.iter(qn("w:p")))) for tc in restarts]
    assert "产出指标" in texts and "绩效指标" in texts
    assert any(tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") is not None for tc in cells)
    tables = body.findall(qn("w:tbl"))
    assert len(tables) <= 4   # the form's stacked sections are one table (+ unit line and sign-off)


def test_without_its_program_data_a_project_form_is_read_by_its_headings_and_labels():
    """What a clerk's edited copy gives when the program's part is gone: the paper's content."""
    path = next(p for p in EXAMPLES if p.stem == "project-2024-chenggong-eldercare")
    form = load(path)
    result = read_docx_bytes(exported(path), "x.docx", use_program_data=False)
    back = result.form
    assert back.kind == "project"
    assert back.proposal.model_dump() == form.proposal.model_dump()
    assert (back.project_name, back.implementing_unit, back.goals) == (form.project_name, form.implementing_unit,
                                                                       form.goals)
    assert [(r.level1, r.annual.name, r.annual.value) for r in back.indicators] == \
        [(r.level1, r.annual.name, r.annual.value) for r in form.indicators]
    assert back.signoff.unit_head == form.signoff.unit_head
    assert result.report.unrecognised == []


def _merge_down(table, col: int, first: int, last: int) -> None:
    table.cell(first, col).merge(table.cell(last, col))


def clerk_docx(path: Path) -> Path:
    """A project form typed in Word by a clerk: own headings and numbering, a merged and a blank 一级."""
    d = docx.Document()
    d.add_paragraph("某县城乡养老服务补助项目申报书")
    d.add_paragraph("一、项目概况")
    d.add_paragraph("为全县60岁以上老人提供居家养老服务。")
    d.add_paragraph("服务覆盖12个乡镇。")
    d.add_paragraph("（二）立项依据：《某省养老服务条例》")
    heading = d.add_paragraph("项目实施单位", style="Heading 1")
    assert heading.style.name == "Heading 1"
    d.add_paragraph("单位名称：某县民政局")
    d.add_paragraph("联系电话：0871-1234567")
    d.add_paragraph("四、资金安排")
    d.add_paragraph("1.设备购置：20万元")
    d.add_paragraph("2.服务补贴：30万元")
    d.add_paragraph("以上2项共计：50万元")
    d.add_paragraph("五、风险分析")
    d.add_paragraph("无重大风险。")
    d.add_paragraph("项目支出绩效目标申报表")
    d.add_paragraph("（2025年度）")
    info = d.add_table(rows=2, cols=4)
    info.style = "Table Grid"
    for (r, c), text in {(0, 0): "项目名称", (0, 1): "城乡养老服务补助", (1, 0): "实施单位", (1, 1): "某县民政局",
                         (1, 2): "项目负责人", (1, 3): "张三"}.items():
        info.cell(r, c).text = text
    info.cell(0, 1).merge(info.cell(0, 3))
    d.add_paragraph("")
    rows = [["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "服务老人人数", "≥1200人"],
            ["", "质量指标", "服务满意率", "≥90%"],
            ["效益指标", "社会效益指标", "老人生活质量", "明显提高"],
            ["", "可持续影响指标", "服务机制", "长期"]]
    grid = d.add_table(rows=len(rows), cols=4)
    grid.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                grid.cell(r, c).text = text
    _merge_down(grid, 0, 1, 2)         # 产出指标 merged over its two rows
    # 效益指标's second row is left blank under it (not merged), as clerks often do
    d.save(path)
    return path


def test_a_clerks_word_form_is_read_by_its_headings_and_labels(tmp_path):
    result = import_docx(clerk_docx(tmp_path / "申报.docx"))
    form, report = result.form, result.report
    assert form.kind == "project"
    prop = form.proposal
    assert prop.title == "某县城乡养老服务补助项目申报书"
    assert prop.overview == "为全县60岁以上老人提供居家养老服务。\n服务覆盖12个乡镇。"
    assert prop.basis == "《某省养老服务条例》"
    assert (prop.unit_name, prop.phone) == ("某县民政局", "0871-1234567")
    assert [(i.name, i.amount) for i in prop.arrangement_items] == [("设备购置", "20万元"), ("服务补贴", "30万元")]
    assert prop.arrangement_total == "50万元"
    assert (form.year, form.project_name, form.implementing_unit, form.leader) == \
        ("2025", "城乡养老服务补助", "某县民政局", "张三")
    got = [(r.level1, r.annual.level2, r.annual.name, r.annual.value) for r in form.indicators]
    assert got == [("产出指标", "数量指标", "服务老人人数", "≥1200人"), ("产出指标", "质量指标", "服务满意率", "≥90%"),
                   ("效益指标", "社会效益指标", "老人生活质量", "明显提高"),
                   ("效益指标", "可持续影响指标", "服务机制", "长期")]
    unplaced = [(u.where, u.text) for u in report.unrecognised]
    assert any("风险分析" in text for _, text in unplaced)   # a section the form has no place for is listed
    assert "风险分析" in report.text() and "第13段" in report.text()
    assert "工作簿" not in report.text()


def test_old_doc_and_damaged_files_get_a_chinese_message(tmp_path):
    old = tmp_path / "去年.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(WordError, match="另存为"):
        import_docx(old)
    renamed = tmp_path / "改了扩展名.docx"
    renamed.write_bytes(old.read_bytes())
    with pytest.raises(WordError, match="另存为"):
        import_docx(renamed)
    good = exported(EXAMPLES[0])
    for name, data in {"截断.docx": good[: len(good) // 2], "文本.docx": "不是Word".encode(),
                       "空.docx": b"", "坏XML.docx": _replace_part(good, "word/document.xml", b"<w:document")}.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(WordError) as caught:
            import_docx(path)
        assert name in str(caught.value) and any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value))
    workbook = tmp_path / "表.docx"
    workbook.write_bytes(_replace_part(good, "word/document.xml", None, extra={"xl/workbook.xml": b"<x/>"}))
    with pytest.raises(WordError, match="Excel"):
        import_docx(workbook)
    with pytest.raises(WordError, match="不存在"):
        import_docx(tmp_path / "不存在.docx")


def _replace_part(data: bytes, name: str, content: bytes | None, extra: dict | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename == name:
                if content is not None:
                    dst.writestr(info.filename, content)
                continue
            dst.writestr(info, src.read(info))
        for key, value in (extra or {}).items():
            dst.writestr(key, value)
    return out.getvalue()


def test_control_characters_and_a_clerks_edit_in_word(tmp_path):
    """A control character pasted into a field cannot go into XML: left out, never a crash; an edit made
    in Word wins over the program's copy of the field."""
    path = next(p for p in EXAMPLES if p.stem == "project-2024-chenggong-eldercare")
    form = load(path)
    form.project_name = "养老\x07服务\x1f补助"
    data = build_docx(form)
    assert "养老服务补助" in docx_text(data)
    document = docx.Document(io.BytesIO(exported(path)))
    for p in document.element.body.iter(qn("w:t")):
        if p.text == form.proposal.plan:
            p.text = "2025年全年"
    edited = tmp_path / "改过.docx"
    document.save(edited)
    assert import_docx(edited).form.proposal.plan == "2025年全年"


def test_command_line_exports_and_imports_word(tmp_path, capsys):
    source = EXAMPLES[0]
    target = tmp_path / "表"
    assert cli(["export", str(source), "--format", "docx", "-o", str(target)]) == 0
    written = tmp_path / "表.docx"
    assert written.is_file()
    assert cli(["import", str(written), "-o", str(tmp_path / "回.jixiao"), "-q"]) == 0
    assert load(tmp_path / "回.jixiao") == load(source)
    old = tmp_path / "旧.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert cli(["import", str(old), "-o", str(tmp_path / "x.jixiao")]) == 2
    assert "另存为" in capsys.readouterr().err


def _office() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.skipif(_office() is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_export(tmp_path):
    path = next(p for p in EXAMPLES if p.stem == "project-2024-chenggong-eldercare")
    source = tmp_path / "表.docx"
    source.write_bytes(exported(path))
    done = subprocess.run([_office(), "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, timeout=180)
    pdf = tmp_path / "表.pdf"
    if not pdf.is_file() and b"could not be loaded" in done.stderr:
        pytest.skip("LibreOffice without Writer")
    from pypdf import PdfReader

    text = squeeze("".join(page.extract_text() for page in PdfReader(pdf).pages))
    form = load(path)
    assert squeeze(form.title) in text and squeeze(form.project_name) in text
