"""Shortcuts of the prose reader taken for speed (issue 12) find what the slow way finds."""

from __future__ import annotations

import pytest

from jixiao_desktop.prose.corpus import corpus_path, load_corpus
from jixiao_desktop.prose.words import _REFERENCE_RE, _RESULT_RE, _YEAR_RE, _reference_word, _result_marker, _years_in


def _same(found, expected) -> bool:
    if found is None or expected is None:
        return found is expected
    return found.span() == expected.span() and found.groupdict() == expected.groupdict()


@pytest.mark.parametrize("near", [
    "", "，", "以上合计", "，以上合计：", "一年合计", "资金约为", "全年资金约为", "预计后金额为", "元后金额为",
    "一共需", "两项合计", "3项加起来", "加起来共", "等于", "测算为", "全年需要", "一年下来是", "经费总额为",
    "所需资金", "计，", "项目总投资", "小计", "共计约", "1项", "第一年", "每一年",
])
def test_result_marker_is_the_search(near):
    assert _same(_result_marker(near), _RESULT_RE.search(near))


def test_result_marker_over_the_corpus():
    """Every stretch of up to 14 or 30 characters before any position of the main corpus."""
    for entry in load_corpus(corpus_path()):
        text = entry["text"]
        for end in range(len(text) + 1):
            for limit in (14, 30):
                near = text[max(0, end - limit):end]
                assert _same(_result_marker(near), _RESULT_RE.search(near)), near


@pytest.mark.parametrize("text", [
    "", "2025年", "2024年、2025年", "2024-2025年", "2024—2025年度", "12025年", "2025 年安排", "1999年至2001年",
    "202020年", "2019 2020年", "第2025年", "3025年", "2025年-2027年", "１２３2025年", "２０２５年",
])
def test_years_in_is_the_findall(text):
    assert _years_in(text) == _YEAR_RE.findall(text)


def test_years_in_over_the_corpus():
    text = "\n".join(entry["text"] for entry in load_corpus(corpus_path()))
    assert _years_in(text) == _YEAR_RE.findall(text)
    for entry in load_corpus(corpus_path()):
        assert _years_in(entry["text"]) == _YEAR_RE.findall(entry["text"])


@pytest.mark.parametrize("text", [
    "", "上年", "全年上一年", "一年以前年度", "按实际", "根据实际", "据实际安排", "年实际执行", "已投入", "原预算",
    "去年结余", "一年上一年度", "年年上年", "实际需要",
])
def test_reference_word_is_the_search(text):
    assert _same(_reference_word(text), _REFERENCE_RE.search(text))


def test_reference_word_over_the_corpus():
    for entry in load_corpus(corpus_path()):
        text = entry["text"]
        for end in range(len(text) + 1):
            for limit in (16, 30):
                words = text[max(0, end - limit):end]
                assert _same(_reference_word(words), _REFERENCE_RE.search(words)), words
