"""The form's amount against a text's bottom line (round 25): a total restated rounded in another unit, a whole
with its items after 其中 or before it, items with no total after them, a past year's figure, a percentage's
result with its uses, a result written after its working, a phase's total beside the whole project's. Each
cause with a correct text (the amount agrees) and a wrong one (a third number, or a restatement that does not
match)."""

from __future__ import annotations

import pytest

from jixiao_desktop.money import AmountUnit, parse_amount
from jixiao_desktop.prose.backing import amount_disagrees
from jixiao_desktop.prose.reader import read


def _disagrees(text: str, amount: str, level: str = "县") -> bool:
    unit = AmountUnit.WAN_YUAN
    reading = read(text, level, (), unit)
    return amount_disagrees(reading, text, parse_amount(amount, unit).value, level, unit)


ROUNDED = "道路养护：沥青修补1,200平方米，每平方米150元；标线重划6,400元。两项合计186,400元，约18.6万元。"
BRACKETED = "全镇人居环境整治资金约2.35亿元（23,480万元）。"
OF_WHICH = ("乡村学校少年宫经费42万元。其中：辅导教师20人，每人每年1.2万元，计24万元；活动器材采购11万元；"
            "场地维护7万元。")
BEFORE = ("项目建设期2025年4月至11月。建设内容：1.新建冷库2座，每座38万元，计76万元；2.购置分拣线1条，计24.5万元；3.场地硬化长0.5公里，宽3米，"
          "按每平方米160元，计24万元。项目总投资124.5万元，全部申请财政资金。")
NO_TOTAL = ("低保对象2,150人，按月人均补差420元计，全年需1,083.6万元。另按每人每年200元发放价格临时补贴，"
            "全年43万元。")
PAST = "2024年度全镇困难群众慰问共计走访640户，支出19.2万元。2025年继续按照走访全覆盖原则开展。"
PAST_WITH_PLAN = "2024年度全镇困难群众慰问共计走访640户，支出19.2万元。2025年计划走访700户，每户300元，需21万元。"
PERCENT_USES = ("体育彩票公益金按留成的40%安排全民健身。2025年县级留成152万元，即安排60.8万元，主要用于：1.健身路径更新，"
                "约30套×每套8,000元=24万元；2.群众赛事26.8万元；3.社会体育指导员培训10万元。")
WORKING = "污水在线监测运维服务2年合同，每年36,500元，加设备标定费2,800元，约7.6万元。"
PHASE = ("污水管网改造（第三期）：新建管网2.4公里，按85万元/公里估算工程费204万元；监理费9万元；本期合计213万元。"
         "项目总投资6,800万元，已累计完成投资3,100万元。")


@pytest.mark.parametrize(("text", "amount"), [
    (ROUNDED, "18.6"), (ROUNDED, "18.64"), (BRACKETED, "23480"), (OF_WHICH, "42"), (BEFORE, "124.5"),
    (NO_TOTAL, "1126.6"), (PAST, "20"), (PERCENT_USES, "60.8"), (WORKING, "7.6"), (PHASE, "213"),
])
def test_the_amount_agrees(text: str, amount: str) -> None:
    assert not _disagrees(text, amount)


@pytest.mark.parametrize(("text", "amount"), [
    (ROUNDED, "19.2"), (ROUNDED.replace("约18.6万元", "约19.6万元"), "19.6"),
    (BRACKETED, "23000"), (BRACKETED.replace("23,480", "21,480"), "21480"),
    (OF_WHICH, "45"), (OF_WHICH.replace("场地维护7万元", "场地维护9万元"), "48"),
    (BEFORE, "130"), (NO_TOTAL, "1200"), (PAST_WITH_PLAN, "25"), (PERCENT_USES, "70"),
    (WORKING, "8"), (PHASE, "6800"), (PHASE, "230"),
])
def test_a_third_number_disagrees(text: str, amount: str) -> None:
    assert _disagrees(text, amount)


PAST_ITEM = ("秸秆还田补助：截至2024年底累计作业面积3.2万亩，资金96万元。2025年计划：1.深翻作业8,000亩，每亩30元，计24万元；"
             "2.旋耕还田12,000亩，每亩20元，计24万元。共需48万元。")
FOR_REFERENCE = ("村级组织运转经费：1. 村干部报酬52人×24,000元=1,248,000元；2. 办公经费26个村×8,000元=208,000元；"
                 "合计1,456,000元。其中：省级承担50%即728,000元，县级承担728,000元。2024年县级实际安排数为690,000元，仅供参考。")


def _failures(text: str) -> list:
    return read(text, "县", (), AmountUnit.WAN_YUAN).failures()


def test_a_past_years_figure_is_no_item_of_this_years_sum() -> None:
    assert not _failures(PAST_ITEM)
    assert _failures(PAST_ITEM.replace("共需48万元", "共需52万元"))


def test_a_figure_named_a_reference_is_no_approved_amount() -> None:
    assert not _failures(FOR_REFERENCE)
    assert not _disagrees(FOR_REFERENCE, "145.6") and not _disagrees(FOR_REFERENCE, "72.8")
    assert _disagrees(FOR_REFERENCE, "150")
    assert _failures(FOR_REFERENCE.replace("=208,000元", "=218,000元"))


RESTATED_PART = ("县综合行政执法大队2025年运行经费：需资金148万元，其中：人员经费96万元（按人均6万元估算，16人约96万元），"
                 "公用经费30万元，执法装备22万元。")


def test_a_bracket_restating_a_part_is_no_item_of_it() -> None:
    assert not _failures(RESTATED_PART)
    wrong = _failures(RESTATED_PART.replace("执法装备22万元", "执法装备18万元"))
    assert [(s.computed, s.stated) for s in wrong] == [(1440000, 1480000)]


SUBTOTAL = ("端午慰问：1、困难党员15人，每人500元；困难职工22人，每人300元。计14,100元。2、座谈会1场，参会40人，"
            "每人餐费80元，计3,200元。以上合计17,300元。")


def test_a_parts_own_total_is_not_counted_beside_its_items() -> None:
    assert not _failures(SUBTOTAL)
    assert _failures(SUBTOTAL.replace("以上合计17,300元", "以上合计18,300元"))
