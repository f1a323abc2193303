"""An indicator sheet read back into documents: into the open one, or one new document per project.

Into a document, each project's rows replace the 年度 indicators of the grid with that project's name
(the form's own, a 附表3, a child form); everything else stays, and so do the other cells of an
indicator that comes back under the same headings and name (绩效标准, 指标解释…). A new document is
made from a template for each 项目名称 (or, for a template whose indicators sit in child forms, one
document with a row and a child form per project). The report says in Chinese what went where.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao_desktop.excel.cells import norm
from jixiao_desktop.indicator_list.grids import Entry, ListGrid, list_grids, name_column
from jixiao_desktop.indicator_list.read import ReadList
from jixiao_desktop.indicator_list.sheet import ListRow, typed_value


@dataclass
class ImportReport:
    source: str
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        checks = f"，需要核对{len(self.problems)}处" if self.problems else ""
        return f"指标清单“{self.source}”：{len(self.lines)}项导入记录{checks}"

    def text(self) -> str:
        out = [f"指标清单导入报告：{self.source}"] + [f"  {line}" for line in self.lines]
        if self.problems:
            out.append(f"需要核对（{len(self.problems)}处）：")
            out += [f"  {line}" for line in self.problems]
        return "\n".join(out)


def _entries(grid: ListGrid, rows: list[tuple[int, ListRow]], report: ImportReport) -> list[Entry]:
    entries = []
    for line, row in rows:
        cells, problem = typed_value(row, grid.columns)
        where = f"第{line}行" + (f"“{row.name}”" if row.name else "")
        if problem:
            report.problems.append(f"{where}：{problem}")
        if not row.name:
            report.problems.append(f"{where}：缺少三级指标名称")
        entries.append(Entry(row.level1, row.level2, row.name, cells))
    dropped = [row for _line, row in rows if row.weight.strip()] if not {"weight", "score"} & set(grid.columns) else []
    if dropped:
        report.problems.append(f"{grid.label}没有权重/分值栏，{len(dropped)}个指标的权重/分值未导入")
    return entries


def import_into(form, read: ReadList) -> ImportReport:
    """Replace, in ``form``, the 年度 indicators of each project of the sheet. Where the document has
    several grids of one name (two 附表3 of one fund), the sheet's runs of that name fill them in order."""
    report = ImportReport(read.source, problems=list(read.notes))
    grids = list_grids(form)
    groups = _groups(grids, read)
    used: set[int] = set()
    for project, targets, rows in groups:
        if not targets and len(grids) == 1 and len(groups) == 1:
            targets = [0]
            report.problems.append(f"清单中的项目“{project}”与表格的项目“{grids[0].project}”名称不同，"
                                   f"已按唯一的项目导入{grids[0].label}")
        if not targets:
            report.problems.append(f"表格中没有项目“{project}”，它的{len(rows)}个指标未导入"
                                   f"（表格中的项目：{'、'.join(g.project or '（未填名称）' for g in grids) or '无'}）")
            continue
        grid = grids[targets[0]]
        used.add(targets[0])
        before = len(grid.entries)
        grid.replace(_entries(grid, rows, report))
        report.lines.append(f"项目“{project}”：{grid.label}导入{len(rows)}个年度指标（原有{before}个，已替换）")
    for index, grid in enumerate(grids):
        if index not in used and grid.entries:
            report.lines.append(f"{grid.label}（项目“{grid.project}”）不在清单中，未改动")
    return report


def _groups(grids: list[ListGrid], read: ReadList) -> list[tuple[str, list[int], list]]:
    """(project, [index of the grid to fill] or [], rows): one per project of the sheet, or, for a name
    several grids carry, one per run of it (the last grid takes any further runs)."""
    out = []
    runs_by_name: dict[str, list] = {}
    for project, rows in read.runs():
        runs_by_name.setdefault(norm(project), []).append((project, rows))
    for runs in runs_by_name.values():
        project = runs[0][0]
        matches = [i for i, g in enumerate(grids) if norm(g.project) == norm(project)]
        matches.sort(key=lambda i: not grids[i].entries)    # the runs of an exported sheet are its filled grids
        if len(matches) <= 1:
            out.append((project, matches, [row for _p, rows in runs for row in rows]))
            continue
        for index, (_p, rows) in enumerate(runs):
            if index < len(matches):
                out.append((project, [matches[index]], rows))
            else:
                out[-1][2].extend(rows)
    return out


# -- new documents from a template ----------------------------------------------------------------

def _indicator_table(sections):
    from jixiao_desktop.templates.schema import IndicatorTable

    tables = [s for s in sections if isinstance(s, IndicatorTable)]
    for test in (lambda t: any(side.role == "annual_indicators" for side in t.sides),
                 lambda t: t.role == "indicators", lambda t: True):
        found = next((t for t in tables if test(t)), None)
        if found is not None:
            return found
    return None


def _name_field(sections) -> str | None:
    from jixiao_desktop.templates.schema import FieldsSection

    for role in ("project_name", "unit_name"):
        for section in (s for s in sections if isinstance(s, FieldsSection)):
            for spec in section.field:
                if spec.role == role:
                    return spec.id
    return None


def new_documents(loaded, read: ReadList, *, year: str = "", name: str = "") -> tuple[list[tuple[str, object]], ImportReport]:
    """``[(project, document)]`` made from template ``loaded`` and the import report. A template whose
    own part has no indicator table but whose child form has gives one document (named ``name``) with
    a row and a child form per project. Raises ValueError (Chinese) for a template without indicators."""
    from jixiao_desktop.templates.document import child_blank, new_document
    from jixiao_desktop.templates.schema import AmountTable, ChildForms

    report = ImportReport(read.source, problems=list(read.notes))
    sections = loaded.template.section
    own = _indicator_table(sections)
    child = next((s for s in sections if isinstance(s, ChildForms) and _indicator_table(s.section)), None)
    if own is None and child is None:
        raise ValueError(f"表样“{loaded.meta.name}”没有绩效指标表，无法导入指标清单")
    documents = []
    if own is not None:
        for project, rows in read.projects():
            form = new_document(loaded, year=year)
            field_id = _name_field(sections)
            if field_id is not None:
                form.content.fields[field_id] = project
            grid = _grid_of(form, f"content.tables.{own.id}")
            grid.replace(_entries(grid, rows, report))
            documents.append((project, form))
            report.lines.append(f"新建“{project or '（未填项目名称）'}”：{len(rows)}个年度指标（表样：{loaded.meta.name}）")
        return documents, report
    form = new_document(loaded, year=year)
    table = next((s for s in sections if isinstance(s, AmountTable) and s.id == child.of), None)
    column = name_column(table) if table is not None else None
    inner = _indicator_table(child.section)
    for project, rows in read.projects():
        form.content.tables.setdefault(child.of, []).append(
            {c.id: "" for c in (table.columns if table else [])} | ({column: project} if column else {}))
        part = child_blank(loaded, child.id)
        field_id = _name_field(child.section)
        if field_id is not None:
            part.fields[field_id] = project
        form.content.children.setdefault(child.id, []).append(part)
        index = len(form.content.children[child.id]) - 1
        grid = _grid_of(form, f"content.children.{child.id}[{index}].tables.{inner.id}")
        grid.replace(_entries(grid, rows, report))
        report.lines.append(f"{child.label}第{index + 1}张“{project}”：{len(rows)}个年度指标")
    return [(name, form)], report


def _grid_of(form, path: str) -> ListGrid:
    return next(g for g in list_grids(form) if g.path == path)
