"""Help: every rule explained (and its examples true to the rule), the manual's chapters, its window, F1."""

from __future__ import annotations

import re

import pytest

from jixiao_desktop.checks import RULES, run_checks
from jixiao_desktop.help import manual
from jixiao_desktop.help.rules import PARTS, explanation, explanations, rule_title
from tests.test_check_rules import project, yunnan


def test_every_rule_has_an_explanation_with_all_parts():
    known = explanations()
    assert set(known) == set(RULES)
    for rule_id, help_ in known.items():
        for part in PARTS:
            text = getattr(help_, part)
            assert text.strip(), (rule_id, part)
            assert re.search(r"[\u4e00-\u9fff]", text) or part in ("right", "wrong"), (rule_id, part)
        assert help_.right != help_.wrong, rule_id


def test_no_explanation_for_an_unknown_rule():
    assert explanation("no.such_rule") is None
    assert explanation("") is None
    assert manual.rule_markdown("no.such_rule") is None
    assert rule_title("no.such_rule") == "no.such_rule"
    assert rule_title("counts.disagree") == "同一数量在不同地方不一致"


# --- the examples are true: the wrong one raises the rule, the right one does not -----------------

def _indicator(row: int, name: str | None = None, field: str = "value", level2: str | None = None):
    """A project form whose annual indicator ``row`` gets ``text`` in ``field`` (and ``name``, ``level2``)."""
    def make(text: str):
        form = project()
        indicator = form.indicators[row].annual
        if name is not None:
            indicator.name = name
        if level2 is not None:
            indicator.level2 = level2
        setattr(indicator, field, text)
        return form
    return make


def _field(location: str):
    def make(text: str):
        from jixiao_desktop.forms.locations import assign

        form = project()
        assign(form, location, text)
        return form
    return make


def _level1(row: int):
    def make(text: str):
        form = project()
        form.indicators[row].level1 = text
        return form
    return make


# rule → how its examples go into a correct project form (rows: 0 数量, 1 质量, 2 时效, 3 成本, 4 效益, 5 满意度)
EXAMPLE_CASES = {
    "value.no_unit": _indicator(0, "受益户数"),
    "value.vague": _indicator(4, "助餐服务覆盖率"),
    "value.percent_range": _indicator(1, "验收合格率"),
    "value.timeliness_over_100": _indicator(2, "补助发放及时率"),
    "value.money_on_rate": _indicator(1, "补助发放准确率"),
    "value.money_outside_cost": _indicator(0, "新建村级公厕"),
    "value.operator_direction": _indicator(5, "老年人满意度"),
    "value.operator_spelling": _indicator(5),
    "value.excel_date": _indicator(2, "完成时间"),
    "value.name_is_a_value": _indicator(1, field="name"),
    "value.several_quantities": _indicator(0, "补贴人数"),
    "value.unit_vs_name": _indicator(0, "补助人数"),
    "system.value_marks": _indicator(2, "补助发放时间"),
    "system.name_marks": _indicator(0, field="name"),
    "layout.level2_unknown": _indicator(4, field="level2"),
    "layout.level1_unknown": _level1(4),
    "period.unreadable": _field("period"),
    "period.timeliness_outside": _indicator(2, "补助发放及时性"),
    "period.annual_goal_past_year": _field("goals.annual"),
    "period.other_year_text": _field("goals.annual"),
    "counts.disagree": _field("goals.annual"),
    "funding.no_current_year": _field("proposal.arrangement"),
    "placeholder.value": _field("implementing_unit"),
    "amount.unreadable": _field("funding.annual.county"),
    "prose.relation": _field("proposal.arrangement"),
    "field.not_in_choices": lambda text: yunnan(attribute=text),
}


def test_enough_rules_have_their_examples_tested():
    assert len(EXAMPLE_CASES) >= 15


@pytest.mark.parametrize("rule_id", sorted(EXAMPLE_CASES))
def test_the_wrong_example_raises_the_rule_and_the_right_one_does_not(rule_id):
    help_ = explanation(rule_id)
    make = EXAMPLE_CASES[rule_id]
    wrong = run_checks(make(help_.wrong)).by_rule(rule_id)
    assert wrong, f"{rule_id}: the wrong example “{help_.wrong}” is not reported"
    right = run_checks(make(help_.right)).by_rule(rule_id)
    assert not right, f"{rule_id}: the right example “{help_.right}” is reported: {[f.message for f in right]}"


# --- the manual --------------------------------------------------------------------------------

CHAPTERS = ("开始使用", "项目支出", "部门整体", "附表2", "附表3", "单位整体", "按表样", "自评表", "检查结果",
            "出错说明", "快捷键", "保存", "自动保存", "Excel", "指标清单", "PDF", "打印", "表样", "常见问题", "规则说明")


def test_the_manual_has_its_chapters():
    text = "\n".join(c.markdown for c in manual.chapters())
    for word in CHAPTERS:
        assert word in text, word
    titles = [c.title for c in manual.chapters()]
    assert titles[0] == "开始使用" and titles[-1] == "规则说明"
    assert all(re.search(r"[\u4e00-\u9fff]", t) for t in titles)


