"""What the prose reader finds (:class:`Step`, :class:`Reading`) and what it keeps while reading
(items, standards, splits)."""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import wraps

from jixiao_desktop.money import AmountUnit, format_with_unit, round_fen
from jixiao_desktop.prose.lexer import Token
from jixiao_desktop.prose.words import LEVELS, _written

_NO_TOLERANCE = Decimal(0)


@dataclass(frozen=True, slots=True, init=False)
class Step:
    """One relation the text states: ``computed`` from its own numbers vs ``stated``."""

    kind: str            # product | sum | share | share_percent | remainder | percent_of | approved | context
    description: str     # the working, in Chinese, with the text's numbers
    computed: Decimal
    stated: Decimal | None
    uncertain: bool = False
    tolerance: Decimal = Decimal(0)   # how far apart the two may be (the stated figure's written precision)
    start: int = 0
    end: int = 0

    def __init__(self, kind: str, description: str, computed: Decimal, stated: Decimal | None, uncertain: bool = False,
                 tolerance: Decimal = _NO_TOLERANCE, start: int = 0, end: int = 0) -> None:
        """(the generated one of a frozen class sets each field through object.__setattr__, about 1.7 µs a step; the
        slots' own setters, which the frozen check does not see either, take 0.6 µs: a 40k reading makes ~1000 steps)"""
        k, d, c, s, u, t, b, e = _SET_FIELD
        k(self, kind), d(self, description), c(self, computed), s(self, stated)
        u(self, uncertain), t(self, tolerance), b(self, start), e(self, end)

    @property
    def holds(self) -> bool:
        return self.stated is None or abs(self.computed - self.stated) <= self.tolerance


_SET_FIELD = tuple(Step.__dict__[f].__set__ for f in ("kind", "description", "computed", "stated", "uncertain", "tolerance", "start", "end"))


def near_stated(value: Decimal, step: Step) -> bool:
    """Whether ``value``, rounded to the 分, is the figure ``step`` states, within its tolerance (the looks at a failing
    step ask this of each other reading; the first test skips the rounding for values far off)."""
    gap = value - step.stated
    return -step.tolerance - 1 <= gap <= step.tolerance + 1 and abs(round_fen(value) - step.stated) <= step.tolerance


def in_its_unit(description: str, value: Decimal) -> str:
    """``value`` written in the unit a step's own result is written in (＝16.00万元 / 为456.00万元)."""
    return format_with_unit(value, AmountUnit.WAN_YUAN if description.endswith("万元") else AmountUnit.YUAN)


def other_reading(step: Step, value: Decimal, working: str) -> bool | Step:
    """Another reading of the failing ``step``, making ``value`` by ``working``: True where it makes the stated figure;
    the step with that working where it comes nearer the stated figure than the step's own; else False."""
    if near_stated(value, step):
        return True
    if abs(value - step.stated) >= abs(step.computed - step.stated):
        return False
    return Step(step.kind, working, value, step.stated, step.uncertain, step.tolerance, step.start, step.end)


def fixed_reading(step: Step, value: Decimal, working: str, unit) -> bool | Step:
    """A reading the text's own words fix (the months it names after the figure, counts paired as it lists them): True
    where ``value`` makes the stated figure; else the step with ``working`` and that value, in place of the reader's own
    (the clerk's figures, nearer or not: unlike :func:`other_reading`)."""
    if near_stated(value, step):
        return True
    return Step(step.kind, f"{working}＝{format_with_unit(value, unit)}", value, step.stated, step.uncertain, step.tolerance,
                step.start, step.end)


PERCENT_WORKING_RE = re.compile(r"的(\d+(?:\.\d+)?)%为")   # the percentage in a step's working (X的5%为…)
OWN_PERCENT_RE = re.compile(r"(\d+(?:\.\d+)?)%为")   # a share's part in its working (…，区（县）级70%为…)


@dataclass(slots=True)
class Reading:
    steps: list[Step] = field(default_factory=list)
    bottom_line: Decimal | None = None
    derivation: str = ""
    uncertain: bool = False
    truncated: bool = False
    parts_after: set[int] = field(default_factory=set, repr=False)   # steps (by index) of parts listed after their total
    # the form's own level's part among a total's sources (县级自筹7,000万元, 地方承担38万元) with how it reads: a form
    # may carry the whole or its own part, so its amount agrees with either
    own_parts: list[tuple[Decimal, str]] = field(default_factory=list, repr=False)

    def failures(self) -> list[Step]:
        return [s for s in self.steps if not s.holds]


def collector_paused(func):
    """``func`` with the cyclic garbage collector paused while it runs: reading a long text makes tens of
    thousands of small objects (tokens, matches, items), and the collections they set off scan the whole
    program's heap again and again (several ms of a 40,000-character reading in the running program); whatever
    cycles they leave are collected after."""
    @wraps(func)
    def paused(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()
    return paused


def level_of(*names: str) -> str:
    """The government level of a unit from its name: 株洲市石峰区民政局 → 县 (区/县 level); 县 if unknown."""
    order = ["中央", "省", "市", "县", "乡", "村"]
    for name in names:
        found = [LEVELS[m] for m in re.findall(r"自治区|省|市本级|市|州|盟|区|县|旗|乡|镇|街道", name or "") if m in LEVELS]
        if found:
            return max(found, key=order.index)
    return "县"


@dataclass(slots=True)
class _Item:
    value: Decimal
    written: str | None             # how it reads in a working (None: the token as written, made when needed)
    start: int
    end: int
    approx: bool = False
    rate: tuple[str, ...] = ()      # a standard: what it is per
    derived: bool = False           # worked out from an amount before it (a remainder, a percentage, a share)
    token: Token | None = None      # the amount as written, for a plain amount
    product: bool = False           # a standard × count (or a × chain) worked out here
    closed: bool = False            # a result: it stands for the items before it
    source: tuple[Decimal, ...] = ()  # a standard × count: the standard's and the counts' values

    @property
    def words(self) -> str:
        if self.written is None:
            self.written = _written(self.token) if self.token is not None else ""
        return self.written


@dataclass(slots=True)
class _Rate:
    token: Token
    per: tuple[str, ...]
    approx: bool
    label: str
    consumed: bool = False
    k: int = 0                      # its place among the sentence's standards
    scale: Decimal = Decimal(1)     # 每万尾1600元: per 10000
    share: Token | None = None      # 每人每月按最低工资标准1,900元的60%: the percentage of the standard paid


@dataclass(slots=True)
class _Split:
    fractions: dict[str, Decimal]
    label: str
    whole: _Item | None                 # None: the whole is written after the split
    kind: str                           # ratio | percent | each
    tokens: dict[str, Token] = field(default_factory=dict)     # percentages stated per party
    stated: list[tuple[str, Token]] = field(default_factory=list)  # amounts stated per party (checked once the whole is known)
    position: int = 0
    less: Decimal = Decimal(0)          # taken by parties named before 其余 (中央和省级补助60万元，其余…)


# Patterns used while reading, compiled once.
