"""Checks (Qt-free): the rule engine and its catalogue.

``run_checks(form)`` returns a :class:`Report` of :class:`Finding` s, each with a
stable rule id, a severity (错误/警告/提示), a field location and a Chinese message.
"""

from jixiao_desktop.checks.engine import run_checks
from jixiao_desktop.checks.findings import Finding, Report, Severity
from jixiao_desktop.checks.registry import RULES

__all__ = ["RULES", "Finding", "Report", "Severity", "run_checks"]
