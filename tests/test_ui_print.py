"""打印预览 / 打印 / 导出PDF driven through the main window, and the background helper.

The print dialog is stubbed (``QPrintDialog.exec``) to print into a PDF file
through a real QPrinter; save dialogs and message boxes are stubbed too.
"""

from __future__ import annotations

import gc
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMainWindow,
    QProgressDialog,
    QWidget,
)

from jixiao_desktop.printing import render_bytes
from jixiao_desktop.settings import load_settings
from jixiao_desktop.ui import tasks
from jixiao_desktop.ui.look import app_icon, install_translations
from jixiao_desktop.ui.tasks import Task

pytestmark = pytest.mark.gui

DEPARTMENT = "department-2023-shifeng-civil-affairs"
PROJECT = "project-2024-chenggong-eldercare"
A4_POINTS = (595, 842)





@pytest.fixture
def print_dialog(monkeypatch, tmp_path):
    """Stub the print dialog: ``choose(printer)`` edits the printer as a clerk would, output goes to a PDF."""
    state = {"runs": [], "choose": None, "seen": []}

    def exec_(dialog):
        printer = dialog.printer()
        state["seen"].append({"copies": printer.copyCount(), "gray": printer.colorMode(),
                              "collate": printer.collateCopies(), "range": printer.printRange(),
                              "min": dialog.minPage(), "max": dialog.maxPage()})
        out = tmp_path / f"printed-{len(state['runs'])}.pdf"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        if state["choose"]:
            state["choose"](printer)
        state["runs"].append(out)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return state


def save_as(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


# --- the background helper ---------------------------------------------------------
def test_task_delivers_the_result_on_the_gui_thread(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    main = threading.get_ident()
    got = {}

    def work(a, b):
        got["worker"] = threading.get_ident()
        got["gc"] = gc.isenabled()
        return a + b

    task = Task(widget, work, 2, b=3).success(lambda r: got.update(result=r, thread=threading.get_ident()))
    assert task.run_in_background()
    qtbot.waitUntil(lambda: task.finished, timeout=5000)
    assert got == {"worker": got["worker"], "gc": False, "result": 5, "thread": main}
    assert got["worker"] != main
    assert gc.isenabled()  # paused only while the worker ran


def test_task_delivers_an_exception_on_the_gui_thread(qtbot, monkeypatch):
    widget = QWidget()
    qtbot.addWidget(widget)
    failures, hooked = [], []

    def boom():
        raise ValueError("坏了")

    task = Task(widget, boom).failure(lambda e: failures.append((e, threading.get_ident())))
    task.run_in_background()
    qtbot.waitUntil(lambda: task.finished, timeout=5000)
    assert str(failures[0][0]) == "坏了" and failures[0][1] == threading.get_ident()

    # Without a failure handler the error reaches sys.excepthook (logged and shown to the clerk).
    monkeypatch.setattr("sys.excepthook", lambda *args: hooked.append(args[1]))
    task = Task(widget, boom)
    task.run_in_background()
    qtbot.waitUntil(lambda: task.finished, timeout=5000)
    assert isinstance(hooked[0], ValueError)


def test_task_with_a_key_does_not_start_twice(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    gate = threading.Event()
    first = Task(widget, gate.wait, 5, key="print")
    assert first.run_in_background()
    assert tasks.is_running(widget, "print")
    assert not Task(widget, lambda: None, key="print").run_in_background()
    gate.set()
    qtbot.waitUntil(lambda: first.finished, timeout=5000)
    assert not tasks.is_running(widget)


def test_slow_task_shows_progress_and_a_busy_cursor_until_done(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    gate = threading.Event()
    task = Task(window, gate.wait, 10, label="正在读取 大表.xlsx…", slow=True)
    task.run_in_background()
    assert window.statusBar().currentMessage() == "正在读取 大表.xlsx…"
    assert QApplication.overrideCursor() is not None
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=3000)
    gate.set()
    qtbot.waitUntil(lambda: task.finished, timeout=5000)
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog), timeout=3000)
    assert QApplication.overrideCursor() is None
    assert window.statusBar().currentMessage() == ""


# --- 打印预览 ---------------------------------------------------------------------------
def test_preview_shows_the_pdf_of_the_example(make_window, qtbot):
    window = make_window()
    window.open_example(DEPARTMENT)
    data, result = render_bytes(window.document.snapshot())
    with qtbot.waitSignal(window.printing.preview_shown, timeout=10000) as shown:
        window.actions_.print_preview.trigger()
    dialog = shown.args[0]
    assert dialog.isVisible()
    assert dialog.page_count == result.pages == 15
    assert dialog.data == data  # the very PDF that prints
    assert "共 15 页" in dialog.info.text()
    dialog.zoom.setCurrentIndex(dialog.zoom.findText("100%"))
    assert dialog.view.zoomFactor() == 1.0
    dialog.close()


def test_printing_from_the_preview_prints_its_pages(make_window, qtbot, print_dialog):
    window = make_window()
    window.open_example(PROJECT)
    with qtbot.waitSignal(window.printing.preview_shown, timeout=10000) as shown:
        window.actions_.print_preview.trigger()
    dialog = shown.args[0]
    pages = dialog.page_count
    with qtbot.waitSignal(window.printing.printed, timeout=20000) as printed:
        dialog.print_button.click()  # the preview closes, the print dialog opens
    assert printed.args[0] == pages
    assert len(PdfReader(print_dialog["runs"][0]).pages) == pages


# --- 打印 ---------------------------------------------------------------------------------
def test_print_goes_to_the_printer_at_a4_full_size(make_window, qtbot, print_dialog):
    window = make_window()
    window.open_example(DEPARTMENT)
    _, result = render_bytes(window.document.snapshot())
    with qtbot.waitSignal(window.printing.printed, timeout=30000) as printed:
        window.actions_.print_.trigger()
    assert printed.args[0] == result.pages
    assert print_dialog["seen"][0]["min"] == 1 and print_dialog["seen"][0]["max"] == result.pages
    pages = PdfReader(print_dialog["runs"][0]).pages
    assert len(pages) == result.pages
    for page in pages[:2]:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4_POINTS
    assert "已发送 15 页" in window.statusBar().currentMessage()


def test_print_a_page_range(make_window, qtbot, print_dialog):
    window = make_window()
    window.open_example(DEPARTMENT)

    def pages_2_to_4(printer):
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 4)

    print_dialog["choose"] = pages_2_to_4
    with qtbot.waitSignal(window.printing.printed, timeout=30000) as printed:
        window.actions_.print_.trigger()
    assert printed.args[0] == 3
    assert len(PdfReader(print_dialog["runs"][0]).pages) == 3


