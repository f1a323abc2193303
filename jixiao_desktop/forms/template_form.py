"""A form made from a template file (表样): the template travels inside the document.

:class:`TemplateForm` keeps the template's id, version and full text (so a file sent to another PC
opens and checks the same there) and what the clerk typed: header fields by id, amount tables as
rows of cells by column id, indicator tables as rows, and one child document per row of the table
its child form hangs under. Every value is kept as typed; blank is blank. Building and reading such
documents: :mod:`jixiao_desktop.templates.document`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, model_validator

from jixiao_desktop.forms.common import FormBase, Model
from jixiao_desktop.templates.loader import LoadedTemplate, TemplateError, load_text
from jixiao_desktop.templates.schema import FieldsSection


class Part(Model):
    """The content of a template's sections: fields, tables (rows of cells), children."""

    fields: dict[str, str] = Field(default_factory=dict, title="栏目")
    tables: dict[str, list[dict[str, str]]] = Field(default_factory=dict, title="表格")
    children: dict[str, list[Part]] = Field(default_factory=dict, title="子表")


class TemplateForm(FormBase):
    """A form made from a template (表样) file."""

    kind: Literal["template"] = "template"
    template_id: str = Field(title="表样编号")
    template_version: int = Field(default=1, title="表样版本")
    template_text: str = Field(title="表样内容")
    content: Part = Field(default_factory=Part, title="内容")

    @model_validator(mode="after")
    def _template_readable(self):
        try:
            _parse(self.template_text, self.template_id)
        except TemplateError as exc:
            raise ValueError(f"文档中保存的表样无法使用：{exc.problem}") from None
        return self

    def text_at(self, location: str) -> str:
        """The text at ``content.fields.x``, ``content.tables.t[3].c`` or ``content.children.k[0].fields.x``."""
        import re

        node = self.content
        steps = location.removeprefix("content.").split(".")
        i = 0
        while i < len(steps):
            step = steps[i]
            match = re.fullmatch(r"(\w+)\[(\d+)\]", step)
            if step == "fields" and i + 1 < len(steps):
                return node.fields.get(steps[i + 1], "")
            if step == "tables" and i + 2 < len(steps):
                table = re.fullmatch(r"(\w+)\[(\d+)\]", steps[i + 1])
                if table is None:
                    return ""
                rows = node.tables.get(table[1], [])
                index = int(table[2])
                return rows[index].get(steps[i + 2], "") if index < len(rows) else ""
            if step == "children" and i + 1 < len(steps):
                child = re.fullmatch(r"(\w+)\[(\d+)\]", steps[i + 1])
                parts = node.children.get(child[1], []) if child else []
                if child is None or int(child[2]) >= len(parts):
                    return ""
                node = parts[int(child[2])]
                i += 2
                continue
            if match is None:
                return ""
            i += 1
        return ""

    @property
    def loaded(self) -> LoadedTemplate:
        return _parse(self.template_text, self.template_id)

    @property
    def title(self) -> str:
        meta = self.loaded.meta
        return meta.title or meta.name

    @property
    def display_name(self) -> str:
        loaded = self.loaded
        for section in loaded.template.section:
            if isinstance(section, FieldsSection):
                for field in section.field:
                    if field.role in ("project_name", "unit_name") and self.content.fields.get(field.id, "").strip():
                        return self.content.fields[field.id].strip()
        return ""


@lru_cache(maxsize=64)
def _parse(text: str, source: str) -> LoadedTemplate:
    return load_text(text, f"文档中保存的表样 {source}")
