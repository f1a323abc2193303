"""Faults the corpora blind26 and blind28 showed (session 22), written again in wordings of our own, each once right
(nothing may be flagged) and once with one mistake (found):

- an item of a numbered 测算说明 whose amount is taken over from last year (3.物业费按上年实际…) is this year's item,
  one of the sum, not a reference left out of it;
- a bracket spreading a count over its places (12名（每社区1名）) restates that count, never the count of the
  standard after it;
- a standard written times a period per head (标准为工作年限×2,000元) with the period's mean named (平均工作年限3年)
  is the count × the standard × that mean;
- a standard per month alone (月均工资…) among counts of different things takes the one count of its sentence;
- written products followed by the figure that sums them (…3台×1.5万元、5台×0.8万元，即8.5万元) are not items beside
  that figure;
- standards per month with no period of their own take a span of months that opens the next sentence, before the
  total it states (…每人每月…。2025年9-12月，共需…);
- a level's stated part of a whole split by percentages named per level (按省四成、县六成分担，县级…) is the whole times
  that level's percentage."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose.reader import read


def _fails(text: str, unit: AmountUnit = AmountUnit.WAN_YUAN, level: str = "县"):
    read.cache_clear()
    return [(s.computed, s.stated) for s in read(text, level, (), unit).failures()]


def _item_taken_over(total: str) -> str:
    return ("福利院运行经费：1.护理员工资：15人×3,600元×12个月=648,000元；2.老人伙食：60人×20元×365天=438,000元；"
            f"3.物业费按上年实际96,000元；4.取暖费30,000元。合计{total}元。")


def test_a_numbered_item_taken_over_from_last_year_is_this_years_item():
    assert _fails(_item_taken_over("1,212,000"), AmountUnit.YUAN) == []
    assert (Decimal("1212000"), Decimal("1232000")) in _fails(_item_taken_over("1,232,000"), AmountUnit.YUAN)


def test_a_numbered_item_after_a_colon_taken_over_from_last_year_is_this_years_item():
    right = "机关运转经费测算：一、会议费：20次×每次4,000元=8万元；二、印刷费：按上年实际3.5万元；三、差旅费6万元。合计17.5万元。"
    assert _fails(right) == []
    wrong = right.replace("合计17.5万元", "合计14万元")
    assert (Decimal("175000"), Decimal("140000")) in [(round(c), s) for c, s in _fails(wrong)]


def test_last_years_figure_outside_a_numbered_item_stays_a_reference():
    text = "今年设服务点6个，每个4万元，共24万元。上年实际支出19万元，不计入本年。"
    assert _fails(text) == []


def _spread(total: str) -> str:
    return f"社区网格员12名（每社区1名），每人每月补助600元；网格长1名，每月补助1,000元。全年共计{total}万元。"


def test_a_bracket_spreading_a_count_restates_it():
    assert _fails(_spread("9.84")) == []
    assert (Decimal("98400.00"), Decimal("96400.00")) in _fails(_spread("9.64"))


def _per_head_period(amount: str) -> str:
    return f"见习补贴：预计吸纳高校毕业生80人，补贴标准为见习期限×1,500元，平均见习期限4个月，计{amount}万元。"


def _by_years(amount: str) -> str:
    return f"一次性退休慰问：退休人员40人，标准为工作年限×200元，平均工作年限30年，需{amount}万元。"


def test_a_standard_times_a_mean_period_per_head():
    assert _fails(_by_years("24")) == []
    assert _fails(_by_years("26")) != []


def test_a_standard_times_a_mean_period_in_months():
    assert _fails(_per_head_period("48")) == []
    assert _fails(_per_head_period("50")) != []


def _monthly_alone(year: str) -> str:
    return f"背街小巷保洁。今年新增小巷共14条，招用保洁员38名，月均工资3,200元，全年{year}元。"


def test_a_standard_per_month_alone_takes_the_count_of_its_sentence():
    assert _fails(_monthly_alone("1,459,200"), AmountUnit.YUAN) == []
    assert _fails(_monthly_alone("1,495,200"), AmountUnit.YUAN) != []


def _summed_after(total: str) -> str:
    return f"防汛仓库补充：冲锋舟2艘×4万元、抽水机6台×0.5万元，即11万元；另沙袋200袋×15元=3,000元。以上合计{total}元。"


def test_written_products_then_their_sum_are_not_items_beside_it():
    assert _fails(_summed_after("113,000"), AmountUnit.YUAN) == []
    assert (Decimal("113000.00"), Decimal("118000")) in _fails(_summed_after("118,000"), AmountUnit.YUAN)


def _span_after(total: str) -> str:
    return f"困境儿童生活补贴：重度困境儿童3人，每人每月1,200元；一般困境儿童5人，每人每月800元。2025年9-12月，共需{total}元。"


def test_a_span_opening_the_next_sentence_is_the_period_of_monthly_standards():
    assert _fails(_span_after("30,400"), AmountUnit.YUAN) == []
    assert (Decimal("30400.00"), Decimal("91200")) in _fails(_span_after("91,200"), AmountUnit.YUAN)


def _levels_percent(part: str) -> str:
    return f"村级组织运转经费共计860万元，按省四成、县六成分担，县级需安排{part}万元。"


def test_a_levels_part_takes_that_levels_percentage():
    assert _fails(_levels_percent("516")) == []
    assert (Decimal("5160000.00"), Decimal("5610000")) in _fails(_levels_percent("561"))
