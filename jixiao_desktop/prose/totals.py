"""Results of the prose grammar: totals (local and sum words, 小计) over their items, and sums written with +.
A total followed by its parts (其中…), remainders (其余, 剩余, 余下) and table rows are in :mod:`.breakdowns`.

A mixin of :class:`~.reader._Reader`: it reads and writes the reader's state, set up in ``_Reader.__init__``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.prose.lexer import LIST_MARK, MONEY, PERCENT, Token, cn_number
from jixiao_desktop.prose.numbered import numbered_results
from jixiao_desktop.prose.steps import _Item
from jixiao_desktop.prose.workings import bracket_restates, standard_restated
from jixiao_desktop.prose.adjusted import parts_listed_next, plus_before_total
from jixiao_desktop.prose.words import OF_WHICH_NEXT, MONEY_NAMED_RE, MONEY_USED_FOR_RE, _BREAKDOWN_RE, _ETC_RE, _UNIT_FACTORS, _clause_tail, _written


_COUNTED_RE = re.compile(r"(?<![第每各])(前)?(\d{1,2}|[两二三四五六七八九十])\s*项\s*(?:资金|经费)?\s*(?:合计|共计|共需|总计|汇总|共|需要?|计)[^，,。；;\d]{0,3}$")
_ALL_BEFORE_RE = re.compile(r"以上|上述|两项|[二三四五六七八九十]项|各项|总计|全部")   # 以上合计: everything before
_SECTION_RE = re.compile(r"[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]"
                         r"|(?:^|(?<=[\n。；;，,]))\s*(?:\d{1,2}\s*" + LIST_MARK + r"|[一二三四五六七八九十]{1,3}\s*[、是])")
_ITEM_NUMBER_RE = re.compile(r"(?:^|(?<=[\n。；;：:]))\s*(?:\d{1,2}\s*" + LIST_MARK + r"|[一二三四五六七八九十]{1,3}\s*[、是])"
                             r"|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]")
_ITEM_TOTAL_RE = re.compile(r"\s*(?:共计|合计|共)(?!需)")
_OF_WHICH_RE = re.compile(r"\s*[，,]?\s*其中(?!含)")
_OF_WHICH_NEXT_RE = re.compile(OF_WHICH_NEXT)   # (words.py; the parts' sentence read by adjusted.parts_listed_next)
_RESTATE_RE = re.compile(r"[\s，,]*(?:即|合|折合|约合|[=＝])[\s:：]*")
_ROUNDED_RE = re.compile(r"[\s，,]*(?:约|约为|即约)\s*")

class _Totals:
    """Totals over their items, and sums written out."""

    def close_chain(self, result: Token, sum_marker: bool) -> None:
        chain = self.chain
        value, words, uncertain = self.chain_value(chain)
        self.chain, self.chain_open = [], False
        if standard_restated(self, chain[0].start, value):   # 每期经费6,300元（50人×126元），共计…
            self.result(result, sum_marker if isinstance(sum_marker, str) else "sum" if sum_marker else "local")
            return
        if sum_marker and self.open_terms(sum_marker if isinstance(sum_marker, str) else "sum") \
                and not self.states_chain(value, result, sum_marker if isinstance(sum_marker, str) else "sum"):
            if not bracket_restates(self, chain[0].start, value):
                self.add_item(_Item(value, words, result.start, result.start, uncertain, product=True))
            self.result(result, sum_marker if isinstance(sum_marker, str) else "sum")
            return
        value, words = self.chain_in_unit(chain, value, words, result)
        self.add_step("product", f"{words}＝{self.fmt(value)}", value, result, uncertain)
        self.chain_months(chain, value, words, result, uncertain)
        self.add_item(self.item(result))
        self.candidates.append((4, result.start, result.value, _written(result), self.approx(result)))

    def rounds_previous(self, token: Token, pre: str) -> bool:
        """五险一金…计37.7856万元，约37.79万元: an amount right after another with only 约 between, equal to it as
        rounded, restates it (no item of its own)."""
        if not _ROUNDED_RE.fullmatch(pre) or not (self.items or self.last_total) or self.index == 0:
            return False
        previous = self.tokens[self.index - 1]
        return previous.kind == MONEY and not previous.per and any(   # (合计688,200元，约68.8万元: the total's too)
            last is not None and last.start == previous.start and abs(last.value - token.value) <= self.tolerance(token, True)
            for last in (self.items[-1] if self.items else None, self.last_total))

    def rounds_items(self, token: Token, pre: str) -> bool:
        """电子天平…6.35万元，加油机…4.18万元，…3.06万元，约16.3万元: an amount after only 约, following two items or more
        of its sentence and equal to their sum as rounded, is their total (where it is not, it stays an item)."""
        if not _ROUNDED_RE.fullmatch(pre) or self.breakdown is not None:
            return False
        if len(self.chain) >= 2 and self.chain[-1].kind == MONEY and len(self.items) >= 1:
            self.flush_chain()   # (…、棉被400床×156元，约11.6万元: the chain before 约 an item of the run)
        if len(self.items) < 2:
            return False
        terms = [i for i in self.items if i.start >= self.sentence_start and not i.closed]
        if len(terms) < 2 or len(terms) != len(self.items) - self.local_index():
            return False
        if abs(sum((i.value for i in terms), Decimal(0)) - token.value) > self.tolerance(token, True):
            return False
        self.result(token, "local")
        return True

    def restates_product(self, token: Token) -> None:
        """县道186.4公里，每公里每年10000元；…。经测算，县道1,864,000元，…总计578.38万元: a plain amount equal to an open
        product of an earlier sentence, and named by the words that began that product's clause, restates it — the
        product is no item beside it."""
        label = _clause_tail(self.text[max(self.sentence_start, token.start - 12):token.start]).strip()
        if len(label) < 2:
            return
        for k in range(len(self.items) - 1, -1, -1):
            item = self.items[k]
            if item.closed or not item.product or item.start >= self.sentence_start or item.value != token.value:
                continue
            begun = self.text.rfind("，", max(0, item.start - 40), item.start) + 1
            begun = max(begun, self.text.rfind("；", max(0, item.start - 40), item.start) + 1,
                        self.text.rfind("。", max(0, item.start - 40), item.start) + 1)
            if label[-2:] in self.text[max(0, begun - 24):item.start]:
                del self.items[k]
                return

    def chain_in_unit(self, chain: list[Token], value: Decimal, words: str, result: Token) -> tuple[Decimal, str]:
        """全年18×4.68×4=336.96万元: bare numbers may be written in the result's unit (4.68 is 万元 per quarter) —
        read so when that holds, or when neither holds and it comes nearer (18×46800=84.24万元 is in 元)."""
        factor = _UNIT_FACTORS.get(result.unit)
        if factor is None or any(t.kind != "number" and t.kind != PERCENT for t in chain):   # (158×50%=79万元 too)
            return value, words
        tolerance = self.tolerance(result, self.approx(result))
        alt = value * factor
        if abs(value - result.value) <= tolerance or (
                abs(alt - result.value) > tolerance and abs(alt - result.value) >= abs(value - result.value)):
            return value, words
        return alt, f"{words}（{result.unit}）"

    def narrow_terms(self, kind: str, terms: list[_Item], token: Token) -> list[_Item] | None:
        """A 小计/合计 whose own sentence lists two items or more, after items of earlier sentences
        (1.队员工资…计1159200元；二是装备购置，含A台×4500元、B台×820元，小计105920元): the items of its
        sentence, when their sum holds or is nearer the stated amount than the sum of all."""
        if kind == "sub" and self.breakdown is None and len(terms) >= 2:
            section = self.section_start(terms[0].end, token.start)
            inside = [i for i in terms if section is not None and i.start >= section]
            if 2 <= len(inside) < len(terms) and self.nearer(inside, terms, token):
                return inside   # （二）运行类：水电费…；物业…，小计X: the items of its own numbered part
        if kind not in ("sum", "sub") or self.breakdown is not None or len(terms) < 3:
            return None
        k = len(terms)
        while k > 0 and terms[k - 1].start >= self.sentence_start:
            k -= 1
        if k == 0 or len(terms) - k < 2 or _ALL_BEFORE_RE.search(self.before(token, 10)):
            return None
        narrow = [i for i in terms if i.start >= self.sentence_start]
        return narrow if self.nearer(narrow, terms, token) else None

    def item_own_total(self, words: str, token: Token) -> bool:
        """1.传承人28人，每人6,000元，共168,000元；2.…: a 共/共计/合计 after the working of a numbered item of its own
        sentence totals that item alone; the items before stay open for the grand total after the list."""
        if not _ITEM_TOTAL_RE.match(words):
            return False
        if not (self.items_in_clause(token) or self.items_in_sentence()):
            # 3.…计93,000元。4.培训：集中培训2期，共56,000元。: a numbered item's own 共, every item before closed by its own result
            return (words.lstrip().startswith("共") and not words.lstrip().startswith("共计") and bool(self.items)
                    and all(i.closed for i in self.open_terms("sum")) and self.numbered_here(token))
        return self.numbered_here(token) or self.own_clause_total(words)

    def own_clause_total(self, words: str) -> bool:
        """(the clause's standard × count where each clause before has its result: see item_own_total)"""
        if words.lstrip().startswith("共") and not words.lstrip().startswith("共计") and not self.items_in_sentence() \
                and self.items and (self.items[-1].start >= self.paragraph_start or self.items[-1].closed) \
                and not self.items[-1].product \
                and self.rates_open_here_only():
            # …需222.40万元；孤儿37名，每人每月1,600元，共71.04万元；: its clause's standard × count where each clause
            # before has its result (not 护林员16名，每人每年3600元；…每座1.85万元，共…: the open standards summed)
            return True
        return False

    def numbered_here(self, token: Token) -> bool:
        """Whether the sentence of ``token`` is a numbered item, its number before ``token``."""
        if self._numbered is None or self._numbered[0] != self.sentence_start:   # (once a sentence)
            found = _ITEM_NUMBER_RE.search(self.text, self.sentence_start, self.sentence_end())
            self._numbered = (self.sentence_start, found.start() if found else None)
        return self._numbered[1] is not None and self._numbered[1] < token.start

    def rates_open_here_only(self) -> bool:
        """Whether a standard of this sentence is open and none of an earlier sentence of the paragraph is."""
        here = False
        for rate in reversed(self.rates):
            if rate.token.start < self.paragraph_start:
                break
            if not rate.consumed:
                if rate.token.start < self.sentence_start:
                    return False
                here = True
        return here

    def nearer(self, narrow: list[_Item], terms: list[_Item], token: Token) -> bool:
        """Whether the sum of ``narrow`` holds, or is nearer the stated amount than the sum of all ``terms`` (which
        does not hold)."""
        tolerance = self.tolerance(token, self.approx(token))
        near = abs(sum((i.value for i in narrow), Decimal(0)) - token.value)
        far = abs(sum((i.value for i in terms), Decimal(0)) - token.value)
        if far <= tolerance:
            return False
        return near <= tolerance or near < far

    def section_start(self, start: int, end: int) -> int | None:
        """Where the last numbered part (（二）, 2., 二、, 二是) between ``start`` and ``end`` begins."""
        found = None
        for found in _SECTION_RE.finditer(self.text, start, end):
            pass
        return found.start() if found is not None else None

    def states_chain(self, value: Decimal, result: Token, kind: str) -> bool:
        """Whether a sum word right after a × chain (3. 资料费：240人乘以40元，合计9,600元) states the chain's value
        rather than the sum of everything open: the reading that holds, else the one nearer the stated amount
        (a slip of one digit stays near what it slips from)."""
        self.flush_rates()
        terms = self.open_terms(kind)
        if not terms:
            return True
        tolerance = self.tolerance(result, self.approx(result))
        chain_off = abs(value - result.value)
        offs = [abs(value + sum((i.value for i in group), Decimal(0)) - result.value)
                for group in (terms, [i for i in terms if i.start >= self.sentence_start]) if group]
        if any(off <= tolerance for off in offs):
            return False
        return chain_off <= tolerance or chain_off < min(offs)

    def close_plus(self, result: Token) -> None:
        """a+b+c=d: the sum; and where it restates the products worked out before, one term each."""
        terms = self.plus
        self.plus, self.plus_open = [], False
        self.flush_rates()
        value = sum((t.value for t in terms), Decimal(0))
        self.add_step("sum", "＋".join(_written(t) for t in terms) + f"＝{self.fmt(value)}", value, result,
                      any(self.approx(t) for t in terms))
        products = [i for i in self.subtotals + self.items if i.product]
        if len(products) == len(terms):
            for product, term in zip(products, terms, strict=True):
                self.add_step("product", f"{product.words}＝{self.fmt(product.value)}", product.value, term, product.approx)
        self.items, self.subtotals, self.sub_start = [self.item(result)], [], 0
        self.last_total = self.whole = self.items[0]
        self.candidates.append((4, result.start, result.value, _written(result), self.approx(result)))

    def flush_plus(self) -> None:
        """Terms written with + but never given a result are items."""
        for token in self.plus:
            self.add_item(self.item(token))
        self.plus, self.plus_open = [], False

    def states_open_items(self, token: Token) -> bool:
        """每小时费用2.6万元。全年租机费用1,248万元。: the first amount of a sentence, with no total word, that
        equals what the items still open add up to (the products of the sentences before) states them."""
        if self.prev_end > self.sentence_start or not self.items or self.breakdown is not None:
            return False
        terms = self.open_terms("sum")
        if not any(i.product for i in terms) or any(i.closed for i in terms):
            return False
        if MONEY_NAMED_RE.fullmatch(self.text, self.sentence_start, token.start) and not MONEY_USED_FOR_RE.match(
                self.text, token.end):
            return True   # …每户1200元。补助资金54万元: money named by no item of its own is the money they need
        # (项目资金10万元用于购置设备: money with a use of its own states them only where it is their sum)
        value = sum((i.value for i in terms), Decimal(0))
        return abs(value - token.value) <= self.tolerance(token, self.approx(token))

    def items_in_sentence(self) -> bool:
        return bool(self.items) and self.items[-1].start >= self.sentence_start

    def items_in_clause(self, token: Token) -> bool:
        """Whether a standard or product of the clause before ``token`` (since the last ；) is still open."""
        rates = [r for r in self.rates if not r.consumed and r.token.start >= self.sentence_start]
        return bool(rates) or (len(self.chain) >= 2 and self.chain[0].start >= self.sentence_start)

    def local_index(self, need: bool = False) -> int:
        """Where the items a local result covers begin: those of its sentence; for what a paragraph needs
        in all (全年需…), also the items of its earlier clauses (；) that no result has closed
        (一类6座…；二类15座…，全年需资金…)."""
        i = len(self.items)
        while i > 0 and self.items[i - 1].start >= self.sentence_start and (
                need or not self.items[i - 1].closed or self.restates(self.items[i - 1])):
            i -= 1   # back to the sentence's start or its last result (每辆65万元，计650万元，省级补助每辆15万元计150万元)
        while need and i > 0 and self.items[i - 1].start >= self.paragraph_start and not self.items[i - 1].closed:
            i -= 1
        if need and i == len(self.items):   # 厨师2名，每人每月4,000元；帮厨3名…。全年需资金19.86万元: a sentence of its own
            while i > 0 and not self.items[i - 1].closed and not self.items[i - 1].derived:
                i -= 1
        return i

    def restates(self, item: _Item) -> bool:
        """Whether the amount being read restates ``item`` just before it (需42,500万元即4.25亿元)."""
        here = self.tokens[self.index].start if self.index < len(self.tokens) else len(self.text)
        return bool(_RESTATE_RE.fullmatch(self.text[item.end:here]))

    def open_terms(self, kind: str) -> list[_Item]:
        if kind in ("local", "need") and self.breakdown is not None:
            return [i for i in self.breakdown_items if i.start >= self.sentence_start]
        if kind in ("local", "need"):
            return self.items[self.local_index(need=kind == "need"):]
        if kind == "sub":
            return self.items[self.sub_start:]
        return self.subtotals + self.items

    def result(self, token: Token, kind: str) -> None:
        """An amount after a total word: it states the value of the open items (or stands alone)."""
        approx = self.approx(token)
        before = self.before(token, 10)
        etc = "等" in before and bool(_ETC_RE.search(before))   # (its pattern's one word: most totals have none)
        if self.breakdown is not None and kind == "sum":
            self.close_breakdown()
        self.flush_chain()
        self.flush_rates()
        if self.plus:
            plus_before_total(self)
        terms = self.open_terms(kind)
        narrow = self.narrow_terms(kind, terms, token)
        if narrow is not None:
            terms = narrow
        elif kind != "sub" and terms and terms[-1].start < self.sentence_start:
            terms = self.list_figures(terms) or terms
        if narrow is None and kind != "sub" and self.breakdown is None and "项" in self.before(token, 12):
            terms = self.counted_items(terms, token) or terms
        if len(terms) >= 2 or (len(terms) == 1 and terms[0].product):
            value = sum((i.value for i in terms), Decimal(0))
            step = "product" if len(terms) == 1 else "sum"
            self.add_step(step, "＋".join(i.words for i in terms) + f"＝{self.fmt(value)}", value, token,
                          any(i.approx for i in terms) or etc or self.unresolved)
        result = self.item(token, closed=True)
        replaced = {t.start for t in terms if t.start in self.this_year}   # (a set: two terms may share a start)
        if replaced:
            # 本年测算：A、B，合计X: this year's amount is the total of what followed the words
            for start in replaced:
                del self.this_year[start]
            self.this_year[token.start] = (1, token.start, token.value, _written(token), approx)
        if narrow is not None:   # an item's own total (含A×…、B×…，小计X): the items before its clause stay open
            inside = {id(t) for t in terms}
            self.items = [i for i in self.items if id(i) not in inside]
            if kind == "sub":
                self.sub_start = len(self.items)
                self.subtotals.append(result)
            else:
                self.items.append(result)   # (and what the text arrives at, unless a later total says otherwise)
                self.candidates.append((4, token.start, token.value, f"合计{_written(token)}", approx))
            self.whole = result
            self.chain = [token]
            return
        if kind == "sub":
            if not terms and _BREAKDOWN_RE.match(self.text[token.end:token.end + 30]):
                self.open_breakdown(result)
            self.subtotals.append(result)
            del self.items[self.sub_start:]
            self.sub_start = len(self.items)
            self.whole = result
            return
        if kind in ("local", "need") and self.breakdown is not None:
            inside = {id(t) for t in terms}
            self.breakdown_items = [i for i in self.breakdown_items if id(i) not in inside] + [result]
            del self.items[self.local_index():]
            self.chain = [token]
            return
        if kind in ("local", "need"):
            del self.items[self.local_index(need=kind == "need"):]
            self.items.append(result)
        else:
            self.items, self.subtotals, self.sub_start = [], [], 0
            self.last_total = result
        if not terms:
            self.check_context(token)
            if _BREAKDOWN_RE.match(self.text[token.end:token.end + 30]):
                self.items = [i for i in self.items if i is not result]
                self.open_breakdown(result)
        elif self.breakdown is None and (_OF_WHICH_RE.match(self.text, token.end) or _OF_WHICH_NEXT_RE.match(
                self.text, token.end) and parts_listed_next(self, token)):
            self.open_breakdown(result)   # 每村20万元，计300万元，其中九个村…计180万元，余下…: the parts of its result
        self.whole = result
        self.unresolved = False
        self.candidates.append((4, token.start, token.value, _written(token) if terms == [] else f"合计{_written(token)}", approx))
        self.chain = [token]
        if self.split is not None and self.split.whole is None:
            self.set_split_whole(result)

    def list_figures(self, terms: list[_Item]) -> list[_Item] | None:
        """1、…全年5,160,000元。2、…需180,000元。3、…42,000元。⏎全年资金需求…: a total in a sentence of its own after a
        numbered list, whose items each state a figure of their own, is of those figures — where the items it would
        count are some of them (the earlier ones closed by their own results)."""
        figures = numbered_results(self, self.index, len(terms), terms[0].start)
        if figures is None or len(figures) <= len(terms):
            return None
        starts = {t.start for t in figures}
        if any(t.start not in starts for t in terms):
            return None
        held = {i.start: i for i in self.subtotals + self.items}   # (each figure one the reader holds: no reference…)
        if any(t.start not in held for t in figures):
            return None
        return [held[t.start] for t in figures]

    def counted_items(self, terms: list[_Item], token: Token) -> list[_Item] | None:
        """…村集体光伏电站维护9.5万元，三项需50万元 / 以上三项共需76.9万元: a total that counts its items is of the last
        that many items held (not of its own sentence's alone, nor of an amount named only as a base before them); one
        that counts the first (前两项) of the first that many of the items it would count."""
        found = _COUNTED_RE.search(self.before(token, 12))
        if found is None or _SECTION_RE.search(self.text, 0, token.start):
            return None   # (in a numbered list a 项 is a numbered item, of one amount or several)
        n = int(found[2]) if found[2].isdigit() else 2 if found[2] == "两" else int(cn_number(found[2]) or 0)
        if n < 2 or n == len(terms):
            return None
        if found[1]:   # 其中前两项需52万元: the first that many of the items it would count, not the last
            return terms[:n] if len(terms) > n else None
        held = sorted((i for i in self.subtotals + self.items if not i.rate), key=lambda i: i.start)
        return held[-n:] if len(held) >= n else None

