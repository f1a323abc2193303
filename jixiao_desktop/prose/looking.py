"""Looking around a token of the prose walk: the words before and after it within its sentence or clause, whether it is
approximate, its written precision, and the steps and items made of it — the small helpers every grammar part uses.

A mixin of :class:`~.reader._Reader`: it reads the reader's state (``self.text``, ``self.sentence_start`` …).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from jixiao_desktop.money import FEN, format_with_unit
from jixiao_desktop.prose.lexer import Token
from jixiao_desktop.prose.numbered import close_at_next_number
from jixiao_desktop.prose.steps import Step, _Item
from jixiao_desktop.prose.words import _APPROX_AFTER_RE, _APPROX_BEFORE_RE, _FINAL_RE, _ONE, _RX2, _UNIT_FACTORS

_LAST_MARK_RE = re.compile(r".*[，,。；;\n]", re.S)   # (greedy: it ends just after the last clause mark)


def _approving(pre: str) -> bool:
    """批复/核定 before an amount — not the verb of the figure just before it, in a clause of its own (每人检测费用按186元
    核定，需资金约90.4万元: the standard was set, the amount is worked out)."""
    found = _FINAL_RE.search(pre)
    return found is not None and not (found.start() == 0 and ("，" in pre or "," in pre)) and not (
        "：" in pre[found.end():] or ":" in pre[found.end():] or "每" in pre[found.end():])
    # (…为三年累计批复数，本年度安排：校舍维修每校15万元: a list, or a standard, after the approved figure's words)


@lru_cache(maxsize=4096)
def _decimals(text: str) -> int:
    """The decimals written in an amount's first number (the same few texts recur, so each is worked out once)."""
    digits = _RX2.search(text)
    return len(digits[1]) if digits and digits[1] else 0


_TOLERANCES: dict[tuple[int, str], Decimal] = {}   # (decimals written, unit) → the tolerance of an amount so written
_HALF, _ZERO = Decimal("0.5"), Decimal(0)


class _Looking:
    """The words around a token, its precision, and steps and items made of it."""

    # -- helpers -------------------------------------------------------------
    def close_numbered(self, position: int) -> None:
        """At a sentence's end, with a total's parts open: the next numbered item closes them (numbered.py)."""
        close_at_next_number(self, position)

    def fmt(self, value: Decimal) -> str:
        """A computed amount in the form's unit: ``369600.00元``, ``252.00万元`` (a function of the value alone —
        equal values, however written, format alike — so each is formatted once)."""
        found = self._formatted.get(value)
        if found is None:
            found = self._formatted[value] = format_with_unit(value, self.unit)
        return found

    # (conditional expressions, not max(): these run for every amount)
    def before(self, token: Token, limit: int = 14) -> str:
        start = token.start - limit
        words = self.text[start if start > self.sentence_start else self.sentence_start:token.start]
        if " " in words:   # (blanks count for no word: 省级840 万元（占比… reaches back as far as 省级840万元（占比…)
            start -= words.count(" ")
            words = self.text[start if start > self.sentence_start else self.sentence_start:token.start]
        return words

    def since_prev(self, token: Token, limit: int = 30) -> str:
        """The words since the previous number of the sentence."""
        start = token.start - limit
        floor = self.prev_end if self.prev_end > self.sentence_start else self.sentence_start
        return self.text[start if start > floor else floor:token.start]

    def clause_before(self, token: Token, limit: int = 24) -> str:
        """The words after the last clause mark (，,。；; or a line break) within ``limit`` before ``token`` — the last
        mark found by one greedy match over those words (what ``_clause_tail`` of the slice gives; no list of the
        text's marks made: ~3,500 in 40k characters, 0.5 ms, for about as many calls as marks)."""
        start = token.start - limit
        if start < self.sentence_start:
            start = self.sentence_start
        last = _LAST_MARK_RE.match(self.text, start, token.start)
        return self.text[last.end() if last is not None else start:token.start]

    def after(self, token: Token, limit: int = 6) -> str:
        return self.text[token.end:token.end + limit]

    def approx(self, token: Token) -> bool:
        key = token.start
        found = self._approx.get(key)
        if found is None:
            # (each pattern needs one of its characters: most amounts have none near and try neither; the words
            # around it taken in place: what before(token, 8) and after(token, 3) give)
            start, end, text = token.start - 8, token.end, self.text
            before, after = text[start if start > self.sentence_start else self.sentence_start:token.start], text[end:end + 3]
            found = token.approx or bool(("约" in before or "近" in before or "≈" in before or "≒" in before)
                                         and _APPROX_BEFORE_RE.search(before)) or bool(
                ("左" in after or "多" in after or "余" in after) and _APPROX_AFTER_RE.match(after))
            self._approx[key] = found
        return found

    def sentence_tokens(self) -> list[Token]:
        """The tokens of the current sentence read so far (the last 400 at most)."""
        return self.tokens[max(self.sentence_first, self.index - 400):self.index]

    def back(self, limit: int = 60):
        """The tokens before the current one, nearest first, within its sentence (at most ``limit``)."""
        stop = max(self.sentence_first, self.index - limit)
        for i in range(self.index - 1, stop - 1, -1):
            yield self.tokens[i]

    def tolerance(self, token: Token, approx: bool) -> Decimal:
        decimals = _decimals(token.text)
        if decimals or approx:   # (a function of the decimals and the unit alone: each pair worked out once)
            key = (decimals, token.unit)
            found = _TOLERANCES.get(key)
            if found is None:
                found = _TOLERANCES[key] = max(_ONE.scaleb(-decimals) * _UNIT_FACTORS.get(token.unit, _ONE) / 2, FEN / 2)
            return found
        return _HALF if token.unit == "元" else _ZERO

    def add_step(self, kind, description, computed, stated_token: Token, uncertain=False) -> None:
        approx = uncertain or self.approx(stated_token)
        tolerance = Decimal(0) if kind == "share_percent" else self.tolerance(stated_token, approx)
        self.out.steps.append(Step(kind, description, computed, stated_token.value, approx, tolerance,
                                   stated_token.start, stated_token.end))

    def item(self, token: Token, **kwargs) -> _Item:
        return _Item(token.value, None, token.start, token.end, self.approx(token), token=token, **kwargs)
