"""The findings panel a clerk can read: rule titles, the whole message, 这条是什么意思, folding, settled
explained warnings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from jixiao_desktop.checks import Finding, Report, Severity
from jixiao_desktop.ui.findings_panel import (
    EXPLAINED_COLOR,
    FINDING_ROLE,
    FindingsPanel,
)
from jixiao_desktop.ui.help_window import HelpWindow

LONG = ("“社区养老服务中心”的数量前后不一致：10个（数量指标）；12个（年度目标）；同一数量应处处相同。"
        "请核对项目概况、资金安排情况、年度目标和年度数量指标中的数量，改成同一个数，结尾在这里ZZZ")


def _report():
    return Report([
        Finding("amount.unreadable", Severity.ERROR, "year", "年度无法识别"),
        Finding("counts.disagree", Severity.WARNING, "goals.annual", LONG),
        Finding("value.vague", Severity.WARNING, "overview", "指标值“进一步提升”无法衡量",
                explanation="按上级文件原文填写，不作量化"),
        Finding("value.operator_spelling", Severity.HINT, "", "比较符号不规范"),
    ])


def _panel(qtbot) -> FindingsPanel:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(1300, 230)
    panel.show()
    panel.show_report(_report())
    return panel


def _item_of(panel, rule):
    for row in range(panel.model.rowCount()):
        head = panel.model.item(row, 0)
        for i in range(head.rowCount()):
            if head.child(i, 0).data(FINDING_ROLE).rule == rule:
                return head.child(i, 0)
    raise AssertionError(rule)


def test_tooltips_name_the_rule_by_its_title(qtbot):
    panel = _panel(qtbot)
    item = _item_of(panel, "counts.disagree")
    tip = panel.model.data(item.index(), Qt.ItemDataRole.ToolTipRole)   # what the view shows
    assert "同一数量在不同地方不一致" in tip
    assert "counts.disagree" in tip and "color:#8a8f98" in tip   # the id after the title, small and grey
    assert "规则：counts.disagree" not in tip
    assert "ZZZ" in tip   # the whole message


def test_the_selected_finding_is_shown_whole(qtbot):
    panel = _panel(qtbot)
    assert "选中一条问题" in panel.detail_text()
    finding = next(f for f in panel.findings() if f.rule == "counts.disagree")
    panel.select_finding(finding)
    text = panel.detail_text()
    assert LONG in text.replace("\n", "")
    assert "同一数量在不同地方不一致" in text and "警告" in text
    assert panel.detail.lineWrapMode() != panel.detail.LineWrapMode.NoWrap
    panel.show_report(Report())
    assert "选中一条问题" in panel.detail_text()


def test_explained_warnings_look_settled_and_are_counted_apart(qtbot):
    panel = _panel(qtbot)
    item = _item_of(panel, "value.vague")
    assert item.text().startswith("已说明")
    assert item.foreground().color() == QColor(EXPLAINED_COLOR)
    assert _item_of(panel, "counts.disagree").foreground().color() != QColor(EXPLAINED_COLOR)
    groups = [panel.model.item(r, 0).text() for r in range(panel.model.rowCount())]
    assert groups == ["错误（1）", "警告（1）", "提示（1）", "已说明的警告（1）"]
    assert panel.summary.text() == "错误 1　警告 1　提示 1　（已说明 1）"
    panel.select_finding(item.data(FINDING_ROLE))
    assert "已说明的警告" in panel.detail_text() and "按上级文件原文填写" in panel.detail_text()


def test_the_panel_folds_to_its_counts_and_unfolds(qtbot):
    panel = _panel(qtbot)
    panel.set_collapsed(True)
    assert panel.collapsed and not panel.body.isVisible() and panel.summary.isVisible()
    assert panel.summary.text().startswith("错误 1")
    qtbot.mouseClick(panel.summary, Qt.MouseButton.LeftButton)
    assert not panel.collapsed and panel.body.isVisible()
    panel.collapse_button.click()
    assert panel.collapsed


def test_what_does_this_mean_opens_the_rules_page(qtbot):
    panel = _panel(qtbot)
    assert not panel.help_button.isEnabled()
    finding = next(f for f in panel.findings() if f.rule == "counts.disagree")
    panel.select_finding(finding)
    assert panel.help_button.isEnabled()
    panel.help_button.click()
    window = panel.findChild(HelpWindow, "help_window")
    assert window is not None and window.isVisible()
    assert window.page == "rule:counts.disagree"
    assert "同一数量在不同地方不一致" in window.browser.toPlainText()
    window.close()
    panel.select_finding(next(f for f in panel.findings() if f.rule == "value.vague"))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F1)
    assert window.isVisible() and window.page == "rule:value.vague"


def test_the_context_menu_offers_what_does_this_mean(qtbot):
    panel = _panel(qtbot)
    finding = next(f for f in panel.findings() if f.rule == "amount.unreadable")
    menu = panel.context_menu(finding)
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "这条是什么意思？" and "转到此处" in texts
    menu.actions()[0].trigger()
    assert panel.findChild(HelpWindow, "help_window").page == "rule:amount.unreadable"


def test_in_the_window_f1_on_a_finding_opens_its_rule_elsewhere_the_manual(make_window, qtbot):
    window = make_window()
    window.new_document("project")
    qtbot.waitUntil(lambda: bool(window.findings.findings()), timeout=3000)
    panel = window.findings
    finding = panel.findings()[0]
    panel.select_finding(finding)
    window.activateWindow()
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F1)
    help_window = window.findChild(HelpWindow, "help_window")
    assert help_window.page == f"rule:{finding.rule}"
    window.actions_.manual.trigger()
    assert help_window.page == "chapter:start"


def test_in_the_window_the_panel_folds_and_raises_its_dock(make_window, qtbot):
    window = make_window()
    window.resize(1366, 740)
    window.new_document("project")
    qtbot.waitUntil(lambda: bool(window.findings.findings()), timeout=3000)
    dock, panel = window.findings_dock, window.findings
    qtbot.waitUntil(lambda: dock.height() > 100, timeout=2000)
    before = dock.height()
    panel.set_collapsed(True)
    qtbot.waitUntil(lambda: dock.height() < 80, timeout=2000)
    panel.set_collapsed(False)
    qtbot.waitUntil(lambda: dock.height() >= min(before, 200) - 5, timeout=2000)
    panel.size_button.click()
    qtbot.waitUntil(lambda: dock.height() >= window.height() // 2 - 40, timeout=2000)
    assert panel.size_button.text() == "还原"
    panel.size_button.click()
    qtbot.waitUntil(lambda: dock.height() < window.height() // 2 - 40, timeout=2000)
    assert panel.size_button.text() == "放大"


def test_a_findings_place_is_made_when_shown_and_follows_a_renamed_row(qtbot):
    """The panel does not describe every finding's place at every keystroke; the same findings after a row is
    renamed show the new name."""
    from PySide6.QtWidgets import QApplication

    from jixiao_desktop.checks import run_checks
    from jixiao_desktop.ui.findings_model import FindingsModel
    from tests.conftest import load_example

    form = load_example("department-2023-shifeng-civil-affairs")
    report = run_checks(form)
    finding = next(f for f in report.findings if f.location.startswith("special_funds[") and ".detail." in f.location)
    index = int(finding.location.split("[", 1)[1].split("]", 1)[0])
    model = FindingsModel(QApplication.style())
    assert model.set_report(report, form)
    assert model._labels == {}                          # nothing described before the view asks
    assert form.special_funds[index].name.strip() in model.location_label(finding)
    form.special_funds[index].name = "改名后的专项"
    assert not model.set_report(report, form)          # the same findings: not rebuilt
    assert "改名后的专项" in model.location_label(finding)
