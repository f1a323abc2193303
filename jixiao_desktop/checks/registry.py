"""The rule catalogue: each rule has a stable id, a severity, the form kinds it
applies to, and a function yielding :class:`Hit` s for one form."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity

ALL_KINDS = frozenset({"project", "department", "unit"})
# Rules that read only the indicator rows also run on documents of any template (their indicator tables).
INDICATOR_KINDS = ALL_KINDS | {"template"}


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule function yields: a place and a message (severity optional)."""

    location: str
    message: str
    related: tuple[str, ...] = ()
    severity: Severity | None = None


RuleFunc = Callable[[CheckContext], Iterable[Hit]]


# Where a rule comes from (``jixiao check --rules`` shows it): what the budget-integration system refuses
# to save, what the bureau's reviewers return forms for, arithmetic, the form's own 审核公式, how a form
# is filled in.
SOURCES = {
    "system": "预算系统拒收",
    "review": "审核退回",
    "arithmetic": "算术",
    "template": "表样审核公式",
    "form": "填报规范",
}


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    title: str
    kinds: frozenset[str]
    func: RuleFunc
    source: str = "form"
    # Off unless a template switches it on (``[template] checks = { "rule.id" = true }``): a check that
    # only some provinces' systems make (spaces in a value, say).
    default_on: bool = True

    @property
    def source_label(self) -> str:
        return SOURCES.get(self.source, self.source)


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, title: str, kinds: Iterable[str] = ALL_KINDS, *,
         source: str = "form", default_on: bool = True):
    """Register a rule function under a stable id (``funding.total``)."""
    if source not in SOURCES:
        raise ValueError(f"unknown rule source {source}")

    def register(func: RuleFunc) -> RuleFunc:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES[rule_id] = Rule(rule_id, severity, title, frozenset(kinds), func, source, default_on)
        return func

    return register
