"""One program per user and settings folder: a file double-clicked in Explorer while the program runs
opens in a window of the running program, not in a second process with its own settings copy (whose
recent files would overwrite the first one's) and its own 窗口 menu.

How a start finds the running program:

- A lock file in the settings folder (:class:`QLockFile`, Qt only, no network module) says whether an
  instance of the same folder runs; Qt removes the lock of a crashed instance itself (its process is
  gone). The first start holds it for its whole life and, after its first paint, listens on a local
  server (:class:`QLocalServer`, a named pipe on Windows) named from a hash of the user and the
  settings folder, so tests with temporary folders never talk to the clerk's program or to each other.
- A later start finds the lock held, connects (waiting a few seconds for a server that is not up yet:
  Explorer starts one process per file when several are opened together, all at the same moment) and
  hands over its files: absolute paths in UTF-8, in a small framed message. On ``OK`` it says ``GO``
  and exits 0 having shown nothing; only on the ``GO`` does the running program open each file in a
  window (or bring forward the window that has it) and raise it: a start that gave up waiting on a
  busy program opens the file itself and sends no GO, so the file never opens in two programs.
- Nothing hangs and no file is lost: no answer within the timeouts, or a refusal (the program is
  quitting), and the start goes on as a program of its own. A message the server cannot read is
  ignored with a log line.

Started with no file, a second start brings the running program's window forward, as Word does, rather
than opening a new 新建 window as WPS does: a clerk who clicks the icon again is looking for the form
she was filling in, hidden behind other windows; an empty window would be one more to close (a new
window stays one click away in 窗口 → 新建窗口).

Only the GUI goes through here (``ui/application.run``): ``--selftest`` and the commands (``jixiao
check …``) never do.
"""

from __future__ import annotations

import json
import logging
import os
import struct
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QLockFile, QTimer

if TYPE_CHECKING:
    from jixiao_desktop.ui.app_paths import AppPaths
    from jixiao_desktop.ui.instance_server import Server

log = logging.getLogger(__name__)

READ_MS = 3000        # a client that sends half a message is dropped after this (instance_server)
MAGIC = b"JIXIAO-OPEN/2\n"       # a message: MAGIC, 4-byte big-endian length, JSON {"files": [...]}
HEADER = len(MAGIC) + 4
MAX_PAYLOAD = 1 << 20             # more than any list of paths; anything longer is not ours
SAY_TAKEN, SAY_REFUSED = b"OK\n", b"NO\n"   # the answer, one line
SAY_GO = b"GO\n"   # the start's word after an OK: it exits, the program opens the files (none: it gave up)
LOCK_FILE = "instance.lock"

TAKEN, REFUSED, ABSENT, SILENT = "taken", "refused", "no server", "no answer"
ANSWER_MS = 1500      # a connected server has this long to answer
STARTUP_MS = 8000     # an instance holds the lock but its server is not up yet (before its first paint)
POLL_MS = 100


class BadMessage(ValueError):
    """Not a message of ours (or a damaged one)."""


