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


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    title: str
    kinds: frozenset[str]
    func: RuleFunc


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, title: str, kinds: Iterable[str] = ALL_KINDS):
    """Register a rule function under a stable id (``funding.total``)."""

    def register(func: RuleFunc) -> RuleFunc:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES[rule_id] = Rule(rule_id, severity, title, frozenset(kinds), func)
        return func

    return register
