"""Round 34 of the prose reader (missed mistakes), in wordings of our own: a standard per person-month (每人月工资),
a standard per thing with 月均/年均 before it, × chains whose value is stated by 得 / 为, 乘以后为 (no × of its own)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def test_a_wage_per_person_month_is_per_person_and_per_month():
    text = "社区食堂聘用厨师四名，每人月工资3200元，全年{}元。"
    assert failures(text.format("153,600")) == []
    assert found(text.format("135,600"), "153600", "135600")
    text = "村级文书5人，每人月补贴1,800元，按10个月计，需{}万元。"
    assert failures(text.format("9"), unit=W) == []
    assert found(text.format("9.8"), "90000", "98000", unit=W)
    # a count in 人月 of its own: the standard stays per 人月
    text = "外包服务共计96人月，每人月1.5万元，合计{}万元。"
    assert failures(text.format("144"), unit=W) == []
    assert found(text.format("134"), "1440000", "1340000", unit=W)


def test_a_monthly_average_per_person_takes_the_months():
    text = "道路养护工人58名，月均工资3,100元/人，全年12个月，需{}元。"
    assert failures(text.format("2,157,600")) == []
    assert found(text.format("2,175,600"), "2157600", "2175600")
    text = "网格员120名，月均补助1,200元/名，全年共{}万元。"
    assert failures(text.format("172.8"), unit=W) == []
    assert found(text.format("127.8"), "1728000", "1278000", unit=W)


def test_a_times_chain_stated_by_de_or_wei():
    text = "护林员15人乘以每月1,600元乘以12个月，得{}万元。"
    assert failures(text.format("28.8"), unit=W) == []
    assert found(text.format("26.8"), "288000", "268000", unit=W)
    text = "1.值班人员8人，每人每月2,500元，乘以12个月，为{}元；2.车辆油料费按月均1,500元乘以12个月测算，为18,000元；3.合计258,000元。"
    assert failures(text.format("240,000")) == []
    assert found(text.format("204,000"), "240000", "204000")
    text = "保洁员6名×每人每月2,000元×10个月，为{}元。"
    assert failures(text.format("120,000")) == []
    assert found(text.format("102,000"), "120000", "102000")


def test_multiplied_out_is_no_times_sign():
    text = "增殖放流鱼苗２８０万尾，每万尾１５０元，乘以后为{}元。"
    assert failures(text.format("４２，０００")) == []
    assert found(text.format("４８，０００"), "42000", "48000")
    text = "投放蟹苗60万只，每万只900元，两者相乘为{}元。"
    assert failures(text.format("54,000")) == []
    assert found(text.format("45,000"), "54000", "45000")


def test_a_standard_then_its_days_then_its_amount_after_jisuan():
    # 每人每天…，按…天计算，7.2万元: the product stated after the days, not an item beside it
    text = "检查站4个，每个值守3人，每人每天90元，按120天计算，{}万元；宣传费1万元。合计{}万元。"
    assert failures(text.format("12.96", "13.96"), unit=W) == []
    text = "值守点2个，每个2人，每人每天100元，按防火期90天计算，3.6万元；宣传费0.5万元。合计{}万元。"
    assert failures(text.format("4.1"), unit=W) == []
    assert found(text.format("4.5"), "41000", "45000", unit=W)


def test_a_sentence_naming_only_the_period_passes_the_counts_on():
    text = "拟聘请辅导员9人。服务时间为2025年3月至7月。每人每月2,600元，合计{}元。"
    assert failures(text.format("117,000")) == []
    assert found(text.format("140,400"), "117000", "140400")
    text = "招募季节性护林员25名。聘期4个月。每人每月1,800元，共需{}万元。"
    assert failures(text.format("18"), unit=W) == []
    assert found(text.format("16"), "180000", "160000", unit=W)
    # a sentence with an amount of its own between: the counts do not reach past it
    text = "拟聘请辅导员9人。培训费5,000元。每人每月2,600元，合计31,200元。"
    assert failures(text) == []


def test_a_bracketed_span_of_months_between_the_total_word_and_its_amount():
    text = "社区巡逻队员七人，每人每月2,300元，全年（1-12月）{}元。"
    assert failures(text.format("193,200")) == []
    assert found(text.format("139,200"), "193200", "139200")
    text = "河道保洁员12名，每人每月1,500元，下半年（7-12月）共计{}万元。"
    assert failures(text.format("10.8"), unit=W) == []
    assert found(text.format("18"), "108000", "180000", unit=W)


def test_dan_before_a_measure_word_is_per_that_thing():
    text = "新建灌溉机井24眼，单眼造价4.5万元，需{}万元。"
    assert failures(text.format("108"), unit=W) == []
    assert found(text.format("118"), "1080000", "1180000", unit=W)
    text = "更换太阳能路灯150盏，单盏造价2,800元，需{}元。"
    assert failures(text.format("420,000")) == []
    assert found(text.format("402,000"), "420000", "402000")
    # 单位 (an organisation) is no measure: nothing read, nothing raised
    assert failures("参与单位32家，单位补助标准未定，预算20万元。", unit=W) == []


def test_a_count_worked_out_as_a_percentage_of_another_is_the_one_paid_for():
    text = "辖区65岁以上老人8,400人，预计参检率按60%计5,040人。每人体检费80元，共需{}万元。"
    assert failures(text.format("40.32"), unit=W) == []
    assert found(text.format("67.2"), "403200", "672000", unit=W)
    text = "建档立卡学生2,150名，按在校率96%计约2,064名。每生每年资助500元，需{}元。"
    assert failures(text.format("1,032,000")) == []
    assert found(text.format("1,075,000"), "1032000", "1075000")


def test_terms_written_with_plus_then_a_sum_word():
    text = "村级活动场所维修：屋面防水9.6万元＋门窗更换3.2万元＋室内粉刷2.4万元，合计{}万元。"
    assert failures(text.format("15.2"), unit=W) == []
    assert found(text.format("16.2"), "152000", "162000", unit=W)
    text = "宣传资料印制18,000元+展板制作6,500元+场地布置4,200元，共计{}元。"
    assert failures(text.format("28,700")) == []
    assert found(text.format("27,800"), "28700", "27800")
    # another item open before the ＋ terms: the sum word may add it too, nothing is raised
    assert failures("培训费3万元；设备：甲设备8万元＋乙设备4万元，合计15万元。", unit=W) == []
