"""The prose reader on sentences of its own kinds (the corpus tests the rates; these pin behaviours)."""

from __future__ import annotations

import random
import unicodedata
from decimal import Decimal

import pytest

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import lex, level_of, read
from jixiao_desktop.prose.lexer import _MASTER, _matches, cn_number, fold
from jixiao_desktop.prose.mentions import mentions

Y = AmountUnit.YUAN

# (text, level, amount in 元 or None, expected (computed, stated) of the one finding, or None)
CASES = [
    ("共180人，每人每月150元，全年需32.4万元", "县", None, None),
    ("共180人，每人每月150元，全年需30万元", "县", None, (324000, 300000)),
    ("180*150*12=324000元", "县", None, None),
    ("180乘以150元乘以12个月，计324000元", "县", None, None),
    ("180人×150元/人/月×12个月＝32.4万元", "县", None, None),
    ("180人×150元/人/月×12个月＝30万元", "县", None, (324000, 300000)),
    ("培训300人次，人均费用200元，共计6万元", "县", None, None),
    ("培训300人次，人均费用200元，共计5万元", "县", None, (60000, 50000)),
    ("为65户低收入家庭发放冬季取暖补贴，每户800元，计5.6万元", "县", None, (52000, 56000)),
    ("总投入50万元，县、乡按6:4分担，乡级承担20万元", "乡", None, None),
    ("总投入50万元，县、乡按6:4分担，乡级承担25万元", "乡", None, (200000, 250000)),
    ("总投入50万元，按6:4比例由县、乡两级承担，县级30万元", "县", 300000, None),
    ("全年需资金300万元，市、区按3：7比例分级承担，区级承担60%", "县", None, (70, 60)),
    ("按6:4比例由市、区两级承担城市公园管护经费350万元，市级承担210万元。", "市", 2100000, None),
    ("省补助50%，其余由市、区按2:8承担。项目全年资金220万元，区级承担99万元。", "县", None, (880000, 990000)),
    ("全年需300万元，省补助75万元，其余225万元由市、区按1:1承担，区级120万元", "县", None, (1125000, 1200000)),
    ("校园安保服务购买费用共计73.6万元，市区两级各承担一半，区级需安排36.8万元。", "县", 368000, None),
    ("设备费：电脑5台×6000元=3万元，打印机2台×2000元=4000元，小计3.4万元；培训费2万元；合计6.4万元", "县", None,
     (54000, 64000)),
    ("劳务费10万元（含社保2万元、公积金1万元），材料费5万元，合计15万元", "县", None, None),
    ("上年实际支出48万元，本年预算50万元", "县", 500000, None),
    ("服务费100万元，管理费按服务费的3%计取4万元，合计104万元", "县", None, (30000, 40000)),
    ("审计费按项目资金的0.5%计提：项目资金2860万元，审计费1.43万元。", "县", None, (143000, 14300)),
    ("项目总经费100万元，其中设备购置60万元，培训20万元，其余30万元用于宣传", "县", None, (200000, 300000)),
    ("全年预算资金265000元，其中：人员劳务费158000元，活动经费62000元，其余45000元用于购置宣传物资。", "县", 265000, None),
    ("3年共需投入300万元，2024年度安排100万元", "县", 1000000, None),
    ("1.设备购置20万元；2.人员培训10万元；3.宣传费5万元。以上合计36万元", "县", None, (350000, 360000)),
    ("全年合计：138.6万+87.6万+7.2万=233.4万元", "县", None, None),
    ("组织网格员轮训，共5批，每批40人，培训3天，按每人每天180元标准，共需10.6万元。", "县", None, (108000, 106000)),
    ("2023年1-12月，按照〔2022〕13号文件，为80-89周岁老人发放高龄补贴，每人每月50元，共1000人，全年共计60万元。"
     "联系电话0731-12345678", "县", 600000, None),
    ("共有工作人员15人，其中在编12人；办公面积300平方米；2023年完成培训3期，覆盖率≥95%", "县", None, None),
]


@pytest.mark.parametrize("text, level, amount, expected", CASES)
def test_readings(text, level, amount, expected):
    reading = read(text, level, (), Y)
    found = [(s.computed, s.stated) for s in reading.failures()]
    if amount is not None and reading.bottom_line is not None and reading.bottom_line != Decimal(amount):
        found.append((reading.bottom_line, Decimal(amount)))
    if expected is None:
        assert not found, (found, reading.derivation)
    else:
        assert (Decimal(expected[0]), Decimal(expected[1])) in found, found


def test_each_step_carries_its_working():
    (step,) = read("为65户低收入家庭发放冬季取暖补贴，每户800元，计5.6万元", "县", (), Y).failures()
    assert step.kind == "product" and step.description == "65户×800元＝52000.00元"
    assert step.stated == Decimal(56000)


