"""What a clerk may write around a calculation without changing it leaves every reading of the corpora as it was: a
sentence of no numbers before it or after it, thousands written without their commas, a blank between a figure and its
unit (1,080 元). Each corpus entry the reader
gets right stays right (an entry it misses may be found: the words it is given differ)."""

from __future__ import annotations

import re

import pytest

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import lex
from jixiao_desktop.prose.corpus import corpus_path, evaluate_entry, load_corpus
from tests.prose_cases import corpus_passed, failures, found, vs_amount

_CORPORA = sorted(corpus_path().parent.glob("*.jsonl"))
W = AmountUnit.WAN_YUAN

_TRANSFORMS = {
    "a sentence before": lambda t: "为切实做好相关工作，确保项目顺利实施，特编制本测算。" + ("\n" if "\n" in t else "") + t,
    "a sentence after": lambda t: t + ("\n" if "\n" in t else "" if t.endswith(("。", "；")) else "。") + "资金按规定程序拨付使用。",
    "no thousands commas": lambda t: re.sub(r"(?<=\d),(?=\d{3})", "", t),
    # (one line only: a table pasted with blanks between its cells would get a cell more)
    "a blank before the unit": lambda t: t if "\n" in t else re.sub(r"(?<=\d)(万元|亿元|元)", r" \1", t),
}


@pytest.mark.parametrize("name", list(_TRANSFORMS))
def test_words_around_a_calculation_leave_its_reading(name):
    transform, broken = _TRANSFORMS[name], []
    for path in _CORPORA:
        for entry in load_corpus(path):
            text = transform(entry["text"])
            if text != entry["text"] and corpus_passed()[path.name, entry["id"]] and not evaluate_entry({**entry, "text": text}).passed:
                broken.append((path.stem, entry["id"]))
    assert broken == []


def test_an_amount_written_like_a_year_and_a_decimal_is_an_amount():
    # (1934.4万元 was read as a date, April 1934, and left out)
    assert [t.text for t in lex("合计1934.4万元，需2013.68万元").tokens if t.kind == "money"] == ["1934.4万元", "2013.68万元"]
    assert [t.kind for t in lex("2024.3.15至2024.12.31，2025.5开工").tokens] == []
    text = "主干道保洁1567.2万元；背街小巷263.68万元；公厕保洁172.8万元。总计{}万元。"
    assert failures(text.format("2003.68"), unit=W) == []
    assert found(text.format("2013.68"), "20036800", "20136800", unit=W)


def test_a_span_of_months_of_a_year_is_no_number():
    assert [t.kind for t in lex("2025年1月至12月聘用").tokens] == []
    assert [t.kind for t in lex("2024年11月至2025年4月").tokens] == []


def test_a_service_number_is_no_factor():
    text = "为切实做好工作，特编制本测算。12345热线外包：聘用话务员24名，劳务费每人每月4500元。2025年1-12月共需{}万元。"
    assert failures(text.format("129.6"), unit=W) == []
    assert found(text.format("108"), "1296000", "1080000", unit=W)


def test_a_total_after_a_sentence_of_several_standards_takes_them_all():
    text = "为做好文化服务，特编制本测算。文化专干9名，每人每月基本报酬1500元、绩效300元。全年合计{}万元。"
    assert failures(text.format("19.44"), unit=W) == []
    assert found(text.format("16.2"), "194400", "162000", unit=W)


def test_difang_is_the_forms_own_where_only_its_level_is_named_besides():
    text = "共需190万元，其中中央补助80%即152万元，地方承担38万元。资金由县财政局统一拨付。"
    assert vs_amount(text, "38", level="县") == []


def test_a_blank_between_a_figure_and_its_unit():
    text = "折叠床200张×268 元、棉被400床×156 元，约{}万元。"
    assert failures(text.format("11.6"), unit=W) == []
    text = "海洋牧场人工鱼礁投放项目1200 万元，省、区按7:3承担，省级840 万元（占比{}%），区级360 万元。"
    assert failures(text.format("70"), unit=W) == []
    assert failures(text.format("60"), unit=W) != []
