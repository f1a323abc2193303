"""Printing a document of any template: every typed value on paper, page counts, 草稿, orientation,
the 合计 row computed from the rows, the template's own text not printed; and the Yunnan project
form's table with its sign-off on one page."""

from __future__ import annotations

import io
import subprocess
from decimal import Decimal

import pypdf
import pytest

from jixiao_desktop.forms.template_form import TemplateForm
from jixiao_desktop.money import format_amount
from jixiao_desktop.printing import TextTooLong, UnprintableCharacters
from jixiao_desktop.printing.page import DRAFT_NOTE
from jixiao_desktop.resources import template_example_paths
from jixiao_desktop.storage import load
from jixiao_desktop.templates.document import child_blank, new_document
from jixiao_desktop.templates.loader import load as load_template
from jixiao_desktop.templates.loader import shipped_templates_dir
from jixiao_desktop.templates.schema import (
    AmountTable,
    ChildForms,
)
from tests.conftest import load_example
from tests.test_printing_helpers import render, squeeze, template_values

EXAMPLES = [p for p in template_example_paths() if load(p).kind == "template"]

# At most this many pages, from the paper forms: a one-page form prints on one page; the 资金分配表
# carries one 绩效目标表 per 乡镇, the 市直 form its 成本构成 table over a second landscape sheet.
MAX_PAGES = {
    "chongqing-project": 1, "county-distribution": 3, "gansu-provincial-project": 1, "hubei-city-project": 1,
    "hubei-department": 1, "hubei-district-project": 1, "hunan-county-project": 1, "hunan-project": 1,
    "integration-indicator-list": 1, "mof-department": 1, "mof-project": 1, "mof-selfeval-project": 1,
    "third-party-evaluation": 3,
}  # fmt: skip


def _template_id(path) -> str:
    return path.stem.rsplit("-", 1)[0]