def test_the_rules_chapter_is_made_from_the_data_and_lists_every_rule():
    chapter = manual.chapter(manual.RULES_CHAPTER)
    for rule_id, rule in RULES.items():
        assert f"`{rule_id}`" in chapter.markdown
        assert f"### {rule.title}" in chapter.markdown
        assert explanation(rule_id).why in chapter.markdown
    assert "表样开启时才检查" in chapter.markdown   # system.space_or_null


def test_search_finds_the_chapters_holding_the_words():
    found = [c.id for c in manual.search("自动保存 恢复")]
    assert "files" in found and "layouts" not in found
    assert manual.search("") == list(manual.chapters())
    assert manual.search("没有这个词的章节qqq") == []


def test_the_help_files_are_collected_into_the_frozen_build():
    from jixiao_desktop.resources import resource_path

    spec = (resource_path().parent / "installer" / "jixiao.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec   # the whole resources folder, help/ included
    assert resource_path("help", "rules.toml").is_file()
    assert len(list(resource_path("help", "manual").glob("*.md"))) >= 10


# --- the window ---------------------------------------------------------------------------------

def _help_window(window):
    from jixiao_desktop.ui.help_window import HelpWindow

    return window.findChild(HelpWindow, "help_window")


def test_f1_opens_the_manual(window, qtbot):
    from PySide6.QtCore import Qt

    assert _help_window(window) is None
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = _help_window(window)
    assert help_window is not None and help_window.isVisible()
    assert help_window.page == "chapter:start"
    assert "开始使用" in help_window.browser.toPlainText()
    assert window.actions_.manual.shortcut().toString() == "F1"


def test_the_manual_window_contents_and_search(window, qtbot):
    window.actions_.manual.trigger()
    help_window = _help_window(window)
    assert help_window.chapter_ids() == [c.id for c in manual.chapters()]
    help_window.contents.setCurrentRow(help_window.chapter_ids().index("shortcuts"))
    assert help_window.page == "chapter:shortcuts" and "Ctrl+S" in help_window.browser.toPlainText()
    help_window.search_box.setText("自动保存")
    assert "files" in help_window.chapter_ids() and "shortcuts" not in help_window.chapter_ids()
    assert help_window.browser.textCursor().selectedText() == "自动保存"
    help_window.search_box.setText("")
    assert len(help_window.chapter_ids()) == len(manual.chapters())
    window.actions_.rules_help.trigger()
    assert help_window.page == "chapter:rules"
    assert "同一数量在不同地方不一致" in help_window.browser.toPlainText()


def test_a_rule_page_and_its_link_back(window):
    from PySide6.QtCore import QUrl

    from jixiao_desktop.ui.help_window import show_rule_help

    help_window = show_rule_help(window, "value.vague")
    text = help_window.browser.toPlainText()
    assert help_window.page == "rule:value.vague"
    assert "指标值无法衡量" in text and explanation("value.vague").fix in text and "明显改善" in text
    assert "counts.disagree" not in text
    help_window._link(QUrl("chapter:rules"))
    assert help_window.page == "chapter:rules"
    help_window.show_rule("no.such_rule")
    assert "暂无详细说明" in help_window.browser.toPlainText()


# --- the shortcuts chapter lists only keys the program has -------------------------------------

def _shortcut_keys(window) -> set[str]:
    from PySide6.QtGui import QAction, QKeySequence

    keys = set()
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            keys.add(key.toString(QKeySequence.SequenceFormat.PortableText))
    return keys


def test_every_key_the_manual_lists_is_a_shortcut_or_handled(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    from jixiao_desktop.ui.editors.grid_view import GridView

    window.open_example("project-2024-chenggong-eldercare")
    for tab in range(window.editor.tabs.count()):   # pages made on first show hold grids too
        window.editor.tabs.setCurrentIndex(tab)
    keys = _shortcut_keys(window)
    grid = next(g for g in window.findChildren(GridView) if g.model().rowCount() > 2)
    # keys the grids and their cell editors handle themselves (not shortcuts), each shown working or in code
    grid.setCurrentIndex(grid.model().index(0, grid.model().columnCount() - 1))
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert grid.currentIndex().row() == 1
    assert grid.tabKeyNavigation()
    from pathlib import Path

    import jixiao_desktop.ui.editors.grid_delegate as delegate

    source = Path(delegate.__file__).read_text(encoding="utf-8")
    assert "AltModifier" in source and "ShiftModifier" in source and "Key_Return" in source
    handled = {"Enter", "Tab", "Shift+Enter", "Alt+Enter", "Del"}
    listed = re.findall(r"`([^`]+)`", manual.chapter("shortcuts").markdown)
    assert len(listed) >= 20
    portable = QKeySequence.SequenceFormat.PortableText
    missing = [key for key in listed if QKeySequence(key).toString(portable) not in keys and key not in handled]
    assert not missing, f"the manual lists keys the program does not have: {missing}; it has {sorted(keys)}"
