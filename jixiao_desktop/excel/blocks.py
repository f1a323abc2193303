"""A workbook cut into blocks (the main form, 附表2, each 附表3) and the reading context.

Blocks follow the paper: a 附表 starts at its title (``附表3``, ``…支出方向绩效目标表``),
at its first label (``支出方向（子项）``) or at a sheet named after it, so 附表 on
separate sheets and 附表 stacked under the main form on one sheet both read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from jixiao_desktop.excel.cells import norm, split_unit
from jixiao_desktop.excel.grid import Sheet
from jixiao_desktop.excel.report import ImportReport
from jixiao_desktop.money import AmountUnit

MAIN, FB2, FB3 = "main", "fb2", "fb3"

_YEAR_ROW_RE = re.compile(r"^\((.*)年度\)$")
_TITLE_YEAR_RE = re.compile(r"^(\d{4})年(?:度)?")
_YEAR_RAW_RE = re.compile(r"^\s*[（(]\s*(.*?)\s*年度\s*[）)]\s*$", re.DOTALL)
_UNIT_RE = re.compile(r"(?:金额)?单位[:：]\s*(万元|元)")


@dataclass
class Block:
    kind: str
    rows: list[tuple[Sheet, int]] = field(default_factory=list)

    def cells(self) -> Iterator[tuple[Sheet, int, int]]:
        """Every non-empty own cell, row by row."""
        for sheet, r in self.rows:
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                if cell is not None and cell.raw is not None and (r, c) not in sheet.parent:
                    yield sheet, r, c


def _marker(sheet: Sheet, r: int) -> str | None:
    texts = [norm(sheet.text(r, c)) for c in range(sheet.ncols)]
    for t in texts:
        if t.startswith("附表3") or ("支出方向" in t and t.endswith("绩效目标表")):
            return "t" + FB3
        if t.startswith("附表2") or t.endswith("绩效目标汇总表"):
            return "t" + FB2
    for t in texts:
        if t.startswith("支出方向(子项)"):
            return "c" + FB3
    if {"序号", "名称"} <= set(texts) and "金额" in texts:
        return "c" + FB2
    return None


def split_blocks(sheets: list[Sheet]) -> list[Block]:
    blocks = [Block(MAIN)]
    has_core = False
    for sheet in sheets:
        name = norm(sheet.name)
        sheet_kind = FB3 if "附表3" in name else FB2 if "附表2" in name else None
        if sheet_kind and not (blocks[-1].kind == sheet_kind and not has_core and not blocks[-1].rows):
            blocks.append(Block(sheet_kind))
            has_core = False
        for r in range(sheet.nrows):
            marker = _marker(sheet, r)
            if marker is not None:
                kind = marker[1:]
                current = blocks[-1]
                if marker[0] == "t":
                    if current.kind != kind or has_core:
                        blocks.append(Block(kind))
                        has_core = False
                elif current.kind != kind or has_core:
                    blocks.append(Block(kind))
                    has_core = True
                else:
                    has_core = True
            blocks[-1].rows.append((sheet, r))
    return [b for b in blocks if b.rows or b.kind == MAIN]


@dataclass
class Context:
    """What readers share: the report, the form's unit, the year seen in titles."""

    report: ImportReport
    unit: AmountUnit | None = None
    unit_where: str = ""
    year: str | None = None

    def take(self, sheet: Sheet, r: int, c: int, field_label: str, *, amount: bool = False) -> str:
        """Read a cell into a field: mark it used, note it in the report."""
        notes: list[str] = []
        unit = (self.unit or AmountUnit.YUAN) if amount else None
        text = sheet.text(r, c, unit, notes)
        sheet.consumed.add((r, c))
        where = sheet.coord(r, c)
        self.report.add_read(where, field_label, text)
        for note in notes:
            self.report.add_guess(where, f"{field_label}：{note}", text)
        return text

    def note_unit(self, unit: AmountUnit, where: str) -> None:
        if self.unit is None:
            self.unit, self.unit_where = unit, where

    def titles(self, block: Block) -> None:
        """Consume titles, 附表 marks, 年度 rows and 金额单位 notes; learn year and unit."""
        for sheet, r, c in block.cells():
            raw = sheet.text(r, c)
            t = norm(raw)
            unit_match = _UNIT_RE.search(t) if "单位" in t and len(t) <= 12 else None
            if unit_match and not t.startswith("填报单位"):
                self.note_unit(AmountUnit(unit_match[1]), sheet.coord(r, c))
                sheet.consumed.add((r, c))
                continue
            if len(t) < 24 and t.endswith(("(元)", "(万元)")) and t not in ("(元)", "(万元)"):
                self.note_unit(split_unit(t)[1], sheet.coord(r, c))
            if t in ("(元)", "(万元)"):
                self.note_unit(split_unit(t)[1], sheet.coord(r, c))
                sheet.consumed.add((r, c))
                continue
            year_row = _YEAR_RAW_RE.match(raw)
            if year_row and _YEAR_ROW_RE.match(t):
                self._year(year_row[1], sheet, r, c)
                continue
            if t in ("附表2", "附表3") or (("绩效目标" in t) and t.endswith(("表", "(样表)"))) and len(t) < 40:
                sheet.consumed.add((r, c))
                match = _TITLE_YEAR_RE.match(t)
                if match and self.year is None:
                    self.year = match[1]
                    self.report.add_read(sheet.coord(r, c), "年度（表名中）", match[1])

    def _year(self, text: str, sheet: Sheet, r: int, c: int) -> None:
        sheet.consumed.add((r, c))
        if self.year is None or self.year == "":
            self.year = text
            self.report.add_read(sheet.coord(r, c), "年度", text)


