"""The manual (使用手册): Markdown chapters under ``resources/help/manual`` and one chapter made from data.

A chapter file is ``NN-name.md``; its first ``# `` line is its title; the files are read in name order.
The chapter 规则说明 is not a file: it is written here from the rule catalogue and ``rules.toml``, so
it lists every rule the program has, never a copy that could fall behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from jixiao_desktop.help.rules import PART_LABELS, RuleHelp, explanation, explanations
from jixiao_desktop.resources import resource_path

RULES_CHAPTER = "rules"
RULES_TITLE = "规则说明"

KIND_LABELS = {"project": "项目支出", "department": "部门整体", "unit": "单位整体", "template": "按表样填写的表"}
SOURCE_ORDER = ("system", "review", "arithmetic", "template", "form")


@dataclass(frozen=True, slots=True)
class Chapter:
    id: str
    title: str
    markdown: str


def manual_folder():
    return resource_path("help", "manual")


@lru_cache(maxsize=1)
def chapters() -> tuple[Chapter, ...]:
    """The chapters in reading order, 规则说明 last."""
    out = []
    for path in sorted(manual_folder().glob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        title = first[2:].strip() if first.startswith("# ") else path.stem
        out.append(Chapter(path.stem.partition("-")[2] or path.stem, title, text))
    out.append(Chapter(RULES_CHAPTER, RULES_TITLE, rules_markdown()))
    return tuple(out)


def chapter(chapter_id: str) -> Chapter | None:
    return next((c for c in chapters() if c.id == chapter_id), None)


def search(query: str) -> list[Chapter]:
    """The chapters holding every word of ``query`` (case-insensitive), in reading order."""
    words = query.lower().split()
    if not words:
        return list(chapters())
    return [c for c in chapters() if all(w in c.markdown.lower() for w in words)]


def _rule_facts(rule_id: str) -> str:
    from jixiao_desktop.checks import RULES

    rule = RULES.get(rule_id)
    if rule is None:
        return f"编号 {rule_id}"
    kinds = "、".join(KIND_LABELS[k] for k in ("project", "department", "unit", "template") if k in rule.kinds)
    facts = f"编号 `{rule_id}`　级别：{rule.severity.label}　来源：{rule.source_label}　适用：{kinds}"
    if not rule.default_on:
        facts += "　（表样开启时才检查）"
    return facts


def rule_section(help_: RuleHelp, level: int = 3) -> str:
    """One rule's explanation as Markdown: its title, facts and the five parts."""
    from jixiao_desktop.help.rules import rule_title

    lines = [f"{'#' * level} {rule_title(help_.rule)}", "", _rule_facts(help_.rule), ""]
    for part in ("checks", "why", "fix"):
        lines += [f"**{PART_LABELS[part]}**：{getattr(help_, part)}", ""]
    if help_.where:
        lines += [f"**示例**（填在：{help_.where}）", ""]
    lines += [f"- ✔ {PART_LABELS['right']}：{help_.right}", f"- ✘ {PART_LABELS['wrong']}：{help_.wrong}", ""]
    return "\n".join(lines)


def rule_markdown(rule_id: str) -> str | None:
    """The page of one rule (what 这条是什么意思 shows); None for an id without an explanation."""
    help_ = explanation(rule_id)
    if help_ is None:
        return None
    return rule_section(help_, level=1) + "\n[← 全部规则说明](chapter:rules)\n"


def rules_markdown() -> str:
    """The 规则说明 chapter: every rule with an explanation, grouped by where the rule comes from."""
    from jixiao_desktop.checks import RULES
    from jixiao_desktop.checks.registry import SOURCES

    known = explanations()
    lines = [f"# {RULES_TITLE}", "",
             f"程序共有{len(RULES)}条检查规则。每条写明查什么、为什么要查、怎么改，并各举一个正确和错误的例子。"
             "在检查结果面板中选中一条问题，按 F1 或点“这条是什么意思？”即可直接看到它的说明。", ""]
    for source in SOURCE_ORDER:
        ids = [r.id for r in RULES.values() if r.source == source and r.id in known]
        if not ids:
            continue
        lines += [f"## {SOURCES[source]}（{len(ids)}条）", ""]
        for rule_id in ids:
            lines.append(rule_section(known[rule_id]))
    return "\n".join(lines)
