"""The characters the budget-integration system refuses in a 指标值, and how to write the value instead.

The system refuses to save a 指标值 holding ``-``, ``_`` or ``*`` anywhere (rules.md §7). Their
full-width and small forms (``－ ＿ ＊ ﹣``) are the same characters to it (they fold to them under
NFKC, as the system folds ``=`` to ``＝``); the long dash ``—``, the wave ``～`` and the times sign ``×``
are other characters and pass. :func:`rewrite` builds the fix from the clerk's own text: ``1-12月`` →
``1月至12月``, ``80-89周岁`` → ``80至89周岁``, ``2023-12-31`` → ``2023年12月31日``, ``3*4`` → ``3×4``;
where no safe rewrite exists it says what to write instead. Every pattern here is linear in the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

REFUSED = "-_*"
_DASH = r"[-－﹣]"
_WHITE = " \t\u3000\xa0"


# Every character NFKC folds to one of them (full-width, small and vertical forms), by refused character.
_FORMS = {"-": "-\ufe63\uff0d", "_": "_\ufe33\ufe34\ufe4d\ufe4e\ufe4f\uff3f", "*": "*\ufe61\uff0a"}
_ANY = frozenset("".join(_FORMS.values()))


def marks(text: str) -> str:
    """The refused characters in ``text`` (``-``, ``_``, ``*``; in the order of ``REFUSED``), as folded."""
    if not text or _ANY.isdisjoint(text):
        return ""
    return "".join(ch for ch, forms in _FORMS.items() if any(form in text for form in forms))


def only_marks(text: str) -> bool:
    """Whether ``text`` holds nothing but refused characters (and blanks): ``-``, ``--``, ``＊``, ``_ _``."""
    if not text or _ANY.isdisjoint(text):
        return False
    kept = [ch for ch in text if ch not in _WHITE]
    return all(ch in _ANY for ch in kept)


def shown(found: str) -> str:
    """``“-”、“*”`` for a message."""
    return "、".join(f"“{ch}”" for ch in found)


@dataclass(frozen=True, slots=True)
class Fix:
    """How to write a refused value: ``text`` (the value rewritten, or blank when there is no safe
    rewrite) and ``advice`` (what to do, in words)."""

    text: str
    advice: str


_DATE_RE = re.compile(rf"(?<!\d)((?:19|20)\d{{2}})\s*{_DASH}\s*(\d{{1,2}})\s*{_DASH}\s*(\d{{1,2}})(?!\d)")
_MONTH_RE = re.compile(rf"(?<!\d)((?:19|20)\d{{2}})\s*{_DASH}\s*(0?[1-9]|1[0-2])(?![\d.])\s*(?:月份?)?"
                       r"(?=\s*(?:底|前|末|止|以前|$|[;；,，。、)）至到]))")
_DOTTED_DATE_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})[./．](\d{1,2})[./．](\d{1,2})(?![\d.])")
_AFTER_DATE_RE = re.compile(rf"([年月日号])\s*{_DASH}\s*(?=\d)")
_DOTTED_SPAN_RE = re.compile(rf"(?<![\d.])((?:19|20)\d{{2}})[./．](\d{{1,2}})\s*{_DASH}\s*((?:19|20)\d{{2}})[./．](\d{{1,2}})(?![\d.])")
_COMPACT_SPAN_RE = re.compile(rf"(?<!\d)((?:19|20)\d{{2}})(0[1-9]|1[0-2])\s*{_DASH}\s*((?:19|20)\d{{2}})(0[1-9]|1[0-2])(?!\d)")
_STANDARD_RE = re.compile(rf"([A-Z]{{2,}}\d*(?:/[A-Z])?\s*\d+(?:\.\d+)*)\s*{_DASH}\s*((?:19|20)\d{{2}})(?!\d)")
_TIME_RE = re.compile(rf"(?<!\d)(\d{{1,2}}[:：]\d{{2}})\s*{_DASH}\s*(\d{{1,2}}[:：]\d{{2}})(?!\d)")
_SPAN_RE = re.compile(
    rf"(?<![\d.])(\d+(?:\.\d+)?)\s*([%％]|周岁|岁|个月|月份|月|日|号|年度|年|天|小时|元|万元|人|户|个)?\s*{_DASH}\s*"
    rf"(\d+(?:\.\d+)?)(?![\d.])\s*(周岁|岁|个月|月份|月|日|号|年度|年|[%％])?")
_NEGATIVE_RE = re.compile(rf"(?:^|[≥≤＞＜＝><=≧≦])\s*{_DASH}\s*\d")
_TIMES_RE = re.compile(r"(\d)\s*[*＊]\s*(?=\d)")
_STAR_RE = re.compile(r"\s*[*＊]\s*")
_FILL_IN_RE = re.compile(r"[_＿*＊]{2,}")
_CALENDAR = {"月": 12, "月份": 12, "日": 31, "号": 31}

ONLY_MARKS_ADVICE = ("预算系统不接受用符号表示“无”：没有这项目标就删去这一行；目标为零写“0”加单位（如“0起”“0%”）；"
                     "定性指标写文字（如“无安全责任事故”）")
NEGATIVE_ADVICE = "负数的“-”号预算系统不接受：请把“下降”“减少”写进指标名称，指标值写正数（如名称“能耗下降率”，指标值“≥5%”）"
FILL_IN_ADVICE = "“__”“**”是待填的空格：请填入实际数值或文字"
GENERAL_ADVICE = "请删去这些符号或改写（范围写“至”，如“1月至12月”；日期写“年月日”；乘号写“×”）"


def _span(m: re.Match) -> str:
    a, unit_a, b, unit_b = m[1], m[2] or "", m[3], m[4] or ""
    if unit_a and unit_b and unit_a != unit_b:
        return f"{a}{unit_a}至{b}{unit_b}"
    unit = unit_b or unit_a
    limit = _CALENDAR.get(unit)
    calendar = limit is not None and "." not in a + b and 1 <= int(a) <= limit and 1 <= int(b) <= limit
    years = (unit in ("年", "年度") or not unit) and _year(a) and _year(b)
    if years and not unit:
        return f"{a}年至{b}年"                # 2023-2025 → 2023年至2025年
    if calendar or years or unit_a:
        return f"{a}{unit}至{b}{unit}"      # 1月至12月, 2023年至2025年, 95%至100%
    return f"{a}至{b}{unit}"                 # 80至89周岁, 1至3年, 3至5天


def _year(digits: str) -> bool:
    return len(digits) == 4 and digits[:2] in ("19", "20")


@lru_cache(maxsize=2048)
def rewrite(text: str) -> Fix:
    """The value rewritten without ``-``, ``_``, ``*`` where the clerk's meaning is plain; else advice."""
    stripped = (text or "").strip()
    if only_marks(stripped) or unicodedata.normalize("NFKC", stripped).strip("-_*—–~～ ") == "":
        return Fix("", ONLY_MARKS_ADVICE)
    if _FILL_IN_RE.search(stripped):
        return Fix("", FILL_IN_ADVICE)
    if _NEGATIVE_RE.search(stripped):
        return Fix("", NEGATIVE_ADVICE)
    out = _DATE_RE.sub(lambda m: f"{m[1]}年{int(m[2])}月{int(m[3])}日", stripped)
    out = _DOTTED_DATE_RE.sub(lambda m: f"{m[1]}年{int(m[2])}月{int(m[3])}日", out)
    out = _DOTTED_SPAN_RE.sub(lambda m: f"{m[1]}年{int(m[2])}月至{m[3]}年{int(m[4])}月", out)
    out = _COMPACT_SPAN_RE.sub(lambda m: f"{m[1]}年{int(m[2])}月至{m[3]}年{int(m[4])}月", out)
    out = _STANDARD_RE.sub(r"\1—\2", out)    # a standard's number: GB/T 50300—2013, as printed on it
    out = _TIME_RE.sub(r"\1至\2", out)
    out = _MONTH_RE.sub(lambda m: f"{m[1]}年{int(m[2])}月", out)
    out = _SPAN_RE.sub(_span, out)
    out = _AFTER_DATE_RE.sub(r"\1至", out)
    out = _TIMES_RE.sub(r"\1×", out)
    out = _STAR_RE.sub("", out)       # a footnote or emphasis star
    if marks(out):
        return Fix("", GENERAL_ADVICE)
    return Fix(out, "")
