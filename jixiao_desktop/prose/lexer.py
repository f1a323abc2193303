"""Tokens of Chinese calculation prose, read in one pass (linear in the text's length).

A 测算说明 is a few sentences: ``为65户低收入家庭发放冬季取暖补贴，每户800元，计5.2万元``;
``180人×150元/人/月×12个月＝32.4万元``; ``全年需资金300万元，市、区按3：7比例分级承担``. The lexer
turns such a text into :class:`Token` s — amounts (value in 元, with the unit written and, for a
standard, what it is per), counts with their measure word, percentages, ratios, periods (12个月,
全年, 3年), operators and the words that give numbers their roles (共计, 小计, 其余, 含, 每, 上年…)
— and leaves out the numbers that are not part of any calculation: dates, ranges, ages, document
numbers, list numbering, phone numbers and codes.

The whole text is matched by one regular expression whose alternatives are tried in order at each
position, and a match never re-reads what an earlier one consumed, so the work grows with the length
of the text. Every number's digits are matched only from the start of a run of digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from jixiao_desktop.money import WAN, YI, read_decimal
from jixiao_desktop.prose.folding import fold
from jixiao_desktop.prose.numerals import _CN_DIGITS, cn_number, listed_decimal

# What one text's reading may cost (a real 测算说明 has a few dozen numbers in a few hundred characters);
# a longer text is flagged ``truncated`` and its calculations are not claimed.
MAX_TEXT_CHARS = 50000
MAX_NUMBERS = 5000

MONEY, COUNT, PERCENT, RATIO, PERIOD, WORD, OP, STOP = "money", "count", "percent", "ratio", "period", "word", "op", "stop"

# Measure words of counts (longest first in the pattern).
MEASURES = (
    "人次", "户次", "床位", "平方米", "公里", "课时", "小时", "社区", "街道", "村居", "村组",
    "人", "名", "户", "个", "家", "所", "村", "床", "张", "项", "条", "次", "处", "座", "支", "场", "期", "批",
    "套", "份", "件", "台", "辆", "亩", "位", "间", "栋", "只", "头", "株", "吨", "册", "本", "班", "天", "周",
    "篇", "部", "宗", "起", "例", "组", "队", "镇", "乡", "校", "园", "站", "店", "所学校", "单位", "盏", "米",
    "块", "把", "顶", "面", "幅", "箱", "袋", "桶", "瓶", "双", "对", "盒", "包", "卷", "枚", "棵", "颗", "根", "片",
    "艘", "架", "口", "眼", "晚", "夜", "轮", "趟", "节", "堂", "门", "学时", "人日", "工日", "车次", "架次", "户籍",
    "处所", "栏", "幢", "层", "平米", "立方米", "方", "公顷", "千米", "延米", "平方公里", "千瓦", "届", "期次", "窗",
    "页", "尾", "发", "羽", "匹", "粒", "孔", "樘", "扇", "学期", "工作日", "日", "季度", "课", "车", "船", "片区",
    "剂次", "剂", "针次", "针", "具", "盘", "馆", "点次", "岗位", "岗", "人月", "班次", "车辆", "列", "副", "挺", "辆次", "档", "席", "千瓦时",
    "种", "人份", "场次",
    # units written in Latin letters or as one sign
    "TB", "GB", "PB", "km", "kWh", "kW", "MW", "m2", "m3", "m²", "m³", "㎡", "㎞", "㎥",
)
_MEASURE_RE = "|".join(sorted(MEASURES, key=len, reverse=True))
_SCALED_MEASURE = "|".join(m[1:] for m in MEASURES if m[0] in "万千百")   # 每千瓦: per 千瓦, never 1,000 瓦
# What a standard may be "per": measure words and periods.
_PER_WORD = rf"(?:{_MEASURE_RE}|半年|年|月|日|季度|季|学期|周|生)"
_PER = rf"{_PER_WORD}(?:\s*[./·]\s*{_PER_WORD}){{0,3}}"

# 件均420元, 台均, 场均: a one-character measure word before 均 names what a standard is per
_ONE_CHAR_MEASURE = "[" + "".join(m for m in MEASURES if len(m) == 1 and m not in "人户家月年日生床亩米方") + "]"
# 十二, 二百, 一千二百, 五十七万六千: counts and amounts written in characters (a number begins with a digit;
# a 万 ending it is the unit's, 三十万元)
_CN_NUMBER = r"[一二两三四五六七八九十](?:[一二两三四五六七八九十百千零〇]|万(?=[一二两三四五六七八九零〇])){0,10}"

_NUMBER = r"(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?"
# what ends an Arabic list number (1. 1、 1） — （1） is bracketed whole): every pattern of list numbers takes it from here
LIST_MARK = r"[.、．)）](?!\d)"

_PATTERNS = [
    # --- not part of any calculation -------------------------------------------------
    ("docno", r"[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d+\s*号"),
    ("phone", r"(?<!\d)(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9})(?!\d)"),
    ("code", r"(?<![\d.])\d{10,}(?!\d)"),
    ("date", r"(?<![\d.])(?:19|20)\d{2}\s*(?:年度?|[./-]\s*\d{1,2}(?!\d)(?:\s*[./-]\s*\d{1,2}(?!\d))?"
             rf"(?!\s*(?:[万亿元%％‰]|{_MEASURE_RE})))"   # (2024.3 a month; 1934.4万元, 2013.68万元 amounts)
             r"(?:\s*\d{1,2}\s*(?:[-—~～至到]\s*\d{1,2}\s*)?月(?:份)?(?:\s*\d{1,2}\s*[日号])?"
             r"(?:\s*[-—~～至到]\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月(?:份|底|末)?(?:\s*\d{1,2}\s*[日号])?)?)?"),   # (2025年1月至12月)
    ("date", r"(?<![\d.])\d{1,2}\s*(?:[-—~～至到]\s*\d{1,2}\s*)?月(?:份)?\s*\d{1,2}\s*[日号]"),
    ("date", r"(?<![\d.])\d{1,2}\s*[-—~～至到]\s*\d{1,2}\s*月(?:份)?"),
    ("date", r"(?<![\d.])\d{1,2}\s*月(?:份|底|初|中旬|上旬|下旬|末)"),
    ("range", rf"{_NUMBER}\s*[-—~～至到]\s*{_NUMBER}\s*(?:周岁|岁|%|度|倍|分|年|级)"),
    ("range", rf"{_NUMBER}\s*[-—~～至到]\s*{_NUMBER}\s*(?:{_MEASURE_RE})(?!\s*月)"),   # 每座1至2名: how many, not a count
    ("range", rf"{_NUMBER}\s*[~～至到-]\s*{_NUMBER}\s*(?:万元|元)(?!\s*[=＝])"),   # 票价2-5元: a span of prices, no amount
    ("age", rf"{_NUMBER}\s*(?:周岁|岁)(?:以上|以下|及以上)?"),
    ("listno", r"(?:^|(?<=[\n。；;：:]))\s*(?:\d{1,2}\s*" + LIST_MARK + r"|[（(]\s*\d{1,2}\s*[)）])"),
    ("listno", r"[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|(?:^|(?<=[\n。；;]))\s*[一二三四五六七八九十]{1,3}\s*、"),
    ("ordinal", rf"第\s*(?:\d+|{_CN_NUMBER})\s*(?:{_MEASURE_RE}|季度|批次|年|月|阶段)?"),
    ("times", rf"{_NUMBER}\s*倍"),
    # --- quantities -------------------------------------------------------------
    ("ratio", rf"{_NUMBER}\s*[:：比]\s*{_NUMBER}(?:\s*[:：比]\s*{_NUMBER}){{0,3}}"),
    ("plus_percent", rf"[(（]\s*1\s*[+＋]\s*(?P<pp_num>{_NUMBER})\s*[%％]\s*[)）]"),   # ×（1+32%）
    ("count", rf"(?P<w_num>{_NUMBER})\s*万\s*(?P<w_more>多|余)?\s*(?P<w_unit>{_MEASURE_RE})(?!元)"),
    # 3万5千元, 3千5百元, 4百5十元: digits each with its place, as a clerk writes a price spoken aloud
    ("money", r"(?<![\d.])(?P<x_num>\d{1,4}\s*[万千百]\s*\d\s*[千百十](?:\s*\d\s*[百十])?)\s*元"),
    ("money", rf"(?P<m_num>{_NUMBER}|{_CN_NUMBER})\s*(?P<m_more>多|余)?\s*(?P<m_unit>亿元|万元|亿|万(?=$|[^\u4e00-\u9fff]|的|用|为|作|以|给|由|补|拨|元|，|。|；|、)|元)"
              rf"(?:\s*(?:/|每)\s*(?P<m_per>{_PER}|度(?!\s*[\u4e00-\u9fff])))?"),   # 0.65元/度: per kWh
    ("percent", rf"(?P<p_num>{_NUMBER})\s*[%％‰]"),   # (1.5‰: 0.15%)
    # 省级补助六成: tenths of a whole (not 一成不变, 三成本, 八成新)
    ("percent", r"(?<![完组形达变构促合生分造养])(?P<pc_num>[一二两三四五六七八九])\s*成(?![本员果立为效绩熟交年人功品套型不新以上以下左右])"),
    ("months", rf"(?P<mo_num>{_NUMBER}|{_CN_NUMBER})\s*个\s*月"),
    ("years", rf"(?P<y_num>(?<![\d.])\d{{1,2}}(?!\d)|{_CN_NUMBER})\s*(?:个)?\s*(?:年度|年)(?![\d度])"),
    ("count", rf"(?P<c_num>{_NUMBER}|{_CN_NUMBER})\s*(?P<c_more>多|余)?\s*(?:个(?=学期|工作日|季度|片区|课时|小时))?"
              rf"\s*(?P<c_unit>{_MEASURE_RE})(?!性)"),   # 一次性 is not a count
    ("number", _NUMBER),
    # --- words the reader needs as tokens (the others it reads from the text around a number) ----------
    # 每点每月, 每托位5,000元: 每 names the thing counted (助餐点48个, 托位420个), not only a measure word
    ("each", rf"(?:每\s*(?:(?P<e_scale>[万千百])(?!{_SCALED_MEASURE}))?\s*(?:{_PER_WORD}|个\S{{0,0}}|(?P<e_thing>(?![增减超满提多少不达逾高低加按])"
             rf"[\u4e00-\u9fff]{{1,2}}?)(?=\s*每|\d|(?<![一二两三四五六七八九十])(?<![一二两三四五六七八九十].)[一二两三四五六七八九十]))"   # (每点两人; not 每三年一次)
             rf"(?:\s*每?\s*{_PER_WORD}){{0,2}})"
             rf"|[月年]人均|人次均|人均|户均|家均|月均|年均|生均|床均|亩均|日均|(?:{_ONE_CHAR_MEASURE})均"
             r"|单[眼台套座井口件株辆棵艘根盏块张处](?=[^\d，,。；;\n]{0,6}\d)"),   # 机井86眼，单眼造价3.8万元: per 眼
    ("half", r"各(?:承担|负担|配套|分担|出资|安排|占)?\s*(?:一半|50%|百分之五十)|各半|五五分担|对半分担"),
    ("op", r"(?<![A-Z×])×(?!×)|[\*＊]|(?<![A-Za-z])[xX](?=\s*[\d(（一二两三四五六七八九十每])|乘以(?!后)|(?<!相)乘(?!以后)|[+＋]|加上"),   # X财农: a letter; G××线, ××县: a name's placeholder
    ("stop", r"[。；;\n]"),
]
_KINDS_ORDER = [kind for kind, _ in _PATTERNS]
_MASTER = re.compile("|".join(f"(?P<T{i}>{pattern})" for i, (_, pattern) in enumerate(_PATTERNS)))
# Every character a token can begin with. Positions holding anything else (most of a Chinese text)
# are skipped by one fast character-class scan instead of trying every pattern at each of them.
# The words ending in 均 (人均, 月人均, 人次均, 件均) are found from their 均 and tried from up to two characters
# before it, so the common characters they begin with (人, 年, 月…) are not anchors of their own.
_STOP_ONLY = re.compile(f"(?P<T{_KINDS_ORDER.index('stop')}>[。；;])")   # what _MASTER matches at 。；;
# At a digit, the patterns tried before the amount's (a phone number, a code, dates, ranges, ages, list numbers,
# multiples, ratios, 2.5万亩) each read the number again and fail on almost every amount; they can only match
# where the number starts a line, runs to ten characters, ends in , or ., is followed by one of a few signs (万
# not before 元), or may be a year (19xx, 20xx). Elsewhere (what _PLAIN_AHEAD asserts) the amount's and the
# later patterns are tried alone, in the same order (the others placed last: they cannot match there), so the
# first match is the same one; where it does not hold, nothing matches and the whole pattern is tried.
_PLAIN_FIRST = ("money", "percent", "months", "years", "count", "number")
_PLAIN_ORDER = [i for i, (kind, pattern) in enumerate(_PATTERNS)
                if kind in _PLAIN_FIRST and "pc_num" not in pattern and "w_num" not in pattern and "x_num" not in pattern]
_PLAIN_AHEAD = (r"(?<=[^\n。；;：:])(?![\d,.]{10})(?![\d,.]*[,.](?![\d,.]))(?![\d,.]*+\s*+[-—~～至到月岁周倍:：比.、．)）千百])"
                r"(?![\d,.]*+\s*+万(?!\s*元))(?!(?:19|20)[\d,.]{2}(?:(?![\d,.])|\.))")   # (no measure word begins with 元)
_PLAIN_DIGIT = re.compile(_PLAIN_AHEAD + "(?:" + "|".join(f"(?P<T{i}>{_PATTERNS[i][1]})" for i in _PLAIN_ORDER + [
    i for i in range(len(_PATTERNS)) if i not in _PLAIN_ORDER]) + ")")
# A line break can only begin a list number (its blanks) or the stop; 每 only the 每… word: the same tried first.
_FIRST_KINDS = {"\n": ("listno", "stop"), "每": ("each",)}
_BY_FIRST = {first: re.compile("|".join(f"(?P<T{i}>{_PATTERNS[i][1]})" for i in sorted(
    range(len(_PATTERNS)), key=lambda i: (_PATTERNS[i][0] not in kinds, i)))) for first, kinds in _FIRST_KINDS.items()}
# Characters only a few kinds can begin with (a sign, a bracket, 第, 各, 对 (对半分担, 对均: a measure word), a blank
# before a list number): only those are tried there, in their order (tests/test_review2_prose_scan.py checks them against
# the whole pattern).
_ONLY_KINDS = {**dict.fromkeys("×*＊xX+＋乘加", ("op",)), "第": ("ordinal",), **dict.fromkeys("〔[【", ("docno",)),
               **dict.fromkeys("(（", ("docno", "listno", "plus_percent")), "各": ("half",), "对": ("each", "half"),
               **dict.fromkeys(" \t\u3000", ("listno",))}
_ONLY = {first: re.compile("|".join(f"(?P<T{i}>{_PATTERNS[i][1]})" for i in range(len(_PATTERNS)) if _PATTERNS[i][0] in kinds))
         for first, kinds in _ONLY_KINDS.items()}
_NEWLINE_STOP = re.compile(f"(?P<T{_KINDS_ORDER.index('stop')}>\n)(?!\\s*[\\d（(一二三四五六七八九十])")   # no list number after
_ANCHOR = re.compile(r"[\d\s一二两三四五六七八九十〔\[【(（第每各五对×xX*＊乘+＋加。；;\n均单]")
_KINDS = [kind for kind, _ in _PATTERNS]
_KIND_OF_GROUP = {f"T{i}": kind for i, kind in enumerate(_KINDS)}   # a match's last group → its kind
_UNIT_FACTOR = {"元": Decimal(1), "万元": WAN, "万": WAN, "亿元": YI, "亿": YI}
_STOP_GROUP = f"T{_KINDS.index('stop')}"
_MONEY_GROUP = next(f"T{i}" for i, (kind, pattern) in enumerate(_PATTERNS) if kind == MONEY and "m_num" in pattern)


@dataclass(slots=True)
class Token:
    kind: str             # money, count, percent, ratio, months, years, number, op, eq, period_word, word, party, stop, comma
    text: str             # as written (a figure's blanks left out: 1,080 元 is 1,080元); start/end are where it stands
    start: int
    end: int
    value: Decimal | None = None     # money in 元; count; percent (as written, 20 for 20%); months; years
    unit: str = ""                   # money: 元/万元/亿元; count: measure word
    per: tuple[str, ...] = ()        # a standard's "per" words: ("人", "月")
    parts: tuple[Decimal, ...] = ()  # ratio parts
    approx: bool = False             # 多/余 after the number

    @property
    def is_rate(self) -> bool:
        return bool(self.per)


@dataclass(slots=True)
class Lexed:
    text: str
    tokens: list[Token] = field(default_factory=list)
    truncated: bool = False


def _number(text: str) -> Decimal | None:
    return read_decimal(text) if text[:1].isdigit() else cn_number(text)


_NUMBERS = frozenset((MONEY, COUNT, PERCENT, RATIO, "months", "years"))


@lru_cache(maxsize=2048)
def lex(text: str) -> Lexed:
    """The tokens of ``text`` (never raises; cached: do not change what it returns)."""
    raw = text or ""
    folded = fold(raw[:MAX_TEXT_CHARS])
    out = Lexed(folded, truncated=len(raw) > MAX_TEXT_CHARS)
    numbers = 0
    append = out.tokens.append
    for match in _matches(folded):
        group = match.lastgroup
        if group == _STOP_GROUP:   # (a third of the matches: made here, without the kinds' tests)
            append(Token("stop", match.group(0), *match.span()))
            continue
        if group == _MONEY_GROUP:   # (a third of the matches: the plain amount's reading, without the kinds' tests)
            token = _money(match)
        else:
            token = _token(_KIND_OF_GROUP.get(group) or _kind_of(match), match)
        if token is None and match.group(0)[:1] in "十一二两三四五六七八九" and len(match.group(0)) > 2:
            token = _later_start(folded, match)   # 八一两个节点: 两个 (八一 is a name)
        if token is None:
            continue
        if token.kind == COUNT and "." in token.text and token.value is not None and token.value % 1 and (
                token.start == 0 or folded[token.start - 1] in _LIST_BEFORE) and (cut := listed_decimal(token.text)):
            token = Token(COUNT, token.text[cut[0]:], token.start + cut[0], token.end, cut[1], token.unit, approx=token.approx)
            # (：1.42个村级防疫点: the list's 1. and 42个, no count of 1.42)
        if token.kind in _NUMBERS:
            numbers += 1
            if numbers > MAX_NUMBERS:
                out.truncated = True
                break
            if " " in token.text:   # 1,080 元: the figure as written, its blanks left out (what is matched and quoted)
                token.text = token.text.replace(" ", "")
        append(token)
    return out


_LIST_BEFORE = frozenset("\n。；;：: ")   # what a list item begins after


def _later_start(text: str, match: re.Match) -> Token | None:
    """A number in characters that does not read (八一两) may begin later and end where it did."""
    for start in range(match.start() + 1, min(match.start() + 4, match.end() - 1)):
        found = _MASTER.match(text, start) if text[start] in "十一二两三四五六七八九" else None
        token = _token(_KIND_OF_GROUP.get(found.lastgroup) or _kind_of(found), found) if found and found.end() == match.end() else None
        if token is not None:
            return token
    return None


def _matches(text: str):
    """What ``_MASTER.finditer(text)`` gives, found faster: only positions an anchor allows are tried."""
    pos, end = 0, len(text)
    search, match, stop = _ANCHOR.search, _MASTER.match, _STOP_ONLY.match
    plain_digit = _PLAIN_DIGIT.match
    by_first = {first: pattern.match for first, pattern in _BY_FIRST.items()}
    only = {first: pattern.match for first, pattern in _ONLY.items()}
    newline_stop = _NEWLINE_STOP.match
    while pos < end:
        anchor = search(text, pos)
        if anchor is None:
            return
        at = anchor.start()
        first = text[at]   # (the kinds of anchor by how often they come: digits, then the stops)
        if "0" <= first <= "9":
            found = plain_digit(text, at) or match(text, at)
        elif first in "。；;":   # 。；; start no pattern but the stop (every other begins with a digit, a bracket or a word)
            found = stop(text, at)
        elif first == "\n":   # (most line breaks: a stop, no list number after them)
            found = newline_stop(text, at) or by_first[first](text, at)
        elif first == "均":   # 人均, 件均 (one before), 月人均, 人次均 (two before): the longest that reads
            found = None
            for back in (2, 1):
                if at - back >= pos:
                    found = match(text, at - back)
                    if found is not None and found.end() > at:
                        break
                    found = None
            if found is None:
                found = match(text, at)
        elif first == "单":   # (单位, 单价…: only 单眼, 单台… begin a token)
            found = match(text, at) if text[at + 1:at + 2] in "眼台套座井口件株辆棵艘根盏块张处" else None
        elif first in only:
            found = only[first](text, at)
        elif first in by_first:
            found = by_first[first](text, at)
        else:
            found = match(text, at)
        if found is None or found.end() == at:
            pos = at + 1
            continue
        yield found
        pos = found.end()


_PLACES = {"万": 10000, "千": 1000, "百": 100, "十": 10}


def _placed(written: str) -> Decimal:
    """3万5千 → 35000, 3千5百 → 3500: each digit times its place."""
    return Decimal(sum(int(d) * _PLACES[p] for d, p in re.findall(r"(\d+)\s*([万千百十])", written)))


def _kind_of(match: re.Match) -> str:
    for i, kind in enumerate(_KINDS):
        if match.group(f"T{i}") is not None:
            return kind
    return ""


_SKIPPED = frozenset(("docno", "phone", "code", "date", "range", "age", "listno", "ordinal", "times"))
_PER_SPLIT_RE = re.compile(r"\s*[./·]\s*")
_RATIO_SPLIT_RE = re.compile(r"\s*[:：比]\s*")


# thresholds and classes, not quantities: 经营耕地50亩以上的, 按200元及以上档次缴费的 (not 以上合计)
_THRESHOLD_RE = re.compile(r"\s*(?:[及或]\s*)?(?:以上|以下|以内)(?![合共总]计|\d|[两三四五六七八九十]项)")
_CLASS_RE = re.compile(r"\s*(?:[及或]\s*以上\s*)?档")


def _money(m: re.Match) -> Token | None:
    """What :func:`_token` makes of the plain amount's pattern (most amounts), the same, sooner."""
    end = m.end()
    after = m.string[end:end + 1]
    if after in "及或以档" or after.isspace():
        return _token(MONEY, m)
    digits, more, written, per_words = m.group("m_num", "m_more", "m_unit", "m_per")
    number = read_decimal(digits) if digits[:1].isdigit() else cn_number(digits)
    if number is None:
        return None
    per = tuple(_PER_SPLIT_RE.split(per_words)) if per_words else ()
    if written == "元":
        return Token(MONEY, m.group(0), m.start(), end, number, written, per, (), more is not None)
    unit = "万元" if written == "万" else "亿元" if written == "亿" else written
    return Token(MONEY, m.group(0), m.start(), end, number * _UNIT_FACTOR[written], unit, per, (), more is not None)


