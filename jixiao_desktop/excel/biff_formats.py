"""The number formats of an old (.xls / .et) workbook's number cells, read from its BIFF8 records.

calamine gives an old workbook's values (and turns date-formatted numbers into dates) but not the
number formats; yet a clerk who typed ``95%`` in Excel left 0.95 in a ``0%`` cell, and an amount typed
``160.00`` is 160 in a ``0.00`` cell. So the few records that say a number cell's format are read
here: the workbook's FORMAT and XF records, and each sheet's NUMBER / RK / MULRK / FORMULA records.

Best effort and bounded: every offset is checked, every chain is cut at the file's size, and a
damaged file gives no formats (its values are still read by calamine), never an error.
"""

from __future__ import annotations

import struct

from jixiao_desktop.excel.old_formats import OLE_MAGIC

_END = 0xFFFFFFFA  # sector numbers from here on are markers (end of chain, free, FAT, DIFAT)
_BUILTIN = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 37: "#,##0 ;(#,##0)",
            38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 49: "@"}
_BOF, _EOF, _FORMAT, _XF, _BOUNDSHEET = 0x0809, 0x000A, 0x041E, 0x00E0, 0x0085
_NUMBER, _RK, _MULRK, _FORMULA = 0x0203, 0x027E, 0x00BD, 0x0006
_FILEPASS = 0x002F
_LABELSST, _LABEL, _BOOLERR, _BLANK, _MULBLANK, _RSTRING, _STRING = 0x00FD, 0x0204, 0x0205, 0x0201, 0x00BE, 0x00D6, 0x0207
_CELLS = {_NUMBER, _RK, _MULRK, _FORMULA, _LABELSST, _LABEL, _BOOLERR, _BLANK, _MULBLANK, _RSTRING}
_IGNORED = 0x0F0F  # no BIFF record has this type: a reader skips it


