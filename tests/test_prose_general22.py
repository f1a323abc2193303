"""Faults the fresh corpora blind24, blind25 and blind27 showed (session 21), written again in wordings of our own, each
once right (nothing may be flagged) and once with one mistake (found, with the right numbers where the reader can):

- results listed after 依次为 (like 分别为) are those of the products before them, not more items beside them;
- amounts in a bracket right after a standard, each named for the level that pays it (每亩400元（中央300元，省级100元）),
  are that standard's parts, not items;
- a count in a bracket that compares (（较上年减少213人）, （去年资助1,790人）) is no factor;
- a standard restated by its parts after 分春、秋两期 is no item of its own;
- written arithmetic of bare numbers whose result is in 万元 may be in 万元 (86x2+42x1.4=230.8万元);
- counts of groups listed before one standard named with 均为 are summed, and a heading's count (两项补贴：) names them;
- a monthly standard with no months of its own runs the period the sentence before names (…和…，共计6个月。);
- the form's amount is no sum of items each under a total of its own (合计…；…合计增收…);
- a count of kinds (两项) is never the people a standard is per, though a 人 stands before it (老年人两项补贴);
- a sum of amounts written out (a+b=c) is the clerk's own working, as written products are."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose.corpus import evaluate_entry
from jixiao_desktop.prose.reader import read


def _fails(text: str, unit: AmountUnit = AmountUnit.WAN_YUAN, level: str = "县"):
    read.cache_clear()
    return [(s.computed, s.stated) for s in read(text, level, (), unit).failures()]


def _entry(text: str, amount: str, correct: bool = True) -> list:
    outcome = evaluate_entry({"id": "t", "text": text, "correct": correct, "unit": "万元", "amount": amount, "level": "县"})
    return [(computed, stated) for computed, stated, _what in outcome.findings]


def test_results_listed_after_yici_are_the_products_results():
    right = "采购灭火器400具、应急灯150盏、救生衣80件，单价分别为每具150元、每盏260元、每件120元，金额依次为6万元、3.9万元、0.96万元，共10.86万元。"
    assert _fails(right) == []
    wrong = "采购灭火器400具、应急灯150盏、救生衣80件，单价分别为每具150元、每盏260元、每件120元，金额依次为6万元、3.6万元、0.96万元，共10.56万元。"
    assert (Decimal("39000.00"), Decimal("36000")) in _fails(wrong)


def test_bracketed_level_parts_of_a_standard_are_no_items():
    right = "高标准农田建设5,000亩，每亩补助1,500元（中央1,200元，省级300元），共750万元。"
    assert _fails(right) == []
    wrong = "高标准农田建设5,000亩，每亩补助1,500元（中央1,200元，省级300元），共705万元。"
    assert _fails(wrong) == [(Decimal("7500000.00"), Decimal("7050000"))]
    parts_wrong = "高标准农田建设5,000亩，每亩补助1,500元（中央1,200元，省级200元），共750万元。"
    assert _fails(parts_wrong) == [(Decimal("1400"), Decimal("1500"))]


def test_a_count_to_compare_with_in_brackets_is_no_factor():
    right = "农村留守儿童关爱：服务对象2,300人（比上年增加120人），每人每年补助500元，全年115万元。"
    assert _fails(right) == []
    wrong = "农村留守儿童关爱：服务对象2,300人（比上年增加120人），每人每年补助500元，全年151万元。"
    assert _fails(wrong) == [(Decimal("1150000.00"), Decimal("1510000"))]
    right = "中职助学金：今年资助640人，每生每年2,000元（上年资助610人），需128万元。"
    assert _fails(right) == []
    wrong = "中职助学金：今年资助640人，每生每年2,000元（上年资助610人），需122万元。"
    assert _fails(wrong) == [(Decimal("1280000.00"), Decimal("1220000"))]


def test_a_standard_spread_over_named_halves_is_no_item():
    right = "困难老人补贴：对象3,500人，每人每年800元，分春、秋两次各400元发放，全年280万元。"
    assert _fails(right) == []
    wrong = "困难老人补贴：对象3,500人，每人每年800元，分春、秋两次各400元发放，全年208万元。"
    assert _fails(wrong)


def test_bare_arithmetic_in_wan_yuan():
    right = "村级阵地改造：一类村12个每个补助3万元，二类村25个每个补助1.6万元，需资金12x3+25x1.6=76万元。"
    assert _fails(right) == []
    wrong = "村级阵地改造：一类村12个每个补助3万元，二类村25个每个补助1.6万元，需资金12x3+25x1.6=67万元。"
    assert _fails(wrong) == [(Decimal("760000"), Decimal("670000"))]
    in_yuan = "保洁员18人，每人每月1,500元，全年18×1,500×12=32.4万元。"   # (bare numbers in 元: the same as before)
    assert _fails(in_yuan) == []


def test_counts_listed_for_one_standard_with_junwei_are_summed():
    right = "就学补助：城市困难家庭子女就学补助对象1,200人，农村困难家庭子女就学补助对象1,800人，补助标准均为每人每月100元，全年共需360万元。"
    assert _fails(right) == []
    assert _fails("两类就学补助：城市困难家庭子女就学补助对象1,200人，农村困难家庭子女就学补助对象1,800人，补助标准均为每人每月100元，全年共需360万元。") == []
    wrong = "就学补助：城市困难家庭子女就学补助对象1,200人，农村困难家庭子女就学补助对象1,800人，补助标准均为每人每月100元，全年共需306万元。"
    assert _fails(wrong)


def test_months_of_the_period_the_sentence_before_names():
    right = "禁渔期为3月1日—6月30日和9月1日—9月30日，共5个月。护渔协管员40名，每人每月补助1,500元，共需资金30万元。"
    assert _fails(right) == []
    wrong = "禁渔期为3月1日—6月30日和9月1日—9月30日，共5个月。护渔协管员40名，每人每月补助1,500元，共需资金36万元。"
    assert _fails(wrong) == [(Decimal("300000.00"), Decimal("360000"))]
    # (with no period named before, a monthly standard still runs the year)
    assert _fails("护渔协管员40名，每人每月补助1,500元，共需资金30万元。") == [(Decimal("720000.00"), Decimal("300000"))]


def test_the_amount_is_no_sum_of_items_each_under_its_own_total():
    text = "建设育苗大棚4个，每个25万元，合计100万元。预计每个大棚年产值15万元，合计产值60万元。"
    assert _entry(text, "100") == []
    assert _entry(text, "160", correct=False)


def test_a_count_of_kinds_is_never_the_people_a_standard_is_per():
    right = "老年人两项补贴：高龄津贴每人每月800元，对象45人；护理补贴每人每月600元，对象120人；全年共需129.6万元。"
    assert _fails(right) == []
    wrong = "老年人两项补贴：高龄津贴每人每月800元，对象45人；护理补贴每人每月600元，对象120人；全年共需126.9万元。"
    assert _fails(wrong) == [(Decimal("1296000.00"), Decimal("1269000"))]


def test_a_sum_of_amounts_written_out_is_the_clerks_working():
    right = "困境儿童生活费标准机构供养每人每月1,700元，分散供养每人每月1,300元，现有机构供养儿童12人、分散供养儿童75人，全年需244,800+1,170,000=1,414,800元"
    assert _fails(right, AmountUnit.YUAN) == []
    wrong = "困境儿童生活费标准机构供养每人每月1,700元，分散供养每人每月1,300元，现有机构供养儿童12人、分散供养儿童75人，全年需244,800+1,170,000=1,441,800元"
    assert _fails(wrong, AmountUnit.YUAN) == [(Decimal("1414800"), Decimal("1441800"))]
