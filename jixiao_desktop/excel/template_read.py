"""A workbook read by the labels a template declares → a document of that template.

Tables first (each found by its header row, read until the next label of the form or a 合计 row, a
merged 一级/二级 filled downwards), then header fields (the cell right of the label, else below it, or
``标签：值`` in one cell), then the titles and headings; whatever is left is reported as not
understood, naming sheet and cell. Each child form is read from a sheet of its own (named after the
child form, or titled with its label). The labels may differ from the template's in the ways
:mod:`.template_labels` folds.
"""

from __future__ import annotations

import math
import re

from jixiao_desktop.excel.blocks import Context
from jixiao_desktop.excel.grid import Sheet
from jixiao_desktop.excel.report import ImportReport
from jixiao_desktop.excel.template_indicators import read_indicator_table
from jixiao_desktop.excel.template_labels import TOTAL_WORDS, INDICATOR_HEADS, LabelIndex, form_labels, key
from jixiao_desktop.forms.template_form import Part, TemplateForm
from jixiao_desktop.money import AmountUnit
from jixiao_desktop.templates.document import new_document
from jixiao_desktop.templates.schema import AmountTable, ChildForms, FieldsSection, IndicatorTable, SignOffSection

_YEAR_RE = re.compile(r"^\s*[（(]\s*(.*?)\s*年度\s*[）)]\s*$", re.DOTALL)
_UNIT_RE = re.compile(r"^(?:金额)?单位:(万元|元)$")
_NOTE_RE = re.compile(r"^\(.*第\d+[行张].*\)$")
_FILLER = "填报单位(盖章)"


