"""Payers of a split that are no level of government: 县财政、卫生院按7:3承担; 按1:1比例由县级财政和城投公司承担; 由县财政和供水
公司各承担一半; 局本级与所属检验检测中心按4:6分担. A payer so named is a party of its own (keyed by its name), and the amount
stated for it later (卫生院自筹45万元, 检验检测中心承担192,000元) is its share, checked as a level's is.

A list of payers is read only where it names at least one such body and every name in it is either a level or ends in a word
naming a body (公司, 中心, 卫生院, 群众…): a list of things (设备、材料按7:3) names no payers.
"""

from __future__ import annotations

import re

from jixiao_desktop.prose.words import LEVELS

# a name that ends so names a body that pays (not 资金 or 费用: money, no payer)
_BODY_RE = re.compile(r"(?:公司|集团|卫生院|医院|中心|学校|幼儿园|企业|单位|合作社|村集体|集体经济组织|群众|农户|住户|业主|个人|"
                      r"受益户|医保基金|基金|公卫经费|本级)$")
_LIST_SPLIT_RE = re.compile(r"[、和与及]")
_LEVEL_WORDS_RE = re.compile(r"(?:级|本级)?(?:财政)?$")
# the words before a list of payers: up to 由 / 经 / a clause mark; after it: the split's own words
_LIST_HEAD_RE = re.compile(r"^.*(?:由|经)")
_LIST_TAIL_RE = re.compile(r"(?:两家|两方|双方|三方|共同|分别)?\s*(?:按照?|比例|各|承担|分担|负担|出资|配套|筹集)*\s*$")
# a clause that is a name alone before its amount (卫生院60万元, 检验检测中心：48万元)
_NAME_ALONE_RE = re.compile(r"\s*(?:所属)?([\u4e00-\u9fff]{2,12}?)\s*(?:为|[:：])?\s*")
_VERB_RE = re.compile(r"(?:承担|分担|负担|自筹|出资|配套|安排|支付|筹集|补助)")


def _level(name: str) -> str | None:
    bare = _LEVEL_WORDS_RE.sub("", name)
    return LEVELS.get(bare) or LEVELS.get(name)


def listed_payers(words: str, count: int) -> tuple[str, ...] | None:
    """The ``count`` payers ``words`` list (县财政、卫生院 → 县, 卫生院), each a level's key or a body's name; None unless the
    list names exactly ``count`` of them, at least one a body that is no level."""
    words = _LIST_TAIL_RE.sub("", _LIST_HEAD_RE.sub("", words)).strip()
    names = [n.strip() for n in _LIST_SPLIT_RE.split(words)]
    if len(names) != count or any(not n or len(n) > 12 for n in names):
        return None
    keys = []
    for name in names:
        level = _level(name)
        if level is not None:
            keys.append(level)
        elif _BODY_RE.search(name):
            keys.append(name.removeprefix("所属"))
        else:
            return None
    if all(k in LEVELS.values() for k in keys) or len(set(keys)) != count:
        return None   # (levels alone: the split's own reading has them)
    return tuple(keys)


def body_paying(clause: str, parties) -> str | None:
    """The body among ``parties`` (names, not levels) that ``clause`` names as paying (卫生院自筹, 检验检测中心承担), or
    that ``clause`` is the name of alone (…，县财政140万元，卫生院60万元)."""
    verb = None
    for verb in _VERB_RE.finditer(clause):
        pass
    if verb is None:
        payer = _NAME_ALONE_RE.fullmatch(clause)
        return next((p for p in parties if payer and p not in LEVELS.values() and p.endswith(payer[1])), None)
    payer = _LIST_HEAD_RE.sub("", clause[:verb.start()]).strip()
    for party in parties:
        if party in LEVELS.values():
            continue
        if payer.endswith(party[-4:]) or len(payer) >= 2 and party.endswith(payer):   # (所属检验检测中心 / 检验检测中心)
            return party
    return None
