"""What a text arrives at: projects over several years (总投资 and the years' parts), reference amounts
kept out of this year's sums (上年, 实际, 累计…), approved amounts (批复, 核定), a lone total checked
against the form's own counts and standards (数量指标 × 成本指标), and the bottom line chosen at the end.

A mixin of :class:`~.reader._Reader`: it reads and writes the reader's state, set up in ``_Reader.__init__``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import COUNT, MONEY, Token, cn_number
from jixiao_desktop.prose.steps import Step, _Rate
from jixiao_desktop.prose.words import (
    LEVELS, _BREAKDOWN_RE, _PARTY_RE, _FINAL_RE, _LOAN_RE, _MULTI_YEAR_PLAN_RE, _REMAINDER_RE, _RX3, _RX4, _RX5, _RX6, _THIS_YEAR_RE, _TIME, _USED_NOW_RE,
    _WHOLE_PROJECT_RE, _YEAR_RE, _clause_tail, _labels_match, _party_before, _num, _per_thing, _rate_text, _reference_word, _result_marker, _written,
)


_AT_LAST_YEARS_RE = re.compile(r"按(?:照)?[^，,。；;\d]{0,3}(?:上年|去年|上一年|往年|历年|(?:19|20)\d\d年度?)[^，,。；;\d]{0,10}"
                               r"(?:安排|计列|列支|预算|测算|核定|保障)[^，,。；;\d]{0,4}(?:[，,]\s*(?:约需|约|需|计|为|共)?\s*)?$")


_AT_LAST_YEARS_OPEN_RE = re.compile(r"按(?:照)?[^，,。；;\d]{0,3}(?:上年|去年|上一年)[^，,。；;\d（(]{0,10}$")
_AMOUNT_THEN_REFERRED_RE = re.compile(r"\d\s*(?:万元|元)\s*[，,]\s*(?:参照|比照|按照)\s*(?:上年|去年|上一年|往年)[^，,。；;：:\d（(]{0,8}$")
_ARRANGED_AFTER_RE = re.compile(r"\s*(?:安排|计列|列支|核定|计(?:算|取)?\s*(?:[。；;\n]|$))")
# 公益电影放映（按上年实际）15.6万元: an item whose amount a bracket just before it says was set at last year's
_SET_AT_LAST_YEARS_RE = re.compile(r"[（(]\s*(?:按|参照|比照)照?[^（()）\d]{0,3}(?:上年|去年|上一年|往年)[^（()）\d]{0,10}[)）]\s*$")
_TAKEN_OFF_RE = re.compile(r"(?:扣除|扣减|减去|抵减|冲抵)[^，,。；;\d]{0,10}后")
# an item's clause that takes last year's figure over (水电费：参照上年实际…); in brackets it is an aside about last year
_REFERRED_RE = re.compile(r"(?:^|[：:，,；;])\s*(?:参照|比照|按照)\s*(?:上年|去年|上一年|往年)[^，,。；;：:\d（(]{0,8}$")

_ITEM_TAKEN_OVER_RE = re.compile(r"(?:^|[；;。：:\s])\s*(?:\d{1,2}[.．、](?!\d)|[（(]?[一二三四五六七八九十]{1,3}[、）)])[^，,。；;：:\d（(]{1,12}[：:]?\s*"
                                 r"(?:按|参照|比照|按照)(?:上年|去年|上一年)[^，,。；;：:\d（(]{0,6}$")
_ITEM_END_RE = re.compile(r"\s*(?:[；;。]|$|\d{1,2}[.．、]|[（(]?[一二三四五六七八九十]{1,3}[、）)])")


def _positions(text: str, chars: str) -> list[int]:
    """Where each of ``chars`` stands in ``text``, in order (str.find from one to the next: no pattern over the text)."""
    out = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            out.append(at)
            at = text.find(char, at + 1)
    return sorted(out)


_BATCHES_TOTALLED_RE = re.compile(r"合计|共计|总计|共需")   # (累计, a reference word itself, not among them)
_CLOSE_RE = re.compile(r"[）)]")
_SELF_PAID_RE = re.compile(r"自缴|自筹|自付|自担|个人承担|个人缴纳|农户承担|企业承担|群众自")
_ESTIMATE_RE = re.compile(r"(?:批复|初设|初步设计)[^，,。；;\d]{0,4}概算[^，,。；;\d]{0,3}$")
_PAST_APPROVED_RE = re.compile(r"(?:上年|去年|前年|往年|历年|上一年|以前年度)[^，,。；;\d]{0,6}(?:批复|核定|实际安排)")

# 地方配套1,560万元, 地方承担38万元: the part below the centre, the form's own where no other level below it is named
_LOCAL_PART_RE = re.compile(r"地方(?:财政|政府)?(?:配套|承担|自筹|资金|负担|出资|安排)[^，,。；;\d]{0,4}$")
_LOWER_LEVEL_RE = re.compile(r"省|自治区|市|州|盟|[县区旗乡镇]级|[县区旗乡镇]财政|[县区]本级|街道")
_TIMES_AFTER_RE = re.compile(r"\s*(?:乘以|乘|×|[*＊xX])")
# a reference named after its amount: 为三年累计批复数, 系以前年度结转, ，已于上年拨付完毕, ，已全部拨付到位
# （2023—2025年合同总额96万元）: a bracketed whole of a contract over years, an aside
_CONTRACT_WHOLE_RE = re.compile(r"合同(?:总额|总价|金额|总金额|价款)")
_NAMED_AFTER_HINT_RE = re.compile(r"\s*[，,]?\s*[为是系已]")   # (the word every match begins with: most amounts have none)
_NAMED_REFERENCE_AFTER_RE = re.compile(r"\s*(?:(?:为|是|系)[^，,。；;\d]{0,8}(?:累计|以前年度|上年|去年|往年|历年)"
                                       r"|[，,]?\s*(?:已于?(?:上年|去年|前期|往年|(?:19|20)\d{2}\s*年)?(?:全部|全额)?(?:拨付|下达|支付)(?:完毕|到位)))")
_FOR_REFERENCE_RE = re.compile(r"\s*[，,（(]?\s*(?:仅|只)?(?:供|作为|作)参考")
_THIS_PHASE_RE = re.compile(r"本期(?:合计|共计|总计|安排|投资|需)")
_ADJUSTED_BASE_RE = re.compile(r"(?:原|年初)(?:预算|计划)[^，,。；;\d]{0,4}$")
_ADJUSTED_AFTER_RE = re.compile(r"[^。；;\n]{0,30}?(?:调减|调增|追加|核减|压减|调整)[^。；;\n]{0,20}?后")
_GAP_RE = re.compile(r"缺口|尚需|尚缺|还需|仍需")
_PAID_RE, _PAID_BEFORE_RE = re.compile(r"已(?:下达|拨付|到位|落实|争取)|扣除"), re.compile(r"已(?:经)?(?:拨付|下达|安排|支付|完成|投入|到位|使用)")


class _Plans:
    """Multi-year plans, reference and approved amounts, the form's context and the bottom line."""

    def gap_after_paid(self, token: Token, pre: str) -> bool:
        """需103.2万元，已下达中央资金68.5万元，尚需县级安排35.7万元 / 缺口资金…: what is still needed after amounts
        already given (已下达, 已到位, 扣除…后) is a remainder, not one more item."""
        return ("需" in pre or "缺" in pre) and bool(_GAP_RE.search(pre)) and bool(
            _PAID_RE.search(self.text, self.sentence_start, token.start))

    def own_part(self, token: Token, pre: str) -> None:
        """总投资2.35亿元，其中车购税…、县级自筹7,000万元 (or a split: 中央补助80%即152万元，地方承担38万元): the part a
        total's sources name for the form's own level is what the form carries."""
        if self.breakdown is None and self.split is None:
            return
        clause = _clause_tail(pre)
        own = self.breakdown is not None and self.split is None and _party_before(clause) == self.level
        if not own and "地方" in clause and _LOCAL_PART_RE.search(clause):
            # (no level below the centre named but the form's own: 资金由县财政局统一拨付 on a county's form names its own)
            own = all(LEVELS.get(_PARTY_RE.match(m[0])[0]) == self.level for m in _LOWER_LEVEL_RE.finditer(self.text))
        if own:
            self.out.own_parts.append((token.value, f"本级{_written(token)}"))

    def plan_part(self, token: Token, pre: str) -> bool:
        """A project over several years: 总投资1800万元，2024年已安排650万元，本年度安排700万元，剩余350万元于2026年安排.
        The years' amounts are the parts of the total; this year's is what the text arrives at."""
        if not self.multi_year:
            return False
        if self.projects:
            return self.project_part(token, pre)
        if self.plan is None:
            if _WHOLE_PROJECT_RE.search(pre) or ("累计" in pre and _RX6.search(self.text, self.sentence_start, token.start) and _BREAKDOWN_RE.match(
                    self.text, token.end)):   # 2023-2025年累计投入2,850万元，其中2023年860万元…: the years' parts
                self.plan = self.item(token)
                return True
            total = self.last_total or self.whole
            if total is None or not _RX3.search(pre) or not _MULTI_YEAR_PLAN_RE.search(self.text[total.end:token.start]):
                return False
            self.plan = total   # 共120万元，分三年发放，2025年发放40万元: the total is the plan's
        remainder = _REMAINDER_RE.search(pre)
        if not remainder and not _RX3.search(pre):
            return False
        item = self.item(token)
        if remainder:
            # (累计已安排5,200万元 with no year of its own: already spent, a part all the same)
            paid = [i for i in self.items if i.start > self.plan.end and not i.rate and not i.closed and i.token is not None
                    and _PAID_BEFORE_RE.search(self.clause_before(i.token, 12))]   # 总投资980万元，已拨付539万元，…余下的…
            parts = sorted(self.plan_parts + [d for d in self.deducted if d.start > self.plan.end] + paid, key=lambda p: p.start)
            value = self.plan.value - sum((p.value for p in parts), Decimal(0))
            if parts:
                self.add_step("remainder", f"{self.plan.words}减去{'、'.join(p.words for p in parts)}为"
                              f"{self.fmt(value)}", value, token, self.plan.approx)
            self.plan_parts.append(item)
            self.plan_remainder = True
            if _THIS_YEAR_RE.search(pre) or _RX4.search(pre):
                self.this_year[token.start] = (1, token.start, token.value, _written(token), item.approx)
            return True
        if _RX3.search(pre):
            self.plan_parts.append(item)
            if _BREAKDOWN_RE.match(self.text[token.end:token.end + 30]) and self.breakdown is None:
                self.open_breakdown(item)   # 2025年度计划安排资金1.413亿元，其中中央…、地方…: its parts
                self.items = [i for i in self.items if i is not item]
            if _THIS_YEAR_RE.search(pre) or _RX4.search(pre):
                self.this_year[token.start] = (1, token.start, token.value, _written(token), item.approx)
            elif "已" not in pre and not self.plan_first:
                self.plan_first = (1, token.start, token.value, _written(token), item.approx)
            return True
        return False

    def project_part(self, token: Token, pre: str) -> bool:
        """Several projects, each with its 总投资 (（1）…总投资846万元，已累计下达…，2025年安排409万元；（2）…): each
        project's total and earlier years are references; the amount for the text's latest year (or 本年) is an
        item of this year's, which a total after them (以上合计) sums."""
        if "总" in pre and _WHOLE_PROJECT_RE.search(pre):
            return True
        if "年" not in pre:
            return False
        years = [int(y) for y in _YEAR_RE.findall(pre)] if "19" in pre or "20" in pre else []   # (a year is 19xx or 20xx)
        if not years and not _RX4.search(pre):
            return False
        marker = _result_marker(self.before(token))
        if marker is not None and marker["sum"]:
            return False   # 2025年共计安排1002.5万元: the projects' total
        if "已" in pre or (years and years[-1] < self.text_latest_year):
            return True
        item = self.item(token)
        self.add_item(item)
        self.this_year[token.start] = (1, token.start, token.value, _written(token), item.approx)
        return True

    def open_bracket(self, token: Token) -> int:
        """Where the bracket ``token`` stands in opens, within its sentence (-1 where it stands in none)."""
        bracket = max(self.text.rfind("（", self.sentence_start, token.start), self.text.rfind("(", self.sentence_start, token.start))
        return bracket if bracket >= 0 and not _CLOSE_RE.search(self.text, bracket, token.start) else -1

    def in_brackets(self, token: Token) -> bool:
        return self.open_bracket(token) >= 0

    def plan_years(self) -> int | None:
        found = _RX5.search(self.text)
        if found:
            word = found[1] or found[2]
            return int(word) if word.isdigit() else int(cn_number(word))
        span = _RX6.search(self.text)
        if span:
            return int(span[2]) - int(span[1]) + 1
        return None

    def is_reference(self, token: Token, pre: str) -> bool:
        refers = self.__dict__.get("_refers")
        if refers is None:
            refers = self._refers = "参考" in self.text   # (looked for once a text)
        if refers and self.text.find("参考", token.end, token.end + 10) >= 0 and _FOR_REFERENCE_RE.match(self.text, token.end):
            return True   # 2024年县级实际安排数为718,000元，仅供参考: named a reference, whatever its words
        if "概算" in pre and _ESTIMATE_RE.search(pre) and not _BREAKDOWN_RE.match(self.text[token.end:token.end + 30]):
            return True   # 2024年批复概算3,860万元 / 前期已批复初设概算680万元: the project's estimate, no amount of this year's
        if "原" in pre or "初" in pre:
            if _ADJUSTED_BASE_RE.search(pre) and _ADJUSTED_AFTER_RE.match(self.text, token.end):
                return False   # 原预算80万元，调减12万元后为68万元: the base of this year's adjustment
        if "按" in pre and _AT_LAST_YEARS_RE.search(pre):
            return False   # 按上年实际结算数安排1,350万元: this year's amount, set at last year's
        if "按" in pre and _AT_LAST_YEARS_OPEN_RE.search(pre) and _ARRANGED_AFTER_RE.match(self.text, token.end):
            return False   # 办公费按上年实际支出14.6万元安排: the same, its verb after the figure
        if ("）" in pre or ")" in pre) and _SET_AT_LAST_YEARS_RE.search(pre):
            return False   # 公益电影放映（按上年实际）15.6万元: this year's item, set at last year's
        if "照" in pre and _REFERRED_RE.search(pre) and not self.in_brackets(token):
            # (…维修费180,000元，参照上年实际支出17.6万元核定: the item has its amount; last year's is its reference)
            item_start = max(self.text.rfind(c, 0, token.start) for c in "；;。\n")
            return bool(_AMOUNT_THEN_REFERRED_RE.search(self.text, item_start + 1, token.start))   # 四、水电费：参照上年实际8.2万元；: an item of this year, taken over from last year's
        if ("贷" in pre or "借" in pre) and _LOAN_RE.search(self.clause_before(token, 16)):
            # 贷款余额1.86亿元 (a percentage's base for 贴息): lent, not spent — but among the parts of a total
            # (总投资2.36亿元，其中：…，银行贷款3,500万元) a loan is one of its sources
            return self.breakdown is None and not _TIMES_AFTER_RE.match(self.text, token.end)   # (…2,600万元乘以2.35%)
        found = _reference_word(pre)
        if found is not None and found[0].startswith("前期已") and _BATCHES_TOTALLED_RE.search(
                self.text, token.end, self.sentence_end()):
            return False   # 前期已下达20万元，本次下达30万元，合计50万元: the earlier batch one of its sentence's total's items
        if found and (not _FINAL_RE.search(pre) or _PAST_APPROVED_RE.search(pre)) and not _USED_NOW_RE.search(pre):
            # 4.水电费按上年实际240,000元；: a numbered item of this year, its amount taken over from last year's
            return not (_ITEM_END_RE.match(self.text, token.end) and _ITEM_TAKEN_OVER_RE.search(pre) and not self.in_brackets(token))
            # (上年批复经费28万元: last year's approved amount, no final word for this year's)
        opens = self.__dict__.get("_opens")   # (the text's opening brackets, found once: the sentence's last by bisection,
        if opens is None:                     # not two rfind back to the sentence's start for every amount)
            opens = self._opens = _positions(self.text, "（(")
        k = bisect_left(opens, token.start) - 1
        bracket = opens[k] if k >= 0 and opens[k] >= self.sentence_start else -1
        if bracket >= 0 and "）" not in self.text[bracket:token.start] and ")" not in self.text[bracket:token.start] and (_reference_word(
                self.text[bracket:token.start]) or _WHOLE_PROJECT_RE.search(self.text, bracket, token.start)
                                                  or _CONTRACT_WHOLE_RE.search(self.text, bracket, token.start)) and not _THIS_YEAR_RE.search(
                self.text[bracket:token.start]):
            return True   # （2024年实际发放103.48万元，批复预算110万元） / （总投资1.2亿元的…之一部分）: an aside, all of it
        if "总" in pre and _WHOLE_PROJECT_RE.search(pre) and (self.multi_year or _THIS_PHASE_RE.search(self.text)):
            return True   # (本期合计668万元。项目总投资1.35亿元: the whole of all phases, this phase's stated)
        if _NAMED_AFTER_HINT_RE.match(self.text, token.end) and _NAMED_REFERENCE_AFTER_RE.match(self.text, token.end):
            return True   # 学前教育发展资金1.26亿元为三年累计批复数 / 批复总额1.2亿元，已于上年拨付完毕: named so after it
        if self.latest_year is not None:
            # a year since the previous number (2024年已安排…), not one an earlier amount had (（2024年实际支出…），…承担)
            since = self.text[max(self.sentence_start, self.prev_end, token.start - 40):token.start]
            years = [int(y) for y in _YEAR_RE.findall(since)]
            if years and years[-1] < self.latest_year:
                return True
        return False

    def final(self, token: Token) -> None:
        if _EXCLUDED_RE.search(self.text, self.sentence_start, token.start):
            return   # 本项目不含上年结转的第二批工程（已批复85万元）: approved for what this text leaves out
        self.flush_rates(until=token)
        self.candidates.append((0, token.start, token.value, f"批复{_written(token)}", False))
        measured = [i for i in self.subtotals + self.items if not i.derived]
        if measured:
            total = sum((i.value for i in measured), Decimal(0))
            after = max(i.end for i in measured)
            if total != token.value and not _TAKEN_OFF_RE.search(self.text, after, token.start):
                # (…年运营成本X元；扣除票款收入后，按运营亏损核定…: the cost less a sum the text does not state)
                self.out.steps.append(Step("approved", f"测算{'＋'.join(i.words for i in measured)}＝{self.fmt(total)}，"
                                           f"批复{_written(token)}", total, token.value, True, Decimal(0), token.start, token.end))
        self.items, self.subtotals = [], []
        self.whole = self.item(token)   # (经核定需资金380万元，按省级补助60%、县级承担40%: what a split after it applies to)
        if self.breakdown is None and _BREAKDOWN_RE.match(self.text[token.end:token.end + 30]):
            self.open_breakdown(self.item(token))   # 核定运营费580万元，其中中央…、省级…，其余144万元: the approved amount's parts

    def context_count(self, rate: _Rate, thing: str) -> Token | None:
        for token, label in zip(self.context, self.context_labels, strict=False):
            if token.kind == COUNT and self.matches(thing, token) and _labels_match(rate.label, label):
                return token
        return None

    def check_context(self, token: Token) -> None:
        """A total with no items in the text: the counts and standards stated elsewhere in the form."""
        if self.lone_checked or not self.context:
            return
        self.lone_checked = True
        counts = [(t, label) for t, label in zip(self.context, self.context_labels, strict=False) if t.kind == COUNT]
        rates = [(t, label) for t, label in zip(self.context, self.context_labels, strict=False) if t.kind == MONEY]
        if not counts or not rates or any(c.approx for c, _ in counts):
            return
        if len(rates) == 1 and len([w for w in rates[0][0].per if w not in _TIME]) > 1:
            # 45人 × 300天 × 8元/人·天: one standard per several things
            rate = rates[0][0]
            value, words = rate.value, [_rate_text(rate)]
            for thing in (w for w in rate.per if w not in _TIME):
                matching = [c for c, _ in counts if self.matches(thing, c)]
                if not matching:
                    return
                value *= sum((c.value for c in matching), Decimal(0))
                words.insert(0, "＋".join(f"{_num(c.value)}{c.unit}" for c in matching))
            if "月" in rate.per:
                value *= 12
                words.append("12个月")
            value = round_fen(value)
            self.add_step("context", "按数量指标和成本指标，" + "×".join(words) + f"＝{self.fmt(value)}", value, token, True)
            return
        total, words = Decimal(0), []
        for count, label in counts:
            matching = [(r, rl) for r, rl in rates if self.matches(_per_thing(r.per), count)]
            if not matching and len(counts) > len(rates):
                continue   # 人民调解委员会18个 beside 调解案件600件 × 200元/件: a count no standard is per
            if len(matching) > 1:
                matching = [(r, rl) for r, rl in matching if _labels_match(label, rl)]
            if len(matching) != 1:
                return
            rate = matching[0][0]
            months = Decimal(12) if "月" in rate.per else Decimal(1)
            total += rate.value * count.value * months
            words.append(f"{_num(count.value)}{count.unit}×{_rate_text(rate)}" + ("×12个月" if months == 12 else ""))
        if not words:
            return
        total = round_fen(total)
        self.add_step("context", "按数量指标和成本指标，" + "＋".join(words) + f"＝{self.fmt(total)}", total, token, True)

    def finish(self) -> None:
        self.flush_rates()
        self.close_breakdown()
        if self.plan is not None and len(self.plan_parts) >= 2 and not self.plan_remainder \
                and len(self.plan_parts) == self.plan_years():
            value = sum((p.value for p in self.plan_parts), Decimal(0))
            self.out.steps.append(Step("sum", "＋".join(p.words for p in self.plan_parts) + f"＝{self.fmt(value)}", value,
                                       self.plan.value, self.plan.approx, self.tolerance(self.plan.token, self.plan.approx),
                                       self.plan.start, self.plan.end))
        if self.percent_pending is not None and self.percent_pending[0] is not None:
            base, _name, pct = self.percent_pending
            value = round_fen(base.value * pct.value / 100)
            self.candidates.append((3, pct.start, value, f"{base.words}的{_num(pct.value)}%为{self.fmt(value)}", base.approx))
        plain = [i for i in self.subtotals + self.items if not i.derived and not i.product]
        if (len(plain) == 1 and plain[0].token is not None and not self.lone_checked
                and not any(s.kind in ("sum", "product") for s in self.out.steps)
                and not any(t.kind in (MONEY, COUNT) for t in self.tokens if t.end <= plain[0].start)):
            self.check_context(plain[0].token)
        if not self.this_year and self.plan_first is not None:
            self.this_year[self.plan_first[1]] = self.plan_first
        self.candidates += list(self.this_year.values())
        final = [c for c in self.candidates if c[0] == 0]
        ours = [c for c in self.candidates if c[0] == 2]
        this_year = [c for c in self.candidates if c[0] == 1]
        stated = [c for c in self.candidates if c[0] in (3, 4)]
        # 财政补贴八成，计1,295.04万元，农户自缴两成，计323.76万元: what payers pay themselves is no budget's amount
        stated = [c for c in stated if not (("自" in (w := self.text[max(0, c[1] - 12):c[1]]) or "个人" in w or "承担" in w)
                                             and _SELF_PAID_RE.search(w))] or stated   # (each of its words has 自, 个人 or 承担)
        chosen = None
        own = max(ours, key=lambda c: c[1]) if ours else None
        later = [c for c in stated if c[1] > own[1] and c[2] > own[2] and "合计" in c[3]] if own and not final else []
        if later:
            # 县级按30%配套180万元，项目资金总额900万元: the total the text ends on, the level's part beside it
            self.out.own_parts.append((own[2], own[3]))
            chosen = max(later, key=lambda c: c[1])
        elif ours and (not final or max(c[1] for c in ours) > final[-1][1]):
            chosen = max(ours, key=lambda c: c[1])   # 核定亏损1560万元，按市、区4:6分担，区级936万元
        elif final:
            chosen = final[-1]
        elif this_year:
            chosen = max(this_year, key=lambda c: c[1])
        elif stated:
            chosen = max(stated, key=lambda c: c[1])
        else:
            items = [i for i in self.subtotals + self.items if not i.rate]
            value = sum((i.value for i in items), Decimal(0))
            whole = _whole_of_items(items, self.text)
            if whole is not None:
                # 经费70.92万元。…2,364套，按每套每年300元: one item the sum of the others — their total, stated before or after
                chosen = (6, 0, whole.value, whole.words, whole.approx)
            elif len(items) >= 2:
                chosen = (5, 0, value, "＋".join(i.words for i in items) + f"＝{self.fmt(value)}",
                          any(i.approx for i in items) or self.unresolved)
            elif len(items) == 1 and not self.unresolved and not _no_claim(self.text, items[0]):
                chosen = (6, 0, items[0].value, items[0].words, items[0].approx)
        if chosen is not None:
            _, _, self.out.bottom_line, self.out.derivation, self.out.uncertain = chosen


