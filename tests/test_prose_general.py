"""General faults of the prose reader found through the blind corpora, each pinned in wordings of its own
(a wrong sentence found with its numbers, a correct one left silent)."""

from __future__ import annotations

from jixiao_desktop.prose import lex
from tests.prose_cases import failures as _failures
from tests.prose_cases import found as _found


def test_a_latin_x_inside_words_is_no_multiplication():
    assert not any(t.kind == "op" for t in lex("依据（X政办〔2024〕5号）和XX县文件").tokens)
    assert [t.text for t in lex("20x300元").tokens if t.kind == "op"] == ["x"]
    text = "根据《关于下达资金的通知》（X农发〔2024〕21号），安排种植业项目资金600万元，养殖业项目资金400万元，以上合计1000万元。"
    assert _failures(text) == []
    assert _found(text.replace("1000万元", "1100万元"), "10000000", "11000000")


def test_according_to_local_conditions_is_no_reference_amount():
    text = "根据本镇实际，安排道路养护经费30万元，绿化管护经费20万元，合计50万元。"
    assert _failures(text) == []
    assert _found(text.replace("合计50万元", "合计55万元"), "500000", "550000")
    # a figure of last year's actual spending stays out of this year's sum
    assert _failures("上年实际支出45万元。今年安排道路养护经费30万元，绿化管护经费20万元，合计50万元。") == []


def test_a_yearly_amount_alone_is_the_years_amount():
    text = "机房运维：软件维保费每年30,000元；网络租赁费每月2,000元，全年24,000元；合计54,000元。"
    assert _failures(text) == []
    assert _found(text.replace("合计54,000元", "合计44,000元"), "54000", "44000")
    # and a split applies to it
    split = "数据库服务费每年24万元，市、县按1:3分担，县级承担18万元。"
    assert _failures(split) == []
    assert _found(split.replace("18万元", "16万元"), "180000", "160000")


def test_a_standard_per_a_word_not_read_as_a_measure_is_not_yearly():
    # 每席每年: per seat; with 席 a measure the 30 seats are counted, and nothing is taken for a yearly amount
    text = "热线外包：坐席20个，每席每年服务费5万元，计100万元。"
    assert _failures(text) == []
    assert _found(text.replace("计100万元", "计90万元"), "1000000", "900000")


def test_kwh_is_no_count_of_kw():
    text = "机房空调电费：总功率30千瓦，全天运行，电价0.8元/千瓦时，全年电费计210,240元。"
    assert _failures(text) == []


def test_a_year_restating_its_clause_does_not_take_the_clauses_before():
    text = "门卫经费：保安服务费每年36,000元；保洁人员2名，每人每月2,000元，全年48,000元；合计84,000元。"
    assert _failures(text) == []
    assert _found(text.replace("合计84,000元", "合计74,000元"), "84000", "74000")


def test_counts_one_count_is_per_go_with_it_to_every_standard():
    text = "督导检查：每轮按4人、3天安排，住宿费每人每天300元，伙食费每人每天100元，全年开展5轮，共需24,000元。"
    assert _failures(text) == []
    assert _found(text.replace("24,000元", "20,000元"), "24000", "20000")
    dose = "计划免疫：计划接种5,000人，每人接种2剂，疫苗单价按90元、接种服务费按10元/剂计，需资金100万元。"
    assert _failures(dose) == []


def test_a_standard_takes_the_count_named_alike():
    text = "全镇8个村，每村会计1名、协管员2名，会计每人每月1,500元，协管员每人每月1,000元，全年共需33.6万元。"
    assert _failures(text) == []   # 8×1×1500×12 + 8×2×1000×12, not the counts paired the other way
    assert _found(text.replace("33.6万元", "38.4万元"), "336000", "384000")


def test_a_result_after_an_earlier_result_in_its_sentence_covers_only_what_follows():
    text = "购置救护车4辆，每辆40万元，计160万元，市级补助每辆10万元计40万元，其余120万元由县级承担。"
    assert _failures(text) == []
    assert _found(text.replace("计40万元", "计50万元"), "400000", "500000")
    # 即 restating the result just before it still replaces it
    restated = "良种补贴面积3,000万亩，每亩10元，需30,000万元即3亿元；另500万亩，每亩10元，需5,000万元。两项合计3.5亿元。"
    assert _failures(restated) == []


def test_a_name_labels_the_first_amount_after_it():
    text = "第三方审计：审计单位30家，审计费合计60万元（每家2万元），另按审计费的5%计取复核费3万元。"
    assert _failures(text) == []
    assert _found(text.replace("复核费3万元", "复核费2万元"), "30000", "20000")


def test_level_percentages_over_the_whole_leave_the_last_party_the_rest():
    text = "松材线虫病防治：计80万元，省级补助70%，县级承担70%即24万元。"
    assert _found(text, "30", "70")
    assert _failures(text.replace("县级承担70%", "县级承担30%")) == []


def test_a_percentage_borne_by_no_level_before_the_rest_is_a_part():
    text = "冷链物流中心：总投资800万元，其中社会资本出资75%，其余由县财政补助200万元。"
    assert _failures(text) == []
    assert _found(text.replace("200万元", "250万元"), "2000000", "2500000")


def test_a_sentence_that_only_states_the_need_sums_the_open_items_before_it():
    text = "保洁服务：保洁员5名，每人每月2,200元；绿化工2名，每人每月2,500元。全年需资金19.2万元。"
    assert _failures(text) == []
    assert _found(text.replace("19.2万元", "18.2万元"), "192000", "182000")


def test_a_context_count_no_standard_is_per_is_left_out():
    context = (("数量指标", "检测样品数量", "500批次"), ("成本指标", "检测费标准", "300元/批次"),
               ("数量指标", "覆盖乡镇数", "12个"))
    assert _found("食品抽检经费全年安排12万元。", "150000.00", "120000", context=context)
    assert _failures("食品抽检经费全年安排15万元。", context=context) == []
