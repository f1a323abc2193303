"""General faults of the prose reader found through blind5.jsonl (its first run: 56.3 % found, 47.5 % flagged),
each pinned in wordings of its own: a wrong sentence found with its numbers, a correct one left silent."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import bottom as _bottom
from tests.prose_cases import failures as _failures
from tests.prose_cases import found as _found


def test_a_chain_of_bare_numbers_restates_the_standard_before_it():
    text = ("环卫工人工资：环卫工人120人，每人每月2600元，120乘以2600乘以12，合计374.4万元；"
            "保洁车辆8辆，每辆每年运维费1.5万元，8×1.5万元＝12万元。两项共计386.4万元。")
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _found(text.replace("两项共计386.4万元", "两项共计368.4万元"), "3864000", "3684000", unit=AmountUnit.WAN_YUAN)
    # one item: the chain's result is not added to the standard's own product
    one = "护林员补助：聘用护林员95人，每人每年6000元，95×6000，即57万元。"
    assert _failures(one, unit=AmountUnit.WAN_YUAN) == []
    assert _bottom(one, unit=AmountUnit.WAN_YUAN) == Decimal("570000")


def test_a_standard_summed_in_one_clause_is_restated_by_the_chain_in_the_next():
    text = ("护理员补贴：护理员40名，基本补贴1800元/人/月，绩效补贴300元/人/月，合计2100元/人/月；"
            "补贴期2025年1-12月，40人×2100元×12个月，共计100.8万元。")
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _found(text.replace("共计100.8万元", "共计108.8万元"), "1008000", "1088000", unit=AmountUnit.WAN_YUAN)


def test_a_sum_word_after_a_chain_can_be_the_items_own_result():
    text = ("培训经费：1. 住宿费：60人×260元×3天=46,800元；2. 讲课费：24学时×600元，合计14,400元；"
            "3. 场地费：3天×2000元，共计6,000元。总计67,200元。")
    assert _failures(text) == []
    assert _found(text.replace("总计67,200元", "总计62,700元"), "67200", "62700")
    assert _found(text.replace("合计14,400元", "合计14,800元"), "14400", "14800")
    # where the sum word does sum everything, that reading still holds
    whole = "培训经费：住宿费46,800元；讲课费24学时×600元，合计61,200元。"
    assert _failures(whole) == []


def test_a_subtotal_of_a_numbered_item_covers_its_own_clause():
    text = ("防汛物资：一是人员补助，抢险队员30名，30×3000，计90000元；二是物资购置，含编织袋2000条×3元、"
            "救生圈40个×150元、应急灯25台×320元，小计20000元。以上合计110000元。")
    assert _failures(text) == []
    assert _found(text.replace("小计20000元", "小计21000元"), "20000", "21000")
    assert _found(text.replace("以上合计110000元", "以上合计100000元"), "110000", "100000")


def test_a_measure_before_jun_names_what_a_standard_is_per():
    text = "助听器适配：适配助听器350台，台均1800元，350×1800，共计63万元；验配服务费2万元；合计65万元。"
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _found(text.replace("合计65万元", "合计66万元"), "650000", "660000", unit=AmountUnit.WAN_YUAN)


def test_an_amount_named_after_a_standard_is_its_product():
    text = "消防设施检测：委托第三方检测公共建筑86栋，每栋3,500元，检测费301,000元；复检费按检测费的10%，计30,100元；共需331,100元。"
    assert _failures(text) == []
    assert _found(text.replace("共需331,100元", "共需313,100元"), "331100", "313100")
    assert _found(text.replace("检测费301,000元；", "检测费310,000元；"), "301000", "310000")
    # an amount of its own that is no slip of the product stays an item
    assert _failures("慰问困难党员20人，每人500元，慰问品费8000元；合计18000元。") == []


def test_an_amount_after_a_chain_and_a_comma_is_its_result():
    text = "稻谷补贴：2025年全县稻谷种植面积48,600亩，补贴标准12.5元/亩，48,600亩×12.5元/亩，607500元，由中央财政承担。"
    assert _failures(text) == []
    assert _bottom(text) == Decimal("607500")
    assert _found(text.replace("，607500元", "，670500元"), "607500", "670500")


def test_a_percentage_of_the_items_named_before():
    text = ("道路养护：1. 路面修补3,000平方米，每平方米80元，计240,000元；2. 标线施划12公里，每公里5,000元，计60,000元；"
            "3. 管理费按以上两项的4%计取，12,000元。合计312,000元。")
    assert _failures(text) == []
    assert _found(text.replace("4%计取，12,000元", "4%计取，21,000元"), "12000", "21000")


def test_a_span_of_months_gives_the_months():
    text = "临聘人员工资：临聘人员15人，聘用期2025年4-12月，每人每月2800元，15人×2800元×12个月＝504000元。"
    assert _found(text, "378000", "504000")
    assert _failures(text.replace("×12个月＝504000元", "×9个月＝378000元")) == []
    # a standard per month and no months written: the span's
    implicit = "临聘人员工资：临聘人员15人，聘用期6月至12月，每人每月2800元，共计294000元。"
    assert _failures(implicit) == []
    assert _found(implicit.replace("共计294000元", "共计504000元"), "294000", "504000")
    # the months a text names against its own span: the span holds
    named = "见习补贴：见习人员50人，见习期2025年9-12月共12个月，每人每月1500元，50×1500×12=900000元。"
    assert _found(named, "300000", "900000")


def test_percentages_listed_after_fenbie_go_to_the_parties_in_order():
    text = "城乡居民医保补助：参保人数20万人，人均补助640元，计12800万元，中央、省、市分别承担60%、20%、10%，县级承担10%。"
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _found(text.replace("县级承担10%", "县级承担20%"), "10", "20", unit=AmountUnit.WAN_YUAN)


def test_a_percentage_with_its_share_written_after_it_splits_the_whole_before():
    text = "垃圾清运：清运车辆12辆，每辆年运行费5万元，12×5万元=60万元；市级补助30%计18万元，其余由县级承担42万元。"
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _found(text.replace("计18万元", "计16万元"), "180000", "160000", unit=AmountUnit.WAN_YUAN)


def test_a_remainders_payer_named_after_it_makes_it_the_forms_amount():
    text = "农机购置补贴：补贴农机320台，每台1.2万元，即384万元。其中中央财政补助300万元，剩余84万元由县级财政配套解决，列入年度预算。"
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _bottom(text, unit=AmountUnit.WAN_YUAN) == Decimal("840000")


def test_an_earlier_amounts_year_does_not_make_a_later_share_a_reference():
    text = ("困难群众救助：2025年度救助对象3000人，每人每年2000元，计600万元（2024年实际支出540万元），"
            "市、县按4:6比例分担，由县级承担360万元。")
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _found(text.replace("由县级承担360万元", "由县级承担340万元"), "3600000", "3400000", unit=AmountUnit.WAN_YUAN)


def test_several_projects_each_with_its_total_investment():
    text = ("农业产业项目：（1）蔬菜大棚项目，总投资600万元，2024年已安排200万元，2025年安排250万元；"
            "（2）仓储物流项目，项目总投资900万元，分年度实施，2025年安排300万元。以上合计550万元。")
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _bottom(text, unit=AmountUnit.WAN_YUAN) == Decimal("5500000")
    assert _found(text.replace("以上合计550万元", "以上合计500万元"), "5500000", "5000000", unit=AmountUnit.WAN_YUAN)


def test_a_years_amount_of_a_plan_is_checked_against_its_parts():
    text = ("供水管网改造工程：项目总投资2.4亿元，建设期2025-2027年。2025年度计划安排资金8,000万元，"
            "其中中央预算内投资5,000万元，专项债券2,000万元，县级配套1,000万元。")
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _found(text.replace("县级配套1,000万元", "县级配套1,500万元"), "85000000", "80000000",
                  unit=AmountUnit.WAN_YUAN)
