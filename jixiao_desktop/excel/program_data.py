"""The 填报程序数据 sheet: what the official layout cannot carry, so nothing is lost.

On export the workbook's main sheets are read back; every difference between
that reading and the document (fields with no place on paper such as 成本测算
and 出错说明, the exact text of an amount typed ``300万元``, …) becomes a row:
位置 | 栏目 | 类型 | 值 (JSON) | 校验. ``校验`` fingerprints what the main sheets
said at export time; on import a row applies only while the main sheets still
say that, so a bureau's later edits in the main sheets always win. The sheet is very hidden (Excel's
unhide does not list it): it is the program's, not the clerk's. For a template document it also names
the template (``template_id``, ``template_version``, ``template_text``).
"""

from __future__ import annotations

import copy
import hashlib
import json

from jixiao_desktop.excel.sheet_writer import clean
from jixiao_desktop.forms.locations import describe, parse
from jixiao_desktop.storage.docfile import MAX_DEPTH, nesting_depth

SHEET_NAME = "填报程序数据"
HEADER = ("位置", "栏目", "类型", "值", "校验")
NOTE = "本表由绩效目标表填报程序生成，保存正式表样中无处填写的内容，请勿修改。"
CHUNK = 30000
MISSING = object()
_REQUIRED = {"rule", "location"}


def fingerprint(value: object) -> str:
    if value is MISSING:
        return "-"
    data = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:12]


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def diff(orig: object, read: object, path: str = "") -> list[tuple[str, str, object, str]]:
    """Rows (path, type, value, check) that turn ``read`` into ``orig`` (both JSON data)."""
    out: list[tuple[str, str, object, str]] = []
    _diff(orig, read, path, out)
    return out


def _diff(orig, read, path, out) -> None:
    if isinstance(orig, dict):
        if read is MISSING and path and not path.endswith("]"):
            out.append((path, "值", {}, "-"))
        elif read is not MISSING and not isinstance(read, dict):
            out.append((path, "值", {}, fingerprint(read)))
            read = MISSING
        for key, value in orig.items():
            sub = read.get(key, MISSING) if isinstance(read, dict) else MISSING
            _diff(value, sub, _join(path, key), out)
    elif isinstance(orig, list):
        size = len(read) if isinstance(read, list) else MISSING
        if (size is MISSING and orig) or (size is not MISSING and size != len(orig)):
            out.append((path, "行数", len(orig), fingerprint(size)))
        for index, value in enumerate(orig):
            sub = read[index] if isinstance(read, list) and index < len(read) else MISSING
            _diff(value, sub, f"{path}[{index}]", out)
    elif read is MISSING:
        if orig not in ("", None) or path.rsplit(".", 1)[-1] in _REQUIRED:
            out.append((path, "值", orig, "-"))
    elif orig != read:
        out.append((path, "值", orig, fingerprint(read)))


def _lookup(root, path: str):
    node = root
    for name, index in parse(path):
        if not isinstance(node, dict) or name not in node:
            return MISSING
        node = node[name]
        if index is not None:
            if not isinstance(node, list) or index >= len(node):
                return MISSING
            node = node[index]
    return node


def _container(root, path: str):
    """(parent, key) where ``path``'s value lives, or None when the parent is missing."""
    steps = parse(path)
    node = root
    for position, (name, index) in enumerate(steps):
        last = position == len(steps) - 1
        if not isinstance(node, dict):
            return None
        if last and index is None:
            return node, name
        if name not in node:
            return None
        node = node[name]
        if index is not None:
            if not isinstance(node, list) or index >= len(node):
                return None
            if last:
                return node, index
            node = node[index]
    return None


def apply(doc: dict, rows: list[tuple[str, str, object, str]]) -> tuple[int, list[str]]:
    """Apply rows to ``doc`` (in place); returns (applied, paths skipped because edited)."""
    pristine = copy.deepcopy(doc)
    applied, skipped = 0, []
    for path, kind, value, check in rows:
        now = _lookup(pristine, path) if path else pristine
        if kind == "行数":
            now = len(now) if isinstance(now, list) else MISSING
        if fingerprint(now) != check:
            skipped.append(path)
            continue
        if kind == "行数":
            place = _container(doc, path)
            if place is None:
                skipped.append(path)
                continue
            parent, key = place
            current = parent.get(key) if isinstance(parent, dict) else parent[key]
            items = list(current) if isinstance(current, list) else []
            items = items[:value] + [{} for _ in range(value - len(items))]
            parent[key] = items
        else:
            place = _container(doc, path)
            if place is None:
                skipped.append(path)
                continue
            parent, key = place
            parent[key] = copy.deepcopy(value)
        applied += 1
    return applied, skipped


def write_sheet(wb, form, rows) -> None:
    """Add the 填报程序数据 sheet (only when there is something to keep)."""
    from openpyxl.styles import Alignment, Font

    if not rows:
        return
    ws = wb.create_sheet(SHEET_NAME)
    ws.sheet_state = "veryHidden"   # the program's own: not a sheet a clerk sees or edits by mistake
    ws.append([NOTE])
    ws.append(list(HEADER))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for path, kind, value, check in rows:
        data = json.dumps(value, ensure_ascii=False)
        label = clean(describe(form, path)) if path else "整张表"  # a row name may hold control characters
        chunks = [data[i:i + CHUNK] for i in range(0, len(data), CHUNK)] or [""]
        for index, chunk in enumerate(chunks):
            ws.append([path if index == 0 else "", label if index == 0 else "", kind if index == 0 else "续",
                       chunk, check if index == 0 else ""])
            for cell in ws[ws.max_row]:
                cell.data_type = "s"
    for column, width in zip("ABCDE", (34, 40, 8, 80, 14)):
        ws.column_dimensions[column].width = width
    for row in ws.iter_rows(min_row=3):
        row[3].alignment = Alignment(wrap_text=False)


def read_sheet(ws) -> tuple[list[tuple[str, str, object, str]], list[str]]:
    """Rows of a 填报程序数据 sheet; problems as Chinese messages."""
    rows: list[list] = []
    problems: list[str] = []
    for number, values in enumerate(ws.iter_rows(min_row=3, max_col=5, values_only=True), start=3):
        path, _label, kind, data, check = (list(values) + [None] * 5)[:5]
        if kind == "续" and rows:
            rows[-1][2] += "" if data is None else str(data)
            continue
        if kind not in ("值", "行数"):
            if any(v not in (None, "") for v in values):
                problems.append(f"{ws.title}第{number}行无法识别，已忽略")
            continue
        rows.append([str(path or ""), kind, "" if data is None else str(data), str(check or ""), number])
    out = []
    for path, kind, data, check, number in rows:
        try:
            value = json.loads(data)
            if path:
                parse(path)
            if nesting_depth(value) > MAX_DEPTH:   # no document nests so deep: damaged, and past Python's stack
                raise ValueError(path)
        except (ValueError, RecursionError):
            problems.append(f"{ws.title}第{number}行内容损坏，已忽略")
            continue
        out.append((path, kind, value, check))
    return out, problems
