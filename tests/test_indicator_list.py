"""The budget system's indicator sheet: splitting values, export → import round trips, the CLI."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from jixiao_desktop.cli import main
from jixiao_desktop.forms.indicator_value import split_indicator_value
from jixiao_desktop.indicator_list import (
    HEADERS,
    ListRow,
    export_rows,
    import_into,
    new_documents,
    read_list,
    typed_value,
    write_sheet,
)
from jixiao_desktop.indicator_list.grids import list_grids
from jixiao_desktop.resources import resource_path
from jixiao_desktop.storage import load
from jixiao_desktop.templates import available

EXAMPLES = sorted(resource_path("examples").glob("*.jixiao")) + sorted(
    resource_path("templates", "examples").glob("*.jixiao"))


# -- splitting ------------------------------------------------------------------------------------

# (typed, 指标性质, 指标值, 度量单位): values a clerk writes that split cleanly; a report here is a false alarm.
SPLITS = [
    ("≥95%", "≥", "95", "%"),
    ("≥ 95 %", "≥", "95", "%"),
    ("不低于95%", "≥", "95", "%"),
    ("＞＝95%", "≥", "95", "%"),
    ("≧80%", "≥", "80", "%"),
    (">=98.5%", "≥", "98.5", "%"),
    ("≤30天", "≤", "30", "天"),
    ("不超过140万元", "≤", "140", "万元"),
    ("≤70元/人/月", "≤", "70", "元/人/月"),
    ("100%", "＝", "100", "%"),
    ("=1200人次", "＝", "1200", "人次"),
    ("＝27个", "＝", "27", "个"),
    ("1200人次", "＝", "1200", "人次"),
    ("≥1200人次", "≥", "1200", "人次"),
    ("1,200人", "＝", "1200", "人"),
    ("≥30.00(户)", "≥", "30.00", "户"),
    ("=469.00(人)", "＝", "469.00", "人"),
    ("12万元/社区", "＝", "12", "万元/社区"),
    ("16800元/个.年", "＝", "16800", "元/个.年"),
    ("３个百分点", "＝", "3", "个百分点"),
    ("≥2万人", "≥", "2", "万人"),
    ("＜5%", "＜", "5", "%"),
    ("3年", "＝", "3", "年"),
    ("12个月", "＝", "12", "个月"),
    ("显著提升", "定性", "显著提升", ""),
    ("有效改善", "定性", "有效改善", ""),
    ("及时", "定性", "及时", ""),
    ("按月发放", "定性", "按月发放", ""),
    ("2023年12月底前", "定性", "2023年12月底前", ""),
    ("2023年", "定性", "2023年", ""),
    ("6月底前", "定性", "6月底前", ""),
    ("1月至12月", "定性", "1月至12月", ""),
    ("80至89周岁", "定性", "80至89周岁", ""),
    ("2024年1月至2026年12月", "定性", "2024年1月至2026年12月", ""),
    ("2024年6月30日前完成", "定性", "2024年6月30日前完成", ""),
    ("每季度1次", "定性", "每季度1次", ""),
    ("第3季度", "定性", "第3季度", ""),
    ("达到国家二级标准", "定性", "达到国家二级标准", ""),
    ("对符合条件的100%覆盖", "定性", "对符合条件的100%覆盖", ""),
]

# values that cannot be split, and a word the report must use
UNSPLITTABLE = [
    ("2100人;1000人", "多个数量"),
    ("重度护理补贴2100人;困难生活补贴1000人", "多个数量"),
    ("2400多名城乡低保对象,70多名供养特困人员。", "多个数量"),
    ("年初支付50%，年底支付50%", "多个数量"),
    ("80-89", "“-”"),
    ("1-12月", "1月至12月"),
    ("达标率_95%", "“_”"),
    ("95%*", "“*”"),
    ("80～89分", "范围"),
    ("95", "缺少度量单位"),
    ("≥95", "缺少度量单位"),
    ("95%以上", "以上"),
    ("约95%", "约"),
    ("2400多名", "多"),
    ("33个城市社区", "不像一个单位"),
    ("≥显著", "比较符号"),
]


@pytest.mark.parametrize(("typed", "nature", "value", "unit"), SPLITS)
def test_value_splits(typed, nature, value, unit):
    split = split_indicator_value(typed)
    assert split.problem == "", f"误报：{typed} → {split.problem}"
    assert (split.nature, split.value, split.unit) == (nature, value, unit)


@pytest.mark.parametrize(("typed", "word"), UNSPLITTABLE)
def test_value_that_cannot_be_split_is_reported_and_kept(typed, word):
    split = split_indicator_value(typed)
    assert word in split.problem
    assert (split.nature, split.value, split.unit) == ("", typed, "")
    assert split.joined() == typed


def test_no_false_alarms_and_no_misses():
    false_alarms = [t for t, *_ in SPLITS if split_indicator_value(t).problem]
    misses = [t for t, _ in UNSPLITTABLE if not split_indicator_value(t).problem]
    assert (false_alarms, misses) == ([], [])


def test_rejoined_typed_text():
    assert split_indicator_value("≥95%").joined() == "≥95%"
    assert split_indicator_value("100%").joined() == "100%"           # ＝ is what a bare number means
    assert split_indicator_value("=1200人次").joined() == "1200人次"
    assert split_indicator_value("≥30.00(户)").joined() == "≥30.00户"
    assert split_indicator_value("显著提升").joined() == "显著提升"


def test_typed_value_fills_nature_and_unit_columns_where_the_form_has_them():
    row = ListRow(nature="大于等于", value="95", unit="%", weight="10", direction="正向")
    assert typed_value(row)[0] == {"value": "≥95%"}
    cells, problem = typed_value(row, ("value", "nature", "unit", "weight", "direction"))
    assert cells == {"nature": "≥", "unit": "%", "value": "95", "weight": "10", "direction": "正向"} and not problem
    assert typed_value(ListRow(nature="≥", value="显著"))[1].startswith("指标性质为“≥”")
    assert "无法识别" in typed_value(ListRow(nature="差不多", value="95", unit="%"))[1]


# -- export → import round trips over every shipped example --------------------------------------

def _canonical(value: str) -> str:
    split = split_indicator_value(value)
    return split.joined() if not split.problem else value


def _typed_indicators(form) -> list[tuple]:
    """(project, 一级, 二级, 三级, value as one cell) of every 年度 indicator, levels carried down."""
    from jixiao_desktop.forms.indicator_value import join_indicator_value

    out = []
    for grid in list_grids(form):
        for e in grid.entries:
            c = e.cells
            typed = c.get("value", "") if c.get("nature", "").strip() == "定性" else join_indicator_value(
                c.get("value", ""), c.get("unit", ""), c.get("nature", ""))
            out.append((grid.project, e.level1.strip(), e.level2.strip(), e.name.strip(), typed))
    return out


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_export_import_round_trip(path: Path, tmp_path: Path):
    form = load(path)
    exported = export_rows(form)
    if not exported.rows:
        pytest.skip("no indicators")
    sheet = tmp_path / "list.xlsx"
    write_sheet(exported.rows, sheet)
    ws = openpyxl.load_workbook(sheet).active
    assert tuple(c.value for c in ws[1]) == HEADERS
    assert ws.max_row == len(exported.rows) + 1

    again = load(path)
    report = import_into(again, read_list(sheet))
    assert not report.problems, report.text()
    before = _typed_indicators(form)
    after = _typed_indicators(again)
    assert [b[:4] for b in before] == [a[:4] for a in after]
    for b, a in zip(before, after):
        assert _canonical(a[4]) == _canonical(b[4]), b
        if form.kind != "template" or not any("nature" in g.columns for g in list_grids(form)):
            assert a[4] == _canonical(b[4]), b     # one 指标值 cell: the re-joined text itself
        if split_indicator_value(b[4]).problem:
            assert a[4] == b[4].strip()     # not splittable: back exactly as typed
    assert [r.cells() for r in export_rows(again).rows] == [r.cells() for r in exported.rows]
    # everything that is not a 年度 indicator is as it was
    if form.kind == "template":
        assert again.content.fields == form.content.fields
        mids = lambda f: [r for p in f.parts() for t in p.part.tables.values() for r in t  # noqa: E731
                          if r.get("side") in ("mid", "long")]
        assert mids(again) == mids(form)
    else:
        assert [r.mid for r in again.indicators if r.mid and r.mid.name] == \
            [r.mid for r in form.indicators if r.mid and r.mid.name]


def test_department_annex3_rows_are_named_after_the_special_fund():
    form = load(resource_path("examples", "department-2023-shifeng-civil-affairs.jixiao"))
    exported = export_rows(form)
    projects = list(dict.fromkeys(r.project for r in exported.rows))
    assert projects[0] == form.name
    assert projects[1:] == [f.name for f in form.special_funds]
    problems = "\n".join(exported.problems)
    assert "项目“残疾人两项补贴” › 附表3（残疾人两项补贴） › “两项补贴人数”：一个指标值中写了多个数量（2100人、1000人）" in problems


def test_child_forms_and_nature_columns():
    form = load(resource_path("templates", "examples", "integration-indicator-list-correct.jixiao"))
    rows = export_rows(form).rows
    assert [r.project for r in rows][:1] == ["城乡低保提标补助"]    # the parent row's 项目名称
    first = rows[0]
    assert (first.nature, first.value, first.unit, first.weight, first.direction) == ("≥", "1200", "人", "30", "正向")
    county = load(resource_path("templates", "examples", "county-distribution-correct.jixiao"))
    rows = export_rows(county).rows
    assert rows[0].project == "城关镇农村人居环境及基础设施项目" and rows[0].weight == "20"
    assert rows[4].direction == "反向" and rows[3].nature == "定性"


# -- reading a sheet written by someone else -----------------------------------------------------

def _sheet(path: Path, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_read_by_header_labels_with_blank_headings_and_extra_columns(tmp_path: Path):
    path = _sheet(tmp_path / "l.xlsx", [
        ["某县2025年项目绩效指标"],
        ["序号", "三级指标", "指标值", "项目 名称", "一级指标", "二级指标", "度量单位", "指标性质", "备注", "分值"],
        [1, "受益人数", 1200, "甲项目", "产出指标", "数量指标", "人", "≥", "", 30],
        [2, "培训场次", 12, None, None, None, "场", "大于等于", "", 20],
        [3, "合格率", 0.95, None, None, "质量指标", None, "＝", "", 20],
        [4, "群众满意度", "显著提升", None, "满意度指标", None, None, "定性", "", 30],
        [5, "受益人数", 300, "乙项目", "产出指标", "数量指标", "人", "≥", "", 100],
    ])
    ws = openpyxl.load_workbook(path)
    ws.active["C5"].number_format = "0%"
    ws.save(path)
    read = read_list(path)
    assert [(r.project, r.level1, r.level2, r.name) for r in read.rows] == [
        ("甲项目", "产出指标", "数量指标", "受益人数"), ("甲项目", "产出指标", "数量指标", "培训场次"),
        ("甲项目", "产出指标", "质量指标", "合格率"), ("甲项目", "满意度指标", "", "群众满意度"),
        ("乙项目", "产出指标", "数量指标", "受益人数")]
    assert read.rows[2].value == "95%"
    assert any("序号" in n and "备注" in n for n in read.notes)
    loaded = available()[0]["chongqing-project"]
    documents, report = new_documents(loaded, read)
    assert [p for p, _ in documents] == ["甲项目", "乙项目"]
    first = documents[0][1]
    rows = first.content.tables["indicators"]
    assert [r["value"] for r in rows] == ["≥1200人", "≥12场", "95%", "显著提升"]
    assert [r.get("score") for r in rows] == ["30", "20", "20", "30"]
    assert "甲项目" in first.content.fields.values()


def test_not_a_list_is_refused_in_chinese(tmp_path: Path):
    from jixiao_desktop.excel import ExcelError

    with pytest.raises(ExcelError, match="找不到指标清单的表头"):
        read_list(_sheet(tmp_path / "x.xlsx", [["姓名", "电话"], ["张三", "1"]]))
    (tmp_path / "t.xlsx").write_text("不是工作簿", encoding="utf-8")
    with pytest.raises(ExcelError):
        read_list(tmp_path / "t.xlsx")


def test_import_into_keeps_other_cells_and_reports_unknown_projects(tmp_path: Path):
    form = load(resource_path("templates", "examples", "hunan-project-correct.jixiao"))
    standards = [r.get("standard") for r in form.content.tables["indicators"]]
    exported = export_rows(form)
    rows = exported.rows + [ListRow(project="别的项目", level1="产出指标", level2="数量指标", name="x",
                                    nature="≥", value="1", unit="个")]
    write_sheet(rows, tmp_path / "l.xlsx")
    report = import_into(form, read_list(tmp_path / "l.xlsx"))
    assert [r.get("standard") for r in form.content.tables["indicators"]] == standards   # 绩效标准 kept
    assert any("表格中没有项目“别的项目”" in p for p in report.problems)


# -- the command line -----------------------------------------------------------------------------

def test_cli_export_and_import(tmp_path: Path, capsys):
    doc = resource_path("examples", "project-2024-chenggong-eldercare.jixiao")
    out = tmp_path / "l.xlsx"
    assert main(["indicators", "export", str(doc), "-o", str(out)]) == 1      # 1-12月 cannot be split
    printed = capsys.readouterr().out
    assert "无法拆分" in printed and "“2024年”" in printed and "1月至12月" in printed
    clean = resource_path("templates", "examples", "mof-project-correct.jixiao")
    assert main(["indicators", "export", str(clean), "-o", str(tmp_path / "m.xlsx")]) == 0
    assert main(["indicators", "import", str(tmp_path / "m.xlsx"), "--template", "hunan-project",
                 "-o", str(tmp_path / "new")]) == 0
    made = list((tmp_path / "new").glob("*.jixiao"))
    assert len(made) == 1 and load(made[0]).template_id == "hunan-project"
    copy = tmp_path / "e.jixiao"
    copy.write_bytes(doc.read_bytes())
    assert main(["indicators", "import", str(out), "--into", str(copy)]) == 0
    assert "导入8个年度指标" in capsys.readouterr().out
    assert main(["indicators", "import", str(out), "--template", "no-such", "-o", str(tmp_path)]) == 2
    assert main(["indicators", "import", str(tmp_path / "missing.xlsx"), "--into", str(copy)]) == 2


# -- no input crashes ------------------------------------------------------------------------------

from hypothesis import HealthCheck, assume, given, settings  # noqa: E402

from tests.strategies import TEXT, forms  # noqa: E402


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_split_never_raises_and_is_stable(text):
    split = split_indicator_value(text)
    if split.problem:
        assert split.value == text.strip()
    else:
        again = split_indicator_value(split.joined())
        assert (again.nature, again.value, again.unit, again.problem) == (split.nature, split.value, split.unit, "")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms)
def test_random_documents_export_and_import_back(form):
    filled = [g.project for g in list_grids(form) if g.entries]
    assume(len(set(filled)) == len(filled))       # one name twice is reported at export (below)
    exported = export_rows(form)
    before = [r.cells() for r in exported.rows]
    from jixiao_desktop.indicator_list import ReadList

    read = ReadList("随机", rows=exported.rows, lines=list(range(2, len(exported.rows) + 2)))
    import_into(form, read)
    assert [r.cells() for r in export_rows(form).rows] == before


def test_one_project_name_on_two_grids_is_reported():
    from jixiao_desktop.forms import DepartmentForm, FundDetail, Indicator, IndicatorRow, SpecialFund

    detail = FundDetail(indicators=[IndicatorRow(level1="产出指标", annual=Indicator(level2="数量指标", name="a", value="1个"))])
    form = DepartmentForm(name="甲", special_funds=[SpecialFund(name="乙", detail=detail),
                                                     SpecialFund(name="乙", detail=detail.model_copy(deep=True))])
    assert any("项目名称“乙”用在了" in p for p in export_rows(form).problems)
