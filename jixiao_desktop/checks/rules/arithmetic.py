"""Arithmetic: 资金安排 items → total, and the calculations clerks write as prose."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import Hit, rule
from jixiao_desktop.checks.rounding import rounding_note, severity_of
from jixiao_desktop.forms import DepartmentForm, FundDetail, ProjectForm
from jixiao_desktop.forms.layouts import canonical
from jixiao_desktop.money import sum_amounts
from jixiao_desktop.prose import MAX_NUMBERS, MAX_TEXT_CHARS, Reading, Step, lex, level_of, read
from jixiao_desktop.prose.mentions import mentions as count_mentions
from jixiao_desktop.prose.backing import amount_disagrees, compared_figure
from jixiao_desktop.prose.background import split_whole

UNSURE = "（按文字推算，请核对）"


@rule("arrangement.total", Severity.ERROR, "资金安排各项之和不等于合计", kinds=("project",), source="arithmetic")
def arrangement_total(ctx: CheckContext):
    proposal = ctx.form.proposal
    parts = ctx.sum(item.amount for item in proposal.arrangement_items)
    total = ctx.value(proposal.arrangement_total)
    if parts is None or total is None:
        return
    if parts != total:
        texts = [item.amount for item in proposal.arrangement_items if ctx.value(item.amount) is not None]
        n = len(texts)
        note = rounding_note(total - parts, [proposal.arrangement_total, *texts], n, ctx.unit)
        yield Hit(
            "proposal.arrangement_total",
            f"资金安排情况写明共计{ctx.money(total)}，但{n}项之和为{ctx.money(parts)}，{ctx.diff(total, parts)}{note}",
            tuple(f"proposal.arrangement_items[{i}].amount" for i in range(len(proposal.arrangement_items))),
            severity_of(note),
        )


@rule("arrangement.vs_funding", Severity.ERROR, "资金安排合计与年度资金不一致", kinds=("project",), source="arithmetic")
def arrangement_vs_funding(ctx: CheckContext):
    form: ProjectForm = ctx.form
    annual = ctx.value(form.funding.annual.total)
    if annual is None:
        return
    total = ctx.value(form.proposal.arrangement_total)
    if total is None:
        items = form.proposal.arrangement_items
        if not items or not all(i.amount.strip() for i in items):
            return
        total = sum_amounts((i.amount for i in items), ctx.unit)  # None if one is unreadable
        if total is None:
            return
    if total != annual:
        note = ""
        if ctx.value(form.proposal.arrangement_total) is None:   # the items' own sum against the total
            texts = [i.amount for i in form.proposal.arrangement_items]
            note = rounding_note(annual - total, [form.funding.annual.total, *texts], len(texts), ctx.unit)
        yield Hit(
            "proposal.arrangement_total",
            f"资金安排情况合计{ctx.money(total)}，但年度资金来源总投入为{ctx.money(annual)}，{ctx.diff(total, annual)}{note}",
            ("funding.annual.total",), severity_of(note),
        )


def _step_message(where: str, step: Step, ctx: CheckContext, text: str) -> str:
    if step.kind == "share_percent":
        return f"{where}写道{step.description}，但又写作{_num(step.stated)}%；分担比例与承担百分比应一致"
    if step.kind == "approved":
        return f"{where}：{step.description}；测算与批复金额不同，请在测算说明中写清按批复金额安排"
    stated = ctx.money(step.stated)
    if step.kind == "context":
        return f"{where}写的是{stated}，但{step.description}，{ctx.diff(step.computed, step.stated)}{UNSURE}"
    message = f"{where}：按文字计算 {step.description}，但文字写的是{stated}，{ctx.diff(step.computed, step.stated)}"
    if step.kind == "product":
        message += _fitting_count(step, text)
    if step.uncertain:
        message += "（文字含“等”“约”，可能未列全）" if step.kind in ("sum", "remainder") else UNSURE
    return message


def _fitting_count(step: Step, text: str) -> str:
    """Name the count stated elsewhere in the text that would give the stated total."""
    head = step.description.split("×", 1)[0]
    digits = "".join(ch for ch in head if ch.isdigit() or ch == ".")
    if "×" not in step.description or not digits or step.stated is None:
        return ""
    try:
        count = Decimal(digits)
        rate = step.computed / count
        fitting = step.stated / rate
    except ArithmeticError:
        return ""
    for q in count_mentions(text):
        if q.value == fitting and q.value != count:
            return f"；文中另写有{_num(q.value)}{q.unit}，按{_num(q.value)}{q.unit}计算正好是{step.stated:f}元，两处数量不一致"
    return ""


def _num(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _reading(ctx: CheckContext, text: str, context) -> Reading:
    level = ctx.memo("form_level", lambda: _form_level(ctx.form))
    return read(text, level, context, ctx.unit)


def _form_level(form) -> str:
    """The form's own government level, from the names of its unit (区/县 when none says)."""
    names = [getattr(form, name, "") for name in ("filler_unit", "implementing_unit", "name", "competent_department")]
    if getattr(form, "kind", "") == "template":
        from jixiao_desktop.templates.schema import FieldsSection

        roles = ("unit_name", "implementing_unit", "competent_department")
        names += [form.content.fields.get(f.id, "") for s in form.loaded.template.section
                  if isinstance(s, FieldsSection) for f in s.field if f.role in roles]
    return level_of(*[n for n in names if isinstance(n, str) and n.strip()])


