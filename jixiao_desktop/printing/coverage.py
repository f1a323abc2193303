"""Characters the font cannot draw: found before printing, reported by field.

A print must never carry a blank where the clerk typed a character, so the
renderer collects every text it will draw, asks the font (see
:mod:`jixiao_desktop.printing.fonts`) and, when something is missing, raises
:class:`UnprintableCharacters` naming the characters and the fields that hold them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from jixiao_desktop.model import Model as BaseModel

from jixiao_desktop.forms.locations import describe

_LINE_BREAKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n", "\t": " "})


def clean_text(text: str) -> str:
    """Line breaks of any kind (Word's ``\\x0b`` too) become ``\\n``; tabs a blank."""
    return text.replace("\r\n", "\n").translate(_LINE_BREAKS)


# Fields of a document that are never printed: a template document's copy of its template (TOML).
NOT_PRINTED = frozenset({"template_text", "template_id", "template_version"})


def iter_texts(node: BaseModel, prefix: str = "") -> Iterator[tuple[str, str]]:
    """``(location, text)`` for every printed text field of a form, nested rows included.

    A template document's cells (``content.tables.costs[2].amount``) are walked too; a fixed row's
    ``_row`` id and the template's own text are not printed, so they are left out.
    """
    for name in type(node).model_fields:
        if name in NOT_PRINTED:
            continue
        yield from _texts(getattr(node, name), f"{prefix}.{name}" if prefix else name)


def _texts(value, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from iter_texts(value, path)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not str(key).startswith("_"):
                yield from _texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")


def char_label(char: str) -> str:
    """``“𠀀”（U+20000）``; invisible characters by code and name only."""
    code = f"U+{ord(char):04X}"
    category = unicodedata.category(char)
    if category[0] in "CZ":
        name = unicodedata.name(char, "")
        return f"{code}{'（' + name + '）' if name else ''}（不可见字符）"
    return f"“{char}”（{code}）"


# The longest text one printed cell holds: some 10 pages of dense text, far beyond any real form's
# narrative (a few thousand characters). Laying out a cell costs more the longer it is.
MAX_PRINT_CHARS = 20000


class NotPrintable(Exception):
    """The document cannot be printed as it is; ``places`` are ``(location, Chinese description, detail)``
    to jump to, ``str()`` the Chinese message. Nothing is printed or written."""

    places: list = []


class CellCannotFit(NotPrintable):
    """A cell's text cannot be laid out in its column at all (a long run of digits or letters with no
    place to break, in a narrow column): splitting its row across pages makes no progress."""

    def __init__(self, sample: str):
        self.places = []
        shown = sample if len(sample) <= 30 else sample[:30] + "…"
        which = f"（“{shown}”）" if shown else ""
        super().__init__(f"无法打印：表格中有一格的内容在该栏的宽度下排不开{which}，多半是一长串不断开的数字或"
                         "字母。请在其中加空格或标点，或缩短后再打印。没有打印任何内容。")


class TextTooLong(NotPrintable):
    """A text is longer than one printed cell can hold (:data:`MAX_PRINT_CHARS`)."""

    def __init__(self, places: list[tuple[str, str, int]]):
        self.places = places
        lines = [f"无法打印：以下内容超过{MAX_PRINT_CHARS}字，一个表格单元格放不下（打印出来会有几十页）："]
        lines += [f"  {where}：{length}字" for _, where, length in places[:20]]
        lines.append("请精简这些内容（或移到附件）后再打印。")
        super().__init__("\n".join(lines))


def too_long_texts(form: BaseModel) -> TextTooLong | None:
    places = [(location, describe(form, location), len(text)) for location, text in iter_texts(form)
              if len(text) > MAX_PRINT_CHARS]
    return TextTooLong(places) if places else None


class UnprintableCharacters(NotPrintable):
    """The document has characters the print font cannot draw.

    ``characters`` are the characters, ``places`` the ``(location, Chinese
    description, characters)`` of each form field holding some, ``font`` the
    font's Chinese name. ``str()`` is the message to show the clerk.
    """

    def __init__(self, characters: list[str], places: list[tuple[str, str, list[str]]], font: str):
        self.characters = characters
        self.places = places
        self.font = font
        listed = "、".join(char_label(c) for c in characters)
        lines = [f"无法打印：字体“{font}”中没有以下字符，打印出来会是空白：{listed}。"]
        if places:
            lines.append("所在位置：")
            for _, where, chars in places[:20]:
                lines.append(f"  {where}：{'、'.join(char_label(c) for c in chars)}")
            if len(places) > 20:
                lines.append(f"  另有{len(places) - 20}处")
        lines.append("请把这些字符改为常用字（或删除不可见字符）后再打印。")
        super().__init__("\n".join(lines))


def unprintable_error(form: BaseModel, missing: set[str], font_label: str) -> UnprintableCharacters:
    """The exception for ``missing`` characters, with the form fields holding them."""
    places = []
    for location, text in iter_texts(form):
        found = sorted({c for c in clean_text(text) if c in missing})
        if found:
            places.append((location, describe(form, location), found))
    return UnprintableCharacters(sorted(missing), places, font_label)
