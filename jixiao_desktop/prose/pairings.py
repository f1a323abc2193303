"""Standards and counts listed apart, paired in order, read after the walk of :mod:`.reader`:

- **standards in one sentence, their counts in the next**: 城镇低保每人每月700元，农村低保每人每月500元。现有城镇
  对象120人、农村对象340人，全年需资金… — 120×700×12 ＋ 340×500×12;
- **counts, then 分别 their standards**: 一类村15个，二类村22个，补助标准分别为每村每年3万元、2万元，共需… — the
  amounts after 分别 joined by 、 are standards per the same thing.

The stated result is an amount after a total word (需, 合计, 共计, 测算…) that ends the counts' sentence. Only these
layouts are read: the counts' sentence holds counts and its result alone, the standards' sentence standards alone
(每… then an amount), as many of one as of the other, each count of what its standard is per; a monthly standard
needs 全年/每年 in the result's sentence (× 12), a yearly one or one with no period is taken once, any other period
leaves the text alone. A step of the walk on the result that holds is never overruled (see :func:`.rests.merge_steps`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, Lexed, Token
from jixiao_desktop.prose.rests import merge_steps
from jixiao_desktop.prose.steps import Reading, Step
from jixiao_desktop.prose.words import _same_thing, _written, sentence_span, token_start, written_tolerance

# a total word after a count's measure word (or an amount after 分别) and a comma: 散居148人，全年需资金…
_RESULT_RE = re.compile(r"[人户个名家所村生床亩元位座][，,]\s*(?:全年|每年|年度)?\s*"
                        r"(?:共需|需要|需|合计|共计|总计|测算|安排)[^，,。；;\d%]{0,6}(?=\d)")
_GAP_RE = re.compile(r"[^，,。；;\d]{0,4}")
_LISTED_RE = re.compile(r"\s*[、和及与]\s*")
_YEAR_WORD_RE = re.compile(r"全年|每年|一年|年度")
_TWELVE = Decimal(12)
_MAX = 8   # pairs


def _standards(text: str, tokens: list[Token]) -> list[tuple[Token, tuple[str, ...]]] | None:
    """The standards of ``tokens`` (each 每… then its amount; after 分别, amounts joined by 、 too), or None when
    anything else is among them."""
    found: list[tuple[Token, tuple[str, ...]]] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if token.kind == "each" and k + 1 < len(tokens) and tokens[k + 1].kind == MONEY and not tokens[k + 1].per \
                and _GAP_RE.fullmatch(text[token.end:tokens[k + 1].start]):
            found.append((tokens[k + 1], token.per))
            k += 2
        elif token.kind == MONEY and not token.per and found and "分别" in text[max(0, found[0][0].start - 16):
                                                                                 found[0][0].start] \
                and _LISTED_RE.fullmatch(text[found[-1][0].end:token.start]):
            found.append((token, found[-1][1]))   # 分别为每生每年720元、940元
            k += 1
        else:
            return None
    return found


def _period(per: tuple[str, ...], words: str) -> Decimal | None:
    times = [w for w in per if w in ("月", "年", "天", "日", "季度", "学期", "周", "次")]
    if not times or times == ["年"]:
        return Decimal(1)
    if times == ["月"] and _YEAR_WORD_RE.search(words):
        return _TWELVE
    return None


def read_pairings(reading: Reading, lexed: Lexed) -> Reading:
    text, tokens = lexed.text, lexed.tokens
    found: list[Step] = []
    for match in _RESULT_RE.finditer(text):
        k = bisect_left(tokens, match.end(), key=token_start)
        if k >= len(tokens) or tokens[k].kind != MONEY or tokens[k].start != match.end() or tokens[k].per:
            continue
        last = tokens[k - 1] if k else None
        if last is None or not (last.kind == COUNT or last.kind == MONEY and "分别" in text[max(0, last.start - 40):last.start]):
            continue   # (most results: after a standard or an amount, not after counts or 分别 standards)
        first, stop = sentence_span(tokens, k)
        if stop != k + 1:
            continue   # the result ends its sentence
        step = _paired(text, tokens, first, k)
        if step is not None:
            found.append(step)
    return merge_steps(reading, found)


def _paired(text: str, tokens: list[Token], first: int, k: int) -> Step | None:
    result = tokens[k]
    start = tokens[first - 1].end if first else 0
    colon = max(text.rfind("：", start, result.start), text.rfind(":", start, result.start))
    before = [t for t in tokens[first:k] if t.start > colon]   # (a heading before ：: 生均公用经费：…)
    n = sum(1 for t in before if t.kind == COUNT)
    if not 2 <= n <= _MAX:
        return None
    counts = before[:n]
    if any(t.kind != COUNT for t in counts):
        return None
    if len(before) == n:   # the standards in the sentence before, alone
        if first < 2:
            return None
        earlier, _stop = sentence_span(tokens, first - 2)
        standards = _standards(text, tokens[earlier:first - 1])
    else:                  # 分别 their standards, after the counts
        standards = _standards(text, before[n:])
        if standards is not None and "分别" not in text[counts[-1].end:standards[0][0].start]:
            return None
    if not standards or len(standards) != n:
        return None
    words = text[start:result.start]
    total, terms = Decimal(0), []
    for count, (standard, per) in zip(counts, standards, strict=True):
        things = [w for w in per if w not in ("月", "年", "天", "日", "季度", "学期", "周", "次")]
        if not things or not any(_same_thing(w, count.unit) for w in things):
            return None
        period = _period(per, words)
        if period is None:
            return None
        total += count.value * standard.value * period
        terms.append(f"{count.text}×{_written(standard)}" + ("×12个月" if period == _TWELVE else ""))
    value = round_fen(total)
    return Step("sum", f"{'＋'.join(terms)}＝{value:f}元", value,
                result.value, result.approx, written_tolerance(result), result.start, result.end)
