"""Numbered items: the breakdown a total of one of them opens (see :func:`close_at_next_number`), and the figure
each item of a numbered list arrives at, which a total after the list is of (see :func:`numbered_results`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from jixiao_desktop.prose.lexer import LIST_MARK
from jixiao_desktop.prose.restatements import terms
from jixiao_desktop.prose.steps import Step, in_its_unit, near_stated
from jixiao_desktop.prose.words import _written, token_start

_CHINESE = "一二三四五六七八九十"
# a list number at the start of a sentence: 2. / 2、 / 二、 / （二） / (2)
_NUMBER_AT_RE = re.compile(r"\s*(?:(\d{1,2})\s*" + LIST_MARK + r"|([一二三四五六七八九十])\s*、|[（(]\s*(\d{1,2}|[一二三四五六七八九十])\s*[)）])")
_SENTENCE_END_RE = re.compile(r"[。；;\n]")


def _previous(number: str) -> str | None:
    if number.isdigit():
        return str(int(number) - 1) if int(number) > 1 else None
    k = _CHINESE.find(number)
    return _CHINESE[k - 1] if k > 0 else None


def close_at_next_number(reader, position: int) -> None:
    """1.…需4500万元，其中中央及省级3300万元，县级配套1200万元；2.项目管理费…90万元；以上合计4590万元: a total of a
    numbered item followed by its parts (其中…) lists them within its item; the next item's number (2. after 1.,
    （二） after （一）) closes them, so the next item is no part of that total."""
    found = _NUMBER_AT_RE.match(reader.text, position)
    if found is None:
        return
    digit, chinese, bracketed = found.groups()
    number = digit or chinese or bracketed
    before = _previous(number)
    total = reader.breakdown
    if before is None or total is None or reader.breakdown_remainder or total.start < position - 400:
        return
    start = max((m.end() for m in _SENTENCE_END_RE.finditer(reader.text, max(0, total.start - 200), total.start)),
                default=max(0, total.start - 200))
    if bracketed:
        pattern = rf"[（(]\s*{before}\s*[)）]"
    elif digit:
        pattern = rf"(?:^|(?<=[\n。；;：:]))\s*{before}\s*[.、．]"
    else:
        pattern = rf"(?:^|(?<=[\n。；;：:]))\s*{before}\s*、"
    if re.search(pattern, reader.text[start:total.start]):
        reader.close_breakdown()


# a list number after a sentence's or clause's end (or at the text's start): found from its boundary character, which
# the scan looks for first (a look-behind at every position is slower)
_ITEM_NUMBER_RE = re.compile(r"[\n。；;：:][ \t]*((\d{1,2})\s*" + LIST_MARK + r"|([一二三四五六七八九十])\s*、|[（(]\s*(\d{1,2}|[一二三四五六七八九十])\s*[)）])")
_PARTS_OPEN_RE = re.compile(r"[（(]\s*(?:含|其中|包括)[^（()）]*$")
_SUBTOTAL_LINE_RE = re.compile(r"[^\d，,。；;]{0,6}小计[\s:：为]*")
_ITEM_END_RE = re.compile(r"[。\n]")


_last: tuple = (None, None)   # (the text last asked about and its numbers, swapped whole: a reader in another thread
#                               sees one pair or the other, never half of each)


def _list_numbers(text: str) -> tuple:
    """Every list number of ``text`` (at its start or after a sentence's or clause's end), found once a text: their
    starts and matches; for each, the last number 1 (一) at or before it; for each such 1, the run counting up from it
    (1, 2, 3… in the order written, up to the next 1: the indices and their starts); and a memo of each item's figure."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    starts, found, last_one, runs = [], [], [], {}
    one = -1
    first = _ITEM_NUMBER_RE.match("\n" + text[:12])   # (a number opening the text)
    matches = [(0, first.end() - 1, first[2] or first[3] or first[4])] if first else []
    matches += [(m.start() + 1, m.end(), m[2] or m[3] or m[4]) for m in _ITEM_NUMBER_RE.finditer(text)]
    for start, end, value in matches:
        n = int(value) if value.isdigit() else _CHINESE.find(value) + 1
        k = len(starts)
        starts.append(start)
        found.append((start, end))
        if n == 1:
            one = k
            runs[k] = ([k], [start])
        elif one >= 0 and n == len(runs[one][0]) + 1:
            runs[one][0].append(k)
            runs[one][1].append(start)
        last_one.append(one)
    numbers = (starts, found, last_one, runs, {})
    _last = (text, numbers)
    return numbers   # (not _last[1]: another thread may have swapped the cache since)


