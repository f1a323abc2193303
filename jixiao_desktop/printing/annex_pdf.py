"""附表2 (专项资金绩效目标汇总表) and 附表3 (专项资金支出方向绩效目标表), each from a new page."""

from __future__ import annotations

from reportlab.platypus import PageBreak

from jixiao_desktop.forms import DepartmentForm, FundDetail
from jixiao_desktop.printing.common import Builder, label_value_rows
from jixiao_desktop.printing.indicators import indicator_table
from jixiao_desktop.printing.project_pdf import cost_table


def fund_level(form: DepartmentForm) -> str:
    """区级/县级/市级 as the department's name suggests; 本级 when it says nothing."""
    name = form.name or form.filler_unit
    for mark, level in (("区", "区级"), ("县", "县级"), ("旗", "旗级"), ("市", "市级"), ("省", "省级")):
        if mark in name:
            return level
    return "本级"


def annex_story(b: Builder) -> list:
    form: DepartmentForm = b.form
    if not form.special_funds and not form.special_funds_total.strip():
        return []
    year = form.year.strip()
    prefix = f"{year}年{fund_level(form)}" if year else fund_level(form)
    story: list = [PageBreak()]
    story += b.title_block(f"{prefix}专项资金绩效目标汇总表", corner="附表2")
    story.append(_summary(b))
    story.append(b.signoff(head_label="单位负责人签字", filler_label="填表人"))
    for fund in form.special_funds:
        if fund.detail is None:
            continue
        story.append(PageBreak())
        story += b.title_block(f"{prefix}专项资金支出方向绩效目标表", corner="附表3")
        story += detail_tables(b, fund.detail)
        story.append(b.signoff(head_label="单位负责人签字", filler_label="填表人"))
    return story


def _summary(b: Builder):
    form: DepartmentForm = b.form
    heads = ["序号", "名  称", f"金  额（{b.unit}）", "实施期绩效目标", "年度绩效目标"]
    rows = [[b.label(h) for h in heads]]
    rows.append(["", b.center("合  计"), b.amount(form.special_funds_total), "", ""])
    for fund in form.special_funds:
        rows.append(
            [b.center(fund.seq), b.p(fund.name), b.amount(fund.amount), b.p(fund.period_goal), b.p(fund.annual_goal)]
        )
    return b.grid(rows, [11, 38, 23, 54, 54], repeat=1)


def detail_tables(b: Builder, detail: FundDetail) -> list:
    head = [
        [b.label("支出方向（子项）"), b.p(detail.name), b.label("所属专项"), b.label("名称"), b.p(detail.parent_name)],
        [b.label("项目金额"), b.amount(detail.amount), "", b.label("金额"), b.amount(detail.parent_amount)],
    ]
    more, more_spans = label_value_rows(
        b,
        [
            ("项目实施期", detail.period),
            ("实施期绩效目标", detail.period_goal),
            ("年度绩效目标", detail.annual_goal),
        ],
        5,
    )
    spans = [((2, 0), (2, 1))] + [((a[0], a[1] + 2), (z[0], z[1] + 2)) for a, z in more_spans]
    out = [b.grid(head + more, [28, 54, 18, 20, 60], spans=spans)]
    out.append(
        indicator_table(b, detail.indicators, label="年度绩效指标", value_head="指标值及单位", with_standard=True)
    )
    out.append(_expenses(b, detail))
    lines = [line for expense in detail.expenses for line in expense.cost_lines]
    if lines:
        out.append(cost_table(b, lines, label="测算"))
    return out


def _expenses(b: Builder, detail: FundDetail):
    label = "支出明细及测算说明"
    heads = ["支出内容简介", "支出明细", f"金额（{b.unit}）", "支出测算依据及过程说明"]
    rows = [[b.vertical(label), *[b.label(h) for h in heads]]]
    for e in detail.expenses:
        rows.append([b.vertical(label), b.p(e.summary), b.p(e.detail), b.amount(e.amount), b.p(e.basis)])
    rows.append([b.vertical(label), b.center("合  计"), "", b.amount(detail.expenses_total), ""])
    n = len(rows) - 1
    spans = [((0, 0), (0, n)), ((1, n), (2, n)), ((4, n), (4, n))]
    return b.grid(rows, [9, 40, 40, 22, 69], spans=spans, repeat=1, vertical_label=True)
