"""How far a split between levels reaches.

A split stated in the sentence of its own whole (道路养护经费100万元，市、区按3:7承担，区级承担70万元) is that whole's: the
amounts of the next items (2.绿化管护经费50万元，区级承担50万元; 公厕保洁经费40万元，市、区各承担50%) are not shares of it, and
reading them so sets them against a whole they do not belong to. Such a split ends where a later sentence begins with an
amount of its own that no party is named for. A split stated apart from its whole (资金由市、区按3:7分担。1.…) reaches on.
"""

from __future__ import annotations

from jixiao_desktop.prose.lexer import Token
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
