"""Numbered items and the breakdown a total of one of them opens (see :func:`close_at_next_number`)."""

from __future__ import annotations

import re

_CHINESE = "一二三四五六七八九十"
# a list number at the start of a sentence: 2. / 2、 / 二、 / （二） / (2)
_NUMBER_AT_RE = re.compile(r"\s*(?:(\d{1,2})\s*[.、．](?!\d)|([一二三四五六七八九十])\s*、|[（(]\s*(\d{1,2}|[一二三四五六七八九十])\s*[)）])")
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


_ITEM_NUMBER_RE = re.compile(r"(?:^|(?<=[\n。；;：:]))\s*(?:(\d{1,2})\s*[.、．)）](?!\d)|([一二三四五六七八九十])\s*、|[（(]\s*(\d{1,2}|[一二三四五六七八九十])\s*[)）])")
_ITEM_END_RE = re.compile(r"[。\n]")


def numbered_results(lexed, index: int) -> list | None:
    """1.…全年17,283,840元。2.…3.…计1,044,000元。⏎全年资金需求22,216,848元: the figure each item of the numbered list
    before the figure at token ``index`` arrives at (its last amount; None where one is a standard or has none), when the
    figure follows the list (in a sentence after its last item, or as its last item itself)."""
    text, tokens = lexed.text, lexed.tokens
    position = tokens[index].start
    numbers = [m for m in _ITEM_NUMBER_RE.finditer(text, max(0, position - 1500), position)]
    run: list = []
    for m in numbers:   # the last run of numbers counting up from 1 (一) before the figure
        value = m[1] or m[2] or m[3]
        n = int(value) if value.isdigit() else "一二三四五六七八九十".find(value) + 1
        if n == 1:
            run = [m]
        elif run and n == len(run) + 1:
            run.append(m)
    if len(run) < 2:
        return None
    ends = [m.start() for m in run[1:]]
    last_end = next((m.end() for m in _ITEM_END_RE.finditer(text, run[-1].end(), position)), None)
    if last_end is None:   # 4. 两项合计…: the figure is the list's last item, none of its items
        if index and tokens[index - 1].start >= run[-1].end():
            return None   # (4. 其他A 5万元、B 3万元，合计…: that item's own total)
        run = run[:-1]
    else:   # (the last item runs to its first full stop or line end)
        ends.append(last_end)
    if len(run) < 2:
        return None
    results = []
    k = 0
    for m, end in zip(run, ends):
        while k < len(tokens) and tokens[k].start < m.end():
            k += 1
        last, plain = None, 0
        while k < len(tokens) and tokens[k].end <= end and k < index:
            token = tokens[k]
            if token.kind == "money" and token.value:
                last = k
                # (a standard, or a factor of a × chain, is no figure of the item's own)
                plain += not (token.per or tokens[k - 1].kind in ("each", "op") or k + 1 < len(tokens) and tokens[k + 1].kind == "op")
            k += 1
        if last is None or plain != 1 or tokens[last].per or tokens[last - 1].kind == "each" or "小计" in text[m.end():end]:
            return None   # (an item with two figures of its own, or none; a list of sub-totals)
        results.append(tokens[last])
    return results


def numbered_total(step, lexed, index: int):
    """A failing sum whose stated figure (token ``index``) follows a numbered list whose items each arrive at a figure of
    their own: True where those figures make it; the step with that working where they come nearer it; else False."""
    from jixiao_desktop.money import format_with_unit
    from jixiao_desktop.prose.more_looks import _unit_of
    from jixiao_desktop.prose.steps import Step, near_stated
    from jixiao_desktop.prose.words import _written
    if step.kind != "sum" or step.stated is None:
        return False
    results = numbered_results(lexed, index)
    if results is None:
        return False
    value = sum((t.value for t in results), 0 * step.computed)
    if value == step.computed:
        return False
    if near_stated(value, step):
        return True
    from jixiao_desktop.prose.restatements import terms
    own, listed = terms(step.description), [t.value for t in results]
    if not own or len(own) >= len(listed):
        return False
    for term in own:   # (only where the sum read counts some of the items' figures and nothing else)
        if term.value not in listed:
            return False
        listed.remove(term.value)
    words = "＋".join(_written(t) for t in results) + f"＝{format_with_unit(value, _unit_of(step.description))}"
    return Step(step.kind, words, value, step.stated, step.uncertain, step.tolerance, step.start, step.end)
