"""General faults behind blind9's and blind10's misses, tested in wordings of their own (not the corpora's):
numbers written in characters beyond 十 (三百, 一千二百, 五十七万六千), shares said in tenths (六成, 两成)."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose.lexer import cn_number
from tests.prose_cases import bottom, found, pairs

W = AmountUnit.WAN_YUAN


def test_numbers_in_characters_with_hundreds_thousands_and_wan():
    assert cn_number("四百五十") == Decimal(450)
    assert cn_number("两千零八") == Decimal(2008)
    assert cn_number("三十二万四千") == Decimal(324000)
    assert cn_number("十四五") is None and cn_number("一二百") is None


def test_a_count_and_standard_in_characters_are_multiplied():
    wrong = "为全镇四百五十户安装烟感报警器，每户一百二十元，共需资金5.6万元。"
    assert found(wrong, "54000", "56000", unit=W)
    assert pairs("为全镇四百五十户安装烟感报警器，每户一百二十元，共需资金5.4万元。", W) == []


def test_an_amount_written_in_characters_with_wan():
    right = "聘请护林员八名，每人每月补助一千五百元，全年计十四万四千元。"
    assert pairs(right) == [] and bottom(right) == Decimal(144000)
    assert found("聘请护林员八名，每人每月补助一千五百元，全年计十四万八千元。", "144000", "148000")


def test_shares_in_tenths():
    wrong = "总投资800万元，省级补助七成，计560万元，县级配套三成，计260万元。"
    assert found(wrong, "2400000", "2600000", unit=W)
    assert pairs("总投资800万元，省级补助七成，计560万元，县级配套三成，计240万元。", W) == []


def test_words_ending_in_cheng_are_not_shares():
    assert pairs("完成改造120户，每户补助0.5万元，计60万元，八成新设备不计。", W) == []


def test_an_item_arranged_at_last_years_level_counts_in_the_total():
    """按上年…安排 sets this year's amount (not a reference to last year's): the listed parts hold their 合计."""
    right = ("1.设备维护，每台每年0.8万元，共25台，计20万元；2.宣传培训，按去年实际支出数安排12万元；"
             "3.应急物资储备，按上年标准安排8万元。以上合计40万元。")
    assert pairs(right, W) == []
    wrong = right.replace("以上合计40万元", "以上合计42万元")
    assert found(wrong, "400000", "420000", unit=W)


def test_last_years_amount_stays_out_of_this_years_sum():
    right = "全年培训180人次，每人次0.2万元，计36万元（上年实际支出33万元）。合计36万元。"
    assert pairs(right, W) == []


def test_counts_in_a_sentence_of_their_own_serve_the_next_ones_standard():
    right = "经验收合格的美丽乡村示范村6个。每个奖励20万元。共需资金120万元。"
    assert pairs(right, W) == []
    assert found(right.replace("共需资金120万元", "共需资金130万元"), "1200000", "1300000", unit=W)
    right = "全镇共有公益性岗位人员36名。岗位补贴标准为每人每月1,500元。全年需资金64.8万元。"
    assert pairs(right, W) == []


def test_counts_in_a_clause_ended_by_a_semicolon():
    right = "护林员22名；每人每月补助1,200元，全年需31.68万元。"
    assert pairs(right, W) == []
    assert found(right.replace("31.68万元", "31.86万元"), "316800", "318600", unit=W)


def test_a_sentence_with_an_amount_keeps_its_counts_to_itself():
    """Counts only carry from a sentence of counts alone: one with an amount of its own is closed."""
    right = "已建成站点12个，投入180万元。每个站点年运维费2万元，全年运维费24万元。"
    assert pairs(right, W) == []


def test_a_total_with_a_total_word_then_its_count_and_average():
    wrong = "中小学课后服务补助资金共计96万元，覆盖学校24所，平均每所补助3.6万元。"
    assert found(wrong, "40000", "36000", unit=W)
    assert pairs("中小学课后服务补助资金共计96万元，覆盖学校24所，平均每所补助4万元。", W) == []
    assert pairs("新建充电桩120个，总投资360万元，平均每个投入3万元。", W) == []
    assert found("新建充电桩120个，总投资360万元，平均每个投入3.2万元。", "30000", "32000", unit=W)


def test_an_average_inside_a_breakdown_is_not_the_totals():
    right = "整治合计需资金30万元，其中：清运垃圾约500吨，平均每吨运费400元，计20万元；租用机械50天，每天2,000元，计10万元。"
    assert pairs(right, W) == []


def test_written_arithmetic_with_dengyu():
    assert found("购置消防水带40盘乘以0.15万元等于6.5万元。", "60000", "65000", unit=W)
    assert pairs("购置消防水带40盘乘以0.15万元等于6万元。", W) == []


def test_a_loan_is_the_base_of_its_interest_subsidy_not_money_spent():
    right = "小微企业贷款贴息：预计新增贷款规模2.4亿元，按年贴息率2.5%测算，需贴息资金600万元。"
    assert pairs(right, W) == [] and bottom(right, unit=W) == Decimal(6000000)
    assert found(right.replace("需贴息资金600万元", "需贴息资金650万元"), "6000000", "6500000", unit=W)
    right = "农户贷款余额核定为8,000万元，按2%贴息，需160万元。"
    assert pairs(right, W) == [] and bottom(right, unit=W) == Decimal(1600000)


def test_interest_subsidy_money_itself_is_spent():
    right = "安排贷款贴息资金50万元，另安排培训费10万元，合计60万元。"
    assert pairs(right, W) == [] and bottom(right, unit=W) == Decimal(600000)


def test_a_standard_stated_after_a_percentage_of_another():
    wrong = "公益性岗位补贴：上岗人员40人，按最低工资标准2,000元的60%补贴，每人每月1,250元，全年需60万元。"
    assert found(wrong, "1200", "1250", unit=W)
    right = "公益性岗位补贴：上岗人员40人，按最低工资标准2,000元的60%补贴，每人每月1,200元，全年需57.6万元。"
    assert pairs(right, W) == []


def test_a_standard_worked_out_from_a_percentage_is_a_standard_not_an_item():
    right = ("护理补贴标准为低保标准的50%，本县低保标准为每月800元，即每人每月400元。全县护理对象200人，全年需96万元；"
             "另安排评估费4万元。合计100万元。")
    assert pairs(right, W) == []


def test_an_amount_named_only_as_a_percentages_base_is_not_an_item():
    right = "1.设备维保按设备原值1,200万元的4%计取，计48万元；2.耗材费12万元。合计60万元。"
    assert pairs(right, W) == [] and bottom(right, unit=W) == Decimal(600000)
    right = "服务费100万元，管理费按服务费的3%计取，计3万元，合计103万元。"
    assert pairs(right, W) == []


def test_placeholder_crosses_in_a_name_are_not_multiplications():
    wrong = "S××线大修工程总投资1.8亿元，其中中央补助0.9亿元，省级补助0.5亿元，县级配套0.5亿元。"
    assert found(wrong, "190000000", "180000000", unit=W)
    assert pairs("××县××镇污水管网工程总投资800万元，其中省级补助500万元，县级配套300万元。", W) == []


def test_a_chain_from_a_standard_is_times_the_count_named_before():
    right = "全县护林员86名，按每人每月500元乘以12个月，全年需资金51.6万元。"
    assert pairs(right, W) == []
    assert found(right.replace("51.6万元", "50.6万元"), "516000", "506000", unit=W)


def test_an_amount_each_for_several_names_listed_before_ge():
    right = "县博物馆、美术馆、纪念馆各补助30万元，村级文化活动室20个，每个2万元，合计130万元。"
    assert pairs(right, W) == []
    assert found(right.replace("合计130万元", "合计140万元"), "1300000", "1400000", unit=W)


def test_levels_paying_each_are_a_split_not_a_multiple():
    assert pairs("项目总投资100万元，市、县各配套50万元。", W) == []


def test_an_amount_named_after_a_standard_and_its_days_then_jisuan():
    right = "按日均处理污泥30吨、每吨处置费200元、全年365天计算，全年处置费219万元。"
    assert pairs(right, W) == [] and bottom(right, unit=W) == Decimal(2190000)
    assert found(right.replace("219万元", "229万元"), "2190000", "2290000", unit=W)


def test_counts_over_several_sentences_and_a_named_amount_after():
    right = "租用无人机3架。每架年飞行时间200小时。每小时费用0.5万元。全年租赁费用300万元。"
    assert pairs(right, W) == [] and bottom(right, unit=W) == Decimal(3000000)


def test_a_lone_amount_that_does_not_equal_the_items_is_an_item():
    right = "每台设备年维护费0.2万元，共10台。软件服务费8万元。合计10万元。"
    assert pairs(right, W) == [] and bottom(right, unit=W) == Decimal(100000)


def test_what_payers_pay_themselves_is_not_the_bottom_line():
    right = "政策性农房保险：保费总额200万元，财政补贴保费的七成，计140万元，农户自缴三成，计60万元。"
    assert pairs(right, W) == [] and bottom(right, unit=W) == Decimal(1400000)


def test_an_aside_about_last_year_in_brackets_is_all_reference():
    right = "公交车辆保险补贴：2025年补贴车辆80辆，每辆每年5,000元，需40万元（2024年实际支出38.5万元，批复预算42万元）。"
    assert pairs(right, W) == [] and bottom(right, unit=W) == Decimal(400000)
    wrong = right.replace("需40万元", "需45万元")
    assert found(wrong, "400000", "450000", unit=W)


def test_a_ratio_between_four_parties():
    right = "共需资金200万元，按中央、省、市、县5:3:1:1分担，县级承担20万元。"
    assert pairs(right, W) == []
    assert found(right.replace("县级承担20万元", "县级承担25万元"), "200000", "250000", unit=W)
