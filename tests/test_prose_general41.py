"""Round 43 of the prose reader, in wordings of our own: a product written with × is one term of a sum written with ＋
(and terms written with ＋ are items of the total word after them, unless they restate the products before them one each)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found, vs_amount

W = AmountUnit.WAN_YUAN


def test_a_product_is_one_term_of_a_sum_written_with_plus():
    text = "河道保洁：保洁员8人×2,000元×12个月+保洁船燃油费2.5万元，共{}万元。"
    assert failures(text.format("21.7"), unit=W) == []
    assert found(text.format("22.7"), "217000", "227000", unit=W)
    text = "看护人员工资6名×1,500元/月×10个月＋工具购置费12,000元＋意外保险3,600元，合计{}元。"
    assert failures(text.format("105,600")) == []
    assert found(text.format("106,500"), "105600", "106500")
    # with ＝ in place of the total word
    text = "宣传册印制3000册×4.5元＋展板制作20块×300元＝{}元。"
    assert failures(text.format("19,500")) == []
    assert found(text.format("18,500"), "19500", "18500")


def test_terms_written_with_plus_restating_products_are_not_added_again():
    text = ("体检补助：在岗环卫工人420人每人体检费260元，退休环卫工人180人每人体检费150元，"
            "需109,200元+27,000元，共计{}元。")
    assert failures(text.format("136,200")) == []
    assert found(text.format("163,200"), "136200", "163200")


def test_money_named_by_no_item_of_its_own_states_the_products_before():
    text = "为本镇135户分散供养特困人员发放冬季取暖补助，每户1,600元。补助资金{}万元，于11月底前发放到户。"
    assert failures(text.format("21.6"), unit=W) == []
    assert found(text.format("26.1"), "216000", "261000", unit=W)
    text = "聘用生态护林员24名，每人每月1,200元。项目资金{}万元。"
    assert failures(text.format("34.56"), unit=W) == []
    assert found(text.format("43.56"), "345600", "435600", unit=W)
    # an item of its own name is one more item, no statement of the products
    text = "聘用生态护林员24名，每人每月1,200元。另需巡护装备经费3万元，合计{}万元。"
    assert failures(text.format("37.56"), unit=W) == []


def test_each_and_the_name_of_a_thing_counted_before():
    text = "全镇共有村级文化活动室14个，为每个活动室更新图书，每室图书购置费2,500元，计{}元。"
    assert failures(text.format("35,000")) == []
    assert found(text.format("53,000"), "35000", "53000")
    text = "在8个短视频平台开展宣传，每平台推广费9,600元，合计{}万元。"
    assert failures(text.format("7.68"), unit=W) == []
    assert found(text.format("6.78"), "76800", "67800", unit=W)


def test_schools_counted_as_suo_xuexiao():
    text = "全县共有中小学31所学校，每校每学期开展消防演练1场，每场补助300元，全年两个学期，共需{}元。"
    assert failures(text.format("18,600")) == []
    assert found(text.format("16,800"), "18600", "16800")
    text = "全区有小学18所，每所学校配备校医室设备1套，每套1.2万元，计{}万元。"
    assert failures(text.format("21.6"), unit=W) == []
    assert found(text.format("12.6"), "216000", "126000", unit=W)


def test_a_count_per_person_and_month_brings_the_months():
    text = "全村分散供养五保对象23人，每人每月上门探访4次，每次误工补贴25元，全年需{}元。"
    assert failures(text.format("27,600")) == []
    assert found(text.format("26,700"), "27600", "26700")


def test_a_count_per_quarter_within_each_thing_counted():
    text = "全县布设水质监测断面9个，每个断面每季度采样3次，每次检测费400元，全年需{}元。"
    assert failures(text.format("43,200")) == []
    assert found(text.format("34,200"), "43200", "34200")


def test_the_things_name_right_after_the_counts_measure_word():
    text = "日间照料中心护理补贴：按60张床位、每床每日10元，全年365天，需{}元。"
    assert failures(text.format("219,000")) == []
    assert found(text.format("291,000"), "219000", "291000")
    # 1,304批次 is a count of 批次: 每批次 is per it, never per 次 of a count of 批
    text = "按常住人口每千人4批次，计划抽检1,304批次，每批次检验费1,100元，需{}万元。"
    assert failures(text.format("143.44"), unit=W) == []


def test_approximately_equal_sign_states_a_result():
    text = "养老床位护理补贴：每床每月92.5元，1,204张床位，12个月，92.5×1204×12≈{}万元。"
    assert failures(text.format("133.64"), unit=W) == []
    assert found(text.format("136.64"), "1336440", "1366400", unit=W)


def test_money_named_as_money_after_the_counts_of_a_standard():
    text = "为困难残疾人发放护理补贴，按每人每月80元，全镇312人，资金{}元。"
    assert failures(text.format("299,520")) == []
    assert found(text.format("292,520"), "299520", "292520")


def test_a_share_verb_between_a_percentage_and_its_amount():
    text = "县城燃气管网改造计划投资1.5亿元，中央按70%补助{}亿元，其余由县财政承担。"
    assert failures(text.format("1.05"), unit=W) == []
    assert found(text.format("1.15"), "105000000", "115000000", unit=W)


def test_parts_listed_after_of_which_opening_the_next_sentence():
    text = "2025年农村改厕补助资金318万元。其中中央补助204万元，县级配套{}万元。"
    assert failures(text.format("114"), unit=W) == []
    assert found(text.format("104"), "3080000", "3180000", unit=W)
    # a percentage after 其中 is no list of parts
    text = "2025年农村改厕补助资金318万元。其中中央补助比例为60%。"
    assert failures(text, unit=W) == []


def test_an_amount_converted_into_another_unit_restates_it():
    text = "学生意外伤害保险：每生每年60元，在校生23,500人，计1,410,000元，折合{}万元。"
    assert failures(text.format("141"), unit=W) == []
    assert found(text.format("114"), "1410000", "1140000", unit=W)
    # the restatement is no item of its own
    text = "设备购置费1,250,000元，折合125万元；安装调试费30万元，合计{}万元。"
    assert failures(text.format("155"), unit=W) == []
    assert found(text.format("165"), "1550000", "1650000", unit=W)


def test_the_rest_paid_by_a_party_of_a_ratio_split_is_its_share():
    text = "乡村医生培训经费共43.5万元，县、乡按7:3承担，县级承担30.45万元，其余由乡镇承担{}万元。"
    assert failures(text.format("13.05"), unit=W) == []
    assert found(text.format("15.03"), "130500", "150300", unit=W)


def test_payers_that_are_no_level_of_government():
    text = "乡镇卫生院发热门诊改造：总计需资金120万元，县财政、卫生院按8:2承担，卫生院自筹{}万元。"
    assert failures(text.format("24"), unit=W) == []
    assert found(text.format("42"), "240000", "420000", unit=W)
    text = "污水处理厂提标改造费用共计260万元，按1:1比例由县级财政和水务公司承担，县级财政承担{}万元。"
    assert failures(text.format("130"), unit=W) == []
    assert found(text.format("103"), "1300000", "1030000", unit=W)
    text = "城区集中供热管网维修148万元，由区财政和热力公司各承担一半。热力公司承担{}万元。"
    assert failures(text.format("74", ), unit=W, level="区") == []
    assert found(text.format("84"), "740000", "840000", unit=W, level="区")
    text = "农村户厕改造资金200万元，县财政和受益农户按8:2分担，农户自筹{}万元。"
    assert failures(text.format("40"), unit=W) == []
    assert found(text.format("60"), "400000", "600000", unit=W)


def test_things_listed_before_a_ratio_are_no_payers():
    # no name of a body among them: no split read, nothing claimed
    text = "设备购置及安装共100万元，设备、材料按7:3安排。"
    assert failures(text, unit=W) == []


def test_a_count_of_places_before_a_period_each_multiplies():
    text = "全县18个乡镇（街道）每月开展三次燃气安全巡查，每次补助200元，全年需{}元。"
    assert failures(text.format("129,600")) == []
    assert found(text.format("126,900"), "129600", "126900")


def test_each_and_a_name_before_a_count_in_characters():
    text = "2025年7月至12月，设置便民服务点15个，每点两人，每人每月补助500元，需{}万元。"
    assert failures(text.format("9"), unit=W) == []
    assert found(text.format("7.5"), "90000", "75000", unit=W)
    # 每三年一次: no 每 of a thing named 三年
    text = "消防设施每三年一次全面检测，本年度检测费3.2万元。"
    assert failures(text, unit=W) == []


def test_a_total_word_and_a_colon_opening_a_list_whose_total_follows():
    text = "村委会办公楼维修共需：屋面防水6.8万元、门窗更换4.5万元、水电改造3.2万元，共{}万元。"
    assert failures(text.format("14.5"), unit=W) == []
    assert found(text.format("15.4"), "145000", "154000", unit=W)
    # a total word and a colon before its own amount stays a total
    text = "项目资金合计：财政资金{}万元。"
    assert failures(text.format("50"), unit=W) == []


def test_gongfu_is_no_total_word():
    text = "共富工坊设备购置26.5万元。技能培训12万元。电商运营补贴8万元，三项总计{}万元。"
    assert failures(text.format("46.5"), unit=W) == []
    assert found(text.format("48.5"), "465000", "485000", unit=W)


def test_a_chain_no_amount_closed_is_an_item_before_the_next_one():
    text = "村级网格员8人×2,800元×12月，另加年终考核奖励每人3,000元，合计{}元。"
    assert failures(text.format("292,800")) == []
    assert found(text.format("298,200"), "292800", "298200")
    text = "保洁员5人×1,900元×12月，另需保洁工具购置费6,000元，合计{}元。"
    assert failures(text.format("120,000")) == []
    assert found(text.format("102,000"), "120000", "102000")
    # a party's part of the chain's product, per unit, is no more of it
    text = "送戏进社区36场×6,000元=21.6万元，其中市级按每场2,000元补助共7.2万元，区级承担{}万元。"
    assert failures(text.format("14.4"), unit=W, level="区") == []


def test_a_working_in_brackets_restates_a_part_after_of_which():
    text = "森林防火经费共计36万元，其中：护林员补贴24万元（100人×2,400元/人/年），物资购置7万元，宣传5万元。"
    assert failures(text, unit=W) == []
    text = "森林防火经费共计36万元，其中：护林员补贴24万元（100人×2,400元/人/年），物资购置7万元，宣传4万元。"
    assert found(text, "350000", "360000", unit=W)


def test_a_later_standard_with_no_count_is_per_the_count_an_earlier_one_used():
    text = "城区公厕86座，保洁费每座每月1,200元，全年1,238,400元；耗材按每座每年800元，共{}元。"
    assert failures(text.format("68,800")) == []
    assert found(text.format("86,800"), "68800", "86800")
    text = ("运动会参赛运动员1,500人次，每人次伙食补助30元，计45,000元；交通补助每人次8元，计{}元；"
            "裁判员10名，每名2,000元，计20,000元。")
    assert failures(text.format("12,000")) == []
    assert found(text.format("18,000"), "12000", "18000")
    # with the months the count's own standard was worked out over
    text = "1.见习岗位补贴：见习90人，见习期6个月，每人每月1,500元，计81万元；2.意外伤害保险每人每月10元，计{}万元。"
    assert failures(text.format("0.54"), unit=W) == []
    assert found(text.format("1.08"), "5400", "10800", unit=W)


def test_no_count_carried_where_it_is_not_clear_which():
    # two counts of people before: which one the last standard is per is not said
    text = ("敬老院运转：集中供养特困人员30人，护理人员5名，护理人员工资每人每月2,400元，全年14.4万元；"
            "院民伙食费每人每月500元，全年18万元；合计32.4万元。")
    assert failures(text, unit=W) == []
    # a group named of its own before 每
    text = "为60户发放过冬物资，每户200元，计1.2万元。慰问困难户每户500元，计1万元。"
    assert failures(text, unit=W) == []
    # a count per something is no count of all
    text = "全县隐患点40处，每处配备群测群防员1名，每人每年2,400元，共96,000元。汛期加密巡查补助每人每月200元，计32,000元。"
    assert failures(text) == []


def test_this_years_part_of_a_standard_over_years():
    text = "1.补植补造1,500亩，每亩苗木费400元，计60万元；2.抚育管护：三年管护，每亩每年60元，本年度计{}万元。"
    assert failures(text.format("9"), unit=W) == []
    assert found(text.format("19"), "90000", "190000", unit=W)
    # the years' whole stated first stays the years'
    text = "抚育管护面积2000亩，三年管护，每亩每年50元，三年共{}万元，本年度安排10万元。"
    assert failures(text.format("30"), unit=W) == []
    assert found(text.format("35"), "300000", "350000", unit=W)


def test_a_bare_whole_year_after_a_semicolon_states_the_clause_befores_product():
    text = "外聘炊事员2人，月工资3600元；全年{}元。误餐补贴按每人每年800元，共1,600元。"
    assert failures(text.format("86,400")) == []
    assert found(text.format("68,400"), "86400", "68400")


def test_a_date_is_no_month_of_a_standard():
    # 以1月底…为准 names a date: a yearly standard is not worked out over 12 months in any reading
    text = "为切实做好相关工作，特编制本测算。取暖补助：每户每年300元，补助对象1,850户（以1月底民政系统数据为准）。所需资金{}元。"
    assert found(text.format("585,000"), "555000", "585000")
    assert failures(text.format("555,000")) == []


def test_a_chain_from_a_standard_per_two_things_takes_the_count_of_the_one_it_lacks():
    text = "签约团队30个。①随访补助：每团队每日12元×220个工作日，计79,200元；②交通补助：每团队每日6元×220日，计{}元。"
    assert failures(text.format("39,600")) == []
    assert found(text.format("36,900"), "39600", "36900")


def test_what_is_left_of_a_whole_after_what_was_paid():
    text = "乡镇卫生院标准化建设总投资860万元，已拨付512万元，本年安排余下的{}万元。"
    assert failures(text.format("348"), unit=W) == []
    assert found(text.format("384"), "3480000", "3840000", unit=W)


def test_a_span_into_the_next_year_named_by_words():
    text = "半专业扑火队：队员16名，每人每月2,000元，防火期自当年11月至次年4月，需{}元。"
    assert failures(text.format("192,000")) == []
    assert found(text.format("160,000"), "192000", "160000")


def test_a_chains_months_against_the_span_a_clause_before_names():
    text = "1. 安置脱贫劳动力50人；2. 岗位补贴每人每月1,500元；3. 聘用期2025年4-12月；4. 补贴资金50×1,500×{}={}元。"
    assert failures(text.format("9", "675,000")) == []
    assert found(text.format("12", "900,000"), "675000", "900000")


def test_a_split_named_again_after_an_item_between():
    text = "协管员经费80万元，县、乡按7:3比例承担。一、协管员40人，每人每年20,000元；二、按比例县级56万元；三、乡级{}万元。"
    assert failures(text.format("24"), unit=W, level="乡") == []
    assert found(text.format("26"), "240000", "260000", unit=W, level="乡")


def test_the_parts_of_a_result_listed_in_the_next_sentence():
    text = "新建高标准农田2万亩，亩均3,000元，总投资6000万元。其中中央和省级资金4800万元，县级配套{}万元。"
    assert failures(text.format("1200"), unit=W) == []
    assert failures(text.format("1300"), unit=W) != []
    # shares after 其中 are read as shares, not parts to add
    text = "保费总额120万元。其中中央财政补贴50%，60万元；省级25%，30万元；县级5%，6万元；农户自缴20%，24万元。"
    assert failures(text, unit=W) == []


def test_a_standard_per_person_time_takes_people_and_times():
    text = "另聘请评审专家6名，每人次600元，全年评审3次，需{}元。"
    assert failures(text.format("10,800")) == []
    assert found(text.format("18,000"), "10800", "18000")
    text = "培训学员120人次，每人次150元，计{}元。"
    assert failures(text.format("18,000")) == []


def test_the_amount_left_after_a_percentage_cut():
    text = "申报资金2400万元。按预算编制要求，一般项目压减10%后安排{}万元。"
    assert failures(text.format("2160"), unit=W) == []
    assert found(text.format("2106"), "21600000", "21060000", unit=W)
    # a cut of an amount stays one taken off
    text = "办公经费50万元，年中调减5万元，调整后为{}万元。"
    assert failures(text.format("45"), unit=W) == []


def test_a_numbered_items_own_gong_after_items_each_with_its_result():
    text = ("1.人员：村干部120人。2.绩效奖励每人每年2000元，计240,000元。3.意外保险每人每年300元，计36,000元。"
            "4.培训：集中培训2期，共40,000元。5.工作经费14,000元。以上合计{}元。")
    assert failures(text.format("330,000")) == []
    assert found(text.format("303,000"), "330000", "303000")


def test_a_list_number_before_a_count_is_no_decimal_point():
    text = "工作经费测算如下：1.36个村级防疫点冷链运转，每点每年3,000元，计{}元；2.采样检测两批次，每批次10,000元，计20,000元。"
    assert failures(text.format("108,000")) == []
    assert found(text.format("118,000"), "108000", "118000")


def test_one_whole_broken_down_twice():
    text = ("全县衔接资金1.2亿元。其中：中央资金8,000万元，省级资金2,400万元，县级配套1,600万元。"
            "按用途分：产业发展7,200万元，基础设施3,600万元，其他{}万元。")
    assert failures(text.format("1,200"), unit=W) == []
    assert found(text.format("1,300"), "121000000", "120000000", unit=W)


def test_a_portion_of_the_amount_its_parts_are_of():
    text = "国道改扩建项目总投资3.2亿元，已完成1.9亿元。2025年安排8,000万元，其中县级配套2,000万元，占{}%。"
    assert failures(text.format("25"), unit=W) == []
    assert failures(text.format("30"), unit=W) != []


def test_parts_each_with_a_portion_summing_below_the_whole_are_some_of_it():
    text = "总投资2,000万元，其中中央补助1,200万元，占60%；县级{}万元，占20%。"
    assert failures(text.format("400"), unit=W) == []
    text = "总投资2,000万元，其中中央补助1,200万元，占60%；县级700万元，占40%。"
    assert failures(text, unit=W) != []


def test_a_projects_estimate_and_completed_investment_are_no_amounts_of_this_year():
    text = "前期已批复初设概算680万元，2024年完成投资410万元，本年安排剩余部分。"
    assert vs_amount(text, "270") == []
    text = "建设高标准农田2.5万亩，亩均投入不低于1500元，2024年批复概算3,860万元。"
    assert vs_amount(text, "1200") == []


def test_the_base_a_percentage_is_taken_off_with_what_is_left():
    text = "全年预计征收残保金2,360,000元，按3%提取工作经费70,800元，剩余2,289,200元用于残疾人就业。"
    assert vs_amount(text, "2360000", unit="元") == []
    assert vs_amount(text, "2400000", unit="元") != []


def test_a_yearly_result_written_per_year():
    text = "重度残疾人1,534人，每人每月80元，计{}万元/年。"
    assert failures(text.format("147.264"), unit=W) == []
    assert found(text.format("174.264"), "1472640", "1742640", unit=W)


def test_an_amount_whose_working_in_brackets_counts_things_is_no_standard():
    text = ("学前教育发展资金254万元，含普惠性民办园生均补助186万元（按1,550名幼儿×1,200元测算）、公办园保教费减免42万元、"
            "幼儿园教师培训{}万元。")
    assert failures(text.format("26"), unit=W, level="区") == []
    assert found(text.format("36"), "2640000", "2540000", unit=W, level="区")


def test_parts_after_han_end_with_their_sentence():
    text = "垃圾分类设施提升项目共需资金416万元，含设备购置312万元、安装及运输费104万元。资金来源为省级专项资金200万元、区级财政资金216万元。"
    assert failures(text, unit=W, level="区") == []
    text = "垃圾分类设施提升项目共需资金416万元，含设备购置312万元、安装及运输费114万元。资金来源为省级专项资金200万元、区级财政资金216万元。"
    assert found(text, "4260000", "4160000", unit=W, level="区")


def test_two_kinds_of_spending_are_no_factor_in_a_rereading():
    text = "为切实做好相关工作，特编制本测算。残疾人两项补贴年度动态调整后，受益2,187人，年人均1,350元。约需{}万元。"
    assert found(text.format("296"), "2952450", "2960000", unit=W)


def test_the_span_a_sentence_before_names_for_the_staff_it_hires():
    text = "乡就业服务站聘用五名专职人员，2025年4月至12月在岗。按每人每月2,200元，共需{}元。"
    assert failures(text.format("99,000")) == []
    assert found(text.format("132,000"), "99000", "132000")


def test_n_items_approximately_totalled():
    text = "1.送戏下乡120场×2,000元；2.广场舞展演12场×15,000元；3.图书补充50个×1,200元。三项约计{}万元。"
    assert failures(text.format("48"), unit=W) == []
    assert found(text.format("49.6"), "480000", "496000", unit=W)


def test_a_subtotal_word_and_a_colon_opening_a_list():
    text = "校舍维修小计：屋面16,500元、门窗6,200元、粉刷2,600元，小计{}元。"
    assert failures(text.format("25,300")) == []
    assert found(text.format("24,300"), "25300", "24300")


def test_an_amount_right_after_the_count_of_a_standard():
    text = "执法人员人均培训费3,500元，64人约{}万元。"
    assert failures(text.format("22.4"), unit=W) == []
    assert found(text.format("24.2"), "224000", "242000", unit=W)


def test_a_bracketed_working_of_an_amount_that_does_not_come_to_it():
    text = "学前教育资金含普惠性民办园生均补助{}万元（按1,200名幼儿×1,000元测算）、公办园保教费减免36万元。"
    assert failures(text.format("120"), unit=W, level="区") == []
    assert found(text.format("102"), "1200000", "1020000", unit=W, level="区")


def test_an_amount_and_a_count_worked_out_together():
    text = "小学按600元、2,800人计算为1,680,000元。初中按750元、1,200人计算为900,000元。以上合计{}元。"
    assert failures(text.format("2,580,000")) == []
    assert found(text.format("2,850,000"), "2580000", "2850000")


def test_a_fee_on_a_base_worked_out_as_a_product():
    text = "孕前优生健康检查1,200对，每对240元，检查费288,000元；管理费按5%计，14,400元。"
    assert vs_amount(text, "302400", unit="元") == []
    assert vs_amount(text, "320400", unit="元") != []


def test_items_each_worked_out_with_a_percentage_among_them_and_no_total():
    text = "1.村级妇女儿童之家运行经费：40个×2,000元=8万元。2.创业贷款贴息：贷款规模2,000万元，按年贴息率3%，需60万元。"
    assert vs_amount(text, "68") == []
    assert vs_amount(text, "86") != []
