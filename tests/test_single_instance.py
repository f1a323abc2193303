"""One program per user and settings folder (ui/single_instance.py): a file double-clicked in Explorer
while the program runs opens in a window of the running program; the second start shows nothing and
exits 0. Nothing hangs (a silent program is given up on), nothing is lost (the start goes on itself),
a message that is not ours is ignored, and two settings folders never talk.

The second start is driven in-process through ``application.open_program``, the function ``run`` uses;
one test starts a real second process.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QLockFile
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from jixiao_desktop.resources import example_path
from jixiao_desktop.ui import single_instance, tasks
from jixiao_desktop.ui.app_paths import AppPaths
from jixiao_desktop.ui.application import open_program
from jixiao_desktop.ui.single_instance import (ABSENT, MAGIC, SILENT, TAKEN, encode, hand_over, server_name)
from jixiao_desktop.ui.windows import open_windows, window_of_file
from tests.gui_fixtures import close_windows

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "project-2024-chenggong-eldercare"
OTHER = "project-2020-chenggong-service-contest"


@pytest.fixture
def files(tmp_path):
    """Two of the clerk's files, one with a Chinese name in a folder with a space."""
    folder = tmp_path / "绩效 目标"
    folder.mkdir()
    this_year, last_year = folder / "2025年养老.jixiao", folder / "2024年.jixiao"
    shutil.copy(example_path(PROJECT), this_year)
    shutil.copy(example_path(OTHER), last_year)
    return this_year, last_year


@pytest.fixture
def started(qtbot):
    """Starts made with open_program; every window and instance is closed at the end."""
    instances = []

    def start(argv: list[str], paths: AppPaths, serve: bool = True):
        result = open_program(argv, paths)
        if result is not None:
            instances.append(result[1])
            if serve:
                result[1].serve()
        return result

    yield start
    tasks.wait_all()
    close_windows(open_windows())
    for instance in instances:
        instance.close()


def _paths(tmp_path, name: str = "app") -> AppPaths:
    return AppPaths.under(tmp_path / name)


def test_a_second_start_hands_its_files_to_the_running_program(started, qtbot, tmp_path, files, monkeypatch):
    paths = _paths(tmp_path)
    first, instance = started([], paths)
    assert instance.server is not None and instance.lock is not None
    assert first.document is None   # the start page

    monkeypatch.chdir(files[0].parent)   # Explorer's working folder need not be the program's
    assert started([files[0].name, str(files[1])], paths) is None   # handed over: nothing of its own
    assert instance.server.received == [[str(files[0]), str(files[1])]]
    qtbot.waitUntil(lambda: window_of_file(files[1]) is not None, timeout=5000)
    assert window_of_file(files[0]) is first   # the start page took the first file
    assert len(open_windows()) == 2
    assert [Path(p) for p in first.settings.recent_files[:2]] == [files[1], files[0]]   # one settings copy

    # A file already open: its window comes forward, no third window; no files: the program comes forward.
    assert started([str(files[0])], paths) is None
    assert started([], paths) is None
    qtbot.waitUntil(lambda: len(instance.server.received) == 3, timeout=3000)
    qtbot.wait(50)
    assert len(open_windows()) == 2


def test_the_server_starts_after_the_first_paint_and_refuses_when_no_window_is_left(started, qtbot, tmp_path, files):
    paths = _paths(tmp_path)
    first, instance = started([str(files[0])], paths, serve=False)
    assert window_of_file(files[0]) is first
    qtbot.waitUntil(lambda: instance.server is not None, timeout=3000)   # ui/first_paint.after_first_paint
    first.close()
    assert not open_windows()
    assert hand_over(instance.name, [str(files[1])]) == "refused"   # quitting: the start goes on itself


def test_a_crashed_programs_socket_file_is_removed_and_the_new_start_serves(started, qtbot, tmp_path, files):
    if sys.platform == "win32":
        pytest.skip("named pipes leave no file behind")
    paths = _paths(tmp_path)
    name = server_name(paths)
    stale = Path(QDir.tempPath()) / name
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(str(stale))   # a socket file nobody listens on, as a killed program leaves it
    dead.close()
    assert stale.exists()
    assert hand_over(name, []) == ABSENT

    first, instance = started([], paths)
    assert instance.server is not None
    assert started([str(files[0])], paths) is None
    qtbot.waitUntil(lambda: window_of_file(files[0]) is first, timeout=5000)


def test_a_silent_program_is_given_up_on_and_the_start_opens_the_file_itself(started, qtbot, tmp_path, files,
                                                                               monkeypatch):
    monkeypatch.setattr(single_instance, "ANSWER_MS", 300)
    paths = _paths(tmp_path)
    paths.config_dir.mkdir(parents=True)
    hung = QLockFile(str(paths.config_dir / single_instance.LOCK_FILE))   # a hung program: it runs...
    assert hung.tryLock(0)
    silent = QLocalServer()
    assert silent.listen(server_name(paths))   # ...and accepts, but never answers
    try:
        assert hand_over(server_name(paths), []) == SILENT
        began = time.monotonic()
        window, instance = started([str(files[0])], paths)
        assert time.monotonic() - began < 3
        assert window_of_file(files[0]) is window   # the file is not lost
        assert instance.lock is None and instance.server is None   # the hung program keeps its name
    finally:
        silent.close()
        hung.unlock()


