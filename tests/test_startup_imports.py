"""Start-up stays light: openpyxl, reportlab, Qt's printing, the check rules with the prose reader and
the indicator library load on first use, not with the main window."""

import os
import subprocess
import sys


def test_main_window_does_not_load_excel_or_pdf_libraries():
    script = (
        "import sys; import jixiao_desktop.ui.main_window; "
        "print(','.join(m for m in ('openpyxl', 'reportlab', 'PySide6.QtPrintSupport', 'PySide6.QtPdf', "
        "'jixiao_desktop.checks.engine', 'jixiao_desktop.prose', 'jixiao_desktop.library.entries') "
        "if m in sys.modules))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
