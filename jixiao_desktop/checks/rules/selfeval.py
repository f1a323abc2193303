"""Checks of a 自评表's scoring (documents of an ``evaluation`` template; silent for every other form).

What a hand-typed scoring table gets wrong: a score above its points, points per 一级 or in all not what the
scoring rules give, the total not the sum, the grade not the total's, a score not what its own achieved and
target give, a missed target without its 偏差原因. Where one of the template's own relations (审核公式) already
compares the same cells, the rule here stays silent, so the clerk hears it once.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import Hit, rule
from jixiao_desktop.checks.rounding import rounding_slack
from jixiao_desktop.forms.layouts import canonical
from jixiao_desktop.money import AmountUnit
from jixiao_desktop.selfeval.scoring import HUNDRED, grade_of
from jixiao_desktop.selfeval.sheet import (
    budget_row,
    field_cell,
    indicator_lines,
    is_evaluation,
    number,
    scoring,
)
from jixiao_desktop.templates.schema import IndicatorTable


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _said(ctx: CheckContext, *names: str) -> bool:
    """Whether a relation of the template names every one of ``names`` (``.*.x`` matching any table's column)."""
    for _spec, relation, scope in ctx.form.loaded.relations:
        refs = relation.references()
        if scope == "" and all(any(r == n or (n.startswith(".*.") and r.endswith(n)) for r in refs) for n in names):
            return True
    return False


def _slack(text: str) -> Decimal:
    """How far a typed score may be from the exact one: half its last digit; half a point when typed whole."""
    slack = rounding_slack([text.strip().rstrip("分%")], 0, AmountUnit.YUAN)
    return slack or Decimal("0.5")


@rule("selfeval.score_above_points", Severity.ERROR, "自评得分超过分值", kinds=("template",), source="arithmetic")
def score_above_points(ctx: CheckContext):
    form = ctx.form
    if not is_evaluation(form):
        return
    if not _said(ctx, ".*.score", ".*.weight"):
        for line in indicator_lines(form):
            score, points = number(line.row.get("score", "")), number(line.row.get("weight", ""))
            if score is not None and points is not None and score > points:
                yield Hit(f"{line.location}.score", f"{line.words}的得分{_plain(score)}超过了分值{_plain(points)}")
    budget = budget_row(form)
    if budget and "score" in budget.cells and "points" in budget.cells and not _said(ctx, budget.cells["score"].reference,
                                                                                  budget.cells["points"].reference):
        score, points = budget.cells["score"].number, budget.cells["points"].number
        if score is not None and points is not None and score > points:
            yield Hit(budget.cells["score"].location, f"预算执行率得分{_plain(score)}超过了分值{_plain(points)}")


@rule("selfeval.points", Severity.ERROR, "自评分值与评分规则不符", kinds=("template",), source="arithmetic")
def points(ctx: CheckContext):
    """Each 一级's points add up to what the scoring rules give it; all points (预算执行率 included) to 100."""
    form = ctx.form
    if not is_evaluation(form):
        return
    rules = scoring(form)
    lines = indicator_lines(form)
    budget = budget_row(form)
    for level1, wanted in rules.groups.items():
        own = [line for line in lines if canonical(line.level1) == canonical(level1)]
        values = [number(line.row.get("weight", "")) for line in own]
        if not own or any(v is None for v in values):
            continue
        total = sum(values, Decimal(0))
        if total != wanted:
            yield Hit(f"{own[0].location}.weight", f"{level1}各指标分值合计{_plain(total)}，评分规则为{wanted}分，"
                      f"相差{_plain(abs(total - wanted))}分", severity=Severity.WARNING)
    budget_points = budget.cells["points"].number if budget and "points" in budget.cells else None
    if budget_points is not None and budget_points != rules.budget:
        yield Hit(budget.cells["points"].location, f"预算执行率的分值为{_plain(budget_points)}，评分规则为{rules.budget}分",
                  severity=Severity.WARNING)
    if _said(ctx, ".*.weight"):
        return
    values = [number(line.row.get("weight", "")) for line in lines]
    if budget_points is not None:
        values.append(budget_points)
    if values and all(v is not None for v in values):
        total = sum(values, Decimal(0))
        if total != HUNDRED:
            yield Hit(f"{lines[0].location}.weight" if lines else budget.cells["points"].location,
                      f"预算执行率与各指标的分值合计为{_plain(total)}，应为100分")


@rule("selfeval.total", Severity.ERROR, "自评总分不等于各项得分之和", kinds=("template",), source="arithmetic")
def total(ctx: CheckContext):
    form = ctx.form
    if not is_evaluation(form):
        return
    cell = field_cell(form, "total_score")
    if cell is None or cell.number is None or _said(ctx, cell.reference):
        return
    budget = budget_row(form)
    scores = [number(line.row.get("score", "")) for line in indicator_lines(form)]
    if budget and "score" in budget.cells:
        scores.append(budget.cells["score"].number)
    scores = [s for s in scores if s is not None]
    if scores and sum(scores, Decimal(0)) != cell.number:
        summed = sum(scores, Decimal(0))
        yield Hit(cell.location, f"总分{_plain(cell.number)}，各项得分之和{_plain(summed)}，相差{_plain(abs(summed - cell.number))}分")


@rule("selfeval.grade", Severity.ERROR, "自评等级与总分不符", kinds=("template",), source="arithmetic")
def grade(ctx: CheckContext):
    form = ctx.form
    if not is_evaluation(form):
        return
    total_cell, grade_cell = field_cell(form, "total_score"), field_cell(form, "grade")
    if total_cell is None or grade_cell is None or total_cell.number is None or not grade_cell.text.strip():
        return
    grades = scoring(form).grades
    wanted = grade_of(total_cell.number, grades)
    typed = grade_cell.text.strip()
    if typed != wanted:
        bounds = "，".join(f"{name}≥{bound}" for name, bound in sorted(grades.items(), key=lambda g: -g[1]) if bound)
        yield Hit(grade_cell.location, f"总分{_plain(total_cell.number)}分应评为“{wanted}”，表中写的是“{typed}”（{bounds}）",
                  (total_cell.location,))


@rule("selfeval.score_vs_ratio", Severity.ERROR, "得分与实际完成值、目标值算出的不符", kinds=("template",),
      source="arithmetic")
def score_vs_ratio(ctx: CheckContext):
    form = ctx.form
    if not is_evaluation(form):
        return
    for line in indicator_lines(form):
        typed_text = line.row.get("score", "")
        typed = number(typed_text)
        computed = line.computed
        if typed is None or computed is None or computed.exact is None:
            continue
        if abs(typed - computed.exact) > _slack(typed_text):
            yield Hit(f"{line.location}.score", f"{line.words}的得分{_plain(typed)}，按实际完成值与指标值应为"
                      f"{_plain(computed.value)}（{computed.working}）")
    budget = budget_row(form)
    if budget is None:
        return
    if "execution_rate" in budget.cells and budget.planned and budget.executed is not None:
        rate_text = budget.cells["execution_rate"].text
        rate = number(rate_text)
        exact = budget.executed / budget.planned * HUNDRED
        if rate is not None and abs(rate - exact) > _slack(rate_text):
            yield Hit(budget.cells["execution_rate"].location, f"执行率{_plain(rate)}%，全年执行数÷全年预算数为"
                      f"{_plain(exact.quantize(Decimal('0.01')))}%")
    if "score" in budget.cells:
        typed_text = budget.cells["score"].text
        typed = number(typed_text)
        computed = budget.score()
        if typed is not None and computed.exact is not None and abs(typed - computed.exact) > _slack(typed_text):
            yield Hit(budget.cells["score"].location, f"预算执行率得分{_plain(typed)}，应为{_plain(computed.value)}"
                      f"（{computed.working}）")


# The indicator columns where an evaluator writes the working of a score (完成比例/计算, 评分说明, 偏差原因).
_WORKING_COLUMNS = ("ratio", "explain", "deviation")


@rule("selfeval.written_arithmetic", Severity.ERROR, "计算过程中写的得数不对", kinds=("template",),
      source="arithmetic")
def written_arithmetic(ctx: CheckContext):
    """“23/25×0.5=0.42” in a 计算 cell: the working a scorer wrote is re-done (0.46)."""
    from jixiao_desktop.forms.template_form import indicator_label
    from jixiao_desktop.selfeval.written import equations

    form = ctx.form
    if not is_evaluation(form):
        return
    tables = {s.id: s for s in form.loaded.template.section if isinstance(s, IndicatorTable)}
    for line in indicator_lines(form):
        table = tables.get(line.location.split(".")[2].split("[")[0])
        for column in (c for c in _WORKING_COLUMNS if c in line.columns):
            for eq in equations(line.row.get(column, "")):
                if eq.agrees:
                    continue
                label = indicator_label(table, column) if table is not None else column
                percent = "%" if eq.stated_text.endswith("%") else ""
                said = f"{line.words}的{label}写“{eq.text}”：{eq.expression}得{_plain(eq.rounded)}{percent}，不是{eq.stated_text}"
                if eq.rounding_gap:       # 68% taken for 23.64/35 = 67.54%: a rounding gap, said as 提示
                    yield Hit(f"{line.location}.{column}", f"{said}（用前面算出的数的精确值算才得{eq.stated_text}，"
                              "是中间结果四舍五入造成的尾差，建议写明）", severity=Severity.HINT)
                else:
                    yield Hit(f"{line.location}.{column}", said)


@rule("selfeval.no_deviation_reason", Severity.WARNING, "未完成目标的指标没有写偏差原因", kinds=("template",),
      source="review")
def no_deviation_reason(ctx: CheckContext):
    form = ctx.form
    if not is_evaluation(form):
        return
    for line in indicator_lines(form):
        if "deviation" not in line.columns or not line.computed.missed:
            continue
        if not line.row.get("deviation", "").strip():
            yield Hit(f"{line.location}.deviation", f"{line.words}未完成目标（指标值“{line.row.get('value', '').strip()}”，"
                      f"实际“{line.row.get('actual', '').strip()}”），请填写偏差原因分析及改进措施")
