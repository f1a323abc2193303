"""Splits the reader's walk leaves unread, looked for after it within one sentence (each only where a cheap string
test of the whole text says it may be there):

- **halves** (经费63,800元，由两区各承担一半，每区32,900元; 按每人每年15元，签约4.2万人，由医保基金和公卫经费各承担一半，
  公卫经费承担36.5万元): one amount stated after 各承担一半 is half the whole before it — the sentence's one plain
  amount, else its one product of every factor named once — whoever the two payers are (not only levels);
- **the rest after one percentage** (总投资5,320,000元，其中上级资金55%，剩余2,349,000元由区级承担; 77.4万元，由县财政承担
  70%计54.18万元，乡镇承担33.22万元): the last amount, stated for what is left (剩余, 其余, 余下) or for another payer, is the
  whole less that percentage.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from jixiao_desktop.money import AmountUnit, format_with_unit, round_fen
from jixiao_desktop.prose.agreements import precision
from jixiao_desktop.prose.lexer import MONEY, PERCENT, RATIO, Lexed
from jixiao_desktop.prose.steps import Reading, Step
from jixiao_desktop.prose.words import _num, _party_before, _written, sentence_span, token_start

_SENTENCE_RE = re.compile(r"[。；;\n!！]")
_APPROX_RE = re.compile(r"约|近|不[足到超低]|超过|至少")
_STANDARD_RE = re.compile(r"每|均|标准|单价|按")
_REST_RE = re.compile(r"剩余|其余|余下|余额|差额|不足部分")
_PAYS_RE = re.compile(r"承担|负担|配套|自筹|出资|兜底|筹集")
_NEXT_RE = re.compile(r"余|差额|不足部分|承担|负担|配套|自筹|出资|兜底|筹集")


def split_looks(reading: Reading, lexed: Lexed, unit: AmountUnit = AmountUnit.YUAN, stated=None) -> None:
    text = lexed.text
    stated = stated if stated is not None else _Stated(reading)
    if "一半" in text or "各半" in text:
        _halves(reading, lexed, unit, stated)
    if ("%" in text or "％" in text) and (_REST_RE.search(text) or "承担" in text):
        _rest_after_percent(reading, lexed, unit, stated)


def _rest_after(text: str, at: int) -> bool:
    """Whether the text goes on after ``at`` to name what is left or another payer (a cheap test of the text)."""
    return _NEXT_RE.search(text, at, at + 40) is not None


def _tokens_at(lexed: Lexed, words: tuple[str, ...], near=None) -> list[int]:
    """The indices of the tokens holding each place ``words`` are written (found by str.find and bisection, not a
    walk over every token)."""
    text, tokens, found = lexed.text, lexed.tokens, []
    for word in words:
        at = text.find(word)
        while at >= 0:
            if near is not None and not near(text, at):
                at = text.find(word, at + 1)
                continue
            k = bisect_right(tokens, at, key=token_start) - 1
            if k >= 0 and tokens[k].start <= at < tokens[k].end and (not found or found[-1] != k):
                found.append(k)
            at = text.find(word, at + 1)
    return sorted(set(found))


def _rest_shape(tokens, k: int, text: str) -> bool:
    """A plain amount just before the percentage (words and commas between) and only amounts after it to the
    sentence's end (at most two): the cheap test before the sentence is read."""
    j = k - 1
    while j >= 0 and tokens[j].kind in ("comma", "word"):
        j -= 1
    if j < 0 or not _plain(tokens[j]):
        return False
    n = 0
    for token in tokens[k + 1:k + 8]:
        if token.kind == "stop":
            return n > 0 and (_REST_RE.search(text, tokens[k].end, token.start) or _PAYS_RE.search(
                text, tokens[k].end, token.start)) is not None
        if token.kind in ("comma", "word"):
            continue
        if token.kind != MONEY:
            return False
        n += 1
    return False


class _Stated:
    """The starts of the reading's steps, made when first asked (most texts have no candidate at all)."""

    def __init__(self, reading: Reading):
        self.reading, self.starts = reading, None

    def __contains__(self, start: int) -> bool:
        if self.starts is None:
            self.starts = {s.start for s in self.reading.steps}
        return start in self.starts


def _one_amount_after(tokens, k: int) -> bool:
    """One plain amount, and nothing else counted, between token ``k`` and its sentence's end."""
    n = 0
    for token in tokens[k + 1:k + 6]:
        if token.kind == "stop":
            return n == 1
        if token.kind in ("comma", "word", "each"):
            continue
        if not _plain(token):
            return False
        n += 1
    return False


