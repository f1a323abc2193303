"""Units by what a name measures (jixiao_desktop.forms.measures) and the rule value.unit_vs_name."""

from __future__ import annotations

import pytest

from jixiao_desktop.checks import run_checks
from jixiao_desktop.forms.measures import MEASURES, name_measures, unit_fits, unit_measures
from tests.test_check_rules import project

FITS = [
    ("补贴人数", "人"), ("补贴人数", "人次"), ("补贴人数", "万人"), ("培训人次", "人次"), ("培训人次", "人"),
    ("培训人次", "次"), ("村组干部230人", "人"), ("秸秆综合利用", "吨"), ("秸秆综合利用", "万吨"), ("秸秆还田", "亩"),
    ("秸秆还田面积", "亩"), ("秸秆还田面积", "平方米"), ("覆盖行政村", "个"), ("社区", "个"), ("服务社区", "个"),
    ("项目", "个"), ("项目", "项"), ("补助户数", "户"), ("补助户数", "千户"), ("救助困难家庭", "户"),
    ("救助困难家庭", "人"), ("惠及居民", "户"), ("培训村组干部", "人"), ("培训村组干部", "次"), ("新建道路", "公里"),
    ("新建道路", "条"), ("道路长度", "km"), ("床位数", "张"), ("床位数", "个"), ("养老机构家数", "家"),
    ("养老机构家数", "个"), ("养老机构家数", "户"), ("改造公厕个数", "座"), ("个数", "个"), ("开展活动次数", "场"),
    ("开展活动次数", "人次"), ("工期", "天"), ("工期", "个月"), ("垃圾清运量", "吨"), ("慰问困难党员", "人"),
    ("发放宣传册", "册"), ("购置设备", "台"), ("培训时长", "学时"), ("土方量", "立方米"), ("造林面积", "亩"),
    ("造林面积", "公顷"), ("检查次数", "次/年"), ("补贴人数", "(人)"),
]
WRONG = [
    ("补贴人数", "个"), ("补贴人数", "户"), ("村组干部230人", "个"), ("秸秆综合利用", "个"), ("秸秆", "个"),
    ("秸秆还田面积", "吨"), ("补助户数", "人"), ("补助户数", "个"), ("培训村组干部", "吨"), ("新建道路", "人"),
    ("床位数", "人"), ("养老机构家数", "人"), ("个数", "人"), ("改造公厕个数", "人次"), ("开展活动次数", "个"),
    ("工期", "人"), ("道路长度", "亩"), ("造林面积", "吨"), ("垃圾清运量", "个"), ("培训时长", "人"),
    ("救助困难家庭", "吨"), ("土方量", "人"),
]
UNKNOWN = [
    ("补贴发放数量", "人"), ("困难群众因病返贫致贫", "户"), ("新建空气质量自动监测站", "个"), ("水质监测断面", "个"),
    ("xyz", "个"), ("补贴人数", "单元"), ("", "个"), ("补贴人数", ""),
]


@pytest.mark.parametrize(("name", "unit"), FITS)
def test_units_that_fit_the_name(name, unit):
    assert unit_fits(name, unit) is True


@pytest.mark.parametrize(("name", "unit"), WRONG)
def test_units_that_count_something_else(name, unit):
    assert unit_fits(name, unit) is False


@pytest.mark.parametrize(("name", "unit"), UNKNOWN)
def test_nothing_known_is_no_finding(name, unit):
    assert unit_fits(name, unit) is None


def test_the_table_is_consistent():
    ids = {m.id for m in MEASURES}
    assert all(set(m.also) <= ids for m in MEASURES)
    assert unit_measures("万人") == unit_measures("人") == {"people"}
    assert "institutions" in unit_measures("个") and "people" not in unit_measures("个")
    assert name_measures("村组干部230人")[0] == {"people"}


def _unit_findings(name, value):
    form = project()
    form.indicators[0].annual.name = form.indicators[0].mid.name = name
    form.indicators[0].annual.value = form.indicators[0].mid.value = value
    return [f for f in run_checks(form).findings if f.rule == "value.unit_vs_name"]


@pytest.mark.parametrize(("name", "value", "flagged"), [
    ("秸秆综合利用量", "≥500个", True), ("秸秆综合利用量", "≥500吨", False), ("村组干部230人", "230个", True),
    ("村组干部230人", "230人", False), ("补助户数", "≥120人", True), ("补助户数", "≥120户", False),
    ("覆盖社区", "10个", False), ("补贴人数", "≥1.2万人", False), ("培训人次", "≥300人", False),
    ("社区养老服务中心", "10个", False),
])
def test_the_rule_on_a_form(name, value, flagged):
    hits = _unit_findings(name, value)
    assert bool(hits) is flagged
    if flagged:
        assert name in hits[0].message and value in hits[0].message
