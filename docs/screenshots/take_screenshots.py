"""Take the README's screenshots (1366×768) of the real program.

    xvfb-run -s "-screen 0 1366x768x24" python docs/screenshots/take_screenshots.py [windows]

With ``windows``, only the shot of two forms side by side (12-two-windows.png).

Settings and recovery files go to a temporary folder; the PNGs land next to this script.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTabWidget

from jixiao_desktop.ui.app_paths import AppPaths
from jixiao_desktop.ui.application import create_application
from jixiao_desktop.ui.library_dialog import LibraryDialog
from jixiao_desktop.ui.main_window import MainWindow
from jixiao_desktop.ui.windows import open_windows, tile

OUT = Path(__file__).resolve().parent
SIZE = (1366, 768)


def settle(app: QApplication, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def save(widget, name: str) -> None:
    path = OUT / name
    widget.grab().save(str(path), "PNG", 0)  # quality 0: the strongest PNG compression
    print(path)


def tab(window: MainWindow, prefix: str) -> None:
    for tabs in window.editor.findChildren(QTabWidget):
        for index in range(tabs.count()):
            if tabs.tabText(index).startswith(prefix):
                tabs.setCurrentIndex(index)
                return
    raise LookupError(prefix)


def two_windows(app: QApplication) -> None:
    """This year's form and a copy with mistakes, side by side (窗口 → 并排显示), the whole screen."""
    folder = Path(tempfile.mkdtemp(prefix="jixiao-shots-files-"))
    examples = Path(__file__).resolve().parents[2] / "resources" / "templates" / "examples"
    files = [folder / "重庆审批表（正确）.jixiao", folder / "重庆审批表（有误）.jixiao"]
    shutil.copy(examples / "chongqing-project-correct.jixiao", files[0])
    shutil.copy(examples / "chongqing-project-wrong.jixiao", files[1])
    window = MainWindow(AppPaths.under(tempfile.mkdtemp(prefix="jixiao-shots-")))
    window.show()
    for path in files:
        window.open_path(path)
    settle(app, 1.0)
    tile(window)
    settle(app, 1.5)
    path = OUT / "12-two-windows.png"
    app.primaryScreen().grabWindow(0).save(str(path), "PNG", 0)
    print(path)
    for each in open_windows():
        each.close()


def main() -> int:
    app = create_application(sys.argv[1:])
    if "windows" in sys.argv[1:]:
        two_windows(app)
        return 0
    window = MainWindow(AppPaths.under(tempfile.mkdtemp(prefix="jixiao-shots-")))
    window.resize(*SIZE)
    window.show()
    settle(app)
    save(window, "01-start-page.png")

    window.open_example("project-2024-chenggong-eldercare")
    settle(app, 1.0)
    # the 成本指标 warning selected, its cell focused on the 绩效指标 tab
    cost = next(f for f in window.findings.findings() if f.rule == "cost.vs_budget")
    window.findings.select_finding(cost)
    window.focus_location(cost.location)
    settle(app)
    save(window, "02-project-findings.png")

    window.document.undo_stack.setClean()
    window.set_document(None)   # the next example in this window, not in a window of its own
    window.open_example("department-2023-shifeng-civil-affairs")
    settle(app, 1.0)
    tab(window, "附表2")
    settle(app)
    save(window, "03-department-annex2.png")
    tab(window, "附表3")
    settle(app)
    save(window, "04-department-annex3.png")

    shown = []
    window.printing.preview_shown.connect(shown.append)
    window.actions_.print_preview.trigger()
    while not shown:
        app.processEvents()
    dialog = shown[0]
    dialog.resize(*SIZE)
    settle(app, 1.0)
    save(dialog, "05-print-preview.png")
    dialog.close()

    library = LibraryDialog(window.library(), parent=window)
    library.resize(1000, 640)
    library.show()
    settle(app)
    save(library, "06-indicator-library.png")
    library.close()

    window.document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
