"""Parts of a whole in the prose grammar: a total followed by its parts (总计X，其中A、B…), remainders (其余,
剩余, 余下: the whole less what is stated since), and rows of a flattened table (数量|单价|金额).

A mixin of :class:`~.reader._Reader`: it reads and writes the reader's state, set up in ``_Reader.__init__``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, PERCENT, Token
from jixiao_desktop.prose.remainder_parts import without_own_items
from jixiao_desktop.prose.steps import Step, _Item
from jixiao_desktop.prose.words import CLAUSE_MARK_RE, _REMAINDER_RE, _clause_tail, _num, _party_before, _written

_RESTATED_GAP_RE = re.compile(r"\s*[（(]\s*")


_LIST_OPENED_RE = re.compile(r"[:：]\s*[^\d\s:：]{2,}$")   # 共需：屋面防水: a total word, a colon, then an item's name
_TOTAL_LATER_RE = re.compile(r"合计|共计|总计|小计|共|以上")
_ANOTHER_BREAKDOWN_RE = re.compile(r"按(?:资金)?(?:用途|支出方向|来源|类别|性质|用款单位)(?:划)?分[^，,。；;\d]{0,3}[:：，,]")
_PORTION_AFTER_RE = re.compile(r"[\s，,（(]*(?:占|比例为|比重为)[^，,。；;\d]{0,6}(\d{1,3}(?:\.\d+)?)\s*[%％]")   # …1,008万元，占60%


class _Breakdowns:
    """Breakdowns after a total, remainders, and table rows."""

    def table_row(self, token: Token) -> bool:
        """血压计|120台|380元|45600元: in a row of a flattened table (数量|单价|金额), the first amount after the
        count is its price and the second the row's amount."""
        i = self.index
        if i < 2:
            return False
        price, count = self.tokens[i - 1], self.tokens[i - 2]
        if price.kind != MONEY or count.kind != COUNT or price.per or price.start < self.sentence_start:
            return False
        separators = r"\s*[|｜\t]\s*|\s{2,}"
        if not (re.fullmatch(separators, self.text[count.end:price.start])
                and re.fullmatch(separators, self.text[price.end:token.start])):
            return False
        value = round_fen(count.value * price.value)
        self.items = [i for i in self.items if i.start != price.start]
        self.breakdown_items = [i for i in self.breakdown_items if i.start != price.start]
        self.add_step("product", f"{_num(count.value)}{count.unit}×{_written(price)}＝{self.fmt(value)}", value, token,
                      self.approx(price))
        self.used_counts.add(id(count))
        self.add_item(self.item(token))
        return True

    def open_breakdown(self, total: _Item) -> None:
        self.breakdown, self.breakdown_items, self.breakdown_remainder = total, [], False
        self.whole = total
        if total not in self.items and total not in self.subtotals:
            self.items.append(total)
        if self.split is not None and self.split.whole is None:
            self.set_split_whole(total)

    def broken_down_again(self, pre: str) -> None:
        """其中：中央…、省级…。按用途分：产业发展…: the same whole broken down again, its first breakdown checked."""
        if _ANOTHER_BREAKDOWN_RE.search(pre):
            total = self.breakdown
            self.close_breakdown()
            self.breakdown, self.breakdown_items, self.breakdown_remainder = total, [], False

    def list_opened(self, words: str, token: Token) -> bool:
        """Whether a total word and a colon before ``token`` (its words ``words``) open a list whose total comes later in the
        sentence (改造共需：屋面防水9.6万元、…，共20.8万元 / 以上合计：被装费8,400元…): no total of the first item."""
        return bool(_LIST_OPENED_RE.search(words)) and _TOTAL_LATER_RE.search(self.text, token.end, self.sentence_end()) is not None

    def close_breakdown(self) -> None:
        """总计X，其中A、B…: the parts listed after a total add up to it (a remainder already checks)."""
        total, parts = self.breakdown, self.breakdown_items
        self.breakdown, self.breakdown_items = None, []
        if total is None or len(parts) < 2 or self.breakdown_remainder:
            return
        value = sum((i.value for i in parts), Decimal(0))
        if value < total.value:
            named = [m for i in parts if (m := _PORTION_AFTER_RE.match(self.text, i.end)) is not None]
            if named and sum(Decimal(m[1]) for m in named) < 100:
                return   # 总投资1,680万元，其中补助资金1,008万元，占60%；县级336万元，占20%: some parts, their portions named
        uncertain = total.approx or any(i.approx for i in parts)
        tolerance = self.tolerance(total.token, uncertain) if total.token is not None else Decimal(0)
        if not uncertain and all(i.token is not None and not i.product and not i.derived for i in parts):
            # amounts written out (总投资1.2亿元，其中：中央3,000万元、…) add up as exactly as the least exact of them:
            # no rounding of the total is read into a sum of allocations
            tolerance = min(tolerance, max(self.tolerance(i.token, False) for i in parts))
        self.out.parts_after.add(len(self.out.steps))   # (its parts follow the figure: no reading of the words before)
        self.out.steps.append(Step("sum", "＋".join(i.words for i in parts) + f"＝{self.fmt(value)}", value, total.value,
                                   uncertain, tolerance, total.start, total.end))

    def remainder(self, token: Token) -> bool:
        """其余Y: the total (or the first amount listed) less the amounts stated since. False where the amount is, after all,
        the share of a party a percentage split names in a clause of its own after the 其余 one (县级承担60%，其余群众自筹，
        县级需12万元: the county's 60%, no rest)."""
        self.flush_rates(until=token)
        split = self.split
        if split is not None and split.kind == "percent":
            clause = _clause_tail(self.since_prev(token))
            if not _REMAINDER_RE.search(clause) and _party_before(clause) in split.fractions:
                return False
        if split is not None and split.kind in ("ratio", "each") and split.whole is not None and _party_before(
                _clause_tail(self.since_prev(token))) in split.fractions:
            return False   # 县、乡按6:4承担，县级承担401,760元，其余由乡镇承担267,840元: the party's share, checked as such
        if split is not None and split.kind == "percent" and split.whole is not None and not split.whole.rate:
            taken = sum(split.fractions.values(), Decimal(0))
            value = round_fen(split.whole.value * (Decimal(1) - taken))
            self.add_step("remainder", f"{split.whole.words}减去{split.label}为{self.fmt(value)}", value, token,
                          split.whole.approx)
            item = self.item(token, derived=True)
            if _party_before(self.since_prev(token)) == self.level or self.level not in split.fractions:
                self.candidates.append((2, token.start, token.value, f"其余{_written(token)}由本级承担", item.approx))
            self.whole = item
            return True
        if self.rest_after_percent(token):
            return True
        if self.breakdown is not None:
            whole, parts = self.breakdown, list(self.breakdown_items)
            self.breakdown_remainder = True
        else:
            whole = self.last_total if self.last_total is not None else self.items[0]
            parts = [i for i in self.items if i.start > whole.end and not i.rate]
            parts += [i for i in self.deducted if i.start > whole.end and i.start >= self.paragraph_start]
            parts = without_own_items(whole, sorted(parts, key=lambda i: i.start))   # (remainder_parts.py)
            if whole is not self.last_total and whole in self.items:
                # the first amount is the total the others are parts of
                self.candidates.append((4, whole.start, whole.value, whole.words, whole.approx))
        after = re.split(r"[，,。；;\n]", self.text[token.end:token.end + 12], maxsplit=1)[0]
        if _party_before(after) == self.level:   # 其余44万元由县级财政配套
            self.candidates.append((2, token.start, token.value, f"其余{_written(token)}由本级承担", self.approx(token)))
        if parts:
            value = whole.value - sum((p.value for p in parts), Decimal(0))
            self.add_step("remainder", f"{whole.words}减去{'、'.join(p.words for p in parts)}为{self.fmt(value)}", value,
                          token, whole.approx or any(p.approx for p in parts))
        item = self.item(token, derived=True)
        if _party_before(self.since_prev(token)) == self.level:  # 其余由县级自筹，即县级承担7600万元
            self.candidates.append((2, token.start, token.value, f"其余{_written(token)}由本级承担", item.approx))
        if self.breakdown is not None:
            self.breakdown_items.append(item)
        else:
            self.items = [i for i in self.items if i.start <= whole.end] if whole in self.items else self.items
        self.whole = item  # 其余225万元由市、区按1:1承担: what a split after it applies to
        if self.split is not None and self.split.whole is None:
            self.set_split_whole(item)
        return True

    def rest_after_percent(self, token: Token) -> bool:
        """上半年拨付50%，下半年拨付剩余的900万元: a remainder right after bare percentages (no amounts of their own) is the
        whole less those percentages of it — a schedule of the whole, no part of its breakdown."""
        k = self.index   # (the run of bare percentages just before: 完工拨付70%，质保金5%，剩余… is the whole less 75%)
        while k and self.tokens[k - 1].kind == PERCENT and self.tokens[k - 1].value and \
                self.tokens[k - 1].start >= self.sentence_start:
            k -= 1
        run = [t for j, t in enumerate(self.tokens[k:self.index], k) if j == k or not (
            self.tokens[j - 1].value == t.value and _RESTATED_GAP_RE.fullmatch(self.text, self.tokens[j - 1].end, t.start))]
        taken = sum((t.value for t in run), Decimal(0))   # (七成（70%）: one percentage, restated in its bracket)
        if not run or taken >= 100:
            return False
        before = self.tokens[k - 1] if k else None
        if before is not None and before.kind == MONEY and not CLAUSE_MARK_RE.search(self.text, before.end, run[0].start):
            return False   # 省级补助130.8万元（20%），剩余…: the percentage of an amount of its own
        whole = self.breakdown or self.last_total or (self.items[0] if self.items else None)
        if whole is None or whole.rate or whole.end > run[0].start:
            return False
        value = round_fen(whole.value * (100 - taken) / 100)
        self.add_step("remainder", f"{whole.words}减去{'、'.join(f'{_num(t.value)}%' for t in run)}为{self.fmt(value)}", value,
                      token, whole.approx)
        return True
