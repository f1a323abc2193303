"""Reading template files: TOML, validated, refused with a Chinese message naming file, line or key.

Shipped templates live in ``resources/templates/*.toml``; a clerk's own in the user templates folder
(:func:`user_templates_dir`), used like shipped ones (a user template with the id of a shipped one
takes its place). Nothing in a template is executed: formulas are parsed by :mod:`.formula`.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from jixiao_desktop.model import ValidationError

from jixiao_desktop.money import AmountUnit, parse_amount
from jixiao_desktop.resources import resource_path
from jixiao_desktop.templates.formula import FormulaError, Relation, parse
from jixiao_desktop.templates.schema import (
    ROLES,
    AmountTable,
    ChildForms,
    FieldsSection,
    IndicatorTable,
    RelationSpec,
    SignOffSection,
    Template,
)

MAX_TEMPLATE_BYTES = 2 * 1024 * 1024
NUMERIC_TYPES = ("amount", "count", "percent", "year")


class TemplateError(Exception):
    """A template file that cannot be used; ``str()`` names the file and what is wrong, in Chinese."""

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"模板文件“{self.path}”有误：{problem}")


@dataclass(frozen=True)
class LoadedTemplate:
    """A template, its relations parsed, and the names its formulas may use."""

    template: Template
    source: Path
    relations: tuple[tuple[RelationSpec, Relation, str], ...]    # (spec, parsed, scope: "" or a child id)
    names: dict[str, frozenset[str]]                              # scope → reference names
    text: str                                                     # the file as read (a document keeps a copy)

    @property
    def id(self) -> str:
        return self.template.id

    @property
    def meta(self):
        return self.template.template


def user_templates_dir() -> Path:
    """The clerk's own templates: beside the indicator library (the platform's data folder)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "jixiao" / "jixiao-desktop" / "templates"


def shipped_templates_dir() -> Path:
    return resource_path("templates")


def load_text(text: str, source: str | os.PathLike = "<模板>") -> LoadedTemplate:
    """Read a template from its TOML text; raise :class:`TemplateError`."""
    try:
        return _load_text(text, source)
    except RecursionError:
        raise TemplateError(source, "嵌套层数过多（括号或数组套得太深），不是可用的表样") from None


def _load_text(text: str, source: str | os.PathLike) -> LoadedTemplate:
    if len(text) > MAX_TEMPLATE_BYTES:
        raise TemplateError(source, "内容太长，表样不会超过2 MB")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        at = f"第{where[1]}行第{where[2]}列" if where else ""
        raise TemplateError(source, f"{at}不是有效的TOML格式（{str(exc).split(' (at')[0]}）") from None
    try:
        template = Template.model_validate(data)
    except ValidationError as exc:
        raise TemplateError(source, _describe(exc, data, text)) from None
    names = {"": _names(template.section)}
    problems: list[str] = []
    _check_ids(template, problems)
    _check_switches(template, problems)
    relations = []
    for spec in template.relation:
        relations.append(_relation(spec, "", names[""], problems))
    for child in (s for s in template.section if isinstance(s, ChildForms)):
        try:
            parent_columns = {f"parent.{c.id}" for c in _table(template, child.of).columns}
        except KeyError:
            parent_columns = set()  # reported by _check_ids
        scope = _names(child.section) | parent_columns
        names[child.id] = scope
        for spec in child.relation:
            relations.append(_relation(spec, child.id, scope, problems))
    if problems:
        raise TemplateError(source, "；".join(problems[:8]) + (f"；另有{len(problems) - 8}处" if len(problems) > 8 else ""))
    return LoadedTemplate(template, Path(source), tuple(r for r in relations if r is not None),
                          {k: frozenset(v) for k, v in names.items()}, text)


def load(path: str | os.PathLike) -> LoadedTemplate:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateError(path, f"文件太大（{size // 1024} KB），模板不会超过{MAX_TEMPLATE_BYTES // 1024 // 1024} MB")
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise TemplateError(path, "文件不存在") from None
    except UnicodeDecodeError:
        raise TemplateError(path, "文件不是UTF-8编码的文本（请用记事本另存为UTF-8）") from None
    except OSError as exc:
        raise TemplateError(path, f"读取失败（{exc.strerror or exc}）") from None
    return load_text(text, path)


