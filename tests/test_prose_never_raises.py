"""The prose reader never raises: whatever a clerk pastes, the checks that use it keep working (the check engine
would survive a raising rule, but the text's mistakes would go unreported without a word).

A fresh corpus found a crash (three short sentences: a count, its standard, then 全年 and a named result with no
total word: the result was taken as a sum whose total word did not exist). Beside that shape in our own words, random
joins of the clauses every shipped corpus holds are read, in random order, and must read without raising, the same
way twice."""

from __future__ import annotations

import re
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose.corpus import corpus_path, load_corpus
from jixiao_desktop.prose.reader import read


def _fails(text: str):
    read.cache_clear()
    return [(s.computed, s.stated) for s in read(text, "县", (), AmountUnit.YUAN).failures()]


def test_a_count_its_standard_and_a_named_year_result_in_three_sentences():
    assert _fails("招聘护林员10名。每人每月1,000元。全年工资120,000元。") == []
    _fails("招聘护林员10名。每人每月1,000元。全年工资102,000元。")   # (read without raising: not yet found)
    assert _fails("配保洁员4名。每人每月900元。全年劳务费43,200元。") == []


_CLAUSES = sorted({clause for path in sorted(corpus_path().parent.glob("*.jsonl")) for entry in load_corpus(path)
                   for clause in re.split(r"(?<=[，。；;\n：:])", entry["text"]) if clause.strip()})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_CLAUSES), min_size=1, max_size=12), st.sampled_from(["县", "市", "区", "乡", "省"]),
       st.sampled_from([AmountUnit.YUAN, AmountUnit.WAN_YUAN]))
def test_random_joins_of_real_clauses_read_without_raising(clauses, level, unit):
    text = "".join(clauses)
    read.cache_clear()
    first = [(s.kind, s.computed, s.stated) for s in read(text, level, (), unit).steps]
    read.cache_clear()
    assert [(s.kind, s.computed, s.stated) for s in read(text, level, (), unit).steps] == first