PROSE_KINDS = ("project", "department", "unit", "template")


@rule("prose.relation", Severity.WARNING, "文字中的计算不成立", kinds=PROSE_KINDS, source="arithmetic")
def prose_relation(ctx: CheckContext):
    for location, where, text, _amount, context in _prose_sites(ctx):
        for step in _reading(ctx, text, context).failures():
            severity = Severity.HINT if step.kind == "approved" else None
            yield Hit(location, _step_message(where, step, ctx, text), (), severity)


@rule("prose.too_long", Severity.HINT, "文字太长，其中的计算未核对", kinds=PROSE_KINDS)
def prose_too_long(ctx: CheckContext):
    for location, where, text, _amount, _context in _prose_sites(ctx):
        if lex(text).truncated:
            size = f"{len(text)}字" if len(text) > MAX_TEXT_CHARS else f"{MAX_NUMBERS}个以上的数字"
            yield Hit(location, f"{where}有{size}，超出了逐项核对计算的范围（{MAX_TEXT_CHARS}字、{MAX_NUMBERS}个数字以内），"
                      "其中的计算未核对，请自行核对")


@rule("prose.vs_amount", Severity.WARNING, "测算说明推算的金额与金额栏不一致", kinds=PROSE_KINDS, source="arithmetic")
def prose_vs_amount(ctx: CheckContext):
    for location, where, text, amount_location, context in _prose_sites(ctx):
        if not amount_location:
            continue
        from jixiao_desktop.forms.locations import resolve

        text_at = getattr(ctx.form, "text_at", None)
        amount = ctx.value(text_at(amount_location) if text_at else resolve(ctx.form, amount_location))
        reading = _reading(ctx, text, context)
        if not amount_disagrees(reading, text, amount, ctx.memo("form_level", lambda: _form_level(ctx.form)), ctx.unit):
            continue   # agrees, or the text states this very amount as the form's own part (县级配套360万元)
        figure, derivation = compared_figure(reading, amount)   # (the whole, or the form's own part when nearer)
        result = ctx.money(figure)
        if not derivation.endswith(result):
            derivation += f"，即{result}"
        whole = split_whole(reading, text)
        if whole is not None and whole != figure:   # the amount may carry the whole or the form's own part: neither
            first = next((t for t in lex(derivation).tokens if t.kind == "money"), None)
            named = "" if first is not None and first.start == 0 and first.value == whole else f"（分担前全年为{ctx.money(whole)}）"
            message = (f"{where}按文字推算为{derivation}{named}，但金额为{ctx.money(amount)}，{ctx.diff(figure, amount)}，"
                       f"也不是分担前的全年数")
        else:
            message = f"{where}按文字推算为{derivation}，但金额为{ctx.money(amount)}，{ctx.diff(figure, amount)}"
        if reading.uncertain:
            message += UNSURE
        yield Hit(location, message, (amount_location,))