def pdftotext(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def printed():
    """Each template example rendered once (shipped font): (form, pdf bytes, result, text)."""
    out = {}
    for path in EXAMPLES:
        form = load(path)
        data, result = render(form)
        out[path.stem] = (form, data, result, pdftotext(data))
    return out


def found(value: str, text: str) -> bool:
    """``value`` is printed: whole (whitespace and line ends removed), or wrapped in its cell — then
    ``pdftotext -layout`` gives its pieces on nearby lines in order, between the texts of the cells
    beside it (a vertically centred label may take a line of its own between two pieces)."""
    if value in squeeze(text):
        return True
    lines = [squeeze(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    for start in range(len(lines)):
        rest, i, skipped = value, start, 0
        while rest and i < len(lines) and skipped <= 2:
            k = len(rest)
            while k and rest[:k] not in lines[i]:
                k -= 1
            if k < min(2, len(rest)):   # no piece here (a single character proves nothing)
                if i == start:
                    break
                skipped += 1
            else:
                rest, skipped = rest[k:], 0
            i += 1
        if not rest:
            return True
    return False


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_typed_value_is_printed(printed, path):
    form, _, _, text = printed[path.stem]
    values = template_values(form)
    assert len(values) > 10
    missing = [(location, value) for location, value in values if not found(value, text)]
    assert not missing


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_page_count_within_the_paper_forms(printed, path):
    _, data, result, _ = printed[path.stem]
    assert 1 <= result.pages <= MAX_PAGES[_template_id(path)]
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == result.pages


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_draft_mark_on_the_wrong_examples_only(printed, path):
    _, _, result, text = printed[path.stem]
    wrong = path.stem.endswith("-wrong")
    assert result.draft is wrong
    assert (squeeze(DRAFT_NOTE) in squeeze(text)) is wrong


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_landscape_templates_print_landscape(printed, path):
    form, data, result, text = printed[path.stem]
    landscape = form.loaded.meta.orientation == "landscape"
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (width > height) is landscape
        assert round(min(width, height)) == 595 and round(max(width, height)) == 842   # A4
    assert f"第1页共{result.pages}页" in squeeze(text)
    assert squeeze(form.title) in squeeze(text)


def test_child_forms_follow_their_parent_titled_by_their_row(printed):
    form, _, _, text = printed["county-distribution-correct"]
    flat = squeeze(text)
    towns = [row["town"] for row in form.content.tables["distribution"]]
    positions = [flat.index(f"绩效目标表：{town}") for town in towns]
    assert positions == sorted(positions) and flat.index("资金分配表") < positions[0]


def test_total_row_sums_the_rows_and_leaves_a_blank_column_blank():
    from jixiao_desktop.printing.common import Builder
    from jixiao_desktop.printing.styles import styles_for
    from jixiao_desktop.printing.template_tables import _sum

    form = load(next(p for p in EXAMPLES if p.stem == "county-distribution-correct"))
    table = next(s for s in form.loaded.template.section if isinstance(s, AmountTable) and s.total_row)
    rows = form.content.tables[table.id]
    b = Builder(form, styles_for("Helvetica"), grouping=False)
    columns = {c.id: c for c in table.columns}
    expected = sum(form.amount(r["roads"]).value for r in rows)
    assert _sum(b, columns["roads"], rows) == format_amount(expected, form.amount_unit)
    blank = [dict(r, water="") for r in rows]
    assert _sum(b, columns["water"], blank) == ""          # blank is not zero
    one = [dict(r, water="") for r in rows]
    one[1]["water"] = "0"
    assert _sum(b, columns["water"], one) == "0.00"
    assert _sum(b, columns["town"], rows) == ""            # a text column has no total
    unreadable = [dict(r) for r in rows]
    unreadable[0]["roads"] = "约六十万"
    assert _sum(b, columns["roads"], unreadable) == ""     # no total that leaves out a typed cell


def test_total_row_is_printed(printed):
    form, _, _, text = printed["county-distribution-correct"]
    rows = form.content.tables["distribution"]
    total = sum((form.amount(r["environment"]).value for r in rows), Decimal(0))
    line = next(squeeze(l) for l in text.splitlines() if squeeze(l).startswith("合计") and any(c.isdigit() for c in l))
    assert format_amount(total, form.amount_unit) in line


def test_grouped_amounts_follow_the_clerk():
    form = load(next(p for p in EXAMPLES if p.stem == "county-distribution-correct"))
    form.content.fields["notice_amount"] = "1,500"
    data, _ = render(form)
    assert "1,500.00" in squeeze(pdftotext(data))


def test_the_templates_own_text_is_not_checked_for_printing():
    """The TOML copy inside the document is not printed: a character the font lacks there, or a long
    comment, does not stop the print; in a typed cell it does, named in the template's words."""
    form = load(next(p for p in EXAMPLES if p.stem == "mof-project-correct"))
    text = form.template_text + "\n# 注释 \U00020000 " + "长" * 25000 + "\n"
    form = TemplateForm.model_validate(form.model_dump() | {"template_text": text})
    _, result = render(form)
    assert result.pages == 1
    form.content.fields["project_name"] += "\U00020000"
    with pytest.raises(UnprintableCharacters) as info:
        render(form)
    assert [place[0] for place in info.value.places] == ["content.fields.project_name"]
    assert "项目名称" in str(info.value)
    form.content.fields["project_name"] = "长" * 20001
    with pytest.raises(TextTooLong) as too_long:
        render(form)
    assert "项目名称" in str(too_long.value)


# -- the Yunnan project form: the table and its sign-off on one page, as on paper --------------------


def test_yunnan_project_table_and_signoff_on_one_page():
    form = load_example("project-2024-chenggong-eldercare")
    data, result = render(form, draft=False)
    assert result.pages == 2   # the 申报书, then the table
    last = squeeze(pypdf.PdfReader(io.BytesIO(data)).pages[1].extract_text())
    assert "项目支出绩效目标申报表（2024年度）" in last and "预算绩效说明" in last and "单位负责人（签字）" in last
    form.proposal = type(form.proposal)()
    assert render(form)[1].pages == 1


def test_seal_room_is_full_where_the_page_has_room_and_never_below_the_lines():
    from reportlab.lib.units import mm

    from jixiao_desktop.printing.common import Builder
    from jixiao_desktop.printing.styles import SEAL_SIZE, styles_for

    b = Builder(load_example("project-2024-chenggong-eldercare"), styles_for("Helvetica"), grouping=False)
    sign = b.signoff()
    assert sign.wrap(b.width, 200 * mm)[1] >= SEAL_SIZE
    assert sign.min_height < sign.wrap(b.width, 30 * mm)[1] < 30 * mm
    assert sign.wrap(b.width, 5 * mm)[1] == sign.min_height > 15 * mm   # the signature lines themselves


# -- any template, any content --------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(shipped_templates_dir().glob("*.toml")), ids=lambda p: p.stem)
def test_a_blank_document_of_every_shipped_template_prints(path):
    loaded = load_template(path)
    form = new_document(loaded, "2025")
    for child in (s for s in loaded.template.section if isinstance(s, ChildForms)):
        form.content.tables[child.of] = [{}]
        form.content.children[child.id] = [child_blank(loaded, child.id)]
    data, result = render(form)
    assert result.pages >= 1
    flat = squeeze(pdftotext(data))
    assert squeeze(form.title) in flat
    assert (float(pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox.width) > 600) is (
        loaded.meta.orientation == "landscape")


def test_odd_content_prints_every_typed_value():
    """Rows of an unknown side, cells of columns the template does not have, blank 一级 under a
    filled one, children without a parent row, an unreadable amount: printed, nothing lost."""
    form = load(next(p for p in EXAMPLES if p.stem == "mof-project-correct"))
    rows = form.content.tables["indicators"]
    rows.append({"side": "其他", "level1": "", "level2": "数量指标", "name": "新增的指标", "value": "≥1处"})
    rows.insert(0, {"side": "mid", "level1": "", "level2": "", "name": "", "value": ""})
    form.content.fields["annual_total"] = "约150万"
    data, _ = render(form)
    text = pdftotext(data)
    for value in ("新增的指标", "≥1处", "约150万"):
        assert value in squeeze(text)
    county = load(next(p for p in EXAMPLES if p.stem == "county-distribution-correct"))
    county.content.children["targets"].append(county.content.children["targets"][0].model_copy(deep=True))
    data, _ = render(county)
    assert "绩效目标表（第5张）" in squeeze(pdftotext(data))


def test_a_form_without_a_unit_name_prints_its_signoff():
    """The seal's place with no unit name under it (a blank cell once crashed the table)."""
    form = load_example("project-2024-chenggong-eldercare")
    form.implementing_unit = form.filler_unit = ""
    data, _ = render(form)
    assert "填报单位（盖章）" in squeeze(pdftotext(data))


def test_a_row_is_not_cut_into_an_empty_sliver_at_a_page_foot():
    """Where not even a line of a row fits, the row goes whole to the next page; a tall row is still
    cut where two lines fit."""
    from jixiao_desktop.printing.common import Builder
    from jixiao_desktop.printing.styles import styles_for

    b = Builder(load_example("project-2024-chenggong-eldercare"), styles_for("Helvetica"), grouping=False)
    short = b.grid([[b.label("甲"), b.p("一行字")] for _ in range(3)], [30, 150])
    assert short.split(b.width, 10) == []
    tall = b.grid([[b.label("乙"), b.p("\n".join(["很多行"] * 20))]], [30, 150])
    assert len(tall.split(b.width, 45)) == 2
