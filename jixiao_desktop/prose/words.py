"""The words of the prose grammar: the patterns the reader looks for around numbers, the levels of
government and the small helpers that name and compare what it reads (:mod:`.reader` uses them)."""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from operator import attrgetter

from jixiao_desktop.prose.lexer import MONEY, PERCENT, Token


_TIME = {"年", "月"}        # periods worked out from the sentence (12个月, 全年, 3年); others are counted (3天, 两个学期)
_SAME_THING = [{"人", "名", "位", "人次", "生", "员"}, {"户", "家"}, {"人次", "次"}, {"天", "日", "工作日"}, {"辆", "车", "台"}, {"所", "校", "所学校"},
               {"季度", "季"}, {"场", "场次"}, {"期", "期次"}, {"份", "人份"}, {"平方米", "平米", "m2", "m²", "㎡"},
               {"公里", "千米", "km", "㎞"}, {"立方米", "方", "m3", "m³", "㎥"}, {"千瓦", "kW"}]
_FILL = r"[^，,。；;\n\d：:]{0,8}"
_SUM_RE = re.compile(rf"(?:以上合计|以上共计|以上(?=约|为)|两项合计|合计|共计|总计|总额|总共|一共|全年共需|共需|(?<!公)共(?![建享同青性识治商管创富])|全年合计|全年共计|"
                     rf"项目总投资|总投资|总投入|总概算|总规模|调整后|(?<![每单])(?:[两三四五六七八九十\d]项)?加(?:起来|在一起)|(?<![第每])[两三四五六七八九十]项(?:约计|共计)?(?=\s*(?:约|为|约为)?[\s:：]*$))\s*[:：]?{_FILL}$")
_LOCAL_RE = re.compile(rf"(?:全年需|所需资金|所需经费|总经费|总金额|总预算|(?<![预统设会估核审累合共总小压度])计(?![划入算量价生件])|(?<=年度)计(?![划入算量价生件器])"
                       rf"|(?<=[\u4e00-\u9fff])(?<![预统设会估核审累合共总小压度])计[，,]|即|(?<![另还])需|[=＝≈≒]|等于|(?<=元)后(?:预算|金额|资金)?为|应(?:拨付|发放|安排|支付)|[测计核]算为|预算为|(?:资金|经费|费用|金额)(?:约|总额)?为|(?<![初上调经总加减])(?<!公共|基金|经营)预算(?:约|为)?(?=约?$))\s*[:：]?{_FILL}$")
_SUBTOTAL_RE = re.compile(rf"小计\s*[:：]?{_FILL}$")
_RESULT_RE = re.compile(rf"(?:(?P<sub>小计)|(?P<sum>{_SUM_RE.pattern.split(chr(92) + 's*[:：]')[0]})|"
                        rf"(?P<local>{_LOCAL_RE.pattern.split(chr(92) + 's*[:：]')[0]}))\s*[:：]?{_FILL}$"
                        rf"|(?P<year>(?:全年|(?<![每第])一年(?:下来)?)(?:[^\d，,。；;\n每均标准按]{{0,5}}?(?:经费|资金|费用|费|支出))?"
                        rf"(?:共|合计|共计|约|为|是|需要|资金|经费|发放|补助|补贴|费用)?\s*[:：]?$)")   # 一年下来是8.4万元
# a character every total word of _RESULT_RE but 以上约 has: where none is near, the long pattern is not tried
_RESULT_HINT_RE = re.compile(r"[计共总需即=＝≈≒应为全于一加调预项]")
_HINT_OFFSET = 3   # the furthest a total word's first hint character stands from its start (以上合计, 资金约为, 后金额为)
# _RESULT_RE tried only where a match may start: a hint character at most as far on as it stands into a word it is the
# first hint of (以上合计, 资金约为 / 后金额为: 3; 以上共计, 测算为, 经费总额为: 2; 两项合计, 所需, 等于, 后预算为: 1), or 以上约;
# the positions between (一、设备类小计: 、设备类) fail at once, the same matches found (zero-width: spans and groups alike)
_RESULT_AT_RE = re.compile(rf"(?=[{_RESULT_HINT_RE.pattern[1:-1]}]|.[计为共总项需于预]|..[计为共总]|...[计为]|以上约)(?:{_RESULT_RE.pattern})")


