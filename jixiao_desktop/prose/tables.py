"""Tables pasted into a 测算说明 as text: a header line, rows, and a 合计/小计/总计 line.

Clerks paste a table from Excel into the text box; its cells arrive separated by tabs, ``|`` or blanks:

    类别	场次	每场补助（万元）	金额（万元）
    专业院团公益演出	60	3	180
    总计	228		358

Its cells are often bare numbers whose unit only the header names (（万元）, (元)), so the prose reader,
which reads amounts by the units written beside them, cannot read it. This module reads such a table by
its columns: the amount column is the last one (its unit from its header, else from its cells, else the
form's unit); the total line's amount is checked against the sum of the rows' amounts, and each row's
amount against the product of its quantity and price columns where the header names a price (单价, 标准,
补助, 价) and every number of the row is plain (no 元/人·月 standard, whose months the row does not say).
The table's lines are then blanked for the prose reader (offsets kept), which reads the text around it.

Reading is one pass over the lines, linear in the text's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao_desktop.money import AmountUnit, format_with_unit, read_decimal, round_fen
from jixiao_desktop.prose.lexer import MONEY, Lexed
from jixiao_desktop.prose.steps import Reading, Step
from jixiao_desktop.prose.words import _num

_TOTAL_RE = re.compile(r"^(?:合\s*计|小\s*计|总\s*计|共\s*计)$")
_CELL_RE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)?\s*([^\d\s/·.]{0,3})$")
_PRICE_RE = re.compile(r"单价|标准|补助|价格|价")
_QUANTITY_RE = re.compile(r"数量|人数|户数|个数|场次|次数|里程|面积|月数|天数|年数|容量|规模|[数量]$")
_SKIP_RE = re.compile(r"规格|型号|备注|说明|编号|序号|品牌|参数")
_UNIT_RE = re.compile(r"[（(]\s*(亿元|万元|元)")
_FACTORS = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}


@dataclass(frozen=True, slots=True)
class TableReading:
    steps: tuple[Step, ...]
    masked: str                      # the text with the tables' lines blanked (same length)
    total: tuple[Decimal, str] | None   # the last table's total (元) and how it reads
    end: int                         # where the last table ends


def with_tables(reading: Reading, tables: TableReading, lexed: Lexed) -> Reading:
    """The prose reader's reading of the text around the tables (``lexed``, of the masked text) with the tables'
    steps; the last table's total is the bottom line unless an amount is written after it."""
    reading.steps.extend(tables.steps)
    if tables.total is not None and (reading.bottom_line is None or not any(
            t.kind == MONEY and t.start >= tables.end for t in lexed.tokens)):
        reading.bottom_line, reading.derivation = tables.total
        reading.uncertain = False
    return reading


def _cells(line: str) -> list[str]:
    if "\t" in line:
        return [c.strip() for c in line.strip(" \u3000").split("\t")]
    if "|" in line or "｜" in line:
        return [c.strip() for c in re.split(r"[|｜]", line.strip().strip("|｜"))]
    return line.split()


def _number(cell: str) -> tuple[Decimal, str | None] | None:
    found = _CELL_RE.match(cell.replace(" ", ""))
    if found is None:
        return None
    value = read_decimal(found[1].replace(",", ""))
    return (value, found[2]) if value is not None else None


def _header_unit(cell: str) -> str | None:
    found = _UNIT_RE.search(cell)
    return found[1] if found else None


def _is_header(cells: list[str]) -> bool:
    return len(cells) >= 3 and all(cells) and not any(ch.isdigit() for c in cells for ch in c)


def read_tables(text: str, unit: AmountUnit = AmountUnit.YUAN) -> TableReading | None:
    """The pasted tables of ``text`` (None if it has none): their steps, and the text without them."""
    if "\n" not in text:
        return None
    lines, position = [], 0
    for line in text.split("\n"):
        lines.append((position, line))
        position += len(line) + 1
    steps: list[Step] = []
    spans: list[tuple[int, int]] = []
    total: tuple[Decimal, str] | None = None
    end = 0
    i = 0
    while i < len(lines):
        header = _cells(lines[i][1])
        if not _is_header(header):
            i += 1
            continue
        found = _read_table(lines, i, header, unit)
        if found is None:
            i += 1
            continue
        last, table_steps, table_total = found
        steps += table_steps
        spans.append((lines[i][0], lines[last][0] + len(lines[last][1])))
        total, end = table_total, spans[-1][1]
        i = last + 1
    if not spans:
        return None
    masked = list(text)
    for a, b in spans:
        masked[a:b] = [" " if c != "\n" else c for c in text[a:b]]
    return TableReading(tuple(steps), "".join(masked), total, end)


