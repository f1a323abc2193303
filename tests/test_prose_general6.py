"""The prose reader made cheaper without reading anything differently: the shortcuts the lexer and the walk take
(stops lexed on their own, a clause's start found by rfind, the words before a count found by one pattern, total
words and payers looked for only where one of their characters is near) give what the long way gives, on texts
in wordings of their own — correct ones stay silent and wrong ones are found with both numbers."""

from __future__ import annotations

import random
import re

import pytest

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import lexer
from jixiao_desktop.prose.counts import _TRAILING_WORDS_RE
from jixiao_desktop.prose.words import _PARTY_CHAR_RE, _PARTY_RE, _RESULT_HINT_RE, _RESULT_RE, _clause_tail
from tests.prose_cases import failures, found

_MARK_RE = re.compile(r"[\d.,，。；;、:：%元万/（）()\s]")


def _words_before_long_way(text: str) -> str:
    i = len(text)
    while i > 0 and not _MARK_RE.match(text[i - 1]):
        i -= 1
    return text[i:]


def _clause_long_way(text: str) -> str:
    i = len(text)
    while i > 0 and text[i - 1] not in "，,。；;\n":
        i -= 1
    return text[i:]


def test_the_shortcuts_find_what_the_long_way_finds():
    rng = random.Random(6)
    alphabet = "村医人户元万12 \n，,。；;、（）(合计共需即=为全应市区县乡镇街中省自"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert _TRAILING_WORDS_RE.search(text, 0, len(text))[0] == _words_before_long_way(text), text
        assert _clause_tail(text) == _clause_long_way(text), text
        if not _RESULT_HINT_RE.search(text):
            assert _RESULT_RE.search(text) is None, text
        if not _PARTY_CHAR_RE.search(text):
            assert _PARTY_RE.search(text) is None, text


def test_stops_lex_as_the_whole_pattern_lexes_them():
    text = "1.培训120人次；每人次300元。\n2.慰问80户;每户500元\n（一）计6.4万元。"
    master = [(m.lastgroup, m.start(), m.end()) for m in lexer._MASTER.finditer(lexer.fold(text))]
    mine = [(m.lastgroup, m.start(), m.end()) for m in lexer._matches(lexer.fold(text))]
    assert [m for m in mine if m[1] < len(text)] == [m for m in master if m[2] > m[1]]


@pytest.mark.parametrize("text", [
    "看护员补贴：看护员26名，每人每月600元，全年需18.72万元；巡查车辆运行费每辆每年1.2万元，共3辆，计3.6万元。",
    "村级组织运转：主职干部1名、其他村干部3名，主职每人每月3,000元，其他干部每人每月2,200元，全年合计115200元。",
    "防汛物资：编织袋2万条，每条1.5元，计3万元（含运输费0.2万元）。",
    "全年需资金300万元，市、县按4：6比例分担，县级承担180万元。",
])
def test_correct_texts_in_other_wordings_stay_silent(text):
    assert failures(text, unit=AmountUnit.WAN_YUAN if "万元" in text else AmountUnit.YUAN) == []


def test_a_wrong_product_after_a_line_break_is_found():
    right = "保洁员工资：\n保洁员14名，每人每月1,800元，全年需资金30.24万元。"
    assert failures(right) == []
    wrong = "保洁员工资：\n保洁员14名，每人每月1,800元，全年需资金32.04万元。"
    assert found(wrong, "302400.00", "320400")


def test_a_wrong_share_named_for_a_level_is_found():
    assert found("全年需资金300万元，市、县按4：6比例分担，县级承担170万元。", "1800000.00", "1700000")
