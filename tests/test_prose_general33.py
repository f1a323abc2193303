"""Round 33 of the prose reader (false alarms), in wordings of our own: what the form's amount is held to where the
text works nothing out of this year's money (background.py), and the whole of a split in the amount field."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit, parse_amount
from jixiao_desktop.prose import read
from jixiao_desktop.prose.backing import amount_disagrees

W = AmountUnit.WAN_YUAN


def disagrees(text: str, amount: str, level: str = "县", unit: AmountUnit = W) -> bool:
    value = parse_amount(amount, unit).value
    return amount_disagrees(read(text, level, (), unit), text, value, level, unit)


def test_the_whole_a_split_divides_agrees_with_the_amount():
    # the whole named with no total word before it, the form's own part after the split
    text = "乡镇综合文化站免费开放补助150万元，市、县按2:8分担，县级120万元。"
    assert not disagrees(text, "150")
    assert not disagrees(text, "120")
    assert disagrees(text, "135")
    text = "城区公厕保洁服务费84万元。按1:1比例由市、区两级承担。区级资金42万元已列入年度预算。"
    assert not disagrees(text, "84", "区")
    assert disagrees(text, "48", "区")
    text = "困境儿童生活补贴280,000元，省、县各承担一半，县级140,000元。"
    assert not disagrees(text, "280000", unit=AmountUnit.YUAN)
    assert disagrees(text, "260000", unit=AmountUnit.YUAN)
    # a whole of all years (总投资) is no year's amount: the form carries the own part
    text = "文化广场建设总投资300万元，市、县按4:6承担，县级承担180万元。"
    assert disagrees(text, "300")
    assert not disagrees(text, "180")


def test_a_text_of_background_figures_only_holds_the_amount_to_nothing():
    # a past year's budget and spending, this year's work described without a figure
    assert not disagrees("2023年该项目预算80万元，实际支出76.5万元，结余已收回。今年继续实施，覆盖全部12个社区。", "95")
    assert not disagrees("2024年本项目决算支出64.2万元，绩效评价等级为优。", "70")
    # a project under way: its approved estimate and what was spent so far
    assert not disagrees("该泵站改造工程批复概算1,260万元，累计完成投资1,104.5万元。本年度安排工程结算尾款。", "150")
    assert not disagrees("2022年至2025年城区排水管网项目批复总投资6,500万元，截至2024年底累计完成投资4,870万元。", "900")
    # an income and a standard are no spending
    assert not disagrees("全县2024年农村居民人均可支配收入1.86万元，农业总产值42.6亿元。本项目用于农产品品牌推广。", "60")
    assert not disagrees("特困人员供养标准按照市民政局文件执行，集中和分散供养标准分别为每人每月1,320元和1,080元。", "380")
    # another level's standard, the form's own part the shortfall the text does not state
    assert not disagrees("今年计划改造低产林0.8万亩，省级补助标准每亩300元，不足部分由县级统筹解决。", "320")


def test_a_figure_of_this_year_is_still_held_to_the_amount():
    # a yearly fee (每年) is the year's amount, not a standard
    assert disagrees("档案数字化系统运维费每年12.6万元，2025年按合同支付。", "16.2")
    # a project's whole alone, no sign of it being under way
    assert disagrees("村级党群服务中心改造总投资0.46亿元，全部申请省级资金。", "460")
    # last year's figure taken over (按上年实际…安排) is this year's
    assert disagrees("办公设备维护费按上年实际支出18万元安排。", "21")
    # a past year's figure beside this year's own: this year's is held to the amount
    assert disagrees("2024年预算50万元。今年需安排60万元。", "65")
    # another level's standard with this year's own part stated: the own part is held
    assert disagrees("省级补助标准每亩300元，不足部分由县级统筹解决，县级需安排40万元。", "45")


def _failures(text: str, unit: AmountUnit = AmountUnit.YUAN):
    return [(s.kind, s.computed, s.stated) for s in read(text, "县", (), unit).failures()]


def test_results_listed_after_respectively_are_not_the_items_once_more():
    text = ("农村饮水安全维护：水质检测48次，每次1,200元；管网抢修12处，每处3,500元；消毒药剂采购300公斤，每公斤40元。"
            "上述三项分别为57,600元、42,000元、12,000元，合计{}元。")
    assert _failures(text.format("111,600")) == []
    assert ("sum", Decimal("111600"), Decimal("121600")) in _failures(text.format("121,600"))
    text = ("社区养老服务：助餐点8个，每个每年2.5万元；上门服务对象260人，每人每年600元；日间照料中心3个，每个4万元。"
            "经测算，以上各项依次为20万元、15.6万元、12万元，共计{}万元。")
    assert _failures(text.format("47.6"), W) == []
    assert ("sum", Decimal("476000"), Decimal("486000")) in _failures(text.format("48.6"), W)


def test_an_item_set_at_last_years_figure_is_one_of_this_years_items():
    text = ("社区体育设施维护：1.健身路径巡检40处，每处每年1,500元，计6万元；2.灯光球场电费按上年实际电费3.2万元计；"
            "3.器材更换5万元。合计{}万元。")
    assert _failures(text.format("14.2"), W) == []
    assert ("sum", Decimal("142000"), Decimal("152000")) in _failures(text.format("15.2"), W)
    text = "图书馆运行经费：其一，期刊订阅（按上年实际）8.6万元；其二，古籍修复外包12万元；其三，读者活动20场，每场3,000元，6万元。共计{}万元。"
    assert _failures(text.format("26.6"), W) == []
    assert ("sum", Decimal("266000"), Decimal("286000")) in _failures(text.format("28.6"), W)
    # last year's figure as a reference (no 按…计) stays out of this year's sum
    text = "档案整理：聘请整理人员4人，每人每月3,000元，全年14.4万元；上年实际支出13.8万元。合计{}万元。"
    assert _failures(text.format("14.4"), W) == []


def test_a_total_restated_rounded_is_no_part_taken_off_before_the_rest():
    text = "一、巡河员补助26人，每人每年4,800元，需124,800元。二、河道保洁外包235,000元。合计359,800元，约36万元。上级补助15万元，余下{}元由县财政安排。"
    assert _failures(text.format("209,800")) == []
    assert ("remainder", Decimal("209800"), Decimal("219800")) in _failures(text.format("219,800"))
    text = "合计1,286,400元，约128.6万元。其中省级补助50万元，其余{}元由区级承担。"
    assert _failures(text.format("786,400")) == []
    assert ("remainder", Decimal("786400"), Decimal("768400")) in _failures(text.format("768,400"))


def test_a_remainder_is_of_the_whole_less_its_sources_not_less_its_own_items():
    text = ("农村人居环境整治：本年资金600万元。1.户厕改造360万元；2.垃圾收运设备150万元；3.村庄绿化90万元。"
            "资金来源：中央专项资金40%，计240万元；其余{}万元由市、县按4:6承担。")
    assert _failures(text.format("360"), W) == []
    assert ("remainder", Decimal("3600000"), Decimal("3800000")) in _failures(text.format("380"), W)
    # no items before: the parts named after the whole are still taken off
    text = "项目总额150万元，中央补助60万元，省级补助30万元，其余{}万元由县级承担。"
    assert _failures(text.format("60"), W) == []
    assert ("remainder", Decimal("600000"), Decimal("500000")) in _failures(text.format("50"), W)


def test_a_percentage_added_on_top_of_a_product():
    text = "会议场地租赁：租用会议室45天，每天日租金2,400元，另计9%服务费，合计{}元。"
    assert _failures(text.format("117,720")) == []
    assert _failures(text.format("127,720")) != []   # (neither with the 9% nor without it)
    text = "仓储用房租赁：面积1,200平方米，年租金每平方米90元，另加5%税费，全年约{}万元。"
    assert _failures(text.format("11.3"), W) == []
    assert _failures(text.format("12.3"), W) != []


def test_an_item_added_after_the_worked_ones_is_in_the_amount():
    text = "小微企业贷款贴息：贷款余额4,500万元，按1.5%贴息，贴息67.5万元；另安排第三方审核费3.5万元。"
    assert not disagrees(text, "71")
    assert disagrees(text, "73")
    text = "护林员补助：聘用护林员30人，每人每月1,000元，全年36万元。另需购置巡护装备4.2万元。"
    assert not disagrees(text, "40.2")
    assert disagrees(text, "42.2")
    # last year's money named after 另 is no part of this year's
    text = "护林员补助：聘用护林员30人，每人每月1,000元，全年36万元。另上年结转资金4.2万元用于装备更新。"
    assert disagrees(text, "40.2")

