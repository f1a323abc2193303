"""新建 in the main window: a form of any template (picked by region, with a search box, the last used
first) and a 自评表 made from a declared form. The window keeps one method each that calls these.
A new form goes into the window itself when it shows the start page or an untouched 新建 form, else
into a window of its own (``MainWindow.adopt``): the declared form stays beside its 自评表."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from jixiao_desktop.forms.templates import new_form
from jixiao_desktop.storage import DocumentError, open_document
from jixiao_desktop.ui.document import FormDocument
from jixiao_desktop.ui.file_prompts import ask_open_path


def is_evaluation(form) -> bool:
    return getattr(form, "kind", "") == "template" and form.loaded.meta.kind == "evaluation"


def choose_new(window) -> bool:
    """新建: the templates by region, with a search box and the last used first."""
    chosen = window.choose_template()
    return window.new_from_template(*chosen) if chosen else False


def new_selfeval(window) -> bool:
    """新建自评表: from the open 申报表, or one the clerk opens; its targets, budget and names travel in."""
    from jixiao_desktop.selfeval.new import declared_grids, evaluation_templates, selfeval_from
    from jixiao_desktop.templates import available

    document = window.document
    declared = document.form if document is not None and not is_evaluation(document.form) else None
    name = window.display_name if declared is not None else ""
    if declared is None:
        path = ask_open_path(window, window._folder(), workbooks=False)
        if not path:
            return False
        try:
            declared = open_document(path).form
        except DocumentError as exc:
            QMessageBox.warning(window, "无法打开", str(exc))
            return False
        name = Path(path).stem
    evaluations = evaluation_templates(available()[0])
    if not evaluations:
        QMessageBox.warning(window, "新建自评表", "没有可用的自评表表样。")
        return False
    if len(evaluations) == 1:
        template_id = next(iter(evaluations))
    else:
        chosen = window.choose_template("选择自评表的表样", evaluations)
        if chosen is None:
            return False
        template_id = chosen[0]
    grids = declared_grids(declared)
    grid = ask_grid(window, grids) if len(grids) > 1 else 0
    if grid is None:
        return False
    form, notes = selfeval_from(declared, evaluations[template_id], grid)
    project = grids[grid].project if grids else ""
    target = window.adopt(FormDocument(form), f"自评：{project or getattr(declared, 'display_name', '') or name}")
    target.document.undo_stack.resetClean()   # new and unsaved: closing asks, autosave keeps it
    window.settings.add_recent_template(template_id)
    window._save_settings()
    if notes:
        target.statusBar().showMessage("；".join(notes), 12000)
    return True


def ask_grid(window, grids) -> int | None:
    """Which of the declared form's indicator tables (a department's 附表3, a child form) the 自评表 is for."""
    from PySide6.QtWidgets import QInputDialog

    items = [f"{g.label}（{g.project}）" if g.project else g.label for g in grids]
    item, ok = QInputDialog.getItem(window, "新建自评表", "申报表有几张指标表，一张自评表评一个项目，请选择：",
                                    items, 0, False)
    return items.index(item) if ok and item in items else None


def choose_template(window, title: str = "新建表格", templates: dict | None = None) -> tuple[str, str] | None:
    """The template and 年度 the clerk picks (None when cancelled)."""
    from PySide6.QtWidgets import QDialog

    from jixiao_desktop.templates import available
    from jixiao_desktop.ui.new_dialog import NewFormDialog

    found, refused = available()
    if templates is not None:
        found = templates
    dialog = NewFormDialog(found, window.settings.recent_templates, window, [str(exc) for exc in refused])
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()


def new_from_template(window, template_id: str, year: str = "") -> bool:
    """A blank form of a template: a built-in form where the template describes one (its editor,
    printing and Excel are made for it), else a document of the template itself."""
    from jixiao_desktop.templates import available
    from jixiao_desktop.templates.bind import built_in_kind
    from jixiao_desktop.templates.document import new_document

    loaded = available()[0].get(template_id)
    if loaded is None:
        QMessageBox.warning(window, "新建", f"没有编号为“{template_id}”的表样。")
        return False
    kind = built_in_kind(loaded)
    form = new_form(kind, year) if kind else new_document(loaded, year=year)
    window.settings.add_recent_template(template_id)
    window._save_settings()
    window.adopt(FormDocument(form), blank=True)
    return True
