"""The months a stated figure is worked out on, named in a bracket right after it (预计需36万元（按10个月测算）): a
reading of a failing product (asked by :func:`~.sixth_looks.sixth_looks`).

Where the standard's sentence ended before the figure, the walk took a monthly standard over the year's 12 months;
the bracket says the figure is of the months it names. The product is read again over those months: the failure is
dropped where that holds, and where it does not, the finding gives that product (the clerk's own months) instead.
"""

from __future__ import annotations

import re

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.numerals import cn_number
from jixiao_desktop.prose.lexer import Lexed
from jixiao_desktop.prose.steps import Step, fixed_reading

_BRACKET_MONTHS_RE = re.compile(r"\s*[（(]\s*(?:按|以|共|计)?\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*个\s*月"
                                r"[^（()）。；;\n\d]{0,6}[)）]")
_YEAR_OF_MONTHS = "×12个月＝"


def months_after(step: Step, lexed: Lexed, index: int, unit) -> bool | Step:
    if _YEAR_OF_MONTHS not in step.description:
        return False
    found = _BRACKET_MONTHS_RE.match(lexed.text, lexed.tokens[index].end)
    if found is None:
        return False
    months = int(found[1]) if found[1].isdigit() else cn_number(found[1])
    if not months or months >= 12:
        return False
    working = step.description.split("＝", 1)[0].replace("×12个月", f"×{months}个月")
    return fixed_reading(step, round_fen(step.computed / 12 * months), working, unit)
