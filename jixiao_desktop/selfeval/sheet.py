"""A 自评表 as the checks and the command line see it: a document of an ``evaluation`` template, read by roles.

The budget row is the fixed row with the role ``annual_total`` (else the first row) of the amount table whose
columns carry the roles ``budget_full``, ``budget_executed``, ``points``, ``execution_rate`` and ``score``; the
indicators are the rows of the document's own indicator tables (分值 in ``weight``, 得分 in ``score``, 实际完成值 in
``actual``, 偏差原因 in ``deviation``); the total and the grade are the fields with the roles ``total_score`` and
``grade``. Only what the template gives is read; the rest is None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao_desktop.forms.merged_levels import resolve_table
from jixiao_desktop.money import normalize_text, parse_amount, read_decimal
from jixiao_desktop.selfeval.scoring import Score, score_budget, score_indicator
from jixiao_desktop.templates.schema import AmountTable, FieldsSection, IndicatorTable, ScoringSpec

BUDGET_ROLES = ("budget_full", "budget_executed", "points", "execution_rate", "score")


def is_evaluation(form) -> bool:
    return getattr(form, "kind", "") == "template" and form.loaded.meta.kind == "evaluation"


def scoring(form) -> ScoringSpec:
    return form.loaded.template.scoring or ScoringSpec()


def number(text: str) -> Decimal | None:
    """A score, a 分值 or a rate as typed (``9.5``, ``9.5分``, ``95%``); None for a blank or unreadable one."""
    digits = normalize_text(text or "").strip().rstrip("分%").strip()
    return read_decimal(digits) if digits else None


@dataclass
class Cell:
    location: str
    text: str
    reference: str = ""     # its name in the template's formulas

    @property
    def number(self) -> Decimal | None:
        return number(self.text)


@dataclass
class BudgetRow:
    label: str
    cells: dict[str, Cell]          # role → cell
    planned: Decimal | None
    executed: Decimal | None

    def score(self) -> Score:
        points = self.cells["points"].number if "points" in self.cells else None
        return score_budget(self.planned, self.executed, points)


@dataclass
class IndicatorLine:
    location: str                   # content.tables.indicators[3]
    number: int                     # 1-based row
    level1: str                     # the 一级 heading as typed (a blank one is the heading above), points and all
    name: str
    row: dict[str, str]
    columns: tuple[str, ...]
    computed: Score = field(default=None)   # type: ignore[assignment]
    level2: str = ""                # the 二级 heading as typed, carried down like the 一级

    @property
    def words(self) -> str:
        return f"绩效指标第{self.number}行（{self.name.strip() or '未填指标名称'}）"


def budget_row(form) -> BudgetRow | None:
    for table in (s for s in form.loaded.template.section if isinstance(s, AmountTable)):
        by_role = {c.role: c for c in table.columns if c.role in BUDGET_ROLES}
        if "points" not in by_role or not table.rows:
            continue
        spec = next((r for r in table.rows if r.role == "annual_total"), table.rows[0])
        rows = form.content.tables.get(table.id, [])
        index = next((i for i, r in enumerate(rows) if r.get("_row") == spec.id), None)
        if index is None:
            return None
        row = rows[index]
        cells = {role: Cell(f"content.tables.{table.id}[{index}].{c.id}", row.get(c.id, ""), f"{table.id}.{spec.id}.{c.id}")
                 for role, c in by_role.items()}

        def amount(role: str) -> Decimal | None:
            text = cells[role].text if role in cells else ""
            return parse_amount(text, form.amount_unit).value if text.strip() else None

        return BudgetRow(spec.label, cells, amount("budget_full"), amount("budget_executed"))
    return None


def indicator_lines(form) -> list[IndicatorLine]:
    bands = scoring(form).bands
    out = []
    for table in (s for s in form.loaded.template.section if isinstance(s, IndicatorTable)):
        stored = form.content.tables.get(table.id, [])
        # a blank 一级/二级 is the heading above (a merged cell), read as the checks and printing read it
        for index, (row, headings) in enumerate(zip(stored, resolve_table(stored, [s.id for s in table.sides]))):
            if not (row.get("name", "").strip() or row.get("value", "").strip()):
                continue
            line = IndicatorLine(f"content.tables.{table.id}[{index}]", index + 1, headings["level1"].strip(),
                                 row.get("name", ""), row, tuple(table.columns),
                                 level2=headings.get("level2", "").strip())
            line.computed = score_indicator(row.get("value", ""), row.get("actual", ""), number(row.get("weight", "")),
                                            bands)
            out.append(line)
    return out


def field_cell(form, role: str) -> Cell | None:
    for section in (s for s in form.loaded.template.section if isinstance(s, FieldsSection)):
        for spec in (f for f in section.field if f.role == role):
            return Cell(f"content.fields.{spec.id}", form.content.fields.get(spec.id, ""), spec.id)
    return None