def value_right(sheet: Sheet, r: int, c: int, labels: set[str]) -> tuple[int, int] | None:
    """The value cell right of a label: the first non-empty cell, unless that is a label."""
    r0, c0 = sheet.top_left(r, c)
    _, c_end = sheet.spans.get((r0, c0), (r0, c0))
    for cc in range(max(c, c_end) + 1, sheet.ncols):
        if (r, cc) in sheet.parent:
            continue
        text = sheet.text(r, cc)
        if not text:
            continue
        if (r, cc) in sheet.consumed:
            return None
        base, _ = split_unit(norm(text))
        if base in labels:
            return None
        return r, cc
    return None


def scan_labels(
    ctx: Context,
    block: Block,
    labels: dict[str, str],
    titles: dict[str, str],
    setter: Callable[[str, str], None],
    amount_keys: set[str] = frozenset(),
    *,
    rows: set[tuple[str, int]] | None = None,
) -> set[str]:
    """Fill fields whose label stands left of their value; returns the keys found."""
    found: set[str] = set()
    label_set = set(labels)
    for sheet, r, c in block.cells():
        if (r, c) in sheet.consumed or (rows is not None and (sheet.name, r) not in rows):
            continue
        base, unit = split_unit(norm(sheet.text(r, c)))
        key = labels.get(base)
        if key is None:
            continue
        if key in found:
            ctx.report.add_unrecognised(sheet.coord(r, c), sheet.text(r, c), "栏目重复出现，只读入第一处")
            continue
        sheet.consumed.add((r, c))
        if unit is not None:
            ctx.note_unit(unit, sheet.coord(r, c))
        found.add(key)
        pos = value_right(sheet, r, c, label_set)
        if pos is None:
            setter(key, "")
            continue
        setter(key, ctx.take(sheet, pos[0], pos[1], titles[key], amount=key in amount_keys))
    return found


def scan_inline(
    ctx: Context,
    block: Block,
    labels: dict[str, str],
    titles: dict[str, str],
    setter: Callable[[str, str], None],
    amount_keys: set[str] = frozenset(),
) -> set[str]:
    """Fill fields written ``标签：值`` in one cell (several pairs per cell allowed)."""
    names = sorted(labels, key=len, reverse=True)
    pattern = re.compile("(" + "|".join(re.escape(n) for n in names) + r")\s*[：:]")
    found: set[str] = set()
    for sheet, r, c in block.cells():
        if (r, c) in sheet.consumed:
            continue
        raw = sheet.text(r, c)
        if "：" not in raw and ":" not in raw:
            continue
        matches = list(pattern.finditer(raw))
        if not matches or raw[: matches[0].start()].strip():
            continue
        sheet.consumed.add((r, c))
        if len(matches) == 1 and not raw[matches[0].end():].strip():
            key = labels[matches[0][1]]  # ``标签：`` with its value in the next cell
            if key in found:
                continue
            found.add(key)
            pos = value_right(sheet, r, c, set())
            if pos is not None and pattern.match(sheet.text(*pos).lstrip()):
                pos = None
            setter(key, ctx.take(sheet, *pos, titles[key], amount=key in amount_keys) if pos else "")
            continue
        for index, match in enumerate(matches):
            end = matches[index + 1].start() if index + 1 < len(matches) else len(raw)
            value = raw[match.end():end].strip()
            key = labels[match[1]]
            if key in amount_keys:
                value = value.strip()
            if key in found:
                ctx.report.add_unrecognised(sheet.coord(r, c), match[0] + value, "栏目重复出现，只读入第一处")
                continue
            found.add(key)
            ctx.report.add_read(sheet.coord(r, c), titles[key], value)
            setter(key, value)
    return found


def leftovers(ctx: Context, blocks: list[Block]) -> None:
    """Report every non-empty cell no reader used."""
    for block in blocks:
        for sheet, r, c in block.cells():
            if (r, c) not in sheet.consumed and sheet.text(r, c).strip():
                ctx.report.add_unrecognised(sheet.coord(r, c), sheet.text(r, c))