def _result_marker(near: str) -> re.Match | None:
    """``_RESULT_RE.search(near)``, found faster: every match holds a hint character at most ``_HINT_OFFSET`` after
    its start, so no match starts before the first hint less that (the positions before it are not tried; the
    pattern's look-behinds still see them). Nor does one hold a comma but right after 计 (计，): none starts before
    the last other comma."""
    cut = max(near.rfind("，"), near.rfind(",")) + 1
    if cut > 1 and near[cut - 2] == "计":
        cut = 0
    hint = _RESULT_HINT_RE.search(near, cut)
    if hint is None:   # (以上约: the one total word with no hint character)
        return _RESULT_RE.search(near, cut) if "以上约" in near else None
    first = hint.start() - _HINT_OFFSET
    return _RESULT_AT_RE.search(near, first if first > cut else cut)
_REFERENCE_RE = re.compile(r"上年|去年|前年|往年|历年|上一年|以前年度|(?<!根据)(?<!按)(?<!据)实际(?!工作量|批复|安排|情况|需要|需求|[，,。；;\s])|执行|累计|结转|结余|原计划|原预算|已投入|已完成|(?<![本今当])年度?完成投资|前期已(?:下达|拨付|安排|到位)")
_REFERENCE_HINT_RE = re.compile(r"[年实执累结原已]")   # a character every word of _REFERENCE_RE has, at most 2 in


def _reference_word(text: str) -> re.Match | None:
    """``_REFERENCE_RE.search(text)``, found faster: no match starts more than 2 before the first hint character (上一年,
    以前年度), so the positions before that are not tried (the look-behinds still see them)."""
    hint = _REFERENCE_HINT_RE.search(text)
    if hint is None:
        return None
    return _REFERENCE_RE.search(text, hint.start() - 2 if hint.start() > 2 else 0)


