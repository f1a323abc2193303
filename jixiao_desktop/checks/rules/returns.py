"""What reviewers return forms for (审核退回), in the indicator grids: no 满意度 indicator, values that cannot
be measured, and values holding several quantities.

Reviewers (财政支出绩效评价管理暂行办法 第十三、十四条 and local 审核 notices) want targets 具体细化:
quantified where possible, otherwise graded 定性. So a 满意度 target must be a number (≥90%), while a
效益 target may stay qualitative (提升, 改善, 达成年度指标, 符合…) — what is returned there is the vague
modifier that no one can judge after the year (进一步提高, 有效提升, 明显改善, 较好, 可持续) or a value that only
repeats its name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import INDICATOR_KINDS, Hit, rule
from jixiao_desktop.checks.rules.completeness import is_placeholder
from jixiao_desktop.forms.layouts import INPUT_MANAGEMENT, LAYOUTS, SATISFACTION, IndicatorLayout, canonical


# -- 满意度 --------------------------------------------------------------------------------------------

def _layout_asks_satisfaction(ctx: CheckContext) -> bool:
    """Classic and 财预〔2021〕101号 layouts, and a template's own list naming 满意度指标; not the Shanghai
    单位整体 layout (its 满意度 is optional) nor an own list without it."""
    if ctx.kind == "template":
        meta = ctx.form.loaded.meta
        if meta.layout == "own":
            return SATISFACTION in {canonical(k) for k in meta.levels}
        return meta.layout in ("classic", "cz2021_101")
    return ctx.form.layout in (IndicatorLayout.CLASSIC, IndicatorLayout.CZ2021_101) and \
        SATISFACTION in LAYOUTS[ctx.form.layout]


def _is_satisfaction(level1: str, indicator) -> bool:
    return (canonical(level1) == SATISFACTION or "满意" in indicator.level2
            or bool(_SATISFACTION_NAME_RE.search(indicator.name)))


_SATISFACTION_NAME_RE = re.compile(r"满意度|满意率|满意程度|满意")


@rule("indicators.no_satisfaction", Severity.WARNING, "没有满意度指标", kinds=INDICATOR_KINDS, source="review")
def no_satisfaction(ctx: CheckContext):
    if not _layout_asks_satisfaction(ctx):
        return
    for grid in ctx.grids():
        named = [(row, ind) for _b, _i, _s, row, ind in grid.cells() if ind.name.strip()]
        if not named or any(_is_satisfaction(row.level1, ind) for row, ind in named):
            continue   # an empty grid is reported as such elsewhere
        yield Hit(grid.path, f"{grid.label}中没有满意度指标；审核要求设置服务对象满意度指标，"
                  "如“受益群众满意度 ≥90%”（满意度指标 › 服务对象满意度指标）")


# -- values that cannot be measured ------------------------------------------------------------------

# A modifier that makes a qualitative target unjudgeable: 进一步提高, 有效提升, 明显改善, 持续推进, 较好.
_VAGUE_RE = re.compile(
    r"进一步|持续|可持续|不断|逐步|逐年|稳步|大幅|大力|切实|明显|显著|较好|较高|较大|较强|较为|良好|有所|一定程度|"
    r"尽快|尽量|尽可能|积极|全面(?:提[升高]|加强|推进|改善)|"
    r"有效(?:提[升高]|改善|保障|促进|推进|推动|增强|加强|缓解|解决|控制|减少|降低|遏制|防止|带动|发挥)"
)
_RATE_WORDS = re.compile(r"率|比例|比重|占比|覆盖")
_NAME_SUFFIX_RE = re.compile(r"(?:性|率|度|情况|程度|水平|状况)$")
_PUNCT_RE = re.compile(r"[\s，,。.；;：:、！!？?“”\"'（）()《》]")


def _squeeze(text: str) -> str:
    return _PUNCT_RE.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=8192)
def _repeats_name(name: str, value: str) -> bool:
    """``补助发放及时性`` / ``补助发放及时``, ``群众满意度`` / ``群众满意度``: the value says only what is measured."""
    n, v = _squeeze(name), _squeeze(value)
    if not n or not v or any(ch.isdigit() for ch in v):
        return False
    return v == n or _NAME_SUFFIX_RE.sub("", v) == _NAME_SUFFIX_RE.sub("", n) and len(v) >= 3


def _hint(level2: str, name: str, satisfaction: bool) -> str:
    """A measurable form of the target, by what the row measures."""
    if satisfaction:
        return "如“≥90%”（按问卷调查的满意率）"
    if _RATE_WORDS.search(name):
        return "如“≥95%”"
    if level2 == "数量指标":
        return "如“＝120人”“≥3个”（数量加计量单位）"
    if level2 == "质量指标":
        return "如“验收合格率＝100%”“达标率≥95%”"
    if level2 == "时效指标":
        return "如“2025年12月底前完成”“及时率＝100%”"
    if "成本" in level2:
        return "如“≤50万元”“≤200元/人·月”"
    if level2 == "可持续影响指标":
        return "如“持续发挥作用年限≥5年”“设施正常运行率≥95%”"
    return "如“完成率≥95%”“受益人数≥500人”，或写可在年底判定的结果（如“达成年度指标”）"


@rule("value.vague", Severity.WARNING, "指标值无法衡量", kinds=INDICATOR_KINDS, source="review")
def vague(ctx: CheckContext):
    for grid in ctx.grids():
        for base, i, _side, row, ind in grid.cells():
            value, name = ind.value.strip(), ind.name.strip()
            if not value or is_placeholder(value) or canonical(row.level1) == INPUT_MANAGEMENT:
                continue
            parsed = ind.parsed
            level2 = canonical(ind.level2)
            satisfaction = _is_satisfaction(row.level1, ind)
            where = f"{grid.label}第{i + 1}行“{name}”"
            if _repeats_name(name, value):
                why = "只是重复了指标名称"
            elif parsed.quantitative:
                continue
            elif satisfaction:
                why = "不是可衡量的数值，满意度应写调查的满意率"
            elif (word := _VAGUE_RE.search(value)) is not None:
                why = f"中的“{word[0]}”无法在年底衡量"
            else:
                continue
            yield Hit(f"{base}.value", f"{where}的指标值“{value}”{why}；请写成可衡量的目标，{_hint(level2, name, satisfaction)}")


# -- several quantities in one value -----------------------------------------------------------------

_BRACKETS_RE = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_SEPARATORS_RE = re.compile(r"[；;、，,]|[/／](?=\s*[\d≥≤＞＜><])|(?<=[^\d\s])\s*(?:和|及|与|以及|另)\s*(?=\D)")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
# A number that is part of a date or a time point (2024年, 6月, 30日, 第3季度): not a quantity to score.
_DATE_AFTER_RE = re.compile(r"\s*(?:年(?!龄|限|以上|以内)|月(?!份?以上)|日|号|时|点|季度|周岁|岁)")
_DATE_BEFORE_RE = re.compile(r"第\s*$")
_YEARISH_RE = re.compile(r"(?:19|20)\d{2}(?:\.\d{1,2})?")
_UNIT_AFTER_RE = re.compile(r"\s*[\u4e00-\u9fff%％]")


def _quantities(segment: str) -> int:
    count = 0
    for match in _NUMBER_RE.finditer(segment):
        after = segment[match.end():match.end() + 3]
        if _DATE_AFTER_RE.match(after) or _DATE_BEFORE_RE.search(segment[:match.start()]):
            continue
        if _YEARISH_RE.fullmatch(match[0]) and not _UNIT_AFTER_RE.match(after):
            continue   # 2024.6, 2024.12: a time point written with a dot
        count += 1
    return count


@lru_cache(maxsize=8192)
def several_quantities(value: str) -> tuple[str, ...]:
    """The parts of ``value`` that each state a quantity, when there are two or more listed one after the
    other (``重度护理补贴2100人;困难生活补贴1000人``, ``2100人、1000人``); a range (80至89周岁), a date
    (2025年1月至12月), a breakdown in brackets or a standard (200元/人·月) is one quantity."""
    text = _BRACKETS_RE.sub("", _THOUSANDS_RE.sub("", unicodedata.normalize("NFKC", value)))
    parts = [p.strip(" 。.") for p in _SEPARATORS_RE.split(text) if p and p.strip(" 。.")]
    quantities = [p for p in parts if _quantities(p)]
    return tuple(quantities) if len(quantities) >= 2 else ()


@rule("value.several_quantities", Severity.WARNING, "一个指标值中写了多个数量", kinds=INDICATOR_KINDS, source="review")
def several(ctx: CheckContext):
    for grid in ctx.grids():
        for base, i, _side, _row, ind in grid.cells():
            parts = several_quantities(ind.value) if ind.value.strip() else []
            if parts:
                shown = "、".join(f"“{p}”" for p in parts[:4])
                yield Hit(f"{base}.value",
                          f"{grid.label}第{i + 1}行“{ind.name.strip()}”的指标值“{ind.value.strip()}”写了{len(parts)}个数量（{shown}）；"
                          "预算系统一个指标只能填一个值，年底也无法分别评分，请拆成每个数量一个三级指标")
