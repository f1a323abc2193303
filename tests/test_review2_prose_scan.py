"""Review of the prose speed-ups (prose/lexer.py ``_matches``: anchors, the 均 back-step, stops on their own):
on random mixes of the characters that matter the tokens, and the reading, are those of a plain scan of the
whole pattern at every position."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao_desktop.prose import lexer, reader
from jixiao_desktop.prose.mentions import mentions

PIECES = list("0123456789。；;\n均人户家月年日生床亩件台场 元万个次每计共需.,，、（）×x*=%") + [
    "人均", "月人均", "人次均", "件均", "每人每月", "万元", "个月", "全年", "市级", "承担", "\u3000", "  ", "各", "五", "对半", "第", "一", "十", "两", "(", "）", "年度", "2024年", "X", "加上", "乘",
    # (the characters only a few kinds begin with: lexer._ONLY)
    "〔", "[", "【", "】", "〕", "+", "＋", "*", "＊", "\t", "各承担一半", "各半", "对半分担", "(1+5%)", "〔2024〕12号", "第3批", "(2)", "对均", "台均"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


def _plain(text: str):
    """The long way: every pattern tried at every position (what _matches stands for)."""
    return (m for m in lexer._MASTER.finditer(text) if m.end() > m.start())


def _key(matches, plain: bool = False):
    """(kind, start, end): lex's kind by the match's last group, the plain one by looking at every group."""
    return [(lexer._kind_of(m) if plain else lexer._KIND_OF_GROUP.get(m.lastgroup) or lexer._kind_of(m),
             m.start(), m.end()) for m in matches]


@settings(max_examples=int(__import__("os").environ.get("R2N", 1500)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_the_anchored_scan_matches_what_the_plain_scan_matches(text):
    folded = lexer.fold(text)
    assert _key(lexer._matches(folded)) == _key(_plain(folded), plain=True)


@pytest.fixture
def plain_lexer(monkeypatch):
    def clear():
        lexer.lex.cache_clear()
        mentions.cache_clear()
        for name in dir(reader):
            cached = getattr(getattr(reader, name), "cache_clear", None)
            if cached is not None:
                cached()
    yield lambda on: (clear(), monkeypatch.setattr(lexer, "_matches", _plain if on else _FAST), clear())
    monkeypatch.setattr(lexer, "_matches", _FAST)
    clear()


_FAST = lexer._matches


@settings(max_examples=int(__import__("os").environ.get("R2R", 300)), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_the_reading_is_that_of_the_plain_scan(plain_lexer, text):
    plain_lexer(True)
    slow = repr(reader.read(text))
    plain_lexer(False)
    assert repr(reader.read(text)) == slow


@settings(max_examples=int(__import__("os").environ.get("R2N", 1500)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_the_kinds_tried_alone_at_their_characters_match_as_the_whole_pattern(text):
    """lexer._ONLY: where a character begins only a few kinds, those alone find what every pattern would."""
    folded = lexer.fold(text)
    for i, ch in enumerate(folded):
        if ch in lexer._ONLY:
            whole, alone = lexer._MASTER.match(folded, i), lexer._ONLY[ch].match(folded, i)
            assert (whole is None) == (alone is None), (folded, i)
            assert whole is None or (whole.span(), whole.lastgroup) == (alone.span(), alone.lastgroup), (folded, i)
