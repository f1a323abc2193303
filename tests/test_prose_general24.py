"""Faults the corpora blind29 and blind30 showed (session 8 round 24), written again in wordings of our own, each once
right (nothing may be flagged) and once with one mistake (found):

- a span of prices (门票3-8元) is no amount of the text;
- 加上 between two amounts is their sum, never their product;
- a lower-case or capital x before 每月 (4名x每月2,000元x6个月) multiplies like ×;
- a standard only followed (按…标准1,920元/月执行) or paid elsewhere (由乡镇保障，本项目不再安排) is no claim on the
  form's amount, and a figure the text puts outside the project (总额…，不在本项目列支) is no total of its items;
- last year's figure after an item's own amount (…120,000元，参照上年实际支出11万元核定) is its reference, not an item;
- a bracketed aside between a standard and its result (每所15万元（含门窗），600,000元) keeps the result its product's;
- 共 after a clause's own count and standard, each clause before closed by its result, is that clause's product;
- a level's 合计 after its share was stated (乡级承担…。另需…由乡级负担。乡级合计…) sums its parts, no second share;
- a share of a whole written rounded (共约1.47亿元…按5:3:2) holds within that rounding times the share;
- counts listed after 各 (各30、20、10批次，平均每批次1,500元) add up before the standard multiplies them;
- a figure the text splits after it (计96万元，其中…按60%下拨，约57.6万元) is a whole the form's amount may carry;
- 标准 in a thing's name (标准物质, 标准器, 标准化) names no standard: the amount after it is an item;
- an amount before 。具体安排： is the whole its items share, not one item of the 以上合计 after them;
- a 小计 in a numbered heading (一、宣传活动（小计12万元）) is the whole of the items on the lines below it;
- a term's short label after its operator (…＋更换4块×0.6万元＝…) keeps the written arithmetic one expression."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose.backing import amount_disagrees
from jixiao_desktop.prose.reader import read


def _fails(text: str, unit: AmountUnit = AmountUnit.WAN_YUAN, level: str = "县"):
    read.cache_clear()
    return [(s.computed, s.stated) for s in read(text, level, (), unit).failures()]


def _against(text: str, amount: str, unit: AmountUnit = AmountUnit.WAN_YUAN, level: str = "县") -> bool:
    read.cache_clear()
    reading = read(text, level, (), unit)
    return reading.bottom_line is not None and amount_disagrees(reading, text, Decimal(amount) * (
        10000 if unit == AmountUnit.WAN_YUAN else 1), level, unit)


def test_a_span_of_prices_is_no_amount():
    text = "景区观光车线路3条，车辆16辆，每日运营8:00-17:30，单程票价3-8元。"
    assert not _against(text, "16")


def test_jiashang_between_amounts_is_a_sum():
    assert _fails("春节送温暖慰问金14.2万元，加上重病困难职工救助6.35万元，共计20.55万元。") == []
    assert (Decimal("205500.00"), Decimal("215500.00")) in _fails(
        "春节送温暖慰问金14.2万元，加上重病困难职工救助6.35万元，共计21.55万元。")


def test_an_x_before_meiyue_multiplies():
    assert _fails("村级护林员4名x每月2,000元x6个月=4.8万元") == []
    assert (Decimal("48000.00"), Decimal("42000.00")) in _fails("村级护林员4名x每月2,000元x6个月=4.2万元")


def test_a_standard_followed_or_paid_elsewhere_is_no_claim():
    assert not _against("村级保洁员工资参照全县最低工资标准1,920元/月执行，人数以镇核定为准。", "50")
    assert _against("全镇保洁员20名，按每人每月1,920元标准发放工资。", "40")
    assert not _against("村级便民服务站工作人员46名，按每人每年0.8万元标准由乡镇统筹保障，本项目不再安排。", "20")
    assert _against("村级便民服务站工作人员46名，按每人每年0.8万元标准安排。", "20")


def _outside(item: str) -> str:
    return (f"文化惠民资金共计48万元。其中：（1）送戏下乡120场，每场3,000元，计{item}万元；（2）公益电影放映600场，"
            "每场200元，计12万元。另：省级下达公共文化相关资金总额0.9亿元，不在本项目列支。")


def test_a_figure_outside_the_project_is_no_total_of_its_items():
    assert _fails(_outside("36")) == []
    assert (Decimal("360000.00"), Decimal("380000")) in _fails(_outside("38"))


def _referred(total: str) -> str:
    return ("机关运转经费测算：1.办公费45人×2,000元=90,000元；2.印刷费30,000元；3.公务用车运行维护费120,000元，参照上年"
            f"实际支出11万元核定。以上合计{total}元。")


def test_last_years_figure_after_an_items_amount_is_its_reference():
    assert _fails(_referred("240,000"), AmountUnit.YUAN) == []
    assert (Decimal("240000"), Decimal("250000")) in [(c.normalize(), s) for c, s in _fails(_referred("250,000"), AmountUnit.YUAN)]


def _aside(result: str, total: str) -> str:
    return ("村级活动场所改造：一、消防器材更新20套，每套1,500元，30,000元；二、屋面改造4处，每处15万元（含防水、保温），"
            f"{result}元；三、桌椅购置50,000元。合计{total}元。")


def test_an_aside_between_a_standard_and_its_result():
    assert _fails(_aside("600,000", "680,000"), AmountUnit.YUAN) == []
    assert (Decimal("600000.00"), Decimal("500000")) in _fails(_aside("500,000", "580,000"), AmountUnit.YUAN)


def _clause_total(orphans: str) -> str:
    return ("残疾人两项补贴：困难残疾人生活补贴820人，每人每月90元，全年88.56万元；重度残疾人护理补贴640人，需69.12万元；"
            f"残疾儿童康复救助45名，每人每月1,500元，共{orphans}万元；辅具适配备用金8万元。上述四项总计246.68万元。")


def test_gong_after_a_clauses_own_standard_is_its_product():
    assert _fails(_clause_total("81")) == []
    assert (Decimal("810000.00"), Decimal("860000")) in [(c, s.normalize()) for c, s in _fails(_clause_total("86"))]


def _level_sum(total: str, share: str = "252,000") -> str:
    return ("养老服务中心特困人员42人，生活费每人每月800元，全年403,200元；护理费每人每月200元，全年100,800元。"
            f"两项合计504,000元，由县、乡各承担一半，乡级承担{share}元。"
            f"另需水电费8万元，全部由乡级负担。乡级合计安排{total}元。")


def test_a_levels_sum_after_its_share():
    assert _fails(_level_sum("332,000"), AmountUnit.YUAN, "乡") == []
    assert (Decimal("252000"), Decimal("262000")) in [
        (c.normalize(), s) for c, s in _fails(_level_sum("342,000", "262,000"), AmountUnit.YUAN, "乡")]


def _rounded_whole(part: str) -> str:
    return f"城乡居民基本养老保险补助：参保21.9万人，每人每年补助670元，共约1.47亿元，由省、市、县按5:3:2分担，县级承担{part}万元。"


def test_the_share_of_a_rounded_whole_within_its_rounding():
    assert _fails(_rounded_whole("2,934.6")) == []
    assert _fails(_rounded_whole("2,394.6")) != []


def test_counts_listed_after_ge_add_up_first():
    assert _fails("农产品、水产品、畜产品监督抽检各30、20、10批次，平均每批次1,500元，共9万元。") == []
    assert (Decimal("90000.00"), Decimal("100000")) in [
        (c, s.normalize()) for c, s in _fails("农产品、水产品、畜产品监督抽检各30、20、10批次，平均每批次1,500元，共10万元。")]


def test_a_figure_split_after_it_is_a_whole():
    text = "老年人健康管理服务：65岁以上老人约2.4万人，按人均每年40元测算，计96万元，其中乡镇卫生院服务经费按60%下拨，约57.6万元。"
    assert not _against(text, "96")
    assert _against(text, "90")


def _standard_things(total: str) -> str:
    return (f"质量监督经费：1.产品抽检60批次，每批次1,500元，计9万元；2.标准物质采购1.2万元；3.计量标准器送检0.8万元。"
            f"合计{total}万元。")


def test_biaozhun_in_a_things_name_is_no_standard():
    assert _fails(_standard_things("11")) == []
    assert (Decimal("110000.00"), Decimal("120000")) in [(c, s.normalize()) for c, s in _fails(_standard_things("12"))]


def _arranged(second: str) -> str:
    return ("依据市级下达文件，我县获得农村公路养护补助60万元。具体安排：1.路面修补12公里，每公里2.5万元，计30万元；"
            f"2.安全防护设施完善{second}万元。以上合计60万元。")


def test_the_whole_before_its_arrangement_is_no_item():
    assert _fails(_arranged("30")) == []
    assert _fails(_arranged("25")) != []


def _headed(first: str) -> str:
    return (f"测算说明：\n一、宣传活动（小计{first}万元）\n1.宣传册印制20,000册×2元=4万元；\n2.专题活动8场，每场1万元，8万元。\n"
            "二、业务培训 小计6万元：\n1.培训班3期，每期1.5万元，4.5万元；\n2.资料费1.5万元。\n以上合计" f"{12 + 6}万元。")


def test_a_subtotal_in_a_heading_is_the_whole_of_the_items_below():
    assert _fails(_headed("12")) == []
    assert (Decimal("120000"), Decimal("130000")) in [(c.normalize(), s.normalize()) for c, s in _fails(_headed("13"))]


def test_a_terms_label_after_its_operator_stays_in_the_expression():
    assert _fails("村内指示牌：5块×0.2万元＋更换4块×0.6万元＝3.4万元") == []
    assert (Decimal("34000.00"), Decimal("36000.0")) in _fails("村内指示牌：5块×0.2万元＋更换4块×0.6万元＝3.6万元")
