"""``export_workbook(form, path)``: a document → a workbook in the official layout."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from jixiao_desktop.atomic import write_atomic
from jixiao_desktop.excel import program_data
from jixiao_desktop.excel.errors import ExcelError
from jixiao_desktop.excel.report import ImportReport
from jixiao_desktop.excel.write_department import write_department
from jixiao_desktop.excel.write_project import write_project, write_proposal
from jixiao_desktop.forms import ProjectForm


def build_workbook(form) -> openpyxl.Workbook:
    """The workbook with its official sheets and, when needed, the 填报程序数据 sheet."""
    if form.kind == "template":
        return _template_workbook(form)
    wb = openpyxl.Workbook()
    if isinstance(form, ProjectForm):
        write_project(wb, form)
        write_proposal(wb, form.proposal, form.amount_unit)
    else:
        write_department(wb, form)
    buffer = io.BytesIO()
    wb.save(buffer)
    from jixiao_desktop.excel.reader import read_workbook

    data = buffer.getvalue()
    read_back = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        seen, _ = read_workbook(read_back, ImportReport(), read_only=True, data=data)
    finally:
        read_back.close()
    rows = program_data.diff(form.model_dump(mode="json"), seen.model_dump(mode="json"))
    program_data.write_sheet(wb, form, rows)
    wb.active = 0
    return wb


def _template_workbook(form) -> openpyxl.Workbook:
    """A template document laid out like its paper, and the data sheet naming its template (always)."""
    from jixiao_desktop.excel.reader import read_template_workbook
    from jixiao_desktop.excel.template_choice import template_rows
    from jixiao_desktop.excel.template_write import write_template

    wb = openpyxl.Workbook()
    write_template(wb, form)
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    read_back = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        seen = read_template_workbook(read_back, form.loaded, data=data)
    finally:
        read_back.close()
    rows = template_rows(form, seen) + program_data.diff(form.model_dump(mode="json"), seen.model_dump(mode="json"))
    program_data.write_sheet(wb, form, rows)
    wb.active = 0
    return wb


def export_workbook(form, path: str | Path) -> Path:
    """Write ``form`` to ``path`` (.xlsx), atomically; raises :class:`ExcelError`."""
    path = Path(path)
    wb = build_workbook(form)
    buffer = io.BytesIO()
    wb.save(buffer)
    try:
        write_atomic(path, buffer.getvalue())
    except OSError as exc:
        raise ExcelError(f"无法写入工作簿：{path}（{exc.strerror or exc}）") from exc
    return path
