"""Merged 一级/二级 cells read as one heading (checks, Excel export, the budget-system list), the document
search behind 查找/替换, and the 中期/年度 sides judged alike."""

from __future__ import annotations

import openpyxl

from jixiao_desktop.checks import run_checks
from jixiao_desktop.excel import export_workbook
from jixiao_desktop.forms import Indicator, IndicatorRow, locations, search
from jixiao_desktop.forms.merged_levels import carry_levels, resolve_rows, resolve_table
from jixiao_desktop.forms.templates import new_project
from jixiao_desktop.indicator_list.grids import list_grids
from jixiao_desktop.templates import available
from jixiao_desktop.templates.document import new_document


def _row(level1, level2, name, value="≥1个", mid=True):
    return IndicatorRow(level1=level1, annual=Indicator(level2=level2, name=name, value=value),
                        mid=Indicator(level2=level2, name=name, value=value) if mid else None)


def test_a_blank_heading_is_the_one_above_and_a_new_level1_starts_without_level2():
    typed = [("产出指标", "数量指标"), ("", ""), ("", "质量指标"), ("  ", ""), ("效益指标", ""), ("", "社会效益指标"),
             ("效益 指标", "")]
    assert carry_levels(typed) == [
        ("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "质量指标"),
        ("效益指标", ""), ("效益指标", "社会效益指标"), ("效益 指标", "社会效益指标")]   # the same 一级 spelt apart
    assert carry_levels([("", "数量指标"), ("", "")]) == [("", "数量指标"), ("", "数量指标")]


def test_seed_rows_resolved_per_side_and_kept_as_typed():
    rows = [_row("产出指标", "数量指标", "A"), _row("", "", "B"),
            IndicatorRow(level1="", annual=Indicator(level2="质量指标", name="C"), mid=Indicator(name="C"))]
    resolved = resolve_rows(rows)
    assert [r.level1 for r in resolved] == ["产出指标"] * 3
    assert [r.annual.level2 for r in resolved] == ["数量指标", "数量指标", "质量指标"]
    assert [r.mid.level2 for r in resolved] == ["数量指标"] * 3
    assert rows[1].level1 == "" and rows[1].annual.level2 == ""   # the stored rows are not touched
    assert resolved[0] is rows[0]


def test_template_table_resolved_side_by_side():
    rows = [{"side": "mid", "level1": "产出指标", "level2": "数量指标", "name": "A"},
            {"side": "annual", "level1": "效益指标", "level2": "社会效益指标", "name": "B"},
            {"side": "mid", "level1": "", "level2": "", "name": "C"},
            {"side": "annual", "level1": "", "level2": "", "name": "D"}]
    resolved = resolve_table(rows, ["mid", "annual"])
    assert [(r["level1"], r["level2"]) for r in resolved] == [
        ("产出指标", "数量指标"), ("效益指标", "社会效益指标"), ("产出指标", "数量指标"), ("效益指标", "社会效益指标")]
    assert rows[2]["level1"] == ""


def _pasted_project():
    """Rows as pasted from Excel: the merged 一级/二级 cells arrive on their first row only."""
    form = new_project("2025")
    form.indicators = [_row("产出指标", "数量指标", "服务人数", "≥100人"), _row("", "", "服务次数", "≥200次"),
                       _row("", "质量指标", "服务合格率", "≥95%"),
                       _row("效益指标", "社会效益指标", "老人受益", "明显提升"), _row("", "", "覆盖面", "≥90%"),
                       _row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")]
    return form


LAYOUT_RULES = ("layout.level1_unknown", "layout.level2_unknown", "layout.level2_misplaced")


def test_checks_read_blank_headings_as_the_ones_above():
    report = run_checks(_pasted_project())
    assert not [f for f in report.findings if f.rule in LAYOUT_RULES], \
        [f.message for f in report.findings if f.rule in LAYOUT_RULES]


def test_a_first_row_without_level1_is_still_missing_it():
    form = _pasted_project()
    form.indicators[0].level1 = ""
    found = [f for f in run_checks(form).findings if f.rule == "layout.level1_unknown"]
    assert [f.location for f in found] == ["indicators[0].level1", "indicators[1].level1", "indicators[2].level1"]
    assert "第1行没有一级指标" in found[0].message


def test_a_wrong_heading_is_reported_once_where_it_is_typed():
    form = _pasted_project()
    form.indicators[0].level1 = "产出目标"
    found = [f for f in run_checks(form).findings if f.rule == "layout.level1_unknown"]
    assert [f.location for f in found] == ["indicators[0].level1"]


def _template_with_pasted_rows():
    form = new_document(available()[0]["mof-project"], year="2025")
    form.content.tables["indicators"] = [
        {"side": "annual", "level1": "产出指标", "level2": "数量指标", "name": "新建工程", "value": "≥10处"},
        {"side": "annual", "level1": "", "level2": "", "name": "改造工程", "value": "≥5处"},
        {"side": "annual", "level1": "效益指标", "level2": "社会效益指标", "name": "受益人口", "value": "≥1000人"},
        {"side": "annual", "level1": "", "level2": "", "name": "覆盖村数", "value": "≥12个"},
    ]
    return form


def test_template_checks_excel_and_list_read_blank_headings_alike(tmp_path):
    form = _template_with_pasted_rows()
    report = run_checks(form)
    layout = [f for f in report.findings if f.rule in LAYOUT_RULES or f.rule == "template.indicator_layout"]
    assert not layout, [f.message for f in layout]
    path = export_workbook(form, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    texts = {}
    for merged in sheet.merged_cells.ranges:
        texts[merged.coord] = sheet.cell(merged.min_row, merged.min_col).value
    assert "产出指标" in texts.values() and "数量指标" in texts.values()   # written as merged cells
    (grid,) = [g for g in list_grids(form) if g.entries]
    assert [(e.level1, e.level2) for e in grid.entries] == [
        ("产出指标", "数量指标"), ("产出指标", "数量指标"), ("效益指标", "社会效益指标"), ("效益指标", "社会效益指标")]


def test_seed_excel_export_and_list_take_the_heading_above(tmp_path):
    form = _pasted_project()
    (grid,) = [g for g in list_grids(form) if g.entries]
    assert grid.entries[1].level1 == "产出指标" and grid.entries[1].level2 == "数量指标"
    path = export_workbook(form, tmp_path / "p.xlsx")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    merged = [sheet.cell(r.min_row, r.min_col).value for r in sheet.merged_cells.ranges]
    assert merged.count("产出指标") == 1 and "效益指标" in merged   # 一级 merged over its three rows


# --- 查找/替换 ------------------------------------------------------------------------
def test_search_finds_every_typed_text_by_location_and_names_it():
    form = _pasted_project()
    form.project_name = "服务项目"
    found = search.find_all(form, "服务")
    places = [m.location for m in found]
    assert "project_name" in places
    assert "indicators[0].annual.name" in places and "indicators[0].mid.name" in places
    assert all(locations.resolve(form, m.location)[m.start:m.start + 2] == "服务" for m in found)
    first_cell = next(m for m in found if m.location.startswith("indicators"))
    assert "三级指标" in search.where(form, first_cell) and "第1行" in search.where(form, first_cell)
    assert search.find_all(form, "") == []


def test_replace_all_and_one():
    form = _pasted_project()
    changes = search.replace_all(form, "服务", "照护")
    search.apply(form, changes)
    assert form.indicators[0].annual.name == "照护人数" and not search.find_all(form, "服务")
    assert search.replaced("a服务b服务", "服务", "X", 4) == "a服务bX"


def test_search_reaches_template_child_forms():
    from jixiao_desktop.templates.document import child_blank

    form = new_document(available()[0]["county-distribution"], year="2025")
    child_id = next(iter(form.content.children))
    child = child_blank(form.loaded, child_id)
    child.fields["goal"] = "乡镇养老"
    form.content.children[child_id] = [child]
    found = search.find_all(form, "养老")
    assert [m.location for m in found] == [f"content.children.{child_id}[0].fields.goal"]
    assert "第1张" in search.where(form, found[0])


# --- the same value on both sides ------------------------------------------------------
def test_a_value_typed_as_the_name_on_both_sides_is_marked_on_both():
    form = _pasted_project()
    form.indicators[1] = _row("", "", "16800元/个.年", "≤16800元")
    found = {f.location for f in run_checks(form).by_rule("value.name_is_a_value")}
    assert found == {"indicators[1].mid.name", "indicators[1].annual.name"}
