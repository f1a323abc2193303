"""Session 9's general fixes of the prose reader, in wordings of our own (not the corpora's): each fault found
in blind12/blind13/blind11, written again differently, once right (nothing may be flagged) and, where the fault
hid a mistake, once wrong (the mistake found with both numbers)."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose.corpus import evaluate_entry
from tests.prose_cases import bottom, failures, found

W = AmountUnit.WAN_YUAN


def _vs_amount(text: str, amount: str, level: str = "县") -> list:
    entry = {"text": text, "correct": True, "unit": "万元", "amount": amount, "level": level}
    return list(evaluate_entry(entry).findings)


def test_a_count_between_a_standard_and_the_next_begins_the_next_item():
    text = "巡堤人员补助：一级堤段42人按每人每天120元、二级堤段75人按每人每天80元，汛期按30天计，共需{}元。"
    assert failures(text.format("331,200")) == []          # 42×120×30 + 75×80×30
    assert found(text.format("321,200"), "331200", "321200")
    text = "绿地养护：一类绿地24万平方米，养护单价每平方米每年6元，二类绿地38万平方米，每平方米每年4元，合计{}万元。"
    assert failures(text.format("296"), unit=W) == []      # 24万×6 + 38万×4
    assert found(text.format("286"), "2960000", "2860000", unit=W)


def test_an_average_per_visit_is_per_person_time():
    text = "康复训练补助：预计全年训练2,400人次，次均补助150元，需{}元。"
    assert failures(text.format("360,000")) == []
    assert found(text.format("340,000"), "360000", "340000")


def test_a_year_stated_in_plain_words_restates_the_monthly_working():
    text = "村级协管员3名，每人每月2,000元，一年下来是{}万元。"
    assert failures(text.format("7.2"), unit=W) == []
    assert found(text.format("6.2"), "72000", "62000", unit=W)
    text = "聘用讲解员2名，每人每月3,000元，一年7.2万元；宣传资料费1.8万元。两项加起来{}万元。"
    assert failures(text.format("9"), unit=W) == []
    assert found(text.format("9.8"), "90000", "98000", unit=W)


def test_standards_listed_with_their_counts_after_them():
    text = "高龄津贴：80-89岁、90-99岁、百岁以上老人每人每月分别发放50元、100元、500元，对应人数2,000人、300人、5人，全年需{}万元。"
    assert failures(text.format("159"), unit=W) == []   # (2000×50 + 300×100 + 5×500)×12 = 1,590,000
    assert found(text.format("169"), "1590000", "1690000", unit=W)


def test_last_years_approved_amount_is_no_approval_of_this_year():
    text = "村级组织运转：村干部40人，每人每年补助8,000元；办公经费20个村，每村每年1万元。去年批复经费50万元，今年合计需{}万元。"
    assert failures(text.format("52"), unit=W) == []
    assert found(text.format("55"), "520000", "550000", unit=W)


def test_a_share_may_be_several_instalments_together():
    text = "监控设备采购合同价120万元。按合同约定预付40%，安装调试后付50%，余10%为质保金次年支付，本年度安排预付款及调试款共{}万元。"
    assert failures(text.format("108"), unit=W) == []   # 120 × (40% + 50%)


def test_bare_numbers_written_in_the_results_unit():
    text = "村级卫生室运行补助：全县26个村卫生室，每室每季度1.5万元，全年26×1.5×4={}万元。"
    assert failures(text.format("156"), unit=W) == []
    assert failures(text.format("166"), unit=W)
    assert failures("送教上门：18名学生×每生每年2600元，全年18×2600=4.68万元。", unit=W) == []   # (in 元: it holds so)


def test_a_clause_of_counts_each_with_its_standard_summed():
    text = "困难群体参保资助：一类对象2,150人，每人每年350元；二类对象5,300人，每人每年180元，需{}元。"
    assert failures(text.format("1,706,500")) == []   # 2150×350 + 5300×180
    assert failures(text.format("1,716,500"))


def test_an_average_restating_the_result_of_its_clause():
    text = "村集体收益分配：全村收益80万元，其中50%用于再投入，计40万元；剩余50%用于分红，计40万元，惠及农户500户，户均分红800元。"
    assert failures(text, unit=W) == []


def test_reductions_and_the_adjusted_budget():
    text = "社区服务项目：年初预算120万元，年中追加设备购置15万元，调减会议费6万元，调整后预算{}万元。"
    assert failures(text.format("129"), unit=W) == []
    assert found(text.format("141"), "1290000", "1410000", unit=W)


def test_a_working_in_brackets_shows_how_the_amount_before_it_was_made():
    text = "图书采购：年初安排20万元，追加8万元（新增流动书屋16个×每个0.5万元），调整后共{}万元。"
    assert failures(text.format("28"), unit=W) == []
    assert found(text.format("36"), "280000", "360000", unit=W)


def test_a_budget_figure_right_after_a_standards_working():
    text = "路面保洁：日均清扫面积42万平方米，单价0.02元/平方米，全年按365天计，预算{}万元。"
    assert failures(text.format("306.6"), unit=W) == []   # 420000×0.02×365 = 3,066,000
    assert found(text.format("316.6"), "3066000", "3166000", unit=W)


def test_a_plans_remainder_less_what_was_spent_without_a_year():
    text = "污水处理厂扩建：总投资8,000万元，分三年实施，累计已拨付3,000万元，2026年安排2,500万元，余下{}万元于2027年安排。"
    assert failures(text.format("2,500"), unit=W) == []
    assert found(text.format("3,500"), "25000000", "35000000", unit=W)


def test_a_total_of_chains_is_what_the_text_arrives_at():
    text = ("护林员补助：上半年聘用120人，下半年增至130人，每人每月600元。上半年120×600×6=432,000元，下半年130×600×6=468,000元，"
            "全年合计900,000元。")
    assert failures(text) == []
    assert bottom(text) == Decimal("900000")


def test_amounts_restating_the_products_of_earlier_sentences():
    text = ("河道清淤：主河道12.5公里，清淤标准每公里每年80000元；支流36公里，每公里每年25000元。经测算，主河道1,000,000元，"
            "支流900,000元，合计{}万元。")
    assert failures(text.format("190"), unit=W) == []
    assert bottom(text.format("190"), unit=W) == Decimal("1900000")
    assert found(text.format("200"), "1900000", "2000000", unit=W)


def test_the_form_amount_put_in_this_years_budget():
    text = "校舍维修：合同价500万元，已付300万元，余下200万元全部列入2026年预算。"
    assert _vs_amount(text, "200") == []
    text = "信息系统建设：合同价200万元，2026年预算安排首付款和初验款180万元，尾款20万元列2027年预算。"
    assert _vs_amount(text, "180") == []
    assert _vs_amount(text, "20")   # next year's part is not this year's amount


def test_the_form_amount_worked_out_after_its_level_is_named():
    text = "高龄补贴：全县80岁以上老人12,000人，补贴月人均100元，全年1,440万元，其中县级承担部分每人每月20元，需288万元。"
    assert _vs_amount(text, "288") == []


def test_a_rounded_restatement_is_no_item():
    text = "社工站人员12人，月工资3,000元，年工资43.2万元，社保按工资的26.5%计11.448万元，约11.45万元，合计约{}万元。"
    assert failures(text.format("54.65"), unit=W) == []
    assert failures(text.format("64.65"), unit=W)


def test_the_months_of_a_bare_chain_against_the_span_named():
    text = "防溺水巡查员20人，巡查期2026年5-9月，每人每月1,500元，需20×1,500×{}={}元。"
    assert failures(text.format("5", "150,000")) == []
    assert found(text.format("4", "120,000"), "150000.00", "120000")


def test_an_average_after_a_result_of_its_sentence_is_checked():
    text = "特困供养：集中供养对象25人，全年供养经费{}元，平均每人每月1,500元。"
    assert failures(text.format("450,000")) == []
    assert found(text.format("480,000"), "1600.00", "1500")   # 480,000 ÷ (25人 × 12个月)


def test_an_amount_named_by_its_standards_own_words_is_its_product():
    text = "水质监测点位38个，平均每个点位每年检测费4,200元，检测经费{}元。"
    assert failures(text.format("159,600")) == []
    assert found(text.format("172,800"), "159600", "172800")   # (not a slip of one digit: named so, all the same)
    # a name of its own stays an item (慰问每人800元，60人，福利院补助4.8万元)
    assert failures("慰问困难老人每人800元，共60人，养老院补助3万元，合计7.8万元。", unit=W) == []


def test_two_items_named_by_their_number():
    text = "在岗护林员150名，管护补助每人每年3,000元，意外保险每人每年200元，两项{}元。"
    assert failures(text.format("480,000")) == []
    assert found(text.format("450,000"), "480000", "450000")


def test_an_approved_amount_with_its_parts_after_it():
    text = "2025年核定垃圾处理费760万元，其中中央补助300万元、省级补助180万元，其余{}万元由县级承担。"
    assert failures(text.format("280"), unit=W) == []
    assert found(text.format("290"), "2800000", "2900000", unit=W)


def test_another_levels_percentage_explains_no_share():
    text = "全市需3,200,000元，省补助20%，其余由市、区按1:1承担，市级承担{}元。"
    assert failures(text.format("1,280,000"), level="市") == []
    assert found(text.format("640,000"), "1280000.00", "640000", level="市")


def test_a_level_written_with_its_alternatives_in_brackets():
    text = "公益岗位补贴全年需500万元。省级补助70%，县（市、区）承担30%，我县应承担{}万元。"
    assert failures(text.format("150"), unit=W) == []
    assert found(text.format("160"), "1500000.0", "1600000", unit=W)


def test_a_split_of_a_standard_and_its_count():
    text = "对全乡10个村实施人居环境整治，每村补助30万元，县、乡按7:3承担，乡级承担{}万元。"
    assert failures(text.format("90"), unit=W, level="乡") == []
    assert found(text.format("9"), "900000", "90000", unit=W, level="乡")


def test_the_parts_of_a_standard_listed_after_it():
    text = "市级公益林52万亩，补偿标准每亩每年16元，其中管护补助{}元，公共管护支出0.25元，全年需资金832万元。"
    assert failures(text.format("15.75"), unit=W) == []
    assert found(text.format("15.5"), "15.75", "16", unit=W)
