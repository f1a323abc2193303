"""Whether a text itself states the form's amount as the form's own part (see :func:`text_backs_amount`)."""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao_desktop.prose.added import base_split_off, added_items, fee_on_base
from jixiao_desktop.prose.agreements import past_year_bottom, restated_rounded, result_after_working, whole_of_its_items
from jixiao_desktop.prose.background import background_only, bounded_only, whole_of_split
from jixiao_desktop.prose.lexer import MONEY, lex
from jixiao_desktop.prose.restatements import restated_total
from jixiao_desktop.prose.sources import item_after_result, whole_of_its_sources, yearly_part


# a level is named by its word with 级 or 财政 after it (县级配套, 区财政承担, 市本级): 区 alone is in 社区, 城区
_OWN_NAMES = {"中央": "中央", "省": "省|自治区", "市": "市本?|州|盟", "县": "[县区]|旗", "乡": "[乡镇]|街道", "村": "村"}
_THIS_YEAR = r"本年度?|当年|今年"
_TOTAL_WORDS_RE = re.compile(r"合计|共计|总计|总投|总额|全部|累计")
# the public purse without a level (申请财政资金, 政府方出资): a budget form's amount is that part
_PUBLIC = r"(?<![省市县区乡镇级])(?:申请)?财政(?:资金|投入|出资)|政府方?出资"
_DEDUCTION_RE = re.compile(r"冲抵|核减|扣除|扣减|抵扣|抵减|减免")
_AFTER_RE = re.compile(r"^\s*(?:列入|纳入)\s*(?:本年度?|当年|今年)")


def text_backs_amount(text: str, amount: Decimal, level: str = "县") -> bool:
    """Whether ``text`` itself states ``amount`` (in 元) as the form's own part: named by the form's level
    (县级配套360万元, 区财政承担, 本级安排) or by this year (本年度安排300万元), or followed by 列入本年度
    (其余348万元列入本年度预算). The form's amount column then agrees with the text even where the reader's
    bottom line is another of its figures (the whole project before the split). A total (合计, 总投资) or
    another level's part does not back it: putting those in the amount column is the mistake to find."""
    own = _OWN_NAMES.get(level, _OWN_NAMES["县"])
    # (市级配套按中央补助的50%，即60万元: the level's clause, then its figure after 即)
    before_re = re.compile(rf"(?:(?<![社城园景辖片])(?:{own})(?:级|财政|本级|自筹|配套|承担|负担)|本级|本项目(?:使用|安排|申请|需要?|承担)|{_THIS_YEAR}|{_PUBLIC})[^，,。；;：:]{{0,12}}(?:[，,]\s*(?:即|计)\s*)?$")
    # 其中县级提高部分每人每月5元，需530.76万元: the level's own part, worked out in the clauses after 其中
    part_re = re.compile(rf"其中\s*(?:{own})(?:级|财政|本级)[^。；;\n省市县区乡镇]{{0,30}}$")
    # 剩下的720,000元要县财政安排 / 其余50万元由县级承担: the level named just after the amount as its payer
    after_re = re.compile(rf"\s*(?:要|需要?|由|全部由|均由)?\s*(?:{own})(?:级|财政|本级)[^，,。；;：:\d]{{0,8}}"
                          r"(?:安排|承担|负担|解决|配套|自筹|统筹|保障)")
    # 市、区两级各承担40万元: the same amount for each level named, the form's among them
    each_re = re.compile(rf"(?<![社城园景辖片])(?:{own})[^，,。；;：:\d]{{0,6}}各\s*(?:承担|负担|出资|安排|配套)[^，,。；;：:\d]{{0,4}}$")
    lexed = lex(text)
    years = [int(next(y for y in m.groups() if y)) for m in _BUDGET_YEAR_RE.finditer(lexed.text)]
    budget_year = min(years) if years else None
    for token in lexed.tokens:
        if token.kind != MONEY or token.value != amount or token.is_rate:
            continue
        before = lexed.text[max(0, token.start - 18):token.start]
        clause = re.split(r"[，,。；;：:\n]", before)[-1]
        if _TOTAL_WORDS_RE.search(clause):
            continue   # 全乡合计30万元: a total, even where the level is named
        if before_re.search(before) or each_re.search(before) or _AFTER_RE.match(lexed.text[token.end:token.end + 10]) or after_re.match(lexed.text, token.end):
            return True
        if part_re.search(lexed.text[max(0, token.start - 40):token.start]):
            return True
        if budget_year is not None and _in_budget_year(lexed.text, token, budget_year):
            return True
        if _after_deduction(lexed, token):
            return True
        if _ARRANGED_RE.match(lexed.text, token.end) and lexed.text[max(0, token.start - 2):token.start].strip().endswith("按") \
                and not any(t.kind == MONEY for t in lexed.tokens if t.start > token.start):
            return True   # 需39.664万元，按40万元安排: the text's last word, the amount arranged
    return False