class PartReader:
    """One form (the document's own part or one child form) read from its sheets."""

    def __init__(self, ctx: Context, sheets: list[Sheet], sections, extra_labels: list[str]):
        self.ctx = ctx
        self.sheets = sheets
        self.sections = sections
        self.rows = [(sheet, r) for sheet in sheets for r in range(sheet.nrows)]
        self.claimed: set[tuple[str, int]] = set()
        self.cursor = 0
        labels = form_labels(sections) + extra_labels + [h for heads in INDICATOR_HEADS.values() for h in heads]
        self.labels = LabelIndex({label: label for label in labels + list(TOTAL_WORDS)})

    # -- shared helpers ----------------------------------------------------------------------

    def cells(self):
        """Every filled own (top-left) cell of the part, row by row."""
        for sheet, r in self.rows:
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                if cell is not None and cell.raw is not None and (r, c) not in sheet.parent:
                    yield sheet, r, c

    def is_stop(self, sheet: Sheet, r: int, own: LabelIndex, skip: frozenset[int] = frozenset()) -> bool:
        """A row holding a label of the form that is not one of the table's own: the table has ended. Cells of
        the ``skip`` columns (an indicator table's 一级/二级 headings, which may name a summary table's rows) are
        the table's own text."""
        for c in range(sheet.ncols):
            if (r, c) in sheet.parent or c in skip:
                continue
            text = sheet.text(r, c)
            if text and text.strip() and self.labels.find(text) is not None and own.find(text) is None:
                return True
        return False

    def search(self):
        """Row positions from the cursor on, then the ones before it (a table printed out of order)."""
        order = list(range(self.cursor, len(self.rows))) + list(range(0, self.cursor))
        return [p for p in order if (self.rows[p][0].name, self.rows[p][1]) not in self.claimed]

    def claim(self, position: int) -> None:
        sheet, r = self.rows[position]
        self.claimed.add((sheet.name, r))

    # -- the part ----------------------------------------------------------------------------

    def read(self, part: Part) -> None:
        for section in self.sections:
            if isinstance(section, AmountTable):
                self.amount_table(section, part)
            elif isinstance(section, IndicatorTable):
                part.tables[section.id] = read_indicator_table(self, section)
        self.fields(part)
        self.headings()

    def fields(self, part: Part) -> None:
        specs = [f for s in self.sections if isinstance(s, (FieldsSection, SignOffSection)) for f in s.field]
        index = LabelIndex({f.label: f for f in specs})
        patterns = [(f, _inline_pattern(f.label)) for f in specs]
        found: set[str] = set()
        for sheet, r, c in list(self.cells()):
            if (r, c) in sheet.consumed:
                continue
            text = sheet.text(r, c)
            spec = index.find(text)
            if spec is not None:
                if spec.id in found:
                    self.ctx.report.add_unrecognised(sheet.coord(r, c), text, "栏目重复出现，只读入第一处")
                    sheet.consumed.add((r, c))
                    continue
                found.add(spec.id)
                sheet.consumed.add((r, c))
                pos = self.value_of(sheet, r, c)
                part.fields[spec.id] = self.ctx.take(sheet, *pos, spec.label, amount=spec.type == "amount") if pos else ""
                continue
            for spec, pattern in patterns:
                match = pattern.match(text) if spec.id not in found else None
                if match:
                    found.add(spec.id)
                    sheet.consumed.add((r, c))
                    value = text[match.end():].strip()
                    self.ctx.report.add_read(sheet.coord(r, c), spec.label, value)
                    part.fields[spec.id] = value
                    break
        for spec in specs:
            if spec.id not in found:
                self.ctx.report.add_missing(f"{self.where()}栏目“{spec.label}”")

    def where(self) -> str:
        return "、".join(f"工作表“{s.name}”" for s in self.sheets) + "中的" if self.sheets else ""

    def value_of(self, sheet: Sheet, r: int, c: int) -> tuple[int, int] | None:
        """The value cell of a label: right of it, else (when the right is empty) below it."""
        bottom, end = sheet.spans.get((r, c), (r, c))
        if end + 1 < sheet.ncols:
            right = sheet.top_left(r, end + 1)
            if right[0] == r and self._value_text(sheet, *right):
                return None if self.is_label(sheet.text(*right)) else right
        below = sheet.top_left(bottom + 1, c)
        if below[0] == bottom + 1 and below[1] == c and self._value_text(sheet, *below) \
                and not self.is_label(sheet.text(*below)):
            return below
        return None

    def is_label(self, text: str) -> bool:
        """A label of the form, alone or as ``标签：值``."""
        k = key(text)
        return self.labels.find(text) is not None or (":" in k and self.labels.find(k.split(":", 1)[0]) is not None)

    @staticmethod
    def _value_text(sheet: Sheet, r: int, c: int) -> bool:
        return bool(sheet.text(r, c)) and (r, c) not in sheet.consumed

    def headings(self) -> None:
        """Section titles, table labels and other words of the form's own that stand alone: read, not data."""
        for sheet, r, c in self.cells():
            if (r, c) not in sheet.consumed and self.labels.find(sheet.text(r, c)) is not None:
                sheet.consumed.add((r, c))

    # -- amount tables -----------------------------------------------------------------------

    def amount_table(self, table: AmountTable, part: Part) -> None:
        own = LabelIndex({c.label: c.id for c in table.columns} | {r.label: r.id for r in table.rows}
                         | {table.label: "", table.total_row or "合计": ""})
        columns = LabelIndex({c.label: c.id for c in table.columns})
        need = len(table.columns) if len(table.columns) <= 2 else max(2, math.ceil(0.6 * len(table.columns)))
        for position in self.search():
            sheet, h = self.rows[position]
            cols = _header(sheet, h, columns)
            if len(cols) >= need:
                break
        else:
            self.ctx.report.add_missing(f"{self.where()}表格“{table.label}”（未找到其表头：{'、'.join(c.label for c in table.columns)}）")
            return
        self.claim(position)
        for c in cols.values():
            sheet.consumed.add(sheet.top_left(h, c))
        for c in range(sheet.ncols):
            if (h, c) not in sheet.parent and own.find(sheet.text(h, c)) is not None:
                sheet.consumed.add((h, c))
        missing = [c.label for c in table.columns if c.id not in cols]
        if missing:
            self.ctx.report.add_missing(f"{self.where()}表格“{table.label}”的列：{'、'.join(missing)}")
        if table.rows:
            end = self._fixed_rows(table, part, position, sheet, cols, own)
        else:
            part.tables[table.id], end = self._growable(table, position, sheet, cols, own)
        self.cursor = end

    def _cell(self, sheet: Sheet, r: int, c: int, label: str, column) -> str:
        if (r, c) in sheet.parent or not sheet.text(r, c):
            return ""
        return self.ctx.take(sheet, r, c, label, amount=column.type == "amount")

    def _fixed_rows(self, table: AmountTable, part: Part, position: int, sheet: Sheet, cols, own) -> int:
        row_index = LabelIndex({r.label: r for r in table.rows})
        rows = part.tables.setdefault(table.id, [])
        found: set[str] = set()
        data_cols = set(cols.values())
        pos = position + 1
        while pos < len(self.rows) and self.rows[pos][0] is sheet and len(found) < len(table.rows):
            _, r = self.rows[pos]
            spec = None
            for c in range(sheet.ncols):
                if c not in data_cols and (r, c) not in sheet.parent and (hit := row_index.find(sheet.text(r, c))):
                    if hit.id not in found:
                        spec, label_cell = hit, (r, c)
                        break
            if spec is None:
                if any(sheet.text(r, c) for c in range(sheet.ncols)) or self.is_stop(sheet, r, own):
                    break
                pos += 1
                continue
            found.add(spec.id)
            self.claim(pos)
            sheet.consumed.add(label_cell)
            target = next((row for row in rows if row.get("_row") == spec.id), None)
            if target is None:
                target = {"_row": spec.id}
                rows.append(target)
            for column in table.columns:
                if column.id in cols:
                    target[column.id] = self._cell(sheet, r, cols[column.id], f"{table.label}：{spec.label}{column.label}",
                                                   column)
            pos += 1
        for spec in table.rows:
            if spec.id not in found:
                self.ctx.report.add_missing(f"{self.where()}表格“{table.label}”的行“{spec.label}”")
        return pos

    def _growable(self, table: AmountTable, position: int, sheet: Sheet, cols, own):
        totals = {key(w) for w in TOTAL_WORDS} | ({key(table.total_row)} if table.total_row else set())
        out: list[dict[str, str]] = []
        pending: list[int] = []
        pos = position + 1
        while pos < len(self.rows) and self.rows[pos][0] is sheet:
            _, r = self.rows[pos]
            first = next((sheet.text(r, c) for c in range(sheet.ncols) if (r, c) not in sheet.parent
                          and sheet.text(r, c).strip()), "")
            if key(first) in totals:
                self._total(table, sheet, r, pos, cols)
                pos += 1
                break
            if self.is_stop(sheet, r, own):
                break
            if not any(sheet.text(r, c) for c in cols.values() if (r, c) not in sheet.parent):
                pending.append(pos)
                pos += 1
                continue
            for p in pending:
                out.append({c.id: "" for c in table.columns})
                self.claim(p)
            pending = []
            self.claim(pos)
            number = len(out) + 1
            out.append({column.id: self._cell(sheet, r, cols[column.id], f"{table.label}第{number}行{column.label}",
                                              column) if column.id in cols else "" for column in table.columns})
            pos += 1
        return out, (pending[0] if pending else pos)

    def _total(self, table: AmountTable, sheet: Sheet, r: int, pos: int, cols) -> None:
        """The printed 合计 row: not a row of the table (the checks compare it); noted as read."""
        self.claim(pos)
        for c in range(sheet.ncols):
            if (r, c) in sheet.parent or not sheet.text(r, c):
                continue
            sheet.consumed.add((r, c))
            column = next((col for col in table.columns if cols.get(col.id) == c), None)
            if column is not None and column.type == "amount":
                text = sheet.text(r, c, self.ctx.unit or AmountUnit.YUAN)
                self.ctx.report.add_read(sheet.coord(r, c), f"{table.label}合计行{column.label}（各行之和，不另保存）", text)