def _token(kind: str, m: re.Match) -> Token | None:
    if kind == "stop":
        return Token("stop", m.group(0), m.start(), m.end())
    if kind in _SKIPPED:
        return None  # not part of a calculation
    if kind in (MONEY, COUNT):
        after = m.string[m.end():m.end() + 1]   # (either pattern begins with a blank or one of 及或以档: most amounts skip both)
        if (after in "及或以档" or after.isspace()) and (_THRESHOLD_RE.match(m.string, m.end()) or (
                kind == MONEY and not m["m_per"] and _CLASS_RE.match(m.string, m.end()))):
            return None
    text, start, end = m.group(0), m.start(), m.end()
    if kind == "plus_percent":
        number = read_decimal(m["pp_num"])
        return None if number is None else Token("number", text, start, end, 1 + number / 100)
    if kind == "number":  # a bare number: a factor only where × joins it to others
        number = read_decimal(text)
        return None if number is None else Token("number", text, start, end, number)
    if kind == MONEY and m["x_num"] is not None:
        return Token(MONEY, text, start, end, _placed(m["x_num"]), "元")
    if kind == MONEY:
        digits, more, written, per_words = m.group("m_num", "m_more", "m_unit", "m_per")
        number = _number(digits)
        if number is None:
            return None
        per = tuple(_PER_SPLIT_RE.split(per_words)) if per_words else ()
        if written == "元":   # (most amounts: no scaling)
            return Token(MONEY, text, start, end, number, written, per, approx=bool(more))
        unit = {"万": "万元", "亿": "亿元"}.get(written, written)
        return Token(MONEY, text, start, end, number * _UNIT_FACTOR[written], unit, per, approx=bool(more))
    if kind == PERCENT:
        if m["pc_num"] is not None:
            return Token(PERCENT, text, start, end, Decimal(_CN_DIGITS[m["pc_num"]] * 10), "%")
        number = read_decimal(m["p_num"])
        return None if number is None else Token(PERCENT, text, start, end, number / 10 if text[-1] == "‰" else number, "%")
    if kind == RATIO:
        parts = tuple(read_decimal(p) for p in _RATIO_SPLIT_RE.split(text))
        if any(p is None for p in parts) or sum(parts) == 0:
            return None
        return Token(RATIO, text, start, end, parts=parts)
    if kind == "months":
        number = _number(m["mo_num"])
        return None if number is None else Token("months", text, start, end, number, "月")
    if kind == "years":
        number = _number(m["y_num"])
        return None if number is None or number == 0 else Token("years", text, start, end, number, "年")
    if kind == COUNT:
        if m["w_num"] is not None:  # 2.5万亩, 8.6万人
            number = read_decimal(m["w_num"])
            if number is None:
                return None
            return Token(COUNT, text, start, end, number * WAN, m["w_unit"], approx=bool(m["w_more"]))
        number = _number(m["c_num"])
        if number is None:
            return None
        return Token(COUNT, text, start, end, number, m["c_unit"], approx=bool(m["c_more"]))
    if kind == "half":
        return Token("half", text, start, end, Decimal(50), "%")
    if kind == "each":
        scale = _EACH_SCALES.get(m["e_scale"] or "", _EACH_ONE)
        if m["e_thing"] is not None:
            rest = text[text.index(m["e_thing"]) + len(m["e_thing"]):]
            return Token("each", text, start, end, value=scale, per=(m["e_thing"],) + (_each_per(rest) if rest.strip() else ()))
        per = _each_per(text)   # 每人月工资 with no count in 人月 in the text: per 人 and per 月
        return Token("each", text, start, end, value=scale, per=("人", "月") if per == ("人月",) and m.string.count("人月") == 1 else per)
    if kind == "comma":
        return Token("comma", text, start, end)
    return Token(kind, text, start, end)


_EACH_SCALES, _EACH_ONE = {"万": Decimal(10000), "千": Decimal(1000), "百": Decimal(100)}, Decimal(1)   # (made once)
_EACH_SCALE_RE = re.compile(rf"[每均]|[万千百](?!{_SCALED_MEASURE})")
_PER_WORD_RE = re.compile(_PER_WORD)
_EACH_PER = {"人均": ("人",), "户均": ("户",), "家均": ("家",), "月均": ("月",), "年均": ("年",), "生均": ("生",),
             "床均": ("床",), "亩均": ("亩",), "月人均": ("人", "月"), "年人均": ("人", "年"), "日均": ("日",),
             "人次均": ("人次",)}


@lru_cache(maxsize=512)
def _each_per(text: str) -> tuple[str, ...]:
    """What a 每…/人均 is per (每人每月 → 人, 月); the same few words recur, so each is worked out once."""
    return _EACH_PER.get(text) or tuple(_PER_WORD_RE.findall(_EACH_SCALE_RE.sub(" ", text))) or (text[:-1],)
