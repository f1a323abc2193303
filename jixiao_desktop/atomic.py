"""Writing files so that a crash leaves the old or the new file, and tidying after crashes.

Every file the program writes (documents, their backups, autosave copies,
settings, the indicator library, exported workbooks and PDFs) goes through
:func:`write_atomic`: a temporary file beside the target, flushed to disk,
given the permissions the target has (or the usual ones for a new file), then
renamed over the target. A process killed during a save leaves only that
temporary file behind; :func:`remove_stale_temps` deletes such leftovers the
next time the program starts, and only files named the way this module names
them.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

TMP_MARK = "~jx"
TMP_SUFFIX = ".tmp"
# A temporary file is stale once no save could still be writing it.
STALE_AFTER_S = 10 * 60

# Ours: ".<target name>.~jx<8 letters or digits>.tmp"; and the names earlier versions used
# (mkstemp's 8 characters after ".<target name>." or a fixed prefix).
_OURS_RE = re.compile(
    r"""^\.(?:
        .+\.~jx[a-z0-9_]{8}\.tmp
      | .+\.(?:jixiao|jixiao\.bak|json|json\.bak|xlsx|pdf)\.[a-z0-9_]{8}\.tmp
      | (?:settings|library|export)-[a-z0-9_]{8}\.tmp
      | jixiao-[a-z0-9_]{8}\.xlsx
    )$""",
    re.VERBOSE,
)


def temp_path_for(path: Path) -> Path:
    """A fresh temporary name beside ``path`` that :func:`remove_stale_temps` recognises."""
    token = os.urandom(4).hex()   # (not secrets: it brings hashlib into every start)
    return path.with_name(f".{path.name}.{TMP_MARK}{token}{TMP_SUFFIX}")


def is_our_temp(name: str) -> bool:
    return bool(_OURS_RE.match(name))


def write_atomic(path: str | os.PathLike, data: bytes, *, backup_to: Path | None = None) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old or the new file.

    ``backup_to``: copy the current file there first (itself atomically).
    The new file gets the old file's permissions, or the usual ones (0666 less
    the umask) when it is new. Raises OSError; the target is then untouched.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    tmp = _create_exclusive(path)
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(path, tmp)
        if backup_to is not None and path.exists():
            _copy_backup(path, backup_to)
        replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_directory(directory)


def _create_exclusive(path: Path) -> Path:
    for _ in range(100):
        tmp = temp_path_for(path)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(f"cannot create a temporary file beside {path}")  # pragma: no cover


def _usual_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _copy_mode(existing: Path, tmp: Path) -> None:
    try:
        mode = existing.stat().st_mode & 0o777
    except OSError:
        mode = _usual_mode()
    os.chmod(tmp, mode)


def _copy_backup(path: Path, target: Path) -> None:
    tmp = _create_exclusive(target)
    try:
        shutil.copyfile(path, tmp)
        _copy_mode(path, tmp)
        replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def replace(source: Path, target: Path, attempts: int = 5) -> None:
    """os.replace, retried briefly: on Windows a virus scanner may hold the target."""
    for attempt in range(attempts):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temps(folder: str | os.PathLike, *, older_than_s: float = STALE_AFTER_S) -> list[Path]:
    """Delete the temporary files a killed save left in ``folder``; return what was deleted.

    Only files named as :func:`write_atomic` names them, and only once they are
    older than ``older_than_s`` (a save still running elsewhere is left alone).
    Never raises: a folder that cannot be read is skipped.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not is_our_temp(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < older_than_s:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