def _plain(token) -> bool:
    return token.kind == MONEY and token.value is not None and not token.is_rate and not token.approx


def _unsure(text: str, token) -> bool:
    return bool(_APPROX_RE.search(text, max(0, token.start - 2), token.start))


def _halves(reading: Reading, lexed: Lexed, unit: AmountUnit, stated_at) -> None:
    from jixiao_desktop.prose.readings import _readings   # (readings imports the looks of this package)
    tokens, text = lexed.tokens, lexed.text
    for k in _tokens_at(lexed, ("一半", "各半")):
        half = tokens[k]
        if half.kind != "half" or not _one_amount_after(tokens, k):
            continue
        first, end = sentence_span(lexed.tokens, k)
        after = [t for t in tokens[k + 1:end] if t.kind not in ("comma", "word", "each")]
        before = tokens[first:k]
        if len(after) != 1 or not _plain(after[0]) or after[0].start in stated_at or _unsure(text, after[0]):
            continue
        if any(t.kind in (PERCENT, RATIO, "half") for t in before) or _SENTENCE_RE.search(text, half.end, after[0].start):
            continue
        if re.search(r"合计|共计|总计|[两二]项|以上", text[half.end:after[0].start]):
            continue
        plain = [t for i, t in enumerate(before) if _plain(t) and not (i and before[i - 1].kind == "each") and not
                 _STANDARD_RE.search(text, max(0, t.start - 6), t.start)]
        if len(plain) == 1 and not _unsure(text, plain[0]):
            whole, words = plain[0].value, _written(plain[0])
        elif not [t for t in before if t.kind == MONEY and t.approx]:
            start = tokens[first - 1].end if first else 0
            values = {round_fen(v) for v in _readings(lexed, start, first, k)}
            if len(values) != 1 or plain:
                continue
            whole = values.pop()
            words = format_with_unit(whole, unit)
        else:
            continue
        value = round_fen(whole / 2)
        stated = after[0]
        tolerance = precision(stated)
        if abs(value - stated.value) > tolerance:
            reading.steps.append(Step("share", f"{words}各承担一半，一方50%为{format_with_unit(value, unit)}", value,
                                      stated.value, False, tolerance, stated.start, stated.end))


def _rest_after_percent(reading: Reading, lexed: Lexed, unit: AmountUnit, stated_at) -> None:
    tokens, text = lexed.tokens, lexed.text
    for k in _tokens_at(lexed, ("%", "％"), _rest_after):
        percent = tokens[k]
        if percent.kind != PERCENT or not percent.value or percent.value >= 100 or not _rest_shape(tokens, k, text):
            continue
        first, end = sentence_span(lexed.tokens, k)
        sentence = [t for t in tokens[first:end] if t.kind not in ("comma", "word")]
        if sum(t.kind in (PERCENT, RATIO, "half") for t in sentence) != 1:
            continue
        before = [t for t in tokens[first:k] if t.kind not in ("comma", "word")]
        money_after = [t for t in tokens[k + 1:end] if t.kind not in ("comma", "word")]
        if not before or not _plain(before[-1]) or any(t.kind != MONEY for t in money_after) or not money_after:
            continue
        whole, rest = before[-1], money_after[-1]
        if len(money_after) > 2 or not _plain(rest) or rest.start in stated_at or _unsure(text, rest) or _unsure(text, whole):
            continue
        clause_from = max(text.rfind(c, 0, rest.start) for c in "，。；;") + 1
        clause = text[clause_from:rest.start]
        tail = text[rest.end:tokens[end].start if end < len(tokens) else len(text)]
        if len(money_after) == 2 and not re.fullmatch(r"[\s，,]*(?:计|即|为|合|共)?[\s:：]*", text[percent.end:money_after[0].start]):
            continue   # (the percentage's own amount right after it, else another item)
        if _REST_RE.search(clause) is None:
            payer, other = _party_before(clause), _party_before(text[whole.end:percent.start])
            if not (_PAYS_RE.search(clause) and payer is not None and other is not None and payer != other):
                continue
        elif _PAYS_RE.search(tail) is None and _PAYS_RE.search(clause) is None:
            continue
        value = round_fen(whole.value * (100 - percent.value) / 100)
        tolerance = precision(rest)
        if abs(value - rest.value) > tolerance:
            reading.steps.append(Step("share", f"{_written(whole)}的{_num(100 - percent.value)}%（除去{_num(percent.value)}%）为"
                                      f"{format_with_unit(value, unit)}", value, rest.value, False, tolerance, rest.start,
                                      rest.end))