def capped(data: bytes, max_rows: int, max_cols: int) -> tuple[bytes, dict[str, int]]:
    """``data`` with each sheet's cell records beyond the reading cap turned into records a reader
    skips, and how many filled cells each sheet had there.

    calamine holds a sheet as a dense grid from its first to its last cell: one stray cell at IV65536
    would cost a gigabyte. The records keep their length, so no offset in the file changes.
    """
    try:
        located = _locate(data)
        if not located:
            return data, {}
        stream, where = located
        buffer, cut = bytearray(data), {}
        for name, start in _globals(stream)[2]:
            dropped = False
            for kind, body, pos in _sheet_records(stream, start):
                if kind == _STRING and dropped:
                    _retype(buffer, where, pos)
                dropped = False
                if kind in _CELLS and len(body) >= 4:
                    row, col = struct.unpack_from("<HH", body)
                    if row >= max_rows or col >= max_cols:
                        _retype(buffer, where, pos)
                        dropped = kind == _FORMULA
                        if kind == _MULRK:
                            cut[name] = cut.get(name, 0) + max(0, (len(body) - 6) // 6)
                        elif kind not in (_BLANK, _MULBLANK):
                            cut[name] = cut.get(name, 0) + 1
        return bytes(buffer), cut
    except (struct.error, IndexError, ValueError, UnicodeDecodeError):
        return data, {}


def _retype(buffer: bytearray, where, pos: int) -> None:
    for index, byte in enumerate(struct.pack("<H", _IGNORED)):
        buffer[where(pos + index)] = byte


def is_encrypted(data: bytes) -> bool:
    """Whether the workbook's globals carry a FILEPASS record (it was saved with an opening password)."""
    try:
        stream = workbook_stream(data)
        if not stream:
            return False
        for kind, _body, _ in _records(stream, 0):
            if kind == _FILEPASS:
                return True
            if kind == _EOF:
                return False
    except (struct.error, IndexError, ValueError):
        return False
    return False


def number_formats(data: bytes) -> dict[str, dict[tuple[int, int], str]]:
    """{sheet name: {(row, col) 0-based: format}} for number cells whose format is not General."""
    try:
        stream = workbook_stream(data)
        return _formats(stream) if stream else {}
    except (struct.error, IndexError, ValueError, UnicodeDecodeError, KeyError):
        return {}


def workbook_stream(data: bytes) -> bytes | None:
    """The ``Workbook`` (or ``Book``) stream of an OLE2 compound file, or None."""
    located = _locate(data)
    return located[0] if located else None


def _locate(data: bytes):
    """(the workbook stream, a function from a position in it to that byte's offset in ``data``), or None."""
    if len(data) < 512 or not data.startswith(OLE_MAGIC):
        return None
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        return None
    size = 1 << shift
    nsectors = max(0, len(data) // size - 1)
    (nfat, dir_start, _, cutoff, minifat_start, nminifat, difat_start, ndifat) = struct.unpack_from(
        "<IIIIIIII", data, 0x2C)

    def sector(number: int) -> bytes:
        return data[(number + 1) * size:(number + 2) * size]

    def table(numbers) -> list[int]:
        out: list[int] = []
        for number in numbers:
            if number < nsectors:
                out += struct.unpack(f"<{size // 4}I", sector(number))
        return out

    difat = list(struct.unpack_from("<109I", data, 0x4C))
    at, seen = difat_start, set()
    while at < min(_END, nsectors) and at not in seen and len(seen) < ndifat:
        seen.add(at)
        values = struct.unpack(f"<{size // 4}I", sector(at))
        difat += values[:-1]
        at = values[-1]
    fat = table(difat[:nfat])

    def chain(start: int, links: list[int], limit: int) -> list[int]:
        out, at = [], start
        while at < len(links) and at < limit and len(out) < len(links):
            out.append(at)
            at = links[at]
        return out

    directory = b"".join(sector(n) for n in chain(dir_start, fat, nsectors))
    entries = [directory[i:i + 128] for i in range(0, len(directory) - 127, 128)]
    if not entries:
        return None
    root_start, root_size = struct.unpack_from("<II", entries[0], 116)
    for entry in entries:
        length = struct.unpack_from("<H", entry, 64)[0]
        if entry[66] != 2 or not 2 <= length <= 64:
            continue
        if entry[:length - 2].decode("utf-16-le", "replace") not in ("Workbook", "Book"):
            continue
        start, stream_size = struct.unpack_from("<II", entry, 116)
        if stream_size >= cutoff:
            sectors = chain(start, fat, nsectors)
            stream = b"".join(sector(n) for n in sectors)[:stream_size]
            return stream, lambda pos: (sectors[pos // size] + 1) * size + pos % size
        roots = chain(root_start, fat, nsectors)
        mini = b"".join(sector(n) for n in roots)[:root_size]
        minis = chain(start, table(chain(minifat_start, fat, nsectors)[:nminifat]), len(mini) // 64)
        stream = b"".join(mini[n * 64:(n + 1) * 64] for n in minis)[:stream_size]

        def where(pos: int) -> int:
            inside = minis[pos // 64] * 64 + pos % 64
            return (roots[inside // size] + 1) * size + inside % size

        return stream, where
    return None


def _records(stream: bytes, pos: int):
    """(type, body, offset) of the records from ``pos`` on."""
    while pos + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, pos)
        yield kind, stream[pos + 4:pos + 4 + length], pos
        pos += 4 + length


def _sheet_records(stream: bytes, start: int):
    """The records of the sheet whose BOF is at ``start``, its own level only (a chart's or another nested
    substream's records, and the BOF/EOF marks, left out), up to the sheet's EOF."""
    depth = 0
    for kind, body, pos in _records(stream, start):
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                return
        elif depth == 1:
            yield kind, body, pos


def _string(body: bytes, at: int, count_size: int) -> str:
    """An XLUnicodeString (count of ``count_size`` bytes, flags, characters) at ``at``."""
    count = body[at] if count_size == 1 else struct.unpack_from("<H", body, at)[0]
    flags = body[at + count_size]
    at += count_size + 1
    if flags & 0x08:
        at += 2
    if flags & 0x04:
        at += 4
    if flags & 0x01:
        return body[at:at + 2 * count].decode("utf-16-le", "replace")
    return body[at:at + count].decode("latin-1")


def _globals(stream: bytes):
    """(number formats by index, each XF's format index, [(sheet name, offset of its BOF)])."""
    formats = dict(_BUILTIN)
    xfs: list[int] = []
    sheets: list[tuple[str, int]] = []
    for kind, body, _ in _records(stream, 0):
        if kind == _FORMAT and len(body) >= 5:
            formats[struct.unpack_from("<H", body)[0]] = _string(body, 2, 2)
        elif kind == _XF and len(body) >= 4:
            xfs.append(struct.unpack_from("<H", body, 2)[0])
        elif kind == _BOUNDSHEET and len(body) >= 8:
            sheets.append((_string(body, 6, 1), struct.unpack_from("<I", body)[0]))
        elif kind == _EOF:
            break
    return formats, xfs, sheets


def _formats(stream: bytes) -> dict[str, dict[tuple[int, int], str]]:
    formats, xfs, sheets = _globals(stream)
    style = {i: formats[f] for i, f in enumerate(xfs) if f in formats and f != 0}
    out: dict[str, dict[tuple[int, int], str]] = {}
    for name, start in sheets:
        cells: dict[tuple[int, int], str] = {}
        for kind, body, _ in _sheet_records(stream, start):
            if kind in (_NUMBER, _RK, _FORMULA) and len(body) >= 6:
                row, col, xf = struct.unpack_from("<HHH", body)
                if xf in style:
                    cells[(row, col)] = style[xf]
            elif kind == _MULRK and len(body) >= 6:
                row, first = struct.unpack_from("<HH", body)
                for index in range((len(body) - 6) // 6):
                    xf = struct.unpack_from("<H", body, 4 + 6 * index)[0]
                    if xf in style:
                        cells[(row, first + index)] = style[xf]
        if cells:
            out[name] = cells
    return out
