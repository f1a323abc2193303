"""Reading a 部门/单位整体支出绩效目标表 with its 附表2 and 附表3 blocks."""

from __future__ import annotations

import re

from jixiao_desktop.excel.blocks import Block, Context, scan_inline, scan_labels, value_right
from jixiao_desktop.excel.cells import norm, split_unit
from jixiao_desktop.excel.read_project import SIGN_PREFIXES, SIGNOFF, _seal, titles_of
from jixiao_desktop.excel.tables import body_rows, find_row, read_indicators, take_header
from jixiao_desktop.forms.department import (
    DepartmentBudget,
    DepartmentForm,
    ExpenseLine,
    FundDetail,
    KeyTask,
    SpecialFund,
)

LABELS = {
    "部门名称": "name",
    "单位名称": "name",
    "财政资金拨款方式": "funding_method",
    "部门职责概述": "duties",
    "部门职责": "duties",
    "单位职责": "duties",
    "年度履职目标": "annual_goal",
}
BUDGET = {
    "资金总额": "total",
    "部门整体预算总额": "total",
    "单位整体预算总额": "total",
    "预算总额": "total",
    "一般公共预算拨款": "general_budget",
    "财政拨款": "general_budget",
    "政府性基金拨款": "gov_fund",
    "其他资金": "other",
    "基本支出": "basic",
    "项目支出": "project",
}
_BUDGET_PREFIX_RE = re.compile(r"^(?:其中:)?(?:\d+、[^:]*:)?(?:\(\d+\))?")
TASK_HEADER = {
    "name": {"事项", "任务名称", "重点任务", "工作任务"},
    "office": {"责任单位/科室", "责任单位", "责任科室"},
    "target": {"工作目标", "主要内容(重点工作计划)", "主要内容"},
}
COUNTS = {"年末在职人数": "staff_count", "内设机构数": "internal_units"}
STOPS = set(LABELS) | set(COUNTS) | {"预算情况", "年度预算申请", "年度重点工作计划", "年度重点任务"}
FUND_HEADER = {
    "seq": {"序号"},
    "name": {"名称", "专项名称", "项目名称"},
    "amount": {"金额", "项目金额"},
    "period_goal": {"实施期绩效目标"},
    "annual_goal": {"年度绩效目标"},
}
DETAIL = {
    "支出方向(子项)": "name",
    "所属专项名称": "parent_name",
    "名称": "parent_name",
    "项目金额": "amount",
    "所属专项金额": "parent_amount",
    "金额": "parent_amount",
    "项目实施期": "period",
    "实施期绩效目标": "period_goal",
    "年度绩效目标": "annual_goal",
}
EXPENSE_HEADER = {
    "summary": {"支出内容简介"},
    "detail": {"支出明细"},
    "amount": {"金额"},
    "basis": {"支出测算依据及过程说明", "测算依据及过程说明"},
}


def budget_key(text: str) -> str | None:
    base, _ = split_unit(norm(text))
    return BUDGET.get(_BUDGET_PREFIX_RE.sub("", base))


def read_department(ctx: Context, block: Block, kind: str) -> DepartmentForm:
    form = DepartmentForm(kind=kind, indicators=[])
    _tasks(ctx, block, form)
    form.indicators, _ = read_indicators(ctx, block, 0, False, STOPS | set(BUDGET), SIGN_PREFIXES)
    scan_inline(ctx, block, SIGNOFF, titles_of(type(form.signoff), set(SIGNOFF.values())),
                lambda k, v: setattr(form.signoff, k, v))
    scan_inline(ctx, block, {"填报单位(盖章)": "u", "填报单位（盖章）": "u", "填报单位": "u"}, {"u": "填报单位"},
                lambda k, v: setattr(form, "filler_unit", _seal(v)))
    _budget(ctx, block, form)
    _counts(ctx, block, form)
    scan_labels(ctx, block, LABELS, titles_of(DepartmentForm, set(LABELS.values())),
                lambda k, v: setattr(form, k, v))
    for sheet, r, c in block.cells():
        t = norm(sheet.text(r, c))
        if (r, c) not in sheet.consumed and split_unit(t)[0] in STOPS | {"按收入性质分", "按支出性质分", "内容"}:
            sheet.consumed.add((r, c))
    return form


def _row(ctx: Context, sheet, r: int, cols: dict[str, int], item, prefix: str):
    """One table row into ``item`` (a model): each filled column by its key; ``amount`` as money."""
    for key, c in cols.items():
        if sheet.text(r, c) and not sheet.is_merged_child(r, c):
            setattr(item, key, ctx.take(sheet, r, c, prefix + type(item).model_fields[key].title,
                                        amount=key == "amount"))
    return item


def _tasks(ctx: Context, block: Block, form: DepartmentForm) -> None:
    found = take_header(block, TASK_HEADER, {"name", "target"})
    if found is None:
        return
    index, cols = found
    sheet, h = block.rows[index]
    stops = STOPS | {"年度绩效指标", "绩效指标", "一级指标", "一级目标"} | set(BUDGET)
    for sheet_r, r in body_rows(block, index, list(cols.values()), stops, SIGN_PREFIXES):
        form.key_tasks.append(_row(ctx, sheet_r, r, cols, KeyTask(), "年度重点工作·"))


