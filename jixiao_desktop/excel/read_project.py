"""Reading a 项目支出绩效目标申报表 (and its 申报书 sheet) from worksheet blocks."""

from __future__ import annotations

from jixiao_desktop.excel.blocks import Block, Context, scan_inline, scan_labels
from jixiao_desktop.excel.cells import norm, split_unit
from jixiao_desktop.excel.tables import body_rows, read_indicators, take_header
from jixiao_desktop.forms.project import FUNDING_LEVELS, FundingItem, FundingRow, ProjectForm, Proposal

LABELS = {
    "项目名称": "project_name",
    "主管部门及代码": "department_code",
    "主管部门": "department_code",
    "实施单位": "implementing_unit",
    "项目实施单位": "implementing_unit",
    "项目属性": "attribute",
    "项目期": "period",
    "项目实施期": "period",
    "项目负责人": "leader",
    "联系电话": "leader_phone",
    "项目概况": "overview",
    "项目立项依据": "basis",
    "立项依据": "basis",
    "单位已有的保障项目实施的制度措施": "measures",
    "保障措施": "measures",
    "预算绩效说明": "budget_notes",
}
SIGNOFF = {
    "单位负责人（签字）": "unit_head",   # as the printed form (and its Word file) words it
    "单位负责人(签字)": "unit_head",
    "单位负责人签字": "unit_head",
    "单位负责人": "unit_head",
    "填报人": "filler",
    "填表人": "filler",
    "联系电话": "phone",
    "填报日期": "date",
}
INLINE_UNIT = {"填报单位(盖章)": "filler_unit", "填报单位（盖章）": "filler_unit", "填报单位": "filler_unit"}
FUNDING_HEADER = {"total": {"总投入", "合计", "资金总额"}} | {
    key: {norm(title), norm(title).replace("(市)", "")} for key, title in FUNDING_LEVELS
}
STOPS = set(LABELS) | {"总体目标"}
SIGN_PREFIXES = ("单位负责人", "填报人", "填表人", "填报日期")


def titles_of(model, keys) -> dict[str, str]:
    return {key: model.model_fields[key].title for key in keys}


def read_project(ctx: Context, block: Block) -> ProjectForm:
    form = ProjectForm(indicators=[])
    _funding(ctx, block, form)
    _goals(ctx, block, form)
    rows, found = read_indicators(ctx, block, 0, True, STOPS, SIGN_PREFIXES)
    form.indicators = rows
    sign_titles = titles_of(type(form.signoff), set(SIGNOFF.values()))
    scan_inline(ctx, block, SIGNOFF, sign_titles, lambda k, v: setattr(form.signoff, k, v))
    scan_inline(ctx, block, INLINE_UNIT, {"filler_unit": "填报单位"}, lambda k, v: setattr(form, k, _seal(v)))
    grid_row = _grid_start(block)
    before = {(s.name, r) for i, (s, r) in enumerate(block.rows) if grid_row is None or i < grid_row}
    after = {(s.name, r) for i, (s, r) in enumerate(block.rows) if grid_row is not None and i >= grid_row}
    titles = titles_of(ProjectForm, set(LABELS.values()))
    scan_labels(ctx, block, LABELS, titles, lambda k, v: setattr(form, k, v), rows=before)
    later = dict(LABELS, 联系电话="phone")
    titles_after = dict(titles, phone="联系电话（签字栏）")

    def set_after(key: str, value: str) -> None:
        if key == "phone":
            form.signoff.phone = value
        else:
            setattr(form, key, value)

    scan_labels(ctx, block, later, titles_after, set_after, rows=after)
    return form


def _seal(value: str) -> str:
    for seal in ("（盖章）", "(盖章)"):
        if value.startswith(seal):
            return value[len(seal):].strip()
    return value


def _grid_start(block: Block) -> int | None:
    for index, (sheet, r) in enumerate(block.rows):
        texts = {norm(sheet.mtext(r, c)) for c in range(sheet.ncols)}
        if "三级指标" in texts or "三级目标" in texts:
            return index
    return None


