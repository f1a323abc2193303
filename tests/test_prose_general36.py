"""Round 36 of the prose reader, in wordings of our own: a sentence naming only its period as a count (全年按4个季度算,
250个工作日), parts in a bracket opened by 其中 after an amount, a limit (不超过…) no amount, a split after a whole stated
first with its breakdown, a count stated as the total over groups (2期，共培训120人), months named in a bracket after
the figure, a count's measure word no name of the next count (486户1,092人), one year paid of a contract's years,
a party named 县里/乡里, list numbers closed by ）, and a rate the things counted go by (按85%到位率)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found, vs_amount

W = AmountUnit.WAN_YUAN


def test_a_sentence_naming_only_its_period_as_a_count():
    text = "全镇留守儿童之家6个。每个每季度活动经费2,500元。全年按4个季度算，共{}元。"
    assert failures(text.format("60,000")) == []
    assert found(text.format("66,000"), "60000", "66000")
    text = "护河员35名。巡河补贴每人每天40元。全年按220个工作日计。合计{}元。"
    assert failures(text.format("308,000")) == []
    assert found(text.format("380,000"), "308000", "380000")
    text = "乡村少年宫辅导员12名，每人每学期补贴800元。一年两个学期，共{}万元。"
    assert failures(text.format("1.92"), unit=W) == []
    assert found(text.format("1.29"), "19200", "12900", unit=W)


def test_a_bare_total_after_one_sentence_of_two_standards_is_still_checked():
    # the first sentence read alone only before a sentence naming the period: a total of its own is of every standard
    text = "村级文化管理员11名，每人每月基本报酬1,200元、考核奖励200元。全年合计{}万元。"
    assert failures(text.format("18.48"), unit=W) == []
    assert found(text.format("15.84"), "184800", "158400", unit=W)


def test_parts_in_a_bracket_opened_by_qizhong_after_an_amount():
    text = "河道清淤42.5万元（其中机械清淤30万元、人工清淤12.5万元）；护坡修复18万元；水质监测3.5万元。合计{}万元。"
    assert failures(text.format("64"), unit=W) == []
    assert found(text.format("76.5"), "640000", "765000", unit=W)
    text = "教学设备购置260,000元(其中多媒体一体机180,000元，录播系统80,000元)，教师培训40,000元，共计{}元。"
    assert failures(text.format("300,000")) == []
    assert found(text.format("380,000"), "300000", "380000")


def test_a_limit_is_no_amount_of_the_texts():
    text = "数量指标：新建农家书屋8个；成本指标：书屋建设成本不超过{}万元；时效指标：年底前完工。"
    assert vs_amount(text.format("5"), "40") == []
    text = "产出指标：培训农村实用人才200人次；成本指标：培训成本控制在{}元以内。"
    assert vs_amount(text.format("300"), "60000", unit="元") == []
    # an amount stated as the text's own still is compared
    assert vs_amount("村卫生室改造12个，每个8万元，计96万元。", "69") != []


def test_a_split_after_a_whole_stated_first_with_its_breakdown():
    text = "村道维修工程共80万元：修补路面2.5公里，每公里按约24万元估算；排水沟另计。资金县、镇按7:3承担，县级56万元，镇级{}万元。"
    assert failures(text.format("24"), unit=W, level="镇") == []
    assert found(text.format("26"), "240000", "260000", unit=W, level="镇")


def test_a_count_stated_as_the_total_over_groups():
    text = "开展家政服务培训3期，共培训学员150人，每期5天。每人每天补助食宿费100元，计{}元。"
    assert failures(text.format("75,000")) == []
    assert failures(text.format("57,000")) != []
    # a count written per group is multiplied by the groups
    text = "开展家政服务培训3期，每期培训学员50人，每期5天。每人每天补助食宿费100元，计{}元。"
    assert failures(text.format("75,000")) == []
    assert found(text.format("57,000"), "75000", "57000")


def test_months_named_in_a_bracket_after_the_figure():
    text = "孤独症儿童康复救助。计划救助25名，康复补助标准每人每月1,800元。按实际月数据实结算，预计需{}万元（按9个月测算）。"
    assert failures(text.format("40.5"), unit=W) == []
    assert found(text.format("45"), "405000", "450000", unit=W)


def test_a_measure_word_is_no_name_of_the_next_count():
    text = "纳入低保对象312户648人；每户发放一次性生活补助500元，计{}元。"
    assert failures(text.format("156,000")) == []
    assert found(text.format("165,000"), "156000", "165000")
    # the thing's name before a count of another measure still names it
    text = "敬老院床位80张，每床每月运营补助300元，全年{}元。"
    assert failures(text.format("288,000")) == []
    assert found(text.format("282,000"), "288000", "282000")


def test_one_year_paid_of_a_contracts_years():
    text = "政务云租用：每年租用费18万元，合同期3年，本年度支付一年，即{}万元。"
    assert failures(text.format("18"), unit=W) == []
    assert found(text.format("16"), "180000", "160000", unit=W)
    text = "政务云租用：每年租用费18万元，合同期3年，共{}万元。"
    assert failures(text.format("54"), unit=W) == []
    assert found(text.format("45"), "540000", "450000", unit=W)


def test_a_party_named_xianli_or_xiangli():
    text = "农村公厕保洁费9万元，县、乡按2:1负担，县里承担6万元，乡里{}万元。"
    assert failures(text.format("3"), unit=W, level="乡") == []
    assert found(text.format("4"), "30000", "40000", unit=W, level="乡")


def test_a_list_number_closed_by_a_bracket():
    text = "社区助老服务：1）两个日间照料中心各补助8万元，共16万元；2）助老员培训30人，每人1,000元，计3万元；3）应急呼叫设备2.4万元。合计{}万元。"
    assert failures(text.format("21.4"), unit=W) == []
    assert found(text.format("24.1"), "214000", "241000", unit=W)


def test_a_rate_the_things_counted_go_by():
    text = "村级防汛信息员58名，每人每年补助2,000元，按90%在岗率测算，需{}元。"
    assert failures(text.format("104,400")) == []
    assert found(text.format("140,400"), "104400", "140400")
    text = "适龄女生1.2万人，按接种率60%、每人补助接种费30元测算，计{}万元。"
    assert failures(text.format("21.6"), unit=W) == []
    assert found(text.format("26.1"), "216000", "261000", unit=W)
    # a rate of an amount is a percentage of that amount, not of things counted
    text = "乡村振兴贷款余额2,400万元，按年贴息率3%测算，需贴息资金{}万元。"
    assert failures(text.format("72"), unit=W) == []
    assert found(text.format("27"), "720000", "270000", unit=W)
    # a target rate is no factor
    text = "参保群众3.5万人，参保率达到96%，每人补助20元，共{}万元。"
    assert failures(text.format("70"), unit=W) == []


def test_shares_in_the_ratio_of_a_whole_named_before_the_parts():
    text = ("村级活动场所改造：总投资240万元。主要内容：主体维修96万元，室外配套30.5万元。资金分担：按照省、市、县5:3:2比例，"
            "省级120万元、市级72万元、县级{}万元。")
    assert failures(text.format("48"), unit=W) == []
    assert failures(text.format("46"), unit=W) != []
    # shares written in the ratio's order but for the other parties are the mistake
    text = "智慧停车平台运维64万元，由市、区按3:5分担，区级承担{}万元，市级承担{}万元。"
    assert failures(text.format("40", "24"), unit=W, level="区") == []
    assert found(text.format("24", "40"), "400000", "240000", unit=W, level="区")
