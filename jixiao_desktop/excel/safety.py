"""Checks made before openpyxl or calamine touches a file: is it a workbook, is it safe, how big.

An old Excel (.xls) or WPS 表格 (.et) workbook, found by its content whatever its name, is
let through as ``format == "biff"`` (read by :mod:`.old_workbook`). Refused with a Chinese
message saying what the file is and what to do: files that are not workbooks (CSV or text
renamed, an HTML or XML "xls" some systems export, Word .doc/.docx and WPS 文字 .wps files),
password-protected (encrypted) workbooks, zip
bombs (declared uncompressed sizes, entry count, compression ratio), and any
workbook when defusedxml is not active. Macro-enabled workbooks are read
(macros are never run or kept) with a warning; very large sheets are read in
read-only mode with a row cap.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from jixiao_desktop.excel import old_formats
from jixiao_desktop.excel.errors import ExcelError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_RATIO = 200
BIG_SHEET_BYTES = 25 * 1024 * 1024

OLE_MAGIC = old_formats.OLE_MAGIC
_DIMENSION_RE = re.compile(rb'<dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


@dataclass
class Inspection:
    read_only: bool = False
    format: str = "xlsx"      # or "biff": an old .xls / .et workbook
    warnings: list[str] = field(default_factory=list)
    declared_rows: dict[str, int] = field(default_factory=dict)


def inspect(path: str | Path) -> Inspection:
    """Raise :class:`ExcelError` for a file that must not be opened; else say how to open it."""
    path = Path(path)
    _defused()
    if not path.is_file():
        raise ExcelError(f"找不到文件：{path}")
    size = path.stat().st_size
    if size == 0:
        raise ExcelError(f"文件是空的：{path.name}")
    if size > MAX_FILE_BYTES:
        raise ExcelError(f"文件过大（{size // 1024 // 1024}MB），绩效目标表不会这么大，已拒绝读取：{path.name}")
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(OLE_MAGIC):
        kind = old_formats.classify_ole(path.read_bytes())
        if kind == old_formats.WORKBOOK:
            return Inspection(format="biff")
        raise ExcelError(old_formats.ole_message(kind, path.name))
    if not head.startswith(b"PK\x03\x04"):
        exported = old_formats.text_kind(head)
        if exported is not None:
            raise ExcelError(old_formats.text_message(exported, path.name))
        what = "文本或CSV文件" if _looks_like_text(head) else "未知格式的文件"
        raise ExcelError(f"不是Excel工作簿（.xlsx/.xls）：{path.name} 是{what}。请在Excel或WPS中打开后另存为.xlsx再导入。")
    try:
        with zipfile.ZipFile(path) as archive:
            return _inspect_zip(archive, path.name)
    except zipfile.BadZipFile as exc:
        raise ExcelError(f"文件已损坏，无法作为Excel工作簿读取：{path.name}（{exc}）") from exc


def _defused() -> None:
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise ExcelError("缺少安全组件defusedxml，为防止恶意文件，暂不能导入Excel。")


def _looks_like_text(head: bytes) -> bool:
    for encoding in ("utf-8", "gb18030", "utf-16"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        return all(ch.isprintable() or ch in "\r\n\t" for ch in text[:-4])
    return False


def _inspect_zip(archive: zipfile.ZipFile, name: str) -> Inspection:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ExcelError(f"工作簿内部文件数异常（{len(infos)}个），疑似恶意文件，已拒绝读取：{name}")
    total = 0
    result = Inspection()
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names and "[Content_Types].xml" in names:
        pass
    for info in infos:
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ExcelError(
                f"工作簿中的“{info.filename}”解压后达{info.file_size // 1024 // 1024}MB（压缩比异常），"
                f"疑似压缩炸弹，已拒绝读取：{name}"
            )
        if info.filename.startswith("xl/worksheets/") and info.file_size > BIG_SHEET_BYTES:
            result.read_only = True
    if total > MAX_UNCOMPRESSED:
        raise ExcelError(f"工作簿解压后过大（{total // 1024 // 1024}MB），疑似压缩炸弹，已拒绝读取：{name}")
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        if "word/document.xml" in names:
            raise ExcelError(f"这是Word文档（.docx），不是Excel工作簿：{name}")
        raise ExcelError(f"不是Excel工作簿（缺少工作簿内容）：{name}")
    if "xl/workbook.bin" in names:
        raise ExcelError(f"这是二进制格式的工作簿（.xlsb），请在Excel中另存为.xlsx后再导入：{name}")
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        result.warnings.append("工作簿含有宏（VBA）：宏不会运行，也不会保留，只读取表格内容。")
    for info in infos:
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        with archive.open(info) as handle:
            start = handle.read(2048)
        if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
            raise ExcelError(f"工作簿中的“{info.filename}”含有不安全的XML定义（DTD/实体），疑似恶意文件，已拒绝读取：{name}")
        if info.filename.startswith("xl/worksheets/sheet"):
            match = _DIMENSION_RE.search(start)
            if match and match[4]:
                result.declared_rows[info.filename] = int(match[4])
    return result
