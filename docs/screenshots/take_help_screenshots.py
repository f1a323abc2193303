"""Screenshots of the help for the README (docs/screenshots/): the main window maximised on a 1366×768
laptop with a finding selected in the 检查结果 panel, and the manual window at that finding's rule.

Run: QT_QPA_PLATFORM=offscreen python docs/screenshots/take_help_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
EXAMPLE = "project-2024-chenggong-eldercare"
RULE = "counts.disagree"


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from jixiao_desktop.ui.app_paths import AppPaths
    from jixiao_desktop.ui.help_window import show_manual, show_rule_help
    from jixiao_desktop.ui.look import install_look
    from jixiao_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    install_look(app)
    OUT.mkdir(parents=True, exist_ok=True)
    window = MainWindow(AppPaths.under(tempfile.mkdtemp()))
    window.resize(1366, 740)   # maximised on 1366×768, less the taskbar
    window.show()
    window.open_example(EXAMPLE)
    for _ in range(50):
        app.processEvents()
    window.checker.run_now() if hasattr(window.checker, "run_now") else window.check_now()
    for _ in range(50):
        app.processEvents()
    panel = window.findings
    finding = next((f for f in panel.findings() if f.rule == RULE), panel.findings()[0])
    panel.select_finding(finding)
    app.processEvents()
    window.grab().save(str(OUT / "09-findings-panel.png"))
    help_window = show_rule_help(window, finding.rule)
    help_window.resize(980, 680)
    app.processEvents()
    help_window.grab().save(str(OUT / "10-help-rule.png"))
    show_manual(window, "findings")
    app.processEvents()
    help_window.grab().save(str(OUT / "11-help-manual.png"))
    window.document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
