"""Passing and failing cases of the 自评表 rules for tests/test_check_rules.py (``CASES[rule]``)."""

from __future__ import annotations

from jixiao_desktop.storage import load
from jixiao_desktop.templates import shipped_templates_dir

_EXAMPLE = shipped_templates_dir() / "examples" / "mof-selfeval-project-correct.jixiao"


def selfeval(bare: bool = False):
    """The correct 自评表 example; ``bare``: its template without the relations after the budget's sums."""
    form = load(_EXAMPLE)
    if bare:
        text = form.template_text
        form.template_text = text[:text.index('[[relation]]\nid = "budget.score_within_points"')]
    return form


def _edit(change, bare: bool = False):
    def make():
        form = selfeval(bare)
        change(form)
        return form
    return make


def _row(index: int, **cells):
    return lambda form: form.content.tables["indicators"][index].update(cells)


SELFEVAL_CASES = {
    "selfeval.score_above_points": (lambda: selfeval(True), _edit(_row(0, score="11"), True)),
    "selfeval.points": (selfeval, _edit(_row(6, weight="5"))),
    "selfeval.total": (lambda: selfeval(True), _edit(lambda f: f.content.fields.update(total_score="98"), True)),
    "selfeval.grade": (selfeval, _edit(lambda f: f.content.fields.update(grade="良"))),
    "selfeval.score_vs_ratio": (selfeval, _edit(_row(1, score="9.5"))),
    "selfeval.no_deviation_reason": (selfeval, _edit(_row(1, deviation=""))),
    "selfeval.written_arithmetic": (_edit(_row(1, deviation="完成9处，9/10×10=9分")),
                                    _edit(_row(1, deviation="完成9处，9/10×10=8分"))),
}