# 按每人每年1万元标准由派出单位保障，本项目不再安排 / 按最低工资标准1,850元/月执行: a standard followed or paid elsewhere
_NO_CLAIM_RE = re.compile(r"不再(?:重复)?(?:安排|列支|申请)|不在本项目|不(?:列入|纳入)本项目|^[^，,。；;\d]{0,2}执行")


_EXCLUDED_RE = re.compile(r"不含|不包括|不包含|未含|不列入")


def outside_project(text: str, end: int) -> bool:
    """Whether the rest of the sentence after ``end`` puts the money outside this project (不在本项目列支)."""
    stop = text.find("。", end, end + 40)
    stop = min(len(text), end + 40) if stop < 0 else stop
    return text.find("不", end, stop) >= 0 and bool(_NO_CLAIM_RE.search(text[end:stop]))


def _no_claim(text: str, item) -> bool:
    """Whether the one worked-out item (a standard × its count, no result written) is no claim on the amount: its
    sentence says the money is paid elsewhere, or the standard is only followed (…标准1,850元/月执行)."""
    if not item.product:
        return False
    end = min((i for i in (text.find("。", item.end), len(text)) if i >= 0))
    return bool(_NO_CLAIM_RE.search(text[item.end:end]) or _NO_CLAIM_RE.match(text, item.end, end))


def _whole_of_items(items: list, text: str):
    """The item that is the total of the others where the text says so: an amount and its own working as a product
    (经费70.92万元。…2,364套，按每套每年300元), or an amount first and its parts after 其中 (补助我县3,862万元。…其中：用于…
    2,100万元；…); None otherwise (three amounts of which one happens to be the sum of two stay three items)."""
    if len(items) == 2:
        a, b = items
        return a if a.value == b.value and a.product != b.product and not a.product else None
    if len(items) >= 3 and items[0].value == sum((i.value for i in items[1:]), 0) \
            and "其中" in text[items[0].end:items[1].start]:
        return items[0]
    return None

