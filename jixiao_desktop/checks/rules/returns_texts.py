"""What reviewers return forms for (审核退回), in the texts: years copied from an old form, template
placeholders left in, a choice outside the template's list, a 资金安排 that gives no amount for the year.

Every rule reads the texts of :mod:`jixiao_desktop.checks.texts`, so it works on built-in forms and on
documents of any template (their child forms included) alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from jixiao_desktop.checks.context import CheckContext
from jixiao_desktop.checks.findings import Severity
from jixiao_desktop.checks.registry import INDICATOR_KINDS, Hit, rule
from jixiao_desktop.checks.rules.completeness import is_placeholder
from jixiao_desktop.checks.rules.periods import field_period_span
from jixiao_desktop.checks.texts import TextField, label, text_fields
from jixiao_desktop.templates import roles

# -- years of another form ---------------------------------------------------------------------------

_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?:\s*[-—–~～至到]\s*((?:19|20)\d{2}))?(?=\s*年|\s*[./]\s*\d{1,2}(?!\d))")
_OPENERS, _CLOSERS = "〔[【（(", "〕]】）)"
# What a year that is history says around it: 自2018年起, 截至2022年底, 2019年建成, 2020年被列为…
_HISTORY_BEFORE_RE = re.compile(r"(?:自|于|从|截至|截止|早在|始于|成立于|建于|以来|曾|先后|连续)\s*$")
_HISTORY_AFTER_RE = re.compile(
    r"^\s*年?度?\s*(?:\d{1,2}\s*月份?\s*(?:\d{1,2}\s*[日号])?)?\s*(?:底|末|初|以来|起|开始|至今|以前|之前|前|已|"
    r"建成|成立|获|被|列为|启动|开工|竣工|投入使用|投用|出台|印发|发布|颁布|修订|通过|评为|荣获|入选|实施以来|全面完成|完成了)")
# What a year that is this form's year says: 根据2021年度预算安排, 2021年计划, 2021年拟, 2021年全年…
_PLAN_AFTER_RE = re.compile(r"^\s*年\s*度?\s*的?\s*(?:预算|计划|拟|将|需|要|全年|项目资金|资金|经费|目标|任务|工作计划|安排|申报|绩效目标|预计)")
_PLAN_BEFORE_RE = re.compile(r"(?:根据|按照|依据|结合|本|今)\s*$")
# Fields that cite documents or history: 立项依据, 政策依据, 保障措施/制度, 部门职责 (三定), the 项目期 itself.
_SKIP_ROLES = {"basis", "period", "measures", "signoff", "year", "phone", "leader", "date", "duties"}
_SKIP_LABEL_RE = re.compile(r"依据(?!及)|制度|措施|职责|项目期|实施期|日期|电话|负责人|填报人|经办人|审核人")
# Texts about what is done with this year's money: any other earlier year there is a copy.
_STRICT_ROLES = {"annual_goal", "mid_goal", "calculation", "project_name", "content", "arrangement", "plan",
                 "target", "goals", "annual", "mid", "summary", "detail", "name", "period_goal"}
_STRICT_LABEL_RE = re.compile(r"目标|资金安排|测算|实施内容|实施计划|支出|用途|项目名称|重点工作|工作任务")
# Locations the older rule period.other_year reads (附表3 支出内容, 重点工作 事项, 附表3 实施期).
_OTHER_YEAR_RE = re.compile(r"^key_tasks\[\d+\]\.name$|\.detail\.(?:period|expenses\[\d+\]\.(?:summary|detail))$")


def _form_year(ctx: CheckContext) -> int | None:
    if ctx.kind == "template":
        return roles.year(ctx.form)
    year = ctx.form.year.strip()
    return int(year) if year.isdigit() and len(year) == 4 else None


def _project_span(ctx: CheckContext) -> tuple[int, int] | None:
    if ctx.kind == "template":
        cell = roles.find(ctx.form, "period")
        text = cell.text if cell else ""
    else:
        text = getattr(ctx.form, "period", "")
    span = field_period_span(text) if text.strip() else None
    return (span[0], span[1]) if span else None


def _inside(text: str, start: int, end: int) -> bool:
    """Whether the year is a document number's (〔2021〕18号) or inside a title (《…2021…》)."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    if before[-1:] and before[-1] in _OPENERS and after[:1] and after[0] in _CLOSERS:
        return True
    return text.rfind("《", 0, start) > text.rfind("》", 0, start)


# Built-in forms' fields by name (their labels are the titles of these names).
_BUILTIN_SKIP = {"leader_phone", "unit_head", "filler", "org_code", "address", "legal_rep", "seq", "office",
                 "department_code", "implementing_unit", "unit_name", "fund_source", "agent", "filler_unit",
                 "funding_method", "staff_count", "internal_units", "quantity", "quantity_unit", "standard",
                 "standard_unit", "periods", "period_unit", "split", "split_levels"}


