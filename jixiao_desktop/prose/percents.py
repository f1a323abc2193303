"""Percentages of the prose grammar: a percentage of a named base (X的20%, 按服务费的3%计取, 按以上两项的5%),
a percentage claimed of an amount (占年度预算的35%), and the parties named before 分别 taking the percentages after it.

A mixin of :class:`~.reader._Reader`: it reads and writes the reader's state, set up in ``_Reader.__init__``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.products import rate_percent_words
from jixiao_desktop.prose.lexer import COUNT, MONEY, Token, cn_number
from jixiao_desktop.prose.portions import named_earlier, percent_part, portion_claim, rest_percent_whole, use_of_whole
from jixiao_desktop.prose.steps import _Item
from jixiao_desktop.prose.words import (
    CLAUSE_MARK_RE, CUT_WORDS, _PARTY_RE, _PERCENT_FEE_RE, _PERCENT_OF_RE, _RX12, _RX13, _RX14, _RX15, _RX16, _RX17, _RX18, _SHARE_VERB_RE,
    _TARGET_BEFORE_RE, _WHOLE_PROJECT_RE, _base_name, _common_run, _num, _parties_in, _party_before, _rate_text,
    _written,
)

_ITEMS_NAMED_RE = re.compile(r"(?:以上|上述|前述|上列|前)\s*(\d|[两二三四五六七八九十])\s*项")
_RESPECTIVE_RE = re.compile(r"([^，,。；;\n]*?)分别\s*(?:承担|负担|分担|配套|出资|补助|安排)?\s*(?:为)?\s*$")
_NEXT_PARTY_RE = re.compile(rf"\s*[、，,和及]\s*(?:{_PARTY_RE.pattern})(?:级|本级)?(?:财政)?\s*(?:承担|负担|配套|出资)?\s*")
_CUT_BEFORE_RE = re.compile(rf"(?:{CUT_WORDS})\s*$")
_LEFT_AFTER_RE = re.compile(r"\s*后")
_CUT_AFTER_RE = re.compile(rf"\s*(?:的?比例)?\s*(?:{CUT_WORDS})\s*后")
_PAYMENT_RE = re.compile(r"拨付|支付|付款|拨款|兑付")   # 上半年拨付50%: when the money is paid, not what for


_PARTY_TAIL_RE = re.compile(rf"(?:{_PARTY_RE.pattern})(?:级|本级)?(?:财政)?\s*$")


def _verb_before_party(near: str) -> bool:
    """分担比例为自治区50%: a share verb in the five characters before the party named last (however long its name: the
    window of six before the percentage holds it for 省 but not for 自治区)."""
    tail = _PARTY_TAIL_RE.search(near)
    return tail is not None and _SHARE_VERB_RE.search(near, max(0, tail.start() - 5), tail.start()) is not None


class _Percents:
    """Percentages of a base, percentages claimed of an amount, and percentages listed after 分别."""

    def percent(self, token: Token) -> None:
        if self.aside_of_whole(token):
            return   # （批复总投资3,860万元，中央补助60%）: a percentage of the aside, none of this text's
        near = self.before(token, 12)
        after = self.after(token, 4)
        if self.chain_open and self.chain:
            self.chain.append(token)
            self.chain_open = False
            return
        if "率" in self.text[max(0, token.start - 10):token.end + 6] and _party_before(near) is None and rate_percent_words(
                self.text, self.sentence_start, token) and self.of_counted(token):
            return   # 按85%到位率测算: the share of the things counted a standard's product goes by (products.py)
        if "占" in near and _party_before(near) is None and portion_claim(self, token, near):
            return   # 安排84万元，占年度预算的35%: a claim about the amount before, checked
        listed = self.respective_party(token)
        if listed is not None:
            self.level_share(token, listed)   # 中央、省、市分别承担70%、10%、10%
            return
        party = _party_before(near)
        if _PERCENT_OF_RE.search(near) and not _RX12.search(near):
            # 区级按中央补助的20%配套: a percentage of a named base, whoever pays it
            name = _base_name(self.text[max(self.sentence_start, token.start - 24):token.start])
            self.percent_pending = (self.base_before(token, name), name, token)
            return
        if party is not None and _RX13.search(near):
            self.level_share(token, party)  # 区级占比65%
            return
        if _TARGET_BEFORE_RE.search(near):
            return  # a target: 覆盖率≥95%
        if _RX14.search(near):
            self.each_share(token)
            return
        listed_on = self.__dict__.get("_shares_listed_to")   # (…比例为省50%、市30%、县20%: the list goes on)
        if party is not None and (_SHARE_VERB_RE.search(near[-6:]) or _verb_before_party(near)
                                  or _SHARE_VERB_RE.match(after.lstrip()) or near.rstrip().endswith(("级", "财政"))
                                  or listed_on is not None and _NEXT_PARTY_RE.fullmatch(self.text, listed_on, token.start)):
            self.level_share(token, party)
            self._shares_listed_to = token.end
            return
        if party is None and percent_part(self, token, near):
            return
        if "按" in near and (_CUT_BEFORE_RE.search(near) and _LEFT_AFTER_RE.match(after) or _CUT_AFTER_RE.match(self.text, token.end)):
            return   # 按要求压减10%后安排2970万元 / 按20%比例核减后…: a cut, the amount left after it checked as such (adjusted.py)
        if _PERCENT_OF_RE.search(near) or _PERCENT_FEE_RE.match(after) or "按" in near:
            following = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
            if following is not None and following.kind == COUNT and not CLAUSE_MARK_RE.search(
                    self.text, token.end, following.start):
                return   # 按在园幼儿15%比例确定资助对象468人: a share of a count, the count it works out after it
            name = _base_name(self.text[max(self.sentence_start, token.start - 24):token.start])
            base = self.base_before(token, name)
            self.percent_pending = (base, name, token)

    def of_counted(self, token: Token) -> bool:
        """Whether a percentage follows a count of its sentence and no amount but standards (64名，每人每年1万元，按85%…;
        not 贷款余额1.8亿元，按年贴息率3.45%, a rate of an amount)."""
        before = self.tokens[self.sentence_first:self.index]
        return any(t.kind == COUNT for t in before) and all(t.start in self.rate_per or t.per for t in before if t.kind == MONEY)

    def aside_of_whole(self, token: Token) -> bool:
        """Whether ``token`` stands in a bracket whose amount is the whole of a larger project (总投资, 总概算)."""
        bracket = self.open_bracket(token)   # (plans.py)
        return bracket >= 0 and bool(_WHOLE_PROJECT_RE.search(self.text, bracket, token.start))

    def respective_party(self, token: Token) -> str | None:
        """中央、省、市分别承担70%、10%、10%: the parties named before 分别 take the percentages listed after it,
        in order."""
        clause = self.clause_before(token, 30)
        found = _RESPECTIVE_RE.search(clause) if "分别" in clause else None   # (its lazy start is tried everywhere)
        if found:
            parties = _parties_in(found[1])
            self.respective = (parties, 1, token.end) if len(parties) >= 2 else None
            return parties[0] if self.respective else None
        if self.respective is None:
            return None
        parties, i, end = self.respective
        if i >= len(parties) or not re.fullmatch(r"\s*[、,，和及与]\s*", self.text[end:token.start]):
            self.respective = None
            return None
        self.respective = (parties, i + 1, token.end)
        return parties[i]

    def base_before(self, token: Token, name: str) -> _Item | None:
        """The amount a percentage is of: the one named so before it, else the last one before it
        in its sentence; None when the base is named but written after (按项目资金的0.5%…：项目资金2860万元)."""
        if _RX15.search(self.text[max(self.sentence_start, token.start - 24):token.start]):
            terms = self.open_terms("sum")
            if terms:
                value = sum((i.value for i in terms), Decimal(0))
                return _Item(value, "（" + "＋".join(i.words for i in terms) + "）", terms[0].start, terms[-1].end)
        before = self.clause_before(token, 24)
        if _RX16.match(name) or _RX16.search(before):
            terms = self.open_terms("sum")   # 按上述项目资金的1%计取: of everything listed before
            counted = _ITEMS_NAMED_RE.search(before)
            if counted:   # 按以上两项的5%: the last two
                n = int(counted[1]) if counted[1].isdigit() else int(cn_number(counted[1]) or 0)
                terms = terms[-n:] if 0 < n <= len(terms) else terms
            if terms:
                value = sum((i.value for i in terms), Decimal(0))
                return _Item(value, "（" + "＋".join(i.words for i in terms) + "）", terms[0].start, terms[-1].end)
        if (rest_whole := rest_percent_whole(self, token)) is not None:   # 拨付余下40%: of the whole, not of the 60%
            return rest_whole
        last, named, fuzzy, best = None, None, None, 0
        for other in self.sentence_tokens():
            if other.kind == MONEY and other.end <= token.start:
                last = other
                label = self.label_of(other)
                if name and name in label:
                    named = other
                elif name:
                    common = _common_run(name, label)
                    if common >= 4 and common >= 0.6 * len(name) and common > best:
                        fuzzy, best = other, common
        if named is None and name and last is None:
            named = named_earlier(self, name)   # 合同价2,360,000元…；完工后按合同价的50%支付: named in an earlier clause
        if named is not None:
            return self.base_item(named)
        if name and self.text.find(name, token.end) >= 0:
            return None  # named, and written after: 按项目资金的0.5%计提：项目资金2860万元
        if fuzzy is not None:
            return self.base_item(fuzzy)
        if "率" in name and _PERCENT_OF_RE.search(self.before(token, 4)):
            return None   # 按贷款合同利率的50%: a percentage of a percentage (按年贴息率3.45%: the rate itself)
        if not name and self.last_percent_base is not None and _RX17.search(self.before(token, 4)):
            return self.last_percent_base  # 监理费按建安费的3%…，设计费按4.5%…: the same base
        if last is not None:
            return self.base_item(last)
        return self.breakdown if self.breakdown is not None else self.whole   # (…其中A、B；上半年拨付50%: of the whole)

    def base_item(self, token: Token) -> _Item:
        per = token.per or self.rate_per.get(token.start, ())
        return _Item(token.value, _rate_text(token), token.start, token.end, self.approx(token), per)

    def label_of(self, token: Token) -> str:
        """The words naming an amount: its clause before it, back to the previous number (a name labels the
        first amount after it: 评估费合计43.2万元（每家1.8万元） names 43.2万元, not 1.8万元)."""
        clause = self.clause_before(token, 16)
        at = max((i for i, ch in enumerate(clause) if ch.isdigit()), default=-1)
        return clause[at + 1:]

    def base_named(self, token: Token) -> bool:
        name = self.percent_pending[1]
        if not name:
            return False
        label = self.label_of(token)
        common = _common_run(name, label)
        # (项目资金总额 … 衔接资金县级项目总额: each two-character word of the name in the label)
        return name in label or (common >= 4 and common >= 0.6 * min(len(name), len(label))) or (
            len(name) >= 4 and len(name) % 2 == 0 and all(name[i:i + 2] in label for i in range(0, len(name), 2)))

    def percent_result(self, token: Token) -> None:
        base, _name, pct = self.percent_pending
        self.percent_pending = None
        self.last_percent_base = base
        clause = self.clause_before(token, 10)
        if _RX18.search(clause) and self.text.rfind(clause, 0, token.start) > pct.end:
            # 年中拨付40%，年底拨付剩余的900万元: the rest of the base, not the percentage of it
            value = round_fen(base.value * (100 - pct.value) / 100)
            self.add_step("remainder", f"{base.words}减去{_num(pct.value)}%为{self.fmt(value)}", value, token, base.approx)
            return
        value = round_fen(base.value * pct.value / 100)
        item = self.item(token, derived=True)
        if re.fullmatch(r"\s*的\s*", self.text[base.end:pct.start]) and re.search(r"按(?:照)?[^，,。；;\d]{0,12}$",
                                                                           self.text[self.sentence_start:base.start]):
            # 按灯具资产原值2,600万元的3%计取: an amount named only as the base is not one of the items
            self.items = [i for i in self.items if i.token is None or i.start != base.start]
            self.this_year.pop(base.start, None)   # (按当年救助资金246万元的1.5%: no figure of this year's own)
        if bool(base.rate and base.rate != ("年",)) == token.is_rate:   # (服务费每年186万元: a year's amount)
            self.add_step("percent_of", f"{base.words}的{_num(pct.value)}%为{self.fmt(value)}", value, token, base.approx)
            self.candidates.append((3, token.start, token.value, f"{base.words}的{_num(pct.value)}%即{_written(token)}",
                                    self.approx(token)))
            if use_of_whole(self.text, base, token):   # 资金1,800万元，按70%用于…，计1,260万元: the whole, too
                self.out.own_parts.append((base.value, base.words))
        if base is self.breakdown and _PAYMENT_RE.search(self.text, self.sentence_start, pct.start):
            return   # 总额X，其中A、B；上半年拨付50%，计…: a schedule of the whole, none of its parts
        per, scale = self.each_before(token)
        if per:   # 最低工资标准为每月1,900元，即每人每月1,330元: a standard worked out, used as one
            self.rate(token, per, scale)
            return
        self.add_item(item)
