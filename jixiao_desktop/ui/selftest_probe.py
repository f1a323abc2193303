"""The Qt half of ``jixiao --selftest``, run in a child process (``jixiao --selftest-qt FILE``).

Starts the QApplication the way the program does (real platform plugin: windows
on Windows, or whatever ``QT_QPA_PLATFORM`` says), then checks the Chinese
interface fonts, Qt's Chinese translations, the icon, the settings/recovery/log
folders, builds the main window with an example open (never shown) and hands a file to a local
server as a second start does (QtNetwork in the bundle). Writes
the steps as JSON to FILE for :mod:`jixiao_desktop.selftest`, which prints them.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

PASS, FAIL = "通过", "失败"


def _step(results: list[dict], name: str, action: Callable[[], str]) -> None:
    try:
        results.append({"name": name, "status": PASS, "detail": action() or ""})
    except Exception as exc:  # noqa: BLE001 - reported, never raised
        results.append({"name": name, "status": FAIL, "detail": f"{type(exc).__name__}: {exc}"})


def _writable(folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / f".selftest-{uuid.uuid4().hex}.tmp"
    try:
        probe.write_text("ok", encoding="utf-8")
        if probe.read_text(encoding="utf-8") != "ok":
            raise OSError("写入后读不回")
    finally:
        probe.unlink(missing_ok=True)
    return str(folder)


def probe() -> list[dict]:
    results: list[dict] = []
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QFontDatabase, QIcon

    from jixiao_desktop.resources import resource_path
    from jixiao_desktop.ui.application import create_application

    app = create_application([])
    results.append({"name": "图形界面（Qt）启动", "status": PASS,
                    "detail": f"平台插件“{app.platformName()}”，Qt {QLibraryInfo.version().toString()}"})

    def fonts() -> str:
        families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        if not families:
            raise RuntimeError("系统中没有可显示中文的字体")
        return f"{len(families)}种，如“{families[0]}”"

    def translations() -> str:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator()
        if not translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder):
            raise RuntimeError(f"在“{folder}”中找不到qtbase_zh_CN.qm")
        return "qtbase_zh_CN"

    def icon() -> str:
        path = resource_path("icons", "jixiao.png")
        if QIcon(str(path)).isNull():
            raise RuntimeError(f"无法读取{path}")
        return path.name

    def folders() -> str:
        from jixiao_desktop.ui.app_paths import AppPaths

        paths = AppPaths.standard()
        return "；".join(_writable(p) for p in (paths.config_dir, paths.recovery_dir, paths.log_dir))

    def window() -> str:
        from jixiao_desktop.resources import EXAMPLE_NAMES, example_path
        from jixiao_desktop.storage import load
        from jixiao_desktop.ui.app_paths import AppPaths
        from jixiao_desktop.ui.document import FormDocument
        from jixiao_desktop.ui.editors.department_editor import DepartmentEditor
        from jixiao_desktop.ui.editors.project_editor import ProjectEditor
        from jixiao_desktop.ui.main_window import MainWindow

        with tempfile.TemporaryDirectory(prefix="jixiao-selftest-ui-") as tmp:
            main = MainWindow(AppPaths.under(tmp))
            editors = []
            for name in EXAMPLE_NAMES:
                main.set_document(FormDocument(load(example_path(name)), parent=main), name)
                app.processEvents()
                if not isinstance(main.editor, (ProjectEditor, DepartmentEditor)):
                    raise RuntimeError(f"示例 {name} 没有打开表格编辑区，而是 {type(main.editor).__name__}")
                editors.append(type(main.editor).__name__)
            main.set_document(None)
            main.autosave.close()
            main.deleteLater()
            app.processEvents()
        return f"主窗口和{len(EXAMPLE_NAMES)}个示例的编辑区（{'、'.join(sorted(set(editors)))}）可以建立"

    def single_instance() -> str:
        from jixiao_desktop.ui.app_paths import AppPaths
        from jixiao_desktop.ui.instance_server import Server
        from jixiao_desktop.ui.single_instance import TAKEN, hand_over, server_name

        with tempfile.TemporaryDirectory(prefix="jixiao-selftest-single-") as tmp:
            opened: list[list[str]] = []
            server = Server(server_name(AppPaths.under(tmp)), opened.append)
            if not server.listen():
                raise RuntimeError(f"本地连接无法建立：{server.server.errorString()}")
            try:
                sample = str(Path(tmp) / "双击打开的表格.jixiao")
                answer = hand_over(server.name, [sample])
                deadline = time.monotonic() + 3
                while not opened and time.monotonic() < deadline:   # the files open on the start's GO
                    app.processEvents()
                    time.sleep(0.01)
            finally:
                server.close()
            if answer != TAKEN or opened != [[sample]]:
                raise RuntimeError(f"运行中的程序没有收到文件（{answer}）")
        return "已运行时双击的文件交给运行中的程序打开"

    _step(results, "界面中文字体", fonts)
    _step(results, "Qt中文翻译", translations)
    _step(results, "程序图标", icon)
    _step(results, "设置、恢复、日志文件夹可写", folders)
    _step(results, "主窗口与表格编辑区", window)
    _step(results, "单实例（本地连接）", single_instance)
    return results


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("用法：jixiao --selftest-qt RESULT.json", file=sys.stderr)
        return 2
    results = probe()
    target = Path(argv[0])
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, target)
    return 0 if all(r["status"] == PASS for r in results) else 1