def numbered_results(lexed, index: int, more_than: int = 1, after: int = -1) -> list | None:
    """1.…全年17,283,840元。2.…3.…计1,044,000元。⏎全年资金需求22,216,848元: the figure each item of the numbered list
    before the figure at token ``index`` arrives at (its last amount; None where one is a standard or has none), when the
    figure follows the list (in a sentence after its last item, or as its last item itself). None at once where the list
    has no more than ``more_than`` items, or opens after ``after`` (a caller's first figure: none of the items')."""
    text, tokens = lexed.text, lexed.tokens
    position = tokens[index].start
    starts, found, last_one, runs, figures = _list_numbers(text)
    before = bisect_left(starts, position) - 1
    first = last_one[before] if before >= 0 else -1
    if first < 0 or starts[first] < position - 1500:
        return None   # (the last run of numbers counting up from 1 (一) before the figure, within 1500 characters)
    indices, run_starts = runs[first]
    count = bisect_left(run_starts, position)
    if count < 2 or count <= more_than or starts[first] > after >= 0:
        return None   # (each item gives one figure at most: a list of no more items gives no more figures)
    run = [found[i] for i in indices[:count]]
    ends = [start for start, _end in run[1:]]
    stop = _ITEM_END_RE.search(text, run[-1][1], position)
    last_end = stop.end() if stop is not None else None
    if last_end is None:   # 4. 两项合计…: the figure is the list's last item, none of its items
        if index and tokens[index - 1].start >= run[-1][1]:
            return None   # (4. 其他A 5万元、B 3万元，合计…: that item's own total)
        run = run[:-1]
    else:   # (the last item runs to its first full stop or line end)
        ends.append(last_end)
    if len(run) < 2:
        return None
    results = []
    for (_start, begin), end in zip(run, ends):
        key = (begin, end)
        figure = figures.get(key, False)
        if figure is False:
            figures[key] = figure = _figure(text, tokens, begin, end)
        if figure is None:
            return None
        results += figure
    return results


def _figure(text: str, tokens: list, begin: int, end: int) -> list | None:
    """The figure of its own an item from ``begin`` to ``end`` arrives at (a list of it): its one amount that is no
    standard nor a factor of a × chain nor a part in a bracket (含…); none for an item without amounts (一、项目背景：…);
    None for an item with two such (场地布置2.5万元，演出补助…＝8万元) or whose last amount is a standard, or a line
    of a sub-total (tokens ending by ``end`` only)."""
    k, n = bisect_left(tokens, begin, key=token_start), len(tokens)
    last, plain = None, []
    while k < n and tokens[k].end <= end:
        token = tokens[k]
        if token.kind == "money" and token.value and not _PARTS_OPEN_RE.search(text, begin, token.start):
            last = k   # (…小计516,000元（含医生216,000元、…）: the parts in its bracket are none of the item's figures)
            if not (token.per or tokens[k - 1].kind in ("each", "op") or k + 1 < n and tokens[k + 1].kind == "op"):
                plain.append(token)
        k += 1
    if last is None:
        return []
    if not plain or plain[-1] is not tokens[last] or _SUBTOTAL_LINE_RE.fullmatch(
            text, begin, tokens[last].start):
        return None   # (its last amount a standard or a factor; （3）小计81.6万元: a line of a sub-total, no item)
    return plain if len(plain) == 1 else None   # (two figures of its own: no one figure of the item)


def numbered_total(step, lexed, index: int):
    """A failing sum whose stated figure (token ``index``) follows a numbered list whose items each arrive at a figure of
    their own: True where those figures make it; the step with that working where they come nearer it; else False."""
    if step.kind != "sum" or step.stated is None:
        return False
    results = numbered_results(lexed, index)
    if results is None:
        return False
    value = sum((t.value for t in results), Decimal(0))
    if value == step.computed:
        return False
    if near_stated(value, step):
        return True
    own, listed = terms(step.description), [t.value for t in results]
    if not own or len(own) >= len(listed):
        return False
    for term in own:   # (only where the sum read counts some of the items' figures and nothing else)
        if term.value not in listed:
            return False
        listed.remove(term.value)
    words = "＋".join(_written(t) for t in results) + f"＝{in_its_unit(step.description, value)}"
    return Step(step.kind, words, value, step.stated, step.uncertain, step.tolerance, step.start, step.end)
