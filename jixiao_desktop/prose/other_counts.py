"""Counts a standard finds outside its own clause or measure word: the count an earlier standard of the text was worked out
with (公厕86座，保洁费每座每月…；耗材按每座每年800元), the count a × chain used (6人×3200元×12月，另加…每人5000元), a thing named
after 每 that is no measure word (卫生室16个…每室药品柜350元), the people and the times of a standard per 人次, and money
named as money alone after a standard and its counts (按每户每年2,400元，全区326户，资金…).

Functions of the reader (:class:`~.reader._Reader`), called from :mod:`.counts` and :mod:`.products`.
"""

from __future__ import annotations

import re

from jixiao_desktop.prose.listed_counts import listed_count
from jixiao_desktop.prose.lexer import COUNT, Token
from jixiao_desktop.prose.steps import _Rate
from jixiao_desktop.prose.words import MONEY_NAMED_RE, MONEY_USED_FOR_RE, _party_before

# the words before a standard's 每 ending in a group of people or households (困难教师, 低保户, 失能老人)
_POPULATION_END_RE = re.compile(r"(?:人员|教师|学生|老人|儿童|对象|职工|干部|群众|居民|家庭|农户|[^\d\s]户|队员|成员|员工|者)[\s按照为给对向:：]*$")
# a group of people named right before a standard's 每 (另聘请顾问每人每月…, 专家每人次…, 保洁员每人…): its name's last two
# characters, looked for before the count carried
_GROUP_NAMED_RE = re.compile(r"([^\d\s，,。；;、]?(?:员|专家|顾问|医生|律师|[讲教技导厨]师|工人))[\s按照为给对向:：]*$")
_CARRIED_REACH = 240   # how far back (characters) a standard's count is carried to a later standard with none
# 每室药品柜 / 每平台年费: 每, a thing's name (not one the lexer reads as 每…), words, then the amount
_NAMED_EACH_RE = re.compile(r"每(?![增减超满提多少不达逾高低加按])([\u4e00-\u9fff]{1,3})[^\d，,。；;、每（()）:：]{0,8}$")
_PEOPLE = ("人", "名", "位")
_AFTER_COUNT_RE = re.compile(r"\s*(?:约|为|计|共|共计|合计|约计|需|约需)\s*")
_PART_OF_COUNT_RE = re.compile(r"[（(]\s*(?:含|其中|包括)[^，,。；;）)\d]{0,10}$")
_SPREAD_COUNT_RE = re.compile(r"[（(]\s*每[^，,。；;（()）\d]{1,4}")
_REFERENCE_COUNT_RE = re.compile(r"[（(](?:较|比|同比|去年|上年|前年|上一年)[^（()），,。；;\d]{0,10}$")


def carried_count(reader, rate: _Rate, thing: str, exclude: list[Token]) -> Token | None:
    """公厕126座，保洁费每座每月1,500元，全年…；耗材按每座每年1000元，共…: a standard with no count of its thing in its
    sentence is per the count of it an earlier standard of the text was worked out with — the nearest count of that
    thing before it, in the last few sentences, where no other count of it stands between; a group of people named
    before the standard's 每 (另聘请顾问每人每月…) only where that count is of the same name (保洁员20人…保洁员每人…)."""
    if not reader.standard_counts or thing == "*" or reader.open_bracket(rate.token) >= 0:
        return None   # (（亩均1,400元） in brackets: the working of the amount before, no item)
    each = rate.label.find("每")   # (the first: 另聘请顾问每人每月, the words before 每人)
    if _POPULATION_END_RE.search(rate.label[:each] if each >= 0 else rate.label):
        return None   # 慰问困难教师每人1000元: a group named of its own, whose count the text does not give
    found = None
    for count, _ in reversed(reader.earlier_counts[-12:]):
        if rate.token.start - count.end > _CARRIED_REACH:
            break
        if count.start >= reader.sentence_start or not reader.matches(thing, count):
            continue
        if found is not None:
            return None   # (two counts of that thing before: 特困人员28人，护理人员4名 — which one is not said)
        found = count
    if found is None or id(found) not in reader.standard_counts or found in exclude or id(found) in reader.count_each:
        return None   # (no standard used it: another population; 每处1名: a count per something, not all of them)
    group = _GROUP_NAMED_RE.search(rate.label[:each] if each >= 0 else rate.label)
    if group is not None and not reader.text[max(0, found.start - 10):found.start].rstrip().endswith(group.group(1)[-2:]):
        return None   # 协管员12人…另聘请顾问每人每月3,000元: another group, its count unsaid (not 保洁员20人…保洁员每人…)
    reader.carried.add(id(found))
    return found


def chained_count(reader, thing: str, lo: int, hi: int, start: int, exclude: list[Token], rate_clause: str) -> Token | None:
    """网格员6人×3200元×12月，另加考核奖励每人5000元: the count a × chain before the standard used, the nearest."""
    if not reader.chain_counts or reader.breakdown is not None or "其中" in rate_clause or _party_before(rate_clause):
        return None   # (48场×8000元=38.4万元，其中市级按每场3000元补助…: a party's part of the chain's product, no more of it)
    for count in reversed(reader.counts[lo:hi]):
        if count.start < start and id(count) in reader.chain_counts and count not in exclude and reader.matches(thing, count):
            return count
    return None


