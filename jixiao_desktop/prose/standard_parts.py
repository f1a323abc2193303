"""A level's part of a per-unit standard: 每人每年补助12,000元，其中省补助8,000元，其余由县级承担，县级需安排98万元.

Clerks quote the whole standard, split it after 其中 among the levels that pay it (a part each, or the rest
after 其余/剩余/余下), and then state what their own level needs: the count times their own part, not times the
whole standard. Read as a product of the whole, such a text is a false alarm when right (96个×4万元＝384万元 read
as 96个×12万元) and reported with the wrong number when wrong. This is one more plausible reading of a failing
product (prose/readings.py): the counts before the standard times one part of it (or the rest).
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import AmountUnit, format_with_unit, round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, Lexed
from jixiao_desktop.prose.steps import Step
from jixiao_desktop.prose.words import CLAUSE_MARK_RE, _common_run, _party_before, party_of

_REST_RE = re.compile(r"其余|剩余|余下|不足部分")
_STANDARD_BEFORE_RE = re.compile(r"每|标准|均")


def part_of_standard(lexed: Lexed, first: int, index: int) -> tuple[list[Decimal], Decimal | None]:
    """(every count × part reading, the one reading of the stated figure's own level or None) for the sentence's
    tokens ``first``..``index`` (the stated figure at ``index``); ([], None) when its words are not of this shape."""
    tokens, text = lexed.tokens, lexed.text
    stated = tokens[index]
    sentence_start = tokens[first].start if first < index else stated.start
    q = text.rfind("其中", sentence_start, stated.start)
    if q < 0:
        return [], None
    k_std = next((k for k in range(index - 1, first - 1, -1) if tokens[k].end <= q), None)
    if k_std is None or tokens[k_std].kind != MONEY or not tokens[k_std].value:
        return [], None
    standard = tokens[k_std]
    if not (standard.per or (k_std and tokens[k_std - 1].kind == "each") or _STANDARD_BEFORE_RE.search(
            text[max(sentence_start, standard.start - 8):standard.start])):
        return [], None
    counts = [t.value for t in tokens[first:k_std] if t.kind == COUNT and t.value]
    if not counts or any(t.kind == MONEY and t.value for t in tokens[first:k_std]):
        return [], None
    count = Decimal(1)
    for c in counts:
        count *= c
    parts = [(t.value, party_of(text, t.start)) for t in tokens[k_std + 1:index] if t.kind == MONEY and t.value]
    if not parts or any(t.kind == COUNT for t in tokens[k_std + 1:index]):
        return [], None
    paid = sum((v for v, _ in parts), Decimal(0))
    if paid > standard.value:
        return [], None   # not parts of this standard
    rest = _REST_RE.search(text, q, stated.start)
    if rest and paid < standard.value:
        cut = CLAUSE_MARK_RE.search(text, rest.end(), stated.start)
        parts.append((standard.value - paid, _party_before(text[rest.start():cut.start() if cut else stated.start])))
    readings = [round_fen(count * v) for v, _ in parts]
    own = party_of(text, stated.start)
    mine = [r for r, (_, p) in zip(readings, parts) if own is not None and p == own]
    if not mine:   # 其中医保基金支付70元、基本公卫经费支付30元…。需基本公卫经费支付20.52万元: the part its payer names
        label = _label(text, stated.start)
        named = [t for t in tokens[k_std + 1:index] if t.kind == MONEY and t.value]
        runs = [_common_run(_label(text, t.start), label) for t in named]
        best = max(runs, default=0)
        mine = [r for r, run in zip(readings, runs) if run == best] if best >= 4 else []
    return readings, (mine[0] if len(mine) == 1 else None)


def _label(text: str, position: int) -> str:
    """The words just before ``position`` back to the last separator or digit (基本公卫经费支付)."""
    words = re.split(r"[，,。；;、：:\n\d]", text[max(0, position - 16):position])[-1]
    return words.removeprefix("需").removeprefix("其中")


def share_of_rest(step: Step, lexed: Lexed, first: int, index: int, unit: AmountUnit = AmountUnit.YUAN) -> Step | None:
    """每人每月163元，全年需10288.56万元，其中中央补助每人每月123元，其余由省、县按1:1承担，县级承担1262.4万元: the
    split after 其余 is of the whole stated before 其中 less the part named after it — not of that part, which the
    walk took for its base (a failing share computed as ``base × p``). The reading: the whole × p − ``base × p`` for
    the sentence's ratio parts and percentages p; the step with the one nearest the stated figure, or None where the
    words are not of this shape (no 其中 then a rest word before the stated figure, no plain whole before 其中)."""
    tokens, text = lexed.tokens, lexed.text
    stated = tokens[index]
    q = text.rfind("其中", tokens[first].start if first < index else stated.start, stated.start)
    if q < 0 or not _REST_RE.search(text, q, stated.start):
        return None
    wholes = [t.value for t in tokens[first:index] if t.kind == MONEY and t.value and t.end <= q and not t.per
              and not (t.start and _STANDARD_BEFORE_RE.search(text[max(0, t.start - 3):t.start]))]
    fractions = [Decimal(p) / sum(t.parts) for t in tokens[first:index] if t.kind == "ratio" and t.start > q
                 and t.parts and sum(t.parts) for p in t.parts]
    fractions += [t.value / 100 for t in tokens[first:index] if t.kind == "percent" and t.value and t.start > q]
    candidates = [round_fen(w * p) - step.computed for w in wholes for p in fractions
                  if step.computed < round_fen(w * p)]
    if not candidates:
        return None
    rest = min(candidates, key=lambda c: abs(c - step.stated))
    return Step(step.kind, f"{step.description}；按其余部分分担应为{format_with_unit(rest, unit)}", rest, step.stated,
                step.uncertain, step.tolerance, step.start, step.end)


_BRACKET_OPEN_RE = re.compile(r"\s*[（(][^（()）\n。；;]*")


def bracketed_part(text: str, standard_end: int, position: int, own_level: str) -> bool:
    """每亩400元（中央300元，省级100元）: an amount in a bracket opened right after a standard, named for the level
    that pays it, is a part of that standard (as after 其中) — never an item to add beside the product, even where the
    form's own level is among the payers (（其中中央300元，县级配套100元），共需200万元): its part is then read as the
    count times that part where the text states it (县级需配套50万元), by :func:`part_of_standard`."""
    return bool(_BRACKET_OPEN_RE.fullmatch(text, standard_end, position)) and party_of(text, position) is not None
