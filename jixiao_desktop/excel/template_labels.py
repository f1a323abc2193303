"""A template's labels as a workbook may print them: comparable keys, wording variants, side words.

A province's own sheet rarely spells a label exactly as its template: ``项目名称：``, ``测算(公式)依据``,
``金额（万元）``, ``本年度指标`` for ``年度指标``. :func:`key` folds what does not matter (width, blanks,
brackets, a trailing colon or unit); :func:`loose` also drops bracketed asides, so ``下达文件（文号）`` is
found as ``下达文件``. Nothing here names a template's own labels: they all come from the template.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao_desktop.forms.template_form import INDICATOR_COLUMN_LABELS
from jixiao_desktop.templates.schema import AmountTable, ChildForms, FieldsSection, IndicatorTable, SignOffSection

_BLANKS_RE = re.compile(r"[\s\u3000\u00a0\u200b]+")
_BRACKETS = str.maketrans({"【": "(", "】": ")", "〔": "(", "〕": ")", "［": "(", "］": ")", "[": "(", "]": ")"})
_UNIT_SUFFIX_RE = re.compile(r"\((?:单位[:]?)?(?:万元|元|%)\)$")
_ASIDE_RE = re.compile(r"\([^()]*\)")
_YEAR_RE = re.compile(r"\d{4}年")

# Indicator columns as sheets head them (the first is how this program prints it).
INDICATOR_HEADS: dict[str, tuple[str, ...]] = {
    "level1": ("一级指标", "一级目标", "一级"),
    "level2": ("二级指标", "二级目标", "二级"),
    "name": ("三级指标", "三级目标", "指标名称", "绩效指标名称", "三级"),
    "value": ("指标值", "指标值及单位", "指标目标值", "目标值", "预期指标值", "当年预期实现值", "年度指标值",
              "指标值(包含数字及文字描述)"),
    "standard": ("绩效标准", "指标值确定依据", "评(分)标准"),
    "weight": ("权重",), "score": ("分值", "指标分值", "分数"),
    "nature": ("指标性质", "性质"), "unit": ("度量单位", "计量单位"),
    "direction": ("指标方向", "指标方向性"), "explain": ("指标解释", "指标说明"),
    "scoring": ("评分标准", "评分规则"),
}
LONG_WORDS = ("中期", "长期", "实施期", "全周期", "整体")
ANNUAL_WORDS = ("本年度", "年度", "当年", "本年")
TOTAL_WORDS = ("合计", "总计")


def key(text: object) -> str:
    """A label's comparable form: width folded, blanks, a trailing colon/asterisk and a unit suffix dropped."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).translate(_BRACKETS)
    folded = _BLANKS_RE.sub("", folded).rstrip(":*")
    return _UNIT_SUFFIX_RE.sub("", folded).rstrip(":")


def loose(text_key: str) -> str:
    """A key with bracketed asides and a leading ``其中:`` dropped: ``下达文件(文号)`` → ``下达文件``."""
    return _ASIDE_RE.sub("", text_key).removeprefix("其中:") or text_key


def year_free(text_key: str) -> str:
    """``2023年实际执行数`` → ``#实际执行数``: a previous year's column whatever year a sheet prints."""
    return _YEAR_RE.sub("#", text_key)


class LabelIndex:
    """Labels (key → what it names) looked up exactly, then loosely, then without years."""

    def __init__(self, items: dict[str, object] | None = None):
        self.exact: dict[str, object] = {}
        self._loose: dict[str, list[object]] = {}
        self._years: dict[str, list[object]] = {}
        for label, value in (items or {}).items():
            self.add(label, value)

    def add(self, label: str, value: object) -> None:
        k = key(label)
        self.exact.setdefault(k, value)
        self._loose.setdefault(loose(k), []).append(value)
        self._years.setdefault(year_free(loose(k)), []).append(value)

    def find(self, text: object) -> object | None:
        k = key(text)
        if not k:
            return None
        if k in self.exact:
            return self.exact[k]
        for table, probe in ((self._loose, loose(k)), (self._years, year_free(loose(k)))):
            found = table.get(probe, [])
            if len(set(map(id, found))) == 1:
                return found[0]
        return None

    def __contains__(self, text: object) -> bool:
        return self.find(text) is not None


def side_class(text: str) -> str:
    """``long`` (中期/长期/实施期), ``annual`` (年度/本年度/当年) or ``""``."""
    k = key(text)
    if any(word in k for word in LONG_WORDS):
        return "long"
    if any(word in k for word in ANNUAL_WORDS):
        return "annual"
    return ""


def side_of(text: str, sides) -> str | None:
    """The template side (id) a printed side label means, or None."""
    k = key(text)
    if not k:
        return None
    for side in sides:
        if key(side.label) == k or key(side.id) == k:
            return side.id
    wanted = side_class(text)
    if wanted:
        matching = [s.id for s in sides if side_class(s.label) == wanted]
        if len(matching) == 1:
            return matching[0]
    return None


def indicator_heads(columns, labels: dict[str, str] | None = None) -> dict[str, tuple[str, ...]]:
    """The indicator columns a table prints (一级 always), each with its accepted headings (the table's own
    heading for a column it relabels comes first and alone: 分值 over the weight column is not a score)."""
    labels = labels or {}
    return {c: (labels[c],) if c in labels else INDICATOR_HEADS.get(c, (INDICATOR_COLUMN_LABELS[c],))
            for c in ["level1", *columns]}


def form_labels(sections) -> list[str]:
    """Every label a form (its own part; children excluded) prints: fields, titles, tables, rows, columns."""
    out: list[str] = []
    for section in sections:
        if isinstance(section, (FieldsSection, SignOffSection)):
            out += [f.label for f in section.field]
            if getattr(section, "title", ""):
                out.append(section.title)
        elif isinstance(section, AmountTable):
            out += [section.label] + [r.label for r in section.rows] + [c.label for c in section.columns]
        elif isinstance(section, IndicatorTable):
            out += [section.label] + [s.label for s in section.sides]
        elif isinstance(section, ChildForms):
            out.append(section.label)
    return out


def template_labels(loaded) -> list[str]:
    """The labels by which a workbook is recognised as this template's (its own and its child forms')."""
    sections = loaded.template.section
    labels = form_labels(sections)
    for child in (s for s in sections if isinstance(s, ChildForms)):
        labels += form_labels(child.section)
    meta = loaded.meta
    labels += [meta.title or meta.name]
    return list(dict.fromkeys(k for k in (key(label) for label in labels) if k))
