"""Searching the indicator library: every word of the query must match somewhere."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from jixiao_desktop.library.entries import LibraryEntry


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace(" ", "")


def _haystack(entry: LibraryEntry) -> str:
    return _fold(" ".join((entry.name, entry.topic, entry.level1, entry.level2, entry.unit, entry.example)))


def search(
    entries: Iterable[LibraryEntry],
    query: str = "",
    *,
    level1: str | None = None,
    level2: str | None = None,
    topic: str | None = None,
) -> list[LibraryEntry]:
    """Entries matching ``query`` (space-separated words, all required), best first.

    A word found in the name ranks above one found only in the topic or the
    grouping; equal ranks keep the library's order. ``level1``/``level2``/``topic``
    filter exactly when given.
    """
    words = [_fold(w) for w in query.split() if w.strip()]
    scored: list[tuple[int, int, LibraryEntry]] = []
    for position, entry in enumerate(entries):
        if level1 and entry.level1 != level1:
            continue
        if level2 and entry.level2 != level2:
            continue
        if topic and entry.topic != topic:
            continue
        name = _fold(entry.name)
        haystack = _haystack(entry)
        if not all(word in haystack for word in words):
            continue
        score = sum(0 if name.startswith(w) else 1 if w in name else 2 for w in words)
        scored.append((score, position, entry))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [entry for _, _, entry in scored]


def topics(entries: Iterable[LibraryEntry]) -> list[str]:
    """The topics in library order, each once."""
    seen: dict[str, None] = {}
    for entry in entries:
        seen.setdefault(entry.topic, None)
    return list(seen)
