"""What the prose tests ask of the reader: its failing steps, whether a mistake was found with its two numbers,
the text's bottom line, what the amount field is held to (shared by tests/test_prose_general*.py)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose import read


def failures(text: str, level: str = "县", unit: AmountUnit = AmountUnit.YUAN, context=()):
    """``(kind, computed, stated)`` of each failing step."""
    return [(s.kind, s.computed, s.stated) for s in read(text, level, context, unit).failures()]


def pairs(text: str, unit: AmountUnit = AmountUnit.YUAN, level: str = "县") -> list[tuple[Decimal, Decimal]]:
    """``(computed, stated)`` of each failing step."""
    return [(s.computed, s.stated) for s in read(text, level, (), unit).failures()]


def found(text: str, computed: str, stated: str, **kwargs) -> bool:
    """Whether a failing step carries exactly these two numbers."""
    return any(c == Decimal(computed) and s == Decimal(stated) for _, c, s in failures(text, **kwargs))


def bottom(text: str, level: str = "县", unit: AmountUnit = AmountUnit.YUAN) -> Decimal | None:
    return read(text, level, (), unit).bottom_line


def vs_amount(text: str, amount: str, level: str = "县", unit: str = "万元") -> list:
    """The ``vs_amount`` findings the corpus runner gives a correct entry of ``text`` with ``amount`` in its amount field."""
    from jixiao_desktop.prose.corpus import evaluate_entry
    entry = {"text": text, "correct": True, "unit": unit, "amount": amount, "level": level}
    return [f for f in evaluate_entry(entry).findings if f[2].startswith("vs_amount")]



@lru_cache(maxsize=1)
def corpus_passed() -> dict[tuple[str, str], bool]:
    """Whether the reader gets each corpus entry right, by (corpus file, entry id): worked out once for the tests that
    rewrite every corpus text (test_prose_layout.py, test_prose_metamorphic.py), not once per rewriting."""
    from jixiao_desktop.prose.corpus import corpus_path, evaluate_entry, load_corpus
    return {(path.name, entry["id"]): evaluate_entry(entry).passed
            for path in sorted(corpus_path().parent.glob("*.jsonl")) for entry in load_corpus(path)}