def test_uncertainty_words_make_the_reading_uncertain():
    (step,) = read("约65户，每户800元，计5.6万元", "县", (), Y).failures()
    assert step.uncertain


def test_a_total_stated_alone_is_checked_against_the_forms_indicators():
    context = (("数量指标", "补贴人数", "重度护理补贴2100人;困难生活补贴1000人"),
               ("成本指标", "补贴标准", "重度护理补贴100元/月/人;困难生活补贴100元/月/人"))
    (step,) = read("全年测算应发放380万元", "县", context, AmountUnit.WAN_YUAN).failures()
    assert step.kind == "context" and step.computed == Decimal(3720000) and step.stated == Decimal(3800000)
    assert not read("全年测算应发放372万元", "县", context, AmountUnit.WAN_YUAN).failures()


@pytest.mark.parametrize("name, level", [
    ("株洲市石峰区民政局", "县"), ("XX县财政局", "县"), ("上海市闵行区老龄事业发展中心", "县"), ("某某镇人民政府", "乡"),
    ("湖南省民政厅", "省"), ("长沙市本级", "市"), ("", "县"),
])
def test_the_forms_level_comes_from_its_units_name(name, level):
    assert level_of(name) == level


@pytest.mark.parametrize("text", [
    "2023年1-12月", "1月至12月", "〔2022〕13号", "80-89周岁", "60至69岁", "0731-12345678", "13812345678",
    "项目编码532101240000001", "（一）", "第3期", "1.3倍", "2024.03",
])
def test_what_is_not_a_number_of_the_calculation(text):
    kinds = {t.kind for t in lex(text).tokens}
    assert not kinds & {"money", "count", "percent", "ratio"}, (text, [(t.kind, t.text) for t in lex(text).tokens])


def test_tokens():
    tokens = {t.text: t for t in lex("65户，每户800元，2.5万亩，150元/人·月，三名，12个月，3年，市、区按3：7，45.36万元").tokens}
    assert tokens["65户"].value == 65 and tokens["2.5万亩"].value == 25000 and tokens["2.5万亩"].unit == "亩"
    assert tokens["150元/人·月"].per == ("人", "月") and tokens["45.36万元"].value == Decimal("453600")
    assert tokens["三名"].value == 3 and tokens["12个月"].kind == "months" and tokens["3年"].kind == "years"
    assert tokens["3:7"].parts == (3, 7)
    assert [cn_number(t) for t in ("一", "十二", "二十", "两", "二十五")] == [1, 12, 20, 2, 25]


def test_counts_carry_their_nouns():
    (found,) = mentions("对2022年运营的22个社区居家养老服务中心给予运营补助")
    assert (found.value, found.unit, found.noun) == (22, "个", "社区居家养老服务中心")


def test_fast_scanning_finds_what_plain_scanning_finds():
    rnd = random.Random(7)
    alphabet = list("0123456789.,，。；:：%万元个人月年/共计合计其余的按市区省各配套承担约多每（）()〔〕-—至第×*+=＝ \n一二两三十全五对户均")
    for _ in range(2000):
        text = fold("".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 60))))
        assert [m.span() for m in _MASTER.finditer(text)] == [m.span() for m in _matches(text)], text


def test_folding_keeps_positions_and_matches_nfkc_for_digits_and_punctuation():
    text = "４５３６００元，（１）３：７％　＝"
    assert len(fold(text)) == len(text)
    assert fold(text) == "".join(unicodedata.normalize("NFKC", c) if c != "\u3000" else " " for c in text)


def test_a_long_text_is_read_whole_up_to_the_limits_and_flagged_beyond():
    long = "为65户低收入家庭发放冬季取暖补贴，每户800元，计5.2万元；" * 1200   # 40,800 characters, 3,600 numbers
    reading = read(long, "县", (), Y)
    assert not reading.truncated and not reading.failures()
    assert read(long + "1元" * 2000, "县", (), Y).truncated


@pytest.mark.parametrize(("text", "amount", "level", "backs"), [
    ("总投资2,400万元，其中中央和省级补助1,800万元，市级补助240万元，县级配套360万元。", "3600000", "县", True),
    ("总投资48万元，其中申请市级专项补助12万元，县级配套36万元。", "360000", "县", True),
    ("计468万元，使用上年结转资金120万元，其余348万元列入本年度预算。", "3480000", "县", True),
    ("项目总投资480万元，其中本年度安排300万元，2025年安排180万元。", "3000000", "县", True),
    ("区财政承担70%即140万元。", "1400000", "县", True),
    # a total, another level's part or another year's part in the amount column is the mistake to find
    ("项目总投资480万元，其中本年度安排300万元，2025年安排180万元。", "4800000", "县", False),
    ("县、乡按7:3分担，全乡合计30万元，乡级承担9万元。", "300000", "乡", False),
    ("总投资2,400万元，其中市级补助240万元，县级配套360万元。", "2400000", "县", False),
    ("其中市级补助240万元，县级配套360万元。", "2400000", "县", False),
    ("中央补助150万元，县级配套30万元。", "1500000", "县", False),
])
def test_the_text_backs_the_forms_amount_only_when_it_names_it_as_the_forms_part(text, amount, level, backs):
    from decimal import Decimal

    from jixiao_desktop.prose.backing import text_backs_amount

    assert text_backs_amount(text, Decimal(amount), level) is backs


