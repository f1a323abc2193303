"""Indicator library entries (指标库): common 三级指标 with their usual operator and unit.

The built-in entries are a JSON resource (``resources/library/indicators.json``);
the clerk's own entries live in a JSON file under the user's data folder. Both
files have the same shape: ``{"version": 1, "entries": [...]}``.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from jixiao_desktop.atomic import write_atomic
from jixiao_desktop.model import Model, ValidationError
from jixiao_desktop.model import field as Field
from jixiao_desktop.resources import resource_path

log = logging.getLogger(__name__)

LIBRARY_VERSION = 1
USER_LIBRARY_FILE = "indicators-user.json"
OPERATORS = ("≥", "＞", "＝", "＜", "≤", "")


class LibraryError(Exception):
    """The library file could not be read or written; ``str()`` is Chinese."""


class LibraryEntry(Model):
    """One indicator the clerk can insert: where it goes, what it is, how it is measured."""

    model_config = {"extra": "ignore", "frozen": True}

    level1: str = Field(title="一级指标")
    level2: str = Field(title="二级指标")
    topic: str = Field(default="通用", title="领域")
    name: str = Field(title="三级指标")
    operator: str = Field(default="", title="符号")
    unit: str = Field(default="", title="单位")
    example: str = Field(default="", title="示例指标值")
    user: bool = Field(default=False, title="自定义", exclude=True)

    def value_template(self) -> str:
        """Text for the 指标值 cell: the example when there is one, else operator and unit."""
        if self.example:
            return self.example
        return f"{self.operator}{self.unit}" if (self.operator or self.unit) else ""

    def key(self) -> tuple[str, str, str]:
        return (self.level1, self.level2, self.name)


class _LibraryFile(Model):
    model_config = {"extra": "ignore"}   # a newer version's keys beside the entries do not cost the clerk's own

    version: int = LIBRARY_VERSION
    entries: list[LibraryEntry] = Field(default_factory=list)


def builtin_path() -> Path:
    return resource_path("library", "indicators.json")


def _read(path: Path) -> list[LibraryEntry]:
    try:
        data = _LibraryFile.model_validate_json(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LibraryError(f"无法读取指标库文件“{path}”：{exc.strerror or exc}") from exc
    except ValidationError as exc:
        raise LibraryError(f"指标库文件“{path}”格式不正确：{_describe(exc.errors()[0])}") from exc
    return list(data.entries)


_KINDS = {"missing": "缺少此项", "string_type": "应为文字", "list_type": "应为列表", "model_type": "应为一组键值",
          "int_type": "应为整数", "int_parsing": "应为整数", "bool_type": "应为 true 或 false",
          "json_invalid": "不是有效的JSON文本"}


def _describe(error: dict) -> str:
    """``第3条指标的“三级指标”：应为文字`` for an error at ``entries.2.name``."""
    loc = list(error.get("loc", ()))
    where = ""
    if loc[:1] == ["entries"] and len(loc) > 1 and isinstance(loc[1], int):
        where = f"第{loc[1] + 1}条指标"
        info = LibraryEntry.model_fields.get(loc[2]) if len(loc) > 2 else None
        where += f"的“{info.title}”" if info else ""
    elif loc:
        where = "“" + ".".join(map(str, loc)) + "”"
    return (f"{where}：" if where else "") + _KINDS.get(error.get("type", ""), "内容不符合格式")


def load_builtin() -> list[LibraryEntry]:
    return _read(builtin_path())


def load_user(path: str | os.PathLike) -> list[LibraryEntry]:
    """The clerk's entries; none when the file does not exist yet."""
    path = Path(path)
    if not path.exists():
        return []
    return [entry.model_copy(update={"user": True}) for entry in _read(path)]


def save_user(entries: list[LibraryEntry], path: str | os.PathLike) -> None:
    """Write the clerk's entries atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(
        {"version": LIBRARY_VERSION, "entries": [e.model_dump() for e in entries]},
        ensure_ascii=False,
        indent=1,
    )
    try:
        write_atomic(path, (text + "\n").encode("utf-8"))
    except OSError as exc:
        raise LibraryError(f"无法保存自定义指标到“{path}”：{exc.strerror or exc}") from exc