_PHASED_RE = re.compile(r"本年度?|今年|当年|(?:19|20)\d{2}\s*年度?\s*已?(?:安排|预算|投入|拨付|下达)|分[两二三四五六\d]\s*[年期批]|[一二三]期")
_ARRANGED_RE = re.compile(r"\s*(?:安排|列支|列入预算|申请)")


# the years a text puts amounts in a budget (2026年预算安排…, 列入2026年预算, 质保金…列2027年预算, 2025年计划完成剩余投资…):
# the earliest is the form's
_BUDGET_YEAR_RE = re.compile(r"(?:列入|纳入|列)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年度?\s*(?:预算|计划)?\s*安排"
                             r"|((?:19|20)\d{2})\s*年度?\s*预算"
                             r"|((?:19|20)\d{2})\s*年度?\s*计划(?:完成)?[^，,。；;：:\d]{0,4}投资")


def _in_budget_year(text: str, token, year: int) -> bool:
    """余下340万元全部列入2026年预算 / 2026年预算安排首付款和验收款306.9万元: the amount put in that year's budget."""
    after = re.match(rf"\s*(?:全部|均)?\s*(?:列入|纳入|列)\s*{year}\s*年", text[token.end:token.end + 16])
    before = re.search(rf"{year}\s*年度?[^，,。；;：:\d]{{0,12}}$", text[max(0, token.start - 20):token.start])
    return bool(after or before)


def _after_deduction(lexed, token) -> bool:
    """合计289万元，其中企业参展费收入冲抵60万元，申请财政资金229万元: the text's last amount is an earlier one less
    an amount it names as taken off (冲抵, 核减, 扣除…) — the figure the form carries."""
    amounts = [t for t in lexed.tokens if t.kind == MONEY and t.value is not None and not t.is_rate]
    if not amounts or amounts[-1] is not token:
        return False
    earlier = amounts[-12:-1]
    for k, taken in enumerate(earlier):
        if not _DEDUCTION_RE.search(lexed.text[max(0, taken.start - 16):taken.end + 4]):
            continue
        if any(whole.value - taken.value == token.value for whole in earlier[:k]):
            return True
    return False


def amount_disagrees(reading, text: str, amount: Decimal | None, level: str = "县", unit=None) -> bool:
    """Whether the form's ``amount`` (元) disagrees with what ``text`` (read as ``reading``) arrives at:
    ``prose.vs_amount`` and the corpus runner both judge it here. A form kept in 万元 (``unit``) carries the
    text's exact 元 total rounded to its two decimals (23,325,840元 is 2,332.58万元): that agrees."""
    return (amount is not None and reading.bottom_line is not None and reading.bottom_line != amount
            and not (_in_wan(unit) and _rounded_to(reading.bottom_line, 100) == amount)
            and all(value != amount for value, _words in reading.own_parts)
            and not (reading.uncertain and abs(reading.bottom_line - amount) <= _written_precision(reading.bottom_line))
            and not text_backs_amount(text, amount, level)
            and not _checked_whole(reading, amount, text)
            and not restated_total(reading.derivation, amount)
            and not _stated_whole(text, amount)
            and not _items_without_total(reading, text, amount)
            and not _agrees_otherwise(reading, text, amount, level))


def _agrees_otherwise(reading, text: str, amount: Decimal, level: str = "县") -> bool:
    """The safeguards of :mod:`.agreements` and :mod:`.sources`, asked only once the others found no agreement."""
    lexed = lex(text)
    return (restated_rounded(lexed, reading.bottom_line, amount) or whole_of_its_items(lexed, amount)
            or result_after_working(lexed, reading.derivation, amount) or past_year_bottom(lexed, reading.bottom_line)
            or whole_of_its_sources(lexed, amount, level) or item_after_result(lexed, amount) or yearly_part(lexed, amount)
            or whole_of_split(reading, text, amount) or background_only(lexed, reading) or bounded_only(lexed, reading)
            or added_items(lexed, reading, amount)
            or fee_on_base(lexed, reading, amount) or base_split_off(reading, amount))


def _items_without_total(reading, text: str, amount: Decimal) -> bool:
    """儿童之家56个，每个1万元，计56万元；儿童主任236名，每人每月200元，计56.64万元。 with 112.64 in the amount: items
    the text works out (each product holding) and no total after them — the form carries their sum, while the reader's
    bottom line is the last of them."""
    if any(s.kind not in ("product", "percent_of") or not s.holds or s.stated is None for s in reading.steps) or not reading.steps:
        # (…38个×2,000元=7.6万元。2.贷款规模3,000万元，按年贴息率3%，需90万元。: a percentage worked out is an item too)
        return False
    if any(_TOTAL_WORDS_RE.search(text, max(0, s.start - 6), s.start) for s in reading.steps):
        return False   # (合计200万元 … 合计增收40万元: each a total of its own, not items of the form's amount)
    stated = [s.stated for s in reading.steps]
    if len(stated) >= 2 and sum(stated, Decimal(0)) == amount:
        return True
    # 全年需997.272万元。另按每人每月120元发放护理补贴，全年147.744万元。: the bottom line one more item after the worked
    # ones (its count stated before), still no total
    return reading.bottom_line not in stated and sum(stated, Decimal(0)) + reading.bottom_line == amount and any(
        t.kind == MONEY and t.value == reading.bottom_line and t.start > reading.steps[-1].end for t in lex(text).tokens)


