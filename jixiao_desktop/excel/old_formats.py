"""What an OLE2 (compound file) or a text file given as a workbook really is, and what to tell the clerk.

Bureaus still send old Excel (.xls) templates and WPS 表格 (.et) workbooks: both are BIFF8 workbooks
inside an OLE2 compound file (a ``Workbook`` or older ``Book`` stream) and are read (see
:mod:`.old_workbook`). Old Word (.doc) and WPS 文字 (.wps) files share that container (a
``WordDocument`` stream); a "xls" exported by many web systems is really an HTML page or an XML
spreadsheet. Those cannot be read: the clerk is told what the file is and what to do with it.

The stream names are read from the compound file's directory entries (128-byte records whose name is
UTF-16 with its length and an entry type next to it); every entry lies at a multiple of 128 bytes, so
the entries are found without following the file's allocation tables, and a damaged table cannot
mislead or hang the check.
"""

from __future__ import annotations

import struct

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_STREAM, _STORAGE, _ROOT = 2, 1, 5
MAX_ENTRIES = 100_000

WORKBOOK = "workbook"          # a BIFF workbook (.xls from Excel 97 on, .et from WPS)
ENCRYPTED = "encrypted"        # an .xlsx with an opening password (OOXML in an OLE container)
WORD = "word"                  # .doc, .wps (WPS 文字), or .dot
POWERPOINT = "powerpoint"
OTHER = "other"

_ADVICE_XLSX = "请“另存为”Excel工作簿（.xlsx）后再打开。"


def stream_names(data: bytes) -> set[str]:
    """Names of the streams and storages in an OLE2 compound file's directory (empty if none found)."""
    names: set[str] = set()
    found = 0
    for offset in range(512, len(data) - 127, 128):
        entry = data[offset:offset + 128]
        size = struct.unpack_from("<H", entry, 64)[0]
        kind = entry[66]
        if kind not in (_STREAM, _STORAGE, _ROOT) or not 2 <= size <= 64 or size % 2:
            continue
        raw = entry[:size - 2]
        if entry[size - 2:size] != b"\0\0":
            continue
        try:
            name = raw.decode("utf-16-le")
        except UnicodeDecodeError:
            continue
        if kind == _ROOT and name != "Root Entry":
            continue
        if not name or any(ord(ch) < 32 and ch not in "\x01\x05\x06" for ch in name):
            continue
        names.add(name)
        found += 1
        if found > MAX_ENTRIES:
            break
    return names


def classify_ole(data: bytes) -> str:
    """:data:`WORKBOOK`, :data:`ENCRYPTED`, :data:`WORD`, :data:`POWERPOINT` or :data:`OTHER`."""
    names = stream_names(data)
    if {"EncryptionInfo", "EncryptedPackage"} & names or (
            not names and ("EncryptionInfo".encode("utf-16-le") in data
                           or "EncryptedPackage".encode("utf-16-le") in data)):
        return ENCRYPTED
    if {"Workbook", "Book", "WORKBOOK", "BOOK"} & names:
        return WORKBOOK
    if "WordDocument" in names:
        return WORD
    if "PowerPoint Document" in names:
        return POWERPOINT
    return OTHER


def ole_message(kind: str, name: str) -> str:
    """The Chinese message for an OLE2 file that is not read as a workbook."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if kind == ENCRYPTED:
        return (f"工作簿设有打开密码（已加密），无法读取：{name}。"
                "请在Excel或WPS中输入密码打开，取消密码后“另存为”.xlsx再打开。")
    if kind == WORD:
        what = "WPS文字文档（.wps）" if suffix == "wps" else "旧版Word文档（.doc）"
        return (f"这是{what}，不是Excel工作簿，本程序不能直接读取：{name}。"
                "请在Word或WPS中打开，“另存为”Word文档（.docx）后再打开；"
                "如文档中是绩效目标表的表格，也可复制到Excel中“另存为”.xlsx后导入。")
    if kind == POWERPOINT:
        return f"这是PowerPoint演示文稿，不是Excel工作簿：{name}。"
    if suffix in ("xls", "et", "xlt", "ett"):
        return (f"文件已损坏，无法作为旧版Excel工作簿（.xls/.et）读取：{name}。"
                f"如能在Excel或WPS中打开，{_ADVICE_XLSX}")
    return (f"这是Office旧版格式的文件，但不是Excel工作簿（.xls/.et），或文件已损坏：{name}。"
            f"如能在Excel或WPS中打开，{_ADVICE_XLSX}")


def text_kind(head: bytes) -> str | None:
    """``"html"``, ``"xml"`` (an XML spreadsheet), ``"mht"`` (a web archive) for a text file a system
    exported as a ".xls"; None for other files."""
    start = head.lstrip(b"\xef\xbb\xbf\xff\xfe\r\n\t ")
    sample = start[:2048].replace(b"\0", b"").lower()
    if sample.startswith(b"mime-version:") or b"content-type: multipart/related" in sample:
        return "mht"
    if sample.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head.replace(b"\0", b""):
        return "xml"
    if sample.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<head", b"<body", b"<style")) or (
            sample.startswith(b"<") and b"<table" in sample):
        return "html"
    return None


def text_message(kind: str, name: str) -> str:
    what = {"html": "网页（HTML）格式的表格", "xml": "XML电子表格（Excel 2003 XML）",
            "mht": "单个网页文件（MHT）"}[kind]
    return (f"这个文件实际是{what}，不是Excel工作簿（很多系统导出的“.xls”是这种格式）：{name}。"
            "请在Excel或WPS中打开它，" + _ADVICE_XLSX)
