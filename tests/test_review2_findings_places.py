"""Review of the findings panel's lazy places (ui/findings_model.py, ui/findings_panel.py): the same findings
after a row is renamed show the new name in the list and in the detail area of the selected finding."""

from __future__ import annotations

from jixiao_desktop.checks import run_checks
from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.findings_panel import FindingsPanel
from tests.conftest import load_example


def test_the_detail_area_follows_a_renamed_row_when_the_findings_stay_the_same(qtbot):
    form = load_example("department-2023-shifeng-civil-affairs")
    report = run_checks(form)
    finding = next(f for f in report.findings if f.location.startswith("special_funds[") and ".detail." in f.location)
    index = int(finding.location.split("[", 1)[1].split("]", 1)[0])
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_document(FormDocument(form))
    panel.show_report(report)
    assert panel.select_finding(finding)
    assert form.special_funds[index].name.strip() in panel.detail_text()

    form.special_funds[index].name = "改名后的专项"
    panel.show_report(report)   # the same findings again (a rename no message names): the list is not rebuilt
    assert panel.current_finding() == finding
    assert "改名后的专项" in panel.model.location_label(finding)
    assert "改名后的专项" in panel.detail_text()        # the detail area too, not the old name
