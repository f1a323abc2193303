"""Printing: every example prints whole, fonts embedded, 草稿 mark, appendix, golden text."""

from __future__ import annotations

import io
import os

import pypdf
import pytest

from jixiao_desktop.checks import Finding, Report, Severity
from jixiao_desktop.printing import UnprintableCharacters, fingerprint, render_pdf
from jixiao_desktop.printing.page import DRAFT_MARK
from jixiao_desktop.resources import EXAMPLE_NAMES
from tests.conftest import FIXTURES, load_example
from tests.test_printing_helpers import SHIPPED, contents, found, page_texts, printed_values, render, squeeze

GOLDEN = FIXTURES / "printing"
EXPECTED_PAGES = {
    "project-2024-chenggong-eldercare": 2,   # the table and its sign-off on one page, as on paper
    "project-2020-chenggong-service-contest": 3,
    "department-2023-shifeng-civil-affairs": 15,
    "unit-2024-minhang-ageing-center": 2,
}


@pytest.fixture(scope="module")
def rendered():
    """Each example rendered once (shipped font, reproducible)."""
    out = {}
    for name in EXAMPLE_NAMES:
        form = load_example(name)
        data, result = render(form)
        out[name] = (form, data, result)
    return out


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_page_count(rendered, name):
    _, data, result = rendered[name]
    assert result.pages == EXPECTED_PAGES[name]
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == result.pages


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_field_value_is_printed(rendered, name):
    form, data, _ = rendered[name]
    pages = contents(data)
    missing = [(loc, value) for loc, value in printed_values(form) if not found(value, pages)]
    assert not missing


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_fonts_are_embedded_truetype_subsets(rendered, name):
    _, data, _ = rendered[name]
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for base_name, font in fonts.items():
        assert font["/Subtype"] == "/TrueType"
        assert "+" in base_name  # a subset
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_footer_numbers_pages_and_carries_the_fingerprint(rendered, name):
    form, data, result = rendered[name]
    texts = [squeeze(t) for t in page_texts(data)]
    fp = fingerprint(form)
    assert result.fingerprint == fp and len(fp) == 8
    for number, text in enumerate(texts, 1):
        assert f"第{number}页共{result.pages}页" in text
        assert f"文档校验码：{fp}" in text


def test_fingerprint_follows_the_content():
    form = load_example("project-2024-chenggong-eldercare")
    before = fingerprint(form)
    assert fingerprint(load_example("project-2024-chenggong-eldercare")) == before
    form.goals.annual += "。"
    assert fingerprint(form) != before


def test_output_is_reproducible(rendered):
    form, data, _ = rendered["project-2020-chenggong-service-contest"]
    again, _ = render(form)
    assert again == data


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_golden_text(rendered, name):
    """Extracted text per page matches tests/fixtures/printing/<name>.txt (pages split by form feeds).

    After a deliberate layout change: ``JIXIAO_UPDATE_GOLDEN=1 pytest tests/test_printing.py``.
    Rendered without 草稿 mark and appendix, so the golden follows the layout, not the check catalogue.
    """
    form = rendered[name][0]
    data, _ = render(form, draft=False, appendix=False)
    pages = [squeeze(t) for t in page_texts(data)]
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("JIXIAO_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\f\n".join(pages) + "\n", encoding="utf-8")
    expected = path.read_text(encoding="utf-8").rstrip("\n").split("\n\f\n")
    assert len(pages) == len(expected)
    for number, (got, want) in enumerate(zip(pages, expected), 1):
        assert got == want, f"page {number} differs"


def test_department_prints_main_table_then_annexes_in_order(rendered):
    form, data, _ = rendered["department-2023-shifeng-civil-affairs"]
    text = "".join(contents(data))
    main = text.index("2023年部门整体支出绩效目标表")
    annex2 = text.index("附表22023年区级专项资金绩效目标汇总表")
    assert main < annex2
    positions = []
    start = annex2
    for fund in form.special_funds:
        at = text.index("附表32023年区级专项资金支出方向绩效目标表", start)
        assert text.index(squeeze(fund.detail.name), at) > at
        positions.append(at)
        start = at + 1
    assert len(positions) == 12 and positions == sorted(positions)


def test_project_prints_proposal_before_table(rendered):
    data, _ = render(rendered["project-2024-chenggong-eldercare"][0], draft=False)
    pages = contents(data)
    assert pages[0].startswith("呈贡区民政局2024年城乡居家养老服务中心运营补助")
    assert "一、项目名称" in pages[0] and "八、项目实施成效" in pages[0]
    assert "项目支出绩效目标申报表（2024年度）" in pages[1]


def test_blank_proposal_is_left_out():
    form = load_example("project-2024-chenggong-eldercare")
    form.proposal = type(form.proposal)()
    data, result = render(form, draft=False)
    assert contents(data)[0].startswith("项目支出绩效目标申报表")
    assert result.pages == 1


