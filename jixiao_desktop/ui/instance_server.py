"""The running program's side of :mod:`jixiao_desktop.ui.single_instance`: a local server that takes
later starts' files and opens them in the program's windows. Loaded after the first paint (QtNetwork
is not needed to show the form)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from jixiao_desktop.ui import single_instance
from jixiao_desktop.ui.single_instance import SAY_GO, SAY_REFUSED, SAY_TAKEN, BadMessage, decode, message_length

log = logging.getLogger(__name__)


class Server(QObject):
    """Takes later starts' files and opens them (``open_files``; by default in the program's windows)."""

    def __init__(self, name: str, open_files=None, paths=None):
        super().__init__()
        self.name, self.paths = name, paths   # paths: the folders of a window opened when none is left
        self.open_files = open_files
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)   # this user only
        self.server.newConnection.connect(self._accept)
        self.received: list[list[str]] = []   # every accepted message (tests, the log)

    def listen(self) -> bool:
        QLocalServer.removeServer(self.name)   # a crashed instance's socket file (we hold the lock)
        if not self.server.listen(self.name):
            log.warning("single-instance server %s cannot listen: %s", self.name, self.server.errorString())
            return False
        log.info("single-instance server %s listening", self.name)
        return True

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            _Connection(self, self.server.nextPendingConnection())

    def accepts(self) -> bool:
        """Whether a start's files can be taken now; False when there is no window left to open them in
        (the program is quitting), so that the start goes on itself."""
        from jixiao_desktop.ui import windows

        return self.open_files is not None or bool(windows.open_windows())

    def hold(self) -> _KeepRunning | None:
        """Keeps the program from quitting (its last window closing) between an OK and the opening."""
        return _KeepRunning() if self.open_files is None else None

    def take(self, files: list[str]) -> bool:
        """Open a start's files a moment later; False when it :meth:`accepts` none."""
        if not self.accepts():
            return False
        self.received.append(files)
        self.open(files, self.hold())
        return True

    def open(self, files: list[str], keep: _KeepRunning | None) -> None:
        if self.open_files is not None:
            QTimer.singleShot(0, lambda: self.open_files(files))
        else:
            QTimer.singleShot(0, lambda: open_in_windows(files, self.paths, keep))


class _KeepRunning:
    """Holds the program from quitting when its last window closes, from a start's OK until its files
    are open (QEventLoopLocker is not in PySide6): the close is not refused, the program just stays."""

    held = 0
    quit_on_close = True

    def __init__(self) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if _KeepRunning.held == 0:
            _KeepRunning.quit_on_close = app.quitOnLastWindowClosed()
            app.setQuitOnLastWindowClosed(False)
        _KeepRunning.held += 1
        self.released = False

    def release(self) -> None:
        from PySide6.QtWidgets import QApplication

        from jixiao_desktop.ui import windows

        if self.released:
            return
        self.released = True
        _KeepRunning.held -= 1
        if _KeepRunning.held == 0:
            app = QApplication.instance()
            app.setQuitOnLastWindowClosed(_KeepRunning.quit_on_close)
            if _KeepRunning.quit_on_close and not windows.open_windows():
                app.quit()   # the last window closed meanwhile and nothing opened: quit as it would have


class _Connection(QObject):
    """One start's hand-over: its message, the answer, then its GO. The files open only on the GO: a start
    that gave up waiting (a program busy for longer than ANSWER_MS) goes on itself and sends none, so the
    file does not open in two programs."""

    def __init__(self, server: Server, socket: QLocalSocket):
        super().__init__(server)
        self.server, self.socket, self.data = server, socket, bytearray()
        self.files: list[str] | None = None   # answered OK, waiting for the GO
        self.keep: _KeepRunning | None = None
        socket.setParent(self)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self._drop)
        QTimer.singleShot(single_instance.READ_MS, self, self._timeout)
        self._read()

    def _read(self) -> None:
        if self.socket is None:
            return
        self.data.extend(bytes(self.socket.readAll()))
        if self.files is not None:
            self._go()
            return
        try:
            files = decode(bytes(self.data))
        except BadMessage as exc:
            log.warning("single-instance server: message ignored (%s)", exc)
            self._drop()
            return
        if files is None:
            return
        del self.data[:message_length(bytes(self.data))]
        taken = self.server.accepts()
        log.info("single-instance server: %s %d file(s)", "taking" if taken else "refused", len(files))
        if taken:
            self.files, self.keep = files, self.server.hold()
            self.server.received.append(files)
        socket = self.socket
        socket.write(SAY_TAKEN if taken else SAY_REFUSED)
        socket.flush()   # a start that has gone already: the write fails and _drop runs meanwhile
        if not taken and self.socket is not None:
            socket.disconnectFromServer()
        elif taken:
            self._go()

    def _go(self) -> None:
        if self.files is None or not bytes(self.data).startswith(SAY_GO):
            return
        files, keep, self.files, self.keep = self.files, self.keep, None, None
        self.server.open(files, keep)
        log.info("single-instance server: opening %d file(s)", len(files))
        if self.socket is not None:
            self.socket.disconnectFromServer()

    def _timeout(self) -> None:
        if self.socket is not None and self.files is not None and self.socket.waitForReadyRead(0):
            self._read()   # a GO sent while this program was busy, its timer served first: not lost
        if self.socket is not None and (self.data or self.files is not None):
            log.warning("single-instance server: incomplete message ignored (%d bytes)", len(self.data))
        self._drop()

    def _drop(self) -> None:
        if self.socket is not None:
            socket, self.socket = self.socket, None
            if self.files is not None:
                self.data.extend(bytes(socket.readAll()))   # a GO that came with the end of the connection
                self._go()
            if self.files is not None:
                log.warning("single-instance server: the start did not confirm (it gave up waiting and opens "
                            "%d file(s) itself); not opened here", len(self.files))
                self.files = None
            if self.keep is not None:
                self.keep.release()
                self.keep = None
            socket.abort()
            self.deleteLater()


def open_in_windows(files: list[str], paths=None, keep: _KeepRunning | None = None) -> None:
    """Open each file in a window (the start page's, else a new one; a file already open brings its
    window forward) and raise the last; with no files, bring the program forward. Waits while a dialog
    is open (a 另存为 in progress), as the files must not open behind it. Should the last window have
    closed since the start was told OK (the clerk answered 不保存 meanwhile), a new window of ``paths``
    opens them: ``keep`` held the program from quitting until now."""
    from PySide6.QtWidgets import QApplication

    from jixiao_desktop.ui import windows

    if QApplication.activeModalWidget() is not None:
        QTimer.singleShot(500, lambda: open_in_windows(files, paths, keep))
        return
    try:
        open_now = windows.open_windows()
        if not open_now:
            if paths is None:
                return
            from jixiao_desktop.ui.main_window import MainWindow

            open_now = [MainWindow(paths)]
        target = next((w for w in open_now if w.is_replaceable()), _last_active(open_now))
        windows.activate(target)
        for path in files:
            target.open_path(path)
            holder = windows.window_of_file(path)
            if holder is not None:
                windows.activate(holder)
    finally:
        if keep is not None:
            keep.release()


def _last_active(open_now):
    from PySide6.QtWidgets import QApplication

    active = QApplication.activeWindow()
    return active if active in open_now else open_now[-1]
