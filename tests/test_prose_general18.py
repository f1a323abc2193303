"""Session 18's structural safeguards against false alarms (blind20/blind21), in wordings of our own: a figure
counted twice is never the clerk's mistake, the form's amount agrees with a whole the text states, an average is
checked only against its own whole, a count's part in brackets is no factor, and a reading that contradicts the
written working says nothing. Each once right (nothing flagged) and once wrong (the mistake found with both
numbers, or the amount still flagged)."""

from __future__ import annotations

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose.corpus import evaluate_entry
from tests.prose_cases import failures, found

W = AmountUnit.WAN_YUAN


def _flagged(text: str, amount: str, unit: str = "万元", level: str = "县") -> list:
    """Everything the corpus runner reports for ``text`` beside a form whose amount field holds ``amount``."""
    entry = {"text": text, "correct": True, "amount": amount, "unit": unit, "level": level}
    return list(evaluate_entry(entry).findings)


# -- 1. a double count is never a mistake ----------------------------------------------------------------
def test_written_results_beside_their_workings_are_not_counted_again():
    text = ("村级公益岗位补贴：甲类岗位120人，每人每月600元；乙类岗位80人，每人每月450元。\n"
            "计算：120×600×12=864000元；80×450×12=432000元\n合计：{}元")
    assert failures(text.format("1296000")) == []
    assert found(text.format("1269000"), "1296000", "1269000")


def test_a_bracketed_working_and_its_result_are_one_item():
    text = ("残疾人两项补贴：生活补贴每人每月90元，共2,300人，计算2300×90×12=2,484,000元，护理补贴(600×100+450×60)×12"
            "=1,044,000元。合计{}元。")
    assert failures(text.format("3528000")) == []
    assert found(text.format("3582000"), "3528000", "3582000")


def test_a_count_worked_out_and_a_standard_restated_by_its_parts_are_no_items():
    text = ("中职学生资助按在校生的20%资助，全县中职在校生2,835人，资助567人（2835×20%=567），年生均资助2,500元，"
            "分春秋两季发放，每季1,250元，需资金{}元。")
    assert failures(text.format("1417500")) == []
    assert found(text.format("1407500"), "1417500", "1407500")


def test_a_stated_total_read_as_one_more_item_counts_it_twice():
    text = "厕所改造：A类56户，每户补助0.8万元；B类24户，每户补助1.2万元。共80户，资金73.6万元。"
    assert _flagged(text, "73.6") == []
    assert _flagged(text, "74.6")   # (the form's amount is not the text's total)


def test_the_base_of_staged_payments_is_no_item_of_this_years_sum():
    text = ("泵站改造合同金额800万元，今年按进度支付：预付款20%计160万元，进度款付至合同价的60%，本年进度款320万元，"
            "合计{}万元；尾款待验收后支付。")
    assert failures(text.format("480"), unit=W) == []
    assert failures(text.format("500"), unit=W)   # (without the base the sum still fails: reported)


def test_a_product_of_its_own_clause_after_a_part_is_that_clauses_result():
    text = "法律援助经费安排90万元，市级定额补助30万元，其余按每件1,500元、年均400件测算需{}万元。"
    assert failures(text.format("60"), unit=W) == []
    assert failures(text.format("65"), unit=W)


# -- 2. the amount field and a whole the text states ------------------------------------------------------
def test_the_amount_agrees_with_a_whole_the_text_states():
    text = "教育帮扶资金共计2,000万元，安排情况：1.控辍保学类项目12个，1,200万元，占60%；2.营养改善项目5个，500万元；3.其他300万元。"
    assert _flagged(text, "2000") == []
    assert _flagged(text, "2100")
    text = "光伏扶贫电站：在4个村各建设一座电站，每座投资60万元，共240万元，发电收益按投资额的8%计，年收益19.2万元。"
    assert _flagged(text, "240") == []
    assert _flagged(text, "260")


