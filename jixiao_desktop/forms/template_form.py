"""A form made from a template file (表样): the template travels inside the document.

:class:`TemplateForm` keeps the template's id, version and full text (so a file sent to another PC
opens and checks the same there) and what the clerk typed: header fields by id, amount tables as
rows of cells by column id, indicator tables as rows, and one child document per row of the table
its child form hangs under. Every value is kept as typed; blank is blank. Building and reading such
documents: :mod:`jixiao_desktop.templates.document`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from jixiao_desktop.forms.common import FormBase, Model
from jixiao_desktop.model import field

if TYPE_CHECKING:
    from jixiao_desktop.templates.loader import LoadedTemplate

# The template machinery (its schema, formulas, TOML) loads with the first template document, not
# with every form: a seed form opens without it.


class Part(Model):
    """The content of a template's sections: fields, tables (rows of cells), children."""

    fields: dict[str, str] = field(default_factory=dict, title="栏目")
    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict, title="表格")
    children: dict[str, list[Part]] = field(default_factory=dict, title="子表")


class FormPart(NamedTuple):
    """One form of a template document: its own part or one child form (see :meth:`TemplateForm.parts`)."""

    sections: list
    part: Part
    prefix: str      # content. / content.children.targets[2].
    name: str        # "" / 项目绩效目标第3张


class TemplateForm(FormBase):
    """A form made from a template (表样) file."""

    kind: Literal["template"] = "template"
    template_id: str = field(title="表样编号")
    template_version: int = field(default=1, title="表样版本")
    template_text: str = field(title="表样内容")
    content: Part = field(default_factory=Part, title="内容")

    def model_post_validate(self) -> None:
        """The template the document carries must be readable (the editor and the checks are made from it)."""
        try:
            _parse(self.template_text, self.template_id)
        except _template_error() as exc:
            raise ValueError(f"文档中保存的表样无法使用：{exc.problem}") from None

    def text_at(self, location: str) -> str:
        """The text at ``content.fields.x``, ``content.tables.t[3].c`` or ``content.children.k[0].fields.x``
        ("" where nothing is typed or there is no such place)."""
        try:
            node = self.node_at(location, create=False)
        except LookupError:
            return ""
        return node if isinstance(node, str) else ""

    def node_at(self, location: str, *, create: bool = True):
        """What is at ``location``: a cell's text ("" where none is typed), a row (dict), a table's or a
        child form's list, or a part. ``create`` makes a declared table's or child list that the file
        lacks (an older document). Raises LookupError when there is no such place."""
        container, key = self._slot(location, create=create)
        if isinstance(container, list):
            return container[key]
        if isinstance(container, dict):
            if key in container:
                return container[key]
            if create and key not in ("_row",) and _is_list_slot(location):
                container[key] = []
                return container[key]
            if _is_list_slot(location):
                raise LookupError(location)
            return ""
        return getattr(container, key)

    def assign_at(self, location: str, value) -> object:
        """Put ``value`` at ``location`` (a cell, a row, a child form); return what was there."""
        container, key = self._slot(location, create=True)
        if isinstance(container, list):
            old, container[key] = container[key], value
            return old
        if isinstance(container, dict):
            old = container.get(key, "")
            container[key] = value
            return old
        old = getattr(container, key)
        setattr(container, key, value)
        return old

    def _slot(self, location: str, *, create: bool):
        """The container holding ``location``'s last step and its key (or index)."""
        steps = location.split(".")
        if not steps or steps[0] != "content":
            raise LookupError(location)
        node = self.content
        if len(steps) == 1:
            return self, "content"
        i = 1
        while True:
            step = steps[i]
            last = i == len(steps) - 1
            if not isinstance(node, Part):
                raise LookupError(location)
            if step in ("fields", "tables", "children") and last:
                return node, step
            indexed = _INDEXED.fullmatch(steps[i + 1]) if i + 1 < len(steps) else None
            if step == "fields" and i + 2 == len(steps):
                return node.fields, steps[i + 1]
            if step in ("tables", "children") and indexed is None and i + 2 == len(steps):
                holder = getattr(node, step)
                return holder, steps[i + 1]
            if step in ("tables", "children") and indexed is not None:
                holder = getattr(node, step)
                if indexed[1] not in holder:
                    if not create:
                        raise LookupError(location)
                    holder[indexed[1]] = []
                items = holder[indexed[1]]
                index = int(indexed[2])
                if index >= len(items):
                    raise LookupError(location)
                if i + 2 == len(steps):
                    return items, index
                if step == "tables":
                    if i + 3 != len(steps) or not isinstance(items[index], dict):
                        raise LookupError(location)
                    return items[index], steps[i + 2]
                node = items[index]
                i += 2
                continue
            raise LookupError(location)

    @property
    def loaded(self) -> LoadedTemplate:
        return _parse(self.template_text, self.template_id)

    @property
    def title(self) -> str:
        meta = self.loaded.meta
        return meta.title or meta.name

    @property
    def display_name(self) -> str:
        from jixiao_desktop.templates.schema import FieldsSection

        loaded = self.loaded
        for section in loaded.template.section:
            if isinstance(section, FieldsSection):
                for field in section.field:
                    if field.role in ("project_name", "unit_name") and self.content.fields.get(field.id, "").strip():
                        return self.content.fields[field.id].strip()
        return ""

    def parts(self) -> list[FormPart]:
        """The document's own part, then one per child form (附表3 under each 附表2 row), each with the
        sections it follows, the prefix of its locations and its name (``附表3第2张``; blank for the own)."""
        from jixiao_desktop.templates.schema import ChildForms

        sections = self.loaded.template.section
        out = [FormPart(sections, self.content, "content.", "")]
        for child in (s for s in sections if isinstance(s, ChildForms)):
            out += [FormPart(child.section, part, f"content.children.{child.id}[{index}].", f"{child.label}第{index + 1}张")
                    for index, part in enumerate(self.content.children.get(child.id, []))]
        return out

    def describe_location(self, location: str) -> str:
        """A Chinese rendering of a location in the template's own words:
        ``项目绩效目标第1张 › 绩效指标第2行 › 指标值``. Unknown steps are shown as written; never raises."""
        import re

        from jixiao_desktop.templates.schema import AmountTable, ChildForms, FieldsSection, IndicatorTable, SignOffSection

        sections = self.loaded.template.section
        node = self.content
        steps = location.removeprefix("content.").split(".")
        parts: list[str] = []
        i = 0
        while i < len(steps):
            step, following = steps[i], steps[i + 1] if i + 1 < len(steps) else ""
            indexed = re.fullmatch(r"(\w+)\[(\d+)\]", following)
            if step == "fields" and following:
                label = next((f.label for s in sections if isinstance(s, (FieldsSection, SignOffSection))
                              for f in s.field if f.id == following), following)
                parts.append(label)
                i += 2
            elif step == "tables" and indexed:
                table = next((s for s in sections if isinstance(s, (AmountTable, IndicatorTable))
                              and s.id == indexed[1]), None)
                index = int(indexed[2])
                rows = node.tables.get(indexed[1], []) if node is not None else []
                fixed = rows[index].get("_row", "") if index < len(rows) else ""
                row_label = next((r.label for r in table.rows if r.id == fixed), "") if isinstance(table, AmountTable) else ""
                if row_label:   # a fixed row is named by its label: 资金情况 › 本年度合计
                    parts.append(table.label)
                else:
                    parts.append(f"{table.label if table else indexed[1]}第{index + 1}行")
                if i + 2 < len(steps):
                    column = steps[i + 2]
                    if isinstance(table, AmountTable):
                        column = row_label + next((c.label for c in table.columns if c.id == column), column)
                    else:
                        column = indicator_label(table, column)
                    parts.append(column)
                i += 3
            elif step == "children" and indexed:
                child = next((s for s in sections if isinstance(s, ChildForms) and s.id == indexed[1]), None)
                parts.append(f"{child.label if child else indexed[1]}第{int(indexed[2]) + 1}张")
                sections = child.section if child else []
                children = node.children.get(indexed[1], []) if node is not None else []
                node = children[int(indexed[2])] if int(indexed[2]) < len(children) else None
                i += 2
            else:
                parts.append(step)
                i += 1
        return " › ".join(parts) or location


