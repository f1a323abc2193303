"""Screenshots of the editors and PDFs of three templates for the README (docs/screenshots/).

Run: QT_QPA_PLATFORM=offscreen python docs/screenshots/take_template_screenshots.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
SHOTS = {"chongqing-project-wrong": 1, "hubei-city-project-correct": 0, "county-distribution-wrong": 1}


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from jixiao_desktop.checks import run_checks
    from jixiao_desktop.printing import render_pdf
    from jixiao_desktop.resources import resource_path
    from jixiao_desktop.storage import load
    from jixiao_desktop.ui.document import FormDocument
    from jixiao_desktop.ui.editors import create_editor
    from jixiao_desktop.ui.look import install_look

    app = QApplication(sys.argv[:1])
    install_look(app)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, tab in SHOTS.items():
        form = load(resource_path("templates", "examples", f"{name}.jixiao"))
        editor = create_editor(FormDocument(form))
        editor.resize(1200, 760)
        editor.mark_findings(run_checks(form).findings)
        editor.tabs.setCurrentIndex(tab)
        editor.show()
        app.processEvents()
        editor.grab().save(str(OUT / f"editor-{name}.png"))
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "form.pdf"
            render_pdf(form, pdf)
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(Path(tmp) / "p")],
                           check=True)
            page = next(Path(tmp).glob("p*.png"))
            (OUT / f"pdf-{name}.png").write_bytes(page.read_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main())
