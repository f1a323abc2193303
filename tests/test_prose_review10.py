"""Review 10 of round 35–37's prose readings, in wordings of our own: the mistakes and false alarms a clerk would meet
where those readings fell short."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def test_a_count_after_things_named_before_ge_left_single_is_a_mistake():
    # the re-reading of a failing product took the count as written (one place's) and explained the mistake away
    text = "甲村、乙村各配备保洁员3名，每人每月1,500元，全年{}元。"
    assert failures(text.format("108,000")) == []
    assert found(text.format("54,000"), "108000", "54000")
    text = "城区、乡镇各安排培训2期，每期培训费8,000元，共{}元。"
    assert failures(text.format("32,000")) == []
    assert found(text.format("16,000"), "32000", "16000")
    text = "县医院、中医院各选派医生2名，每人每月补助3,000元，按6个月计，共{}元。"
    assert failures(text.format("72,000")) == []
    assert found(text.format("36,000"), "72000", "36000")
    text = "清明、国庆各开展一次宣传活动，每次3,000元，计{}元。"
    assert failures(text.format("6,000")) == []
    assert found(text.format("3,000"), "6000", "3000")
    # no names before 各: the count is as written
    assert failures("各村配备保洁员3名，每人每月1,500元，全年54,000元。") == []


def test_a_warranty_or_probation_period_is_no_period_paid():
    # period_named_before reached a list item naming 质保期 and took its months for a monthly wage two items on
    text = "1.质保期6个月；\n2.设备款10万元；\n3.运维人员2人，每人每月3,000元，计{}元。"
    assert failures(text.format("72,000")) == []
    assert found(text.format("70,000"), "72000", "70000")
    assert failures("试用期3个月；\n保洁员5人，工资2,000元/人·月，计120,000元。") == []
    # a period the pay runs over still holds for the items after it
    text = "就业见习补贴：\n1.见习人员20人，见习期6个月；\n2.生活补贴1,500元/人·月，计{}元；\n3.合计{}元。"
    assert failures(text.format("180,000", "180,000")) == []
    assert found(text.format("360,000", "360,000"), "180000", "360000")


def test_a_count_after_ge_as_the_texts_last_token_is_read():
    # _one_standard_after read its loop variable after a loop that never ran: UnboundLocalError
    assert failures("开展文化活动经费3万元，元宵、中秋各举办1次", unit=W) == []
    assert failures("元宵、中秋各举办1次") == []


def test_months_beyond_the_digits_a_form_holds_are_no_period():
    # the months a sentence names were read with no digit limit: 20名×5420元×(21 nines) overflowed the rounding
    for text in ("20名每人月5420元999999999999999999999个月", "保洁员20名，每人每月5,420元，按999999999999999999999个月计。"):
        failures(text)
        failures(text, unit=W)


def test_list_numbers_returns_its_own_texts_numbers_when_another_thread_swaps_the_cache():
    # _list_numbers stored its numbers in the module's one-text cache and returned the cache's numbers: a reader in
    # another thread that swapped the cache in between got that thread's text's list numbers. The swap is made here at
    # the function's last line (a trace function standing in for the other thread).
    import sys
    from jixiao_desktop.prose import numbered

    mine = "前言。\n1.甲10元；\n2.乙20元；\n3.丙30元。"
    other = "说明：\n1、丁5元；2、戊6元。"
    code = numbered._list_numbers.__code__
    last_line = max(line for _, _, line in code.co_lines() if line is not None)
    swapped = []

    def trace(frame, event, arg):
        if frame.f_code is not code:
            return None
        if event == "line" and frame.f_lineno == last_line and frame.f_locals.get("text") is not other and not swapped:
            swapped.append(True)
            numbered._list_numbers(other)
        return trace

    old = sys.gettrace()
    sys.settrace(trace)
    try:
        starts = numbered._list_numbers(mine + "")[0]
    finally:
        sys.settrace(old)
    assert swapped
    assert [mine[s] for s in starts] == ["1", "2", "3"]


def test_a_remainder_after_several_bare_percentages_is_the_whole_less_all_of_them():
    # rest_after_percent took only the last percentage: 500万元减去5%为475万元 against a right 125
    text = "工程款500万元，完工拨付70%，质保金5%，剩余{}万元审计后拨付。"
    assert failures(text.format("125"), unit=W) == []
    assert found(text.format("150"), "1250000", "1500000", unit=W)
    text = "设备采购款120万元，签订合同后预付30%，余款{}万元验收后支付。"
    assert failures(text.format("84"), unit=W) == []
    assert found(text.format("80"), "840000", "800000", unit=W)


def test_an_earlier_batch_totalled_in_its_sentence_is_one_of_the_totals_items():
    # 前期已下达 read as background made the sentence's total unchecked: 20 + 30 against a stated 40 passed
    text = "前期已下达资金20万元，本次下达30万元，合计{}万元。"
    assert failures(text.format("50"), unit=W) == []
    assert found(text.format("40"), "500000", "400000", unit=W)
    text = "前期已下达第1批资金20万元，本次下达第2批资金30万元，两批合计{}万元。"
    assert failures(text.format("50"), unit=W) == []
    assert found(text.format("40"), "500000", "400000", unit=W)


def test_a_cost_of_the_whole_after_a_standard_is_no_standard_beside_it():
    # standards_side_by_side read 培训费 / 工具购置费 after a monthly standard as a standard of each person each month
    text = "村级网格员10名，每人每月补贴1,000元，培训费500元，按12个月计，合计{}元。"
    assert failures(text.format("120,500")) == []
    assert found(text.format("180,000"), "120500", "180000")
    text = "保洁员5名，每人每月工资2,000元，工具购置费300元，按12个月计算，合计{}元。"
    assert failures(text.format("120,300")) == []
    assert found(text.format("138,000"), "120300", "138000")
    # an allowance beside a standard still is one
    text = "驻村干部6名，每人每月生活补助800元，通讯补助100元，按12个月计，合计{}元。"
    assert failures(text.format("64,800")) == []


def test_a_total_of_the_first_items_it_counts_is_of_those():
    # counted_items took the last that many items for 前两项 (the first two): 7 + 6 against a right 52
    text = "道路40万元，排水12万元，公厕7万元，路灯6万元，其中前两项需{}万元。"
    assert failures(text.format("52"), unit=W) == []
    assert found(text.format("50"), "520000", "500000", unit=W)
    text = "村内道路硬化46万元，排水沟渠12.5万元。公厕改造7.5万元，三项需{}万元。"
    assert failures(text.format("66"), unit=W) == []


def test_a_breakdown_after_a_bracketed_aside_is_checked():
    # a closed bracket between a total and its ，其中… (an aside, a document number) left the parts unchecked
    for aside in ("（总投资1.2亿元项目的一部分）", "（文号〔2025〕11号）", "（较上年增加20万元）"):
        text = "本年度安排资金300万元" + aside + "，其中省级补助120万元，县级配套{}万元。"
        assert failures(text.format("180"), unit=W) == []
        assert found(text.format("160"), "2800000", "3000000", unit=W)
    # parts named in the bracket are none of the breakdown's
    assert failures("总投资500万元（含设备费100万元），其中省级300万元，县级200万元。", unit=W) == []
    assert failures("总投资500万元（其中设备100万元），其中省级300万元，县级200万元。", unit=W) == []


def test_a_total_over_two_terms_sharing_a_start_is_read():
    # two of a total's terms starting at one place (a percentage's base and its × chain) deleted one this-year entry
    # twice: KeyError
    for text in ("当年5元的1%×1e5元元\n以上约0元", "当年5元的1%×1e5元元\n以上合计0元"):
        failures(text)
        failures(text, unit=W)
