"""The 申报书 narrative of a project form read from its headings (一、项目概况 …).

Clerks number and word the headings their own way: ``一、项目基本情况``, ``（二）立项依据：``,
``第三部分 项目实施内容``, a Word heading style with no number at all. A paragraph is a heading when,
its numbering and blanks taken off, it is one of the wordings of a section (the printed one first,
:data:`WORDINGS`), numbered or styled as a heading or standing alone; the text up to the next heading
is that section's. The 项目实施单位 lines (``单位名称：…``) and the 资金安排 lines (``1.用途：金额``,
``以上N项共计：…``) are read back into their fields as :mod:`jixiao_desktop.printing.project_pdf`
writes them. A numbered section no wording names is reported, never dropped in silence.
"""

from __future__ import annotations

import re

from jixiao_desktop.excel.cells import norm
from jixiao_desktop.excel.report import ImportReport
from jixiao_desktop.forms.project import FundingItem, Proposal
from jixiao_desktop.word.body import Item

# Section → the wordings clerks use for its heading (the model's title is added first).
WORDINGS: dict[str, tuple[str, ...]] = {
    "project_name": ("项目名称",),
    "basis": ("立项依据", "项目立项依据", "立项的依据", "项目设立依据", "政策依据", "立项背景及依据", "项目立项的必要性"),
    "unit": ("项目实施单位", "实施单位", "项目实施单位情况", "实施单位情况", "实施单位基本情况", "项目单位基本情况",
             "单位基本情况", "项目单位情况", "申报单位基本情况", "申报单位情况"),
    "overview": ("项目基本概况", "项目概况", "项目基本情况", "项目简介", "基本情况", "项目情况", "项目概述"),
    "content": ("项目实施内容", "实施内容", "项目内容", "主要内容", "项目主要内容", "建设内容", "项目建设内容"),
    "arrangement": ("资金安排情况", "资金安排", "项目资金安排", "项目资金安排情况", "资金使用计划", "资金预算",
                    "资金需求及安排", "资金来源及使用"),
    "plan": ("项目实施计划", "实施计划", "实施进度", "进度安排", "实施进度安排", "项目进度安排", "项目实施进度"),
    "outcomes": ("项目实施成效", "实施成效", "预期成效", "预期效益", "项目预期成效", "项目预期效益", "预期绩效目标",
                 "预期目标"),
}
UNIT_LINES: dict[str, tuple[str, ...]] = {
    "unit_name": ("单位名称", "名称", "实施单位名称"),
    "org_code": ("组织机构代码", "统一社会信用代码", "机构代码"),
    "address": ("地址", "单位地址", "通讯地址"),
    "phone": ("联系电话", "电话"),
    "legal_rep": ("法人代表", "法定代表人"),
    "fund_source": ("经费来源",),
    "agent": ("代为概况",),
}
_NUMBER_RE = re.compile(r"^\s*(?:第[一二三四五六七八九十百\d]+(?:部分|章|节|项)?|[一二三四五六七八九十百]+\s*[、.．，,]|"
                        r"[（(]\s*[一二三四五六七八九十百\d]+\s*[)）]\s*[、.．]?|\d+\s*[、.．](?!\d)|[①-⑳])\s*")
_TOP_RE = re.compile(r"^\s*(?:第[一二三四五六七八九十百]+(?:部分|章)|[一二三四五六七八九十百]+\s*[、.．])")
_ITEM_RE = re.compile(r"^\s*\d+\s*[.、．]\s*(.+?)\s*[：:]\s*(.*?)\s*$")
_TOTAL_RE = re.compile(r"^\s*(?:以上\s*\d+\s*项)?(?:共计|合计|总计)\s*[：:]\s*(.*?)\s*$")
_SPLIT_RE = re.compile(r"[：:]")


def _index() -> dict[str, str]:
    out: dict[str, str] = {}
    for key, words in WORDINGS.items():
        title = Proposal.model_fields[key].title if key in Proposal.model_fields else ""
        for word in (title, *words):
            if word:
                out.setdefault(norm(word), key)
    return out


HEADINGS = _index()
UNIT_INDEX = {norm(w): key for key, words in UNIT_LINES.items() for w in (Proposal.model_fields[key].title, *words)}


