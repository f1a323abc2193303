"""部门整体 (Hunan, with 附表2 and 附表3 sheets) and 单位整体 (Shanghai) forms as worksheets."""

from __future__ import annotations

import re

from jixiao_desktop.excel.sheet_writer import SheetWriter
from jixiao_desktop.excel.write_indicators import write_grid
from jixiao_desktop.excel.write_project import _signoff, has_standard
from jixiao_desktop.forms.department import DepartmentForm, FundDetail

_YEAR_RE = re.compile(r"^\d{4}$")


def _titles(w: SheetWriter, form: DepartmentForm, title: str) -> None:
    if _YEAR_RE.match(form.year):
        w.title(f"{form.year}年{title}")
    else:
        w.title(title)
        w.line(f"（{form.year}年度）")
    n = w.ncols
    w.put(w.row, 1, f"填报单位（盖章）：{form.filler_unit}", last=n - 2, border=False)
    w.put(w.row, n - 1, f"金额单位：{form.amount_unit.value}", last=n, border=False)
    w.row += 1


def write_department(wb, form: DepartmentForm) -> None:
    if form.kind == "unit":
        _write_unit(wb, form)
        return
    ws = wb.active
    ws.title = "部门整体支出绩效目标表"
    w = SheetWriter(ws, [14, 14, 16, 24, 18, 14], form.amount_unit)
    _titles(w, form, "部门整体支出绩效目标表")
    w.label_value("部门名称", form.name)
    _budget(w, form)
    w.label_value("部门职责概述", form.duties)
    for label, key in (("财政资金拨款方式", "funding_method"), ("年度履职目标", "annual_goal"),
                       ("年末在职人数", "staff_count"), ("内设机构数", "internal_units")):
        if getattr(form, key):
            w.label_value(label, getattr(form, key))
    start = w.row
    w.put(w.row, 2, "事项", bold=True, center=True)
    w.put(w.row, 3, "责任单位/科室", last=4, bold=True, center=True)
    w.put(w.row, 5, "工作目标", last=6, bold=True, center=True)
    w.row += 1
    for task in form.key_tasks:
        w.put(w.row, 2, task.name)
        w.put(w.row, 3, task.office, last=4)
        w.put(w.row, 5, task.target, last=6)
        w.fit(w.row, max(task.name, task.target, key=len), 2)
        w.row += 1
    w.put(start, 1, "年度重点工作计划", bottom=w.row - 1, bold=True, center=True)
    write_grid(w, form.indicators, label="年度绩效指标", has_mid=False,
               standard=has_standard(form.indicators), value_label="指标值及单位")
    _signoff(w, form)
    _write_fund_table(wb, form)
    number = 0
    for fund in form.special_funds:
        if fund.detail is not None:
            number += 1
            _write_detail(wb, form, fund.detail, number)


def _budget(w: SheetWriter, form: DepartmentForm) -> None:
    b = form.budget
    top = w.row
    w.put(top, 2, "资金总额", bold=True, center=True)
    w.total(top, 3, b.total, [b.general_budget, b.gov_fund, b.other],
            [w.ref(top + 2, 3), w.ref(top + 3, 3), w.ref(top + 4, 3)], last=6)
    w.put(top + 1, 2, "按收入性质分", last=3, bold=True, center=True)
    w.put(top + 1, 4, "按支出性质分", last=6, bold=True, center=True)
    rows = (("一般公共预算拨款", b.general_budget, "基本支出", b.basic),
            ("政府性基金拨款", b.gov_fund, "项目支出", b.project),
            ("其他资金", b.other, "", ""))
    for offset, (la, va, lb, vb) in enumerate(rows, start=2):
        w.put(top + offset, 2, la, bold=True)
        w.put(top + offset, 3, va, amount=True)
        w.put(top + offset, 4, lb, bold=True)
        w.put(top + offset, 5, vb, last=6, amount=True)
    w.put(top, 1, f"年度预算申请（{form.amount_unit.value}）", bottom=top + 4, bold=True, center=True)
    w.row = top + 5


def _write_fund_table(wb, form: DepartmentForm) -> None:
    w = SheetWriter(wb.create_sheet("附表2"), [8, 24, 14, 36, 36], form.amount_unit)
    w.line("附表2", center=False)
    _titles(w, form, "专项资金绩效目标汇总表")
    for col, head in enumerate(("序号", "名称", "金额", "实施期绩效目标", "年度绩效目标"), start=1):
        w.put(w.row, col, head, bold=True, center=True)
    w.row += 1
    total_row = w.row
    w.put(total_row, 1, "")
    w.put(total_row, 2, "合计", bold=True, center=True)
    w.put(total_row, 4, "")
    w.put(total_row, 5, "")
    w.row += 1
    for fund in form.special_funds:
        w.put(w.row, 1, fund.seq, center=True)
        w.put(w.row, 2, fund.name)
        w.put(w.row, 3, fund.amount, amount=True)
        w.put(w.row, 4, fund.period_goal)
        w.put(w.row, 5, fund.annual_goal)
        w.fit(w.row, max(fund.period_goal, fund.annual_goal, key=len), 1, per_col_chars=18)
        w.row += 1
    refs = [w.ref(total_row + 1 + i, 3) for i in range(len(form.special_funds))]
    w.total(total_row, 3, form.special_funds_total, [f.amount for f in form.special_funds], refs)