def available(user_dir: Path | None = None) -> tuple[dict[str, LoadedTemplate], list[TemplateError]]:
    """Every usable template by id (a user template overrides a shipped one of the same id), and the
    user files that were refused (a shipped one that fails is a bug: it raises)."""
    found: dict[str, LoadedTemplate] = {}
    for path in sorted(shipped_templates_dir().glob("*.toml")):
        loaded = load(path)
        found[loaded.id] = loaded
    refused = []
    folder = user_templates_dir() if user_dir is None else user_dir
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            try:
                loaded = load(path)
            except TemplateError as exc:
                refused.append(exc)
                continue
            found[loaded.id] = loaded
    return found, refused


# -- what a formula may name ------------------------------------------------------------

def _names(sections) -> set[str]:
    names: set[str] = set()
    for section in sections:
        if isinstance(section, (FieldsSection, SignOffSection)):
            names |= {f.id for f in section.field}
        elif isinstance(section, AmountTable):
            for column in section.columns:
                names.add(f"{section.id}.*.{column.id}")
                names |= {f"{section.id}.{row.id}.{column.id}" for row in section.rows}
        elif isinstance(section, IndicatorTable):
            for column in ("weight", "score"):
                if column in section.columns:
                    names.add(f"{section.id}.*.{column}")
                    names |= {f"{section.id}.{side.id}.*.{column}" for side in section.sides}
        elif isinstance(section, ChildForms):
            names |= {f"{section.id}.*.{n}" for n in _names(section.section) if "." not in n}
    return names


def _table(template: Template, table_id: str) -> AmountTable:
    for section in template.section:
        if isinstance(section, AmountTable) and section.id == table_id:
            return section
    raise KeyError(table_id)


def _relation(spec: RelationSpec, scope: str, names: set[str], problems: list[str]):
    try:
        relation = parse(spec.formula)
    except FormulaError as exc:
        problems.append(f"审核公式 {spec.id}：{exc}")
        return None
    unknown = [r for r in relation.references() if r not in names]
    if unknown:
        problems.append(f"审核公式 {spec.id} 用到了模板中没有的栏目：{'、'.join(unknown)}")
        return None
    if spec.per_row and not any(r.startswith(f"{spec.per_row}.*.") for r in relation.references()):
        problems.append(f"审核公式 {spec.id} 的 per_row “{spec.per_row}”不是公式中用到的表")
    if spec.where and spec.where not in names:
        problems.append(f"审核公式 {spec.id} 的 where 指向模板中没有的栏目：{spec.where}")
    if tolerance(spec, AmountUnit.YUAN) is None:
        problems.append(f"审核公式 {spec.id} 的 tolerance “{spec.tolerance}”不是金额")
    return spec, relation, scope


def tolerance(spec: RelationSpec, unit: AmountUnit) -> Decimal | None:
    parsed = parse_amount(spec.tolerance, AmountUnit.YUAN)
    return parsed.value


def _check_switches(template: Template, problems: list[str]) -> None:
    """``[template] checks`` names rules of the catalogue (a misspelt id would switch nothing)."""
    if not template.template.checks:
        return
    from jixiao_desktop.checks import RULES   # the catalogue loads only for a template that names rules

    for rule_id in template.template.checks:
        if rule_id not in RULES:
            problems.append(f"[template] checks 中的“{rule_id}”不是检查规则的编号（jixiao check --rules 列出全部）")


