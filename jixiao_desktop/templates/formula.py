"""Relations a bureau expects (审核公式), written in a small grammar of the program's own.

A template declares its relations as text::

    funding.annual.total = funding.annual.central + funding.annual.provincial + funding.annual.other
    sum(annex2.*.amount) = annex2_total
    funding.annual.total <= funding.mid.total
    indicators.*.weight: sum(indicators.*.weight) = 100

Grammar (nothing is ever handed to ``eval``)::

    relation   := expr compare expr
    compare    := "=" | "==" | "!=" | "≠" | "<=" | "≤" | ">=" | "≥" | "<" | ">"
    expr       := term (("+" | "-") term)*
    term       := factor (("*" | "×" | "/" | "÷") factor)*
    factor     := number ["%"] | reference | function "(" expr ("," expr)* ")" | "(" expr ")" | "-" factor
    reference  := name ("." (name | "*"))*          names: letters, digits, _ and Chinese characters
    function   := sum | count | min | max | abs | round

**Blank is not zero.** A reference to a cell the clerk left blank is *blank*. ``sum`` and ``count``
skip blanks; ``a + b`` with one side blank is the other side; ``×``/``÷`` with a blank is blank; a
relation with a blank side (every cell on it blank) is not judged at all — the form simply does not
split those amounts. A blank required cell is reported by the template's required fields, once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

MAX_FORMULA_CHARS = 2000
MAX_DEPTH = 50
COMPARISONS = {"=": "=", "==": "=", "!=": "≠", "≠": "≠", "<=": "≤", "≤": "≤", ">=": "≥", "≥": "≥", "<": "<", ">": ">"}
FUNCTIONS = ("sum", "count", "min", "max", "abs", "round")

_TOKEN_RE = re.compile(
    r"""\s*(?:
        (?P<number>\d+(?:\.\d+)?%?)
      | (?P<name>[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*(?:\.(?:[A-Za-z0-9_\u4e00-\u9fff]+|\*))*)
      | (?P<op>==|!=|<=|>=|[=≠≤≥<>+\-*×/÷(),])
    )""",
    re.VERBOSE,
)


class FormulaError(ValueError):
    """A formula that cannot be read; ``str()`` is Chinese and says where (``position`` is 0-based)."""

    def __init__(self, formula: str, position: int, problem: str):
        self.formula = formula
        self.position = position
        self.problem = problem
        shown = formula[:position] + "▲" + formula[position:]
        super().__init__(f"公式“{shown}”第{position + 1}个字符处：{problem}")


# -- the tree ------------------------------------------------------------------------

@dataclass(frozen=True)
class Number:
    value: Decimal


@dataclass(frozen=True)
class Ref:
    name: str   # dotted; may hold * for "every row"


@dataclass(frozen=True)
class Call:
    function: str
    args: tuple


@dataclass(frozen=True)
class Binary:
    op: str
    left: object
    right: object


@dataclass(frozen=True)
class Negate:
    operand: object


@dataclass(frozen=True)
class Relation:
    left: object
    compare: str
    right: object
    text: str

    def references(self) -> list[str]:
        return sorted(set(_refs(self.left) + _refs(self.right)))

    def first_reference(self) -> str:
        """The first cell the left side names (where a finding points by default)."""
        refs = _refs(self.left) or _refs(self.right)
        return refs[0] if refs else ""


def _refs(node) -> list[str]:
    if isinstance(node, Ref):
        return [node.name]
    if isinstance(node, Binary):
        return _refs(node.left) + _refs(node.right)
    if isinstance(node, Negate):
        return _refs(node.operand)
    if isinstance(node, Call):
        return [r for arg in node.args for r in _refs(arg)]
    return []


# -- parsing -----------------------------------------------------------------------

class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens: list[tuple[str, str, int]] = []
        pos = 0
        while pos < len(text):
            if text[pos:].strip() == "":
                break
            match = _TOKEN_RE.match(text, pos)
            if match is None or match.end() == pos:
                start = pos + len(text[pos:]) - len(text[pos:].lstrip())
                raise FormulaError(text, start, f"不认识的字符“{text[start]}”")
            kind = match.lastgroup
            start = match.start(kind)
            self.tokens.append((kind, match.group(kind), start))
            pos = match.end()
        self.i = 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else ("end", "", len(self.text))

    def take(self, value: str | None = None):
        token = self.peek()
        if value is not None and token[1] != value:
            raise FormulaError(self.text, token[2], f"这里应为“{value}”" if token[0] != "end" else f"公式不完整，缺少“{value}”")
        self.i += 1
        return token

    def relation(self) -> Relation:
        left = self.expr()
        kind, value, pos = self.peek()
        if value not in COMPARISONS:
            raise FormulaError(self.text, pos, "缺少比较符号（=、≤、≥、<、>、≠）" if kind == "end" else f"这里应为比较符号，而不是“{value}”")
        compare = COMPARISONS[self.take()[1]]
        right = self.expr()
        kind, value, pos = self.peek()
        if kind != "end":
            raise FormulaError(self.text, pos, f"多出的内容“{value}”")
        return Relation(left, compare, right, self.text)

    def expr(self):
        node = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            node = Binary(op, node, self.term())
        return node

    def term(self):
        node = self.factor()
        while self.peek()[1] in ("*", "×", "/", "÷"):
            op = self.take()[1]
            node = Binary("*" if op in ("*", "×") else "/", node, self.factor())
        return node

    def factor(self):
        kind, value, pos = self.peek()
        if kind == "number":
            self.take()
            number = Decimal(value.rstrip("%"))
            return Number(number / 100 if value.endswith("%") else number)
        if value == "-":
            self.take()
            return Negate(self.factor())
        if value == "(":
            self.take()
            node = self.expr()
            self.take(")")
            return node
        if kind == "name":
            self.take()
            if self.peek()[1] == "(":
                if value not in FUNCTIONS:
                    raise FormulaError(self.text, pos, f"不认识的函数“{value}”，可用：{'、'.join(FUNCTIONS)}")
                self.take("(")
                args = [self.expr()]
                while self.peek()[1] == ",":
                    self.take()
                    args.append(self.expr())
                self.take(")")
                return Call(value, tuple(args))
            return Ref(value)
        if kind == "end":
            raise FormulaError(self.text, pos, "公式不完整")
        raise FormulaError(self.text, pos, f"这里不能是“{value}”")


def parse(text: str) -> Relation:
    """Parse a relation; raise :class:`FormulaError` with a Chinese message saying where."""
    if not text or not text.strip():
        raise FormulaError(text or "", 0, "公式是空的")
    if len(text) > MAX_FORMULA_CHARS:
        raise FormulaError(text[:40], 40, f"公式太长（{len(text)}字，最多{MAX_FORMULA_CHARS}字）")
    depth = deepest = 0
    for position, char in enumerate(text):
        if char in "(（":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")）":
            depth -= 1
    if deepest > MAX_DEPTH or text.count("-") > MAX_DEPTH:
        raise FormulaError(text[:40], 0, f"括号或负号套得太深（最多{MAX_DEPTH}层）")
    return _Parser(text).relation()


# -- evaluation ----------------------------------------------------------------------

Resolver = Callable[[str], list[Decimal | None]]
"""Maps a reference to the values it names (one for a cell, one per row for ``*``); None = blank."""


@dataclass(frozen=True)
class Outcome:
    """A relation judged: both sides' values, whether it holds; ``judged`` is False when a side is blank."""

    left: Decimal | None
    right: Decimal | None
    compare: str
    holds: bool
    judged: bool

    @property
    def difference(self) -> Decimal | None:
        return None if self.left is None or self.right is None else self.left - self.right


def evaluate(relation: Relation, resolve: Resolver, tolerance: Decimal = Decimal(0)) -> Outcome:
    left, right = _value(relation.left, resolve), _value(relation.right, resolve)
    if left is None or right is None:
        return Outcome(left, right, relation.compare, True, False)
    diff = left - right
    holds = {
        "=": abs(diff) <= tolerance,
        "≠": abs(diff) > tolerance,
        "≤": diff <= tolerance,
        "≥": diff >= -tolerance,
        "<": diff < -tolerance or (tolerance == 0 and diff < 0),
        ">": diff > tolerance or (tolerance == 0 and diff > 0),
    }[relation.compare]
    return Outcome(left, right, relation.compare, holds, True)


def _value(node, resolve: Resolver) -> Decimal | None:
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Ref):
        values = resolve(node.name)
        if "*" in node.name:
            present = [v for v in values if v is not None]
            return sum(present, Decimal(0)) if present else None
        return values[0] if values else None
    if isinstance(node, Negate):
        value = _value(node.operand, resolve)
        return None if value is None else -value
    if isinstance(node, Binary):
        left, right = _value(node.left, resolve), _value(node.right, resolve)
        if node.op in ("+", "-"):
            if left is None and right is None:
                return None
            left, right = left or Decimal(0), right or Decimal(0)
            return left + right if node.op == "+" else left - right
        if left is None or right is None:
            return None
        if node.op == "*":
            return left * right
        try:
            return left / right if right else None
        except InvalidOperation:
            return None
    if isinstance(node, Call):
        return _call(node, resolve)
    return None  # pragma: no cover - the parser makes no other node


def _call(node: Call, resolve: Resolver) -> Decimal | None:
    values: list[Decimal | None] = []
    for arg in node.args:
        if isinstance(arg, Ref):
            values += resolve(arg.name)
        else:
            values.append(_value(arg, resolve))
    present = [v for v in values if v is not None]
    if node.function == "count":
        return Decimal(len(present))
    if not present:
        return None
    if node.function == "sum":
        return sum(present, Decimal(0))
    if node.function == "min":
        return min(present)
    if node.function == "max":
        return max(present)
    if node.function == "abs":
        return abs(present[0])
    if node.function == "round":
        places = int(present[1]) if len(present) > 1 else 2
        return present[0].quantize(Decimal(1).scaleb(-places))
    return None  # pragma: no cover
