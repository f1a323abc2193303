"""Two forms the walk of :mod:`.reader` leaves silent, read after it over the sentence's tokens:

- **contribution rates over a wage base**: 工资基数3,500元，五险一金比例32%，每人每月单位缴纳1,120元 — the base × the
  rate (or the rates listed, 养老保险16%，医疗保险7.5%…, summed; a 合计24% after them is checked against their sum);
- **sources listed without 其中 against a total**: 总投资1,200万元，申请中央资金600万元，省级配套300万元，县级自筹300万元 —
  the parts add to the total; the form's own level's part backs the amount field as for the 其中 form.

Each looks only inside one sentence and adds a step only where the walk put none on the same amount, so a form
the walk already reads is never read twice. The base, its rates and the amount paid follow one another with nothing
between (a count or period there makes the base × rate one factor of what is stated); the sources are amounts
alone after the total; a sentence with 其中, a remainder, a ratio, 分别/各, × or one year's or phase's part is left
alone (a listed part may then be the rest of a split, or this year's share of the whole).
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.prose.lexer import MONEY, PERCENT, Lexed, Token
from jixiao_desktop.prose.steps import Reading, Step
from jixiao_desktop.prose.words import LEVELS, _written, sentence_at, written_tolerance

_TRIGGER_RE = re.compile(r"基数|保险|五险|四险|三险|社保|公积金|总投资|总投入|总概算|总预算|总额|总资金")
_BASE_RE = re.compile(r"(?:工资|缴费|缴存)基数|(?:月|平均|人均)?工资(?:标准)?(?:为|是)?\s*$")
_CONTRIBUTION_RE = re.compile(r"保险|五险|四险|三险|公积金|社保|比例|费率|缴费率|缴存比例")
_PAID_RE = re.compile(r"负担|承担|支付|缴纳|缴存|缴费|缴|计提|需|计|为|合计|共")
_SUM_PERCENT_RE = re.compile(r"(?:合计|共计|小计|总计|共)\s*(?:为)?\s*$")
_LEFT_ALONE_RE = re.compile(r"其中|其余|剩余|余下|剩下|分别|各|×|\*|乘|按\s*\d+\s*[:：比]|元/|年度|年安排|期")
_TOTAL_RE = re.compile(r"(?:总投资|总投入|总概算|总预算|项目总额|资金总额|总资金|总额)[为是约共计需]{0,3}\s*$")
_SOURCE_RE = re.compile(r"[:：]?\s*(?:申请|争取|使用|安排|整合|落实)?[^，,、\d]{0,6}?"
                        r"(?:中央|省|市|州|县|区|乡|镇|本级|自筹|配套|补助|财政|专项|债券|衔接|社会|银行|贷款|群众|企业|业主)"
                        r"[^，,、\d]{0,8}$")
_PARTY_WORD_RE = re.compile(r"中央|自治区|省|市本级|市|州|区|县|旗|乡|镇|街道|村")


def _sentence_at(lexed: Lexed, position: int) -> tuple[int, list[Token]]:
    """The sentence holding ``position``: where it begins and its tokens (found by bisection: only the few sentences
    with a trigger word are looked at, so a long text costs no walk of its own)."""
    first, last, start = sentence_at(lexed.tokens, position)
    return start, lexed.tokens[first:last]


def _fmt(value: Decimal) -> str:
    value = value.normalize()
    return f"{value:f}"


def read_bases(reading: Reading, lexed: Lexed, level: str) -> Reading:
    text = lexed.text
    stated_at = {s.start for s in reading.steps}
    done = -1
    for match in _TRIGGER_RE.finditer(text):
        if match.start() < done:
            continue
        start, sentence = _sentence_at(lexed, match.start())
        if not sentence:
            continue
        end = sentence[-1].end
        done = end
        if _LEFT_ALONE_RE.search(text[start:end]):
            continue
        kinds = {t.kind for t in sentence}
        if PERCENT in kinds:
            for k, token in enumerate(sentence):
                if token.kind == MONEY and _BASE_RE.search(text[max(start, token.start - 8):token.start]) or (
                        token.kind == PERCENT and (k == 0 or sentence[k - 1].kind != PERCENT)):
                    _contributions(reading, text, sentence[k:], stated_at)
                    break
        elif "总" in text[start:end] and not kinds & {"ratio", "op"}:   # (parts: amounts alone, see _sources)
            for k, token in enumerate(sentence):
                if token.kind == MONEY and _TOTAL_RE.search(text[max(start, token.start - 8):token.start]):
                    _sources(reading, text, sentence[k:], stated_at, level)
                    break
    return reading


def _contributions(reading: Reading, text: str, sentence: list[Token], stated_at: set[int]) -> None:
    first = sentence[0]
    if first.kind == PERCENT:   # 养老保险16%，医疗保险7.5%，失业保险0.5%，合计24%: the rates alone, summed
        first = Token(MONEY, "", first.start, first.start, None)
        sentence = [first, *sentence]
    elif first.kind != MONEY or not _BASE_RE.search(text[max(0, first.start - 8):first.start]):
        return
    rates: list[Token] = []
    summed: Token | None = None
    paid: Token | None = None
    for token in sentence[1:]:
        before = text[max(0, token.start - 10):token.start]
        if token.kind == "each":
            continue
        if token.kind == PERCENT and paid is None:
            if rates and _SUM_PERCENT_RE.search(before):
                summed = token
            elif summed is None and _CONTRIBUTION_RE.search(before):
                rates.append(token)
            else:
                return
        elif token.kind == MONEY and rates and paid is None:
            paid = token
            break
        else:
            return
    if not rates:
        return
    total = sum((r.value for r in rates), Decimal(0))
    if summed is not None and len(rates) > 1 and total != summed.value:
        listed = "＋".join(f"{_fmt(r.value)}%" for r in rates)
        reading.steps.append(Step("sum", f"{listed}＝{_fmt(total)}%", total, summed.value, start=summed.start,
                                  end=summed.end))
        return   # which of the two the amount follows is not known
    if first.value is None or paid is None or paid.start in stated_at or not _PAID_RE.search(
            text[(summed or rates[-1]).end:paid.start]):
        return
    rate = summed.value if summed is not None else total
    value = (first.value * rate / 100).quantize(Decimal("0.01"))
    reading.steps.append(Step("percent_of", f"{_written(first)}×{_fmt(rate)}%＝{_fmt(value)}元", value, paid.value,
                              paid.approx, written_tolerance(paid), paid.start, paid.end))


def _sources(reading: Reading, text: str, sentence: list[Token], stated_at: set[int], level: str) -> None:
    first = sentence[0]
    if first.kind != MONEY or first.per or first.start in stated_at:
        return
    if not _TOTAL_RE.search(text[max(0, first.start - 8):first.start]):
        return
    parts = sentence[1:]
    if len(parts) < 2 or any(t.kind != MONEY or t.per or t.start in stated_at for t in parts):
        return
    previous = first.end
    for token in parts:
        words = text[previous:token.start]
        if not re.match(r"\s*(?:[，,、]|[，,]?\s*资金来源(?:为|是)?\s*[:：]?)", words) or not _SOURCE_RE.search(words):
            return
        previous = token.end
    total = sum((t.value for t in parts), Decimal(0))
    listed = "＋".join(_written(t) for t in parts)
    reading.steps.append(Step("sum", f"{listed}＝{_fmt(total)}元", total, first.value, any(t.approx for t in parts),
                              max(written_tolerance(t) for t in parts) if total != first.value else Decimal(0),
                              first.start, first.end))
    previous = first.end
    for token in parts:
        words = text[previous:token.start]
        previous = token.end
        named = _PARTY_WORD_RE.findall(words)
        if named and LEVELS.get(named[-1]) == level and not any(v == token.value for v, _ in reading.own_parts):
            reading.own_parts.append((token.value, f"{words.strip('，,、 ')}{_written(token)}"))
