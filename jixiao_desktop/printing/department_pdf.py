"""部门整体支出绩效目标表 (seed 003) and 单位整体支出绩效目标申报表 (Shanghai, seed 004).

The 部门 form prints its main table, then 附表2 and every 附表3 in order
(:mod:`jixiao_desktop.printing.annex_pdf`).
"""

from __future__ import annotations

from jixiao_desktop.forms import DepartmentForm
from jixiao_desktop.printing.annex_pdf import annex_story
from jixiao_desktop.printing.common import Builder, label_value_rows
from jixiao_desktop.printing.indicators import has_standard, indicator_table


def department_story(b: Builder) -> list:
    form: DepartmentForm = b.form
    if form.kind == "unit":
        return unit_story(b)
    year = form.year.strip()
    story = b.title_block(f"{year}年{form.title}" if year else form.title)
    rows, spans = label_value_rows(b, [("部门名称", form.name)], 5)
    story.append(b.grid(rows, [28, 42, 34, 42, 34], spans=spans))
    story.append(_budget_hunan(b))
    story.append(_texts(b, [("部门职责概述", form.duties), ("年度履职目标", form.annual_goal)], keep_first=True))
    story.append(_tasks(b, "年度重点工作计划", ("事项", "责任单位/科室", "工作目标"), with_office=True))
    story += _staff(b)
    story.append(
        indicator_table(
            b, form.indicators, label="年度绩效指标", value_head="指标值及单位", with_standard=has_standard(form.indicators)
        )
    )
    story.append(b.signoff(head_label="单位负责人签字", filler_label="填表人"))
    story += annex_story(b)
    return story


def unit_story(b: Builder) -> list:
    form: DepartmentForm = b.form
    year = form.year.strip()
    story = b.title_block(form.title, f"（{year}年度）" if year else "")
    story.append(
        _texts(
            b,
            [
                ("单位名称", form.name),
                ("财政资金拨款方式", form.funding_method),
                ("单位职责", form.duties),
                ("年度履职目标", form.annual_goal),
            ],
            keep_first=False,
        )
    )
    with_office = any(t.office.strip() for t in form.key_tasks)
    story.append(_tasks(b, "年度重点任务", ("任务名称", "责任单位/科室", "主要内容（重点工作计划）"), with_office=with_office))
    story.append(_budget_shanghai(b))
    story += _staff(b, always=True)
    story.append(
        indicator_table(
            b,
            form.indicators,
            heads=("一级目标", "二级目标", "三级目标"),
            value_head="指标目标值",
            with_standard=has_standard(form.indicators),
        )
    )
    story.append(b.signoff())
    story += annex_story(b)
    return story


def _texts(b: Builder, items: list[tuple[str, str]], *, keep_first: bool):
    """Label | text rows; rows after the first are left out when blank."""
    kept = [item for i, item in enumerate(items) if (keep_first and i == 0) or item[1].strip() or not keep_first]
    rows, spans = label_value_rows(b, kept, 2)
    return b.grid(rows, [28, 152], spans=spans)


def _budget_hunan(b: Builder):
    """年度预算申请: 资金总额, then by income and by nature side by side."""
    budget = b.form.budget
    rows = [
        [b.label(f"年度预算申请\n（{b.unit}）"), b.p(f"资金总额：{b.money(budget.total)}"), "", "", ""],
        ["", b.label("按收入性质分"), "", b.label("按支出性质分"), ""],
        ["", b.p("其中：一般公共预算拨款"), b.amount(budget.general_budget), b.p("其中：基本支出"), b.amount(budget.basic)],
        ["", b.p("政府性基金拨款"), b.amount(budget.gov_fund), b.p("项目支出"), b.amount(budget.project)],
        ["", b.p("其他资金"), b.amount(budget.other), "", ""],
    ]
    spans = [((0, 0), (0, 4)), ((1, 0), (4, 0)), ((1, 1), (2, 1)), ((3, 1), (4, 1))]
    return b.grid(rows, [28, 42, 34, 42, 34], spans=spans)


def _budget_shanghai(b: Builder):
    budget = b.form.budget
    items = [
        (f"部门整体预算总额（{b.unit}）", budget.total),
        ("1、资金来源：(1)财政拨款", budget.general_budget),
    ]
    if budget.gov_fund.strip():
        items.append(("其中：政府性基金拨款", budget.gov_fund))
    items += [
        ("(2)其他资金", budget.other),
        ("2、资金结构：(1)基本支出", budget.basic),
        ("(2)项目支出", budget.project),
    ]
    rows = [[b.vertical("预算情况"), b.label("内容"), b.label("预算情况")]]
    rows += [[b.vertical("预算情况"), b.p(label), b.amount(value)] for label, value in items]
    return b.grid(rows, [9, 101, 70], spans=[((0, 0), (0, len(rows) - 1))], vertical_label=True)


def _tasks(b: Builder, label: str, heads: tuple[str, str, str], *, with_office: bool):
    tasks = b.form.key_tasks
    if with_office:
        widths = [9, 55, 38, 78]
        rows = [[b.vertical(label), *[b.label(h) for h in heads]]]
        rows += [[b.vertical(label), b.p(t.name), b.p(t.office), b.p(t.target)] for t in tasks]
    else:
        widths = [9, 55, 116]
        rows = [[b.vertical(label), b.label(heads[0]), b.label(heads[2])]]
        rows += [[b.vertical(label), b.p(t.name), b.p(t.target)] for t in tasks]
    if not tasks:
        rows.append([b.vertical(label)] + [""] * (len(widths) - 1))
    return b.grid(rows, widths, spans=[((0, 0), (0, len(rows) - 1))], repeat=1, vertical_label=True)


def _staff(b: Builder, *, always: bool = False) -> list:
    form: DepartmentForm = b.form
    if not always and not (form.staff_count.strip() or form.internal_units.strip()):
        return []
    rows = [
        [b.label("年末在职人数"), b.label("内设机构数")],
        [b.center(form.staff_count), b.center(form.internal_units)],
    ]
    return [b.grid(rows, [90, 90])]
