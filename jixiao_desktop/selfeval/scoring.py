"""How a 自评表 scores: each computed score with its working, in words a clerk can follow.

Quantitative indicators: achieved ÷ target × points, capped at the points; a “≤”/“＜” target (cost, time) the
other way round, target ÷ achieved. Qualitative (定性) ones by the band the 实际完成值 names (达成 / 部分达成 /
未达成, or the target's own words repeated). 预算执行率: 全年执行数 ÷ 全年预算数 × points, capped. Scores are
rounded to two decimals, half up; a score that cannot be worked out is ``None`` with the reason as its working.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from jixiao_desktop.forms.indicator_value import Operator, parse_indicator_value
from jixiao_desktop.money import normalize_text

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
DEFAULT_BANDS = {"达成": 100, "部分达成": 60, "未达成": 0}
DEFAULT_GRADES = {"优": 90, "良": 80, "中": 60, "差": 0}


@dataclass(frozen=True)
class Score:
    """A computed score: ``value`` (None when it cannot be worked out), ``working`` (how, or why not),
    ``exact`` (before rounding) and ``missed`` (the target was not reached)."""

    value: Decimal | None
    working: str
    exact: Decimal | None = None
    missed: bool = False


def _plain(number: Decimal) -> str:
    return f"{number.normalize():f}"


def _round(number: Decimal) -> Decimal:
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def score_indicator(target: str, actual: str, points: Decimal | None,
                    bands: dict[str, int] | None = None) -> Score:
    """The score of one indicator with ``points`` (its 分值) whose 指标值 is ``target`` and 实际完成值 ``actual``."""
    if points is None:
        return Score(None, "未填分值，无法计算得分")
    if not (actual or "").strip():
        return Score(None, "未填实际完成值，无法计算得分")
    wanted, got = parse_indicator_value(target), parse_indicator_value(actual)
    if wanted.blank:
        return Score(None, "未填指标值，无法计算得分")
    if wanted.quantitative:
        return _quantitative(wanted, got, points)
    return _qualitative(wanted.text, actual, points, bands or DEFAULT_BANDS)


def _quantitative(wanted, got, points: Decimal) -> Score:
    if not got.quantitative:
        return Score(None, f"实际完成值“{got.text.strip()}”不是数值，指标值“{wanted.text.strip()}”是定量的，无法计算得分")
    if wanted.unit and got.unit and wanted.unit != got.unit:
        return Score(None, f"实际完成值的单位“{got.unit}”与指标值的单位“{wanted.unit}”不同，无法计算得分")
    target, achieved = wanted.number, got.number
    reverse = wanted.effective_operator in (Operator.LE, Operator.LT)
    unit = wanted.unit or got.unit
    if reverse:
        if achieved <= target:
            return Score(_round(points), f"实际{_plain(achieved)}{unit}未超过目标{_plain(target)}{unit}，得满分{_plain(points)}",
                         points)
        ratio = target / achieved
        words = f"目标{_plain(target)}{unit} ÷ 实际{_plain(achieved)}{unit}"
    else:
        if target <= 0:
            if achieved >= target:
                return Score(_round(points), f"实际{_plain(achieved)}{unit}达到目标{_plain(target)}{unit}，得满分{_plain(points)}",
                             points)
            return Score(Decimal(0), f"实际{_plain(achieved)}{unit}未达到目标{_plain(target)}{unit}，得0分", Decimal(0), True)
        ratio = achieved / target
        words = f"实际{_plain(achieved)}{unit} ÷ 目标{_plain(target)}{unit}"
    if wanted.effective_operator is Operator.EQ and ratio > 1:
        ratio = Decimal(1)  # over an ＝ target is reaching it; the cap says the same
    exact = min(ratio, Decimal(1)) * points
    capped = "，封顶为分值" if ratio > 1 else ""
    return Score(_round(exact), f"{words} × 分值{_plain(points)} = {_plain(_round(exact))}{capped}", exact, ratio < 1)


def _qualitative(target: str, actual: str, points: Decimal, bands: dict[str, int]) -> Score:
    said = normalize_text(actual).strip()
    band = next((b for b in sorted(bands, key=len, reverse=True) if b in said), None)
    if band is None and said == normalize_text(target).strip():
        band = max(bands, key=lambda b: bands[b])
    if band is None:
        return Score(None, f"实际完成值“{actual.strip()}”没有写明{'/'.join(bands)}，定性指标无法计算得分")
    share = Decimal(bands[band])
    exact = points * share / HUNDRED
    return Score(_round(exact), f"定性指标{band}，得分值{_plain(points)}的{_plain(share)}% = {_plain(_round(exact))}",
                 exact, share < HUNDRED)


def score_budget(planned: Decimal | None, executed: Decimal | None, points: Decimal | None) -> Score:
    """预算执行率's score: 全年执行数 ÷ 全年预算数 × points, capped at the points."""
    if points is None:
        return Score(None, "未填预算执行率的分值，无法计算得分")
    if planned is None or executed is None:
        return Score(None, "未填全年预算数或全年执行数，无法计算执行率")
    if planned <= 0:
        return Score(None, "全年预算数不大于0，无法计算执行率")
    ratio = executed / planned
    exact = min(ratio, Decimal(1)) * points
    capped = "，封顶为分值" if ratio > 1 else ""
    return Score(_round(exact), f"执行率 {_plain(_round(ratio * HUNDRED))}% × 分值{_plain(points)} = {_plain(_round(exact))}{capped}",
                 exact, ratio < 1)


def grade_of(total: Decimal, grades: dict[str, int] | None = None) -> str:
    """The grade of a total score: the band with the highest lower bound the total reaches."""
    table = grades or DEFAULT_GRADES
    reached = [(bound, name) for name, bound in table.items() if total >= bound]
    return max(reached)[1] if reached else min((bound, name) for name, bound in table.items())[1]