def test_a_message_that_is_not_ours_is_ignored_and_the_server_goes_on(started, qtbot, tmp_path, files, caplog,
                                                                       monkeypatch):
    monkeypatch.setattr(single_instance, "READ_MS", 200)   # read by instance_server
    paths = _paths(tmp_path)
    first, instance = started([], paths)
    caplog.set_level(logging.WARNING, logger="jixiao_desktop.ui")
    garbage = [b"GET / HTTP/1.1\r\n\r\n", MAGIC + b"\xff\xff\xff\xff",
               MAGIC + b"\x00\x00\x00\x05{oops", encode([])[:-1].replace(b'"files"', b'"other"') + b"}",
               MAGIC[:5]]   # the last stops half-way and stays connected
    for message in garbage:
        client = QLocalSocket()
        client.connectToServer(instance.name)
        assert client.waitForConnected(1000)
        client.write(message)
        client.flush()
        qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=3000)
    assert instance.server.received == []
    ignored = [r.getMessage() for r in caplog.records if "ignored" in r.getMessage()]
    assert len(ignored) == len(garbage), ignored
    assert len(open_windows()) == 1 and first.document is None

    assert hand_over(instance.name, [str(files[0])]) == TAKEN   # still serving
    qtbot.waitUntil(lambda: window_of_file(files[0]) is first, timeout=5000)


def test_two_settings_folders_never_talk(started, qtbot, tmp_path, files):
    paths, other = _paths(tmp_path, "a"), _paths(tmp_path, "b")
    assert server_name(paths) != server_name(other)
    assert server_name(paths) == server_name(AppPaths.under(tmp_path / "x" / ".." / "a"))
    first, instance = started([], paths)
    second, second_instance = started([str(files[0])], other)   # a program of its own
    assert second is not first and window_of_file(files[0]) is second
    assert second_instance.lock is not None and second_instance.server is not None
    assert instance.server.received == [] and second_instance.server.received == []


def test_commands_are_never_routed(started, qtbot, tmp_path, files, capsys):
    from jixiao_desktop.cli import main

    paths = _paths(tmp_path)
    first, instance = started([], paths)
    main(["check", str(files[0])])
    assert instance.server.received == []
    assert capsys.readouterr().out


def test_a_real_second_process_hands_over_and_exits_0(started, qtbot, tmp_path, files):
    """`jixiao FILE` as Explorer runs it, with the running program's settings folder (XDG on Linux)."""
    if sys.platform == "win32":
        pytest.skip("the settings folder comes from the registry's known folders on Windows")
    xdg = tmp_path / "xdg"
    paths = AppPaths(xdg / "config" / "jixiao" / "jixiao-desktop", xdg / "data" / "jixiao" / "jixiao-desktop")
    first, instance = started([], paths)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(xdg / "config"),
               XDG_DATA_HOME=str(xdg / "data"), PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.Popen([sys.executable, "-m", "jixiao_desktop", str(files[1])], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20000)   # serving while it runs
    finally:
        if proc.poll() is None:
            proc.kill()
    out, err = proc.communicate()
    assert proc.returncode == 0, err.decode(errors="replace")
    assert instance.server.received == [[str(files[1])]]
    qtbot.waitUntil(lambda: window_of_file(files[1]) is first, timeout=5000)


def test_starts_at_the_same_moment_wait_for_the_first_ones_server(started, qtbot, tmp_path, files):
    """Explorer starts a process per file when several are opened together: the first holds the lock
    but serves only after its first paint; the others wait for it rather than open programs of their own."""
    from PySide6.QtCore import QTimer

    from jixiao_desktop.ui.main_window import MainWindow

    paths = _paths(tmp_path)
    paths.config_dir.mkdir(parents=True)
    lock = QLockFile(str(paths.config_dir / single_instance.LOCK_FILE))
    assert lock.tryLock(0)
    first = MainWindow(paths)
    first.show()
    starting = single_instance.Instance(paths, lock)   # the first start, not painted yet
    QTimer.singleShot(400, starting.serve)
    try:
        assert started([str(files[0])], paths) is None
        assert starting.server.received == [[str(files[0])]]
        qtbot.waitUntil(lambda: window_of_file(files[0]) is first, timeout=5000)
    finally:
        starting.close()


def test_the_first_start_does_not_load_qt_network_before_its_window_paints(tmp_path):
    """Only the lock file is looked at before the window; QtNetwork comes with the server, after the paint."""
    script = (
        "import sys\n"
        "from jixiao_desktop.ui.application import create_application, open_program\n"
        "from jixiao_desktop.ui.app_paths import AppPaths\n"
        "app = create_application([])\n"
        f"window, instance = open_program([], AppPaths.under({str(tmp_path)!r}))\n"
        "print('PySide6.QtNetwork' in sys.modules, instance.lock is not None)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "True"]
