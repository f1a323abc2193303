"""Form editors laid out like the paper forms (表单编辑器).

``create_editor(document)`` returns the editor for the document's kind; every
editor has ``focus_location(location) -> bool`` and ``mark_findings(findings)``.
All edits go through :class:`jixiao_desktop.ui.document.FormDocument`.
"""

from __future__ import annotations

from jixiao_desktop.forms import DepartmentForm, ProjectForm


def create_editor(document, parent=None, choose_indicator=None, lazy: bool = False):
    """The editor widget for ``document.form``: project, department/unit, or one made from its template."""
    if isinstance(document.form, ProjectForm):
        from jixiao_desktop.ui.editors.project_editor import ProjectEditor

        return ProjectEditor(document, parent, choose_indicator, lazy)
    if isinstance(document.form, DepartmentForm):
        from jixiao_desktop.ui.editors.department_editor import DepartmentEditor

        return DepartmentEditor(document, parent, choose_indicator, lazy)
    if getattr(document.form, "kind", "") == "template":
        from jixiao_desktop.ui.editors.template_editor import TemplateEditor

        return TemplateEditor(document, parent, choose_indicator, lazy)
    raise TypeError(f"没有适用于此表格的编辑器：{type(document.form).__name__}")


__all__ = ["create_editor"]