def test_the_whole_or_the_own_level_part_in_the_amount_agrees_and_a_third_number_does_not():
    """The form's annual total carries every level's money (总投入 is the sum of its level columns): the whole the
    text states agrees, as does the form's own level's part; another number is the mistake."""
    text = "项目：学校饮水改造\n数量：60所\n标准：每所补助2万元（省级1.5万元、县级0.5万元）\n资金：120万元，其中县级30万元"
    assert _flagged(text, "30") == []
    assert _flagged(text, "120") == []
    assert _flagged(text, "90")
    text = "社区养老服务站运营经费预算80万元，已落实市级补助20万元，剩余部分60万元由区级财政安排。"
    assert _flagged(text, "60") == []
    assert _flagged(text, "80") == []
    assert _flagged(text, "20")


def test_the_own_level_named_by_what_it_pays():
    text = "镇环卫保洁：全镇12个村，每村保洁员2名，每人每月800元，全年12×2×800×12=230400元，县级补助50%，镇自筹50%即115200元。"
    assert _flagged(text, "115200", unit="元", level="镇") == []
    assert _flagged(text, "125200", unit="元", level="镇")


# -- 3. an average against its own whole only --------------------------------------------------------------
def test_an_average_after_other_parts_is_a_parts_average():
    text = "医疗救助资金安排500万元，其中：重特大疾病预留200万元，门诊救助按年均2,000人次、人均{}元测算需300万元。"
    assert failures(text.format("1500"), unit=W) == []
    assert failures(text.format("1400"), unit=W)   # (2,000人次 × 1,400元 is not the 300万元 stated)
    text = "下达奖补资金96万元，完成改厕800户，户均奖补{}元。"
    assert failures(text.format("1,200"), unit=W) == []
    assert found(text.format("1,100"), "1200", "1100", unit=W)   # (the whole's own average still checked)


# -- 4. a count in brackets after 含 ----------------------------------------------------------------------
def test_a_count_in_brackets_after_han_is_a_part():
    text = "全县农村公路聘护路员215名（含脱贫户护路员160名），每人每月800元，全年合计{}元"
    assert failures(text.format("2064000")) == []
    assert found(text.format("2046000"), "2064000", "2046000")
    text = "敬老院护理员共36名（其中男18名、女18名），每人每月2,000元，全年共计{}元。"
    assert failures(text.format("864000")) == []
    assert found(text.format("846000"), "864000", "846000")


# -- the rest of blind20/blind21's false alarms, by cause ---------------------------------------------------
def test_counts_listed_then_their_standards_after_fenbie():
    text = ("农业机械报废更新补贴：预计报废拖拉机45台、联合收割机12台、插秧机30台，单台补贴分别为3,000元、12,000元、"
            "1,500元，共需{}元。")
    assert failures(text.format("324000")) == []
    assert failures(text.format("342000"))


def test_a_standard_per_one_thing_times_the_count_of_that_thing_stated():
    text = "社区健身指导每个社区每月2场，60个社区，全年1,440场，每场指导补贴250元，计{}元。"
    assert failures(text.format("360,000")) == []
    assert failures(text.format("306,000"))
    text = "举办培训为期三天，共600人参加，按每人每天伙食补助120元计，需伙食补助{}万元。"   # (per two things: both counted)
    assert failures(text.format("21.6"), unit=W) == []
    assert found(text.format("7.2"), "216000", "72000", unit=W)


def test_this_years_payments_total_is_the_amount_not_the_contract():
    text = ("泵站改造合同金额800万元，今年按进度支付：预付款20%计160万元，进度款付至合同价的60%，本年进度款320万元，"
            "合计480万元；尾款待验收后支付。")
    assert _flagged(text, "480") == []
    assert _flagged(text, "500")


def test_two_standards_of_one_person_run_together_over_a_later_sentences_months():
    text = "城东街道共有专职巡防队员45名。每名队员月基本工资2,800元，另值班补贴每月400元。按十二个月计算，全年需要{}万元。"
    assert failures(text.format("172.8"), unit=W) == []       # 45 × (2,800 + 400) × 12
    assert failures(text.format("127.8"), unit=W)


def test_a_count_per_thing_after_what_is_done_takes_the_things_named_in_an_earlier_item():
    text = ("河西街道2025年社区治理经费：1. 社区办公经费：辖区9个社区，每个社区每年80,000元，共计720,000元；2. 社区议事会"
            "经费：每个社区每年召开议事会不少于4次，每次2,500元，共计{}元。以上两项合计810,000元。")
    assert failures(text.format("90,000")) == []              # 9 × 4 × 2,500
    assert failures(text.format("99,000"))
