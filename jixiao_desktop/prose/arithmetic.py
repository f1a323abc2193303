"""Arithmetic a clerk writes out before ＝ ((1,736×80+2,104×100)×12=419.136万元): found just before a stated figure
and evaluated as written, in Decimal (a helper of :mod:`.readings`)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, Lexed, Token

_OPERAND = frozenset((COUNT, MONEY, PERCENT, "number", "months", "years"))
_GAP_RE = re.compile(r"[\s()（）]*")
_TERM_LABEL_RE = re.compile(r"\s*[\u4e00-\u9fff]{1,4}\s*")
_EQUALS_RE = re.compile(r"[\s)）]*[=＝]\s*$")
_SCALE_RE = re.compile(r"(万|亿)元")
_SCALES = {"万": Decimal(10000), "亿": Decimal(100000000)}


def evaluate_written(lexed: Lexed, index: int, expression: str, operands: list[Token]) -> Decimal | None:
    """The value of the written ``expression``. Where every operand is a bare number and the result is written in
    万元 or 亿元, the operands may be in that unit too (86x2+42x1.4=230.8万元) or in 元 ((5+37)×600×12=32.04万元):
    the one of the two nearer the stated figure."""
    value = _evaluate(expression, operands)
    stated = lexed.tokens[index]
    scale = _SCALE_RE.search(stated.text) if value is not None else None
    if scale and all(t.kind == "number" for t in operands) and stated.value is not None:
        scaled = value * _SCALES[scale[1]]
        if abs(scaled - stated.value) < abs(value - stated.value):
            return scaled
    return value


def expression_before(lexed: Lexed, index: int) -> tuple[str, list[Token]] | None:
    """The arithmetic written just before the token at ``index`` and its ＝: (the expression over
    ``#k`` operands, the operand tokens); None unless it has brackets or both + and ×."""
    tokens, text = lexed.tokens, lexed.text
    j = index - 1
    if j < 0:
        return None
    gap, end = tokens[j].end, tokens[index].start   # (no ＝ in the gap: the pattern, which needs one, fails — found first)
    if text.find("＝", gap, end) < 0 and text.find("=", gap, end) < 0 or not _EQUALS_RE.search(text[gap:end]):
        return None
    first = j + 1
    while first > 0 and (tokens[first - 1].kind == "op" or (
            tokens[first - 1].kind in _OPERAND and tokens[first - 1].value is not None) or (
            tokens[first - 1].kind == "each" and first >= 2 and tokens[first - 2].kind == "op" and tokens[first].kind == MONEY)):
        # (286公里×每公里每年7,000元+…: a standard's per-words after its operator are still the expression)
        if first <= j and not _GAP_RE.fullmatch(text[tokens[first - 1].end:tokens[first].start]) and not (
                tokens[first - 1].kind == "op" and tokens[first].kind in _OPERAND
                and _TERM_LABEL_RE.fullmatch(text, tokens[first - 1].end, tokens[first].start)):
            break   # (…＋新建2个×1.2万元: a term's own short label after its operator is still the expression)
        first -= 1
        if index - first > 40:
            return None
    while first <= j and tokens[first].kind == "op":
        first += 1
    if j - first < 2:
        return None
    lead = text[max(0, tokens[first].start - 3):tokens[first].start]
    opened = len(lead) - len(lead.rstrip("(（"))
    parts, operands = ["("] * opened, []
    for k in range(first, j + 1):
        token = tokens[k]
        if token.kind == "each":
            continue
        if token.kind == "op":
            parts.append("+" if token.text in ("+", "＋", "加", "加上") else "-" if token.text in ("-", "－") else "*")
        else:
            parts.append(f"#{len(operands)}")
            operands.append(token)
        gap = text[token.end:tokens[k + 1].start] if k < j else text[token.end:tokens[index].start]
        parts.extend(c for c in gap.replace("（", "(").replace("）", ")") if c in "()")
    expression = "".join(parts)
    if ("+" not in expression or "*" not in expression) and "(" not in expression and not (
            "+" in expression and all(t.kind in (MONEY, "number") for t in operands)):
        return None   # (577,200+2,053,200=2,630,400元: a sum of amounts written out is the clerk's working too)
    return expression, operands


def _evaluate(expression: str, operands: list[Token]) -> Decimal | None:
    """+, -, × and brackets over the operands, in Decimal; None if it does not parse."""
    values = [t.value / 100 if t.kind == PERCENT else t.value for t in operands]
    parts = re.findall(r"#\d+|[()+*-]", expression)
    if "".join(parts) != expression:
        return None
    position = 0

    def term() -> Decimal:
        nonlocal position
        value = factor()
        while position < len(parts) and parts[position] == "*":
            position += 1
            value *= factor()
        return value

    def factor() -> Decimal:
        nonlocal position
        if position >= len(parts):
            raise ValueError
        part = parts[position]
        position += 1
        if part == "(":
            value = total()
            if position >= len(parts) or parts[position] != ")":
                raise ValueError
            position += 1
            return value
        if part.startswith("#"):
            return values[int(part[1:])]
        raise ValueError

    def total() -> Decimal:
        nonlocal position
        value = term()
        while position < len(parts) and parts[position] in "+-":
            sign = parts[position]
            position += 1
            value = value + term() if sign == "+" else value - term()
        return value

    try:
        value = total()
    except (ValueError, IndexError, InvalidOperation):
        return None
    return round_fen(value) if position == len(parts) else None


_PLUS_TOTAL_RE = re.compile(r"[\s，,]*(?:合计|共计|总计)[\s:：为]*")


def plus_totalled(reader, token: Token) -> bool:
    """运营12万元＋作业补助46.5万元＋运输补助8.2万元，合计67.7万元: terms written with ＋ and then a sum word, with no other
    item open (nothing else the sum word could add up): the sum word states the terms' sum, as ＝ would."""
    return (_PLUS_TOTAL_RE.fullmatch(reader.text, reader.plus[-1].end, token.start) is not None
            and reader.plus[0].start >= reader.sentence_start and reader.breakdown is None
            and not reader.subtotals and not reader.items and not reader.rates and not reader.chain)
