"""The application's look: its icon, Qt's own Chinese texts (确定/取消…), a Chinese-capable font."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from jixiao_desktop.resources import resource_path

log = logging.getLogger(__name__)

QT_CATALOGUES = ("qtbase_zh_CN",)
# Preferred UI fonts that draw Chinese: Windows first, then what Linux distributions ship.
CHINESE_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "SimSun", "WenQuanYi Micro Hei",
                 "Noto Sans CJK SC", "Source Han Sans SC", "AR PL UMing CN")
SAMPLE = "绩效目标表填报"


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("jixiao.ico", "jixiao.png"):
        path = resource_path("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def translation_dirs() -> list[Path]:
    """Where Qt's .qm files are: Qt's own folder, and in a frozen build the bundled copy."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    base = getattr(sys, "_MEIPASS", None)
    if base:
        dirs += [Path(base) / "PySide6" / "Qt" / "translations", Path(base) / "PySide6" / "translations"]
    return dirs


def install_translations(app: QApplication) -> list[QTranslator]:
    """Install Qt's Simplified Chinese catalogues so standard buttons read 确定/取消/是/否."""
    QLocale.setDefault(QLocale("zh_CN"))   # by name: the Language and Country enums cost ~8 ms to build
    installed = []
    for name in QT_CATALOGUES:
        for folder in translation_dirs():
            translator = QTranslator(app)
            if translator.load(name, str(folder)):
                app.installTranslator(translator)
                installed.append(translator)
                break
        else:
            log.warning("Qt translation %s not found in %s", name, translation_dirs())
    return installed


def draws_chinese(font: QFont) -> bool:
    family = font.family()
    systems = QFontDatabase.writingSystems(family)
    return QFontDatabase.WritingSystem.SimplifiedChinese in systems


def choose_font(app: QApplication) -> str | None:
    """Switch to a Chinese UI font when Qt's default cannot draw Chinese; the family chosen, or None."""
    current = app.font()
    if draws_chinese(current):
        return None
    available = set(QFontDatabase.families())
    for family in CHINESE_FONTS:
        if family in available:
            font = QFont(current)
            font.setFamilies([family, *current.families()])
            app.setFont(font)
            return family
    return None


def install_look(app: QApplication) -> None:
    app.setWindowIcon(app_icon())
    install_translations(app)  # the translators are children of the application, alive as long
    family = choose_font(app)
    if family:
        log.info("UI font: %s", family)