def heading_of(item: Item) -> tuple[str, str] | None:
    """``(section key, text after the heading on its line)`` when ``item`` is a section heading;
    ``("", "")`` for a numbered top-level heading no section is named by."""
    text = item.text.strip()
    numbered = _NUMBER_RE.match(text)
    rest = text[numbered.end():] if numbered else text
    if "\n" in rest.strip():
        rest_first, _, after = rest.strip().partition("\n")
    else:
        rest_first, after = rest, ""
    whole = norm(rest_first)
    if whole in HEADINGS and (numbered or item.heading or not after):
        return HEADINGS[whole], after.strip()
    parts = _SPLIT_RE.split(rest_first, maxsplit=1)
    if len(parts) == 2 and (numbered or item.heading):
        key = HEADINGS.get(norm(parts[0]))
        if key is not None:
            return key, "\n".join(t for t in (parts[1].strip(), after.strip()) if t)
    if (_TOP_RE.match(text) or item.heading) and len(norm(text)) <= 24 and "\n" not in text.strip():
        return "", ""
    return None


def read_narrative(items: list[Item], report: ImportReport) -> Proposal | None:
    """The 申报书 of the paragraphs ``items`` (those before the form's table); None when no heading
    of a section is among them (the paragraphs are then no 申报书)."""
    heads = [(i, heading_of(item)) for i, item in enumerate(items)]
    if not any(h for _, h in heads if h and h[0]):
        return None
    proposal = Proposal()
    first = next(i for i, h in heads if h is not None)
    for index, item in enumerate(items[:first]):
        if index == 0:
            proposal.title = item.text.strip()
            report.add_read(f"第{item.number}段", "申报书标题", proposal.title)
        else:
            report.add_unrecognised(f"第{item.number}段", item.text, "申报书标题后、第一个标题前的内容")
    sections: list[tuple[str, Item, list[str], list[Item]]] = []
    for index, head in heads[first:]:
        item = items[index]
        if head is not None:
            key, inline = head
            sections.append((key, item, [inline] if inline else [], []))
        else:
            sections[-1][2].append(item.text)
            sections[-1][3].append(item)
    seen: set[str] = set()
    for key, head_item, texts, body in sections:
        where = f"第{head_item.number}段"
        text = "\n".join(t.strip("\n") for t in texts).strip()
        if not key:
            report.add_unrecognised(where, head_item.text + ("：" + text if text else ""), "申报书中没有这一部分，未导入")
            continue
        if key in seen:
            report.add_unrecognised(where, head_item.text, "申报书中这一部分重复出现，只读入第一处")
            continue
        seen.add(key)
        if key == "unit":
            _unit(proposal, texts, where, report)
        elif key == "arrangement":
            _arrangement(proposal, texts, where, report)
        else:
            setattr(proposal, key, text)
            report.add_read(where, Proposal.model_fields[key].title, text)
    return proposal


def _lines(texts: list[str]) -> list[str]:
    return [line for t in texts for line in t.split("\n") if line.strip()]


def _unit(proposal: Proposal, texts: list[str], where: str, report: ImportReport) -> None:
    for line in _lines(texts):
        parts = _SPLIT_RE.split(line, maxsplit=1)
        key = UNIT_INDEX.get(norm(parts[0])) if len(parts) == 2 else None
        if key is None or getattr(proposal, key):
            report.add_unrecognised(where, line, "项目实施单位中无此栏目，未导入")
            continue
        setattr(proposal, key, parts[1].strip())
        report.add_read(where, Proposal.model_fields[key].title, parts[1].strip())


def _arrangement(proposal: Proposal, texts: list[str], where: str, report: ImportReport) -> None:
    prose: list[str] = []
    for line in _lines(texts):
        total = _TOTAL_RE.match(line)
        item = _ITEM_RE.match(line)
        if total and not proposal.arrangement_total:
            proposal.arrangement_total = total[1]
            report.add_read(where, "资金安排合计", total[1])
        elif item:
            proposal.arrangement_items.append(FundingItem(name=item[1], amount=item[2]))
            report.add_read(where, "资金安排明细", f"{item[1]}：{item[2]}")
        else:
            prose.append(line)
    if prose:
        proposal.arrangement = "\n".join(prose)
        report.add_read(where, "资金安排情况", proposal.arrangement)
