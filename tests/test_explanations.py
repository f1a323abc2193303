"""出错说明: a warning can be explained in the document; an error cannot."""

from jixiao_desktop.checks import Severity, run_checks
from jixiao_desktop.forms import Explanation
from jixiao_desktop.storage import dumps, loads
from tests.conftest import load_example


def test_explained_warning_no_longer_counts_and_survives_saving():
    form = load_example("department-2023-shifeng-civil-affairs")
    before = run_checks(form)
    warning = next(f for f in before.findings if f.rule == "prose.vs_amount")
    form.explanations.append(Explanation(rule=warning.rule, location=warning.location,
                                         text="按区财政局批复的160万元安排，测算为全年应发总额"))
    form = loads(dumps(form))
    after = run_checks(form)
    same = next(f for f in after.findings if f.rule == warning.rule and f.location == warning.location)
    assert same.explained and same.explanation.startswith("按区财政局批复")
    assert not same.counts_against
    assert after.counts()[Severity.WARNING] == before.counts()[Severity.WARNING] - 1
    assert "已说明" in after.summary()


def test_errors_cannot_be_explained_away():
    form = load_example("project-2020-chenggong-service-contest")
    error = next(f for f in run_checks(form).findings if f.severity is Severity.ERROR)
    form.explanations.append(Explanation(rule=error.rule, location=error.location, text="这是我们的习惯写法，不改"))
    after = run_checks(form)
    same = next(f for f in after.findings if f.rule == error.rule and f.location == error.location)
    assert not same.explained and same.counts_against and after.has_errors


def test_blank_explanation_does_not_count():
    form = load_example("department-2023-shifeng-civil-affairs")
    warning = next(f for f in run_checks(form).findings if f.severity is Severity.WARNING)
    form.explanations.append(Explanation(rule=warning.rule, location=warning.location, text="   "))
    same = next(f for f in run_checks(form).findings if f.rule == warning.rule and f.location == warning.location)
    assert not same.explained
