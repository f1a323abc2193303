"""Review of the single instance (ui/single_instance.py, ui/instance_server.py): a hand-over the running
program has said OK to is never lost, even when its last window closes before the files open (the
clerk answers 不保存 to the close question while a double-clicked file arrives)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao_desktop.resources import example_path

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from jixiao_desktop.ui.application import create_application, open_program
from jixiao_desktop.ui.app_paths import AppPaths
from jixiao_desktop.ui.windows import window_of_file

folder, path = sys.argv[1], sys.argv[2]
app = create_application([])
window, instance = open_program([], AppPaths.under(folder))
instance.serve()

def arrive_then_close():
    print("taken", instance.server.take([path]))   # the start is told OK ...
    window.close()                                  # ... and the clerk closes the last window

def check():
    print("opened", window_of_file(path) is not None)
    app.quit()

QTimer.singleShot(200, arrive_then_close)
QTimer.singleShot(2500, check)
app.exec()   # without a new window it ends as the last one closes, before check()
"""


def test_files_taken_as_the_last_window_closes_open_in_a_new_window(tmp_path):
    path = tmp_path / "绩效 目标.jixiao"
    shutil.copy(example_path("project-2024-chenggong-eldercare"), path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "app"), str(path)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["taken", "True", "opened", "True"], proc.stdout


def _server(qtbot, tmp_path):
    from jixiao_desktop.ui.app_paths import AppPaths
    from jixiao_desktop.ui.instance_server import Server
    from jixiao_desktop.ui.single_instance import server_name

    opened: list[list[str]] = []
    server = Server(server_name(AppPaths.under(tmp_path / "app")), opened.append)
    assert server.listen()
    return server, opened


def test_a_start_that_gave_up_waiting_on_a_busy_program_is_not_opened_there_too(qtbot, tmp_path, caplog):
    """The program was busy (a long save) for longer than the start waits: the start opens the file itself,
    so the program, reading the message late, must not open it as well (two programs editing one file)."""
    import logging

    from PySide6.QtNetwork import QLocalSocket

    from jixiao_desktop.ui.single_instance import encode

    server, opened = _server(qtbot, tmp_path)
    caplog.set_level(logging.WARNING, logger="jixiao_desktop.ui")
    try:
        client = QLocalSocket()
        client.connectToServer(server.name)
        assert client.waitForConnected(1000)
        client.write(encode([str(tmp_path / "a.jixiao")]))
        client.flush()
        client.abort()   # gave up (SILENT) before the busy program read a byte
        qtbot.wait(300)
        assert opened == []
        assert any("did not confirm" in r.getMessage() for r in caplog.records)
    finally:
        server.close()


def test_a_start_that_is_answered_opens_its_files_in_the_program_once(qtbot, tmp_path):
    from jixiao_desktop.ui.single_instance import TAKEN, hand_over

    server, opened = _server(qtbot, tmp_path)
    try:
        path = str(tmp_path / "绩效 目标.jixiao")
        assert hand_over(server.name, [path]) == TAKEN
        qtbot.waitUntil(lambda: opened == [[path]], timeout=3000)
        qtbot.wait(100)
        assert opened == [[path]]
    finally:
        server.close()


def test_a_start_waits_on_the_first_ones_dialog_not_on_its_own(qtbot, tmp_path):
    """The first start's file cannot be read: its 无法打开 message is up before the window has painted. A start
    made meanwhile (Explorer starts one per file selected) is still served, and its file opens once the message
    is closed, in the same program."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from jixiao_desktop.ui import tasks
    from jixiao_desktop.ui.app_paths import AppPaths
    from jixiao_desktop.ui.application import open_program
    from jixiao_desktop.ui.single_instance import hand_over, server_name
    from jixiao_desktop.ui.windows import open_windows, window_of_file
    from tests.gui_fixtures import close_windows

    broken = tmp_path / "坏的 文件.jixiao"
    broken.write_text("不是表格", encoding="utf-8")
    good = tmp_path / "好的.jixiao"
    shutil.copy(example_path("project-2024-chenggong-eldercare"), good)
    paths = AppPaths.under(tmp_path / "app")
    answers = []

    def second_start():
        answers.append(hand_over(server_name(paths), [str(good)]))
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox):
            dialog.done(0)

    QTimer.singleShot(2500, second_start)   # after the first paint's fallback (1.5 s): the window never painted
    QTimer.singleShot(6000, lambda: [w.done(0) for w in [QApplication.activeModalWidget()] if w])   # never hang
    started = open_program([str(broken)], paths)
    try:
        assert started is not None
        window, instance = started
        assert answers == ["taken"]
        qtbot.waitUntil(lambda: window_of_file(good) is not None, timeout=5000)
        assert len(open_windows()) == 1
    finally:
        tasks.wait_all()
        close_windows(open_windows())
        if started is not None:
            started[1].close()


def test_a_go_waiting_when_the_busy_program_comes_back_is_not_thrown_away(qtbot, tmp_path, monkeypatch):
    """The start was answered OK and sent its GO, and the program was busy past READ_MS meanwhile: on coming
    back it reads the GO rather than dropping the start as silent (the start has exited: nobody would open it)."""
    import time

    from PySide6.QtNetwork import QLocalSocket

    from jixiao_desktop.ui import single_instance
    from jixiao_desktop.ui.single_instance import SAY_GO, SAY_TAKEN, encode

    monkeypatch.setattr(single_instance, "READ_MS", 200)
    server, opened = _server(qtbot, tmp_path)
    try:
        client = QLocalSocket()
        client.connectToServer(server.name)
        assert client.waitForConnected(1000)
        client.write(encode(["a.jixiao"]))
        client.flush()
        qtbot.waitUntil(lambda: client.bytesAvailable() >= len(SAY_TAKEN), timeout=2000)
        assert bytes(client.readAll()) == SAY_TAKEN
        client.write(SAY_GO)
        client.flush()
        time.sleep(0.4)                 # the program is busy (a long save): its READ_MS passes meanwhile
        from jixiao_desktop.ui.instance_server import _Connection

        (connection,) = server.findChildren(_Connection)
        connection._timeout()           # its timer may come before the GO's readyRead when it comes back
        qtbot.waitUntil(lambda: opened == [["a.jixiao"]], timeout=2000)
    finally:
        server.close()
