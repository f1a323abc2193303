"""Counts written as lists: bare numbers listed before a count (抽检各40、25、15批次: their sum), and things named before 各
(春节、端午各举办一次: one each, two in all). The walk (:func:`listed_count`) and the re-reading (:func:`each_named_count`) both
take them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from jixiao_desktop.prose.lexer import COUNT, MONEY, Token
from jixiao_desktop.prose.looking import _LAST_MARK_RE
from jixiao_desktop.prose.words import _each_of_named

_RESPECTIVELY_RE = re.compile(r"分别[^，,。；;\d、（(]{0,8}$")


def listed_each_count(text: str, tokens: list[Token], index: int) -> Token | None:
    """抽检各40、25、15批次，平均每批次2000元: bare numbers listed with 、 before a count, 各 before the first, count
    together — the count of the standard after them is their sum. None where the count stands alone."""
    j = index
    while j > 0 and tokens[j - 1].kind == "number" and tokens[j - 1].value is not None \
            and text[tokens[j - 1].end:tokens[j].start].strip() == "、":
        j -= 1
    if j == index or "各" not in text[max(0, tokens[j].start - 2):tokens[j].start] and not _RESPECTIVELY_RE.search(
            text, max(0, tokens[j].start - 10), tokens[j].start):   # (三个片区分别有站点12、8、15处: as 各)
        return None
    count = tokens[index]
    total = sum((t.value for t in tokens[j:index + 1]), Decimal(0))
    return Token(COUNT, text[tokens[j].start:count.end], tokens[j].start, count.end, total, count.unit)


def listed_count(reader, index: int, previous: Token | None) -> Token | None:
    """The count token ``index`` stands for where things listed before it make it more: bare numbers listed before it
    (各40、25、15批次: their sum, the × chain cut before them), or things named before 各 (春节、端午各举办一次: one
    each, two in all); None where it stands for itself."""
    token = reader.tokens[index]
    if previous is not None and previous.kind == "number" and reader.text[token.start - 1] == "、":
        listed = listed_each_count(reader.text, reader.tokens, index)
        if listed is not None:
            reader.chain = [t for t in reader.chain if t.start < listed.start]
        return listed   # (the cached tokens stay as lexed)
    if "各" not in reader.text[max(reader.sentence_start, token.start - 8):token.start]:
        return None   # (most counts: no 各 before them, and no call made)
    return each_named_count(reader.text, reader.tokens, index, reader.sentence_start)


def each_named_count(text: str, tokens: list[Token], index: int, sentence_start: int) -> Token | None:
    """The count ``index`` times the things named before 各 (:func:`each_named`): a token of the count in all, else
    None (the lexed token is never changed: a reading and a re-reading both take this one)."""
    named = each_named(text, tokens, index, sentence_start)
    return replace(tokens[index], value=tokens[index].value * named) if named > 1 else None


def each_named(text: str, tokens: list[Token], index: int, sentence_start: int) -> int:
    """How many things named before 各 the count ``index`` is one of each of (春节、端午各举办一次，每次6500元: 2), where
    one standard for all follows in its sentence (from ``sentence_start``); 1 where the count stands for itself. The
    reader's counts and the re-reading of a failing product (readings._readings) both take it."""
    token = tokens[index]
    previous = tokens[index - 1] if index else None
    if not token.value or "各" not in text[max(sentence_start, token.start - 8):token.start] or (
            previous is not None and previous.start >= sentence_start and previous.kind in (COUNT, "each")):
        return 1
    start = max(sentence_start, token.start - 30)
    last = _LAST_MARK_RE.match(text, start, token.start)   # (the clause before the count: what clause_before gives)
    named = _each_of_named(text[last.end() if last is not None else start:token.start])
    return named if named >= 2 and _one_standard_after(text, tokens, index) else 1


def _one_standard_after(text: str, tokens: list[Token], index: int) -> bool:
    """Whether the sentence after the count ``index`` states one standard for all the things named (每次6500元), not one
    each (单价分别为…, 宫颈癌筛查每人120元，乳腺癌筛查每人100元: the count is per thing, then)."""
    standards, end = 0, len(text)   # (to the sentence's stop, else the text's end: a count may be its last token)
    for k in range(index + 1, len(tokens)):
        token = tokens[k]
        if token.kind == "stop":
            end = token.start
            break
        if token.kind == MONEY and (token.per or tokens[k - 1].kind == "each"):
            standards += 1
    return standards == 1 and "分别" not in text[tokens[index].end:end]
