"""Menus, toolbar and shortcuts of the main window (文件/编辑/检查/窗口/帮助).

The window passes itself only to connect its slots here; panels never see it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from jixiao_desktop.forms import FORM_KINDS
from jixiao_desktop.resources import EXAMPLE_NAMES
from jixiao_desktop.ui.find_replace import FindReplace
from jixiao_desktop.ui.start_page import EXAMPLE_LABELS, NEW_FORM_LABELS


class MainActions:
    def __init__(self, window: QMainWindow, undo_group: QUndoGroup, findings_toggle: QAction):
        self.window = window
        style = window.style()
        icon = style.standardIcon
        SP = QStyle.StandardPixmap
        bar = window.menuBar()

        file_menu = bar.addMenu("文件(&F)")
        self.new_menu = file_menu.addMenu(icon(SP.SP_FileIcon), "新建(&N)")
        self.new_from_template = self.new_menu.addAction("按表样新建(&T)…")
        self.new_from_template.setShortcut(QKeySequence.StandardKey.New)
        self.new_from_template.triggered.connect(window.choose_new)
        self.new_selfeval = self.new_menu.addAction("新建自评表（由申报表）…")
        self.new_selfeval.triggered.connect(window.new_selfeval)
        self.new_menu.addSeparator()
        self.new_actions = {}
        for kind in FORM_KINDS:
            action = self.new_menu.addAction(NEW_FORM_LABELS[kind])
            action.triggered.connect(lambda _=False, k=kind: window.new_document(k))
            self.new_actions[kind] = action
        self.open = self._add(file_menu, "打开(&O)…", window.open_dialog, QKeySequence.StandardKey.Open,
                              icon(SP.SP_DialogOpenButton))
        self.recent_menu = file_menu.addMenu("最近文件(&R)")
        example_menu = file_menu.addMenu("打开示例(&E)")
        for name in EXAMPLE_NAMES:
            action = example_menu.addAction(EXAMPLE_LABELS.get(name, name))
            action.triggered.connect(lambda _=False, n=name: window.open_example(n))
        file_menu.addSeparator()
        self.save = self._add(file_menu, "保存(&S)", window.save, QKeySequence.StandardKey.Save,
                              icon(SP.SP_DialogSaveButton))
        self.save_as = self._add(file_menu, "另存为(&A)…", window.save_as)
        # Windows has no standard 另存为 key: Ctrl+Shift+S everywhere (the manual lists it)
        self.save_as.setShortcuts(_unique([*QKeySequence.keyBindings(QKeySequence.StandardKey.SaveAs),
                                           QKeySequence("Ctrl+Shift+S")]))
        self.close_document = self._add(file_menu, "关闭(&C)", window.close_document, QKeySequence("Ctrl+W"))
        file_menu.addSeparator()
        self.import_excel = self._add(file_menu, "导入Excel(&I)…", window.excel.import_)
        self.export_excel = self._add(file_menu, "导出Excel(&X)…", window.excel.export)
        self.import_word = self._add(file_menu, "导入Word(&W)…", window.word.import_)
        self.export_word = self._add(file_menu, "导出Word(&T)…", window.word.export)
        self.import_list = self._add(file_menu, "导入指标清单（一体化系统）…", window.indicator_list.import_)
        self.export_list = self._add(file_menu, "导出指标清单（一体化系统）…", window.indicator_list.export)
        file_menu.addSeparator()
        printing = window.printing
        self.print_preview = self._add(file_menu, "打印预览(&V)", printing.preview, QKeySequence("Ctrl+Shift+P"),
                                       icon(SP.SP_FileDialogContentsView))
        self.print_ = self._add(file_menu, "打印(&P)…", printing.print_, QKeySequence.StandardKey.Print)
        self.export_pdf = self._add(file_menu, "导出PDF(&D)…", printing.export_pdf, QKeySequence("Ctrl+Shift+E"))
        file_menu.addSeparator()
        self.quit = self._add(file_menu, "退出(&X)", window.quit_all, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("编辑(&E)")
        self.undo = undo_group.createUndoAction(window, "撤销")
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo.setIcon(icon(SP.SP_ArrowBack))
        self.redo = undo_group.createRedoAction(window, "重做")
        # Windows' own 重做 keys already hold Ctrl+Y: the same key twice on one action is ambiguous and dead
        self.redo.setShortcuts(_unique([*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                                        QKeySequence("Ctrl+Y")]))
        self.redo.setIcon(icon(SP.SP_ArrowForward))
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)
        edit_menu.addSeparator()
        self.find_replace = FindReplace(window)
        self.find = self._add(edit_menu, "查找(&F)…", self.find_replace.find, QKeySequence.StandardKey.Find)
        self.replace = self._add(edit_menu, "替换(&H)…", self.find_replace.replace, QKeySequence("Ctrl+H"))
        edit_menu.addSeparator()
        self.library = self._add(edit_menu, "指标库(&L)…", window.show_library, QKeySequence("Ctrl+L"))

        check_menu = bar.addMenu("检查(&C)")
        self.check = self._add(check_menu, "立即检查(&K)", window.check_now, QKeySequence("F5"),
                               icon(SP.SP_BrowserReload))
        self.next_finding = self._add(check_menu, "下一个问题(&N)", lambda: window.findings.step(1),
                                      QKeySequence("F8"))
        self.prev_finding = self._add(check_menu, "上一个问题(&P)", lambda: window.findings.step(-1),
                                      QKeySequence("Shift+F8"))
        check_menu.addSeparator()
        findings_toggle.setText("检查结果面板")
        check_menu.addAction(findings_toggle)

        from jixiao_desktop.ui.windows import WindowMenu

        self.window_menu = WindowMenu(window, bar.addMenu("窗口(&W)"))

        help_menu = bar.addMenu("帮助(&H)")
        self.manual = self._add(help_menu, "使用手册(&M)", lambda: _manual(window), QKeySequence("F1"),
                                icon(SP.SP_DialogHelpButton))
        self.rules_help = self._add(help_menu, "规则说明(&R)", lambda: _manual(window, rules=True))
        help_menu.addSeparator()
        self.log_folder = self._add(help_menu, "打开日志文件夹", window.open_log_folder)
        self.about = self._add(help_menu, "关于(&A)", window.show_about)

        toolbar = QToolBar("工具栏", window)
        toolbar.setObjectName("main_toolbar")
        new_button = QAction(icon(SP.SP_FileIcon), "新建", window)
        new_button.setMenu(self.new_menu)
        new_button.triggered.connect(window.choose_new)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action, short in ((self.open, "打开"), (self.save, "保存"), (self.check, "检查"),
                              (self.print_preview, "打印预览")):
            action.setIconText(short)
        for action in (new_button, self.open, self.save, None, self.undo, self.redo, None, self.check, None,
                       self.print_preview):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        window.addToolBar(toolbar)
        self.document_actions = (self.save, self.save_as, self.find, self.replace, self.check, self.next_finding,
                                 self.prev_finding, self.export_excel, self.export_word, self.export_list,
                                 self.print_preview, self.print_, self.export_pdf)

    def _add(self, menu: QMenu, text: str, slot, shortcut=None, icon=None) -> QAction:
        action = QAction(text, self.window)
        if icon is not None:
            action.setIcon(icon)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    def set_recent(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.window.open_recent(p))
        self.recent_menu.setEnabled(bool(paths))

    def set_has_document(self, has: bool) -> None:
        for action in self.document_actions:
            action.setEnabled(has)


def _unique(keys: list[QKeySequence]) -> list[QKeySequence]:
    """Each key once (the same key twice on one action would be an ambiguous shortcut)."""
    out: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in out:
            out.append(key)
    return out


def _manual(window: QMainWindow, rules: bool = False) -> None:
    """The manual (its rules chapter): its window, the help data and tomllib load when first asked for."""
    from jixiao_desktop.help.manual import RULES_CHAPTER
    from jixiao_desktop.ui.help_window import show_manual

    show_manual(window, RULES_CHAPTER) if rules else show_manual(window)
