"""One period parser (jixiao_desktop.forms.periods) for every printed style, and the rules that use it."""

from __future__ import annotations

import pytest

from jixiao_desktop.checks import run_checks
from jixiao_desktop.forms.periods import Period, first_range, parse_period, years_in
from tests.test_check_rules import project

# (text, start, end): every printed style of a range read to the same months
RANGES = [
    ("2023.07-2024.01", (2023, 7), (2024, 1)),
    ("2023.7-2024.1", (2023, 7), (2024, 1)),
    ("202001-202012", (2020, 1), (2020, 12)),
    ("20240101-20261231", (2024, 1), (2026, 12)),
    ("2023-01-01 至 2023-12-31", (2023, 1), (2023, 12)),
    ("2023/01/01-2023/12/31", (2023, 1), (2023, 12)),
    ("2023/1/1～2023/6/30", (2023, 1), (2023, 6)),
    ("2023年7月至2024年1月", (2023, 7), (2024, 1)),
    ("2023年7月-2024年1月", (2023, 7), (2024, 1)),
    ("2023年7月到2024年1月", (2023, 7), (2024, 1)),
    ("2024年1-12月", (2024, 1), (2024, 12)),
    ("2024年1至12月", (2024, 1), (2024, 12)),
    ("2024年1月—12月", (2024, 1), (2024, 12)),
    ("2024年1月1日至2024年12月31日", (2024, 1), (2024, 12)),
    ("2024年度", (2024, 1), (2024, 12)),
    ("2024年", (2024, 1), (2024, 12)),
    ("2024", (2024, 1), (2024, 12)),
    ("2024年全年", (2024, 1), (2024, 12)),
    ("2024年上半年", (2024, 1), (2024, 6)),
    ("2024年下半年", (2024, 7), (2024, 12)),
    ("2024年第三季度", (2024, 7), (2024, 9)),
    ("2024-2026年", (2024, 1), (2026, 12)),
    ("2024-2026", (2024, 1), (2026, 12)),
    ("2024年至2026年", (2024, 1), (2026, 12)),
    ("2024年度至2026年度", (2024, 1), (2026, 12)),
    ("自2025年3月起至2027年12月止", (2025, 3), (2027, 12)),
    ("二〇二五年一月至二〇二六年十二月", (2025, 1), (2026, 12)),
    ("２０２５．０１－２０２５．１２", (2025, 1), (2025, 12)),
    ("2025年1月 - 2027年12月。", (2025, 1), (2027, 12)),
]


@pytest.mark.parametrize(("text", "start", "end"), RANGES)
def test_every_printed_style_of_a_range(text, start, end):
    period = parse_period(text)
    assert period is not None and (period.start, period.end) == (start, end)
    assert period.ok and not period.reversed and not period.long_term


@pytest.mark.parametrize(("text", "length"), [
    ("3年", (36, 36)), ("三年", (36, 36)), ("两年", (24, 24)), ("1-3年", (12, 36)), ("1至3年", (12, 36)),
    ("36个月", (36, 36)), ("十二个月", (12, 12)),
])
def test_a_length_in_years_or_months(text, length):
    period = parse_period(text)
    assert period == Period(length=length)
    assert period.months == length[1] and period.years is None


@pytest.mark.parametrize("text", ["长期", "常年", "2025年-长期", "2025年起", "2024年3月起长期实施"])
def test_long_term(text):
    period = parse_period(text)
    assert period is not None and period.long_term and period.end is None and period.ok


@pytest.mark.parametrize(("text", "reversed_", "bad_month"), [
    ("2026年12月-2024年1月", True, False), ("2023.07-2023.01", True, False), ("202012-202001", True, False),
    ("2026-2024", True, False), ("2026年至2024年", True, False), ("2023/12/31-2023/01/01", True, False),
    ("2024年12月—1月", True, False), ("2025.13-2026.02", False, True), ("2025年13月-2026年12月", False, True),
    ("2025年0月-2025年6月", False, True),
])
def test_wrong_ranges_are_read_and_flagged(text, reversed_, bad_month):
    period = parse_period(text)
    assert period is not None and not period.ok
    assert (period.reversed, period.bad_month) == (reversed_, bad_month)
    assert period.span() is None and period.years is None


@pytest.mark.parametrize("text", [
    "80-89周岁", "80至89周岁", "〔2022〕13号", "财预〔2023〕12号", "[2022]7号", "13812345678", "0871-65123456",
    "项目编码202001", "预算2025.5万元", "2024.5万元", "2020-3000人", "经常性", "一次性", "延续项目", "",
    "按进度完成", "1-12", "3-5个", "2025年3月底前", "100%", "12个月内",
])
def test_texts_that_are_not_periods(text):
    assert parse_period(text) is None


