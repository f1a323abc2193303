"""× chains of the prose grammar (2518乘以70乘以12, 61人×2512.4元×6个月): their value, the count a chain from a
standard is times, the standards they restate, and 各 amounts of several named things.

A mixin of :class:`~.reader._Reader`: it reads and writes the reader's state, set up in ``_Reader.__init__``.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, Token
from jixiao_desktop.prose.workings import bracket_restates
from jixiao_desktop.prose.steps import _Item
from jixiao_desktop.prose.words import _TIME, _each_of_named, _factor_text, _rate_text, _same_thing, _written

_HUGE = Decimal("1E+20")   # more 元 than any budget: a × chain of many numbers is capped before it is rounded


class _Chains:
    """× chains: their value, and what they close or count."""

    def chain_add(self, token: Token) -> None:
        if self.chain_open and self.chain:
            self.chain.append(token)
        else:
            self.flush_chain()
            self.chain = [token]
        self.chain_open = False

    def flush_chain(self) -> None:
        """A × chain with no result after it is an item of its own."""
        if len(self.chain) >= 2:
            value, words, uncertain = self.chain_value(self.chain)
            if bracket_restates(self, self.chain[0].start, value):
                self.chain = []
                return
            self.add_item(_Item(value, words, self.chain[0].start, self.chain[-1].end, uncertain, product=True))
        self.chain = []

    def restated(self, chain: list[Token]) -> None:
        """A × chain that restates a standard in bare numbers (人均每月70元，2518乘以70乘以12): the standard is
        no term of its own. Open standards of the sentence whose value is a factor of the chain are closed by it,
        and so is a standard × count worked out before (in an earlier clause) whose standard and counts are all
        factors of it (合计2512.4元/人/月；61人乘以2512.4元乘以6个月)."""
        factors = set()
        for token in chain:
            if token.value is not None and token.kind != PERCENT:
                factors.add(token.value)
        if not factors:
            return

        def among(value: Decimal) -> bool:
            return value in factors or (value / 10000) in factors

        for rate in self.rates:
            if not rate.consumed and rate.token.end <= chain[0].start and among(rate.token.value):
                rate.consumed = True
        first, k = chain[0].start, len(self.items)
        while k > 0 and self.items[k - 1].start >= self.paragraph_start:
            k -= 1   # only the items of the chain's paragraph are looked at
        if k < len(self.items):
            self.items[k:] = [i for i in self.items[k:] if not (
                i.product and len(i.source) >= 2 and not i.closed and i.end <= first and all(among(v) for v in i.source))]

    def listed_each(self, token: Token, item: _Item) -> _Item:
        """县图书馆、文化馆各补助50万元: an amount as many times as the names listed before 各."""
        if "各" not in self.text[max(self.sentence_start, token.start - 12):token.start]:
            return item
        named = _each_of_named(self.clause_before(token, 30))
        if named < 2:
            return item
        return _Item(token.value * named, f"{named}×{_written(token)}", token.start, token.end, item.approx,
                     token=token, product=True)

    def counted_chain(self, chain: list[Token]) -> list[Token]:
        """215人，按每人每月300元乘以12个月: a chain from a standard per a thing, with no bare number in it and no count
        of that thing, is times the count of it the text names before it (每团队每日8元×220日: the 团队 counted before, the
        days in the chain)."""
        if chain[0].kind != MONEY or any(t.kind == "number" for t in chain):
            return chain
        rate = next((r for r in self.rates if r.token is chain[0] and not r.consumed), None)
        if rate is None:
            return chain
        counts = [t for t in chain if t.kind == COUNT]
        own = [w for w in rate.per if w not in _TIME]
        things = [w for w in own if w != "*" and not any(_same_thing(w, c.unit) for c in counts)]
        if counts and (len(things) != 1 or len(own) != 1 + len(counts)):
            return chain   # (a count in the chain of none of the standard's things, or more than one thing left)
        count = self.count_for(rate, things[0], chain[-1].end) if len(things) == 1 else None
        if count is not None and count.end <= chain[0].start:
            self.standard_counts.add(id(count))
            return [count, *chain]
        return chain

    def chain_value(self, chain: list[Token]) -> tuple[Decimal, str, bool]:
        self.restated(chain)
        chain = self.counted_chain(chain)
        value, words, uncertain = Decimal(1), [], False
        for token in chain:
            value *= token.value / 100 if token.kind == PERCENT else token.value
            words.append(_rate_text(token) if token.kind == MONEY else _factor_text(token))
            uncertain = uncertain or self.approx(token)
            if token.kind == COUNT:
                self.used_counts.add(id(token))
                self.chain_counts.add(id(token))
                if any(t.kind == MONEY for t in chain):
                    self.standard_counts.add(id(token))   # (6人×3,000元×12个月；另每人…500元: carried to a later standard)
        for rate in self.rates:
            if any(rate.token is t for t in chain):
                rate.consumed = True
        return round_fen(min(value, _HUGE)), "×".join(words), uncertain   # (nonsense chains stay within Decimal's digits)
