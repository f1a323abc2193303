"""How far a split between levels reaches.

A split stated in the sentence of its own whole (道路养护经费100万元，市、区按3:7承担，区级承担70万元) is that whole's: the
amounts of the next items (2.绿化管护经费50万元，区级承担50万元; 公厕保洁经费40万元，市、区各承担50%) are not shares of it, and
reading them so sets them against a whole they do not belong to. Such a split ends where a later sentence begins with an
amount of its own that no party is named for. A split stated apart from its whole (资金由市、区按3:7分担。1.…) reaches on.

Which whole it is of, and who pays what after it: a split opening a line is of the amount written after it on that line,
never of the line before's (…计1.66万元。⏎按2:3:5比例由省、市、区分担，项目资金200万元); and the parties the split lists with
its own verb (按4:6比例由市、县分担，…; 由市、区两级承担城市公园管护经费350万元) name no payer of the amount after them.
"""

from __future__ import annotations

import re

from jixiao_desktop.prose.lexer import MONEY, Token
from jixiao_desktop.prose.words import _SHARE_VERB_RE, _party_before

_STOPS_RE = re.compile(r"[。；;\n]")   # (looked for in place: the words between not copied out)
# words that name an amount as a party's part even with no party written (配套资金294万元: the form's own level's); not
# 安排 or 补助, which open any item (本年度安排…补贴1.38亿元)
_OWN_PART_RE = re.compile(r"承担|配套|负担|分担|出资|兜底|自筹")
_PAYER_END_RE = re.compile(r"(?:[省市县区乡镇村]级?|街道|财政)[^，,。；;：:\d]{0,4}$")   # (区级为, 县级奖补, 需区级资金)


def split_ended(reader, token: Token, pre: str) -> bool:
    """Whether the reader's split belongs to a whole of an earlier sentence and ``token`` (its words before it ``pre``)
    opens a new item: an amount of a later sentence stated for no party."""
    split = reader.split
    whole = split.whole
    if whole is None or reader.sentence_start < split.position or reader.sentence_start < whole.end:
        return False   # (the whole not known yet, or still the split's sentence)
    low, high = (whole.start, split.position) if whole.start < split.position else (split.position, whole.start)
    text = reader.text
    if _STOPS_RE.search(text, low, high):
        return False   # (a split of a whole stated in another sentence: written apart, it may reach on)
    return _party_before(pre) is None and "本级" not in pre and not _OWN_PART_RE.search(pre)


def whole_on_earlier_line(reader, token: Token) -> bool:
    """Whether the whole a split at ``token`` would take (the last whole read) stands on an earlier line while the split's
    own line writes an amount after it: 为7名…计1.66万元。⏎按2:3:5比例由省、市、区分担，项目资金200万元，区级承担100万元 — the
    split is of the 200万元 written after it, never of the line before."""
    whole = reader.whole
    if whole is None:
        return False
    text = reader.text
    line = text.rfind("\n", 0, token.start)
    sentence = text.rfind("。", 0, token.start)   # (。⏎ is folded to 。 : a sentence's start, where a whole is named after)
    if max(line, sentence) < 0 or whole.end > max(line, sentence):
        return False
    for later in reader.tokens[reader.index + 1:reader.index + 40]:
        if later.kind == MONEY and later.value:   # (an amount of its own, written after: no party's share, 县级承担160万元)
            between = text[token.end:later.start]
            clause = _after_split_words(between)
            clause = clause[max(clause.rfind("，"), clause.rfind(","), clause.rfind("。")) + 1:]
            if "\n" in between or _party_before(clause) is not None and _names_payer(clause):
                return False
            # on a line of its own, any amount of its own; after 。 on the same line, one named as a whole (项目资金150万元)
            return whole.end <= line or ("。" not in between and bool(_WHOLE_NAMED_RE.search(clause)))
    return False


_WHOLE_NAMED_RE = re.compile(r"(?:资金|经费|总额|投资|预算|合计|共计|总计|全年)[^，,。；;\d]{0,4}$")


def payer_words(reader, pre: str) -> str:
    """The words that may name the payer of an amount after a split: ``pre`` (the words since the number before), less the
    split's own list of parties where ``pre`` begins right after the ratio (按3:7比例由市、县分担，项目资金150万元: 县分担
    names the split's parties, not the payer of the 150万元)."""
    rest = _after_split_words(pre)
    if rest is pre or _split_end(reader) != reader.prev_end:
        return pre   # (no verb of a split's own in the words, or a number between the split and them)
    return rest if _names_payer(rest) else ""   # (：村级道路硬化工程全年120万元: a thing named, no payer)


_CLAUSE_END_MARK_RE = re.compile(r"[，,。：:]")


def _after_split_words(words: str) -> str:
    """``words`` right after a split's ratio less the split's own verb and what comes before it (比例由市、区两级承担城市…:
    城市…), where that verb comes before the clause ends."""
    verb = _SHARE_VERB_RE.search(words)
    if verb is None:
        return words
    # (the verb before the clause ends: no ，,。：: before it — what the first of those marks, or the end, after it says)
    return words[verb.end():] if _CLAUSE_END_MARK_RE.search(words, 0, verb.start()) is None else words


def _names_payer(words: str) -> bool:
    """Whether ``words`` before an amount name who pays it: a share verb (区级承担), or a level or 财政 at most four
    characters before it (区级：, 县级奖补; not 村级道路硬化工程全年)."""
    return bool(_SHARE_VERB_RE.search(words) or _PAYER_END_RE.search(words))


def _split_end(reader) -> int:
    """Where the token of the reader's split (its ratio, percentage or 各半) ends."""
    position = reader.split.position
    for token in reversed(reader.tokens[max(0, reader.index - 40):reader.index]):
        if token.start == position:
            return token.end
        if token.start < position:
            break
    return -1