def test_printer_settings_are_saved_and_restored(make_window, qtbot, print_dialog, paths):
    window = make_window()
    window.open_example(PROJECT)

    def clerk_choice(printer):
        printer.setCopyCount(2)
        printer.setColorMode(QPrinter.ColorMode.GrayScale)
        printer.setCollateCopies(False)

    print_dialog["choose"] = clerk_choice
    with qtbot.waitSignal(window.printing.printed, timeout=20000) as printed:
        window.actions_.print_.trigger()
    pages = len(PdfReader(print_dialog["runs"][0]).pages)
    assert printed.args[0] == pages  # two copies: the PDF has each page twice
    saved = load_settings(paths.settings_file).printer
    assert (saved.copies, saved.grayscale, saved.collate) == (2, True, False)

    # A new window (the next session) offers the same choices; the page range starts at 全部.
    window.close()
    second = make_window()
    second.open_example(PROJECT)
    print_dialog["choose"] = None
    with qtbot.waitSignal(second.printing.printed, timeout=20000):
        second.actions_.print_.trigger()
    seen = print_dialog["seen"][-1]
    assert (seen["copies"], seen["gray"], seen["collate"]) == (2, QPrinter.ColorMode.GrayScale, False)
    assert seen["range"] == QPrinter.PrintRange.AllPages


class _DuplexPrinter(QPrinter):
    """A PDF printer has no duplex unit (Qt ignores setDuplex); this one keeps what it is told."""

    def __init__(self):
        super().__init__()
        self._duplex = QPrinter.DuplexMode.DuplexNone

    def setDuplex(self, mode):
        self._duplex = mode

    def duplex(self):
        return self._duplex


@pytest.mark.parametrize("mode", ["none", "long", "short", "auto"])
def test_duplex_and_range_settings_round_trip(mode):
    from jixiao_desktop.settings import PrinterSettings
    from jixiao_desktop.ui.print_settings import apply_settings, remember_settings

    printer = _DuplexPrinter()
    apply_settings(printer, PrinterSettings(duplex=mode, page_range="last", from_page=2, to_page=3), 15)
    assert printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() == 2
    saved = remember_settings(printer, PrinterSettings(page_range="last"))
    assert (saved.duplex, saved.from_page, saved.to_page) == (mode, 2, 3)
    apply_settings(printer, saved, 2)  # a shorter form: the old range does not fit, all pages
    assert printer.printRange() == QPrinter.PrintRange.AllPages


