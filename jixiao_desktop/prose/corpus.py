"""The prose corpus: sentences written the way clerks write them, half correct and half with one
mistake each (``resources/prose/corpus.jsonl``), and the two rates the reader is held to.

Each line is a JSON object: ``text``; ``correct``; ``unit`` of the form (元/万元); optional
``amount`` (the amount field beside the text, in that unit), ``level`` (the form's own level,
省/市/区/县/乡/镇) and ``context`` (the form's 数量指标/成本指标 as ``{"level2", "name", "value"}``);
``expect`` for a wrong one: ``{"kind", "computed", "stated"}`` — the right result from the text's own
numbers and what the text (or the amount field) states, in 元 (or ``70%`` for a share percentage).

A wrong sentence is *found* when a finding carries exactly those two numbers; a correct sentence
is a *false alarm* when it raises anything at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from jixiao_desktop.money import AmountUnit, parse_amount
from jixiao_desktop.prose.backing import amount_disagrees, compared_figure
from jixiao_desktop.prose.background import split_whole
from jixiao_desktop.prose.reader import read
from jixiao_desktop.prose.words import LEVELS
from jixiao_desktop.resources import resource_path


def corpus_path() -> Path:
    return resource_path("prose", "corpus.jsonl")


@dataclass(frozen=True)
class Outcome:
    id: str
    text: str
    correct: bool
    findings: tuple[tuple[Decimal, Decimal | None, str], ...]   # (computed, stated, what)
    expected: tuple[Decimal, Decimal] | None

    @property
    def passed(self) -> bool:
        if self.correct:
            return not self.findings
        return any(f[0] == self.expected[0] and f[1] == self.expected[1] for f in self.findings)


def load_corpus(path: Path | None = None) -> list[dict]:
    lines = (path or corpus_path()).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _number(text: str) -> Decimal:
    text = str(text).strip()
    if text.endswith("%"):
        return Decimal(text[:-1])
    return Decimal(text.removesuffix("元"))


def evaluate_entry(entry: dict) -> Outcome:
    unit = AmountUnit.WAN_YUAN if entry.get("unit") == "万元" else AmountUnit.YUAN
    level = LEVELS.get(entry.get("level") or "区", "县")
    context = tuple((c.get("level2", ""), c.get("name", ""), c.get("value", "")) for c in entry.get("context") or ())
    reading = read(entry["text"], level, context, unit)
    findings = [(s.computed, s.stated, f"{s.kind}: {s.description}") for s in reading.failures()]
    amount = entry.get("amount")
    if amount not in (None, "") and reading.bottom_line is not None:
        value = parse_amount(str(amount), unit).value
        if amount_disagrees(reading, entry["text"], value, level, unit):
            figure, words = compared_figure(reading, value)
            findings.append((figure, value, f"vs_amount: {words}"))
            whole = split_whole(reading, entry["text"])
            if whole is not None and whole != figure:   # (the message names the whole too: either may be the amount)
                findings.append((whole, value, f"vs_amount: 全年{whole}"))
    expect = entry.get("expect")
    expected = (_number(expect["computed"]), _number(expect["stated"])) if expect else None
    return Outcome(entry.get("id", ""), entry["text"], bool(entry["correct"]), tuple(findings), expected)


def rates(outcomes: list[Outcome]) -> tuple[float, float]:
    """(share of wrong sentences found with the right numbers, share of correct sentences flagged)."""
    wrong = [o for o in outcomes if not o.correct]
    right = [o for o in outcomes if o.correct]
    found = sum(o.passed for o in wrong) / len(wrong) if wrong else 1.0
    alarms = sum(not o.passed for o in right) / len(right) if right else 0.0
    return found, alarms


def run_corpus(path: Path | None = None) -> list[Outcome]:
    return [evaluate_entry(entry) for entry in load_corpus(path)]
