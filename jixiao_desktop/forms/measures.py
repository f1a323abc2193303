"""What a quantity measures (people, households, area…), from the words of its name and from its unit.

One table, :data:`MEASURES`: each measure has its units and the name words that mean it. A 三级 name is read
right to left the way Chinese names put their head last: when the name ends in a word that names a
measure itself (人数, 户数, 面积, 重量, 天数…) that is what it counts; otherwise any thing it names (村组干部,
秸秆, 行政村) may be what it counts, so ``培训村组干部`` may be counted in 人 or in 次. A number written in
the name (村组干部230人) says the measure outright. :func:`unit_fits` answers whether a unit can count what
a name names — None when the name or the unit says nothing known (an unknown word is never a finding).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    label: str                 # how a message names it (人数, 面积…)
    units: tuple[str, ...]     # units that count it
    heads: tuple[str, ...]     # name endings that name the measure itself (人数, 面积)
    things: tuple[str, ...]    # nouns whose count it is (干部, 秸秆)
    also: tuple[str, ...] = ()  # other measures whose units also count it (培训人次 in 人)


_THING_UNITS = ("个", "件", "台", "套", "辆", "只", "头", "株", "棵", "本", "册", "块", "座", "盏", "处", "项", "条",
                "部", "把", "口", "眼", "艘", "架", "份", "篇", "宗", "类", "种", "所", "间", "栋", "幢", "组", "对",
                "支", "根", "片", "剂", "针", "枚", "顶", "箱", "袋", "瓶", "盒", "处次", "个次", "面", "幅")

MEASURES: tuple[Measure, ...] = (
    Measure("people", "人数", ("人", "名", "位", "人员", "人口"), ("人数", "人口数", "人员数", "名额"),
            ("人员", "人口", "对象", "学生", "幼儿", "儿童", "老人", "老年人", "干部", "教师", "医生", "护士", "职工",
             "工人", "农民", "群众", "居民", "村民", "党员", "残疾人", "患者", "病人", "孕产妇", "新生儿", "学员",
             "毕业生", "劳动力", "志愿者", "运动员", "退役军人", "人才", "特困人员", "供养人员", "低保对象", "妇女",
             "青少年", "高龄老人", "失能老人", "务工人员", "技术人员", "贫困人口", "脱贫人口", "监测对象", "从业人员"),
            ("person_times",)),
    Measure("person_times", "人次", ("人次",), ("人次", "人次数"), (), ("people", "times")),
    Measure("households", "户数", ("户",), ("户数",),
            ("农户", "住户", "贫困户", "家庭", "低保户", "五保户", "脱贫户", "搬迁户", "困难户", "危房户", "种植户",
             "养殖户", "经营户")),
    Measure("institutions", "机构数", ("家", "个", "所", "座", "处", "间", "户"), ("家数", "机构数", "单位数", "企业数"),
            ("机构", "企业", "学校", "医院", "卫生院", "卫生室", "幼儿园", "合作社", "社区", "行政村", "村", "乡镇",
             "街道", "单位", "站点", "服务站", "中心", "养老院", "敬老院", "门店", "商户", "市场主体", "场所", "村居",
             "自然村", "网点", "基地"), ("things",)),
    Measure("times", "次数", ("次", "场", "场次", "期", "批", "批次", "轮", "回", "趟", "班", "项次", "课时", "学时"),
            ("次数", "场次", "频次", "期数", "批次"),
            ("培训", "会议", "活动", "演出", "宣传", "检查", "督查", "巡查", "讲座", "比赛", "展览", "演练", "督导",
             "慰问", "义诊", "宣讲", "走访", "随访", "体检", "抽检", "监测", "考核", "评估", "调研"), ("person_times",)),
    Measure("duration", "时长", ("天", "日", "个月", "月", "年", "小时", "工作日", "周", "分钟", "学时", "课时", "个工作日"),
            ("天数", "时长", "工期", "周期", "时限", "工作日", "学时", "课时", "月数", "年限"), ()),
    Measure("area", "面积", ("平方米", "㎡", "m2", "m²", "平米", "亩", "公顷", "平方公里", "km2", "km²", "平方千米"),
            ("面积", "亩数"), ("耕地", "农田", "林地", "草地", "造林", "绿化", "还田", "土地", "高标准农田"), ()),
    Measure("length", "长度", ("米", "公里", "km", "千米", "m", "延米", "里"), ("长度", "里程", "公里数"),
            ("道路", "公路", "管网", "管道", "渠道", "河道", "堤防", "线路", "护栏", "沟渠"), ("things",)),
    Measure("weight", "重量", ("吨", "斤", "公斤", "千克", "kg", "t", "克", "g"), ("重量", "产量", "吨数", "处理量", "收集量"),
            ("秸秆", "粮食", "化肥", "农药", "饲料", "垃圾", "粪污", "种子", "物资", "大米", "食用油"), ("area", "volume")),
    Measure("volume", "体积", ("立方米", "m3", "m³", "方", "立方", "升", "L"), ("体积", "库容", "土方量", "方量", "水量"),
            ("土方", "污水", "清淤"), ()),
    Measure("beds", "床位数", ("张", "床", "个"), ("床位数", "床位"), ("床位",), ()),
    Measure("things", "个数", _THING_UNITS, ("个数", "件数", "台数", "套数", "辆数"),
            ("设备", "车辆", "路灯", "项目", "课程", "教材", "图书", "书籍", "宣传册", "资料", "房屋", "公厕", "厕所",
             "桥梁", "水井", "水池", "监控", "摄像头", "点位", "标识", "标牌", "牲畜", "树木", "苗木", "疫苗", "器材",
             "装备", "电脑", "终端", "信号灯", "垃圾桶", "垃圾箱", "平台", "系统"), ("institutions",)),
)
_BY_ID = {m.id: m for m in MEASURES}

def _alternation(words) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


_HEAD_RE = _alternation(h for m in MEASURES for h in m.heads)
_WORD_RE = _alternation([h for m in MEASURES for h in m.heads] + [t for m in MEASURES for t in m.things])
_UNIT_OF: dict[str, set[str]] = {}
for _m in MEASURES:
    for _u in _m.units:
        _UNIT_OF.setdefault(_u, set()).add(_m.id)
_NUMBER_IN_NAME_RE = re.compile(r"\d+(?:\.\d+)?\s*(" + "|".join(re.escape(u) for u in sorted(_UNIT_OF, key=len, reverse=True)) + r")(?![\u4e00-\u9fff])")
_ACTION_TAIL_RE = re.compile(
    r"(?:综合|资源化|无害化)?(?:利用|回收|处理|清运|收集|转运|发放|补助|补贴|救助|慰问|培训|改造|建设|新建|维修|维护|"
    r"购置|采购|配备|安装|覆盖|服务|帮扶|资助|就业|安置|参保|参训|受益|签约|管护|养护|治理|整治|还田|离田|清理|"
    r"提升|新增|完成|开展|举办|组织|实施|落实|达标|改建|扩建|硬化|绿化|修复|种植|造林|供应|保障|救治|接种|体检)*"
    r"(?:数|量|总量|规模|任务|任务量|工作量)?")
_WORD_MEASURES: dict[str, set[str]] = {}
for _m in MEASURES:
    for _w in (*_m.heads, *_m.things):
        _WORD_MEASURES.setdefault(_w, set()).add(_m.id)


def unit_measures(unit: str) -> set[str]:
    """The measures a unit counts (个 → institutions, beds, things); empty for an unknown unit.
    万人, 千户 count the same as 人, 户; 次/年 counts 次."""
    unit = unit.strip().split("/")[0].strip("()（） ")
    if unit not in _UNIT_OF:
        unit = unit.lstrip("十百千万亿") or unit
    return set(_UNIT_OF.get(unit, ()))


@lru_cache(maxsize=4096)
def name_measures(name: str) -> tuple[frozenset[str], str]:
    """(measures the name may count, the word that says so); (∅, "") when nothing known is named."""
    name = re.sub(r"\s+", "", name)
    number = None
    for number in _NUMBER_IN_NAME_RE.finditer(name):
        pass
    if number is not None:
        return frozenset(unit_measures(number[1])), number[0]
    words = list(_WORD_RE.finditer(name))
    if not words:
        return frozenset(), ""
    last = words[-1]
    if last.end() == len(name) and _HEAD_RE.fullmatch(last[0]):   # 补贴人数, 还田面积: the name says the measure
        return frozenset(_WORD_MEASURES[last[0]]), last[0]
    # a thing named counts only where nothing but an action follows it (秸秆综合利用, 救助困难家庭);
    # 监测站, 监测断面 name something else than 监测
    found: set[str] = set()
    said = ""
    for word in words:
        if _ACTION_TAIL_RE.fullmatch(name[word.end():]):
            found |= _WORD_MEASURES[word[0]]
            said = word[0]
    if found & {"people", "households"}:      # 惠及居民6000户, 救助困难家庭120人: a thing, not a head
        found |= {"people", "households"}
    if found and any("times" in _WORD_MEASURES[w[0]] for w in words):   # 培训村组干部3次
        found.add("times")
    return frozenset(found), said


def unit_fits(name: str, unit: str) -> bool | None:
    """Whether ``unit`` can count what ``name`` names; None when either is unknown."""
    measures, _word = name_measures(name)
    units = unit_measures(unit)
    if not measures or not units:
        return None
    allowed = set(measures)
    for measure in measures:
        allowed |= set(_BY_ID[measure].also)
    return bool(units & allowed)


def label_of(name: str) -> str:
    """How a message names what a name counts: ``人数``, ``面积或重量``."""
    measures, _word = name_measures(name)
    return "或".join(m.label for m in MEASURES if m.id in measures)


def units_for(name: str) -> str:
    """Some units that would fit (for the message): ``人/名/人次``."""
    measures, _word = name_measures(name)
    units: list[str] = []
    for m in MEASURES:
        if m.id in measures:
            units += [u for u in m.units[:4] if u not in units]
    return "/".join(units[:6])