@pytest.mark.parametrize(("text", "years"), [
    ("2023.07-2024.01", [2023, 2024]), ("202001-202012完成", [2020, 2020]), ("2026.06.30前", [2026]),
    ("依据〔2022〕13号文件", []), ("预算2025.5万元", []), ("电话13812345678", []), ("覆盖2030户", []),
    ("2024年12月底前", [2024]), ("二〇二五年底前", [2025]),
])
def test_years_written_as_dates(text, years):
    assert years_in(text) == years


def test_a_range_inside_a_longer_text():
    assert first_range("于2024年3月至2024年11月完成").span() == (2024, 2024, 9)
    assert first_range("2024.03-2024.11期间完成建设").span() == (2024, 2024, 9)
    assert first_range("补助80-89周岁老人") is None


def _rules(form) -> dict[str, list]:
    found: dict[str, list] = {}
    for finding in run_checks(form).findings:
        found.setdefault(finding.rule, []).append(finding)
    return found


@pytest.mark.parametrize("period", [text for text, *_ in RANGES if "2025" in text or "2026" in text or "2027" in text]
                         + ["3年", "三年", "1-3年", "长期", "常年", "2025年起"])
def test_a_readable_project_period_is_not_unreadable(period):
    form = project(period=period)
    assert "period.unreadable" not in _rules(form)


@pytest.mark.parametrize("period", ["2027.12-2025.01", "202712-202501", "2027-2025", "2025.13-2026.02",
                                    "2027/12/31-2025/01/01"])
def test_a_project_period_ending_before_it_starts_or_in_month_13(period):
    hits = _rules(project(period=period)).get("period.unreadable", [])
    assert hits and "起止时间有误" in hits[0].message


@pytest.mark.parametrize("period", ["经常性", "一次性", "延续", "见附件"])
def test_not_a_period_at_all(period):
    hits = _rules(project(period=period)).get("period.unreadable", [])
    assert hits and "应写起止年月或年限" in hits[0].message


def _annual_time(form, value):
    form.indicators[2].annual.value = value
    return form


@pytest.mark.parametrize(("value", "flagged"), [
    ("2023.07-2024.01", True), ("202307-202401", True), ("2023-07-01至2024-01-31", True),
    ("2023/07/01-2024/01/31", True), ("2023年7月至2024年1月", True), ("2024年1月底前", True),
    ("2023.07-2023.12", False), ("202301-202312", False), ("2023年1-12月", False), ("2023年12月底前", False),
    ("2023年全年", False), ("2023年上半年", False), ("按〔2024〕3号文件要求及时发放", False),
])
def test_an_annual_target_running_into_next_year(value, flagged):
    form = _annual_time(project(year="2023", period="2023年1月-2025年12月"), value)
    form.indicators[2].mid.value = "2023年至2025年"
    hits = _rules(form).get("period.timeliness_outside", [])
    assert bool(hits) is flagged
    if flagged:
        assert "2024" in hits[0].message and "2023" in hits[0].message


@pytest.mark.parametrize(("period", "mid_value", "flagged"), [
    ("2025.01-2027.12", "2027年12月底前", False), ("2025.01-2027.12", "2028.06前", True),
    ("202501-202712", "2026年至2027年", False), ("3年", "2027年底前", False), ("3年", "2028年底前", True),
    ("1-3年", "2027年底前", False),
])
def test_mid_targets_inside_the_project_period(period, mid_value, flagged):
    form = project(period=period)
    form.indicators[2].mid.value = mid_value
    assert bool(_rules(form).get("period.timeliness_outside")) is flagged


@pytest.mark.parametrize(("goal", "flagged"), [
    ("2025.07-2026.06完成改造", True), ("202507-202606完成改造", True), ("2026年上半年完成", True),
    ("2025年底前完成改造", False), ("依据〔2026〕1号文件", False), ("投入2026.5万元完成改造", False),
])
def test_an_annual_goal_past_the_year(goal, flagged):
    form = project()
    form.goals.annual = goal
    assert bool(_rules(form).get("period.annual_goal_past_year")) is flagged


@pytest.mark.parametrize(("period", "flagged"), [
    ("2025.01-2025.12", True), ("2025年度", True), ("202501-202512", True), ("2025.01-2027.12", False),
])
def test_mid_vs_annual_reads_every_style(period, flagged):
    form = project(period=period)   # 中期 300000 = 3 × 年度 100000
    assert bool(_rules(form).get("period.mid_vs_annual")) is flagged


def test_reading_is_fast_on_long_text():
    import time

    text = "2024.01-2024.12，" * 3000 + "8" * 20000
    started = time.perf_counter()
    years_in(text)
    first_range(text)
    parse_period(text)
    assert time.perf_counter() - started < 1.0