def server_name(paths: AppPaths) -> str:
    """The local server's name: the same for the same user and settings folder, else different."""
    import getpass
    import hashlib

    try:
        user = getpass.getuser()
    except Exception:   # no user name in the environment: the folder alone still separates
        user = ""
    folder = os.path.normcase(os.path.abspath(paths.config_dir))
    digest = hashlib.sha256(f"{user}\0{folder}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"jixiao-desktop-{digest[:24]}"


def encode(files: list[str]) -> bytes:
    payload = json.dumps({"files": list(files)}, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return MAGIC + struct.pack(">I", len(payload)) + payload


def decode(data: bytes) -> list[str] | None:
    """The files of a complete message; None while more bytes are to come; BadMessage otherwise."""
    if not (data[: len(MAGIC)] == MAGIC[: len(data)]):
        raise BadMessage("不是本程序的消息")
    if len(data) < HEADER:
        return None
    (size,) = struct.unpack(">I", data[len(MAGIC):HEADER])
    if size > MAX_PAYLOAD:
        raise BadMessage(f"消息过长（{size}字节）")
    if len(data) < HEADER + size:
        return None
    try:
        files = json.loads(data[HEADER:HEADER + size].decode("utf-8", "surrogatepass"))["files"]
    except (ValueError, KeyError, TypeError) as exc:
        raise BadMessage(f"消息内容无法读取：{exc}") from None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise BadMessage("消息中的文件不是路径列表")
    return files


def message_length(data: bytes) -> int:
    """The length of the complete message at the start of ``data`` (one :func:`decode` has read)."""
    return HEADER + struct.unpack(">I", data[len(MAGIC):HEADER])[0]


def file_arguments(argv: list[str]) -> list[str]:
    """The files on the command line, absolute (the running program has another working folder)."""
    return [os.path.abspath(a) for a in argv if not a.startswith("-")]


# --- the start ---------------------------------------------------------------------------------------
class Instance:
    """This process's place among the program's instances: holds the lock when it is the first one
    and then, once :meth:`serve` runs, the server that takes later starts' files."""

    def __init__(self, paths: AppPaths, lock: QLockFile | None):
        self.paths, self.name, self.lock = paths, server_name(paths), lock
        self.server: Server | None = None

    def serve(self) -> Server | None:
        """Listen for later starts (only the lock's holder does: a start that gave up on a silent
        instance must not take the name from it)."""
        if self.lock is None or self.server is not None:
            return self.server
        from jixiao_desktop.ui.instance_server import Server   # QtNetwork: after the first paint

        self.server = Server(self.name, paths=self.paths)
        if not self.server.listen():
            self.server = None
        return self.server

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


def _lock(paths: AppPaths) -> tuple[QLockFile | None, bool]:
    """(the lock if taken, whether another instance holds it)."""
    try:
        Path(paths.config_dir).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("settings folder %s cannot be made (%s): no single instance", paths.config_dir, exc)
        return None, False
    lock = QLockFile(str(Path(paths.config_dir) / LOCK_FILE))
    lock.setStaleLockTime(0)   # a lock lives as long as its process, however long the clerk works
    if lock.tryLock(0):
        return lock, False
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None, True
    log.warning("lock file in %s cannot be written (%s): no single instance", paths.config_dir, lock.error())
    return None, False


def start(paths: AppPaths, files: list[str]) -> Instance | None:
    """Called at the very start of the GUI (a QApplication exists). None: a running instance took
    ``files`` (or, with none, came forward) and this process should exit 0. Else this process goes on
    as a program of its own: the first instance (it holds the lock; :meth:`Instance.serve` after the
    first paint), or one that could not reach the running instance in time."""
    lock, held = _lock(paths)
    if not held:
        return Instance(paths, lock)
    deadline = time.monotonic() + STARTUP_MS / 1000
    answer = hand_over(server_name(paths), files)
    while answer == ABSENT and time.monotonic() < deadline:   # no server yet: the holder is starting
        lock, held = _lock(paths)
        if not held:   # it has gone meanwhile
            return Instance(paths, lock)
        _sleep(POLL_MS)
        answer = hand_over(server_name(paths), files)
    if answer == TAKEN:
        log.info("handed %d file(s) to the running instance", len(files))
        return None
    log.warning("the running instance did not take the files (%s); starting on its own", answer)
    return Instance(paths, None)


def _sleep(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def hand_over(name: str, files: list[str]) -> str:
    """Send ``files`` to the server ``name``: TAKEN, REFUSED (it is quitting), ABSENT (no server to
    connect to) or SILENT (connected, no answer within ANSWER_MS: a hung program is not waited for
    again). Runs a local event loop, not the blocking waits, so that a server in this very thread
    (the tests) can answer."""
    from PySide6.QtNetwork import QLocalSocket

    _allow_foreground()
    socket = QLocalSocket()
    loop = QEventLoop()
    result = {"answer": ABSENT}
    received = bytearray()

    def connected() -> None:
        socket.write(encode(files))
        socket.flush()

    def ready() -> None:
        received.extend(bytes(socket.readAll()))
        if b"\n" in received and result["answer"] in (ABSENT, SILENT):
            if bytes(received[: received.index(b"\n") + 1]) == SAY_TAKEN:
                socket.write(SAY_GO)   # only now may the program open them: this start will not
                socket.flush()
                if socket.bytesToWrite():
                    socket.waitForBytesWritten(ANSWER_MS)
                gone = socket.state() != QLocalSocket.LocalSocketState.ConnectedState or socket.bytesToWrite()
                result["answer"] = REFUSED if gone else TAKEN
            else:
                result["answer"] = REFUSED
            loop.quit()

    def connected_once() -> None:
        result["answer"] = SILENT   # until it answers

    socket.connected.connect(connected_once)
    socket.connected.connect(connected)
    socket.readyRead.connect(ready)
    socket.errorOccurred.connect(lambda _error: loop.quit())
    socket.disconnected.connect(loop.quit)
    timer = QTimer(singleShot=True, interval=ANSWER_MS)
    timer.timeout.connect(loop.quit)
    socket.connectToServer(name)
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        timer.start()
        loop.exec()
        timer.stop()
    if result["answer"] in (ABSENT, SILENT) and socket.bytesAvailable():
        ready()
    if result["answer"] == TAKEN:
        socket.disconnectFromServer()   # the GO is on its way: not thrown away as abort() would
    else:
        socket.abort()   # no GO: a program that answers late opens nothing
    return result["answer"]


def _allow_foreground() -> None:
    """Windows lets only the program the clerk just started take the foreground: this start passes
    that right on, so the running program's window comes to the front instead of flashing in the
    task bar."""
    if sys.platform == "win32":   # pragma: no cover - Windows only
        try:
            import ctypes

            ctypes.windll.user32.AllowSetForegroundWindow(-1)   # ASFW_ANY
        except Exception:
            pass
