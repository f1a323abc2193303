"""Splits of the prose grammar: splits between parties (市、区按3:7; 按1:1比例由市、区两级承担; 区级承担70%;
各配套50%; 省补助25%，其余由市、区按1:1承担), each party's share checked against the amount stated for it.
Percentages of a base are in :mod:`.percents`.

A mixin of :class:`~.reader._Reader`: it reads and writes the reader's state, set up in ``_Reader.__init__``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import MONEY, PERCENT, Token
from jixiao_desktop.prose.payers import body_paying, listed_payers
from jixiao_desktop.prose.portions import respective_party, rest_shared
from jixiao_desktop.prose.split_scope import payer_words, whole_on_earlier_line
from jixiao_desktop.prose.steps import _Item, _Split
from jixiao_desktop.prose.words import (
    CLAUSE_MARK_RE, LEVELS, LEVEL_NAMES, _RX18, _RX19, _RX19_VERB, _SHARE_VERB_RE, _SUM_RE, _grouped_parties, _num, _parties_in,
    _PARTY_RE, _party_before, _pct, _rate_text, _rate_value, _written,
)


# 其余镇自筹 / 其余部分由县级承担 / 剩余资金由乡镇财政解决: one payer of what a percentage leaves
_REST_PAYER_RE = re.compile(r"[^，,。；;\d%]{0,4}[，,]\s*(?:其余|剩余|余下)(?:部分)?(?:资金)?\s*(?:由|为)?\s*(" + _PARTY_RE.pattern
                            + r")(?:级|财政|本级)*\s*(?:自筹|承担|负担|解决|安排|配套|兜底|统筹)")
_NO_FIGURE_AFTER_RE = re.compile(r"[^\d。；;\n]*(?:[。；;\n]|$)")
_TAKEN_OFF_RE = re.compile(r"扣除|扣减|减去|除|已")

_PER_SPLIT_RE = re.compile(r"\d\s*(?:万?元)\s*/")   # 区级承担70%（16800元/个.年）: the standard split
_TOTALLED_RE = re.compile(r"合计|共计|总计")   # (compiled once)
_VERB_AFTER_RE = re.compile(r"承担|分担|负担|出资|配套|筹集")

class _Shares:
    """Splits of a whole between levels of government, each party's share checked."""

    def ratio(self, token: Token) -> None:
        before = self.text[max(self.sentence_start, token.start - 16):token.start]
        after_clause = CLAUSE_MARK_RE.split(self.text[token.end:token.end + 16], maxsplit=1)[0]
        named = _parties_in(before, words=True)
        if len(named) > len(token.parts):
            grouped = _grouped_parties(before)
            named = grouped[-len(token.parts):] if len(grouped) >= len(token.parts) else named[-len(token.parts):]
        elif len(named) < len(token.parts):
            bodies = listed_payers(CLAUSE_MARK_RE.split(before)[-1], len(token.parts)) or listed_payers(
                _VERB_AFTER_RE.split(after_clause, 1)[0], len(token.parts))   # 县财政、卫生院按7:3 / 按1:1比例由县级财政和城投公司承担
            named = bodies or _parties_in(after_clause, words=True)[:len(token.parts)]
        if len(named) < len(token.parts):
            return
        parties = tuple(LEVELS.get(w, w) for w in named)
        total = sum(token.parts)
        fractions = {p: part / total for p, part in zip(parties, token.parts, strict=False)}
        previous = self.split
        scale, whole, less = Decimal(1), None, Decimal(0)
        rest = _RX18.search(self.text[max(self.sentence_start, token.start - 24):token.start])
        if previous is not None and rest:
            taken = sum((f for p, f in previous.fractions.items() if p not in fractions), Decimal(0))
            scale, whole = Decimal(1) - taken, previous.whole
            fractions = {p: f * scale for p, f in fractions.items()}
            fractions.update({p: f for p, f in previous.fractions.items() if p not in fractions})
            split = _Split(fractions, f"{'、'.join(named)}按{token.text}分担", whole, "ratio", position=token.start)
            self.split = split
            if whole is not None:
                self.set_split_whole(whole)
            return
        rest_of = self.rest_of_whole() if rest else None
        if rest_of is not None:
            self.open_split(_Split(fractions, f"{'、'.join(named)}按{token.text}分担", None, "ratio", position=token.start),
                            token, rest_of)   # 共需144万元，除上级补助80万元外，剩余资金由镇、村按1:1承担
            return
        if rest and self.whole is not None and _party_before(self.since_before_item(self.whole)):
            less = self.whole.value  # 中央和省级补助资金60万元，其余由市、区按3:7承担: the rest of a whole written later
        elif previous is not None and previous.kind in ("percent", "each") and previous.tokens:
            for party, stated in previous.tokens.items():
                if party in fractions and fractions[party] * 100 != stated.value:
                    self.add_step("share_percent", f"{'、'.join(named)}按{token.text}分担，{LEVEL_NAMES.get(party, party)}应承担"
                                  f"{_pct(fractions[party])}", fractions[party] * 100, stated)
        label = f"{'、'.join(named)}按{token.text}分担"
        split = _Split(fractions, label, None, "ratio", position=token.start, less=less)
        if less:
            self.split = split
            return
        self.open_split(split, token, whole)

    def rest_of_whole(self) -> _Item | None:
        """The whole before a split of 其余/剩余 less the amounts the text takes off it (除…外, 扣除…后, 已…):
        None unless every amount after the whole in its paragraph is so taken off."""
        items = [i for i in self.items if not i.rate and i.start >= self.paragraph_start]
        whole = self.last_total if self.last_total is not None and self.last_total.start >= self.paragraph_start else (
            items[0] if items else None)
        if whole is None:
            return None
        parts = sorted([i for i in items if i.start > whole.end] + [i for i in self.deducted if i.start > whole.end],
                       key=lambda i: i.start)
        if not parts or not all(_TAKEN_OFF_RE.search(re.split(r"[，,。；;]", self.text[max(whole.end, p.start - 16):p.start])[-1])
                                for p in parts):
            return None
        value = whole.value - sum((p.value for p in parts), Decimal(0))
        return _Item(value, f"{whole.words}减去{'、'.join(p.words for p in parts)}", whole.start, parts[-1].end,
                     whole.approx or any(p.approx for p in parts), derived=True)

    def open_split(self, split: _Split, token: Token, whole: _Item | None) -> None:
        if whole is None:
            whole = self.split_base(token)
        self.split = split
        if whole is not None:
            self.set_split_whole(whole)

    def split_base(self, token: Token) -> _Item | None:
        """What a split applies to: a standard just before it, else the whole before it in its sentence
        (or the last total); None when the whole is written after the split."""
        for rate in reversed(self.rates):
            if rate.token.end <= token.start and not rate.consumed:
                whole_product = not _PER_SPLIT_RE.search(self.text, token.end, self.sentence_end()) and not any(
                    t.kind == PERCENT for t in self.tokens[self.sentence_first:self.index] if t.start > rate.token.end)
                made = self.flush_rates(until=token) if whole_product else []   # (农户自缴20%，其余…: the split is of a part)
                if made and made[-1].start == rate.token.start:   # 8个行政村，每村补助50万元，市、区、镇按4:4:2: the 400万元
                    return made[-1]
                rate.consumed = True
                return _Item(rate.token.value, _rate_text(rate.token), rate.token.start, rate.token.end, rate.approx,
                             () if self.yearly(rate) else rate.per)
        following = next((t for t in self.tokens[self.index + 1:self.index + 12] if t.kind in {"money", "stop"}), None)
        between = self.text[token.end:following.start] if following is not None else ""
        written_after = following is not None and following.kind == MONEY and not _party_before(between[-10:]) and not (
            token.kind == "percent" and (_RX19.match(between) or _RX19_VERB.match(between)))   # 省级补助20%计126,100元: the share, not the whole
        has_before = any(t.kind == MONEY for t in self.sentence_tokens())
        if written_after and not has_before or not has_before and whole_on_earlier_line(self, token):
            return None   # (split_scope.py: the whole written after the split on its line, not the line before's)
        if self.breakdown is not None and self.whole is not None and self.whole.start < self.sentence_start \
                and self.whole.start > self.breakdown.start and not has_before:
            return self.breakdown   # 工程共150万元：路面…3.2公里，每公里约40万元…。资金县、乡按6:4承担: the whole stated first
        return self.whole

    def since_before_item(self, item: _Item) -> str:
        """The words of an amount's clause before it (no earlier number)."""
        i, stop = item.start, max(self.sentence_start, item.start - 16)
        while i > stop and self.text[i - 1] not in "，,。；;\n" and not self.text[i - 1].isdigit():
            i -= 1
        return self.text[i:item.start]

    def set_split_whole(self, whole: _Item) -> None:
        split = self.split
        if split.less:
            whole = _Item(whole.value - split.less, f"{whole.words}减去{_num(split.less / 10000)}万元" if split.less % 100 == 0
                          else f"{whole.words}减去{_num(split.less)}元", whole.start, whole.end, whole.approx)
            split.less = Decimal(0)
        split.whole = whole
        ours = split.fractions.get(self.level)
        if ours is not None and not whole.rate:
            value = round_fen(whole.value * ours)
            self.candidates.append((2, max(split.position, whole.start), value,
                                    f"{whole.words}{split.label}，本级{_pct(ours)}为{self.fmt(value)}", whole.approx))
        for party, token in split.stated:
            self.check_share(party, token)
        split.stated = []

    def split_rate(self, token: Token) -> bool:
        """A standard stated after a split of a standard: 区级承担70%（16800元/个.年）."""
        split = self.split
        ours = split.fractions.get(self.level)
        if ours is None:
            return False
        value = round_fen(split.whole.value * ours)
        self.add_step("share", f"{split.whole.words}{split.label}，本级{_pct(ours)}为{_rate_value(value, token)}", value,
                      token, split.whole.approx)
        self.split = None
        return True

    def split_amount(self, token: Token, pre: str) -> bool:
        """An amount stated for a party after a split is its share (checked once the whole is known)."""
        split = self.split
        party = named = _party_before(payer_words(self, pre))
        if party is None and self.last_percent is not None and self.last_percent.end <= token.start and not re.search(
                r"[。；;\n]", self.text[self.last_percent.end:token.start]) and (_RX19.match(pre) or _RX19_VERB.match(pre)):
            party = next((p for p, t in split.tokens.items() if t is self.last_percent), None)
        if party is None and self.text.find("分别", token.start - 60 if token.start > 60 else 0, token.start) >= 0:   # 省、市、县按5:3:2分担，分别为45万元、…: in turn
            party = respective_party(self.text, token.start, list(split.fractions))
        if party is None and split.whole is not None and _SHARE_VERB_RE.search(pre) and not _SUM_RE.search(pre):
            party = body_paying(CLAUSE_MARK_RE.split(pre)[-1], split.fractions) or (
                self.level if self.level in split.fractions else None)   # 卫生院自筹45万元: a body of the split's payers
        elif party is None and split.whole is not None and not _SUM_RE.search(pre):
            party = body_paying(CLAUSE_MARK_RE.split(pre)[-1], split.fractions)   # 县财政140万元，卫生院70万元: named alone
        if party is not None and split.whole is not None and _TOTALLED_RE.search(pre) and any(
                s.kind == "share" and s.start > split.whole.start for s in self.out.steps):
            return False   # 镇级承担…。另需…。镇级合计安排…: its share stated, the level's sum after it
        if party is None or party not in split.fractions:
            if split.whole is None and not named:
                self.set_split_whole(self.item(token))
                self.add_item(self.item(token))
                self.candidates.append((4, token.start, token.value, _written(token), self.approx(token)))
                return True
            return False
        if party == self.level:
            self.candidates.append((2, token.start, token.value, f"{split.label}，本级{_written(token)}", self.approx(token)))
        if split.whole is None:
            split.stated.append((party, token))
        else:
            self.check_share(party, token)
        return True

    def check_share(self, party: str, token: Token) -> None:
        split = self.split
        whole = split.whole
        if whole is None or whole.rate:
            return
        fraction = split.fractions[party]
        value = round_fen(whole.value * fraction)
        self.add_step("share", f"{whole.words}{split.label}，{LEVEL_NAMES.get(party, party)}{_pct(fraction)}为{self.fmt(value)}",
                      value, token, whole.approx)
        if whole.approx and whole.token is not None:   # 共约2.17亿元…按6:2:2，县级4,349.64万元: within the rounding's share
            step = self.out.steps[-1]
            self.out.steps[-1] = replace(step, tolerance=max(step.tolerance, self.tolerance(whole.token, True) * fraction))

    def level_share(self, token: Token, party: str) -> None:
        self.last_percent = token
        split = self.split
        fraction = token.value / 100
        if split is not None and party in split.fractions and split.kind in ("ratio", "each"):
            expected = split.fractions[party]
            if expected * 100 != token.value:
                self.add_step("share_percent", f"{split.label}，{LEVEL_NAMES.get(party, party)}应承担{_pct(expected)}",
                              expected * 100, token)
            split.tokens[party] = token
            return
        if split is not None and split.kind == "percent" and party not in split.fractions:
            taken = sum(split.fractions.values(), Decimal(0))
            if taken < 1 < taken + fraction:   # 市级补助60%，区级承担60%: the last party bears what is left
                fraction = Decimal(1) - taken
                self.add_step("share_percent", f"{split.label}，{LEVEL_NAMES.get(party, party)}应承担{_pct(fraction)}",
                              fraction * 100, token)
            split.fractions[party] = fraction
            split.tokens[party] = token
            split.label = "，".join(f"{LEVEL_NAMES.get(p, p)}承担{_pct(f)}" for p, f in split.fractions.items())
            if split.whole is not None and party == self.level:
                self.set_split_whole(split.whole)
            return
        label = f"{LEVEL_NAMES.get(party, party)}承担{_num(token.value)}%"
        fractions = {party: fraction}
        rest = _REST_PAYER_RE.match(self.text, token.end) if fraction < 1 and _RX18.search(self.text, token.end, token.end + 10) else None
        if rest is not None and LEVELS.get(rest[1]) not in (None, party) and _NO_FIGURE_AFTER_RE.match(self.text, rest.end()):
            # 区财政补助50%，其余镇自筹。: the rest the one payer's, its amount not stated (where it is, it is checked as it was)
            fractions[LEVELS[rest[1]]] = Decimal(1) - fraction
            label += f"，{LEVEL_NAMES.get(LEVELS[rest[1]], rest[1])}承担其余{_pct(Decimal(1) - fraction)}"
        new = _Split(fractions, label, None, "percent", {party: token}, position=token.start)
        self.open_split(new, token, None)

    def each_share(self, token: Token) -> None:
        clause = self.clause_before(token, 20)
        parties, named = _parties_in(clause), _parties_in(clause, words=True)
        if len(parties) < 2 and (bodies := listed_payers(clause, 2)) is not None:
            parties = named = bodies   # 由县财政和供水公司各承担一半
        split = self.split
        if len(parties) < 2 and split is not None and split.kind == "ratio":
            parties = tuple(split.fractions)
        if len(parties) < 2:
            return
        fraction = token.value / 100
        if split is not None and split.kind == "ratio" and set(parties) <= set(split.fractions):
            for party in parties:
                if split.fractions[party] != fraction:
                    self.add_step("share_percent", f"{split.label}，{LEVEL_NAMES.get(party, party)}应承担"
                                  f"{_pct(split.fractions[party])}", split.fractions[party] * 100, token)
                    break
            return
        label = f"{'、'.join(named)}各{_num(token.value)}%"
        if rest_shared(self, parties, fraction, label, token):
            return   # 省级补助30%，其余由市、县各承担一半: half of what is left each
        self.open_split(_Split({p: fraction for p in parties}, label, None, "each", position=token.start), token, None)

    def half(self, token: Token) -> None:
        self.each_share(token)