_ENUMERATED_RE = re.compile(r"[、和及][^，,。；;\d]{0,10}")
_USED_NOW_RE = re.compile(r"使用|动用|统筹|调剂")   # 使用上年结转资金23.5万元: part of this year's money
_WHOLE_PROJECT_RE = re.compile(r"总投资|总投入|总概算")   # a reference only where the text plans several years
_LOAN_RE = re.compile(r"(?:贷款|信贷|借款)[^，,。；;\d贴息补资金费]{0,6}$")   # 贷款余额1.86亿元: lent, not spent
_FINAL_RE = re.compile(r"批复|核定|实际安排")
_THIS_YEAR_RE = re.compile(r"本年度|本年|今年|当年|年度安排")
_REMAINDER_RE = re.compile(r"其余|剩余|余下|余额|余款|差额(?!部分)")
PERIODS = frozenset(_TIME | {"季度", "季"})   # periods a count's 每… may be per: worked out, never things counted
CUT_WORDS = r"调减|核减|压减|减少"   # what is taken off a budget (年中调减12.5万元, 压减10%后安排…)
# words naming an amount as money alone, no item of its own (补助资金, 项目经费, 资金总额为): what the products before need
MONEY_NAMED_RE = re.compile(r"\s*(?:补助|补贴|奖补|项目|专项)?(?:资金|经费)(?:总额|总计)?\s*(?:约|为|约为)?\s*[:：]?\s*")
MONEY_USED_FOR_RE = re.compile(r"\s*(?:主要|专项|专门)?(?:用于|用作|用来)")   # …资金10万元用于购置设备: a use of its own
_APPROX_BEFORE_RE = re.compile(r"(?:约|近|大约|预计约|约为|[≈≒])[^，,。；;\n\d]{0,3}$")
_APPROX_AFTER_RE = re.compile(r"^\s*(?:左右|多|余)")
_ETC_RE = re.compile(r"等[^，,。；;\n\d]{0,6}$")
# 补助标准为…, 单价…, 均价…, 单块清拆费…: a standard follows (but 按上年标准安排30万元 is an amount arranged by one)
_RATE_WORD_RE = re.compile(r"(?:(?<!高)标准(?![器化件物品样])|单价|均价|(?<![名清订账菜简])单[块个台套件辆次间处只张座场户株亩吨份册盏])(?:(?!安排)[^，,。；;\n\d]){0,6}$")
_YEARLY_RE = re.compile(r"(?:^|(?<=[，,。；;\n：:]))\s*年(?!度)[^，,。；;\n\d]{0,5}$")
_PERCENT_OF_RE = re.compile(r"的\s*$")
_PERCENT_FEE_RE = re.compile(r"^\s*(?:计取|计提|提取|收取|计列|计算|计)")
_TARGET_BEFORE_RE = re.compile(r"(?:(?<![利息费税])率|度|比重|占比|增长|下降|提高|降低)\s*(?:达到?|为|≥|≤|>|<|不低于|不高于|不少于)?\s*$|[≥≤><]\s*$")
OF_WHICH_NEXT = r"。\s*其中(?![含有])"   # 总投资6900万元。其中中央…: parts listed in the sentence after the amount
_BREAKDOWN_RE = re.compile(r"\s*(?:[（(](?!\s*(?:其中|含|包括))[^（()）。；;\n]{0,24}[)）]\s*(?=[，,]\s*其中))?(?:。\s*具体(?:安排|用途)?(?:如下)?\s*[:：]|"
                           + OF_WHICH_NEXT + r"(?![^，,。；;\n]{0,14}?(?:比例|占比|[%％]))|[，,]?\s*(?:其中|包括|具体(?:如下|为|是)?|分别(?:为|是)|明细(?:如下)?|[:：]|[^，,。；;\n\d]{1,4}如下"
                           r"|用于[^，,。；;\n\d]{1,20}[:：]))")   # 共计96.6万元，用于垃圾清运：…
_SHARE_OF_RATE_RE = re.compile(r"\s*的\s*")
_SHARE_VERB_RE = re.compile(r"承担|配套|负担|分担|出资|补助|安排|负责|筹集|兜底|自筹|筹措")
_YEAR_RE = re.compile(r"(?<![\d\-—~～至到])((?:19|20)\d{2})\s*年(?!\s*[-—~～至到])")
_STOP_RE = re.compile(r"[。；;\n]")
_MULTI_YEAR_PLAN_RE = re.compile(r"分\s*(?:\d|[两二三四五])\s*年|分年度|跨年度|周期\s*(?:\d|[两二三四五])\s*年|项目期|实施期|建设期")

LEVELS = {"中央": "中央", "省": "省", "省级": "省", "自治区": "省", "市": "市", "市级": "市", "市本级": "市", "州": "市",
          "盟": "市", "区": "县", "区级": "县", "县": "县", "县级": "县", "旗": "县", "乡": "乡", "乡级": "乡",
          "镇": "乡", "镇级": "乡", "街道": "乡", "村级": "村", "村": "村"}
LEVEL_NAMES = {"中央": "中央", "省": "省级", "市": "市级", "县": "区（县）级", "乡": "乡（镇）级", "村": "村级"}
_PARTY_RE = re.compile(r"中央|省级|省|自治区|市本级|市级|市|州|盟|区级|区|县级|县|旗|乡级|乡|镇级|镇|街道|村级|村")


_YEAR_CANDIDATE_RE = re.compile(r"[12]\d{3}\s*年")   # what _YEAR_RE matches, less what is before and after it