def named_each(reader, token: Token, near: str) -> tuple[str, ...]:
    """卫生室16个…每室药品柜350元 / 投放6个平台，每平台年费12,800元: 每 and the name of a thing counted before it in its
    sentence (no measure word: the lexer reads no 每… of it), words between it and the amount — a standard per that
    thing."""
    found = _NAMED_EACH_RE.search(near)
    if found is None or token.start - len(near) + found.start() < reader.sentence_start:
        return ()
    words = found.group(1)
    for size in (2, 1):
        thing = words[:size]
        if len(thing) == size and any(c.end <= token.start and reader.matches(thing, c) for c in reader.counts):
            return (thing,)
    return ()


def person_times(reader, count: Token, taken: list[Token]) -> Token | None:
    """For a standard per 人次 whose count is of people (8名) or of times (2次): the one other count of its sentence
    of the other kind, none used yet — people × times make the 人次."""
    want = ("次",) if count.unit in _PEOPLE else _PEOPLE
    found = [c for c in reader.counts if c.start >= reader.sentence_start and c is not count and c not in taken
             and c.unit in want and id(c) not in reader.used_counts]
    return found[0] if len(found) == 1 else None


def money_named_after_counts(reader, rate: _Rate, token: Token) -> bool:
    """Whether ``token`` is named as money alone (资金, 补助资金…) in a clause of its own after the standard ``rate``, with
    only counts and words between, or stands right after the standard's count (86人约37.7万元): it states the standard's
    product (when one is made)."""
    start = max(reader.text.rfind("，", rate.token.end, token.start), reader.text.rfind(",", rate.token.end, token.start))
    previous = reader.tokens[reader.index - 1] if reader.index else None
    if start < 0 or not MONEY_NAMED_RE.fullmatch(reader.text, start + 1, token.start) and not (
            previous is not None and previous.kind == COUNT and previous.start > start
            and _AFTER_COUNT_RE.fullmatch(reader.text, previous.end, token.start)):
        return False   # (人均培训费4,500元，86人约37.7万元: the amount right after the standard's count, 约 between)
    k = reader.index - 1
    while k >= 0 and reader.tokens[k] is not rate.token:   # (back to the standard: counts and 每… only)
        if reader.tokens[k].kind not in (COUNT, "each"):
            return False
        k -= 1
    if k < 0:
        return False
    product = reader.trial_product(rate, token.start)
    if product is None or not product[0]:
        return False
    # (资金10万元用于宣传: money with a use of its own states the product only where it is that product)
    return not MONEY_USED_FOR_RE.match(reader.text, token.end) or abs(
        product[0] - token.value) <= reader.tolerance(token, reader.approx(token))


def take_count(reader, token: Token, index: int) -> None:
    """A count the walk meets: kept among its sentence's counts (with the 每… or the count it is per), unless it is a part
    of the count before it (（含…）), that count spread over its places, or a count to compare with."""
    previous = reader.tokens[index - 1] if index > reader.sentence_first else None
    if token.start < reader.parts_until or previous is not None and previous.kind == COUNT and reader.text[
            previous.end] in "（(" and _PART_OF_COUNT_RE.match(reader.text, previous.end, token.start):
        # 保安138名（含乡镇学校117名）/ 58人（其中集中供养12人、散居46人）: parts of the count before, never factors
        reader.parts_until = max(reader.parts_until, min(
            (p for p in (reader.text.find("）", token.end), reader.text.find(")", token.end)) if p >= 0), default=0))
        return
    if previous is not None and previous.kind == "each" and index - 2 >= reader.sentence_first and reader.tokens[
            index - 2].kind == COUNT and _SPREAD_COUNT_RE.fullmatch(reader.text, reader.tokens[index - 2].end, token.start) \
            and reader.text.startswith(("）", ")"), token.end):
        return   # 10名（每村1名）: the count before, spread over its places, never a count of its own
    lo = max(0, token.start - 14)
    if (reader.text.find("（", lo, token.start) >= 0 or reader.text.find("(", lo, token.start) >= 0) \
            and _REFERENCE_COUNT_RE.search(reader.text, lo, token.start):
        reader.prev_end = token.end
        return   # 18,426人（较上年减少213人）/ （去年资助1,790人）: a count to compare with, never a factor
    token = listed_count(reader, index, previous) or token   # (各40、25、15批次 / 春节、端午各一次: listed_counts.py)
    reader.counts.append(token)
    reader.count_starts.append(token.start)
    if previous is not None and previous.kind == "each":
        reader.count_each[id(token)] = previous
    elif (previous is not None and previous.kind == COUNT and id(previous) in reader.count_each
          and re.fullmatch(r"[、和及与][^，,。；;\d]{0,8}", reader.text[previous.end:token.start])):
        reader.count_each[id(token)] = reader.count_each[id(previous)]   # 每村主职1名、其他村干部3名
    elif previous is not None and previous.kind == COUNT and re.search(
            r"^[^，,。；;\d]{0,12}各[^，,。；;\d]{0,10}$", reader.text[previous.end:token.start]):
        reader.count_group[id(token)] = previous
    reader.earlier_counts.append((token, reader.text[max(reader.sentence_start, token.start - 10):token.start]))
    reader.counts_by_unit.setdefault(token.unit, []).append(token)
    reader.chain_add(token)
