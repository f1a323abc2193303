"""What the budget-integration system refuses to save (rules.md §7), said before the clerk types it in.

Each finding is an 错误 naming the indicator, the text and the fix: ``-``/``_``/``*`` in a 指标值 (with the
value rewritten from the clerk's own text, see :mod:`jixiao_desktop.checks.refused`), a 三级 name of only
those marks, spaces or ``null`` where the province checks them (off unless a template switches it on),
weights (权重, or 分值 where the sheet has no 权重) of a table not adding up to 100, and a blank 年度目标.
The blank cells of a 三级 row and a value without unit are the extended ``indicators.half_filled`` and
``value.no_unit``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.checks import refused
from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.fields import mid_sides
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import INDICATOR_KINDS, Hit, rule
from jixiao_desktop.money import normalize_text, read_decimal


def template_rows(ctx: CheckContext) -> dict[str, tuple]:
    """For a template document: the path of each indicator table (``content.tables.indicators``) → (its
    spec, its rows as typed). The indicator rules see the rows through :mod:`..fields` (value joined with
    its 度量单位 and 指标性质); the refusals need the cells as typed."""
    if ctx.kind != "template":
        return {}

    def build():
        from jixiao_desktop.templates.schema import IndicatorTable

        return {f"{prefix}tables.{table.id}": (table, part.tables.get(table.id, []), name)
                for sections, part, prefix, name in ctx.form.parts()
                for table in sections if isinstance(table, IndicatorTable)}

    return ctx.memo("template_rows", build)


def cells(ctx: CheckContext):
    """(grid, location of the side, row index, indicator, the row's cells as typed or None) for every
    indicator cell of the form; built-in forms have no typed row (their indicator holds the cells)."""
    rows = template_rows(ctx)
    out = []
    for grid in ctx.grids():
        typed = rows.get(grid.path, (None, []))[1]
        for base, i, _side, _row, indicator in grid.cells():
            out.append((grid, base, i, indicator, typed[i] if i < len(typed) else None))
    return out


def typed_value(indicator, raw: dict | None) -> str:
    """The 指标值 as typed (a template row's own cell, before its 度量单位 is joined to it)."""
    return raw.get("value", "") if raw is not None else indicator.value


def _where(grid, i: int) -> str:
    return f"{grid.label}第{i + 1}行"


@rule("system.value_marks", Severity.ERROR, "指标值含有“-”“_”“*”", kinds=INDICATOR_KINDS, source="system")
def value_marks(ctx: CheckContext):
    for grid, base, i, indicator, raw in cells(ctx):
        text = typed_value(indicator, raw)
        found = refused.marks(text)
        if not found:
            continue
        name = indicator.name.strip()
        yield Hit(f"{base}.value", f"{_where(grid, i)}{f'“{name}”' if name else ''}的指标值{_quoted(text)}含有"
                  f"{refused.shown(found)}，预算系统不能保存；{_how(text)}")


_LONG = 40
_PIECES_RE = re.compile(r"[^;；,，。、\s]+")


def _quoted(text: str) -> str:
    text = text.strip()
    return f"“{text}”" if len(text) <= _LONG else f"（{len(text)}字）"


def _how(text: str) -> str:
    """The fix: the value rewritten; for a long text, each piece holding a mark rewritten (at most three)."""
    text = text.strip()
    if len(text) <= _LONG:
        fix = refused.rewrite(text)
        return f"请写作“{fix.text}”" if fix.text else fix.advice
    pieces = list(dict.fromkeys(p for p in _PIECES_RE.findall(text) if refused.marks(p)))
    said = []
    for piece in pieces[:3]:
        fix = refused.rewrite(piece)
        said.append(f"“{piece}”写作“{fix.text}”" if fix.text else f"“{piece}”：{fix.advice}")
    more = f"等{len(pieces)}处" if len(pieces) > 3 else ""
    return "；".join(said) + more


@rule("system.name_marks", Severity.ERROR, "三级指标名称只有“-”“_”“*”", kinds=INDICATOR_KINDS, source="system")
def name_marks(ctx: CheckContext):
    for grid, base, i, indicator, _raw in cells(ctx):
        if refused.only_marks(indicator.name):
            yield Hit(f"{base}.name", f"{_where(grid, i)}的三级指标名称是“{indicator.name.strip()}”，预算系统不能保存；"
                      "请写这项指标衡量什么（如“补贴发放人数”“验收合格率”），没有这项指标就删去这一行")


_NULL_RE = re.compile(r"(?<![A-Za-z])null(?![A-Za-z])", re.IGNORECASE)
_SPACES = (" ", "\u3000", "\xa0", "\t")


@rule("system.space_or_null", Severity.ERROR, "三级指标名称或指标值含空格或“null”", kinds=INDICATOR_KINDS,
      source="system", default_on=False)
def space_or_null(ctx: CheckContext):
    """Some provinces' systems refuse a half- or full-width space, or the word null, in a 三级 name or value;
    a template of such a province switches this on. Blanks before and after the text are not counted
    (the system trims them as any input does)."""
    for grid, base, i, indicator, raw in cells(ctx):
        for field, label in (("name", "三级指标名称"), ("value", "指标值")):
            text = (typed_value(indicator, raw) if field == "value" else indicator.name).strip()
            if not text:
                continue
            what = f"{_where(grid, i)}的{label}“{text}”"
            if _NULL_RE.search(text):
                yield Hit(f"{base}.{field}", f"{what}含有“null”（多是导出时的空值），本地预算系统不能保存；请填写实际内容")
            elif any(space in text for space in _SPACES):
                squeezed = "".join(text.split())
                yield Hit(f"{base}.{field}", f"{what}中有空格，本地预算系统不能保存；请删去空格，写作“{squeezed}”")


def _weight_column(table) -> str | None:
    """The column whose numbers must add up to 100: 权重, or 分值 where the sheet has no 权重 (the system's
    indicator sheet holds one or the other, rules.md §8)."""
    return "weight" if "weight" in table.columns else "score" if "score" in table.columns else None


def _covered(ctx: CheckContext, path: str, table, column: str, name: str) -> bool:
    """Whether one of the template's own relations already sums this column (its message then says it)."""
    scope = ""
    if name:
        scope = path.split(".")[2].split("[")[0]    # content.children.<id>[i].tables.<table>
    reference = f"{table.id}.*.{column}"
    return any(s == scope and reference in relation.references() for _spec, relation, s in ctx.form.loaded.relations)


@rule("system.weights_total", Severity.ERROR, "三级指标权重之和不等于100", kinds=("template",), source="system")
def weights_total(ctx: CheckContext):
    """Per indicator table (each child form's its own) and per side. All weights blank: nothing said (the
    clerk has not come to them). A sum of typed decimals is judged with what rounding explains: n weights
    to d decimals may miss 100 by n × half a unit of the d-th decimal (33.33 × 3)."""
    for path, (table, rows, name) in template_rows(ctx).items():
        column = _weight_column(table)
        if column is None or _covered(ctx, path, table, column, name):
            continue
        label = "权重" if column == "weight" else "分值"
        where = f"{name}的{table.label}" if name else table.label
        mids = mid_sides(table) if len(table.sides) > 1 else set()
        for side in sorted({row.get("side", "") for row in rows}):
            yield from _weights(rows, side, column, label, path, where + ("中期" if side in mids else ""))


def _weights(rows, side, column, label, path, where):
    total, filled, missing, decimals, unreadable = Decimal(0), [], [], 0, False
    for index, row in enumerate(rows):
        if row.get("side", "") != side or not (row.get("name", "").strip() or row.get("value", "").strip()):
            continue
        text = normalize_text(row.get(column, "")).strip()
        if not text:
            missing.append(index)
            continue
        digits = text.rstrip("%分").strip()
        number = read_decimal(digits)
        location = f"{path}[{index}].{column}"
        if number is None:
            unreadable = True
            yield Hit(location, f"{where}第{index + 1}行的{label}“{text}”不是数字，预算系统不能保存；请填数字，如“10”")
            continue
        total += number
        filled.append(location)
        decimals = max(decimals, len(digits.partition(".")[2]))
    if not filled or unreadable:
        return
    tolerance = Decimal(len(filled)) * Decimal(5).scaleb(-decimals - 1) if decimals else Decimal(0)
    if abs(total - 100) <= tolerance:
        return
    rows_missing = f"（第{'、'.join(str(i + 1) for i in missing)}行未填{label}）" if missing else ""
    yield Hit(f"{path}", f"{where}各三级指标的{label}合计为{total.normalize():f}{rows_missing}，"
              f"预算系统要求合计为100，相差{abs(total - 100).normalize():f}；请调整{label}使合计为100",
              tuple(filled))


@rule("system.annual_goal_blank", Severity.ERROR, "年度目标未填", kinds=("template",), source="system")
def annual_goal_blank(ctx: CheckContext):
    """The system blocks a blank 年度目标. Where the template marks the field required, ``template.required``
    says so already; this covers a template that gives the role without the mark."""
    from jixiao_desktop.templates.schema import FieldsSection

    for sections, part, prefix, name in ctx.form.parts():
        for section in (s for s in sections if isinstance(s, FieldsSection)):
            for field in section.field:
                if field.role == "annual_goal" and not field.required and not part.fields.get(field.id, "").strip():
                    yield Hit(f"{prefix}fields.{field.id}", f"{f'{name}：' if name else ''}{field.label}未填写；"
                              "预算系统不保存没有年度目标的绩效目标，请写明本年度要完成的目标")
