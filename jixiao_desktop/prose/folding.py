"""Folding a prose text before it is lexed: full-width digits, letters and punctuation to ASCII (as NFKC does),
ideographic spaces to blanks, a line break right after a sentence's end to a blank — one character for one, so
positions stay those of the text."""

from __future__ import annotations

import re
import unicodedata


def _fold_table() -> dict[int, str]:
    table = {}
    for start, end in ((0x2000, 0x2BFF), (0x3000, 0x33FF), (0xFE30, 0xFFEF)):
        for code in range(start, end + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    table[0x3000] = " "
    for code in range(0x2460, 0x2500):   # ①②③, ⓐ: list markers, not digits (NFKC makes ① a 1: ①721.92万元 would be 1721.92)
        table.pop(code, None)
    for keep in "。、〔〕【】《》「」『』〈〉×÷—‘’“”…·～":  # Chinese punctuation the patterns read as written
        table.pop(ord(keep), None)
    return table


_FOLD = _fold_table()
_FOLDED_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_FOLD)) + "]")


def fold(text: str) -> str:
    """Full-width digits, letters and punctuation folded to ASCII (as NFKC does), ideographic spaces as
    blanks; every character stays one character, so positions are those of the text. A text holds a few kinds of
    the table's characters: each kind is replaced in one pass, several times faster than translating every
    character (no folded character is itself folded, so the order does not matter)."""
    for char in set(_FOLDED_RE.findall(text)):
        text = text.replace(char, _FOLD[ord(char)])
    if "\n" in text:
        if "\r" in text:
            text = text.replace("\r\n", " \n")   # (a Windows line break: the line break alone)
        if " \n" in text or "\t\n" in text:   # (blanks between the mark and the break: rare, and only then matched)
            text = _BREAK_AFTER_END_RE.sub(r"\1 ", text)
        for mark in "。;!?":   # (str.replace, no pattern; after the pattern, so a blank line stays a line: 。⏎⏎)
            if mark + "\n" in text:
                text = text.replace(mark + "\n", mark + " ")
    return text


# a line break right after a sentence's end (。, ；, ！, ？ and blanks): layout, the same sentence's end — read as a blank
# (测算说明 written a sentence a line reads as written on one; a line break with no mark before it still ends a sentence,
# and a line of its own: tables, headings, a split opening a line)
_BREAK_AFTER_END_RE = re.compile(r"([。;!?][ \t\r]{1,2})\n")   # (blanks between: 。 ⏎, 。\r⏎ once \r⏎ is a blank and ⏎)
