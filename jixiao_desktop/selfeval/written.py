"""Arithmetic written out in a scoring table's cells: “23/25×0.5=0.42”, “4523/10000=45.23%”,
“474÷900×100%=52.67%”, “(8+7)×0.5=7.5分”. The evaluator shows the working; the program re-does it.

An equation is an expression of at least two numbers joined by + - × * x ÷ / (and parentheses), then
``=`` and the number it gives (with % or 分 after it); further ``=`` in a chain each state the same value
again (“474/900=0.5267=52.67%”). A percentage written inside the expression is its hundredth
(×100% is ×1). A stated value is right when the exact result, rounded (or cut off) to as many decimals as
the value is written with, gives it (0.4523 → 0.45; 52.666… → 52.67% or 52.66%). Anything else in the text is left alone:
a fraction without ``=`` (36/25), dates (2022/12/31), ratios (3:7), ranges.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?%?"
# the expression: numbers, operators, parentheses and spaces, ending just before "="
_EXPR = re.compile(rf"[(（]*{_NUMBER}[)）]*(?:\s*[-+×*xX÷/]\s*[(（]*{_NUMBER}[)）]*)+")
_STATED = re.compile(rf"\s*=\s*(-?{_NUMBER})\s*(分)?")
# What a written result can be: at most 15 digits before the point (a form's amounts) and 12 after it, so
# rounding the exact result to the stated decimals stays within Decimal's 28 digits.
_MAX_DIGITS, _MAX_PLACES = 15, 12
_TOKEN = re.compile(rf"{_NUMBER}|[-+×*xX÷/()（）]")


@dataclass(frozen=True)
class Written:
    """One equation written in a text, what it gives and what the text says it gives."""

    text: str              # as written: 23/25×0.5=0.42
    expression: str        # 23/25×0.5
    exact: Decimal         # in the stated value's terms (×100 when it is written as a percentage)
    stated: Decimal
    stated_text: str       # 0.42 / 52.67%
    # the result when the numbers the text itself rounded earlier (“23.64/35=68%；68%×3=2.03”) are taken
    # at their exact value: a gap that disappears then is a rounding gap (尾差), not a mistake
    unrounded: Decimal | None = None

    @property
    def rounded(self) -> Decimal:
        """The exact result to as many decimals as the stated value is written with."""
        return self.exact.quantize(Decimal(1).scaleb(-_places(self.stated_text)), ROUND_HALF_UP)

    @property
    def agrees(self) -> bool:
        """Rounded or cut off to the stated value's decimals, the result is the stated value."""
        return _agrees(self.exact, self.stated, self.stated_text)

    @property
    def rounding_gap(self) -> bool:
        """Wrong as written, right with the text's own earlier results unrounded."""
        return not self.agrees and self.unrounded is not None and _agrees(self.unrounded, self.stated,
                                                                           self.stated_text)


def _agrees(exact: Decimal, stated: Decimal, stated_text: str) -> bool:
    step = Decimal(1).scaleb(-_places(stated_text))
    return stated in (exact.quantize(step, ROUND_HALF_UP), exact.quantize(step, ROUND_DOWN))


def _places(text: str) -> int:
    digits = text.rstrip("%分").split(".")
    return len(digits[1]) if len(digits) == 2 else 0


def equations(text: str) -> list[Written]:
    """Every equation written in ``text`` with its exact result; never raises."""
    if "=" not in text and "＝" not in text:
        return []
    plain = unicodedata.normalize("NFKC", text)
    out: list[Written] = []
    earlier: dict[str, Decimal] = {}     # a result stated before (“68%”) → its exact value (0.6754…)
    for match in _EXPR.finditer(plain):
        start = match.start()
        if start and (plain[start - 1].isdigit() or plain[start - 1] in ".-/"):
            continue             # the tail of a date or a code, not an expression's first number
        stated = _STATED.match(plain, match.end())
        if stated is None:
            continue
        value = _evaluate(match.group())
        if value is None or (value < 0 and set(re.sub(r"[\d.,%\s]", "", match.group())) == {"-"}):
            continue             # 2022-2023: a range of years, not a subtraction
        carried = _evaluate(match.group(), earlier)
        position = match.end()
        while stated is not None:
            said = stated.group(1)
            if _places(said) > _MAX_PLACES:
                break            # no score or rate is written to more decimals: a code, not a result
            scale = 100 if said.endswith("%") else 1
            try:
                out.append(Written(plain[match.start():stated.end()].strip(), match.group().strip(), value * scale,
                                   Decimal(said.rstrip("%").replace(",", "")), said,
                                   carried * scale if carried is not None and carried != value else None))
            except InvalidOperation:
                break
            earlier.setdefault(said, value)
            position = stated.end()
            stated = _STATED.match(plain, position)
    return out


def _evaluate(expression: str, exact: dict[str, Decimal] | None = None) -> Decimal | None:
    """The value of a written expression (× before + as usual), or None when it cannot be read; a number
    found in ``exact`` (a result written earlier) is taken at its exact value."""
    tokens = _TOKEN.findall(expression)
    at = 0

    def peek() -> str:
        return tokens[at] if at < len(tokens) else ""

    def take() -> str:
        nonlocal at
        at += 1
        return tokens[at - 1]

    def factor() -> Decimal:
        token = take()
        if token in "(（":
            value = expr()
            if peek() not in (")", "）"):
                raise ValueError("unclosed")
            take()
            return value
        if token == "-":
            return -factor()
        if exact and token in exact:
            return exact[token]
        number = Decimal(token.rstrip("%").replace(",", ""))
        return number / 100 if token.endswith("%") else number

    def term() -> Decimal:
        value = factor()
        while peek() and peek() in "×*xX÷/":
            op = take()
            right = factor()
            value = value / right if op in "÷/" else value * right
        return value

    def expr() -> Decimal:
        value = term()
        while peek() in ("+", "-"):
            op = take()
            right = term()
            value = value + right if op == "+" else value - right
        return value

    try:
        value = expr()
    except (ValueError, IndexError, ArithmeticError, RecursionError):   # deep (((…))) or a huge product
        return None
    if at != len(tokens) or not value.is_finite() or value.adjusted() > _MAX_DIGITS:
        return None
    return value