def _check_ids(template: Template, problems: list[str]) -> None:
    """Ids unique where formulas use them (fields and tables of one form; each child form is its own),
    roles known and given once per form, child forms hung under growable tables."""

    def visit(sections, where: str = "") -> None:
        sections_seen: set[str] = set()
        names: set[str] = set()
        roles: dict[str, str] = {}

        def name(value: str, what: str) -> None:
            if value in names:
                problems.append(f"{where}{what} id “{value}”与另一栏目或表重复")
            names.add(value)

        def note_role(role: str | None, owner: str) -> None:
            if role is None:
                return
            if role not in ROLES:
                problems.append(f"{where}{owner} 的 role “{role}”不是已知的用途（可用：{'、'.join(ROLES)}）")
            elif role in roles and role != "calculation":
                problems.append(f"{where}role “{role}”同时给了 {roles[role]} 和 {owner}")
            roles[role] = owner

        for section in sections:
            if section.id in sections_seen:
                problems.append(f"{where}section 的 id “{section.id}”重复")
            sections_seen.add(section.id)
            if isinstance(section, (FieldsSection, SignOffSection)):
                for spec in section.field:
                    name(spec.id, "栏目")
                    note_role(spec.role, f"栏目 {spec.id}")
            elif isinstance(section, AmountTable):
                name(section.id, "表")
                note_role(section.role, f"表 {section.id}")
                ids = [c.id for c in section.columns]
                if len(set(ids)) != len(ids):
                    problems.append(f"{where}表 {section.id} 的列 id 重复")
                for column in section.columns:
                    if column.share_of and column.share_of not in ids:
                        problems.append(f"{where}表 {section.id} 的列 {column.id} 的 share_of 指向不存在的列 {column.share_of}")
                    note_role(column.role, f"表 {section.id} 的列 {column.id}")
                for row in section.rows:
                    note_role(row.role, f"表 {section.id} 的行 {row.id}")
            elif isinstance(section, IndicatorTable):
                name(section.id, "指标表")
                note_role(section.role, f"指标表 {section.id}")
                for side in section.sides:
                    note_role(side.role, f"指标表 {section.id} 的 {side.id}")
            elif isinstance(section, ChildForms):
                name(section.id, "子表")
                try:
                    table = _table(template, section.of)
                except KeyError:
                    problems.append(f"子表 {section.id} 的 of 指向不存在的金额表 {section.of}")
                    continue
                if not table.growable:
                    problems.append(f"子表 {section.id} 须挂在可增行的表下（{section.of} 不可增行）")
                visit(section.section, where=f"子表 {section.id} 中：")

    visit(template.section)


# -- messages --------------------------------------------------------------------------------

_TABLE = "应为一组键值（[...] 表、[[...]] 表或 { ... }）"
_TRANSLATE = {
    "missing": "缺少此项", "extra_forbidden": "多出了不认识的项", "string_type": "应为文字（加引号）",
    "int_type": "应为整数", "int_parsing": "应为整数", "bool_type": "应为 true 或 false",
    "list_type": "应为列表（[...] 或 [[...]]）", "dict_type": "应为一组键值", "literal_error": "取值不在允许范围内",
    "union_tag_invalid": "type 取值不对", "union_tag_not_found": "缺少 type", "string_pattern_mismatch": "写法不对",
    "greater_than_equal": "数值太小", "too_short": "不能为空", "too_long": "太多了", "string_too_short": "不能为空",
    "value_error": "", "less_than_equal": "数值太大", "string_too_long": "太长了",
    "model_type": _TABLE, "model_attributes_type": _TABLE,
    "recursion_loop": "嵌套层数过多",
}


def _describe(exc: ValidationError, data: dict, text: str) -> str:
    parts = []
    for error in exc.errors()[:6]:
        loc = [p for p in error["loc"] if not (isinstance(p, str) and p in ("fields", "amounts", "indicators",
                                                                             "signoff", "children"))]
        where = _where(loc, data, text)
        kind = error.get("type", "")
        message = _TRANSLATE.get(kind, None)
        if message is None or message == "":
            message = str(error.get("msg", kind)).removeprefix("Value error, ")
        if kind == "literal_error" and "expected" in error.get("ctx", {}):
            message += f"（可用：{error['ctx']['expected']}）"
        parts.append(f"{where}：{message}")
    more = exc.error_count() - len(parts)
    return "；".join(parts) + (f"；另有{more}处" if more > 0 else "")


def _where(loc: list, data: dict, text: str) -> str:
    """``section[3] › columns[0] › id（第42行起的[[section]]）``: the key path, and the line it starts on."""
    words = []
    for part in loc:
        if isinstance(part, int):
            if words:
                words[-1] += f"[{part + 1}]"
        else:
            words.append(str(part))
    line = ""
    if len(loc) >= 2 and loc[0] == "section" and isinstance(loc[1], int):
        starts = [m.start() for m in re.finditer(r"^\s*\[\[section\]\]", text, re.M)]
        if loc[1] < len(starts):
            line = f"（第{text.count(chr(10), 0, starts[loc[1]]) + 1}行的[[section]]）"
    if len(loc) >= 2 and loc[0] == "relation" and isinstance(loc[1], int):
        starts = [m.start() for m in re.finditer(r"^\s*\[\[relation\]\]", text, re.M)]
        if loc[1] < len(starts):
            line = f"（第{text.count(chr(10), 0, starts[loc[1]]) + 1}行的[[relation]]）"
    return " › ".join(words) + line if words else "（整个文件）"
