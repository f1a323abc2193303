"""Fonts for printing: which Chinese TrueType font, loaded once, and what it can draw.

Lookup order for ``font="auto"``: the Windows fonts 宋体 (``simsun.ttc``) and 仿宋
(``simfang.ttf``) when present, then the font shipped in ``resources/fonts``
(文泉驿微米黑). A candidate is used only if it can draw every character of the
document; the shipped font is the last resort. ``font="shipped"`` forces the
shipped font (the tests use it so output is the same on every machine); a path
to a ``.ttf``/``.ttc`` file uses that file.

reportlab embeds TrueType-outline fonts as subsets and silently draws a blank
for a character the font lacks; :func:`missing_characters` is how the renderer
refuses to print such a blank.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from jixiao_desktop.resources import resource_path

# Characters that are layout, not glyphs: never looked up in the font.
LAYOUT_CHARACTERS = frozenset("\n\t ")


@dataclass(frozen=True, slots=True)
class FontSpec:
    """A font file (``index`` selects the face of a .ttc) and its Chinese name."""

    path: Path
    index: int
    label: str

    @property
    def key(self) -> str:
        return f"JX-{self.path.stem}-{self.index}"


SHIPPED_FONT = FontSpec(resource_path("fonts", "wqy-microhei.ttc"), 0, "文泉驿微米黑")


def windows_fonts() -> list[FontSpec]:
    """宋体 then 仿宋 from the Windows font folder, when the files exist."""
    folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    specs = [FontSpec(folder / "simsun.ttc", 0, "宋体"), FontSpec(folder / "simfang.ttf", 0, "仿宋")]
    return [spec for spec in specs if spec.path.is_file()]


def candidates(choice: str) -> list[FontSpec]:
    """Fonts to try, in order, for a ``PrintOptions.font`` value."""
    if choice == "auto":
        return [*windows_fonts(), SHIPPED_FONT]
    if choice == "shipped":
        return [SHIPPED_FONT]
    path = Path(choice)
    return [FontSpec(path, 0, path.stem)]


class FontUnavailable(Exception):
    """No usable font; ``str()`` is a Chinese message."""


_LOCK = threading.Lock()
_LOADED: dict[str, TTFont] = {}


def load(spec: FontSpec) -> TTFont:
    """The registered reportlab font for ``spec`` (parsed once per process)."""
    with _LOCK:
        font = _LOADED.get(spec.key)
        if font is None:
            try:
                font = TTFont(spec.key, str(spec.path), subfontIndex=spec.index)
            except (TTFError, OSError) as exc:
                raise FontUnavailable(f"无法读取字体“{spec.label}”（{spec.path}）：{exc}") from exc
            pdfmetrics.registerFont(font)
            _LOADED[spec.key] = font
        return font


def missing_characters(font: TTFont, chars: set[str]) -> set[str]:
    """The characters of ``chars`` that ``font`` has no glyph for."""
    cmap = font.face.charToGlyph
    return {c for c in chars if c not in LAYOUT_CHARACTERS and ord(c) not in cmap}


def choose(choice: str, chars: set[str]) -> tuple[FontSpec, TTFont, set[str]]:
    """The first candidate that draws every character, else the last one tried.

    Returns the spec, the loaded font and the characters it cannot draw (empty
    when the document can be printed).
    """
    tried: list[tuple[FontSpec, TTFont, set[str]]] = []
    errors: list[str] = []
    for spec in candidates(choice):
        try:
            font = load(spec)
        except FontUnavailable as exc:
            errors.append(str(exc))
            continue
        missing = missing_characters(font, chars)
        if not missing:
            return spec, font, missing
        tried.append((spec, font, missing))
    if tried:
        return tried[-1]
    raise FontUnavailable("；".join(errors) or "没有可用的中文字体")
