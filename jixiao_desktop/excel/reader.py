"""``import_workbook(path)``: a filled or blank workbook of any form kind → a document."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path


from jixiao_desktop.excel import program_data
from jixiao_desktop.excel.blocks import FB2, FB3, MAIN, Block, Context, leftovers, scan_inline, split_blocks
from jixiao_desktop.excel.cells import norm
from jixiao_desktop.excel.errors import ExcelError, reading_sheet
from jixiao_desktop.excel.grid import MAX_COLS, MAX_ROWS, count_beyond_cap, merged_ranges, read_sheet
from jixiao_desktop.excel.read_department import read_department, read_detail, read_fund_table
from jixiao_desktop.excel.read_project import INLINE_UNIT, _seal, read_project, read_proposal
from jixiao_desktop.excel.old_workbook import CUT_ATTRIBUTE
from jixiao_desktop.excel.opening import load_xlsx as _load
from jixiao_desktop.excel.opening import open_workbook
from jixiao_desktop.excel.report import ImportReport
from jixiao_desktop.excel.template_choice import choose_template
from jixiao_desktop.excel.template_read import read_template_sheets
from jixiao_desktop.forms import FORM_KINDS, DepartmentForm, ProjectForm, TemplateForm, ValidationError, validate_form
from jixiao_desktop.forms.layouts import COST, INPUT_MANAGEMENT, IndicatorLayout, canonical
from jixiao_desktop.money import AmountUnit

PROPOSAL_SHEET = "项目申报书"
_DEFAULT_UNIT = {"project": AmountUnit.YUAN, "department": AmountUnit.WAN_YUAN, "unit": AmountUnit.YUAN}


@dataclass
class ImportResult:
    form: ProjectForm | DepartmentForm | TemplateForm
    report: ImportReport


def import_workbook(path: str | Path, template=None) -> ImportResult:
    """Read a workbook into a document; raises :class:`ExcelError` with a Chinese message.

    ``template`` (an id or a loaded template) names the form (表样) the workbook was filled in on; the
    program's own data sheet says it for a workbook this program wrote; else the best-matching
    template is found by its labels (see :mod:`.template_choice`), or one of the built-in forms.
    """
    path = Path(path)
    opened = open_workbook(path, read_only=True)   # .xlsx/.xlsm, or an old .xls/.et built in memory
    report = ImportReport(source=path.name)
    report.warnings += opened.info.warnings
    for part, rows in opened.info.declared_rows.items():
        if rows > MAX_ROWS:
            report.warnings.append(f"工作表（{part}）声明有{rows}行，只读取前{MAX_ROWS}行、前{MAX_COLS}列。")
    try:
        sheets, rows = read_sheets(opened.wb, report, read_only=opened.read_only, data=opened.data)
        loaded = choose_template(template, rows, sheets, report)
        if loaded is not None:
            form = read_template_sheets(sheets, loaded, report)
        else:
            from jixiao_desktop.templates.bind import attach_template

            form = attach_template(_read_builtin(sheets, report))   # it follows the template that describes it
        if rows is not None:
            form = _apply_program_data(form, rows, report)
    finally:
        opened.close()
    return ImportResult(form, report)


def read_sheets(wb, report: ImportReport, *, read_only: bool = False, data: bytes | None = None):
    """(every sheet but the program's data sheet, read into memory in workbook order; 填报程序数据 rows or None)."""
    sheets, rows = [], None
    archive = zipfile.ZipFile(io.BytesIO(data)) if read_only and data is not None else None
    for ws in wb.worksheets:
        if ws.title == program_data.SHEET_NAME:
            try:
                with reading_sheet(ws.title):
                    rows, problems = program_data.read_sheet(ws)
            except ExcelError as exc:  # only the program's own notes: the form is read without them
                rows, problems = None, [f"{exc}（“{program_data.SHEET_NAME}”未采用，表格内容照常读入）"]
            report.warnings += problems
            continue
        part = getattr(ws, "_worksheet_path", None)
        merges = merged_ranges(archive, part) if archive is not None and part else None
        sheet = read_sheet(ws, read_only, merges)
        sheet.cut_cells += getattr(ws, CUT_ATTRIBUTE, 0)   # an old workbook's cells beyond the cap
        if archive is not None and part and ((ws.max_row or 0) > MAX_ROWS or (ws.max_column or 0) > MAX_COLS):
            sheet.cut_cells += count_beyond_cap(archive, part)
        if sheet.bad_styles:
            report.warnings.append(f"工作表“{ws.title}”有{sheet.bad_styles}个单元格的格式已损坏，按常规格式读入其内容。")
        if sheet.bad_merges:
            report.warnings.append(f"工作表“{ws.title}”有{sheet.bad_merges}个合并单元格区域与其他区域重叠或过多"
                                   "（Excel本身不会这样保存，文件可能已损坏），这些区域按未合并读入。")
        if sheet.cut_cells:
            report.warnings.append(f"工作表“{ws.title}”有{sheet.cut_cells}个单元格超出读取范围"
                                   f"（前{MAX_ROWS}行、前{MAX_COLS}列），未读入。")
        sheets.append(sheet)
    for chart in getattr(wb, "chartsheets", []):
        report.warnings.append(f"图表页“{chart.title}”不含表格内容，未读入。")
    _cached_formulas(sheets, wb, data, read_only)
    return sheets, rows


def read_workbook(wb, report: ImportReport, *, read_only: bool = False, data: bytes | None = None):
    """(built-in form as read from the main sheets, 填报程序数据 rows or None)."""
    from jixiao_desktop.templates.bind import attach_template

    sheets, rows = read_sheets(wb, report, read_only=read_only, data=data)
    return attach_template(_read_builtin(sheets, report)), rows   # it follows the template that describes it


def read_template_workbook(wb, loaded, *, data: bytes | None = None) -> TemplateForm:
    """A document of ``loaded`` as the workbook's sheets show it (the program's data sheet not applied)."""
    report = ImportReport()
    sheets, _ = read_sheets(wb, report, read_only=data is not None, data=data)
    return read_template_sheets(sheets, loaded, report)


def _read_builtin(all_sheets, report: ImportReport):
    """One of the built-in forms (项目支出 / 部门整体 / 单位整体) read from the sheets."""
    sheets = [s for s in all_sheets if norm(s.name) != PROPOSAL_SHEET]
    proposal_sheets = [s for s in all_sheets if norm(s.name) == PROPOSAL_SHEET]
    blocks = split_blocks(sheets)
    kind = _detect_kind(blocks)
    report.kind_label = FORM_KINDS[kind]
    ctx = Context(report)
    for block in blocks:
        ctx.titles(block)
    if ctx.unit is None:
        ctx.unit = _DEFAULT_UNIT[kind]
        report.add_guess("", f"未找到金额单位，按{ctx.unit.value}读入")
    main = blocks[0]
    if kind == "project":
        form = read_project(ctx, main)
        for sheet in proposal_sheets:
            block = Block(MAIN, [(sheet, r) for r in range(sheet.nrows)])
            form.proposal = read_proposal(ctx, block)
            leftovers(ctx, [block])
        for block in blocks[1:]:
            report.warnings.append(f"项目支出表不含附表，{block.rows[0][0].name}中的附表内容未读入。")
    else:
        form = read_department(ctx, main, kind)
        _read_annexes(ctx, blocks[1:], form)
    form.year = ctx.year or ""
    form.amount_unit = ctx.unit
    form.layout = _layout(form, report)
    leftovers(ctx, blocks)
    return form


def _read_annexes(ctx: Context, blocks, form: DepartmentForm) -> None:
    for block in blocks:
        scan_inline(ctx, block, INLINE_UNIT, {"filler_unit": "填报单位"},
                    lambda k, v: setattr(form, k, _seal(v)) if v and not form.filler_unit else None)
        if block.kind == FB2:
            read_fund_table(ctx, block, form)
    for block in blocks:
        if block.kind != FB3:
            continue
        detail = read_detail(ctx, block, form)
        where = block.rows[0][0].coord(block.rows[0][1], 0)
        names = {norm(detail.parent_name), norm(detail.name)}
        target = next((f for f in form.special_funds if f.detail is None and norm(f.name) and norm(f.name) in names),
                      None)
        if target is None:
            target = next((f for f in form.special_funds if f.detail is None), None)
            if target is not None:
                ctx.report.add_guess(where, f"附表3“{detail.name}”名称与附表2不符，按顺序对应附表2“{target.name}”")
        if target is None:
            from jixiao_desktop.forms.department import SpecialFund

            target = SpecialFund(name=detail.parent_name or detail.name, amount=detail.parent_amount)
            form.special_funds.append(target)
            ctx.report.add_guess(where, f"附表3“{detail.name}”在附表2中没有对应行，已在附表2末尾补上一行")
        target.detail = detail


def _detect_kind(blocks) -> str:
    texts = [norm(sheet.text(r, c)) for b in blocks[:1] for sheet, r, c in b.cells()]
    for t in texts:
        if "项目支出绩效目标" in t:
            return "project"
        if "单位整体支出绩效目标" in t:
            return "unit"
        if "部门整体支出绩效目标" in t:
            return "department"
    labels = set(texts)
    if "项目名称" in labels or "中期目标" in labels:
        return "project"
    if "部门名称" in labels or any(b.kind != MAIN for b in blocks):
        return "department"
    if "单位名称" in labels or "年度履职目标" in labels:
        return "unit"
    raise ExcelError("工作簿中没有找到绩效目标表（表名或“项目名称”“部门名称”“单位名称”等栏目），也不像任何一种表样，"
                     "无法导入。如是按某一表样填写的，请指明表样（jixiao import 文件 --template 表样编号）。")


def _layout(form, report: ImportReport) -> IndicatorLayout:
    names = {canonical(row.level1) for row in form.indicators}
    if INPUT_MANAGEMENT in names or form.kind == "unit":
        layout = IndicatorLayout.SHANGHAI
    elif COST in names:
        layout = IndicatorLayout.CZ2021_101
    else:
        layout = IndicatorLayout.CLASSIC
    report.add_guess("", f"指标体系按一级指标判断为“{layout.label}”")
    return layout


def _cached_formulas(sheets, wb, data: bytes | None, read_only: bool) -> None:
    missing = [(s, key) for s in sheets for key, cell in s.cells.items()
               if cell.is_formula and s.number(*key) is None]
    if not missing or data is None:
        return
    cached_wb = _load(data, "", read_only=read_only, data_only=True)
    try:
        by_name = {ws.title: ws for ws in cached_wb.worksheets}
        wanted: dict[str, list] = {}
        for sheet, key in missing:
            wanted.setdefault(sheet.name, []).append((sheet, key))
        for name, cells in wanted.items():
            ws = by_name.get(name)
            if ws is None:
                continue
            rows = [r for _, (r, _c) in cells]
            cols = [c for _, (_r, c) in cells]
            with reading_sheet(name):  # one pass over the rows involved (a read-only sheet re-reads per cell)
                values = {}
                for r, row in enumerate(ws.iter_rows(min_row=min(rows) + 1, max_row=max(rows) + 1,
                                                     min_col=min(cols) + 1, max_col=max(cols) + 1,
                                                     values_only=True), start=min(rows)):
                    for c, value in enumerate(row, start=min(cols)):
                        values[(r, c)] = value
            for sheet, key in cells:
                sheet.cached[key] = values.get(key)
    finally:
        if read_only:
            cached_wb.close()


def _apply_program_data(form, rows, report: ImportReport):
    doc = form.model_dump(mode="json")
    applied, skipped = program_data.apply(doc, rows)
    if skipped:
        report.warnings.append(
            f"“{program_data.SHEET_NAME}”中有{len(skipped)}项与表中内容不一致（导出后表格被修改过），以表中内容为准："
            + "、".join(skipped[:10]) + ("…" if len(skipped) > 10 else ""))
    try:
        result = validate_form(doc)
    except ValidationError as exc:
        report.warnings.append(f"“{program_data.SHEET_NAME}”内容无效，未采用：{exc.error_count()}处错误")
        return form
    if applied:
        report.add_guess(program_data.SHEET_NAME, f"按“{program_data.SHEET_NAME}”补回{applied}项正式表样中没有位置的内容")
    return result
