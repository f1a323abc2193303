"""Locations of fields inside a form: ``funding.mid.total``, ``indicators[3].annual.value``.

A location is a dotted path of field names with ``[i]`` list indexes. The checks
report it, the editor jumps to it, and :func:`describe` renders it in Chinese
from the models' field titles (``资金来源 › 中期资金来源 › 总投入``).
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache
from typing import Any

from jixiao_desktop.model import Model as BaseModel

_STEP_RE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?")


def typed_texts(node: BaseModel, prefix: str = "", skip=frozenset()):
    """``(location, field name, text)`` of every text field of a built-in form's record, nested records and list rows
    walked in their declared order; a choice kept as an enum (金额单位, 指标体系) is no typed text, and a field named in
    ``skip`` is left out wherever it stands. Shared by 查找/替换 and the checks that read words."""
    for name in type(node).model_fields:
        if name in skip:
            continue
        value = getattr(node, name)
        location = f"{prefix}{name}"
        if isinstance(value, Enum):
            continue
        if isinstance(value, str):
            yield location, name, value
        elif isinstance(value, BaseModel):
            yield from typed_texts(value, f"{location}.", skip)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from typed_texts(item, f"{location}[{index}].", skip)
                elif isinstance(item, str):
                    yield f"{location}[{index}]", name, item


@lru_cache(maxsize=4096)
def parse(path: str) -> tuple[tuple[str, int | None], ...]:
    """``a.b[2].c`` → ``[("a", None), ("b", 2), ("c", None)]``. Raises ValueError."""
    steps = []
    for part in path.split("."):
        match = _STEP_RE.fullmatch(part)
        if match is None:
            raise ValueError(f"位置格式不正确：{path}")
        steps.append((match[1], int(match[2]) if match[2] is not None else None))
    return tuple(steps)


def resolve(root: BaseModel, path: str) -> Any:
    """The value at ``path``, or raise LookupError when it is not there."""
    if _template(root, path):   # a template document: cells kept by id ("" where none is typed)
        try:
            return root.node_at(path, create=False)
        except LookupError:
            if path.rsplit(".", 1)[-1].endswith("]") or path.rsplit(".", 2)[-2:-1] in (["tables"], ["children"]):
                raise
            return ""
    node: Any = root
    for name, index in parse(path):
        if not isinstance(node, BaseModel) or name not in type(node).model_fields:
            raise LookupError(path)
        node = getattr(node, name)
        if index is not None:
            if not isinstance(node, list) or index >= len(node):
                raise LookupError(path)
            node = node[index]
    return node


def _template(root, path: str) -> bool:
    return (path == "content" or path.startswith("content.")) and callable(getattr(root, "node_at", None))


def exists(root: BaseModel, path: str) -> bool:
    try:
        resolve(root, path)
    except (LookupError, ValueError):
        return False
    return True


@lru_cache(maxsize=256)
def _title(model_type: type[BaseModel], name: str) -> str:
    field = model_type.model_fields.get(name)
    return (field.title if field and field.title else name)


def describe(root: BaseModel, path: str) -> str:
    """A Chinese rendering of ``path``: ``绩效指标 第4行 › 年度指标 › 指标值``.

    Rows of named things carry their name: ``附表2 专项资金 第8行（困难帮扶-民政专项）``.
    Unknown steps are shown as written; this never raises.
    """
    own = getattr(root, "describe_location", None)
    if callable(own):   # a template document describes its cells in its template's words
        try:
            return own(path)
        except Exception:   # noqa: BLE001 - a description must never fail a check run
            return path
    parts: list[str] = []
    node: Any = root
    try:
        steps = parse(path)
    except ValueError:
        return path
    for name, index in steps:
        if isinstance(node, BaseModel):
            override = getattr(node, "field_title_overrides", None)
            label = (override() or {}).get(name) if callable(override) else None
            label = label or _title(type(node), name)
            node = getattr(node, name, None)
        else:
            label, node = name, None
        if index is not None:
            label += f" 第{index + 1}行"
            if isinstance(node, list) and index < len(node):
                node = node[index]
                row_name = getattr(node, "name", "") if isinstance(node, BaseModel) else ""
                if isinstance(row_name, str) and row_name.strip():
                    label += f"（{row_name.strip()}）"
            else:
                node = None
        parts.append(label)
    return " › ".join(parts)


def _parent(root: BaseModel, path: str) -> tuple[Any, str, int | None]:
    steps = parse(path)
    parent_path = ".".join(f"{n}[{i}]" if i is not None else n for n, i in steps[:-1])
    parent = resolve(root, parent_path) if parent_path else root
    name, index = steps[-1]
    if not isinstance(parent, BaseModel) or name not in type(parent).model_fields:
        raise LookupError(path)
    return parent, name, index


def assign(root: BaseModel, path: str, value: Any) -> Any:
    """Set the field at ``path`` to ``value``; return the previous value.

    ``path`` must end in a field (``funding.mid.total``) or a list item
    (``indicators[2]``). Raises LookupError when the place does not exist.
    """
    if _template(root, path):
        return root.assign_at(path, value)
    parent, name, index = _parent(root, path)
    if index is None:
        old = getattr(parent, name)
        setattr(parent, name, value)
        return old
    items = getattr(parent, name)
    if not isinstance(items, list) or index >= len(items):
        raise LookupError(path)
    old = items[index]
    items[index] = value
    return old


def list_at(root: BaseModel, path: str) -> list:
    """The list at ``path`` (``indicators``, ``special_funds[3].detail.expenses``)."""
    value = root.node_at(path) if _template(root, path) else resolve(root, path)
    if not isinstance(value, list):
        raise LookupError(path)
    return value


def insert_item(root: BaseModel, list_path: str, index: int, item: Any) -> None:
    list_at(root, list_path).insert(index, item)


def remove_item(root: BaseModel, list_path: str, index: int) -> Any:
    return list_at(root, list_path).pop(index)


def move_item(root: BaseModel, list_path: str, source: int, target: int) -> None:
    items = list_at(root, list_path)
    items.insert(target, items.pop(source))
