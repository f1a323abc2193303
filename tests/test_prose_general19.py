"""Session 19's general fixes of the prose reader (misses on fresh prose), in wordings of our own (not the corpora's):
each cause found in blind20/blind21, written again differently, once right (nothing may be flagged) and once wrong
(the mistake found with both numbers)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def test_a_standard_per_the_thing_counted_not_its_measure_word():
    text = "全区设社区食堂12个，按每食堂每月运营补助3,000元，全年需{}万元。"
    assert failures(text.format("43.2"), level="区", unit=W) == []
    assert found(text.format("34.2"), "432000", "342000", level="区", unit=W)
    text = "养护院核定床位80张。护理补贴按每床每月150元计。全年需资金{}万元。"   # across sentences of one paragraph
    assert failures(text.format("14.4"), level="县", unit=W) == []
    assert found(text.format("14.1"), "144000", "141000", level="县", unit=W)
    text = "新建公共充电桩泊位60个，按每泊位2,500元给予一次性补助，计{}万元。"
    assert failures(text.format("15"), level="区", unit=W) == []
    assert found(text.format("16"), "150000", "160000", level="区", unit=W)


def test_a_count_per_the_thing_named_by_each_is_not_what_its_standard_is_per():
    # 每站2名: the 2 are per 站, not the 站 the standard is per
    text = "全县消防站9个，每站配备文员2名；运维经费每站每年8,000元，计{}元。"
    assert failures(text.format("72,000"), level="县") == []
    assert found(text.format("16,000"), "72000", "16000", level="县")


def test_a_count_written_in_wan_times_its_standard():
    text = "免费体检服务预计3.2万人次，按每人次45元结算，体检经费为{}万元。"
    assert failures(text.format("144"), level="县", unit=W) == []
    assert found(text.format("154"), "1440000", "1540000", level="县", unit=W)


def test_items_with_their_own_totals_before_a_grand_total():
    text = ("文化下乡：1.送戏下乡60场，每场4,500元，共270,000元；2.农家书屋补充图书35个，每个8,000元，共280,000元；"
            "3.流动展览80,000元。总计{}元")
    assert failures(text.format("630,000"), level="县") == []
    assert found(text.format("603,000"), "630000", "603000", level="县")
    assert failures(text.format("630,000") + "。", level="县") == []


def test_the_difference_after_a_fixed_part_is_the_whole_less_that_part():
    text = "辅警1,200人，人均年经费9万元，需10,800万元，省级按每人每年3万元定额补助3,600万元，差额{}万元由县级承担。"
    assert failures(text.format("7,200"), level="县", unit=W) == []
    assert found(text.format("7,400"), "72000000", "74000000", level="县", unit=W)
    text = "乡村医生补助全年需86.4万元；省级补助每人每月300元计21.6万元，差额县级承担{}万元。"
    assert failures(text.format("64.8"), level="县", unit=W) == []
    assert found(text.format("62.8"), "648000", "628000", level="县", unit=W)


def test_periods_that_are_halves_semesters_or_quarters_of_a_year():
    text = "困境儿童260人，每人每半年发放助学金300元，全年需{}元。"
    assert failures(text.format("156,000"), level="县") == []
    assert found(text.format("78,000"), "156000", "78000", level="县")
    text = "寄宿生1,500人，每生每学期补助250元，全年合计{}万元。"
    assert failures(text.format("75"), level="县", unit=W) == []
    assert found(text.format("37.5"), "750000", "375000", level="县", unit=W)


def test_a_percentage_of_a_price_named_in_an_earlier_clause():
    text = ("卫生院改扩建合同价3,200,000元，开工后预付20%即640000元；主体封顶后按合同价的40%支付进度款{}元；"
            "余款竣工后支付。")
    assert failures(text.format("1280000"), level="县") == []
    assert found(text.format("1200000"), "1280000", "1200000", level="县")


def test_results_listed_after_respectively_pair_with_their_products():
    text = "购置办公桌40张、办公椅90把，单价分别为1,200元、450元，分别需{}万元、4.05万元。"
    assert failures(text.format("4.8"), level="县", unit=W) == []
    assert found(text.format("4.2"), "48000", "42000", level="县", unit=W)


def test_a_pasted_table_with_a_numbering_column_and_its_subtotal_line():
    head = "编号|项目|数量|单价(元)|金额(元)\n1|路灯更换|140盏|2,300|{}\n2|护栏修补|860米|95|81,700\n"
    text = head + "|小计|||{}"
    assert failures(text.format("322,000", "403,700"), level="区") == []
    assert found(text.format("332,000", "413,700"), "322000", "332000", level="区")
