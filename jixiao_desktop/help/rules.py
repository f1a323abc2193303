"""What each check rule means, in the clerk's words: ``resources/help/rules.toml`` keyed by rule id.

Read on first use (a window that never asks for help never parses it). Each entry says what the rule
checks, why the bureau or the budget system cares, how to fix it, and a right and a wrong example.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from jixiao_desktop.resources import resource_path

PARTS = ("checks", "why", "fix", "right", "wrong")
PART_LABELS = {"checks": "查什么", "why": "为什么要查", "fix": "怎么改", "right": "正确示例", "wrong": "错误示例"}


@dataclass(frozen=True, slots=True)
class RuleHelp:
    rule: str
    checks: str
    why: str
    fix: str
    right: str
    wrong: str
    where: str = ""   # where the examples are written (“数量指标的指标值”), when it helps


def rules_file():
    return resource_path("help", "rules.toml")


@lru_cache(maxsize=1)
def explanations() -> dict[str, RuleHelp]:
    """Every explanation, by rule id, in the file's order. A malformed entry is skipped, never a crash."""
    try:
        with open(rules_file(), "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    out = {}
    for rule_id, entry in data.items():
        if not isinstance(entry, dict) or not all(isinstance(entry.get(p), str) and entry[p].strip() for p in PARTS):
            continue
        out[rule_id] = RuleHelp(rule_id, *(entry[p].strip() for p in PARTS), str(entry.get("where", "")).strip())
    return out


def explanation(rule_id: str) -> RuleHelp | None:
    """The explanation of ``rule_id``; None for an id the file does not explain."""
    return explanations().get(rule_id)


def rule_title(rule_id: str) -> str:
    """The rule's Chinese title (``同一数量在不同地方不一致``); the id itself only for an unknown rule."""
    from jixiao_desktop.checks import RULES
    from jixiao_desktop.checks.engine import INTERNAL_RULE

    if rule_id == INTERNAL_RULE:
        return "检查规则运行出错"
    rule = RULES.get(rule_id)
    return rule.title if rule is not None else rule_id
