"""The reproducers of tests/fixtures/reliability (see INDEX.txt there): each works or is refused
cleanly, with its expected exit status, and never hangs.

The figures the issue asks for (each within 2 s, the 200-附表3 print within 60 s) are measured by
``jixiao bench`` and in the closing notes; here a generous time limit only guards against a hang.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from jixiao_desktop.checks import run_checks
from jixiao_desktop.checks.engine import INTERNAL_RULE
from jixiao_desktop.cli import main
from jixiao_desktop.forms import Indicator, IndicatorRow
from jixiao_desktop.printing import render_bytes
from jixiao_desktop.storage import load, open_document, save
from tests.conftest import load_example
from tests.fuzzing import time_limit

HERE = Path(__file__).resolve().parent / "fixtures" / "reliability"
LIMIT = 20  # seconds; the real figures are far below (see the module docstring)


def run(*argv) -> int:
    with time_limit(LIMIT):
        return main([str(a) for a in argv])


# document → (check, pdf, export) exit statuses
DOCUMENTS = {
    "doc-amount-31digits": (1, 0, 0),
    "doc-bigint": (2, 2, 2),
    "doc-deep-nesting": (2, 2, 2),
    "doc-lone-surrogate": (1, 0, 0),
    "doc-prose-5k-chars": (1, 0, 0),
    "doc-prose-40k-chars": (1, 1, 0),  # 40,000 characters in one field: refused for print, by name
    "fuzz-doc-2184": (1, 1, 0),      # 870,000 characters in one field: refused for print, by name
    "fuzz-doc-323": (2, 2, 2),
    "fuzz-doc-7486": (2, 2, 2),
    "fuzz-doc-749": (1, 1, 0),       # characters no font has: refused for print, by name
    "fuzz-doc-9604": (2, 2, 2),
    "pdf-annex3-fund9-18-indicator-rows": (1, 0, 0),
    # a 93-character run with no place to break in a narrow 分值 column: printing made pages forever;
    # now refused for print with what to change
    "fuzz-template-narrow-column": (1, 1, 0),
    # long unbreakable runs in the narrow amount columns of a 自评表: reportlab gave up (LayoutError, a crash);
    # now refused for print with what to change
    "fuzz-template-budget-layout": (1, 1, 0),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_reproducers(name, tmp_path, capsys):
    path = HERE / f"{name}.jixiao"
    check, pdf, export = DOCUMENTS[name]
    assert run("check", path) == check
    assert run("pdf", path, "-o", tmp_path / "out.pdf") == pdf
    assert run("export", path, "-o", tmp_path / "out.xlsx") == export
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "运行出错" not in out  # no rule failed inside (internal.rule_failed)
    if check == 2:
        assert "无法打开文件" in err


@pytest.mark.parametrize("name, words", [
    ("doc-deep-nesting", "嵌套过深"),
    ("doc-bigint", "5000位的数字"),
    ("fuzz-doc-323", "位的数字"),
])
def test_refusals_say_why(name, words, capsys):
    run("check", HERE / f"{name}.jixiao")
    assert words in capsys.readouterr().err


def test_lone_surrogate_is_repaired_on_opening_and_the_document_saves(tmp_path):
    opened = open_document(HERE / "doc-lone-surrogate.jixiao")
    assert opened.repairs and "无法保存的字符" in opened.repairs[0] and "年度" in opened.repairs[0]
    assert "\ufffd" in opened.form.year
    save(opened.form, tmp_path / "x.jixiao")
    assert load(tmp_path / "x.jixiao").year == opened.form.year


def test_a_lone_surrogate_reaching_the_model_still_saves(tmp_path):
    form = load_example("project-2024-chenggong-eldercare")
    form.overview = "半个\ud83d字"
    save(form, tmp_path / "x.jixiao")
    assert load(tmp_path / "x.jixiao").overview == "半个\ufffd字"


def test_huge_amounts_are_unreadable_not_a_crash():
    form = load(HERE / "doc-amount-31digits.jixiao")
    report = run_checks(form)
    assert not report.by_rule(INTERNAL_RULE)
    assert any("合理范围" in f.message for f in report.by_rule("amount.unreadable"))


def test_long_number_heavy_prose_is_flagged_not_read(capsys):
    assert run("check", "--json", HERE / "doc-prose-40k-chars.jixiao") == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert any(f["rule"] == "prose.too_long" for f in findings)


@pytest.mark.parametrize("name, status, words", [
    ("control-xlsx-number-1e27-ok", 0, ""),
    ("xlsx-number-1e28", 0, ""),
    ("xlsx-formula-cycle-2", 0, "=SUM(C40:D40)"),   # the cycle's cells reported as not understood
    ("xlsx-formula-cycle-3", 0, ""),
    ("xlsx-merge-overlap-200", 0, "合并单元格"),
    ("xlsx-merge-overlap-2000", 0, "合并单元格"),
    ("xlsx-bad-style-index", 0, "格式已损坏"),
    ("xlsx-keyerror-basis-mutant0097", 0, ""),
    ("xlsx-bad-cell-ref", 2, "已损坏"),
    ("xlsx-truncated-sheet-xml", 2, "已损坏"),
])
def test_workbook_reproducers(name, status, words, tmp_path, capsys):
    assert run("import", HERE / f"{name}.xlsx", "-o", tmp_path / "x.jixiao") == status
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert words in out + err
    if status == 0:
        assert not run_checks(load(tmp_path / "x.jixiao")).by_rule(INTERNAL_RULE)


# -- printing long tables -----------------------------------------------------

def _rows(n: int) -> list[IndicatorRow]:
    groups = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
    rows = []
    for i in range(n):
        level1, level2 = groups[min(i * len(groups) // n, len(groups) - 1)]
        rows.append(IndicatorRow(level1=level1, annual=Indicator(level2=level2, name=f"指标{i + 1}", value="≥95%"),
                                 mid=Indicator(level2=level2, name=f"中期指标{i + 1}", value="≥90%")))
    return rows


def test_an_annex3_with_60_indicator_rows_prints():
    form = load_example("department-2023-shifeng-civil-affairs")
    form.special_funds[8].detail.indicators = _rows(60)
    with time_limit(LIMIT):
        _, result = render_bytes(form)
    assert result.pages > 14


def test_a_project_with_200_indicator_rows_prints():
    form = load_example("project-2024-chenggong-eldercare")
    form.indicators = _rows(200)
    with time_limit(LIMIT):
        data, result = render_bytes(form)
    assert result.pages >= 7   # the 申报书, then the table over six pages
    text = _pdf_text(data)
    assert "指标200" in text and "中期指标200" in text


@pytest.mark.slow
def test_a_department_with_200_annex3_prints_within_a_minute():
    form = load(HERE / "load-200-annex3-5000-indicators.jixiao")
    with time_limit(60):
        _, result = render_bytes(form)
    assert result.pages > 200


def test_merged_headings_continue_on_the_next_page():
    """A 一级 heading cut by a page break is written again at the top of the next page."""
    form = load_example("project-2024-chenggong-eldercare")
    form.indicators = _rows(120)
    data, _ = render_bytes(form)
    from pypdf import PdfReader
    import io

    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    continued = [t for t in pages[1:] if "指标" in t and "产出指标" in t]
    assert len(continued) >= 2


def _pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


# -- files left behind and permissions ------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_exported_files_get_the_usual_permissions(tmp_path, capsys):
    umask = os.umask(0o022)
    try:
        doc = tmp_path / "a.jixiao"
        save(load_example("project-2024-chenggong-eldercare"), doc)
        assert run("export", doc, "-o", tmp_path / "a.xlsx") == 0
        assert run("pdf", doc, "-o", tmp_path / "a.pdf") == 0
    finally:
        os.umask(umask)
    for name in ("a.jixiao", "a.xlsx", "a.pdf"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jixiao", "a.pdf", "a.xlsx"]


def test_only_our_stale_temporary_files_are_removed(tmp_path):
    from jixiao_desktop.atomic import remove_stale_temps

    ours = [".a.jixiao.~jx0123abcd.tmp", ".a.jixiao.bak.~jxdeadbeef.tmp", ".settings.json.~jx00000000.tmp",
            ".a.jixiao.k3j_x9az.tmp", ".settings-ab12cd34.tmp", ".jixiao-abcd1234.xlsx"]
    theirs = ["a.tmp", ".a.jixiao", "a.jixiao", ".~lock.a.xlsx#", ".report.docx.ab12cd34.tmp", "x.~jx01234567.tmp",
              ".a.jixiao.~jx0123abcd.tmp.keep"]
    for name in ours + theirs:
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (0, 0))
    (tmp_path / ".b.jixiao.~jx11112222.tmp").write_text("a save in progress")  # recent: left alone
    removed = remove_stale_temps(tmp_path)
    assert sorted(p.name for p in removed) == sorted(ours)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(theirs + [".b.jixiao.~jx11112222.tmp"])
