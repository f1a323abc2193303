"""Cost calculation (测算): amount = quantity × standard × periods × share.

Qt-free. Reads a :class:`~jixiao_desktop.forms.common.CostLine` as typed and
computes its amount exactly (Decimal, rounded half up to the 分 once, at the
end), and writes the 测算说明 text a clerk would otherwise type by hand::

    社区居家养老服务中心运营补助：27个 × 2.4万元/个·年 × 1年 × 7/10（市:区=3:7，区级承担7/10）= 453600.00元

An unreadable part is never read as 0: the result carries a Chinese error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao_desktop.forms.common import CostLine
from jixiao_desktop.money import AmountUnit, format_with_unit, normalize_text, parse_amount, read_decimal, round_fen

_NUMBER_RE = re.compile(r"^\s*(?P<number>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(?P<unit>\D*?)\s*$")
_SPLIT_SEPARATORS = re.compile(r"\s*[:：比/]\s*")


@dataclass(frozen=True, slots=True)
class CostResult:
    """The computed amount of one line, in 元; ``error`` says why it is ``None``."""

    value: Decimal | None
    error: str | None = None
    share: tuple[int, int] | None = None  # (numerator, denominator) of this level's part

    @property
    def ok(self) -> bool:
        return self.value is not None


def parse_number(text: str) -> tuple[Decimal | None, str]:
    """``27个`` → (27, "个"); ``1,200`` → (1200, ""); unreadable → (None, "")."""
    match = _NUMBER_RE.match(normalize_text(text or ""))
    if match is None:
        return None, ""
    number = read_decimal(match["number"])
    return (number, match["unit"]) if number is not None else (None, "")


def parse_split(text: str) -> list[int] | None:
    """``3:7`` / ``3：7`` / ``5:3:2`` / ``1比1`` → the parts; blank or unreadable → None."""
    folded = normalize_text(text or "").strip()
    if not folded:
        return None
    parts = _SPLIT_SEPARATORS.split(folded)
    if len(parts) < 2 or not all(p.isdigit() for p in parts):
        return None
    numbers = [int(p) for p in parts]
    return numbers if sum(numbers) > 0 else None


def split_levels(text: str) -> list[str]:
    """``市:区`` / ``市、区`` / ``省市区`` → ["市", "区"] / ["省", "市", "区"]."""
    folded = normalize_text(text or "").strip()
    if not folded:
        return []
    parts = [p for p in re.split(r"\s*[:：、,/\s]\s*", folded) if p]
    if len(parts) == 1 and len(parts[0]) > 1 and all(ch in "中央省市县区" for ch in parts[0]):
        return list(parts[0])
    return parts


def share_label(line: CostLine) -> str:
    """What the 本级承担 column shows: the level's name, else its 1-based number."""
    if line.share_index is None:
        return ""
    levels = split_levels(line.split_levels)
    if 0 <= line.share_index < len(levels):
        return levels[line.share_index]
    return str(line.share_index + 1)


def parse_share_input(text: str, line: CostLine) -> int | None:
    """Read what was typed in the 本级承担 column: a level name or a 1-based number.

    Returns the 0-based index, or ``None`` for blank. Raises ValueError with a
    Chinese message when the text names no part.
    """
    folded = normalize_text(text or "").strip()
    if not folded:
        return None
    levels = split_levels(line.split_levels)
    for index, level in enumerate(levels):
        if folded == level or folded.rstrip("级") == level.rstrip("级"):
            return index
    if folded.isdigit() and int(folded) >= 1:
        return int(folded) - 1
    names = "、".join(levels) if levels else "第几部分（1、2…）"
    raise ValueError(f"“{text.strip()}”不是分担层级之一，请填写{names}")


def compute(line: CostLine, unit: AmountUnit) -> CostResult:
    """quantity × standard × periods × share, rounded to the 分 once at the end."""
    if not (line.quantity.strip() or line.standard.strip()):
        return CostResult(None)
    quantity, _ = parse_number(line.quantity)
    if quantity is None:
        return CostResult(None, f"数量“{line.quantity.strip()}”不是数字")
    standard = parse_amount(line.standard, unit)
    if standard.value is None:
        return CostResult(None, standard.error or "未填标准")
    periods = Decimal(1)
    if line.periods.strip():
        periods, _ = parse_number(line.periods)
        if periods is None:
            return CostResult(None, f"期数“{line.periods.strip()}”不是数字")
    value = quantity * standard.value * periods
    share = None
    if line.split.strip():
        parts = parse_split(line.split)
        if parts is None:
            return CostResult(None, f"分担比例“{line.split.strip()}”应写成 3:7 这样的比例")
        if line.share_index is None:
            return CostResult(None, "有分担比例，但未指明本级承担哪一部分")
        if not 0 <= line.share_index < len(parts):
            return CostResult(None, f"本级承担第{line.share_index + 1}部分，但比例只有{len(parts)}部分")
        share = (parts[line.share_index], sum(parts))
        value = value * share[0] / share[1]
    return CostResult(round_fen(value), None, share)


def _clean(text: str) -> str:
    return text.strip().replace(".", "·") if text else ""


def explain(line: CostLine, unit: AmountUnit) -> str:
    """The 测算说明 sentence of one line (empty for a blank line)."""
    result = compute(line, unit)
    if not (line.item.strip() or line.quantity.strip() or line.standard.strip()):
        return ""
    factors = [f"{line.quantity.strip()}{line.quantity_unit.strip()}"]
    standard = line.standard.strip()
    if standard and parse_amount(line.standard, unit).ok and parse_amount(line.standard, unit).unit is None:
        standard += unit.value
    if line.standard_unit.strip() and "/" not in standard:
        standard += f"/{_clean(line.standard_unit)}"
    factors.append(standard or "?")
    if line.periods.strip():
        factors.append(f"{line.periods.strip()}{line.period_unit.strip()}")
    suffix = ""
    if result.share is not None:
        numerator, denominator = result.share
        factors.append(f"{numerator}/{denominator}")
        levels = line.split_levels.strip()
        who = share_label(line) if split_levels(line.split_levels) else ""
        ratio = line.split.strip()
        detail = f"{levels}={ratio}" if levels else f"分担比例{ratio}"
        if who:
            detail += f"，{who}{'' if who.endswith('级') else '级'}承担{numerator}/{denominator}"
        suffix = f"（{detail}）"
    head = f"{line.item.strip()}：" if line.item.strip() else ""
    body = " × ".join(factors) + suffix
    if result.ok:
        return f"{head}{body} = {format_with_unit(result.value, unit)}"
    return f"{head}{body}（无法计算：{result.error}）"


def total(lines: list[CostLine], unit: AmountUnit) -> Decimal:
    """The sum of the lines that compute (the others are reported by :func:`compute`)."""
    return sum((r.value for r in (compute(line, unit) for line in lines) if r.ok), Decimal(0))


def explain_all(lines: list[CostLine], unit: AmountUnit) -> str:
    """The whole 测算说明: one numbered sentence per line, then the 合计."""
    sentences = [s for s in (explain(line, unit) for line in lines) if s]
    if not sentences:
        return ""
    if len(sentences) == 1:
        return sentences[0] + "。"
    numbered = [f"{i}. {s}；" for i, s in enumerate(sentences, 1)]
    numbered.append(f"合计：{format_with_unit(total(lines, unit), unit)}。")
    return "\n".join(numbered)
