"""Running the catalogue over a form: never raises, applies 出错说明."""

from __future__ import annotations

import logging

from jixiao_desktop.checks import rules as _rules  # noqa: F401  (registers the catalogue)
from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Finding, Report, Severity
from jixiao_desktop.checks.registry import RULES
from jixiao_desktop.forms import FormBase
from jixiao_desktop.forms.locations import parse as parse_location

log = logging.getLogger(__name__)

INTERNAL_RULE = "internal.rule_failed"


def run_checks(form: FormBase, *, only: set[str] | None = None) -> Report:
    """Check ``form`` with every rule that applies to its kind.

    A rule that raises does not stop the others: it is logged and reported as a
    提示 so that a malformed document is still checked as far as possible.
    Warnings with a matching 出错说明 are marked explained; errors never are.
    """
    ctx = CheckContext(form)
    switches = _switches(form)
    findings: list[Finding] = []
    for rule in RULES.values():
        if form.kind not in rule.kinds or (only is not None and rule.id not in only):
            continue
        switch = switches.get(rule.id, rule.default_on)
        if switch is False:
            continue
        level = switch if isinstance(switch, Severity) else None
        try:
            for hit in rule.func(ctx):
                findings.append(
                    Finding(rule.id, level or hit.severity or rule.severity, hit.location, hit.message, hit.related)
                )
        except Exception:  # a faulty rule must not take the editor down
            log.exception("rule %s failed", rule.id)
            findings.append(
                Finding(INTERNAL_RULE, Severity.HINT, "", f"检查规则“{rule.title}”（{rule.id}）运行出错，已跳过")
            )
    findings = [_explain(form, f) for f in findings]
    findings.sort(key=lambda f: (f.severity.rank, _location_key(f.location), f.rule))
    return Report(findings)


def _switches(form: FormBase) -> dict[str, bool | Severity]:
    """The template's word on each rule: off (False), on (True), or on at another level."""
    meta = getattr(getattr(form, "loaded", None), "meta", None) if form.kind == "template" else None
    levels = {"错误": Severity.ERROR, "警告": Severity.WARNING, "提示": Severity.HINT}
    out: dict[str, bool | Severity] = {}
    for rule_id, value in (getattr(meta, "checks", None) or {}).items():
        out[rule_id] = levels[value] if isinstance(value, str) else bool(value)
    return out


def _explain(form: FormBase, finding: Finding) -> Finding:
    if finding.severity is not Severity.WARNING:
        return finding
    explanation = form.explanation_for(finding.rule, finding.location)
    if explanation is None or not explanation.text.strip():
        return finding
    return finding.with_explanation(explanation.text.strip())


def _location_key(location: str) -> tuple:
    try:
        return tuple((name, -1 if index is None else index) for name, index in parse_location(location))
    except ValueError:
        return ((location, -1),)
