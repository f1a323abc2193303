"""Which template (表样) a workbook was filled in on.

In this order: the program's own data sheet says it (a workbook this program wrote carries its template);
else the caller names one (``jixiao import FILE --template ID``); else every shipped and user template is
scored by the share of its labels found in the workbook, and the best is taken when it is clearly a
match. A template bound to a built-in form (its sections carry ``path``) stands for that form: its
workbooks are read by the built-in readers, as before templates existed. ``None`` means a built-in form.
"""

from __future__ import annotations

from jixiao_desktop.excel.errors import ExcelError
from jixiao_desktop.excel.report import ImportReport
from jixiao_desktop.excel.template_labels import key, loose, template_labels, year_free
from jixiao_desktop.templates.loader import LoadedTemplate, TemplateError, available, load_text
from jixiao_desktop.templates.schema import ChildForms

MATCH = 0.5           # at least half of a template's labels found
TEMPLATE_ROWS = ("template_id", "template_version", "template_text")


def bound(loaded: LoadedTemplate) -> bool:
    """Whether the template describes one of the built-in forms (its tables name where those keep things)."""
    sections = loaded.template.section
    return any(getattr(s, "path", None) for s in sections) or any(
        getattr(c, "path", None) for s in sections if isinstance(s, ChildForms) for c in s.section)


def choose_template(template, rows, sheets, report: ImportReport) -> LoadedTemplate | None:
    """The template to read the workbook by, or None for a built-in form; says why in ``report``."""
    if rows is not None:
        text = next((value for path, kind, value, _ in rows if path == "template_text" and kind == "值"), None)
        if not isinstance(text, str):
            return None   # the data sheet of a built-in form
        try:
            loaded = load_text(text, "工作簿中保存的表样")
        except TemplateError as exc:
            report.warnings.append(f"{exc.problem}（工作簿中保存的表样无法使用，按栏目判断表样）")
        else:
            if bound(loaded):
                return None   # a built-in form, carrying the template that describes it
            report.kind_label = f"{loaded.meta.name}，表样 {loaded.id}"
            return loaded
    if template is not None:
        loaded = resolve(template)
        report.kind_label = f"{loaded.meta.name}，表样 {loaded.id}"
        hits, total = score(loaded, workbook_keys(sheets))
        if total and hits / total < MATCH:
            report.warnings.append(f"工作簿与所指表样“{loaded.meta.name}”的栏目大多不符（只找到{total}个中的{hits}个），"
                                   "请核对是否选对了表样。")
        return loaded
    return detect(sheets, report)


def resolve(template) -> LoadedTemplate:
    """A template named by its id (shipped or the clerk's own), or already loaded."""
    if isinstance(template, LoadedTemplate):
        return template
    found, _ = available()
    loaded = found.get(str(template))
    if loaded is None:
        raise ExcelError(f"没有编号为“{template}”的表样（jixiao template list 列出可用的）。")
    return loaded


def workbook_keys(sheets) -> set[str]:
    """Every label-like text of the workbook, as keys (``标签：值`` cells give their label too)."""
    keys: set[str] = set()
    for sheet in sheets:
        for (r, c), cell in sheet.cells.items():
            if (r, c) in sheet.parent or not isinstance(cell.raw, str):
                continue
            k = key(cell.raw)
            if not k or len(k) > 60:
                continue
            keys.add(k)
            if ":" in k:
                keys.add(k.split(":", 1)[0])
    return keys


def score(loaded: LoadedTemplate, keys: set[str]) -> tuple[int, int]:
    """(labels found, labels) of a template in a workbook's keys."""
    looser = {loose(k) for k in keys}
    yearless = {year_free(k) for k in looser}
    labels = template_labels(loaded)
    found = sum(1 for k in labels if k in keys or loose(k) in looser or year_free(loose(k)) in yearless)
    return found, len(labels)


def detect(sheets, report: ImportReport) -> LoadedTemplate | None:
    keys = workbook_keys(sheets)
    found, _refused = available()
    ranked = []
    for loaded in found.values():
        hits, total = score(loaded, keys)
        if total:
            ranked.append((hits / total, hits, total, loaded))
    ranked.sort(key=lambda item: (item[0], item[1]), reverse=True)
    if not ranked or ranked[0][0] < MATCH or bound(ranked[0][3]):
        return None
    share, hits, total, loaded = ranked[0]
    runner = ranked[1] if len(ranked) > 1 else None
    why = f"在工作簿中找到其{total}个栏目中的{hits}个（{share:.0%}）"
    if runner is not None:
        why += f"；其次是“{runner[3].meta.name}”（{runner[0]:.0%}）"
    report.kind_label = f"{loaded.meta.name}，表样 {loaded.id}"
    report.add_guess("", f"工作簿未注明表样，按栏目判断为“{loaded.meta.name}”（{loaded.id}）：{why}。"
                         f"如不对，请指明表样（jixiao import 文件 --template 表样编号）")
    return loaded


def template_rows(form, seen) -> list[tuple[str, str, object, str]]:
    """The data sheet's rows naming the document's template (so the workbook says which it is)."""
    from jixiao_desktop.excel.program_data import fingerprint

    return [(name, "值", getattr(form, name), fingerprint(getattr(seen, name))) for name in TEMPLATE_ROWS]