def _funding(ctx: Context, block: Block, form: ProjectForm) -> None:
    found = take_header(block, FUNDING_HEADER, {"total"})
    if found is None:
        return
    index, cols = found
    sheet, h = block.rows[index]
    for c in range(sheet.ncols):
        if norm(sheet.text(h, c)) == "资金来源":
            sheet.consumed.add((h, c))
    for sheet_r, r in block.rows[index + 1: index + 6]:
        if sheet_r is not sheet:
            break
        for c in range(sheet.ncols):
            base, unit = split_unit(norm(sheet.text(r, c)))
            key = "mid" if base.startswith("中期") else "annual" if base.startswith("年度") else None
            if key is None or not base.endswith("资金来源") and base not in ("中期", "年度"):
                continue
            sheet.consumed.add((r, c))
            if unit is not None:
                ctx.note_unit(unit, sheet.coord(r, c))
            row = FundingRow()
            label = "中期资金来源" if key == "mid" else "年度资金来源"
            for field, col in cols.items():
                if sheet.text(r, col) and not sheet.is_merged_child(r, col):
                    title = FundingRow.model_fields[field].title
                    setattr(row, field, ctx.take(sheet, r, col, f"{label}·{title}", amount=True))
            setattr(form.funding, key, row)
            break


def _goals(ctx: Context, block: Block, form: ProjectForm) -> None:
    for index, (sheet, r) in enumerate(block.rows):
        heads = {}
        for c in range(sheet.ncols):
            if sheet.is_merged_child(r, c):
                continue
            t = norm(sheet.text(r, c))
            if t in ("中期目标", "年度目标"):
                heads["mid" if t == "中期目标" else "annual"] = c
            elif t == "总体目标":
                sheet.consumed.add((r, c))
        if not heads:
            continue
        for key, c in heads.items():
            sheet.consumed.add((r, c))
            label = "中期目标" if key == "mid" else "年度目标"
            right = [cc for cc in range(c + 1, sheet.ncols) if sheet.text(r, cc) and not sheet.is_merged_child(r, cc)]
            if len(heads) == 1 and right and norm(sheet.text(r, right[0])) not in ("中期目标", "年度目标"):
                setattr(form.goals, key, ctx.take(sheet, r, right[0], label))
                continue
            for sheet_b, rb in block.rows[index + 1: index + 3]:
                if sheet_b is sheet and sheet.text(rb, c) and (rb, c) not in sheet.consumed:
                    setattr(form.goals, key, ctx.take(sheet, rb, c, label))
                    break
        if len(heads) == 2:
            return


PROPOSAL_LABELS = {norm(field.title): key for key, field in Proposal.model_fields.items()
                   if key not in ("arrangement_items",)}


def read_proposal(ctx: Context, block: Block) -> Proposal:
    """The 项目申报书 sheet: label/value rows and the 资金安排明细 table."""
    proposal = Proposal()
    for sheet, r, c in block.cells():
        if norm(sheet.text(r, c)) in ("项目申报书", "资金安排明细"):
            sheet.consumed.add((r, c))
    found = take_header(block, {"name": {"用途"}, "amount": {"金额"}}, {"name", "amount"})
    if found is not None:
        index, cols = found
        for sheet_r, r in body_rows(block, index, list(cols.values()), set(PROPOSAL_LABELS)):
            proposal.arrangement_items.append(FundingItem(
                name=ctx.take(sheet_r, r, cols["name"], "资金安排明细·用途") if sheet_r.text(r, cols["name"]) else "",
                amount=ctx.take(sheet_r, r, cols["amount"], "资金安排明细·金额", amount=True)
                if sheet_r.text(r, cols["amount"]) else "",
            ))
    titles = {key: Proposal.model_fields[key].title for key in PROPOSAL_LABELS.values()}
    scan_labels(ctx, block, PROPOSAL_LABELS, titles, lambda k, v: setattr(proposal, k, v),
                {"arrangement_total"})
    return proposal
