"""项目支出绩效目标申报表 as a worksheet in the official layout, and its 申报书 sheet."""

from __future__ import annotations

from jixiao_desktop.excel.sheet_writer import SheetWriter
from jixiao_desktop.excel.write_indicators import write_grid
from jixiao_desktop.forms.project import FUNDING_LEVELS, FundingRow, ProjectForm, Proposal


def has_standard(rows) -> bool:
    return any(side.standard for row in rows for _, side in row.sides())


def write_project(wb, form: ProjectForm) -> None:
    ws = wb.active
    ws.title = "项目支出绩效目标申报表"
    standard = has_standard(form.indicators)
    side = 4 if standard else 3
    widths = [14, 11] + ([12, 22, 14, 10] if standard else [12, 22, 14]) * 2
    w = SheetWriter(ws, widths, form.amount_unit)
    n = w.ncols
    unit = form.amount_unit.value
    w.title("项目支出绩效目标申报表")
    w.line(f"（{form.year}年度）")
    w.put(w.row, 1, f"填报单位（盖章）：{form.filler_unit}", last=n - 2, border=False)
    w.put(w.row, n - 1, f"金额单位：{unit}", last=n, border=False)
    w.row += 1
    w.label_value("项目名称", form.project_name)
    half = 2 + side - 1
    for (la, va), (lb, vb) in (
        (("主管部门及代码", form.department_code), ("实施单位", form.implementing_unit)),
        (("项目属性", form.attribute), ("项目期", form.period)),
        (("项目负责人", form.leader), ("联系电话", form.leader_phone)),
    ):
        w.put(w.row, 1, la, bold=True, center=True)
        w.put(w.row, 2, va, last=half)
        w.put(w.row, half + 1, lb, bold=True, center=True)
        w.put(w.row, half + 2, vb, last=n)
        w.row += 1
    w.label_value("项目概况", form.overview)
    w.label_value("项目立项依据", form.basis)
    _funding(w, form)
    w.put(w.row, 1, "总体目标", bottom=w.row + 1, bold=True, center=True)
    w.put(w.row, 2, "中期目标", last=half, bold=True, center=True)
    w.put(w.row, half + 1, "年度目标", last=n, bold=True, center=True)
    w.put(w.row + 1, 2, form.goals.mid, last=half)
    w.put(w.row + 1, half + 1, form.goals.annual, last=n)
    w.fit(w.row + 1, max(form.goals.mid, form.goals.annual, key=len), n // 2)
    w.row += 2
    write_grid(w, form.indicators, label="绩效指标", has_mid=True, standard=standard)
    w.label_value("单位已有的保障项目实施的制度措施", form.measures)
    w.label_value("预算绩效说明", form.budget_notes)
    _signoff(w, form)
    ws.print_title_rows = None


def _funding(w: SheetWriter, form: ProjectForm) -> None:
    n = w.ncols
    unit = form.amount_unit.value
    heads = ["总投入"] + [title for _, title in FUNDING_LEVELS]
    w.put(w.row, 1, "资金来源", bold=True, center=True)
    for index, head in enumerate(heads):
        w.put(w.row, 2 + index, head, bold=True, center=True, last=n if index == len(heads) - 1 else None)
    w.row += 1
    for key, label in (("mid", "中期资金来源"), ("annual", "年度资金来源")):
        row: FundingRow = getattr(form.funding, key)
        w.put(w.row, 1, f"{label}（{unit}）", bold=True, center=True)
        parts = [text for _, text in row.parts()]
        refs = [w.ref(w.row, 3 + index) for index in range(len(parts))]
        w.total(w.row, 2, row.total, parts, refs)
        for index, text in enumerate(parts):
            w.put(w.row, 3 + index, text, amount=True, last=n if index == len(parts) - 1 else None)
        w.row += 1


def _signoff(w: SheetWriter, form) -> None:
    s = form.signoff
    n = w.ncols
    quarter = max(1, n // 4)
    items = [("单位负责人", s.unit_head), ("填报人", s.filler), ("联系电话", s.phone), ("填报日期", s.date)]
    col = 1
    for index, (label, value) in enumerate(items):
        last = n if index == len(items) - 1 else col + quarter - 1
        w.put(w.row, col, f"{label}：{value}", last=last, border=False)
        col = last + 1
    w.row += 1


def write_proposal(wb, proposal: Proposal, unit) -> None:
    """项目申报书: its sections as label/value rows, 资金安排明细 as a small table."""
    if proposal == Proposal():
        return
    w = SheetWriter(wb.create_sheet("项目申报书"), [18, 50, 18], unit)
    w.title("项目申报书")
    for key, field in Proposal.model_fields.items():
        if key == "arrangement_items":
            w.put(w.row, 1, "资金安排明细", bold=True, center=True, bottom=w.row + len(proposal.arrangement_items))
            w.put(w.row, 2, "用途", bold=True, center=True)
            w.put(w.row, 3, "金额", bold=True, center=True)
            w.row += 1
            for item in proposal.arrangement_items:
                w.put(w.row, 2, item.name)
                w.put(w.row, 3, item.amount, amount=True)
                w.row += 1
            continue
        w.label_value(field.title, getattr(proposal, key), amount=key == "arrangement_total")