def test_amounts_in_the_forms_unit(rendered):
    # 002 types 300万元 in a 元 form: printed as 3000000.00 in the 元 column.
    _, data, _ = rendered["project-2020-chenggong-service-contest"]
    text = "".join(contents(data))
    assert "中期资金来源（元）3000000.00" in text
    # 004 types amounts with thousands separators: kept grouped.
    _, data, _ = rendered["unit-2024-minhang-ageing-center"]
    assert "28,963,548.68" in "".join(contents(data))


def test_cost_lines_print_a_costing_table():
    from jixiao_desktop.forms import CostLine

    form = load_example("project-2024-chenggong-eldercare")
    form.cost_lines = [
        CostLine(item="居家养老服务中心运营补助", quantity="27", quantity_unit="个", standard="24000元",
                 standard_unit="个·年", periods="1", period_unit="年", split="3:7", split_levels="市:区",
                 share_index=1, amount="453600"),
    ]  # fmt: skip
    data, _ = render(form)
    text = "".join(contents(data))
    assert "成本测算" in squeeze("".join(page_texts(data))) or "成本测算" in text
    assert "居家养老服务中心运营补助27个24000元/个·年1年3:7（市:区，本级承担区）453600.00" in text


# -- checks on paper --------------------------------------------------------


def _form_with_error():
    form = load_example("project-2024-chenggong-eldercare")
    form.funding.annual.total = "453601.00"  # no longer the sum of the levels
    return form


def test_errors_print_a_draft_mark():
    data, result = render(_form_with_error())
    assert result.draft
    for text in page_texts(data):
        assert DRAFT_MARK in text
        assert "草稿：本表尚有未改正的错误" in text


def test_clean_form_has_no_draft_mark(rendered):
    _, data, result = rendered["unit-2024-minhang-ageing-center"]  # seed 004 has no 错误
    assert not result.draft
    assert all(DRAFT_MARK not in text for text in page_texts(data))


def test_draft_mark_can_be_forced_either_way():
    assert render(load_example("unit-2024-minhang-ageing-center"), draft=True)[1].draft
    assert not render(_form_with_error(), draft=False)[1].draft


def test_explained_warnings_are_listed_in_an_appendix():
    form = load_example("project-2024-chenggong-eldercare")
    warning = Finding(
        "indicator.example",
        Severity.WARNING,
        "indicators[4].annual.value",
        "时效指标的指标值不是时间",
        explanation="按月拨付，1-12月即全年",
    )
    data, result = render(form, report=Report([warning]))
    assert result.explained == 1 and not result.draft
    last = contents(data)[-1]
    assert last.startswith("附：已说明的警告及出错说明")
    assert "绩效指标第5行›年度指标›指标值" in last
    assert "时效指标的指标值不是时间" in last and "按月拨付，1-12月即全年" in last
    no_appendix, result = render(form, report=Report([warning]), appendix=False)
    assert result.explained == 0 and "附：已说明的警告" not in "".join(contents(no_appendix))


# -- characters the font cannot draw ------------------------------------------


def test_unprintable_character_stops_the_print_and_names_it(tmp_path):
    form = load_example("project-2024-chenggong-eldercare")
    form.leader = "缪\U00020000波"  # CJK Extension B: not in the shipped font
    form.indicators[2].annual.name += "\U00020000"
    target = tmp_path / "out.pdf"
    with pytest.raises(UnprintableCharacters) as info:
        render_pdf(form, target, options=SHIPPED)
    error = info.value
    assert error.characters == ["\U00020000"]
    assert [place[0] for place in error.places] == ["indicators[2].annual.name", "leader"]
    message = str(error)
    assert "U+20000" in message and "项目负责人" in message and "绩效指标 第3行 › 年度指标 › 三级指标" in message
    assert not target.exists()


def test_invisible_control_character_is_named_by_code():
    form = load_example("unit-2024-minhang-ageing-center")
    form.name += "\x07"
    with pytest.raises(UnprintableCharacters) as info:
        render(form)
    assert "U+0007" in str(info.value) and "不可见字符" in str(info.value)


def test_word_line_breaks_and_markup_characters_print():
    form = load_example("unit-2024-minhang-ageing-center")
    form.annual_goal = "第一行\x0b第二行 <b>不是标记</b> & 符号"
    data, _ = render(form)
    assert "第一行第二行<b>不是标记</b>&符号" in "".join(contents(data))


def test_write_to_a_stream():
    stream = io.BytesIO()
    result = render_pdf(load_example("unit-2024-minhang-ageing-center"), stream, options=SHIPPED)
    assert stream.getvalue().startswith(b"%PDF") and result.pages == 2
