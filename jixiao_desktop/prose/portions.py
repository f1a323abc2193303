"""What part of a whole an amount is, stated as a percentage: 本项目安排84万元，占年度预算的35%.

A clerk names an amount, then its portion of a larger figure stated earlier (the unit's budget, the
project's total). The percentage is then no percentage *to take* of the amount before it (84万元的35%), but
a claim: that amount over the whole, which the reader checks (at the percentage's written precision).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from jixiao_desktop.money import round_fen
from jixiao_desktop.prose.lexer import MONEY, PERCENT, Token
from jixiao_desktop.prose.steps import _Item, _Split
from jixiao_desktop.prose.looking import _decimals
from jixiao_desktop.prose.words import _REMAINDER_RE, _RX18, _num, _party_before, _written

_PAYER_VERB_RE = re.compile(r"自筹|承担|负担|出资|筹集|配套")
_SENTENCE_END_RE = re.compile(r"[。；;\n]")

# 占年度预算的35%, 占总额35%, 占比35%, 占部门预算比重为35%, 约占…
_PORTION_RE = re.compile(r"占\s*(?P<name>[^，,。；;\d%％]{0,10}?)(?:的)?(?:比例|比重)?\s*(?:为|约|达)?\s*$")


def portion_claim(reader, token: Token, near: str) -> bool:
    """Check ``token`` (a percentage after 占…) as the amount before it over the whole named earlier; whether it
    was such a claim (then it is no percentage of a base)."""
    found = _PORTION_RE.search(near)
    if found is None or "占" not in near:
        return False
    amounts = [t for t in reader.tokens[max(0, reader.index - 40):reader.index] if t.kind == MONEY and t.value and not t.per]
    part = next((t for t in reversed(amounts) if t.start >= reader.sentence_start), None)
    subject = re.split(r"[，,。；;：:\n]", near[:found.start()])[-1].strip()
    if len(subject) >= 2:   # 其中衔接资金156万元，县级资金104万元，衔接资金占比65%: the amount it names
        part = next((t for t in reversed(amounts) if subject in reader.text[max(0, t.start - 12):t.start]), None)
        if part is None:
            return True   # a portion of an amount not stated here
    if part is None:
        return False
    # the part is what the text arrives at (the whole is the setting: the unit's budget, the project's total)
    reader.this_year[part.start] = (1, part.start, part.value, _written(part), reader.approx(part))
    earlier = [t for t in amounts if t.end <= part.start and t.value > part.value]
    name = found["name"]
    named = [t for t in earlier if _shares_word(reader.text[max(0, t.start - 12):t.start], name)]
    # (else the largest before it: 总投资1,680万元，其中补助资金1,008万元，占60%；县级336万元，占20%)
    whole = named[-1] if named else max(earlier, key=lambda t: t.value, default=None)
    if not named and earlier and "其中" in reader.text[earlier[-1].end:part.start]:
        whole = earlier[-1]   # 总投资3.2亿元…。2025年安排8,000万元，其中县级配套2,000万元，占25%: of the amount 其中 parts
    if whole is None:
        return True   # a portion of something not stated here: nothing to check, and no base to take it of
    places = Decimal(1).scaleb(-_decimals(token.text))
    computed = (part.value / whole.value * 100).quantize(places, rounding=ROUND_HALF_UP)
    reader.add_step("share_percent", f"{_written(part)}÷{_written(whole)}＝{_num(computed)}%", computed, token)
    return True


def _shares_word(before: str, name: str) -> bool:
    """Whether the words before an amount share a two-character word with the whole's name after 占."""
    return any(name[k:k + 2] in before for k in range(len(name) - 1))


def rest_shared(reader, parties: tuple[str, ...], fraction: Decimal, label: str, token: Token) -> bool:
    """省级补助30%，其余由市、县各承担一半: parties sharing alike what a level's percentage before leaves (each 35 %
    of the whole); whether it was so."""
    previous = reader.split
    if previous is None or previous.kind != "percent" or not _RX18.search(
            reader.text[max(reader.sentence_start, token.start - 24):token.start]):
        return False
    taken = sum((f for p, f in previous.fractions.items() if p not in parties), Decimal(0))
    if not 0 < taken < 1:
        return False
    fractions = {p: fraction * (1 - taken) for p in parties}
    fractions.update({p: f for p, f in previous.fractions.items() if p not in fractions})
    reader.split = _Split(fractions, f"{previous.label}，{label}", previous.whole, "each", position=token.start)
    if previous.whole is not None:
        reader.set_split_whole(previous.whole)
    return True