def _budget(ctx: Context, block: Block, form: DepartmentForm) -> None:
    seen: set[str] = set()
    for sheet, r, c in block.cells():
        if (r, c) in sheet.consumed:
            continue
        raw = sheet.text(r, c)
        t = norm(raw)
        key = budget_key(t)
        inline = None
        if key is None and ":" in t:
            head, _, tail = t.partition(":")
            key = budget_key(head)
            inline = raw.split("：", 1)[-1] if "：" in raw else raw.split(":", 1)[-1]
            if key is not None and not tail:
                inline = None
        if key is None:
            continue
        _, unit = split_unit(norm(t.partition(":")[0]))
        if unit is not None:
            ctx.note_unit(unit, sheet.coord(r, c))
        title = "年度预算·" + DepartmentBudget.model_fields[key].title
        if key in seen:
            ctx.report.add_unrecognised(sheet.coord(r, c), raw, "栏目重复出现，只读入第一处")
            continue
        seen.add(key)
        sheet.consumed.add((r, c))
        if inline is not None:
            value = inline.strip()
            ctx.report.add_read(sheet.coord(r, c), title, value)
        else:
            pos = value_right(sheet, r, c, set(BUDGET) | set(LABELS) | {"按收入性质分", "按支出性质分"})
            value = ctx.take(sheet, pos[0], pos[1], title, amount=True) if pos else ""
        setattr(form.budget, key, value)


def _counts(ctx: Context, block: Block, form: DepartmentForm) -> None:
    for sheet, r, c in block.cells():
        key = COUNTS.get(norm(sheet.text(r, c)))
        if key is None or (r, c) in sheet.consumed:
            continue
        sheet.consumed.add((r, c))
        title = DepartmentForm.model_fields[key].title
        right = c + 1
        while sheet.is_merged_child(r, right):
            right += 1
        left = sheet.top_left(r, c - 1)[1] if c > 0 else None
        header_style = norm(sheet.text(r, right)) in COUNTS or (
            left is not None and norm(sheet.text(r, left)) in COUNTS)
        if header_style:
            below = sheet.spans.get((r, c), (r, c))[0] + 1
            text = norm(sheet.text(below, c))
            if text and (below, c) not in sheet.consumed and text not in STOPS | set(BUDGET):
                setattr(form, key, ctx.take(sheet, below, c, title))
            continue
        if sheet.text(r, right) and (r, right) not in sheet.consumed:
            setattr(form, key, ctx.take(sheet, r, right, title))


def read_fund_table(ctx: Context, block: Block, form: DepartmentForm) -> None:
    """附表2: one SpecialFund per row, the 合计 row into ``special_funds_total``."""
    found = take_header(block, FUND_HEADER, {"name", "amount"})
    if found is None:
        return
    index, cols = found
    sheet, h = block.rows[index]
    for sheet_r, r in body_rows(block, index, list(cols.values()), set(), SIGN_PREFIXES):
        texts = {key: sheet_r.text(r, c) for key, c in cols.items()}
        if norm(texts.get("name", "")) in ("合计", "总计") or norm(texts.get("seq", "")) in ("合计", "总计"):
            for key, c in cols.items():
                if norm(texts[key]) in ("合计", "总计"):
                    sheet_r.consumed.add((r, c))
            if texts.get("amount"):
                form.special_funds_total = ctx.take(sheet_r, r, cols["amount"], "附表2 合计", amount=True)
            continue
        form.special_funds.append(_row(ctx, sheet_r, r, cols, SpecialFund(), "附表2·"))
    scan_inline(ctx, block, SIGNOFF, titles_of(type(form.signoff), set(SIGNOFF.values())),
                lambda k, v: setattr(form.signoff, k, v) if not getattr(form.signoff, k) else None)


def read_detail(ctx: Context, block: Block, form: DepartmentForm) -> FundDetail:
    """One 附表3 block."""
    detail = FundDetail()
    found = find_row(block, 0, EXPENSE_HEADER, {"summary", "amount"})
    expense_index = found[0] if found else len(block.rows)
    for sheet, r, c in block.cells():
        if norm(sheet.text(r, c)) == "所属专项":
            sheet.consumed.add((r, c))
    head_rows = {(s.name, r) for s, r in block.rows[:expense_index]}
    stops = set(DETAIL) | {"支出明细及测算说明", "所属专项"}
    detail.indicators, _ = read_indicators(ctx, block, 0, False, stops, SIGN_PREFIXES)
    if found is not None:
        sheet, h = block.rows[expense_index]
        for c in found[1].values():
            sheet.consumed.add(sheet.top_left(h, c))
        for c in range(sheet.ncols):
            if norm(sheet.mtext(h, c)).startswith("支出明细及测算"):
                sheet.consumed.add(sheet.top_left(h, c))
        _expenses(ctx, block, expense_index, found[1], detail)
    amount_keys = {"amount", "parent_amount"}
    scan_labels(ctx, block, DETAIL, titles_of(FundDetail, set(DETAIL.values())),
                lambda k, v: setattr(detail, k, v), amount_keys, rows=head_rows)
    return detail


def _expenses(ctx: Context, block: Block, index: int, cols: dict[str, int], detail: FundDetail) -> None:
    for sheet, r in body_rows(block, index, list(cols.values()), set(), SIGN_PREFIXES):
        texts = {key: sheet.text(r, c) for key, c in cols.items()}
        total_label = [c for c in range(sheet.ncols) if norm(sheet.text(r, c)) in ("合计", "小计", "总计")]
        # A damaged or home-made table may lack any column: a missing one reads as blank.
        if total_label and not texts.get("basis") and norm(texts.get("summary", "")) in ("合计", "小计", "总计", ""):
            for c in total_label:
                sheet.consumed.add((r, c))
            if texts.get("amount"):
                detail.expenses_total = ctx.take(sheet, r, cols["amount"], "支出明细合计", amount=True)
            continue
        detail.expenses.append(_row(ctx, sheet, r, cols, ExpenseLine(), "支出明细·"))
