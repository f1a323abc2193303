"""The document file: one form per file, JSON, versioned, saved atomically.

Layout of a file::

    {"format": "jixiao-desktop", "schema_version": 1, "app_version": "0.1.0",
     "form": {"kind": "project", ...}}

Saving writes a temporary file beside the target, flushes it to disk, copies the
previous file to ``NAME.bak`` and then renames the temporary file over the
target, so at every moment the target is either the old or the new complete
file. Opening gives :class:`DocumentError` with a Chinese message naming the
file and the problem for missing, corrupt, truncated, foreign or too-new files.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from pydantic import ValidationError

from jixiao_desktop import __version__
from jixiao_desktop.forms import FORM_ADAPTER, FormBase
from jixiao_desktop.storage.migrations import SCHEMA_VERSION, MigrationError, upgrade

FORMAT_NAME = "jixiao-desktop"
EXTENSION = ".jixiao"
BACKUP_SUFFIX = ".bak"


class DocumentError(Exception):
    """A document could not be read or written; ``str()`` is a Chinese message."""

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"无法打开文件“{self.path}”：{problem}")


def form_to_data(form: FormBase) -> dict:
    return {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "form": _kind_first(form.model_dump(mode="json")),
    }


def _kind_first(data: dict) -> dict:
    """Put ``kind`` first so a reader of the file sees at once what form it is."""
    return {"kind": data["kind"], **{k: v for k, v in data.items() if k != "kind"}}


def dumps(form: FormBase) -> str:
    """The file text of a form: stable key order, readable, UTF-8 Chinese."""
    return json.dumps(form_to_data(form), ensure_ascii=False, indent=1) + "\n"


def loads(text: str, path: str | os.PathLike = "<内存>") -> FormBase:
    """Read a document from its file text; raise :class:`DocumentError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        stripped = text.strip()
        truncated = stripped.startswith("{") and not stripped.endswith("}")
        problem = "文件内容不完整（可能保存时被中断）" if truncated else "文件已损坏"
        raise DocumentError(path, f"{problem}，第{exc.lineno}行第{exc.colno}列无法读取") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise DocumentError(path, "这不是绩效目标表文档（可能是其他程序的文件）")
    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise DocumentError(path, "文档缺少有效的格式版本号")
    if version > SCHEMA_VERSION:
        raise DocumentError(
            path,
            f"文档由较新版本的程序保存（格式第{version}版，本程序只支持到第{SCHEMA_VERSION}版），请升级程序后再打开",
        )
    try:
        data = upgrade(data, version, SCHEMA_VERSION)
    except MigrationError as exc:
        raise DocumentError(path, str(exc)) from None
    if "form" not in data:
        raise DocumentError(path, "文档中没有表格内容")
    try:
        return FORM_ADAPTER.validate_python(data["form"])
    except ValidationError as exc:
        raise DocumentError(path, "内容不符合格式：" + _describe_validation(exc)) from None


def load(path: str | os.PathLike) -> FormBase:
    """Open a document file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(path, "文件不存在") from None
    except IsADirectoryError:
        raise DocumentError(path, "这是一个文件夹，不是文件") from None
    except PermissionError:
        raise DocumentError(path, "没有读取权限") from None
    except OSError as exc:
        raise DocumentError(path, f"读取失败（{exc.strerror or exc}）") from None
    if not raw.strip():
        raise DocumentError(path, "文件是空的（可能保存时被中断）")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(path, "这不是绩效目标表文档（文件不是文本，或已损坏）") from None
    return loads(text, path)


def save(form: FormBase, path: str | os.PathLike, *, backup: bool = True) -> None:
    """Save atomically; keep the previous file as ``NAME.bak``.

    Raises :class:`DocumentError` (with the reason in Chinese) when the file
    cannot be written; the previous file is then untouched.
    """
    path = Path(path)
    data = dumps(form).encode("utf-8")
    try:
        write_atomic(path, data, backup=backup)
    except OSError as exc:
        raise DocumentError(path, f"保存失败（{exc.strerror or exc}），原文件未改动") from None


def backup_path(path: str | os.PathLike) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_atomic(path: Path, data: bytes, *, backup: bool = False) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old or the new file."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        _copy_mode(path, tmp)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if backup and path.exists():
            _copy_backup(path)
        _replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_directory(directory)


def _copy_mode(existing: Path, tmp: Path) -> None:
    """Give the new file the old file's permissions, or the usual ones (mkstemp makes 0600)."""
    try:
        mode = existing.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def _copy_backup(path: Path) -> None:
    """Copy the current file to NAME.bak, itself atomically."""
    target = backup_path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        shutil.copyfile(path, tmp_name)
        _replace(Path(tmp_name), target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _replace(source: Path, target: Path, attempts: int = 5) -> None:
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


def _describe_validation(exc: ValidationError) -> str:
    lines = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error["loc"]) or "（顶层）"
        lines.append(f"{where}：{_translate(error)}")
    more = exc.error_count() - len(lines)
    if more > 0:
        lines.append(f"另有{more}处")
    return "；".join(lines)


def _translate(error: dict) -> str:
    kind = error.get("type", "")
    return {
        "missing": "缺少此项",
        "extra_forbidden": "多出未知的项",
        "string_type": "应为文字",
        "int_type": "应为整数",
        "int_parsing": "应为整数",
        "list_type": "应为列表",
        "model_type": "应为一组字段",
        "dict_type": "应为一组字段",
        "enum": "取值不在允许范围内",
        "literal_error": "取值不在允许范围内",
        "union_tag_invalid": "未知的表格类型",
        "union_tag_not_found": "缺少表格类型",
        "model_attributes_type": "应为一组字段",
    }.get(kind, error.get("msg", kind))
