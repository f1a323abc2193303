"""Indicator layouts (指标体系): which 二级 belong under which 一级.

A form declares its layout; the editor offers these lists and the checks judge
placement by them. Synonyms seen on real forms map to the canonical names.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache


class IndicatorLayout(str, Enum):
    CLASSIC = "classic"
    CZ2021_101 = "cz2021_101"
    SHANGHAI = "shanghai"

    @property
    def label(self) -> str:
        return _LAYOUT_LABELS[self]


_LAYOUT_LABELS = {
    IndicatorLayout.CLASSIC: "常规（产出/效益/满意度）",
    IndicatorLayout.CZ2021_101: "财预〔2021〕101号（成本指标单列）",
    IndicatorLayout.SHANGHAI: "上海单位整体（含投入管理指标）",
}

OUTPUT = "产出指标"
BENEFIT = "效益指标"
SATISFACTION = "满意度指标"
COST = "成本指标"
INPUT_MANAGEMENT = "投入管理指标"

_OUTPUT_CLASSIC = ("数量指标", "质量指标", "时效指标", "成本指标")
_BENEFIT = ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")
_SATISFACTION = ("服务对象满意度指标",)

LAYOUTS: dict[IndicatorLayout, dict[str, tuple[str, ...]]] = {
    IndicatorLayout.CLASSIC: {
        OUTPUT: _OUTPUT_CLASSIC,
        BENEFIT: _BENEFIT,
        SATISFACTION: _SATISFACTION,
    },
    IndicatorLayout.CZ2021_101: {
        OUTPUT: ("数量指标", "质量指标", "时效指标"),
        COST: ("经济成本指标", "社会成本指标", "生态环境成本指标"),
        BENEFIT: _BENEFIT,
        SATISFACTION: _SATISFACTION,
    },
    IndicatorLayout.SHANGHAI: {
        INPUT_MANAGEMENT: (
            "预算编审管理",
            "预算执行管理",
            "预算绩效管理",
            "资产管理",
            "预算透明度",
            "内部控制管理",
            "预算信息化",
        ),
        OUTPUT: _OUTPUT_CLASSIC,
        BENEFIT: _BENEFIT,
        SATISFACTION: _SATISFACTION,
    },
}

# Spellings seen on real forms → canonical name.
_SYNONYMS = {
    "效果指标": BENEFIT,
    "社会公众或服务对象满意度指标": "服务对象满意度指标",
    "社会公众及服务对象满意度指标": "服务对象满意度指标",
    "社会公众满意度指标": "服务对象满意度指标",
    "满意度": SATISFACTION,
    "产出": OUTPUT,
    "效益": BENEFIT,
    "可持续影响": "可持续影响指标",
    "数量": "数量指标",
    "质量": "质量指标",
    "时效": "时效指标",
    "成本": "成本指标",
    "社会效益": "社会效益指标",
    "经济效益": "经济效益指标",
    "生态效益": "生态效益指标",
}


# The points an evaluation's heading states after its name: 决策（15分）, 项目立项(5 分), 产出数量（8.5分）.
_STATED_POINTS = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]\s*$")


def stated_points(name: str) -> tuple[str, str]:
    """A heading split into its name and the points it states: ``效益（30分）`` → (``效益``, ``30``); ("…", "")."""
    match = _STATED_POINTS.search(name or "")
    if not match:
        return (name or "").strip(), ""
    return name[:match.start()].strip(), match.group(1)


@lru_cache(maxsize=2048)
def canonical(name: str) -> str:
    """The canonical name of a 一级/二级 heading: blanks removed, synonyms mapped, stated points dropped.

    ``产   出   指   标`` → ``产出指标``; ``可持续影响  指标`` → ``可持续影响指标``; ``决策（15分）`` → ``决策``.
    """
    squeezed = "".join(stated_points(name)[0].split()).replace("　", "")
    return _SYNONYMS.get(squeezed, squeezed)


def level1_names(layout: IndicatorLayout) -> tuple[str, ...]:
    return tuple(LAYOUTS[layout])


def level2_names(layout: IndicatorLayout, level1: str) -> tuple[str, ...]:
    return LAYOUTS[layout].get(canonical(level1), ())


@lru_cache(maxsize=4096)
def parent_of(layout: IndicatorLayout, level2: str) -> str | None:
    """The 一级 a 二级 belongs under in this layout, or ``None`` if unknown."""
    name = canonical(level2)
    for level1, children in LAYOUTS[layout].items():
        if name in children:
            return level1
    return None