def _header(sheet: Sheet, h: int, columns: LabelIndex) -> dict[str, int]:
    """Column of each of a table's columns in row ``h`` (a two-row heading ``预算金额`` over ``总额`` too)."""
    cols: dict[str, int] = {}
    for c in range(sheet.ncols):
        top = sheet.top_left(h, c)
        if top[1] != c:
            continue
        text = sheet.text(*top)
        hit = columns.find(text) if text else None
        if hit is None and h > 0 and text:
            hit = columns.find(sheet.mtext(h - 1, c) + text)
        if hit is not None and hit not in cols:
            cols[hit] = c
    return cols


def _inline_pattern(label: str) -> re.Pattern:
    """``标签：值`` in one cell, the label written in full or half width, blanks anywhere."""
    parts = []
    for ch in key(label):
        if ch.isspace():
            continue
        wide = chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch
        parts.append(f"[{re.escape(ch)}{re.escape(wide)}]" if wide != ch else re.escape(ch))
    return re.compile(r"\s*" + r"\s*".join(parts) + r"\s*(?:[（(][^）)]*[)）])?\s*[:：]")


# -- the workbook ---------------------------------------------------------------------------------

def read_template_sheets(sheets: list[Sheet], loaded, report: ImportReport) -> TemplateForm:
    """The document of ``loaded`` that ``sheets`` (the workbook's, the program's data sheet left out) show."""
    sections = loaded.template.section
    meta = loaded.meta
    children = [s for s in sections if isinstance(s, ChildForms)]
    main_sheets: list[Sheet] = []
    child_sheets: dict[str, list[Sheet]] = {c.id: [] for c in children}
    for index, sheet in enumerate(sheets):
        child = _child_of(sheet, children) if index else None
        (child_sheets[child.id] if child else main_sheets).append(sheet)
    ctx = Context(report)
    form = new_document(loaded)
    form.year = ""
    title = meta.title or meta.name
    _titles(ctx, form, main_sheets, [title, meta.name])
    for child in children:
        for sheet in child_sheets[child.id]:
            _titles(ctx, form, [sheet], [child.label])
    if ctx.unit is None:
        ctx.unit = AmountUnit.WAN_YUAN if meta.unit == "万元" else AmountUnit.YUAN
        report.add_guess("", f"未找到金额单位，按表样的{ctx.unit.value}读入")
    form.amount_unit = ctx.unit
    PartReader(ctx, main_sheets, sections, [title, meta.name]).read(form.content)
    for child in children:
        from jixiao_desktop.templates.document import child_blank

        parts = []
        for sheet in child_sheets[child.id]:
            part = child_blank(loaded, child.id)
            PartReader(ctx, [sheet], child.section, [child.label]).read(part)
            parts.append(part)
        form.content.children[child.id] = parts
        rows = len(form.content.tables.get(child.of, []))
        if len(parts) != rows:
            report.warnings.append(f"“{child.label}”有{len(parts)}张工作表，而其所属表格有{rows}行，请核对对应关系。")
    for sheet in sheets:
        for r, c in sorted(sheet.cells):
            if (r, c) not in sheet.parent and (r, c) not in sheet.consumed and sheet.text(r, c).strip():
                report.add_unrecognised(sheet.coord(r, c), sheet.text(r, c))
    return form