def _field_kind(field: TextField, where: str) -> str | None:
    """``skip``, ``strict`` or ``lenient`` (only years said to be this form's: 2021年度预算, 2021年计划)."""
    if field.role in _SKIP_ROLES or field.role in _BUILTIN_SKIP and not field.label \
            or _SKIP_LABEL_RE.search(where) or field.type not in ("text", "longtext"):
        return None
    if field.role in _STRICT_ROLES or _STRICT_LABEL_RE.search(where):
        return "strict"
    return "lenient"


@lru_cache(maxsize=4096)
def other_years(text: str, year: int, strict: bool, span: tuple[int, int] | None = None) -> tuple[int, ...]:
    """The years of ``text`` that belong to another form than one of ``year``: earlier than the year before
    (or after the 项目期 the form declares), not in a document number or a title, not a period that
    reaches this year, not history (自2018年起, 2019年建成); in a ``strict`` text any such year, else only a
    year said to be the form's own (根据2021年度预算安排, 2021年计划)."""
    text = unicodedata.normalize("NFKC", text)
    found: list[int] = []
    for match in _YEAR_RE.finditer(text):
        first, last = int(match[1]), int(match[2] or match[1])
        if last >= year - 1 and first <= year or _inside(text, match.start(), match.end()):
            continue   # a period reaching this year (2021-2025年), a 文号, a title
        if span is not None and span[0] <= first and last <= span[1]:
            continue
        later = first > year and (span is None or first > span[1])
        if not (first < year - 1 or later):
            continue
        before, after = text[max(0, match.start() - 6):match.start()], text[match.end():match.end() + 16]
        if _HISTORY_BEFORE_RE.search(before) or _HISTORY_AFTER_RE.match(after):
            continue
        if later and not _PLAN_AFTER_RE.match(after):
            continue   # a later year is a copy only where it is said to be the form's (2027年度预算)
        if strict or _PLAN_AFTER_RE.match(after) or (_PLAN_BEFORE_RE.search(before) and after.lstrip().startswith("年度")):
            found.append(first)
    return tuple(found)


@rule("period.other_year_text", Severity.WARNING, "文字中写的是往年或别的年度", kinds=INDICATOR_KINDS, source="review")
def other_year_text(ctx: CheckContext):
    """A 2024 form saying “根据2021年度预算安排”: text kept from an older form. (附表3 支出内容 and 重点工作
    事项 are period.other_year's.)"""
    year = _form_year(ctx)
    if year is None:
        return
    span = _project_span(ctx)
    for field in text_fields(ctx):
        if not field.text.strip() or _OTHER_YEAR_RE.search(field.location):
            continue
        annual = field.role in ("annual", "annual_goal")   # later years there: period.annual_goal_past_year
        where = field.label or field.role   # a built-in field is judged by its name (its title only in messages)
        kind = _field_kind(field, where)
        if kind is None or not _TEXT_YEAR_RE.search(field.text) and not _YEAR_RE.search(field.text):
            continue
        years = [y for y in other_years(field.text, year, kind == "strict", span) if not (annual and y > year)]
        if years:
            where = label(ctx, field)
            shown = "、".join(f"{y}年" for y in sorted(set(years)))
            yield Hit(field.location, f"{where}中写的是{shown}，本表是{year}年度；是否沿用了往年的表？"
                      f"请改为{year}年度的内容（引用文件、往年情况请写明“上年”“截至{year - 1}年底”等）")


# -- template placeholders left in the text ----------------------------------------------------------

_PLACEHOLDER_RE = re.compile(
    r"(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|[×✕╳＊*]{2,}|○○|□□"
    r"|(?<![\dA-Za-z)）])[Xx×](?=\s*(?:个|人|名|户|家|所|项|次|年|月|日|号|万|元|%|镇|乡|村|县|区|市|单位|部门|项目|公司|平方米|米|公里|亩|吨|台|套|件|天))"
    r"|某某|待填写|待补充|待完善|待定稿|请填写|请输入|请在此|此处填写|此处输入|在此填写|此处为|示例[:：]|例[:：]|填写说明"
    r"|[（(【\[]\s*(?:略|此处略|内容略|以下略)\s*[）)】\]]"
)


@lru_cache(maxsize=8192)
def placeholders(text: str) -> tuple[str, ...]:
    """The template words left in ``text``: XX, ××, xx个, 某某, 待填写, 请填写, （略）, 此处填写…"""
    return tuple(m[0] for m in _PLACEHOLDER_RE.finditer(unicodedata.normalize("NFKC", text))) if text else ()


