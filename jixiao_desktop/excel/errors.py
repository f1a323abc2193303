"""The one error the Excel code raises: a Chinese message a clerk can act on."""

from __future__ import annotations


class ExcelError(Exception):
    """A workbook could not be read or written; ``str(exc)`` is the Chinese message."""
