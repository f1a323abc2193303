"""Splits of a part of a whole, read after the walk of :mod:`.reader` over one sentence's tokens:

- **what is left, then split**: 总投资2,400万元，其中争取中央资金600万元，其余由市、县按4:6承担 (or 剩下的由市级承担
  40%; 剩余部分由县级财政解决; 先提取10%作为工作经费，余下部分…; 社会资本100万元，财政投入部分由市、县按…) — the
  parties' shares are of the whole less the parts named before 其余/剩余 (amounts, a party's percentage of the amount
  before it, a percentage 提取/预留 from it), or of the remainder when it is stated (剩余900万元由市、区按1:1分担);
- **a share of a share**: 中央与地方按6:4分担，地方部分由市、县按3:7 — the second split is of the first one's part;
- **a split of a percentage of a base**: 按上级资金的20%配套，配套资金由市、县按1:1分担 — of that percentage.

An amount stated for a party after such a split (市级承担…, 即… after 由市级承担40%) is checked against its share.
Only these forms are read: a sentence with a standard, a count or a product between its whole and the split, or
parties that do not match the ratio's parts, is left alone. Where the walk already put a step on the same amount,
a step here replaces it only if the walk's does not hold (a reading that holds is never overruled); where this
reading holds, the walk's failing steps on that amount — another reading of the same words — are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao_desktop.money import AmountUnit, round_fen
from jixiao_desktop.prose.bracket_parts import read_bracket_parts
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, RATIO, Lexed, Token
from jixiao_desktop.prose.steps import Reading, Step
from jixiao_desktop.prose.words import LEVELS, LEVEL_NAMES, _written, sentence_at, written_tolerance

_TRIGGER_RE = re.compile(r"其余|剩余|剩下|余下|部分(?:由|按)|的\s*[\d.]+\s*[%％][^，,。；;\d]{0,6}[，,][^。；;\d]{0,12}按\s*\d")
_REST_RE = re.compile(r"其余|剩余|剩下|余下|(?<![其])部分(?=由|按)")
_PARTY_WORD_RE = re.compile(r"中央|地方|省级|省|自治区|市本级|市级|市|州|区级|区|县级|县|旗|乡级|乡镇|乡|镇级|镇|街道|村级|村")
_SUM_WORD_RE = re.compile(r"(?:合计|共计|总计|共需|共|总额|总投资|总概算)[为是约需]{0,2}\s*$")
_SHARE_VERB_RE = re.compile(r"补助|承担|负担|配套|出资|安排|分担|拿出|解决|兜底")
_TAKING_RE = re.compile(r"提取|提留|预留|扣除|计提|留出")
_STATED_RE = re.compile(r"^[\s，,]*(?:即|为|计|共|合计|约)[\s为计约]*$")
_CLAUSE_RE = re.compile(r"[，,：:]")
_MAX_SENTENCE = 40   # tokens: a longer sentence is no such split


def _level(word: str) -> str:
    return LEVELS.get(word, "乡" if word == "乡镇" else word)


def _parties(text: str) -> list[tuple[str, str]]:
    """(level, word) of each party named in ``text``, in order (a name repeated at once counted once)."""
    found: list[tuple[str, str]] = []
    for m in _PARTY_WORD_RE.finditer(text):
        level = _level(m[0])
        if not found or found[-1][0] != level:
            found.append((level, m[0]))
    return found


def _fmt(value: Decimal) -> str:
    if value % 100 == 0 and abs(value) >= 10000:
        return f"{(value / 10000).normalize():f}万元"
    return f"{value.quantize(Decimal('0.01')):f}元"


def _pct(fraction: Decimal) -> str:
    return f"{(fraction * 100).quantize(Decimal('0.01')).normalize():f}%"


@dataclass
class _Part:
    value: Decimal
    words: str
    approx: bool = False


@dataclass
class _Split:
    fractions: dict[str, Decimal]
    base: _Part
    label: str
    checked: bool                       # a part of a whole (else the walk reads it: only kept for a share of a share)
    words: dict[str, str] = field(default_factory=dict)   # level -> the word naming it (地方)
    last: str | None = None             # the party a percentage was just stated for (由市级承担40%，即…)


def read_rests(reading: Reading, lexed: Lexed, unit: AmountUnit = AmountUnit.YUAN) -> Reading:
    text = lexed.text
    done = -1
    found: list[Step] = []
    for match in _TRIGGER_RE.finditer(text):
        if match.start() < done:
            continue
        first, last, start = sentence_at(lexed.tokens, match.start())
        done = lexed.tokens[last - 1].end if last > first else match.end()
        if 0 < last - first <= _MAX_SENTENCE:
            found.extend(_read_sentence(text, lexed.tokens[first:last], start))
    return read_bracket_parts(merge_steps(reading, found), lexed, unit)


def merge_steps(reading: Reading, found: list[Step]) -> Reading:
    """``found`` (steps read after the walk) merged into ``reading``, each as :func:`_merge` says."""
    if found:
        wanted = {step.start for step in found}   # (only the amounts a found step is on: the others are not looked at)
        at: dict[int, list[Step]] = {}
        for step in reading.steps:
            if step.start in wanted and step.stated is not None:
                at.setdefault(step.start, []).append(step)
        gone: set[int] = set()
        for step in found:
            _merge(reading, step, at.get(step.start, []), gone)
        if gone:   # (dropped at once: the steps added are none of them, so the order is what dropping each time gives)
            reading.steps[:] = [s for s in reading.steps if id(s) not in gone]
    return reading


def _merge(reading: Reading, step: Step, same: list[Step], gone: set[int]) -> None:
    """Add ``step`` unless a step of the walk on the same amount (``same``) holds; drop the walk's failing ones there
    (their ids into ``gone``) when it holds, or when it replaces them."""
    if any(s.holds for s in same):
        return
    if same:
        gone.update(id(s) for s in same)
        same.clear()
    if not step.holds:
        reading.steps.append(step)


def _read_sentence(text: str, sentence: list[Token], start: int) -> list[Step]:
    whole: _Part | None = None
    taken: list[_Part] = []
    mixed = False            # a standard, count or product since the whole: the parts are not plain amounts
    rest: _Part | None = None   # the remainder, once a rest word is read (stated, or the whole less what was taken)
    rest_open = False
    split: _Split | None = None
    derived = False          # the whole is a percentage of a base (按…的20%配套)
    unknown = False          # a percentage not read as a part (补贴比例80%): only a stated remainder is trusted
    by_percent = False       # the parts taken are percentages of the whole (省级补助45%，市级补助15%)
    after_percent = False    # the token before was a percentage taken (省补助25%即30万元: the amount restates it)
    steps: list[Step] = []
    previous_end = start
    for token in sentence:
        between = text[previous_end:token.start]
        previous_end = token.end
        clause = _CLAUSE_RE.split(between)[-1] if between else between
        restates, after_percent = after_percent and bool(_STATED_RE.match(between)), False
        if _REST_RE.search(between):
            if whole is None or mixed:
                return steps
            rest_open = True
            if rest is None and taken and not unknown:
                less = sum((p.value for p in taken), Decimal(0))
                rest = _Part(whole.value - less, f"{whole.words}减去{'、'.join(p.words for p in taken)}",
                             whole.approx or any(p.approx for p in taken))
            single = _parties(clause)
            if token.kind not in (RATIO, PERCENT) and rest is not None and len(single) == 1 and (
                    _SHARE_VERB_RE.search(between) or "分配" in between):
                level, word = single[0]   # 剩余部分由县级财政统筹解决: that party bears it all
                split = _Split({level: Decimal(1)}, rest, f"由{word}承担", True, {level: word})
        if token.kind == COUNT or token.kind in ("op", "number") or (
                token.kind == MONEY and token.per):
            if split is not None or rest_open:
                return steps
            mixed = True
            continue
        if token.kind == MONEY:
            if split is not None and split.checked:
                party = _parties(clause)   # (only a checked split's amounts need their party)
                level = party[-1][0] if party else (split.last if _STATED_RE.match(between) else None)
                if level in split.fractions:
                    steps.append(_share_step(split, level, token))
                continue
            if restates:
                continue
            if rest_open and rest is None and whole is not None and not _parties(_REST_RE.split(between)[-1]) and not (
                    taken and not unknown):
                rest = _Part(token.value, _written(token), token.approx)   # 剩余1,380万元由市、区按1:1分担
                continue
            if rest_open:
                continue
            if _SUM_WORD_RE.search(text[max(start, token.start - 6):token.start]) or whole is None:
                whole, taken, mixed, derived = _Part(token.value, _written(token), token.approx), [], False, False
            elif split is None:
                taken.append(_Part(token.value, _written(token), token.approx))
            continue
        if token.kind == PERCENT:
            value = token.value / 100
            party = _parties(clause)
            if split is not None and split.checked:
                continue
            if rest_open:
                if rest is None or len(party) != 1:
                    return steps
                level, word = party[0]   # 剩余部分由市级承担40%
                split = _Split({level: value}, rest, f"由{word}承担{_pct(value)}", True, {level: word}, last=level)
                continue
            if whole is None or mixed:
                return steps
            if text[token.start - 1:token.start] == "的":   # 按中央资金的10%配套: the whole becomes that part
                whole = _Part(round_fen(whole.value * value), f"{whole.words}的{_pct(value)}", whole.approx)
                taken, derived = [], True
            elif party and _SHARE_VERB_RE.search(clause) or _TAKING_RE.search(clause):
                if taken and not by_percent:   # 安排第一年的640万元，这笔钱省里补助40%: of the amount before it
                    whole, taken = taken[-1], []
                by_percent = after_percent = True   # (先提取10%作为工作经费: a part taken off, too)
                taken.append(_Part(round_fen(whole.value * value), f"{whole.words}的{_pct(value)}", whole.approx))
            else:
                unknown = True
            continue
        if token.kind == RATIO:
            if whole is None or mixed:
                return steps
            named = _parties(between)[-len(token.parts):]
            if len(named) != len(token.parts):
                return steps
            total = sum(token.parts)
            fractions = {level: part / total for (level, _w), part in zip(named, token.parts, strict=True)}
            label = f"{'、'.join(w for _l, w in named)}按{token.text}分担"
            words = {level: w for level, w in named}
            of_part = re.search(r"(" + _PARTY_WORD_RE.pattern + r")[^，,。；;\d]{0,4}部分", between)
            if of_part and split is not None and _level(of_part[1]) in split.fractions:
                level = _level(of_part[1])   # 地方部分由市、区按3:7: a share of the first split's part
                fraction = split.fractions[level]
                base = _Part(round_fen(split.base.value * fraction),
                             f"{split.base.words}的{split.words.get(level, level)}部分{_pct(fraction)}", split.base.approx)
                split = _Split(fractions, base, label, True, words)
            elif rest_open:
                if rest is None:
                    return steps
                split = _Split(fractions, rest, label, True, words)
            else:
                split = _Split(fractions, whole, label, derived, words)
            continue
        if token.kind not in ("each", "half"):
            continue
        return steps
    return steps


def _share_step(split: _Split, level: str, token: Token) -> Step:
    fraction = split.fractions[level]
    value = round_fen(split.base.value * fraction)
    name = LEVEL_NAMES.get(level, split.words.get(level, level))
    return Step("share", f"{split.base.words}{split.label}，{name}{_pct(fraction)}为{_fmt(value)}", value, token.value,
                split.base.approx or token.approx, written_tolerance(token), token.start, token.end)
