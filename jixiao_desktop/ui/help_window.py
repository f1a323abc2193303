"""The manual window (帮助 → 使用手册, F1): contents on the left, a search box, the chapter on the right.

One window per main window, made on first use and kept (hidden when closed). It also shows the page of
one check rule, which is what 这条是什么意思 in the findings panel opens. Links inside the pages are
``chapter:<id>`` and ``rule:<rule id>``; other links open in the system's browser.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.help import manual
from jixiao_desktop.help.rules import rule_title

CHAPTER_ROLE = Qt.ItemDataRole.UserRole + 1


class HelpWindow(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self.setWindowTitle("使用手册 — 绩效目标表填报")
        self.resize(980, 680)
        self.page = ""   # what is shown: "chapter:<id>" or "rule:<rule id>"

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("搜索手册，如：出错说明、指标值、自动保存")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.search)
        self.search_box.returnPressed.connect(self._find_next)
        self.contents = QListWidget()
        self.contents.currentItemChanged.connect(self._chapter_chosen)
        self.found = QLabel()
        self.found.setStyleSheet("color: #666")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.browser.document().setDocumentMargin(14)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel("目录"))
        side_layout.addWidget(self.search_box)
        side_layout.addWidget(self.contents, 1)
        side_layout.addWidget(self.found)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 740])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search_box.setFocus)
        QShortcut(QKeySequence("Esc"), self, activated=self.close)
        self._fill_contents(manual.chapters())
        self.show_chapter(manual.chapters()[0].id)

    # --- contents and search ---------------------------------------------------
    def _fill_contents(self, chapters) -> None:
        self.contents.blockSignals(True)
        self.contents.clear()
        for chapter in chapters:
            item = QListWidgetItem(chapter.title)
            item.setData(CHAPTER_ROLE, chapter.id)
            self.contents.addItem(item)
        self.contents.blockSignals(False)
        self._mark_current()

    def chapter_ids(self) -> list[str]:
        """The chapters the contents list shows (all, or those the search found)."""
        return [self.contents.item(i).data(CHAPTER_ROLE) for i in range(self.contents.count())]

    def search(self, text: str) -> None:
        """Keep the chapters holding every word of ``text`` and show the first match in the first of them."""
        found = manual.search(text)
        self._fill_contents(found)
        words = text.split()
        if not words:
            self.found.setText("")
            return
        self.found.setText(f"找到{len(found)}章" if found else "没有找到，请换个词试试")
        if found and (not self.page.startswith("chapter:") or self.page[8:] not in [c.id for c in found]):
            self.show_chapter(found[0].id)
        self._find_next(from_start=True)

    def _find_next(self, from_start: bool = False) -> None:
        words = self.search_box.text().split()
        if not words:
            return
        if from_start:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        if not self.browser.find(words[0]):
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            self.browser.find(words[0], QTextDocument.FindFlag(0))

    # --- pages -------------------------------------------------------------------
    def show_chapter(self, chapter_id: str) -> bool:
        chapter = manual.chapter(chapter_id)
        if chapter is None:
            return False
        self.browser.setMarkdown(chapter.markdown)
        self.page = f"chapter:{chapter_id}"
        self.setWindowTitle(f"使用手册 — {chapter.title}")
        self._mark_current()
        return True

    def show_rule(self, rule_id: str) -> None:
        """The page of one rule: what it checks, why, how to fix, a right and a wrong example."""
        text = manual.rule_markdown(rule_id)
        if text is None:
            text = (f"# {rule_title(rule_id)}\n\n这条检查暂无详细说明。问题本身的文字写明了是哪里、差多少；"
                    "也可以在“规则说明”一章中查找。\n\n[← 全部规则说明](chapter:rules)\n")
        self.browser.setMarkdown(text)
        self.page = f"rule:{rule_id}"
        self.setWindowTitle(f"规则说明 — {rule_title(rule_id)}")
        self._mark_current()

    def _mark_current(self) -> None:
        """Select the chapter shown (规则说明 for a rule's page) in the contents, without re-showing it."""
        shown = self.page.partition(":")[2] if self.page.startswith("chapter:") else manual.RULES_CHAPTER
        self.contents.blockSignals(True)
        for i in range(self.contents.count()):
            if self.contents.item(i).data(CHAPTER_ROLE) == shown:
                self.contents.setCurrentRow(i)
                break
        else:
            self.contents.clearSelection()
        self.contents.blockSignals(False)

    def _chapter_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.show_chapter(item.data(CHAPTER_ROLE))
            if self.search_box.text().strip():
                self._find_next(from_start=True)

    def _link(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path()
        if scheme == "chapter":
            self.show_chapter(target)
        elif scheme == "rule":
            self.show_rule(target)
        elif scheme in ("http", "https", "file"):
            QDesktopServices.openUrl(url)

    def bring_up(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()


def help_window(widget: QWidget) -> HelpWindow:
    """The help window of ``widget``'s top-level window, made on first use."""
    top = widget.window()
    found = top.findChild(HelpWindow, "help_window")
    return found if found is not None else HelpWindow(top)


def show_manual(widget: QWidget, chapter: str | None = None) -> HelpWindow:
    window = help_window(widget)
    if chapter or not window.page.startswith("chapter:"):   # after a rule's page: the manual's beginning
        window.show_chapter(chapter or manual.chapters()[0].id)
    window.bring_up()
    return window


def show_rule_help(widget: QWidget, rule_id: str) -> HelpWindow:
    """这条是什么意思: the help window at ``rule_id``'s page."""
    window = help_window(widget)
    window.show_rule(rule_id)
    window.bring_up()
    return window