def _write_detail(wb, form: DepartmentForm, d: FundDetail, number: int) -> None:
    w = SheetWriter(wb.create_sheet(f"附表3-{number}"), [14, 16, 22, 16, 22, 14], form.amount_unit)
    w.line("附表3", center=False)
    _titles(w, form, "专项资金支出方向绩效目标表")
    for (la, va, lb, vb, amount) in (("支出方向（子项）", d.name, "所属专项名称", d.parent_name, False),
                                     ("项目金额", d.amount, "所属专项金额", d.parent_amount, True)):
        w.put(w.row, 1, la, bold=True, center=True)
        w.put(w.row, 2, va, last=3, amount=amount)
        w.put(w.row, 4, lb, bold=True, center=True)
        w.put(w.row, 5, vb, last=6, amount=amount)
        w.row += 1
    w.label_value("项目实施期", d.period)
    w.label_value("实施期绩效目标", d.period_goal)
    w.label_value("年度绩效目标", d.annual_goal)
    write_grid(w, d.indicators, label="年度绩效指标", has_mid=False, standard=True, value_label="指标值及单位")
    start = w.row
    for col, head, last in ((2, "支出内容简介", None), (3, "支出明细", None), (4, "金额", None),
                            (5, "支出测算依据及过程说明", 6)):
        w.put(w.row, col, head, last=last, bold=True, center=True)
    w.row += 1
    first = w.row
    for line in d.expenses:
        w.put(w.row, 2, line.summary)
        w.put(w.row, 3, line.detail)
        w.put(w.row, 4, line.amount, amount=True)
        w.put(w.row, 5, line.basis, last=6)
        w.fit(w.row, max(line.summary, line.detail, line.basis, key=len), 1, per_col_chars=12)
        w.row += 1
    w.put(w.row, 2, "合计", bold=True, center=True)
    w.put(w.row, 3, "")
    w.total(w.row, 4, d.expenses_total, [e.amount for e in d.expenses],
            [w.ref(first + i, 4) for i in range(len(d.expenses))])
    w.put(w.row, 5, "", last=6)
    w.row += 1
    w.put(start, 1, "支出明细及测算说明", bottom=w.row - 1, bold=True, center=True)


def _write_unit(wb, form: DepartmentForm) -> None:
    """上海 单位整体支出绩效目标申报表."""
    ws = wb.active
    ws.title = "单位整体支出绩效目标申报表"
    standard = has_standard(form.indicators)
    w = SheetWriter(ws, [22, 22, 30, 20] + ([14] if standard else []), form.amount_unit)
    n = w.ncols
    w.title("单位整体支出绩效目标申报表")
    w.line(f"（{form.year}年度）")
    w.put(w.row, 1, f"填报单位（盖章）：{form.filler_unit}", last=n - 1, border=False)
    w.put(w.row, n, f"金额单位：{form.amount_unit.value}", border=False)
    w.row += 1
    w.label_value("单位名称", form.name)
    w.label_value("财政资金拨款方式", form.funding_method)
    w.label_value("单位职责", form.duties)
    w.label_value("年度履职目标", form.annual_goal)
    w.put(w.row, 1, "年度重点任务", last=n, bold=True)
    w.row += 1
    office = any(t.office for t in form.key_tasks)
    heads = [("任务名称", 1, 1)] + ([("责任单位/科室", 2, 2)] if office else []) + \
        [("主要内容（重点工作计划）", 3 if office else 2, n)]
    for head, col, last in heads:
        w.put(w.row, col, head, last=last, bold=True, center=True)
    w.row += 1
    for task in form.key_tasks:
        w.put(w.row, 1, task.name)
        if office:
            w.put(w.row, 2, task.office)
        w.put(w.row, 3 if office else 2, task.target, last=n)
        w.fit(w.row, task.target, 2)
        w.row += 1
    unit = form.amount_unit.value
    b = form.budget
    w.put(w.row, 1, "预算情况", last=n, bold=True)
    w.row += 1
    w.put(w.row, 1, "内容", bold=True, center=True)
    w.put(w.row, 2, "预算情况", last=n, bold=True, center=True)
    w.row += 1
    top = w.row
    items = ((f"部门整体预算总额（{unit}）", b.total), ("1、资金来源：（1）财政拨款", b.general_budget),
             ("（2）其他资金", b.other), ("2、资金结构：（1）基本支出", b.basic), ("（2）项目支出", b.project))
    for offset, (label, value) in enumerate(items):
        w.put(top + offset, 1, label)
        if offset == 0:
            w.total(top, 2, value, [b.general_budget, b.other], [w.ref(top + 1, 2), w.ref(top + 2, 2)], last=n)
        else:
            w.put(top + offset, 2, value, last=n, amount=True)
    w.row = top + len(items)
    if b.gov_fund:
        w.label_value("政府性基金拨款", b.gov_fund, amount=True)
    w.put(w.row, 1, "年末在职人数", bold=True, center=True)
    w.put(w.row, 2, "内设机构数", last=n, bold=True, center=True)
    w.put(w.row + 1, 1, form.staff_count)
    w.put(w.row + 1, 2, form.internal_units, last=n)
    w.row += 2
    w.put(w.row, 1, "绩效指标", last=n, bold=True)
    w.row += 1
    write_grid(w, form.indicators, label="", has_mid=False, standard=standard, first_col=0,
               value_label="指标目标值", level_words="目标")
    if any(form.signoff.model_dump().values()):
        _signoff(w, form)
