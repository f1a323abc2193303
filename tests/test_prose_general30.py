"""Round 30's general fixes of the prose reader's false alarms, in wordings of our own (not the corpora's): each
cause seen in blind43/blind44/blind46 written again differently, once right (nothing may be flagged) and, where the
fix could hide a mistake, once wrong (the mistake still found with both numbers)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found, vs_amount as _vs_amount

W = AmountUnit.WAN_YUAN


def test_a_whole_split_into_its_sources_is_the_forms_amount():
    text = "污水管网改造：总投资1,500万元，中央补助60%为900万元，其余县级配套600万元。"
    assert _vs_amount(text, "1500") == []
    assert _vs_amount(text, "600") == []
    assert _vs_amount(text, "900")          # another level's part in the amount is the mistake
    text = "乡村道路提质：项目概算860万元。资金来源：省级补助每公里50万元，计500万元；区级配套每公里20万元，计200万元；其余整合涉农资金160万元。"
    assert _vs_amount(text, "860", level="区") == []
    assert _vs_amount(text, "880", level="区")   # no figure of the text
    # parts that do not add up to it: the sources' mistake is still found
    text = "体育公园建设：总投资2,000万元，省级补助1,200万元，市级配套700万元。"
    assert found(text, "19000000", "20000000", level="市", unit=W)


def test_one_more_item_after_a_result_is_added_to_it():
    text = "村级防汛值守：全镇9个村，每村1人值守，每人每月600元，全年需64,800元。另购置救生衣等物资{}元。"
    assert _vs_amount(text.format("5,200"), "70000", level="镇", unit="元") == []
    assert _vs_amount(text.format("5,200"), "75000", level="镇", unit="元")
    text = "伤残军人12人，全年护理费共17.28万元；另中秋慰问每人800元，计0.96万元。"
    assert _vs_amount(text, "18.24") == []
    assert _vs_amount(text, "19.24")
    # a reference after 另 is no item of this year's
    text = "护林员10名，每人每月1,000元，需12万元。另上年结转资金3万元用于防火宣传。"
    assert _vs_amount(text, "15")


def test_the_next_numbered_item_is_no_part_of_an_earlier_items_whole():
    text = ("1.改造老旧小区12个，每个80万元，需960万元，其中省级补助600万元，区级配套360万元；"
            "2.设计及监理费按工程费的3%计取，即28.8万元；以上合计{}万元。")
    assert failures(text.format("988.8"), unit=W) == []
    assert found(text.format("998.8"), "9888000", "9988000", unit=W)
    text = ("（一）校舍维修：面积4,000平方米，每平方米500元，计200万元，其中中央补助150万元，县级配套50万元。"
            "（二）课桌椅更新：1,200套，每套400元，计48万元。两项共计{}万元。")
    assert failures(text.format("248"), unit=W) == []
    assert found(text.format("258"), "2480000", "2580000", unit=W)
    # the parts themselves still add up to their own whole only
    text = "1.设备购置：计120万元，其中省补助70万元，县级配套60万元；2.培训费5万元；合计125万元。"
    assert found(text, "1300000", "1200000", unit=W)


def test_results_per_class_then_their_total():
    text = ("残疾人护理补贴：一级重度240人，每人每月150元；二级重度310人，每人每月100元。"
            "一级全年{}元，二级全年372,000元，两项共{}元。")
    assert failures(text.format("432,000", "804,000")) == []
    assert found(text.format("432,000", "814,000"), "804000", "814000")
    assert failures(text.format("442,000", "814,000"))   # a class's own result wrong: still flagged


def test_a_subtotal_of_the_first_items_then_the_whole():
    text = ("社区服务站运行：1.保洁员6人，每人年补助2.4万元；2.办公设备5台×0.6万元；3.水电费3.5万元；4.宣传费1.5万元。"
            "人员及设备小计{}万元，全部合计{}万元。")
    assert failures(text.format("17.4", "22.4"), unit=W) == []
    assert failures(text.format("18.4", "22.4"), unit=W)   # a 小计 of no run of the items
    assert failures(text.format("17.4", "23.4"), unit=W)   # a wrong whole


def test_an_amount_less_what_is_taken_off_is_a_remainder():
    text = "采购救护车5辆，每辆60万元，计300万元，扣除省级补助每辆20万元共100万元后，需区级安排{}万元；另配套设备48万元。合计{}万元。"
    assert failures(text.format("200", "248"), unit=W, level="县") == []
    text = ("1.新能源环卫车采购10辆，单车价格按50万元测算，计500万元，扣除省级补助每辆15万元共150万元后，需本级安排{}万元；"
            "2.洗扫设备2套，每套24万元，计48万元。合计{}万元。")
    assert failures(text.format("350", "398"), unit=W) == []
    assert found(text.format("360", "408"), "3500000", "3600000", unit=W)
    text = "改造供水管网12公里，投资960万元，减去中央预算内投资480万元后，本级还需安排{}万元。"
    assert failures(text.format("480"), unit=W) == []


def test_a_standard_per_person_month_with_the_year_named_before_the_result():
    text = "孤寡老人集中供养对象15人。按供养标准每人·月900元计算，全年{}万元；另冬季取暖费每人500元，计0.75万元。"
    assert failures(text.format("16.2"), unit=W) == []
    assert failures(text.format("17.2"), unit=W)
    text = "村级护路员8名。护路补助每人·月600元，一年需{}元。"
    assert failures(text.format("57,600")) == []
    assert failures(text.format("56,600"))


def test_a_standards_parts_in_brackets_with_the_own_level_among_them_are_no_items():
    text = "全县5,000亩，每亩补助400元（其中中央300元，县级配套100元），共需{}万元。"
    assert failures(text.format("200"), unit=W) == []
    assert found(text.format("210"), "2000000", "2100000", unit=W)
    text = "全县5,000亩，每亩补助400元（其中中央300元，县级配套100元），县级需配套{}万元。"
    assert failures(text.format("50"), unit=W) == []
    assert found(text.format("55"), "500000", "550000", unit=W)
    text = "改造面积2万平方米，每平方米改造标准250元（其中省级补助150元，区级配套100元）。按此标准，共需资金{}万元。"
    assert failures(text.format("500"), unit=W) == []
    assert found(text.format("520"), "5000000", "5200000", unit=W)


def test_a_count_restated_with_gong_is_one_factor():
    text = "端午、中秋两节走访慰问，每人发放慰问金200元，共2次，重点优抚对象合计380人，计{}元。"
    assert failures(text.format("152,000")) == []
    assert failures(text.format("162,000"))   # (found, though with the product the reader took)
    text = "三季度巡查补助：每人每月400元，共3个月，巡查员合计25人，计{}元。"
    assert failures(text.format("30,000")) == []
    assert found(text.format("32,000"), "30000", "32000")


def test_a_note_after_the_list_working_out_two_items_restates_them():
    text = ("村卫生室运行经费：\n1、药品耗材：52,000元；\n2、水电费：9,600元；\n3、乡医培训：18,000元；\n4、村医补助：57,600元；\n"
            "5、健康档案维护：6,400元；\n其中：村医补助按12名村医、每人每月400元测算；乡医培训按30人次、每人次600元测算。\n合计{}元。")
    assert failures(text.format("143,600")) == []
    assert found(text.format("153,600"), "143600", "153600")


def test_a_share_of_the_items_a_sentence_names():
    text = ("1.河道保洁：年度合同价52万元；2.水质监测：监测点18个×每个每年1.5万元=27万元；3.宣传培训费6万元。以上合计85万元。"
            "其中第1、2项按市、县4:6分担，县级承担{}万元。")
    assert failures(text.format("47.4"), unit=W) == []
    assert failures(text.format("50"), unit=W)       # neither the items' share nor the whole's
    text = ("1.设备购置40万元；2.安装调试8万元；3.人员培训4万元；4.运维服务12万元。合计64万元。"
            "第1至3项由省级补助50%，计{}万元。")
    assert failures(text.format("26"), unit=W) == []


def test_a_years_even_part_of_a_whole_spread_over_its_years():
    text = "农村公路危桥改造资金4,800万元，分三年安排，每年1,600万元。"
    assert _vs_amount(text, "1600") == []
    assert _vs_amount(text, "1800")
    text = "生态补偿资金共900万元，分3年拨付，年均300万元。"
    assert _vs_amount(text, "300") == []
    assert _vs_amount(text, "450")   # no year's part of it


def test_an_approved_amount_of_what_the_text_leaves_out():
    text = ("村级活动场所改造：本年度改造4个村，每村预算25万元，合计{}万元。"
            "本项目不包括上年已实施的东岭村项目（已批复30万元）。")
    assert failures(text.format("100"), unit=W) == []
    assert found(text.format("110"), "1000000", "1100000", unit=W)
    assert _vs_amount(text.format("100"), "100") == []
    text = "测算需资金96万元，经财政评审核定为90万元。"
    assert failures(text, unit=W)   # (an approval of this text's own figure is still read)


def test_the_projects_own_part_of_a_fund_it_shares():
    text = "上级下达就业补助资金860万元，本项目使用其中的215万元用于公益性岗位补贴，剩余645万元用于职业培训。"
    assert _vs_amount(text, "215") == []
    assert _vs_amount(text, "645")   # another use of the fund
    text = "本项目总投资1,200万元，分两年实施，本年度安排600万元。"
    assert _vs_amount(text, "1200")   # (a whole of two years is still no year's figure)


def test_a_past_figure_of_the_project_backs_no_amount():
    text = "本项目上年支出300万元；今年改造8个村，每村50万元，需400万元。"
    assert _vs_amount(text, "300")
