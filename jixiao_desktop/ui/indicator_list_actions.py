"""导出指标清单… / 导入指标清单…: the budget system's one-row-per-indicator sheet from the window.

Export writes the open form's 年度 indicators as the sheet the budget-integration system imports, and
says which values could not be split into 指标性质 | 指标值 | 度量单位 (to fix before uploading). Import
puts a sheet's indicators into the open form — one undo step — or, with no form open, makes a form per
project of the template the clerk picks. The work is done by :mod:`jixiao_desktop.indicator_list`.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.excel_actions import OPEN_FILTER as FILTER  # .xlsx .xlsm .xls .et
from jixiao_desktop.ui.file_prompts import safe_file_name
from jixiao_desktop.ui.tasks import Task


def export_list(form, path: Path):
    from jixiao_desktop.indicator_list import export_rows, write_sheet

    exported = export_rows(form)
    write_sheet(exported.rows, path)
    return exported


def read_list(path: Path):
    from jixiao_desktop.indicator_list import read_list as read

    return read(path)


class IndicatorListActions(QObject):
    exported = Signal(object, object)   # the sheet's path, the values that could not be split
    imported = Signal(object)           # the report dialog shown

    def __init__(self, parent: QWidget, document: Callable[[], FormDocument | None],
                 open_form: Callable[[object, str], bool], folder: Callable[[], str],
                 choose_template: Callable[[], tuple[str, str] | None]):
        super().__init__(parent)
        self.parent_widget = parent
        self.document, self.open_form, self.folder = document, open_form, folder
        self.choose_template = choose_template

    # --- export --------------------------------------------------------------------
    def export(self) -> None:
        document = self.document()
        if document is None:
            return
        form = document.form
        stem = document.path.stem if document.path else safe_file_name(getattr(form, "display_name", "") or form.title)
        suggested = Path(self.folder()) / f"{stem}-指标清单.xlsx"
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "导出指标清单（预算管理一体化系统）",
                                              str(suggested), "Excel 工作簿 (*.xlsx)")
        if not path:
            return
        path = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        Task(self.parent_widget, export_list, document.snapshot(), path, label=f"正在导出 {path.name}…",
             key="excel").success(lambda exported: self._exported(path, exported)).failure(self._failed) \
            .run_in_background()

    def _exported(self, path: Path, exported) -> None:
        count = len(exported.rows)
        if exported.problems:
            box = QMessageBox(QMessageBox.Icon.Warning, "指标清单",
                              f"已导出 {count} 个指标到“{path.name}”。\n\n有 {len(exported.problems)} 个指标值"
                              "无法拆分为“指标性质 | 指标值 | 度量单位”，已按原样写入；上传预算系统前请在表格中改正：",
                              QMessageBox.StandardButton.Ok, self.parent_widget)
            box.setDetailedText("\n".join(exported.problems))
            box.setInformativeText("\n".join(exported.problems[:8]) + ("\n……" if len(exported.problems) > 8 else ""))
            box.open()
        _status(self.parent_widget, f"已导出指标清单 {path}，共 {count} 个指标")
        self.exported.emit(path, list(exported.problems))

    # --- import ----------------------------------------------------------------------
    def import_(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, "导入指标清单（预算管理一体化系统）",
                                              self.folder(), FILTER)
        if not path:
            return
        path = Path(path)
        Task(self.parent_widget, read_list, path, label=f"正在读取 {path.name}…", key="excel") \
            .success(lambda read: self._read(path, read)).failure(self._failed).run_in_background()

    def _read(self, path: Path, read) -> None:
        document = self.document()
        if document is not None:
            report = self.import_into(document, read)
        else:
            report = self._new_documents(path, read)
            if report is None:
                return
        from jixiao_desktop.ui.import_report_dialog import ImportReportDialog

        dialog = ImportReportDialog(report, path.name, self.parent_widget)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.imported.emit(dialog)

    def import_into(self, document: FormDocument, read):
        """The sheet's indicators into the open form, as one undo step."""
        from jixiao_desktop.indicator_list import import_into

        changed = copy.deepcopy(document.form)
        report = import_into(changed, read)
        document.begin_macro("导入指标清单")
        try:
            for name in type(changed).model_fields:
                value = getattr(changed, name)
                if getattr(document.form, name) != value:
                    document.set_value(name, value, merge=False)
        finally:
            document.end_macro()
        return report

    def _new_documents(self, path: Path, read):
        """No form is open: a form per project of the template the clerk picks."""
        from jixiao_desktop.indicator_list import new_documents
        from jixiao_desktop.storage import EXTENSION, save
        from jixiao_desktop.templates import available

        chosen = self.choose_template()
        if chosen is None:
            return None
        template_id, year = chosen
        loaded = available()[0].get(template_id)
        try:
            documents, report = new_documents(loaded, read, year=year, name=path.stem)
        except ValueError as exc:
            QMessageBox.warning(self.parent_widget, "指标清单", str(exc))
            return None
        if len(documents) > 1:
            folder = QFileDialog.getExistingDirectory(self.parent_widget, f"把{len(documents)}张新表格保存到",
                                                      self.folder())
            if not folder:
                return None
            for project, form in documents:
                target = Path(folder) / (safe_file_name(project or path.stem) + EXTENSION)
                save(form, target, backup=False)
                report.lines.append(f"已保存：{target}")
        self.open_form(documents[0][1], f"导入：{documents[0][0] or path.stem}")
        return report

    def _failed(self, error: BaseException) -> None:
        from jixiao_desktop.excel import ExcelError

        if isinstance(error, ExcelError):
            QMessageBox.warning(self.parent_widget, "指标清单", str(error))
        elif isinstance(error, OSError):
            QMessageBox.critical(self.parent_widget, "指标清单", f"无法读写文件：{error.strerror or error}\n"
                                 f"{getattr(error, 'filename', '') or ''}")
        else:
            sys.excepthook(type(error), error, error.__traceback__)


def _status(parent: QWidget, text: str) -> None:
    window = parent.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(text, 8000)