def _years_in(text: str) -> list[str]:
    """``_YEAR_RE.findall(text)``, found faster: its look-behind keeps the pattern from skipping ahead to a 1 or 2,
    so the candidates are found first and each is matched where it stands (two never overlap)."""
    match = _YEAR_RE.match
    return [found.group(1) for m in _YEAR_CANDIDATE_RE.finditer(text) if (found := match(text, m.start())) is not None]


_RX1 = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?\s*(?:已)?(?:安排|下达|拨付|投入)")
_RX2 = re.compile(r"\d(?:[\d,，]*\d)?(?:\.(\d+))?")   # (1,854.73: the decimals after the thousands)
_RX3 = re.compile(r"(?:19|20)\d{2}\s*年|本年度|本年|今年|当年|第[一二三四五\d]年")
_RX4 = re.compile(r"本年|今年|当年")
_RX5 = re.compile(r"分\s*(\d|[两二三四五])\s*年|(\d|[两二三四五])\s*年实施")
_RX6 = re.compile(r"((?:19|20)\d{2})\s*[-—~～至到]\s*((?:19|20)\d{2})\s*年")
_RX7 = re.compile(r"岗|员|名额")
_RX8 = re.compile(r"[^，,。；;\d]{0,10}[、和及与][^，,。；;\d]{0,10}")
_RX9 = re.compile(r"[，,。；;]")
_RX10 = re.compile(r"(\d+|[一二两三四五六七八九十]{1,3})\s*个\s*月")
_RX11 = re.compile(r"全年|一年|年度|每年|按年|1\s*[-—~至到]\s*12\s*月|12月")
_RX12 = re.compile(r"(?:比例|占比)\s*的?\s*$")
_RX13 = re.compile(r"(?:占比|比例|比重)(?:为)?\s*$")
_RX14 = re.compile(r"各\s*(?:承担|配套|负担|分担|出资)?\s*$")
_RX15 = re.compile(r"[（(][^）)]*[＋+和与][^）)]*[）)]\s*的\s*$")
_RX16 = re.compile(r"(?:上述|以上|前述|上列|前\s*(?:\d|[两二三四五六七八九十])\s*项)")   # (按前两项的5%计取)
_RX17 = re.compile(r"按\s*$")
_RX18 = re.compile(r"其余|剩余|余下")
_RX19 = re.compile(r"^[，,]?\s*(?:即|为|计|共|约)?\s*$")
# 省级按60%补助1.44亿元: a share verb alone between a party's percentage and its amount (what _RX19 lets through too)
_RX19_VERB = re.compile(r"^\s*(?:承担|配套|负担|分担|出资|补助|补贴|安排|自筹|筹集|筹措)(?:资金)?\s*(?:即|为|计|约)?\s*$")
_RX20 = re.compile(r"[（(]\s*(?:其中)?\s*含")
OF_WHICH_OPENED_RE = re.compile(r"[（(]\s*其中")   # a bracket opened by 其中 (its parts)
_RX21 = re.compile(r"(?:其中|已)含[^，,。；;\n\d]{0,8}$")
_RX22 = re.compile(r"[\d.,，。；;、:：%元万/（）()\s]")
_RX23 = re.compile(r"(?:按|以|为|付至)([^，,。；;\n\d按以为至]{2,12}?)(?:的)?\s*$")   # (支付至合同价的80%)
_RX24 = re.compile(r"^(?:照|其|本项目|项目的)")
_RX25 = re.compile(r"[，,；;。\n]")
_RX26 = re.compile(r"^[^\d]*|\s+")
_PLUS_AFTER_RE = re.compile(r"\s*[+＋]")   # a sum written out after an amount (\s: what str.lstrip() strips)


# -- small helpers -------------------------------------------------------------------

