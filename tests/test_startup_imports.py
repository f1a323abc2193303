"""Start-up stays light: openpyxl, reportlab, Qt's printing, the check rules with the prose reader and
the indicator library load on first use, not with the main window."""

import os
import subprocess
import sys


def test_main_window_does_not_load_excel_or_pdf_libraries():
    script = (
        "import sys; import jixiao_desktop.ui.main_window; "
        "print(','.join(m for m in ('openpyxl', 'reportlab', 'PySide6.QtPrintSupport', 'PySide6.QtPdf', "
        "'jixiao_desktop.checks.engine', 'jixiao_desktop.prose', 'jixiao_desktop.library.entries', "
        "'jixiao_desktop.help.rules', 'jixiao_desktop.ui.help_window', 'tomllib', 'docx', 'python_calamine', "
        "'jixiao_desktop.word', 'jixiao_desktop.selfeval') "
        "if m in sys.modules))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


LATE = ("openpyxl", "reportlab", "PySide6.QtPrintSupport", "PySide6.QtPdf", "jixiao_desktop.checks.engine",
        "jixiao_desktop.prose", "jixiao_desktop.library.entries", "jixiao_desktop.help.rules", "tomllib", "docx",
        "python_calamine", "jixiao_desktop.word", "jixiao_desktop.selfeval", "jixiao_desktop.excel",
        # the documents and settings are read without pydantic (jixiao_desktop/model.py): it cost ≈ 120 ms of a start
        "pydantic", "pydantic_core", "importlib.metadata")

_AT_FIRST_PAINT = """
import os, sys, tempfile
from jixiao_desktop.app import preload_core
preload_core()
from PySide6.QtCore import QEvent, QObject, QTimer
from jixiao_desktop.ui.app_paths import AppPaths
from jixiao_desktop.ui.application import create_application
from jixiao_desktop.ui.bench import largest_example
from jixiao_desktop.ui.main_window import MainWindow
app = create_application([])
window = MainWindow(AppPaths.under(tempfile.mkdtemp()))
class Paint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False
def done():
    print(",".join(m for m in LATE if m in sys.modules), flush=True)
    os._exit(0)
paint = Paint()
window.installEventFilter(paint)
window.open_path(str(largest_example()), ask=False)
window.show()
app.exec()
"""


def test_nothing_loaded_on_first_use_is_loaded_before_the_first_paint_of_the_largest_example(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    script = f"LATE = {LATE!r}\n" + _AT_FIRST_PAINT
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_a_template_document_paints_without_pydantic(tmp_path):
    """A province's own form (a template document) is read with the template schema of jixiao_desktop/model.py:
    pydantic had cost such a start ≈ 120 ms (its import and the schema's validators)."""
    from jixiao_desktop.resources import largest_template_example

    example = largest_template_example()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    script = ("LATE = ('pydantic', 'pydantic_core', 'importlib.metadata')\n"
              + _AT_FIRST_PAINT.replace("str(largest_example())", repr(str(example))))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
