"""The indicator library (指标库, Qt-free): built-in and user entries, and search.

:class:`IndicatorLibrary` joins the built-in entries with the clerk's own and
saves the latter; the GUI's library dialog works on one of these.
"""

from __future__ import annotations

import os
from pathlib import Path

from jixiao_desktop.library.entries import (
    OPERATORS,
    USER_LIBRARY_FILE,
    LibraryEntry,
    LibraryError,
    load_builtin,
    load_user,
    save_user,
)
from jixiao_desktop.library.search import search, topics


class IndicatorLibrary:
    """Built-in entries plus the user's (stored at ``user_path``, None for none)."""

    def __init__(self, builtin: list[LibraryEntry], user: list[LibraryEntry], user_path: Path | None):
        self.builtin = list(builtin)
        self.user = list(user)
        self.user_path = user_path

    @classmethod
    def load(cls, user_path: str | os.PathLike | None = None) -> IndicatorLibrary:
        path = Path(user_path) if user_path else None
        return cls(load_builtin(), load_user(path) if path else [], path)

    @property
    def entries(self) -> list[LibraryEntry]:
        return [*self.user, *self.builtin]

    def search(self, query: str = "", **filters) -> list[LibraryEntry]:
        return search(self.entries, query, **filters)

    def topics(self) -> list[str]:
        return topics(self.entries)

    def add(self, entry: LibraryEntry) -> LibraryEntry:
        """Add (or replace, by 一级/二级/三级) a user entry and save. Raises LibraryError."""
        if not entry.name.strip():
            raise LibraryError("三级指标名称不能为空")
        if not entry.level1.strip() or not entry.level2.strip():
            raise LibraryError("请选择一级指标和二级指标")
        entry = entry.model_copy(update={"user": True, "name": entry.name.strip()})
        self.user = [e for e in self.user if e.key() != entry.key()] + [entry]
        self._save()
        return entry

    def remove(self, entry: LibraryEntry) -> None:
        self.user = [e for e in self.user if e.key() != entry.key()]
        self._save()

    def _save(self) -> None:
        if self.user_path is not None:
            save_user(self.user, self.user_path)


__all__ = [
    "OPERATORS",
    "USER_LIBRARY_FILE",
    "IndicatorLibrary",
    "LibraryEntry",
    "LibraryError",
    "load_builtin",
    "load_user",
    "save_user",
    "search",
    "topics",
]
