"""The main window: owns one object per panel and wires their signals.

The document (:class:`FormDocument`) carries the form, its file and its undo
stack; the editor (``ui.editors.create_editor``) edits it; :class:`LiveChecker`
re-checks it after each burst of edits and feeds the findings panel, the status
bar and the editor's markers; :class:`Autosaver` keeps a recovery copy.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QStackedWidget, QWidget

from jixiao_desktop.forms.templates import new_form
from jixiao_desktop.resources import example_path
from jixiao_desktop.settings import Settings, load_settings, save_settings
from jixiao_desktop.atomic import remove_stale_temps
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
from jixiao_desktop.ui import new_forms
from jixiao_desktop.ui.main_actions import MainActions
from jixiao_desktop.ui.printing_actions import PrintingActions
from jixiao_desktop.ui.recovery_prompt import offer_recovery
from jixiao_desktop.ui.start_page import EXAMPLE_LABELS, StartPage
from jixiao_desktop.ui.status_counts import StatusCounts
from jixiao_desktop.ui.tasks import wait_all

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, paths: AppPaths | None = None, settings: Settings | None = None):
        super().__init__()
        self.paths = paths or AppPaths.standard()
        self.settings = settings or load_settings(self.paths.settings_file)
        self.document: FormDocument | None = None
        self.display_name = ""
        self.editor: QWidget | None = None
        self._library = None   # the indicator library loads when first asked for
        self._marked_editor: QWidget | None = None
        self.resize(1280, 820)
        self.setWindowIcon(app_icon())

        self.findings = FindingsPanel()
        self.findings_dock = dock = QDockWidget("检查结果", self)
        dock.setObjectName("findings_dock")
        dock.setWidget(self.findings)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.resizeDocks([dock], [220], Qt.Orientation.Vertical)
        self.pages = QStackedWidget()  # start page or editor; one central widget keeps the dock's size
        self.setCentralWidget(self.pages)
        self.counts = StatusCounts()
        self.statusBar().addPermanentWidget(self.counts)
        self.checker = LiveChecker(self)
        self.autosave = Autosaver(self.paths.recovery_dir, self.settings.autosave_seconds, self)
        self.undo_group = QUndoGroup(self)
        self.printing = PrintingActions(self, lambda: self.document, self.settings, self._save_settings,
                                        lambda: self.display_name, self.focus_location)
        self.excel = ExcelActions(self, lambda: self.document, self.open_form, self.maybe_save, self._folder)
        self.word = WordActions(self, lambda: self.document, self.open_form, self.maybe_save, self._folder)
        self.indicator_list = IndicatorListActions(self, lambda: self.document, self.open_form, self._folder,
                                                   self.choose_template)
        self.actions_ = MainActions(self, self.undo_group, dock.toggleViewAction())
        self.choose_indicator = self._choose_indicator

        self.checker.report_ready.connect(self._show_report)
        self.findings.location_activated.connect(self.focus_location)
        self._restore_geometry()
        self._refresh_recent()
        self.set_document(None)

    # --- the document ------------------------------------------------------
    def set_document(self, document: FormDocument | None, display_name: str = "") -> None:
        old = self.document
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
        self.document = document
        self.display_name = display_name or (document.path.name if document and document.path else "未命名")
        self.findings.set_document(document)
        self.autosave.set_document(document)
        if document is None:
            self.editor = None
            page = StartPage(self.settings.recent_files)
            page.new_requested.connect(self.new_document)
            page.template_requested.connect(self.choose_new)
            page.open_requested.connect(self.open_dialog)
            page.example_requested.connect(self.open_example)
            page.recent_requested.connect(self.open_recent)
            self._show_page(page)
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
        if self.maybe_save():
            self.set_document(FormDocument(new_form(kind), parent=self))

    def choose_new(self) -> bool:
        return new_forms.choose_new(self)

    def new_selfeval(self) -> bool:
        return new_forms.new_selfeval(self)

    def choose_template(self, title: str = "新建表格", templates: dict | None = None) -> tuple[str, str] | None:
        return new_forms.choose_template(self, title, templates)

    def new_from_template(self, template_id: str, year: str = "") -> bool:
        return new_forms.new_from_template(self, template_id, year)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path = ask_open_path(self, self._folder())
        if path:
            self.open_path(path, ask=False)

    def open_recent(self, path: str) -> None:
        if self.maybe_save() and not self.open_path(path, ask=False):
            self.settings.remove_recent(path)
            self._save_settings()
            self._refresh_recent()

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        if str(path).lower().endswith((".docx", ".doc", ".wps")):   # a Word form; an old .doc/.wps is explained
            return self.word.import_path(Path(path))
        if routes_here(path):   # a workbook (.xlsx/.xls/.et)
            return self.excel.import_path(Path(path))
        try:
            opened = open_document(path)
        except DocumentError as exc:
            QMessageBox.warning(self, "无法打开", str(exc))
            return False
        self.set_document(FormDocument(opened.form, path, parent=self))
        self._remember(Path(path))
        log.info("opened %s", path)
        if opened.repairs:
            self.document.undo_stack.resetClean()  # the repaired text is not what the file holds
            QMessageBox.warning(self, "打开时做了修复", "\n".join(opened.repairs))
        return True

    def open_example(self, name: str) -> bool:
        """Open an example as a new, unsaved form (the original stays untouched)."""
        if not self.maybe_save():
            return False
        try:
            form = load(example_path(name))
        except DocumentError as exc:
            QMessageBox.warning(self, "无法打开示例", str(exc))
            return False
        self.set_document(FormDocument(form, parent=self), f"示例：{EXAMPLE_LABELS.get(name, name)}")
        return True

    def open_form(self, form, display_name: str) -> bool:
        """Open a form made elsewhere (an Excel import) as a new, unsaved document.

        It counts as modified, so closing it asks whether to save (and autosave keeps it).
        """
        if not self.maybe_save():
            return False
        document = FormDocument(form, parent=self)
        self.set_document(document, display_name)
        document.undo_stack.resetClean()
        return True

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

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self.settings.window_state = bytes(self.saveState().toBase64()).decode("ascii")
        self._save_settings()
        self.autosave.close()
        wait_all()  # a PDF or workbook being written is finished first
        event.accept()

    # --- recovery ------------------------------------------------------------
    def tidy_after_crash(self) -> list[Path]:
        """Delete temporary files a killed save or autosave left (ours only, and only stale ones)."""
        folders = {self.paths.recovery_dir, self.paths.config_dir, self.paths.data_dir}
        folders |= {Path(p).parent for p in self.settings.recent_files}
        if self.settings.last_folder:
            folders.add(Path(self.settings.last_folder))
        removed = [path for folder in folders for path in remove_stale_temps(folder)]
        for path in removed:
            log.info("removed a stale temporary file %s", path)
        return removed

    def offer_recovery(self) -> bool:
        """Offer the copies left by a session that crashed; True if one was recovered."""
        self.tidy_after_crash()
        if self.document is not None and self.document.modified:
            return False

        def adopt(document: FormDocument, name: str) -> None:
            self.set_document(document, name)
            self.autosave.tick()

        return offer_recovery(self, self.paths.recovery_dir, adopt)

    # --- settings, library, help ----------------------------------------------
    def _choose_indicator(self, level1: str = "", level2: str = ""):
        from jixiao_desktop.ui.library_dialog import make_chooser

        return make_chooser(self.library, self)(level1, level2)

    def library(self):
        from jixiao_desktop.library import IndicatorLibrary, LibraryError

        if self._library is None:
            try:
                self._library = IndicatorLibrary.load(self.paths.user_library)
            except LibraryError as exc:
                QMessageBox.warning(self, "指标库", f"{exc}\n自定义指标暂不可用。")
                self._library = IndicatorLibrary.load(None)
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
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.actions_.set_recent(self.settings.recent_files)

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings, self.paths.settings_file)
        except OSError:
            log.warning("cannot save settings to %s", self.paths.settings_file, exc_info=True)

    def _restore_geometry(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode("ascii")))
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode("ascii")))