def text_placeholders(ctx: CheckContext):
    """``placeholder.value`` extended to every text (a warning once per field): a text that is only a
    placeholder is the budget system's refusal, reported above it as an error."""
    for field in text_fields(ctx):
        if is_placeholder(field.text) or not (found := placeholders(field.text)):
            continue
        yield Hit(field.location, f"{label(ctx, field)}中留有表样的占位文字“{found[0]}”，请填写实际内容", severity=Severity.WARNING)
    for grid in ctx.grids():
        for base, i, _side, _row, indicator in grid.cells():
            for column, words in (("name", "三级指标"), ("value", "指标值")):
                text = getattr(indicator, column)
                if not is_placeholder(text) and (found := placeholders(text)):
                    yield Hit(f"{base}.{column}", f"{grid.label}第{i + 1}行的{words}“{text.strip()}”中留有占位文字“{found[0]}”，"
                              "请填写实际内容", severity=Severity.WARNING)


# -- a choice outside the template's list ------------------------------------------------------------

_MARKS_RE = re.compile(r"[\s☑√✓✔■▇]")


def _bare(text: str) -> str:
    return _MARKS_RE.sub("", unicodedata.normalize("NFKC", text)).removesuffix("项目").removesuffix("类")


@rule("field.not_in_choices", Severity.WARNING, "所填内容不在表样的可选项中", kinds=("template",), source="review")
def not_in_choices(ctx: CheckContext):
    """项目属性 “经常性项目（延续）” where the template offers 新增/延续. Built-in forms declare no lists."""
    for field in text_fields(ctx):
        if field.type != "choice" or not field.choices or not field.text.strip():
            continue
        given = _bare(field.text)
        bare = {_bare(c): c for c in field.choices}
        if given in bare:
            continue
        near = [c for b, c in bare.items() if b and b in given]
        hint = f"，应为“{near[0]}”" if len(near) == 1 else ""
        yield Hit(field.location, f"{label(ctx, field)}填的是“{field.text.strip()}”，表样的可选项为"
                  f"{'、'.join(f'“{c}”' for c in field.choices)}{hint}；请从中选择")


# -- a 资金安排 without this year's amount -------------------------------------------------------------

_CALC_LABEL_RE = re.compile(r"资金安排|测算依据|测算说明|测算过程|资金测算|经费测算")
_CALC_ROLES = {"calculation", "arrangement", "basis_of_calculation"}
_REFERENCE_WORDS_RE = re.compile(r"总投资|总投入|总概算|总预算|批复|核定|累计|已投入|已下达|已拨付|已安排|上年|去年|前年|往年|历年|"
                                 r"以前年度|结转|结余|原计划|中期|项目期|实施期|共需|总需")
_THIS_YEAR_WORDS_RE = re.compile(r"本年|今年|当年|年度安排|本期|年度预算")
_SENTENCE_RE = re.compile(r"[。；;\n]")
_CLAUSE_RE = re.compile(r"[，,。；;\n]")
_TEXT_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年")


def _calc_texts(ctx: CheckContext):
    for field in text_fields(ctx):
        if not field.text.strip():
            continue
        where = field.label
        if field.role in _CALC_ROLES or _CALC_LABEL_RE.search(where) or \
                (ctx.kind != "template" and re.search(r"(?:^|\.)(?:arrangement|expenses\[\d+\]\.basis)$", field.location)):
            yield field


def amounts_by_year(text: str, year: int) -> tuple[list[str], bool]:
    """(the amounts the text gives for other years or for the whole project, whether one is this year's):
    an amount is this year's unless its clause names the whole (总投资, 批复, 累计, 上年…) or the last year
    its sentence names is another; a standard (每人200元) is part of this year's working."""
    from jixiao_desktop.prose import lex
    from jixiao_desktop.prose.lexer import MONEY

    lexed = lex(text)
    folded = lexed.text
    others: list[str] = []
    for token in lexed.tokens:
        if token.kind != MONEY:
            continue
        if token.is_rate:
            return others, True
        sentence = folded[max((m.end() for m in _SENTENCE_RE.finditer(folded, 0, token.start)), default=0):token.start]
        clause = folded[max((m.end() for m in _CLAUSE_RE.finditer(folded, 0, token.start)), default=0):token.start]
        years = [int(y) for y in _TEXT_YEAR_RE.findall(sentence)]
        if _THIS_YEAR_WORDS_RE.search(clause) or (years and years[-1] == year):
            return others, True
        if (years and years[-1] != year) or _REFERENCE_WORDS_RE.search(clause):
            others.append(f"{clause.strip()[-12:]}{token.text}")
            continue
        return others, True
    return others, False


@rule("funding.no_current_year", Severity.WARNING, "资金安排未写本年度金额", kinds=INDICATOR_KINDS, source="review")
def no_current_year(ctx: CheckContext):
    year = _form_year(ctx)
    if year is None:
        return
    for field in _calc_texts(ctx):
        others, current = amounts_by_year(field.text, year)
        if others and not current:
            shown = "、".join(f"“{o}”" for o in others[:3])
            yield Hit(field.location, f"{label(ctx, field)}只写了总投资、批复、累计或往年的金额（{shown}），没有写{year}年度安排多少；"
                      f"请写明本年度资金及其测算（如“{year}年安排50万元，用于…”）")
