"""The main window: owns one object per panel and wires their signals.

The document (:class:`FormDocument`) carries the form, its file and its undo
stack; the editor (``ui.editors.create_editor``) edits it; :class:`LiveChecker`
re-checks it after each burst of edits and feeds the findings panel, the status
bar and the editor's markers; :class:`Autosaver` keeps a recovery copy.

One window holds one document; several documents are several windows
(:mod:`jixiao_desktop.ui.windows`): 打开/新建 here opens a new window unless
this one shows the start page or an untouched 新建 form (:meth:`adopt`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (QDockWidget, QFrame, QMainWindow, QMessageBox, QScrollArea, QStackedWidget,
                               QWidget)

from jixiao_desktop.forms.templates import new_form
from jixiao_desktop.resources import example_path
from jixiao_desktop.settings import Settings, load_settings, save_settings
from jixiao_desktop.storage import EXTENSION, DocumentError, load, open_document
from jixiao_desktop.ui.app_paths import AppPaths
from jixiao_desktop.ui.autosave import Autosaver
from jixiao_desktop.ui.check_runner import LiveChecker
from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.editors import create_editor
from jixiao_desktop.ui.excel_actions import ExcelActions, routes_here
from jixiao_desktop.ui.word_actions import WordActions
from jixiao_desktop.ui.file_prompts import APP_TITLE, ask_open_path, ask_save_changes, ask_save_path, safe_file_name
from jixiao_desktop.ui.findings_panel import FindingsPanel
from jixiao_desktop.ui.help_dialogs import open_folder, show_about
from jixiao_desktop.ui.indicator_list_actions import IndicatorListActions
from jixiao_desktop.ui.look import app_icon
from jixiao_desktop.ui import new_forms, windows
from jixiao_desktop.ui.main_actions import MainActions
from jixiao_desktop.ui.printing_actions import PrintingActions
from jixiao_desktop.ui.recovery_prompt import offer_recovery, tidy_after_crash
from jixiao_desktop.ui.start_page import EXAMPLE_LABELS, StartPage
from jixiao_desktop.ui.status_counts import StatusCounts
from jixiao_desktop.ui.tasks import wait_all
from jixiao_desktop.ui.window_geometry import restore_geometry, save_geometry

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, paths: AppPaths | None = None, settings: Settings | None = None):
        super().__init__()
        self.paths = paths or AppPaths.standard()
        # Windows of one application share one settings object: none overwrites another's recent files.
        self.settings = settings or windows.shared_settings(self.paths) or load_settings(self.paths.settings_file)
        self.document: FormDocument | None = None
        self._blank_new = False   # the document is a 新建 form: replaced by the next 打开/新建 while untouched
        self.display_name = ""
        self.editor: QWidget | None = None
        self._library = None   # the indicator library loads when first asked for
        self._marked_editor: QWidget | None = None
        self.setWindowIcon(app_icon())

        self.findings = FindingsPanel()
        self.findings_dock = dock = QDockWidget("检查结果", self)
        dock.setObjectName("findings_dock")
        dock.setWidget(self.findings)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.pages = QStackedWidget()  # start page or editor; one central widget keeps the dock's size
        # A window narrower than the form's widest row (two windows side by side on a laptop) scrolls
        # instead of growing past the screen.
        self.scroller = scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.pages)
        self.setCentralWidget(scroller)
        self.counts = StatusCounts()
        self.statusBar().addPermanentWidget(self.counts)
        self.checker = LiveChecker(self)
        self.autosave = Autosaver(self.paths.recovery_dir, self.settings.autosave_seconds, self)
        self.undo_group = QUndoGroup(self)
        self.printing = PrintingActions(self, lambda: self.document, self.settings, self._save_settings,
                                        lambda: self.display_name, self.focus_location)
        # An import never replaces a modified form (it opens in a window of its own): nothing to ask first.
        self.excel = ExcelActions(self, lambda: self.document, self.open_form, lambda: True, self._folder)
        self.word = WordActions(self, lambda: self.document, self.open_form, lambda: True, self._folder)
        self.indicator_list = IndicatorListActions(self, lambda: self.document, self.open_form, self._folder,
                                                   self.choose_template)
        self.actions_ = MainActions(self, self.undo_group, dock.toggleViewAction())
        self.choose_indicator = self._choose_indicator

        self.checker.report_ready.connect(self._show_report)
        self.findings.location_activated.connect(self.focus_location)
        restore_geometry(self)
        self._refresh_recent()
        self.set_document(None)
        windows.register(self)

    # --- the document ------------------------------------------------------
    def set_document(self, document: FormDocument | None, display_name: str = "") -> None:
        old = self.document
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
        self.document = document
        self._blank_new = False
        if document is not None and document.parent() is not self:
            document.setParent(self)
        self.display_name = display_name or (document.path.name if document and document.path else "未命名")
        self.findings.set_document(document)
        self.autosave.set_document(document)
        if document is None:
            self.editor = None
            self._show_start_page()
        else:
            self.undo_group.addStack(document.undo_stack)
            self.undo_group.setActiveStack(document.undo_stack)
            document.modified_changed.connect(self.setWindowModified)
            document.path_changed.connect(self._path_changed)
            self.editor = self._create_editor(document)
            self._show_page(self.editor)
        starting = document is not None and not self.isVisible()   # at start-up: paint first, then check
        self.checker.set_document(document, defer=starting)
        if starting:
            from jixiao_desktop.ui.first_paint import after_first_paint

            after_first_paint(self, self.checker.schedule)
        self.actions_.set_has_document(document is not None)
        self._update_title()
        if old is not None:
            old.deleteLater()

    def _show_start_page(self) -> None:
        page = StartPage(self.settings.recent_files)
        page.new_requested.connect(self.new_document)
        page.template_requested.connect(self.choose_new)
        page.open_requested.connect(self.open_dialog)
        page.example_requested.connect(self.open_example)
        page.recent_requested.connect(self.open_recent)
        self._show_page(page)

    def is_replaceable(self) -> bool:
        """The start page, or a 新建 form not yet touched: 打开/新建 use this window instead of a new one."""
        document = self.document
        return document is None or (self._blank_new and document.path is None and not document.modified)

    def adopt(self, document: FormDocument, display_name: str = "", blank: bool = False) -> MainWindow:
        """Show ``document`` in this window if it is replaceable, else in a new window; the window used."""
        target = self if self.is_replaceable() else windows.new_window(self)
        target.set_document(document, display_name)
        target._blank_new = blank
        if target is not self:
            windows.activate(target)
        return target

    def _show_page(self, page: QWidget) -> None:
        while self.pages.count():
            old = self.pages.widget(0)
            self.pages.removeWidget(old)
            old.deleteLater()
        self.pages.addWidget(page)

    def _create_editor(self, document: FormDocument) -> QWidget:
        # At start-up (the window not yet shown) the shown tab is built first, the others after the first paint.
        return create_editor(document, self, choose_indicator=self.choose_indicator, lazy=not self.isVisible())

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle(APP_TITLE)
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self.display_name}[*] - {APP_TITLE}")
        self.setWindowModified(self.document.modified)

    def _path_changed(self, path: Path) -> None:
        self.display_name = Path(path).name
        self._update_title()

    def _show_report(self, report) -> None:
        marked = self.findings.model.report.findings
        self.findings.show_report(report)
        self.counts.show_report(report)
        if report.findings == marked and self.editor is self._marked_editor:
            return  # typing that changes no finding leaves the markers as they are
        self._marked_editor = self.editor
        if self.editor is not None and hasattr(self.editor, "mark_findings"):
            self.editor.mark_findings(report.findings)

    def focus_location(self, location: str) -> bool:
        if self.editor is not None and hasattr(self.editor, "focus_location"):
            return bool(self.editor.focus_location(location))
        return False

    def check_now(self) -> None:
        self.checker.run_now()

    # --- file commands -----------------------------------------------------
    def new_document(self, kind: str) -> None:
        self.adopt(FormDocument(new_form(kind)), blank=True)

    def choose_new(self) -> bool:
        return new_forms.choose_new(self)

    def new_selfeval(self) -> bool:
        return new_forms.new_selfeval(self)

    def choose_template(self, title: str = "新建表格", templates: dict | None = None) -> tuple[str, str] | None:
        return new_forms.choose_template(self, title, templates)

    def new_from_template(self, template_id: str, year: str = "") -> bool:
        return new_forms.new_from_template(self, template_id, year)

    def open_dialog(self) -> None:
        path = ask_open_path(self, self._folder())
        if path:
            self.open_path(path)

    def open_recent(self, path: str) -> None:
        if not self.open_path(path):
            self.settings.remove_recent(path)
            self._save_settings()
            windows.refresh_recent(self.settings)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open a file: in this window or a new one (:meth:`adopt`); a file already open brings its
        window forward. Nothing modified is ever replaced, so there is nothing to ask (``ask`` stays
        for the callers that pass it). A workbook or a Word form goes to its import."""
        holder = windows.window_of_file(path)
        if holder is not None:
            windows.activate(holder)
            return True
        if str(path).lower().endswith((".docx", ".doc", ".wps")):   # a Word form; an old .doc/.wps is explained
            return self.word.import_path(Path(path))
        if routes_here(path):   # a workbook (.xlsx/.xls/.et)
            return self.excel.import_path(Path(path))
        try:
            opened = open_document(path)
        except DocumentError as exc:
            QMessageBox.warning(self, "无法打开", str(exc))
            return False
        target = self.adopt(FormDocument(opened.form, path))
        target._remember(Path(path))
        log.info("opened %s", path)
        if opened.repairs:
            target.document.undo_stack.resetClean()  # the repaired text is not what the file holds
            QMessageBox.warning(target, "打开时做了修复", "\n".join(opened.repairs))
        return True

    def open_example(self, name: str) -> bool:
        """Open an example as a new, unsaved form (the original stays untouched)."""
        try:
            form = load(example_path(name))
        except DocumentError as exc:
            QMessageBox.warning(self, "无法打开示例", str(exc))
            return False
        self.adopt(FormDocument(form), f"示例：{EXAMPLE_LABELS.get(name, name)}")
        return True

    def open_form(self, form, display_name: str):
        """Open a form made elsewhere (an Excel import) as a new, unsaved document; returns the window it
        opened in (this one or a new one).

        It counts as modified, so closing it asks whether to save (and autosave keeps it).
        """
        target = self.adopt(FormDocument(form), display_name)
        target.document.undo_stack.resetClean()
        return target

    def save(self) -> bool:
        if self.document is None:
            return False
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        if self.document is None:
            return False
        form = self.document.form
        name = safe_file_name(getattr(form, "display_name", "") or form.title)
        suggested = self.document.path or Path(self._folder()) / (name + EXTENSION)
        path = ask_save_path(self, suggested)
        return self._save_to(path) if path else False

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except (DocumentError, OSError) as exc:
            QMessageBox.critical(self, "保存失败", f"无法保存到“{path}”：{exc}\n\n内容仍在窗口中，请换一个位置另存。")
            return False
        self.autosave.discard()
        self._remember(path)
        self.statusBar().showMessage(f"已保存 {path}", 4000)
        return True

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False when the clerk cancels."""
        if self.document is None or not self.document.modified:
            return True
        answer = ask_save_changes(self, self.display_name)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def close_document(self) -> None:
        """关闭 (Ctrl+W): this window goes, asking to save; the last window shows the start page instead."""
        if any(w is not self for w in windows.open_windows()):
            self.close()
        elif self.document is not None and self.maybe_save():
            self.set_document(None)

    def quit_all(self) -> bool:
        """退出: every window closes, each modified document asked about; False if one was kept."""
        return windows.close_all()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        save_geometry(self)
        self._save_settings()
        self.autosave.close()
        wait_all()  # a PDF or workbook being written is finished first
        windows.unregister(self)
        event.accept()

    # --- recovery ------------------------------------------------------------
    def tidy_after_crash(self) -> list[Path]:
        """Delete temporary files a killed save or autosave left (ours only, and only stale ones)."""
        return tidy_after_crash(self.paths, self.settings)

    def offer_recovery(self) -> bool:
        """Offer the copies left by sessions that crashed, each recovered one in a window of its own
        (this one if it shows the start page); True if one was recovered."""
        self.tidy_after_crash()

        def adopt(document: FormDocument, name: str) -> None:
            self.adopt(document, name).autosave.tick()

        return offer_recovery(self, self.paths.recovery_dir, adopt)

    # --- settings, library, help ----------------------------------------------
    def _choose_indicator(self, level1: str = "", level2: str = ""):
        from jixiao_desktop.ui.library_dialog import make_chooser

        return make_chooser(self.library, self)(level1, level2)

    def library(self):
        if self._library is None:
            self._library = windows.library_for(self)
        return self._library

    def show_library(self) -> None:
        from jixiao_desktop.ui.library_dialog import LibraryDialog

        LibraryDialog(self.library(), parent=self).exec()

    def open_log_folder(self) -> None:
        open_folder(self.paths.log_dir)

    def show_about(self) -> None:
        show_about(self, self.paths)

    def _folder(self) -> str:
        folder = self.settings.last_folder
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def _remember(self, path: Path) -> None:
        self.settings.add_recent(path)
        self.settings.last_folder = str(Path(path).resolve().parent)
        self._save_settings()
        windows.refresh_recent(self.settings)

    def _refresh_recent(self) -> None:
        self.actions_.set_recent(self.settings.recent_files)

    def recent_changed(self) -> None:
        """The shared recent files changed (here or in another window): the menu and start page follow."""
        self._refresh_recent()
        if self.document is None:
            self._show_start_page()

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings, self.paths.settings_file)
        except OSError:
            log.warning("cannot save settings to %s", self.paths.settings_file, exc_info=True)
