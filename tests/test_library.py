"""The indicator library: built-in data, search, the clerk's own entries."""

from __future__ import annotations

import pytest

from jixiao_desktop.forms.layouts import LAYOUTS, canonical
from jixiao_desktop.library import IndicatorLibrary, LibraryEntry, LibraryError, load_builtin, load_user, search
from jixiao_desktop.resources import EXAMPLE_NAMES, example_path
from jixiao_desktop.storage import load

TOPICS = ("养老", "社会救助", "社区治理", "残疾人")


@pytest.fixture(scope="module")
def builtin():
    return load_builtin()


def test_builtin_is_large_and_covers_the_topics(builtin):
    assert len(builtin) >= 60
    topics = {e.topic for e in builtin}
    for topic in TOPICS:
        assert sum(e.topic == topic for e in builtin) >= 8, topic
    assert any(t.startswith("示例") for t in topics)


def test_builtin_entries_sit_under_a_known_level(builtin):
    known = {(l1, l2) for layout in LAYOUTS.values() for l1, children in layout.items() for l2 in children}
    for entry in builtin:
        assert (entry.level1, entry.level2) in known, entry
        assert entry.name.strip()
        assert entry.operator in ("≥", "＞", "＝", "＜", "≤", "")


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_indicator_of_the_examples_is_in_the_library(builtin, name):
    form = load(example_path(name))
    sides = [side for row in form.indicators for _, side in row.sides()]
    for fund in getattr(form, "special_funds", []):
        if fund.detail:
            sides += [row.annual for row in fund.detail.indicators]
    names = {(e.level2, e.name) for e in builtin}
    for side in sides:
        if side.name.strip():
            assert (canonical(side.level2), side.name.strip()) in names, side.name


def test_search_needs_every_word_and_ranks_names_first(builtin):
    hits = search(builtin, "低保")
    assert hits and all("低保" in (e.name + e.topic + e.example) for e in hits)
    assert "低保" in hits[0].name
    both = search(builtin, "残疾人 补贴")
    assert both and all("残疾" in (e.name + e.topic) for e in both)
    assert search(builtin, "没有这种指标xyz") == []


def test_search_filters_by_level_and_topic(builtin):
    hits = search(builtin, "", level2="服务对象满意度指标", topic="养老")
    assert hits and all(e.level2 == "服务对象满意度指标" and e.topic == "养老" for e in hits)


def test_search_folds_width_and_case(builtin):
    entry = LibraryEntry(level1="产出指标", level2="数量指标", name="ＡＢＣ培训人次", unit="人次")
    assert search([entry], "abc") == [entry]


def test_user_entries_are_saved_and_come_first(tmp_path):
    path = tmp_path / "data" / "user.json"
    library = IndicatorLibrary.load(path)
    entry = library.add(LibraryEntry(level1="产出指标", level2="数量指标", topic="我的指标",
                                     name="老年人助浴服务人次", operator="≥", unit="人次", example="≥500人次"))
    assert entry.user
    again = IndicatorLibrary.load(path)
    assert again.entries[0].name == "老年人助浴服务人次"
    assert again.entries[0].user
    assert again.search("助浴")[0].value_template() == "≥500人次"
    again.remove(again.entries[0])
    assert load_user(path) == []


def test_adding_needs_a_name(tmp_path):
    library = IndicatorLibrary.load(tmp_path / "user.json")
    with pytest.raises(LibraryError, match="三级指标"):
        library.add(LibraryEntry(level1="产出指标", level2="数量指标", name="  "))


def test_corrupt_user_file_gives_a_chinese_error(tmp_path):
    path = tmp_path / "user.json"
    path.write_text("{oops", encoding="utf-8")
    with pytest.raises(LibraryError, match="格式不正确"):
        load_user(path)


def test_value_template_without_example():
    entry = LibraryEntry(level1="产出指标", level2="质量指标", name="验收合格率", operator="≥", unit="%")
    assert entry.value_template() == "≥%"