def test_a_level_inside_a_word_does_not_back_the_amount():
    from decimal import Decimal

    from jixiao_desktop.prose.backing import text_backs_amount

    text = "社区建设补贴20万元；社区运营补助90万元；城区道路养护30万元。"
    assert not any(text_backs_amount(text, Decimal(v), "县") for v in ("200000", "900000", "300000"))


@pytest.mark.parametrize(("text", "holds"), [
    ("租赁异地备份存储空间40TB，每TB每年租金1,200元，计4.8万元。", True),
    ("租赁异地备份存储空间40TB，每TB每年租金1,200元，计4.6万元。", False),
    ("绿化1200㎡，每平方米80元，计9.6万元。", True),
    ("绿化1200m²，每平方米80元，计9.5万元。", False),
    ("改造道路3.2公里，每km造价150万元，计480万元。", True),
    ("铺设管网2.5km，每公里40万元，计90万元。", False),
    ("清淤800m3，每立方米35元，计2.8万元。", True),
])
def test_units_written_in_latin_letters_or_as_one_sign(text, holds):
    from jixiao_desktop.prose import read

    reading = read(text, "县")
    assert reading.steps, text
    assert (not reading.failures()) is holds, [(s.description, s.computed, s.stated) for s in reading.steps]


@pytest.mark.parametrize(("total", "holds"), [("96.6", True), ("99.6", False)])
def test_a_total_stated_first_then_its_use_and_parts(total, holds):
    from decimal import Decimal

    from jixiao_desktop.prose import read

    text = (f"共计需要资金{total}万元，用于城区生活垃圾清运：垃圾清运车辆7辆，每辆每年运行费用9.8万元，计68.6万元；"
            "驾驶员7名，每人每年工资4万元，计28万元。")
    reading = read(text, "县")
    sums = [s for s in reading.steps if s.kind == "sum"]
    assert sums and sums[-1].computed == Decimal("966000")
    assert (not reading.failures()) is holds
    assert reading.bottom_line == Decimal(total) * 10000   # the amount the form should show is the total


@pytest.mark.parametrize(("text", "holds"), [
    ("见习300人次，见习期平均6个月，每人每月按最低工资标准1,900元的60%给予补贴，需资金205.2万元。", True),
    ("见习300人，每人每月按1,900元的60%补贴，6个月，需资金215.2万元。", False),
    ("保洁员20名，每人每月按2,000元的50%给予岗位补贴，全年需24万元。", True),
])
def test_a_standard_paid_at_a_percentage_of_it(text, holds):
    from jixiao_desktop.prose import read

    reading = read(text, "县")
    assert any(s.kind == "product" for s in reading.steps), text
    assert (not reading.failures()) is holds, [(s.description, s.computed, s.stated) for s in reading.steps]


@pytest.mark.parametrize(("text", "holds"), [
    ("破损档案修复约3,600页，每页修复费用12元；档案装具更新密集架45列，每列4,800元。共需资金259,200元。", True),
    ("更新密集架45列，每列4,800元，计20万元。", False),
])
def test_columns_of_shelving_are_counted(text, holds):
    from jixiao_desktop.prose import read

    reading = read(text, "县")
    assert reading.steps and (not reading.failures()) is holds, [(s.description, s.computed, s.stated) for s in reading.steps]


@pytest.mark.parametrize(("text", "holds"), [
    ("每月开展培训1次，每次费用2000元，全年2.4万元。", True),
    ("每季度开展集中训练1次，每次费用1.2万元，全年4.8万元左右。", True),
    ("每季度开展集中训练1次，每次费用1.2万元，全年4.6万元。", False),
    ("每月开展培训1次，每次费用2000元，共6个月，计1.2万元。", True),
    ("每年开展2次，每次3万元，计6万元。", True),
    ("每月开展培训2次，每次费用1000元，全年2.4万元。", True),
    ("每月开展培训2次，每次费用1000元，全年2万元。", False),
])
def test_a_count_said_per_month_or_quarter_runs_the_year(text, holds):
    from jixiao_desktop.prose import read

    reading = read(text, "县")
    assert reading.steps and (not reading.failures()) is holds, [(s.description, s.computed, s.stated) for s in reading.steps]
