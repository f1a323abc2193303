"""The document file: one form per file, JSON, versioned, saved atomically.

Layout of a file::

    {"format": "jixiao-desktop", "schema_version": 1, "app_version": "0.1.0",
     "form": {"kind": "project", ...}}

Saving writes a temporary file beside the target, flushes it to disk, copies the
previous file to ``NAME.bak`` and then renames the temporary file over the
target, so at every moment the target is either the old or the new complete
file. Opening gives :class:`DocumentError` with a Chinese message naming the
file and the problem for missing, corrupt, truncated, foreign or too-new files,
and for files beyond the limits a real form never reaches (size, nesting depth,
length of a number). Text that UTF-8 cannot hold (a lone surrogate, which
JSON's ``\\ud800`` escape can carry) is repaired on opening and said so
(:class:`Opened`), so a document that opens can always be saved.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path


from jixiao_desktop import __version__, atomic
from jixiao_desktop.forms import FormBase, ValidationError, validate_form
from jixiao_desktop.storage.migrations import SCHEMA_VERSION, MigrationError, upgrade

FORMAT_NAME = "jixiao-desktop"
EXTENSION = ".jixiao"
BACKUP_SUFFIX = ".bak"

# Limits no real form comes near (the largest seen, 200 附表3 with 5,000 indicators, is 1.7 MB, depth 7).
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 40
MAX_NUMBER_CHARS = 40
REPLACEMENT = "\ufffd"


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
    """The file text of a form: stable key order, readable, UTF-8 Chinese.

    Text that UTF-8 cannot hold (a lone surrogate, say from a damaged paste) is
    repaired here too, so a save never fails on what the clerk typed.
    """
    return repair_text(json.dumps(form_to_data(form), ensure_ascii=False, indent=1)) + "\n"


@dataclass
class Opened:
    """A document read from a file, and what had to be repaired to read it (Chinese, one per line)."""

    form: FormBase
    repairs: list[str] = field(default_factory=list)


class _NumberTooLong(ValueError):
    pass


def _parse_number(text: str):
    if len(text) > MAX_NUMBER_CHARS:
        raise _NumberTooLong(text)
    return int(text) if text.lstrip("-").isdigit() else float(text)


def loads(text: str, path: str | os.PathLike = "<内存>") -> FormBase:
    """Read a document from its file text; raise :class:`DocumentError`."""
    return open_text(text, path).form


def open_text(text: str, path: str | os.PathLike = "<内存>") -> Opened:
    """Read a document and say what was repaired; raise :class:`DocumentError`."""
    try:
        data = json.loads(text, parse_int=_parse_number, parse_float=_parse_number)
    except json.JSONDecodeError as exc:
        stripped = text.strip()
        truncated = stripped.startswith("{") and not stripped.endswith("}")
        problem = "文件内容不完整（可能保存时被中断）" if truncated else "文件已损坏"
        raise DocumentError(path, f"{problem}，第{exc.lineno}行第{exc.colno}列无法读取") from None
    except _NumberTooLong as exc:
        raise DocumentError(path, f"文件中有一个{len(str(exc))}位的数字，超出了表格可能用到的长度，文件已损坏") from None
    except RecursionError:
        raise DocumentError(path, f"文件的层次嵌套过深（超过{MAX_DEPTH}层），不是本程序保存的文档，或已损坏") from None
    if nesting_depth(data) > MAX_DEPTH:
        raise DocumentError(path, f"文件的层次嵌套过深（超过{MAX_DEPTH}层），不是本程序保存的文档，或已损坏")
    repaired: list[str] = []
    data = _repair_text(data, repaired)
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
        form = validate_form(data["form"])
    except ValidationError as exc:
        raise DocumentError(path, "内容不符合格式：" + _describe_validation(exc)) from None
    return Opened(form, _repair_notes(form, repaired))


def nesting_depth(data) -> int:
    """How deeply lists and objects nest in ``data`` (iteratively: no recursion to exhaust)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            node = node.values()
        elif not isinstance(node, list):
            continue
        deepest = max(deepest, depth)
        if depth <= MAX_DEPTH:
            stack.extend((child, depth + 1) for child in node)
    return deepest


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def repair_text(text: str) -> str:
    """``text`` with surrogate pairs joined and lone surrogates replaced by U+FFFD."""
    if not _SURROGATE_RE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _repair_text(data, repaired: list[str], where: str = ""):
    """Repair every text (and key) of ``data``; record the locations repaired."""
    if isinstance(data, str):
        fixed = repair_text(data)
        if fixed != data:
            repaired.append(where)
        return fixed
    if isinstance(data, list):
        return [_repair_text(item, repaired, f"{where}[{i}]") for i, item in enumerate(data)]
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            name = repair_text(key)
            if name != key:
                repaired.append(where)
            out[name] = _repair_text(value, repaired, f"{where}.{name}" if where else name)
        return out
    return data


def _repair_notes(form: FormBase, repaired: list[str]) -> list[str]:
    if not repaired:
        return []
    from jixiao_desktop.forms.locations import describe

    places = []
    for where in repaired:
        inside = where.removeprefix("form.") if where.startswith("form.") else ""
        places.append(describe(form, inside) if inside else (where or "文件"))
    shown = "、".join(dict.fromkeys(places[:5]))
    more = f"等{len(places)}处" if len(places) > 5 else ""
    return [f"{shown}{more}的文字中有无法保存的字符（不成对的代理码位，多由损坏或不规范的复制造成），"
            f"已替换为“{REPLACEMENT}”，请核对后保存"]


def load(path: str | os.PathLike) -> FormBase:
    """Open a document file."""
    return open_document(path).form


def open_document(path: str | os.PathLike) -> Opened:
    """Open a document file and say what had to be repaired to open it."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size > MAX_FILE_BYTES:
        raise DocumentError(path, f"文件太大（{size // (1024 * 1024)} MB，表格文档不会超过{MAX_FILE_BYTES // (1024 * 1024)} MB），不是本程序保存的文档")
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
    return open_text(text, path)


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
    atomic.write_atomic(path, data, backup_to=backup_path(path) if backup else None)


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
        "recursion_loop": "层次嵌套过深",
    }.get(kind, error.get("msg", kind))