def _prose_sites(ctx: CheckContext) -> list:
    """(text location, Chinese name, text, amount location or "", context counts), once per run."""
    return ctx.memo("prose_sites", lambda: list(_iter_prose_sites(ctx)))


def _iter_prose_sites(ctx: CheckContext):
    form = ctx.form
    if isinstance(form, ProjectForm):
        counts = _indicator_counts(form.indicators, "annual")
        yield "proposal.arrangement", "资金安排情况", form.proposal.arrangement, (
            "funding.annual.total" if form.proposal.arrangement.strip() else ""), counts
        yield "proposal.content", "项目实施内容", form.proposal.content, "", counts
        yield "proposal.overview", "项目基本概况", form.proposal.overview, "", counts
        yield "overview", "项目概况", form.overview, "", counts
    elif isinstance(form, DepartmentForm):
        for i, fund in enumerate(form.special_funds):
            detail: FundDetail | None = fund.detail
            if detail is None:
                continue
            counts = _indicator_counts(detail.indicators, "annual")
            name = detail.name.strip() or fund.name.strip()
            for j, line in enumerate(detail.expenses):
                base = f"special_funds[{i}].detail.expenses[{j}]"
                text, field = (line.basis, "basis") if line.basis.strip() else (line.detail, "detail")
                yield f"{base}.{field}", f"附表3“{name}”的测算说明", text, f"{base}.amount", counts
    elif getattr(form, "kind", "") == "template":
        yield from _template_prose_sites(form)


def _template_prose_sites(form):
    """Texts a template gives the role ``calculation`` (or ``overview``): a field is checked against the field
    with the role ``annual_total``; a table column against the row's first amount column. Counts and standards
    come from the 数量指标 and 成本指标 of the same (child) form."""
    from jixiao_desktop.templates.schema import AmountTable, FieldsSection, IndicatorTable

    def sites(sections, part, prefix: str, where: str):
        total = next((f.id for s in sections if isinstance(s, FieldsSection) for f in s.field
                      if f.role == "annual_total"), "")
        context = tuple((canonical(r.get("level2", "")), r.get("name", ""), r.get("value", ""))
                        for s in sections if isinstance(s, IndicatorTable) for r in part.tables.get(s.id, [])
                        if canonical(r.get("level2", "")) in ("数量指标", "成本指标") and r.get("value", "").strip())
        for section in sections:
            if isinstance(section, FieldsSection):
                for field in section.field:
                    if field.role in ("calculation", "overview"):
                        amount = f"{prefix}fields.{total}" if total and field.role == "calculation" else ""
                        yield (f"{prefix}fields.{field.id}", f"{where}{field.label}", part.fields.get(field.id, ""),
                               amount, context)
            elif isinstance(section, AmountTable):
                amount_column = next((c.id for c in section.columns if c.type == "amount"), "")
                for column in (c for c in section.columns if c.role == "calculation"):
                    for index, row in enumerate(part.tables.get(section.id, [])):
                        base = f"{prefix}tables.{section.id}[{index}]"
                        yield (f"{base}.{column.id}", f"{where}{section.label}第{index + 1}行的{column.label}",
                               row.get(column.id, ""), f"{base}.{amount_column}" if amount_column else "", context)

    for each in form.parts():
        yield from sites(each.sections, each.part, each.prefix, f"{each.name}的" if each.name else "")


def _indicator_counts(rows, side: str) -> tuple[tuple[str, str, str], ...]:
    """The 数量指标 and 成本指标 ``(二级, name, value)`` of one side: where standards find their
    counts, and a total stated alone is checked against count × standard."""
    out = []
    for row in rows:
        indicator = row.mid if side == "mid" else row.annual
        if indicator is None:
            continue
        level2 = canonical(indicator.level2)
        if level2 in ("数量指标", "成本指标") and indicator.value.strip():
            out.append((level2, indicator.name, indicator.value))
    return tuple(out)
