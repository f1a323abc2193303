"""The one error of Word in and out: its ``str()`` is the Chinese message to show."""

from __future__ import annotations


class WordError(Exception):
    """A Word file that cannot be read or written; ``str()`` says what and where, in Chinese."""
