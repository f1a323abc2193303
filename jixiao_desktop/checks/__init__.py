"""Checks (Qt-free): the rule engine and its catalogue.

``run_checks(form)`` returns a :class:`Report` of :class:`Finding` s, each with a
stable rule id, a severity (错误/警告/提示), a field location and a Chinese message.

The rules (and the prose reader they use) load on first use of ``run_checks`` or ``RULES``, so a
window can show a document before they are needed.
"""

from jixiao_desktop.checks.findings import Finding, Report, Severity


def __getattr__(name: str):
    if name == "run_checks":
        from jixiao_desktop.checks.engine import run_checks

        return run_checks
    if name == "RULES":
        from jixiao_desktop.checks import engine  # noqa: F401  (registers the catalogue)
        from jixiao_desktop.checks.registry import RULES

        return RULES
    raise AttributeError(name)


__all__ = ["RULES", "Finding", "Report", "Severity", "run_checks"]
