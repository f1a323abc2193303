"""Session 17's general fixes of the prose reader (misses), in wordings of our own (not the corpora's): each cause
found in blind19/blind18/blind17/blind16/blind11, written again differently, once right (nothing may be flagged)
and once wrong (the mistake found with both numbers)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def test_what_is_left_after_a_listed_part_is_split_by_a_ratio():
    text = "污水管网改造总投资3,000万元，其中申请省级专项资金1,200万元，其余由市、县按3:7分担，市级{}万元，县级1,260万元。"
    assert failures(text.format("540"), level="县", unit=W) == []        # (3000−1200)×30%
    assert found(text.format("450"), "5400000", "4500000", level="县", unit=W)
    text = "农贸市场提升工程需资金500万元，争取上级补助200万元，剩余资金由区、街道按6:4负担，街道负担{}万元。"
    assert failures(text.format("120"), level="乡", unit=W) == []
    assert found(text.format("180"), "1200000", "1800000", level="乡", unit=W)


def test_what_is_left_borne_by_one_party_at_a_percentage_or_whole():
    text = "河道整治需投资1.5亿元，其中中央水利资金6,000万元，剩余部分由市级承担30%，即{}万元，区级承担70%。"
    assert failures(text.format("2,700"), level="市", unit=W) == []
    assert found(text.format("2,900"), "27000000", "29000000", level="市", unit=W)
    text = "文化站改造批复概算300万元，已下达省级补助120万元，剩余部分由区财政兜底，需区级资金{}万元。"
    assert failures(text.format("180"), level="县", unit=W) == []
    assert found(text.format("160"), "1800000", "1600000", level="县", unit=W)


def test_a_stated_remainder_is_the_whole_of_its_split():
    text = "渔业保险保费共2,000万元，补贴比例70%，扣除中央、省级承担部分后剩余600万元由市、县按2:3分担，县级承担{}万元。"
    assert failures(text.format("360"), level="县", unit=W) == []
    assert found(text.format("330"), "3600000", "3300000", level="县", unit=W)


def test_a_percentage_taken_off_before_the_rest_is_shared():
    text = "本年安排第一期的900万元，这笔钱省级补助30%，剩下的由市、区按1:2承担，区级需安排{}万元。"
    assert failures(text.format("420"), level="县", unit=W) == []         # 900×70%×2/3
    assert found(text.format("450"), "4200000", "4500000", level="县", unit=W)
    text = "扶贫资金2,000万元，先预留5%作为项目管理费，余下部分全部分配到乡镇，分配到乡镇的资金为{}万元。"
    assert failures(text.format("1,900"), level="县", unit=W) == []
    assert found(text.format("1,950"), "19000000", "19500000", level="县", unit=W)


def test_a_part_funded_by_government_after_private_capital():
    text = "冷库建设总投资900万元，企业自有资金300万元，政府投入部分由市、县按1:2承担，市级{}万元。"
    assert failures(text.format("200"), level="市", unit=W) == []
    assert found(text.format("300"), "2000000", "3000000", level="市", unit=W)


def test_a_share_of_a_share():
    text = "学生营养餐补助合计400万元，按中央与地方8:2分担，地方部分由市、县按1:3承担，县级负担{}万元。"
    assert failures(text.format("60"), level="县", unit=W) == []           # 400×20%×75%
    assert found(text.format("80"), "600000", "800000", level="县", unit=W)


def test_a_split_of_a_percentage_of_a_base():
    text = "上级下达就业补助资金2,400万元，市级按上级资金的20%配套，配套资金由市、区按3:7分担，市本级承担{}万元。"
    assert failures(text.format("144"), level="市", unit=W) == []          # 2400×20%×30%
    assert found(text.format("240"), "1440000", "2400000", level="市", unit=W)


def test_a_percentage_restated_as_an_amount_is_no_second_part():
    text = "社区服务站经费200万元，省补助20%即40万元，其余由市、区按1:1承担，区级承担{}万元。"
    assert failures(text.format("80"), level="县", unit=W) == []
    assert found(text.format("90"), "800000", "900000", level="县", unit=W)
    text = "校园安防项目资金500万元，省级补助40%，市级补助20%，其余由县级承担，县级承担{}万元。"
    assert failures(text.format("200"), level="县", unit=W) == []
    assert found(text.format("150"), "2000000", "1500000", level="县", unit=W)


def test_what_is_not_such_a_split_is_left_to_the_walk():
    # a product before 其余: the parts are not plain amounts (nothing read here, nothing flagged)
    text = "应急物资储备共需80万元，其中：帐篷100顶，每顶3,000元；其余为照明设备采购费用50万元。"
    assert failures(text, level="县", unit=W) == []


def test_an_amount_after_its_working_and_ji_with_a_comma():
    text = "另聘请专家论证，按每人次1,500元、预计40人次计，{}万元。"
    assert failures(text.format("6"), level="县", unit=W) == []
    assert found(text.format("5"), "60000", "50000", level="县", unit=W)


def test_an_average_per_household_is_per_enterprise_too():
    text = "小微企业吸纳就业补贴，预计补贴企业215家，户均补贴1.2万元，需{}万元。"
    assert failures(text.format("258"), level="县", unit=W) == []
    assert found(text.format("268"), "2580000", "2680000", level="县", unit=W)


def test_standards_in_one_sentence_their_counts_in_the_next():
    text = "城镇低保对象每人每月700元，农村低保对象每人每月500元。现有城镇对象120人、农村对象340人，全年需资金{}万元。"
    assert failures(text.format("304.8"), level="县", unit=W) == []     # (120×700 + 340×500)×12
    assert found(text.format("314.8"), "3048000", "3148000", level="县", unit=W)
    text = "脱贫户每户每年补助800元、监测户每户每年补助600元。今年脱贫户1,200户、监测户300户，需安排{}万元。"
    assert failures(text.format("114"), level="县", unit=W) == []
    assert found(text.format("118"), "1140000", "1180000", level="县", unit=W)


def test_counts_then_respective_standards():
    text = "中职资助：农村学生3,200人，城市困难学生2,900人，补助标准分别为每生每年1,500元、1,200元，测算资金{}万元。"
    assert failures(text.format("828"), level="县", unit=W) == []       # 3200×1500 + 2900×1200
    assert found(text.format("838"), "8280000", "8380000", level="县", unit=W)


def test_counts_and_standards_apart_left_alone_when_they_do_not_pair():
    # three counts, two standards: not read (nothing flagged)
    text = "城镇对象每人每月700元，农村对象每人每月500元。现有对象120人、340人、55人，全年需资金999万元。"
    assert failures(text, level="县", unit=W) == []
    # a monthly standard with no year named: which months is not known
    text = "护理员每人每月2,000元，保洁员每人每月1,500元。现有护理员10人、保洁员8人，需资金9万元。"
    assert failures(text, level="县", unit=W) == []