# the words a text states its whole with (合计, 共需, 资金：) and those of a figure that is no whole of this year
_WHOLE_RE = re.compile(r"(?:合计|共计|总计|共|资金|需|预算|总经费|经费总额|总金额)[^，,。；;：:\d]{0,6}[：:]?\s*约?$")
_OF_WHICH_AFTER_RE = re.compile(r"\s*[，,：:]\s*(?:其中(?!含)|具体(?:分配|安排|使用)?如下|(?:分配|安排|使用|用途)如下)")
_NOT_THIS_YEAR_RE = re.compile(r"上年|去年|总投资|总概算|累计|结转|合同|以前|历年|[一二三]期")
# 总投资388.8万元。本年度全额安排: a whole of this year, all of it arranged now
_ALL_THIS_YEAR_RE = re.compile(r"\s*[。，,]\s*(?:本年度?|今年|当年)?(?:全额|全部|一次性)(?:安排|拨付|列入)")
_PHASES_AFTER_RE = re.compile(r"^[^。\n]{0,30}?(?:分[两二三四五六\d]\s*[年期批]|[一二三]期|[其剩]余|今年|本年|当年)")


def _stated_whole(text: str, amount: Decimal) -> bool:
    """共计8,640万元…产业发展类5,184万元，占60% / 全年需420万元，市、区按3:7承担，区级承担294万元: the amount is a
    figure the text states as its whole (合计, 共, 资金, 需) of this year, where the reader's bottom line is another
    figure (a part, a level's share, a yield). The form's annual total carries every level's money (总投入 is the sum
    of its level columns), so the whole agrees even where the text names the form's own level's part; the own part
    agrees as well (:func:`text_backs_amount`). Not a whole of several years or phases (共需600万元，分三年实施)."""
    for token in lex(text).tokens:
        if token.kind != MONEY or token.value != amount or token.is_rate:
            continue
        clause = re.split(r"[，,。；;\n]", text[max(0, token.start - 24):token.start])[-1]
        now = _ALL_THIS_YEAR_RE.match(text, token.end)
        if not (_WHOLE_RE.search(clause) or _OF_WHICH_AFTER_RE.match(text, token.end) or (now and "总" in clause)) or (
                _NOT_THIS_YEAR_RE.search(clause) and not now):
            continue   # (计111.6万元，其中…按70%下拨: a whole by the parts it is split into)
        if _PHASES_AFTER_RE.match(text, token.end) or _NOT_THIS_YEAR_RE.search(text, token.end, token.end + 12):
            continue   # (共需600万元，分三年实施 / 共计500万元，其余…: a whole of which this year is a part)
        return True
    return False


def _checked_whole(reading, amount: Decimal, text: str) -> bool:
    """全年经费65万元，其中…14万元，…15万元 / 8个×50万元，合计400万元，…预计增收40万元: the amount is a result the
    text works out and checks (a product or a sum that holds) — the form carries that result even where the reader's
    bottom line is a figure named after it (its first part, a level's share, a year's reference, an expected yield).
    Not where the text puts its figures in years or phases: there the form carries
    this year's part, and the whole of all years in its amount is the mistake to find."""
    if _PHASED_RE.search(text) or any(s.kind not in ("product", "sum") for s in reading.steps):
        return False
    bottom_checked = any(s.stated == reading.bottom_line for s in reading.steps)
    if bottom_checked and reading.bottom_line > amount:
        return False   # (小计4.6万元…合计5.4万元: a part in the amount where the text checks the whole)
    return any(s.holds and s.stated == amount for s in reading.steps)


def _in_wan(unit) -> bool:
    return getattr(unit, "name", "") == "WAN_YUAN"


def _rounded_to(value: Decimal, place: int) -> Decimal:
    """``value`` (元) rounded half up to a multiple of ``place`` 元 (100 元 is the 0.01万元 a 万元 form keeps)."""
    return (value / place).quantize(Decimal(1), rounding="ROUND_HALF_UP") * place


def compared_figure(reading, amount: Decimal) -> tuple[Decimal, str]:
    """What a disagreeing amount is set against: the text's bottom line, or the form's own part among the total's
    sources (县级自筹7,000万元) where that is nearer the amount — the figure the form meant to carry."""
    best = (reading.bottom_line, reading.derivation)
    for value, words in reading.own_parts:
        if abs(value - amount) < abs(best[0] - amount):
            best = (value, words)
    return best


def _written_precision(value: Decimal) -> Decimal:
    """Half the place of the last digit written of an approximate figure (约88.9万元 is 889000: 500 元 either
    way), so the form's exact amount (889200) agrees with the text's rounded one."""
    integral = int(abs(value))
    if not integral or value != integral:
        return Decimal(0)
    place = 1
    while integral % (place * 10) == 0:
        place *= 10
    return Decimal(place) / 2
