"""General faults of the prose reader found through blind6.jsonl (free prose written blind; its first run:
86.3 % found, 18.75 % flagged), each pinned in wordings of its own: a wrong sentence found with its numbers, a
correct one left silent."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from tests.prose_cases import bottom as _bottom
from tests.prose_cases import failures as _failures
from tests.prose_cases import found as _found


def test_the_span_of_months_named_is_the_period_paid_over_the_months_counted():
    # the months counted disagree with the span the sentence names: the span's months are the right ones
    text = "聘用巡查员10人，自2025年6月起至12月底，每人每月1,000元，按5个月计算，需5万元。"
    assert _found(text, "70000", "50000")
    assert _failures(text.replace("按5个月计算，需5万元", "按7个月计算，需7万元")) == []
    assert _found("公益岗位8人，2025年3月至12月共9个月，每人每月1,500元，计10.8万元。", "120000", "108000")
    assert _failures("公益岗位8人，2025年3月至12月共10个月，每人每月1,500元，计12万元。") == []
    # a span into the next year
    cross = "顶岗教师6人，2025年10月至2026年3月，每人每月2,000元，按5个月计，需6万元。"
    assert _found(cross, "72000", "60000")
    assert _failures(cross.replace("按5个月计，需6万元", "按6个月计，需7.2万元")) == []
    # a span written with a dash, the months counted in Chinese numerals
    assert _found("保安3名，每人每月2,500元，2025年1-12月，按十个月计算，共7.5万元。", "90000", "75000")


def test_thresholds_and_classes_are_not_quantities():
    # 30亩以上: who qualifies, not a count of the calculation
    text = "家庭农场奖补：对流转土地30亩以上的家庭农场，按每亩80元奖补，预计奖补面积1.2万亩，需资金96万元。"
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _found(text.replace("需资金96万元", "需资金69万元"), "960000", "690000", unit=AmountUnit.WAN_YUAN)
    # 300元档次: a class of payers, not an amount
    classes = ("医保缴费资助：按300元档次参保的2,000人，每人资助60元；按500元及以上档次参保的1,000人，每人资助90元。"
               "共需资助资金21万元。")
    assert _failures(classes) == []
    assert _found(classes.replace("共需资助资金21万元", "共需资助资金24万元"), "210000", "240000")
    # 以上合计 after a count is still a total word
    assert _failures("购置桌椅120套，每套300元；书柜20个，每个500元。以上合计46,000元。") == []


def test_standards_listed_after_fenbie_pair_in_order_with_the_counts_listed_before():
    text = "驻村干部补助：第一书记5人、工作队员12人，分别按每人每月1,000元、600元补助，全年共计14.64万元。"
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _found(text.replace("14.64万元", "16.44万元"), "146400", "164400", unit=AmountUnit.WAN_YUAN)
    three = "奖励：一等奖3名、二等奖6名、三等奖10名，分别奖励每人5000元、3000元、1000元，合计4.3万元。"
    assert _failures(three) == []
    assert _found(three.replace("合计4.3万元", "合计4.6万元"), "43000", "46000")


def test_an_amount_named_after_a_standard_and_its_periods_states_its_product():
    text = "污水处理费：日均处理污水2,000吨，处理单价每吨1.5元，全年按365天，处理费109.5万元"
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _bottom(text, unit=AmountUnit.WAN_YUAN) == Decimal("1095000")
    assert _found(text.replace("109.5万元", "109.8万元"), "1095000", "1098000", unit=AmountUnit.WAN_YUAN)
    glued = "绿地养护：绿地面积50万平方米，按每平方米每年3元测算养护费用150万元；行道树2,000株，每株每年100元，计20万元。合计170万元。"
    assert _failures(glued, unit=AmountUnit.WAN_YUAN) == []
    assert _found(glued.replace("合计170万元", "合计190万元"), "1700000", "1900000", unit=AmountUnit.WAN_YUAN)
    # a count of the standard's own, then another item named: a new item even where its value is the product's
    item = "慰问困难群众每人500元，100人，福利院补助5万元，合计10万元。"
    assert _failures(item, unit=AmountUnit.WAN_YUAN) == []
    assert _found(item.replace("合计10万元", "合计5万元"), "100000", "50000", unit=AmountUnit.WAN_YUAN)


def test_a_bare_xu_after_a_standard_of_its_clause_states_that_clause_only():
    text = ("文化下乡：宣传展板制作30,000元；送戏下乡演出24场，每场5,000元，需120,000元；"
            "电影放映300场，每场200元，需60,000元。三项共需210,000元。")
    assert _failures(text) == []
    assert _found(text.replace("三项共需210,000元", "三项共需201,000元"), "210000", "201000")
    # 全年需 after clauses of items still sums them all
    whole = "一类公厕6座，每座每年8,000元；二类公厕15座，每座每年5,000元，全年需资金12.3万元。"
    assert _failures(whole, unit=AmountUnit.WAN_YUAN) == []


def test_a_standard_for_the_rest_is_per_the_whole_count_less_the_parts_named():
    text = "学生营养餐补助：在校学生2,000人，其中寄宿生600人按每人每天8元，其余按每人每天4元，全年按200天计，共需208万元。"
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _found(text.replace("共需208万元", "共需176万元"), "2080000", "1760000", unit=AmountUnit.WAN_YUAN)


def test_a_subtotal_inside_a_numbered_part_covers_that_part():
    text = ("社区服务中心运行经费（一）人员：社工4名，每人每月4,000元，全年192,000元；（二）公用：办公费每月2,000元，"
            "全年24,000元；水电费每月1,500元，全年18,000元，小计42,000元；（三）活动：开展活动20次，每次3,000元，"
            "计60,000元。以上合计294,000元。")
    assert _failures(text) == []
    assert _found(text.replace("小计42,000元", "小计44,000元"), "42000", "44000")
    assert _found(text.replace("以上合计294,000元", "以上合计249,000元"), "294000", "249000")
    # parts each of one item under a 小计 of them all stay summed together
    parts = "物资：（一）帐篷20顶×1,500元＝3万元；（二）折叠床100张×200元＝2万元；小计5万元。值班补助1万元。总计6万元。"
    assert _failures(parts, unit=AmountUnit.WAN_YUAN) == []


def test_a_total_paid_over_several_years_gives_this_years_amount():
    text = "引进人才生活补贴：引进人才8名，每人15万元，共120万元，分两年发放，2025年发放60万元。"
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _bottom(text, unit=AmountUnit.WAN_YUAN) == Decimal("600000")
    # one year only: the total is the year's amount
    assert _bottom("引进人才8名，每人15万元，共120万元。", unit=AmountUnit.WAN_YUAN) == Decimal("1200000")


def test_a_count_per_quarter_runs_the_four_quarters_of_the_year():
    text = "应急演练：每季度2次，每次8,000元，计64,000元。"
    assert _failures(text) == []
    assert _found(text.replace("计64,000元", "计16,000元"), "64000", "16000")


def test_a_price_per_kwh_with_nothing_counted_is_no_term_of_the_sum():
    text = "办公楼电费：用电设备功率合计80千瓦，每天运行8小时，电价0.7元/度，全年电费约16.35万元。"
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _bottom(text, unit=AmountUnit.WAN_YUAN) in (None, Decimal("163500"))   # never 0.7元 + the total


def test_qizhong_after_a_worked_out_result_lists_its_parts():
    text = "美丽庭院奖补：奖补农户200户，每户3,000元，计60万元，其中示范户50户，计15万元，余下45万元用于其他150户。"
    assert _failures(text, unit=AmountUnit.WAN_YUAN) == []
    assert _bottom(text, unit=AmountUnit.WAN_YUAN) == Decimal("600000")
    assert _found(text.replace("余下45万元", "余下40万元"), "450000", "400000", unit=AmountUnit.WAN_YUAN)