_USE_RE = re.compile(r"用于|用作|发放|计发|拨付|支付|付至")   # (拨付余下40%, 付至合同价的80%: a payment of the whole)


def use_of_whole(text: str, base, token: Token) -> bool:
    """转移支付资金1,800万元，按70%用于…，计1,260万元: a percentage of a plain amount put to a use (no fee on top, no payer's
    part) — the form may carry the whole as well as the share."""
    between = text[base.end:token.start]
    return not base.derived and not base.rate and bool(_USE_RE.search(between)) and _party_before(between) is None



def rest_percent_whole(reader, token: Token):
    """预算45万元。…拨付60%即27万元，…拨付余下40%计18万元: the rest's percentage is of the whole the percentage before
    it was of (that percentage's base, else the last plain amount before it), not of its own amount; None
    when the percentage follows no 余下/剩余/其余 or no percentage before."""
    if not _RX18.search(reader.text[max(0, token.start - 4):token.start]):
        return None
    if reader.last_percent_base is not None:
        return reader.last_percent_base
    tokens = reader.tokens
    earlier = next((i for i in range(reader.index - 1, max(-1, reader.index - 12), -1)
                    if tokens[i].kind == PERCENT and tokens[i].value), None)
    if earlier is None:
        return None
    whole = next((t for t in reversed(tokens[max(0, earlier - 8):earlier]) if t.kind == MONEY and t.value and not t.is_rate), None)
    return reader.base_item(whole) if whole is not None else None


_LABEL_CUT_RE = re.compile(r"[\d，,。；;：:\n]")
_ORDINAL_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|首先|其次|再次|然后|最后|[（(]?[一二三四五六七八九十]{1,2}[)）、])?\s*")


def named_earlier(reader, name: str) -> Token | None:
    """合同价2,360,000元…；完工后按合同价的50%支付: the amount named ``name`` in an earlier clause of the paragraph (the
    words just before it end with the name, as a contract's price does, or its clause opens with the name; at most 40
    tokens back)."""
    tokens, text, i = reader.tokens, reader.text, reader.index - 1
    while i >= 0 and reader.index - i <= 40 and tokens[i].start >= reader.paragraph_start:
        other = tokens[i]
        if other.kind == MONEY and other.start < reader.sentence_start and not (
                other.per or other.start in reader.rate_per or tokens[i + 1].kind == "op"):   # (nor a standard nor a factor)
            words = text[max(reader.paragraph_start, other.start - 16):other.start]
            label = _LABEL_CUT_RE.split(words)[-1]
            if label.rstrip("为是约共计 ").endswith(name) or _ORDINAL_RE.sub("", label).startswith(name):
                return other   # (…工程费186万元 / 工程费按施工图预算审核结果计186万元)
        i -= 1
    return None


def percent_part(reader, token: Token, near: str) -> bool:
    """A part of the whole borne by a payer that is no level of government, stated as a percentage only
    (总投资500万元，其中企业自筹60%，其余由县财政补助…): the whole's share, a part a remainder leaves out."""
    whole = reader.whole
    clause_rest = re.split(r"[，,。；;\n]", reader.text[token.end:token.end + 20], maxsplit=1)[0]
    if (whole is None or whole.rate or not _PAYER_VERB_RE.search(near[-6:]) or any(ch.isdigit() for ch in clause_rest)
            or not _REMAINDER_RE.search(reader.text[token.end:token.end + 12])):
        return False
    value = round_fen(whole.value * token.value / 100)
    reader.add_item(_Item(value, f"{whole.words}的{_num(token.value)}%", token.start, token.end, whole.approx, derived=True))
    reader.whole = whole
    return True


def respective_party(text: str, position: int, parties: list[str]) -> str | None:
    """省、市、县按5:3:2分担，分别为45万元、27万元、18万元: the k-th amount after 分别 (in its sentence) is the
    k-th party's, whatever the form's level."""
    at = text.rfind("分别", max(0, position - 60), position)
    if at < 0 or _SENTENCE_END_RE.search(text, at, position):
        return None
    k = text.count("元", at, position)
    return parties[k] if k < len(parties) else None
