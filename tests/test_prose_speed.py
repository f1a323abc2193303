"""Shortcuts of the prose reader taken for speed (issue 12) find what the slow way finds."""

from __future__ import annotations

import pytest

from jixiao_desktop.prose.corpus import corpus_path, load_corpus
from jixiao_desktop.prose.words import _RESULT_RE, _result_marker


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
