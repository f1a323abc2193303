"""Round 35 of the prose reader, in wordings of our own: words that hold a total word or a standard word but are
neither (共建, 公共, 一般公共预算, 高标准农田), a remainder right after a bare percentage of the whole (首期拨付60%，
其余…), and an amount estimated on a past year's figures (按2024年实际…测算) — this year's, no reference."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found, vs_amount as _vs_amount

W = AmountUnit.WAN_YUAN


def test_gong_inside_a_name_is_no_total_word():
    text = "共建共享活动经费3.5万元，公共文化服务2.5万元。文艺下乡1万元，以上合计{}万元。"
    assert failures(text.format("7"), unit=W) == []
    assert found(text.format("6"), "70000", "60000", unit=W)
    text = "1.共青团阵地建设120,000元；2.社区公共设施维护120,000元。合计{}元。"
    assert failures(text.format("240,000")) == []
    assert found(text.format("204,000"), "240000", "204000")
    # a total word still: 共 before a count or an amount
    text = "购置急救箱共40个，每个350元，共{}元。"
    assert failures(text.format("14,000")) == []
    assert found(text.format("12,000"), "14000", "12000")


def test_a_fund_named_yiban_gonggong_yusuan_is_a_part_not_a_result():
    text = "学校维修资金900万元，其中一般公共预算600万元，政府性基金预算{}万元。"
    assert failures(text.format("300"), unit=W) == []
    assert found(text.format("200"), "8000000", "9000000", unit=W)


def test_gaobiaozhun_is_a_project_name_no_standard():
    text = "高标准农田建设管护经费60万元，县、乡按7:3分担，乡级承担{}万元。"
    assert failures(text.format("18"), unit=W, level="乡") == []
    assert found(text.format("16"), "180000", "160000", unit=W, level="乡")
    # a standard named after it still is one
    text = "新建高标准农田800亩，每亩补助标准1,200元，共{}万元。"
    assert failures(text.format("96"), unit=W) == []
    assert found(text.format("86"), "960000", "860000", unit=W)
    # 高标准 within a few characters of the amount: the words a standard would be read from
    text = "新建高标准农田补助60万元，县、乡按7:3分担，乡级承担{}万元。"
    assert failures(text.format("18"), unit=W, level="乡") == []
    assert found(text.format("16"), "180000", "160000", unit=W, level="乡")


def test_a_remainder_after_a_bare_percentage_of_the_whole():
    text = "文化馆改造资金320万元，合同签订后拨付60%，其余{}万元验收合格后拨付。"
    assert failures(text.format("128"), unit=W) == []
    assert found(text.format("132"), "1280000", "1320000", unit=W)
    text = "设备购置款48万元，到货后支付七成（70%），剩余{}万元一年后付清。"
    assert failures(text.format("14.4"), unit=W) == []
    assert found(text.format("14"), "144000", "140000", unit=W)
    # the percentage of an amount of its own: the remainder is of the whole less the amounts
    text = "总经费200万元，省级补助120万元（60%），剩余由县级承担{}万元。"
    assert failures(text.format("80"), unit=W) == []
    assert found(text.format("90"), "800000", "900000", unit=W)


def test_an_amount_estimated_on_a_past_years_figures_is_this_years():
    text = "1.村医补助需86.4万元；2.诊疗费补助按2025年实际诊疗人次测算，约32万元；3.合计{}万元。"
    assert failures(text.format("118.4"), unit=W) == []
    assert found(text.format("128.4"), "1184000", "1284000", unit=W)
    text = "一、保洁费按去年实际支出测算，需15万元；二、垃圾清运费20万元；三、合计{}万元。"
    assert failures(text.format("35"), unit=W) == []
    assert found(text.format("25"), "350000", "250000", unit=W)


def test_a_payment_schedule_after_a_breakdown_is_of_the_whole_and_none_of_its_parts():
    text = "改造资金1,500万元，其中市级一般公共预算1,000万元，专项债券500万元；按工程进度，年中拨付40%，年底拨付剩余的{}万元。"
    assert failures(text.format("900"), unit=W, level="市") == []
    assert found(text.format("800"), "9000000", "8000000", unit=W, level="市")
    # a percentage of the whole that is one of its parts stays one
    text = "年度资金800万元，其中：产业类500万元；就业类200万元；管理费按2%即16万元；其他{}万元。"
    assert failures(text.format("84"), unit=W) == []


def test_an_amount_named_right_after_a_standard_is_a_standard_of_the_same_things():
    text = "村级网格员14名，每人每月补贴1,200元，话费补助100元，按12个月计，合计{}元。"
    assert failures(text.format("218,400")) == []
    assert found(text.format("281,400"), "218400", "281400")
    text = "引进紧缺专业教师6名。每人每年住房补贴18,000元，交通补贴2,400元。全年需{}万元。"
    assert failures(text.format("12.24"), unit=W) == []
    # a lump sum after a standard stays one when that is what the total makes
    text = "保洁员5名，每人每月工资2,000元，工具购置费3,000元，按12个月计算，合计{}元。"
    assert failures(text.format("123,000")) == []
    assert found(text.format("132,000"), "123000", "132000")


def test_a_working_in_brackets_after_a_standard_shows_how_the_standard_was_made():
    text = "开展消防演练18场，每场经费4,500元（30人×150元），共计{}元。"
    assert failures(text.format("81,000")) == []
    assert found(text.format("18,000"), "81000", "18000")
    text = "送戏下乡24场，每场补助0.8万元（演职人员16人×500元），全年{}万元。"
    assert failures(text.format("19.2"), unit=W) == []
    assert found(text.format("17.2"), "192000", "172000", unit=W)


def test_bare_numbers_times_a_percentage_are_in_the_results_unit():
    text = "年度经费260万元，市、区按4:6承担：市级260×40%={}万元；区级260×60%=156万元。"
    assert failures(text.format("104"), unit=W, level="区") == []
    assert found(text.format("114"), "1040000", "1140000", unit=W, level="区")


def test_the_period_a_list_names_alone_holds_for_each_of_its_items():
    text = ("公益岗位补贴：\n1. 公益岗位人员32人，补贴期限10个月；\n2. 公益岗位补贴1,800元/人·月，计576,000元；\n"
            "3. 公益岗位人员社保补贴600元/人·月，计{}元；\n4. 合计768,000元。")
    assert failures(text.format("192,000")) == []
    assert found(text.format("196,000"), "192000", "196000")


def test_a_total_after_a_numbered_list_is_of_each_items_own_figure():
    text = ("经费测算：\n1、城乡低保对象860人，每人每月保障金500元，全年5,160,000元。\n2、临时救助120户次，每户次1,500元，需180,000元。\n"
            "3、送温暖慰问费42,000元。\n全年资金需求{}元。")
    assert failures(text.format("5,382,000")) == []
    assert found(text.format("5,328,000"), "5382000", "5328000")
    text = ("1) 护林员24名，每人每年1.2万元，计28.8万元；\n2) 防火物资购置12.5万元；\n3) 瞭望塔维护6处，每处0.8万元，计4.8万元。\n"
            "上年实际支出40.6万元。本年以上合计{}万元。")
    assert failures(text.format("46.1"), unit=W) == []
    assert found(text.format("41.6"), "461000", "416000", unit=W)


def test_an_item_with_two_figures_of_its_own_is_not_read_as_one():
    text = ("1.开幕式3万元；\n2.文艺展演：舞台搭建2万元，演出补助20支×1,500元＝3万元；\n3.宣传印刷1.5万元。\n以上合计{}万元。")
    assert failures(text.format("9.5"), unit=W) == []
    assert found(text.format("7.5"), "95000", "75000", unit=W)


def test_each_levels_share_of_a_three_way_split_is_checked():
    text = "资金200万元，按省、市、县4:4:2分担，省级80万元，市级{}万元，县级40万元。"
    assert failures(text.format("80"), unit=W) == []
    assert found(text.format("70"), "800000", "700000", unit=W)
    # a split of what one amount leaves of another (both named before the split) still explains a share
    text = "总投资500万元，社会资本100万元，财政投入部分由市、县按4:6分担，县级{}万元。"
    assert failures(text.format("240"), unit=W) == []
    # a wrong share that a split of what another share leaves would make (200 − 100) × 50%: still reported
    text = "资金200万元，按省、市、县5:3:2分担，省级100万元，市级{}万元，县级40万元。"
    assert failures(text.format("60"), unit=W) == []
    assert found(text.format("50"), "600000", "500000", unit=W)


def test_a_base_named_at_the_start_of_an_earlier_clause():
    text = "一是设备费按采购合同计96万元；二是安装调试费4.2万元；三是监理费按设备费的2%计取，为{}元。"
    assert failures(text.format("19,200"), unit=W) == []
    assert found(text.format("12,900"), "19200", "12900", unit=W)


def test_a_total_that_counts_its_items_takes_that_many():
    text = "村内道路硬化46万元，排水沟渠12.5万元。公厕改造7.5万元，三项需{}万元。"
    assert failures(text.format("66"), unit=W) == []
    assert found(text.format("56"), "660000", "560000", unit=W)
    # an amount named only as the base of a percentage before them is none of the items counted
    text = "贷款余额约2,600万元，按年贴息3%测算需78万元；另有保险补助12万元、技术服务6万元。以上三项共需{}万元。"
    assert failures(text.format("96"), unit=W) == []
    assert found(text.format("86"), "960000", "860000", unit=W)
    # 两项补贴 is a name, no count of items
    text = "残疾人两项补贴：生活补贴96万元，护理补贴64万元，两项补贴资金共计{}万元。"
    assert failures(text.format("160"), unit=W) == []


def test_ling_xu_adds_an_item_no_total():
    text = "贷款余额约2,600万元，按年贴息3%测算需78万元；另需保险补助12万元、技术服务6万元。以上三项共需{}万元。"
    assert failures(text.format("96"), unit=W) == []
    assert found(text.format("86"), "960000", "860000", unit=W)


def test_yishang_yue_is_a_total_word():
    text = "路灯维护费12.6万元，绿化养护费8.4万元，保洁外包30万元。以上约{}万元（取整）。"
    assert failures(text.format("51"), unit=W) == []
    assert found(text.format("56"), "510000", "560000", unit=W)


def test_an_amount_below_the_standard_just_before_it_is_an_item_of_its_own():
    text = "便民服务站运转：12个社区每个社区18,000元，街道中心12,500元。以上共计{}万元。"
    assert failures(text.format("22.85"), unit=W) == []
    assert found(text.format("21.85"), "228500", "218500", unit=W)
    text = "便民服务：8个村每村32,500元，镇级服务中心21,400元。以上共计{}万元。"
    assert failures(text.format("28.14"), unit=W, level="镇") == []
    assert found(text.format("26.14"), "281400", "261400", unit=W, level="镇")


def test_the_base_of_a_percentage_is_no_figure_of_this_year():
    text = "代理服务费按当年补贴资金3,200,000元的2%计取，为64,000元。"
    assert _vs_amount(text, "64000", unit="元") == []
    assert _vs_amount(text, "46000", unit="元") != []


def test_an_earlier_batch_already_allocated_is_background():
    assert _vs_amount("前期已下达第2批资金40万元（文号〔2025〕11号）。", "65") == []
    assert _vs_amount("本年度下达资金40万元（文号〔2025〕11号）。", "65") != []


def test_a_count_after_things_named_before_ge_is_one_each():
    text = "文化活动：元宵、中秋各举办一次，每次8,500元，计{}元。"
    assert failures(text.format("17,000")) == []
    assert found(text.format("18,000"), "17000", "18000")
    text = "东村、西村、南村各聘请保洁员2名，每人每月1,600元，全年需{}元。"
    assert failures(text.format("115,200")) == []
    assert found(text.format("112,500"), "115200", "112500")
    # a standard for each of the things named: the count is per thing
    text = "采购投影仪、打印机各6台，单价分别为4,000元、1,500元，共需{}元。"
    assert failures(text.format("33,000")) == []
    assert found(text.format("66,000"), "33000", "66000")


def test_a_count_of_ge_is_not_of_the_thing_the_next_count_names():
    text = "辅警工资按每人每月6,000元测算，新设2个警务站10人。全年需{}万元。"
    assert failures(text.format("72"), unit=W) == []
    assert found(text.format("70"), "720000", "700000", unit=W)
    text = "辅警工资按每人每月6,000元测算，新设1个站10人。全年需{}万元。"
    assert failures(text.format("72"), unit=W) == []
    assert found(text.format("70"), "720000", "700000", unit=W)


def test_results_listed_with_fenbie_after_one_standard_over_a_run_of_counts():
    text = "城市低保对象1,250人、农村低保对象3,480人，均按每人每月60元提标，全年分别需900,000元和{}元。"
    assert failures(text.format("2,505,600")) == []
    assert found(text.format("2,550,600"), "2505600", "2550600")


def test_a_days_count_over_the_year_is_365_days():
    text = "餐厨垃圾日均收运32吨，收运处置费120元/吨，全年{}元。"
    assert failures(text.format("1,401,600")) == []
    assert found(text.format("1,410,600"), "1401600", "1410600")
    # the days counted another way: as the text counts them
    text = "污水日均处理1.2万吨，每吨处理费0.9元，全年按330天运行，需{}万元。"
    assert failures(text.format("356.4"), unit=W) == []


def test_results_listed_with_fenbie_in_the_sentence_after_the_products():
    text = "特困供养：集中供养42人，每人每月1,500元；分散供养128人，每人每月1,100元。全年所需分别为75.6万元和{}万元。"
    assert failures(text.format("168.96"), unit=W) == []
    assert found(text.format("186.96"), "1689600", "1869600", unit=W)
    assert _vs_amount(text.format("168.96"), "244.56") == []


def test_a_fee_on_its_base_with_no_total_the_amount_carries_both():
    text = "按工程款的2%计取监理费：工程款380万元，监理费7.6万元。"
    assert _vs_amount(text, "387.6") == []
    assert _vs_amount(text, "378.6") != []


def test_a_bracketed_whole_of_a_larger_project_is_an_aside():
    text = "本年度安排道路提升资金300万元（总投资2.4亿元的城乡融合示范区项目之一部分，省级补助40%）。"
    assert _vs_amount(text, "300") == []
    assert failures(text, unit=W) == []
    text = "需安排道路提升资金300万元（总投资2.4亿元的城乡融合示范区项目之一部分）。"
    assert _vs_amount(text, "300") == []
    assert _vs_amount(text, "280") != []


def test_a_whole_followed_by_its_allocation_is_the_whole():
    text = "社区治理经费180万元，具体分配如下：1、按户数分配50%，计90万元；2、余下90万元用于阵地建设。"
    assert _vs_amount(text, "180") == []


def test_a_numbered_list_with_a_background_item_and_parts_in_brackets():
    text = ("一、项目背景：为保障临聘人员待遇，特申请本项目。二、人员经费：医生4人，每人每月3000元；护士6人，每人每月2500元；"
            "小计324,000元（含医生144,000元、护士180,000元）。三、培训费12,000元。四、全年资金需求{}元。")
    assert failures(text.format("336,000")) == []
    assert found(text.format("363,000"), "336000", "363000")


def test_shares_listed_each_with_its_party_after_one_share_verb():
    text = "路灯电费共计480,000元。资金分担比例为省40%、市35%、县25%，县级应承担{}元。"
    assert failures(text.format("120,000")) == []
    assert found(text.format("102,000"), "120000", "102000")


def test_zong_jingfei_states_the_whole():
    text = "乡村规划编制总经费120万元，省级补助70万元。其余50万元由县级财政承担。"
    assert _vs_amount(text, "120") == []
    assert _vs_amount(text, "50") == []
    assert _vs_amount(text, "70") != []


def test_levels_of_autonomous_regions_leagues_and_banners_take_their_shares():
    # 自治区, 盟, 旗, 州 are levels as 省, 市, 县 are: a long party name before the percentage, and 盟 among the parties
    text = "牧区防疫经费共计300万元。资金分担比例为自治区50%、盟30%、旗20%，旗级应承担{}万元。"
    assert failures(text.format("60"), unit=W) == []
    assert found(text.format("70"), "600000", "700000", unit=W)
    text = "民族文化保护经费共计200万元。分担比例为自治区60%、州30%、县10%，县级承担{}万元。"
    assert failures(text.format("20"), unit=W) == []
    assert found(text.format("30"), "200000", "300000", unit=W)
    text = "草原防火经费80万元，由盟、旗两级按4:6分担，旗级承担{}万元。"
    assert failures(text.format("48"), unit=W) == []
    assert found(text.format("32"), "480000", "320000", unit=W)