def _clause_tail(segment: str) -> str:
    """What follows the last clause mark (，,。；; or a line break) of ``segment``; found by rfind, not a loop."""
    cut = max(segment.rfind("，"), segment.rfind(","), segment.rfind("。"), segment.rfind("；"), segment.rfind(";"),
              segment.rfind("\n"))
    return segment[cut + 1:] if cut >= 0 else segment


def _contained(text: str, sentence_start: int, position: int) -> bool:
    """Inside a parenthesis opened by 含 (（含场地费6万元、奖品费8万元）) or by 其中 right after an amount, or right after 其中含."""
    start = position - 40 if position - 40 > sentence_start else sentence_start
    if text.find("含", start, position) < 0 and (text.find("（", start, position) < 0 and text.find("(", start, position) < 0
                                                 or text.find("其中", start, position) < 0):
        return False   # (most amounts: looked for in place, the words not copied out; 其中 counts only in a bracket)
    segment = text[start:position]
    opened = max(segment.rfind("（"), segment.rfind("("))
    if opened >= 0 and max(segment.rfind("）"), segment.rfind(")")) < opened and (_RX20.match(segment[opened:]) or (
            OF_WHICH_OPENED_RE.match(segment, opened) and segment[:opened].rstrip().endswith(("元", "万", "亿")))):
        return True   # (…加固56.8万元（其中坝体加固40万元、放水建筑物16.8万元）: parts of the amount the bracket follows)
    return bool(_RX21.search(segment))


def _slip(a: Decimal, b: Decimal) -> bool:
    """Whether ``b`` reads as ``a`` written with a slip: one digit wrong, or two neighbouring digits swapped."""
    x, y = f"{a:.2f}".lstrip("0"), f"{b:.2f}".lstrip("0")
    if len(x) != len(y) or x == y:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]]
                              and x[diff[1]] == y[diff[0]])


def _per_thing(per: tuple[str, ...]) -> str:
    words = [w for w in per if w and w not in _TIME]
    return words[0] if words else ""


# every (thing, unit) of one group of _SAME_THING: one set lookup, not a scan of the groups
_SAME_PAIRS = frozenset((a, b) for group in _SAME_THING for a in group for b in group)


def _same_thing(thing: str, unit: str) -> bool:
    return thing == unit or (thing, unit) in _SAME_PAIRS


def _labels_match(a: str, b: str, size: int = 4) -> bool:
    a = _RX22.sub("", a)
    b = _RX22.sub("", b)
    if len(a) < size or len(b) < size:
        return False
    return any(a[i:i + size] in b for i in range(len(a) - size + 1))