def _child_of(sheet: Sheet, children) -> ChildForms | None:
    """The child form a sheet holds: named after it (``绩效目标表2``) or titled with its label."""
    name = key(sheet.name)
    best = None
    for child in children:
        label = key(child.label)
        titled = any(key(sheet.text(r, c)) == label for r in range(min(3, sheet.nrows)) for c in range(sheet.ncols))
        if titled or (label and name.startswith(label[:min(len(label), 20)])):
            if best is None or len(key(child.label)) > len(key(best.label)):
                best = child
    return best


def _titles(ctx: Context, form: TemplateForm, sheets: list[Sheet], titles: list[str]) -> None:
    """The title, the ``（2025年度）`` line, 金额单位 and 填报单位 of a form's sheets (and a child's note)."""
    title_keys = {key(t) for t in titles if t}
    for sheet in sheets:
        for (r, c), _cell in sorted(sheet.cells.items()):
            if (r, c) in sheet.parent or (r, c) in sheet.consumed:
                continue
            raw = sheet.text(r, c)
            k = key(raw)
            year = _YEAR_RE.match(raw)
            unit = _UNIT_RE.match(k)
            if k in title_keys or _NOTE_RE.match(k):
                sheet.consumed.add((r, c))
            elif year:
                sheet.consumed.add((r, c))
                if not form.year:
                    form.year = year[1]
                    ctx.report.add_read(sheet.coord(r, c), "年度", year[1])
            elif unit:
                sheet.consumed.add((r, c))
                ctx.note_unit(AmountUnit(unit[1]), sheet.coord(r, c))
            elif k.startswith(_FILLER + ":") or k.startswith("填报单位:"):
                sheet.consumed.add((r, c))
                value = re.split(r"[:：]", raw, maxsplit=1)[1].strip()
                if not form.filler_unit:
                    form.filler_unit = value
                    ctx.report.add_read(sheet.coord(r, c), "填报单位", value)