def _read_table(lines, first: int, header: list[str], unit: AmountUnit):
    """The table whose header is line ``first``: (its last line, its steps, its total) or None."""
    numbered = len(header) >= 4 and _SKIP_RE.search(header[0]) is not None   # 序号|内容|…: its numbers count nothing
    if numbered:
        header = header[1:]
    n = len(header)
    amount_unit = _header_unit(header[-1])
    rows: list[tuple[int, list[str]]] = []
    k = first + 1
    while k < len(lines):
        cells = _cells(lines[k][1])
        if numbered and len(cells) == n + 1:
            cells = cells[1:]
        if cells and _TOTAL_RE.match(cells[0]):
            break
        if len(cells) != n or _number(cells[-1]) is None or _number(cells[0]) is not None:
            return None
        rows.append((k, cells))
        k += 1
    if k >= len(lines) or len(rows) < 2:
        return None
    total_cells = _cells(lines[k][1])
    if numbered and len(total_cells) == n + 1:
        total_cells = total_cells[1:]
    total_cell = total_cells[-1] if len(total_cells) != n else total_cells[n - 1]
    stated = _number(total_cell)
    if stated is None:
        return None
    cell_units = {_number(cells[-1])[1] for _, cells in rows} | {stated[1]}
    default = amount_unit or next((u for u in cell_units if u), None) or unit.value

    def money(value: tuple[Decimal, str | None], column_unit: str | None = None) -> Decimal:
        return value[0] * _FACTORS[value[1] or column_unit or default]

    steps: list[Step] = []
    amounts = []
    for k_row, cells in rows:
        amount = _number(cells[-1])
        amounts.append((money(amount, amount_unit), cells[-1]))
        step = _row_step(header, cells, amount, amount_unit, default, unit, lines[k_row][0] + lines[k_row][1].rfind(cells[-1]))
        if step is not None:
            steps.append(step)
    computed = round_fen(sum((a for a, _ in amounts), Decimal(0)))
    stated_value = money(stated, amount_unit)
    words = "＋".join(format_with_unit(a, unit) for a, _ in amounts)
    start = lines[k][0] + lines[k][1].rfind(total_cell)
    tolerance = _tolerance(total_cell, stated[1] or amount_unit or default)
    steps.append(Step("sum", f"表中各行金额{words}＝{format_with_unit(computed, unit)}", computed, stated_value,
                      False, tolerance, start, start + len(total_cell)))
    return k, steps, (stated_value, f"{total_cells[0]}{format_with_unit(stated_value, unit)}")


def _row_step(header, cells, amount, amount_unit, default, unit: AmountUnit, start: int) -> Step | None:
    """A row's amount against the product of its quantity and price columns (None where the row does not say)."""
    if any("/" in c or "·" in c for c in cells):
        return None
    price, factors, words = None, [], []
    for name, cell in zip(header[1:-1], cells[1:-1], strict=False):
        if _SKIP_RE.search(name) or not cell or cell in ("—", "-", "/"):
            continue
        value = _number(cell)
        if value is None:
            return None
        if _PRICE_RE.search(name) and price is None:
            price = value[0] * _FACTORS[value[1] or _header_unit(name) or default]
            words.append(format_with_unit(price, AmountUnit.YUAN))
        elif _QUANTITY_RE.search(name) and value[1] is None:
            factors.append(value[0])
            words.insert(0, _num(value[0]))
        else:
            return None
    if price is None or not factors:
        return None
    computed = price
    for f in factors:
        computed *= f
    computed = round_fen(computed)
    stated = amount[0] * _FACTORS[amount[1] or amount_unit or default]
    return Step("product", f"{cells[0]}：{'×'.join(words)}＝{format_with_unit(computed, unit)}", computed, stated, False,
                _tolerance(cells[-1], amount[1] or amount_unit or default), start, start + len(cells[-1]))


def _tolerance(cell: str, unit: str) -> Decimal:
    digits = cell.replace(",", "").partition(".")[2]
    decimals = len(re.match(r"\d*", digits)[0])
    if decimals:
        return max(Decimal(1).scaleb(-decimals) * _FACTORS[unit] / 2, Decimal("0.005"))
    return Decimal("0.5") if unit == "元" else Decimal(0)