def _common_run(a: str, b: str) -> int:
    """The length of the longest run of characters ``a`` and ``b`` share (short texts)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _base_name(text: str) -> str:
    """What a percentage is of: 按项目资金的0.5% → 项目资金; 按建安费1.8% → 建安费."""
    found = _RX23.search(text)
    name = found[1] if found else ""
    return _RX24.sub("", name).strip()


def _parties_in(text: str, words: bool = False) -> tuple[str, ...]:
    """The levels named in ``text`` in order (or the words naming them)."""
    found, named = [], []
    for m in _PARTY_RE.finditer(text):
        level = LEVELS.get(m[0])
        if level and (not found or found[-1] != level):
            found.append(level)
            named.append(m[0].removesuffix("级").removesuffix("本"))
    return tuple(named) if words else tuple(found)


_PARTY_CHAR_RE = re.compile(r"[中省自市州盟区县旗乡镇街村]")   # a character every name of _PARTY_RE has
_PARTY_AS_PAYER_RE = re.compile(
    rf"(?:{_PARTY_RE.pattern})(?=级|财政|本级|里|补(?!充|贴)|承担|配套|负担|分担|出资|补助|安排|筹|兜|两级|三级|各|、|和|与|按|\s*$)")


def _grouped_parties(text: str) -> tuple[str, ...]:
    """省与市县 → (省, 市县): names written with nothing between them pay as one."""
    groups: list[str] = []
    last_end = None
    for m in _PARTY_RE.finditer(text):
        if last_end is not None and m.start() == last_end and groups:
            groups[-1] += m[0]
        else:
            groups.append(m[0])
        last_end = m.end()
    return tuple(g.removesuffix("级") for g in groups)


_ALTERNATIVES_RE = re.compile(r"(?<=[省市县区乡镇])[（(][^（）()]{1,8}[)）]")


CLAUSE_MARK_RE = re.compile(r"[，,。；;\n]")   # the marks a clause ends at (one pattern for every module that cuts one)


def party_of(text: str, position: int) -> str | None:
    """The level named as a payer in the clause just before ``position`` (市级承担…, 省补助25%)."""
    return _party_before(CLAUSE_MARK_RE.split(text[max(0, position - 16):position])[-1])


def _party_before(text: str) -> str | None:
    """The level named as a payer in ``text`` (市级、区财政、县承担…, 中央预算内投资补助; not 村 in 村级道路)."""
    if " " in text[-20:]:
        text = text.replace(" ", "")   # (blanks count for no word: 省级840 万元（占比…)
    tail = text[-16:]
    if not _PARTY_CHAR_RE.search(tail):
        return None   # no level named at all (most amounts): the patterns below need not be tried
    if "（" in tail or "(" in tail:
        tail = _ALTERNATIVES_RE.sub("", text[-24:])[-16:]   # 县（市、区）承担40%: the county, whatever it is called
    found = list(_PARTY_AS_PAYER_RE.finditer(tail[-10:]))
    if found:
        return LEVELS.get(_PARTY_RE.match(found[-1][0])[0])
    for m in reversed(list(_PARTY_RE.finditer(tail))):
        if _SHARE_VERB_RE.search(tail[m.end():m.end() + 9]) and not _RX9.search(tail[m.end():]):
            return LEVELS.get(m[0])
    return None


_EACH_OF_RE = re.compile(r"([^，,。；;\d：:（(）)]{2,30}?)各[^，,。；;\d各]{0,8}$")


def _each_of_named(clause: str) -> int:
    """县图书馆、文化馆各补助: how many things are named before 各 (0 unless two or more, and not levels of
    government, whose 各 is a split)."""
    m = _EACH_OF_RE.search(clause)
    if not m:
        return 0
    names = [n for n in re.split(r"[、和及与]", m[1]) if n.strip()]
    if len(names) < 2 or any(re.fullmatch(rf"\s*(?:{_PARTY_RE.pattern})(?:级|本级)?(?:财政)?\s*", n) for n in names):
        return 0
    return len(names)


def _factor_text(token: Token) -> str:
    if token.kind == PERCENT:
        return f"{_num(token.value)}%"
    if token.kind == "months":
        return f"{_num(token.value)}个月"
    return f"{_num(token.value)}{token.unit}"


def _is_separated(text: str, a: int, b: int) -> bool:
    return bool(_RX25.search(text[a:b]))


def _num(value: Decimal) -> str:
    text = str(value)   # (plain notation, as format "f" writes it, unless an exponent shows: then that)
    if "E" in text:
        text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_UNIT_FACTORS = {"万元": Decimal(10000), "亿元": Decimal(100000000)}   # (made once: amounts are written often)
_ONE = Decimal(1)


_WRITTEN: dict = {}   # an amount's text, or (value, unit) → how it is written: equal values (but 0 and -0) read alike


def _written(token: Token) -> str:
    """An amount in the unit the text wrote it in: ``99935.52元``, ``414万元``."""
    # (an amount the lexer read is a function of its text, whose hash a string keeps: no Decimal hashed)
    key = token.text if token.kind == MONEY else (token.value, token.unit)
    found = _WRITTEN.get(key) if token.value else None   # (each amount worked out once; zero, whose sign shows, not kept)
    if found is None:
        factor = _UNIT_FACTORS.get(token.unit)   # (元: the value as it is — dividing by 1 keeps its digits and exponent)
        found = f"{_num(token.value / factor if factor is not None else token.value)}{token.unit}"
        if token.value and len(_WRITTEN) < 65536:
            _WRITTEN[key] = found
    return found


def _rate_text(token: Token) -> str:
    """A standard as written: ``16800元/个.年``, ``12万元/社区``; a plain amount in its written unit."""
    if token.kind != MONEY:
        return f"{_num(token.value)}{token.unit}"
    if token.per:
        return _RX26.sub("", token.text)
    return _written(token)


def _rate_value(value: Decimal, like: Token) -> str:
    factor = _UNIT_FACTORS.get(like.unit, _ONE)
    per = like.text.split("/", 1)[1] if "/" in like.text else ""
    return f"{_num(value / factor)}{like.unit}" + (f"/{per}" if per else "")


def _pct(fraction: Decimal) -> str:
    value = (fraction * 100).quantize(Decimal("0.01")).normalize()
    return f"{value:f}%"



def _label(text: str, token: Token) -> str:
    i = token.start
    while i > 0 and token.start - i < 30 and text[i - 1] not in "，,。；;\n":
        i -= 1
    return text[i:token.start]


token_start = attrgetter("start")   # (a token's start, the key for bisection: faster than a lambda)


def start_before(ends: list[int], position: int) -> int:
    """The start of the sentence (or clause) holding ``position``: just after the last of ``ends`` (ascending) before it."""
    k = bisect_left(ends, position)
    return ends[k - 1] if k else 0


def sentence_at(tokens: list[Token], position: int) -> tuple[int, int, int]:
    """(first token index, end token index, start offset) of the sentence holding ``position``, found by bisection."""
    first, last = sentence_span(tokens, bisect_left(tokens, position, key=token_start))
    return first, last, (tokens[first - 1].end if first else 0)


def sentence_span(tokens: list[Token], k: int) -> tuple[int, int]:
    """(first, stop) token indexes of the sentence holding token ``k`` (stop: its stop token or the end)."""
    first = k
    while first > 0 and tokens[first - 1].kind != "stop":
        first -= 1
    last = k
    while last < len(tokens) and tokens[last].kind != "stop":
        last += 1
    return first, last


def written_tolerance(token: Token) -> Decimal:
    """Half the place of the last digit written of a 万元/亿元 figure (33.6万元: 500 元) — a stated figure rounds the
    exact one; half a 分 for a figure in 元."""
    digits = re.sub(r"[^\d.]", "", token.text.replace(",", ""))
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    scale = {"万元": Decimal(10000), "亿元": Decimal(100000000)}.get(token.unit, Decimal(1))
    return scale * Decimal(1).scaleb(-decimals) / 2 if scale > 1 else Decimal("0.005")


# 一、教师培训（小计64.5万元）⏎1.… / 一、食品安全监管 小计58.4万元：⏎: a 小计 in a numbered heading, its items below
_HEADING_START_RE = re.compile(r"(?:^|\n|(?<=[。;!?])\s)\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])[^\n\d]{0,24}$")
_HEADING_END_RE = re.compile(r"\s*[)）]?\s*(?:[:：]?\s*(?:\n|$)|。\s*(?=(?:\d{1,2}\s*[.、．](?!\d)|[（(]\s*\d{1,2}\s*[)）])))")
# (一、人员经费（小计36万元）。⏎1.…: a heading closed by 。, its numbered items after — the line break folded to a blank)


def heads_group(text: str, start: int, end: int) -> bool:
    """Whether the amount at ``start``–``end`` is the 小计 of a numbered heading whose items follow on the lines
    below (not the result of the items above it)."""
    return bool(_HEADING_END_RE.match(text, end) and _HEADING_START_RE.search(text, max(0, start - 30), start))