INDICATOR_COLUMN_LABELS = {
    "side": "栏", "level1": "一级指标", "level2": "二级指标", "name": "三级指标", "value": "指标值",
    "standard": "绩效标准", "weight": "权重", "score": "分值", "nature": "指标性质", "unit": "度量单位",
    "direction": "指标方向", "explain": "指标解释", "scoring": "评分标准", "actual": "实际完成值",
    "deviation": "偏差原因分析及改进措施", "ratio": "完成比例",
}


_INDEXED = re.compile(r"(\w+)\[(\d+)\]")


def _is_list_slot(location: str) -> bool:
    """Whether ``location`` names a whole table or child list (``….tables.t``, ``….children.k``)."""
    parts = location.rsplit(".", 2)
    return len(parts) == 3 and parts[1] in ("tables", "children") and "[" not in parts[2]


def indicator_label(table, column: str) -> str:
    """An indicator table's column heading: the template's own (``labels``) or the usual one."""
    own = getattr(table, "labels", None) or {}
    return own.get(column) or INDICATOR_COLUMN_LABELS.get(column, column)


@lru_cache(maxsize=64)
def _parse(text: str, source: str) -> LoadedTemplate:
    from jixiao_desktop.templates.loader import load_text

    return load_text(text, f"文档中保存的表样 {source}")


def _template_error() -> type[Exception]:
    from jixiao_desktop.templates.loader import TemplateError

    return TemplateError
