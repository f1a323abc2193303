"""Findings: what a check found, where, how serious, and whether it is explained."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from enum import Enum


class Severity(str, Enum):
    """错误 blocks submission; 警告 is allowed once explained (出错说明); 提示 informs."""

    ERROR = "error"
    WARNING = "warning"
    HINT = "hint"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "hint": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "hint": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding. ``location`` is a field path (see :mod:`jixiao_desktop.forms.locations`);
    ``related`` are the other fields the relation involves (the other side of a total).
    ``explanation`` is the clerk's 出错说明 when the finding is an explained warning.
    """

    rule: str
    severity: Severity
    location: str
    message: str
    related: tuple[str, ...] = ()
    explanation: str | None = None

    @property
    def explained(self) -> bool:
        return self.explanation is not None

    @property
    def counts_against(self) -> bool:
        """Whether the finding still stands against the form (not explained away)."""
        return not self.explained and self.severity is not Severity.HINT

    def with_explanation(self, text: str) -> Finding:
        return replace(self, explanation=text)

    def to_json(self, location_label: str | None = None) -> dict:
        data = {
            "rule": self.rule,
            "severity": self.severity.value,
            "location": self.location,
            "message": self.message,
        }
        if location_label is not None:
            data["location_label"] = location_label
        if self.related:
            data["related"] = list(self.related)
        if self.explained:
            data["explanation"] = self.explanation
        return data


@dataclass(slots=True)
class Report:
    """All findings for one form, sorted by severity then by place."""

    findings: list[Finding] = field(default_factory=list)

    def counts(self) -> Counter:
        """Unexplained findings per severity (explained warnings are counted apart)."""
        return Counter(f.severity for f in self.findings if not f.explained)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def explained(self) -> list[Finding]:
        return [f for f in self.findings if f.explained]

    def by_rule(self, rule: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule]

    def at(self, location: str) -> list[Finding]:
        return [f for f in self.findings if f.location == location or location in f.related]

    def summary(self) -> str:
        counts = self.counts()
        text = "，".join(f"{s.label}{counts.get(s, 0)}项" for s in Severity)
        if self.explained:
            text += f"（另有{len(self.explained)}项警告已说明）"
        return text
