"""What leaving pydantic for jixiao_desktop/model.py broke, as a clerk (or a maintainer) would meet it: each
test fails on the first version of model.py and its users."""

from __future__ import annotations

import json
import re

import pytest

from jixiao_desktop.excel import program_data
from jixiao_desktop.excel.reader import _apply_program_data
from jixiao_desktop.excel.report import ImportReport
from jixiao_desktop.forms import ValidationError, validate_form
from jixiao_desktop.library import IndicatorLibrary
from jixiao_desktop.library.entries import LibraryError, load_user
from jixiao_desktop.model import Model
from jixiao_desktop.resources import resource_path
from jixiao_desktop.storage import load
from jixiao_desktop.templates.loader import TemplateError, load_text
from jixiao_desktop.templates.schema import IndicatorTable

EXAMPLE = resource_path("templates", "examples", "county-distribution-correct.jixiao")
ENTRY = {"level1": "产出指标", "level2": "数量指标", "topic": "养老", "name": "享受津贴人数", "operator": "≥",
         "unit": "人", "example": "≥10人"}


def test_a_user_library_with_a_newer_versions_key_still_gives_the_clerks_indicators(tmp_path):
    """pydantic ignored unknown keys beside ``entries`` (its default); the first model.py refused the whole file
    (“指标库文件格式不正确：Extra inputs are not permitted”, 自定义指标暂不可用)."""
    path = tmp_path / "user_indicators.json"
    path.write_text(json.dumps({"version": 1, "entries": [ENTRY], "updated": "2026-01-05"}, ensure_ascii=False),
                    encoding="utf-8")
    entries = load_user(path)
    assert [e.name for e in entries] == ["享受津贴人数"] and entries[0].user
    assert [e.name for e in IndicatorLibrary.load(path).user] == ["享受津贴人数"]


def _nested_content(depth: int) -> dict:
    part: dict = {"fields": {}}
    for _ in range(depth):
        part = {"children": {"k": [part]}}
    return part


def test_a_document_nested_past_pythons_stack_is_refused_not_a_crash():
    """pydantic reported a too-deep document as a validation error; the first model.py's recursion raised
    RecursionError out of validate_form, i.e. a traceback dialog."""
    data = {**load(EXAMPLE).model_dump(mode="json"), "content": _nested_content(400)}
    with pytest.raises(ValidationError) as info:
        validate_form(data)
    assert info.value.errors()[0]["type"] == "recursion_loop"


def test_a_workbooks_program_data_nested_too_deep_is_ignored_not_a_crash():
    """The hidden 填报程序数据 sheet of a damaged (or crafted) workbook is the way such data reaches the
    forms outside the document reader (which limits the depth first): its row is ignored, said in the report,
    and the workbook imports (without the limit: RecursionError in copying or reading it, a traceback)."""
    from openpyxl import Workbook

    form = load(EXAMPLE)
    content = form.model_dump(mode="json")["content"]
    ws = Workbook().active
    ws.append([program_data.NOTE])
    ws.append(list(program_data.HEADER))
    ws.append(["content", "内容", "值", json.dumps(_nested_content(150)), program_data.fingerprint(content)])
    ws.append(["year", "年度", "值", json.dumps("2026"), program_data.fingerprint(form.year)])
    rows, problems = program_data.read_sheet(ws)
    assert problems == [f"{ws.title}第3行内容损坏，已忽略"]
    report = ImportReport(source="x.xlsx")
    assert _apply_program_data(form, rows, report).year == "2026"


def test_a_plain_list_default_is_not_shared_between_records():
    """pydantic copied a plain mutable default; the first model.py handed every record the same list, so a
    maintainer's ``tags: list[str] = []`` would have typed into every document at once."""

    class Tagged(Model):
        tags: list[str] = []
        notes: dict[str, str] = {}

    a, b = Tagged(), Tagged.model_validate({})
    a.tags.append("甲")
    a.notes["x"] = "乙"
    assert b.tags == [] and b.notes == {} and Tagged().tags == []


def test_equal_frozen_records_hash_equal_whatever_the_order_of_their_dicts():
    a = IndicatorTable.model_validate({"type": "indicators", "id": "t", "sides": [{"id": "y", "label": "年度"}],
                                       "labels": {"weight": "分值", "score": "得分"}})
    b = IndicatorTable.model_validate({"type": "indicators", "id": "t", "sides": [{"id": "y", "label": "年度"}],
                                       "labels": {"score": "得分", "weight": "分值"}})
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1


_BASE = """
[template]
id = "review-test"
version = 1
name = "测试表"
kind = "project"

[[section]]
type = "fields"
id = "head"
{field}
"""
_ENGLISH = re.compile(r"[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}")


@pytest.mark.parametrize("field, where", [
    ('field = [1]', "field[1]"),                                      # a row that is not a table
    ('field = [{ id = "a", label = "甲" }, "乙"]', "field[2]"),
])
def test_a_template_whose_row_is_not_a_table_is_told_in_chinese(field, where):
    with pytest.raises(TemplateError) as info:
        load_text(_BASE.format(field=field))
    assert where in info.value.problem and "应为一组键值" in info.value.problem
    assert not _ENGLISH.search(info.value.problem), info.value.problem


@pytest.mark.parametrize("text, words", [
    (_BASE.format(field='field = [{ id = "a", label = "甲" }]').replace('"review-test"', '"' + "a" * 81 + '"'),
     "template › id：太长了"),
    (_BASE.format(field='field = [{ id = "a", label = "甲" }]') + "[scoring]\nbudget = 101\n",
     "scoring › budget：数值太大"),
    ("template = 1\n[[section]]" + _BASE.split("[[section]]", 1)[1].format(field='field = [{ id = "a", label = "甲" }]'),
     "template："),
])
def test_a_template_value_out_of_bounds_or_of_the_wrong_shape_is_told_in_chinese(text, words):
    with pytest.raises(TemplateError) as info:
        load_text(text)
    assert words in info.value.problem
    assert not _ENGLISH.search(info.value.problem), info.value.problem



@pytest.mark.parametrize("data, words", [
    ({"version": 1, "entries": [ENTRY, {**ENTRY, "name": 5}]}, "第2条指标的“三级指标”：应为文字"),
    ({"version": 1, "entries": [{"level1": "产出指标"}]}, "第1条指标的“二级指标”：缺少此项"),
    ({"version": 1, "entries": {"a": ENTRY}}, "“entries”：应为列表"),
])
def test_a_damaged_user_library_is_told_in_chinese_with_its_place(tmp_path, data, words):
    """LibraryError's ``str()`` is Chinese (its docstring says so): the first error's English ``msg`` was shown."""
    path = tmp_path / "user_indicators.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        load_user(path)
    assert words in str(info.value)
    assert not _ENGLISH.search(str(info.value)), str(info.value)