def test_cancelled_print_dialog_prints_nothing(make_window, qtbot, monkeypatch):
    window = make_window()
    window.open_example(PROJECT)
    asked = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: asked.append(1) or QDialog.DialogCode.Rejected)
    window.printing.printed.connect(lambda n: pytest.fail("printed after cancel"))
    window.actions_.print_.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert not tasks.is_running(window)


# --- 导出PDF --------------------------------------------------------------------------------
def test_export_pdf_writes_the_file(make_window, qtbot, monkeypatch, tmp_path):
    window = make_window()
    window.open_example(DEPARTMENT)
    target = tmp_path / "部门表"  # the extension is added
    save_as(monkeypatch, target)
    with qtbot.waitSignal(window.printing.exported, timeout=10000) as exported:
        window.actions_.export_pdf.trigger()
    path = exported.args[0]
    assert path.name == "部门表.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert len(PdfReader(path).pages) == 15


def test_export_pdf_suggests_the_document_name(make_window, qtbot, monkeypatch, tmp_path):
    window = make_window()
    window.open_example(PROJECT)
    window.document.save(tmp_path / "养老项目.jixiao")
    suggested = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, path, *a, **k: suggested.append(path) or ("", "")))
    window.actions_.export_pdf.trigger()
    assert suggested == [str(tmp_path / "养老项目.pdf")]


def test_export_from_the_preview_writes_the_previewed_bytes(make_window, qtbot, monkeypatch, tmp_path):
    window = make_window()
    window.open_example(PROJECT)
    with qtbot.waitSignal(window.printing.preview_shown, timeout=10000) as shown:
        window.actions_.print_preview.trigger()
    dialog = shown.args[0]
    save_as(monkeypatch, tmp_path / "预览.pdf")
    with qtbot.waitSignal(window.printing.exported, timeout=10000):
        dialog.export_button.click()
    assert (tmp_path / "预览.pdf").read_bytes() == dialog.data
    dialog.close()


# --- a character the font cannot draw ---------------------------------------------------------
@pytest.mark.parametrize("command", ["print_", "print_preview", "export_pdf"])
def test_unprintable_character_shows_the_message_and_prints_nothing(make_window, qtbot, monkeypatch, boxes,
                                                                     tmp_path, command):
    window = make_window()
    window.open_example(PROJECT)
    window.document.set_value("filler_unit", "成功区民政局\U0001F600")
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: pytest.fail("print dialog shown"))
    save_as(monkeypatch, tmp_path / "x.pdf")
    window.printing.preview_shown.connect(lambda d: pytest.fail("preview shown"))
    getattr(window.actions_, command).trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=10000)
    kind, title, text = boxes[0]
    assert kind == "warning" and title == "无法打印"
    assert "填报单位" in text and "没有打印或导出任何内容" in text
    assert not (tmp_path / "x.pdf").exists()


# --- look -----------------------------------------------------------------------------------------
def test_standard_buttons_read_chinese_and_the_window_has_its_icon(make_window, qapp):
    locale = QLocale()
    translators = install_translations(qapp)
    try:
        assert translators
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        assert [b.text() for b in box.buttons()] == ["确定", "取消"]
        assert not app_icon().isNull()
        assert not make_window().windowIcon().isNull()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_a_second_print_while_one_runs_is_refused_with_a_message(make_window, qtbot, print_dialog, boxes):
    window = make_window()
    window.open_example(DEPARTMENT)
    data, result = render_bytes(window.document.snapshot())
    with qtbot.waitSignal(window.printing.printed, timeout=30000) as printed:
        window.printing.print_bytes(data, result)
        window.printing.print_bytes(data, result)  # the clerk presses 打印 again at once
    assert printed.args[0] == 15
    assert boxes and "尚未完成" in boxes[0][2]


def test_a_landscape_form_prints_on_lying_a4(make_window, qtbot, print_dialog, tmp_path):
    from jixiao_desktop.resources import resource_path
    from jixiao_desktop.storage import load, save

    path = tmp_path / "横向.jixiao"
    save(load(resource_path("templates", "examples", "hubei-city-project-correct.jixiao")), path)
    window = make_window()
    window.open_path(path, ask=False)
    with qtbot.waitSignal(window.printing.printed, timeout=30000):
        window.actions_.print_.trigger()
    pages = PdfReader(print_dialog["runs"][0]).pages
    assert all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) == A4_POINTS[::-1] for p in pages)
