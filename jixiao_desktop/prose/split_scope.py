"""How far a split between levels reaches.

A split stated in the sentence of its own whole (道路养护经费100万元，市、区按3:7承担，区级承担70万元) is that whole's: the
amounts of the next items (2.绿化管护经费50万元，区级承担50万元; 公厕保洁经费40万元，市、区各承担50%) are not shares of it, and
reading them so sets them against a whole they do not belong to. Such a split ends where a later sentence begins with an
amount of its own that no party is named for. A split stated apart from its whole (资金由市、区按3:7分担。1.…) reaches on.
"""

from __future__ import annotations

from jixiao_desktop.prose.lexer import MONEY, Token
from jixiao_desktop.prose.words import _SHARE_VERB_RE, _party_before

_STOPS = "。；;\n"


def split_ended(reader, token: Token, pre: str) -> bool:
    """Whether the reader's split belongs to a whole of an earlier sentence and ``token`` (its words before it ``pre``)
    opens a new item: an amount of a later sentence stated for no party."""
    split = reader.split
    whole = split.whole
    if whole is None or reader.sentence_start < split.position or reader.sentence_start < whole.end:
        return False   # (the whole not known yet, or still the split's sentence)
    low, high = (whole.start, split.position) if whole.start < split.position else (split.position, whole.start)
    text = reader.text
    if any(stop in text[low:high] for stop in _STOPS):
        return False   # (a split of a whole stated in another sentence: written apart, it may reach on)
    return _party_before(pre) is None and "本级" not in pre and not _SHARE_VERB_RE.search(pre)


def whole_on_earlier_line(reader, token: Token) -> bool:
    """Whether the whole a split at ``token`` would take (the last whole read) stands on an earlier line while the split's
    own line writes an amount after it: 为7名…计1.66万元。⏎按2:3:5比例由省、市、区分担，项目资金200万元，区级承担100万元 — the
    split is of the 200万元 written after it, never of the line before."""
    whole = reader.whole
    if whole is None:
        return False
    text = reader.text
    line = text.rfind("\n", 0, token.start)
    if line < 0 or whole.end > line:
        return False
    for later in reader.tokens[reader.index + 1:reader.index + 40]:
        if later.kind == MONEY and later.value:   # (an amount of its own: no party's share, 县级承担160万元)
            between = text[token.end:later.start]
            clause = between[max(between.rfind("，"), between.rfind(","), between.rfind("。")) + 1:]
            return "\n" not in between and _party_before(clause) is None and not _SHARE_VERB_RE.search(clause)
    return False


def payer_words(reader, pre: str) -> str:
    """The words that may name the payer of an amount after a split: ``pre`` (the words since the number before), less the
    split's own list of parties where ``pre`` begins right after the ratio (按3:7比例由市、县分担，项目资金150万元: 县分担
    names the split's parties, not the payer of the 150万元)."""
    cut = max(pre.rfind("，"), pre.rfind(","))
    if cut < 0:
        return pre
    return pre[cut + 1:] if _split_end(reader) == reader.prev_end else pre


def _split_end(reader) -> int:
    """Where the token of the reader's split (its ratio, percentage or 各半) ends."""
    position = reader.split.position
    for token in reversed(reader.tokens[max(0, reader.index - 40):reader.index]):
        if token.start == position:
            return token.end
        if token.start < position:
            break
    return -1
