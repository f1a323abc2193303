"""A 测算说明 written a sentence a line reads as the same text written on one line: a line break right after a
sentence's end (。；！？, blanks and a Windows \\r between) is layout. Checked on every corpus text, each sentence put on a
line of its own (\\n, and \\r\\n), and a blank after each sentence's end: the same findings, right and wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jixiao_desktop.money import AmountUnit
from jixiao_desktop.prose.corpus import corpus_path, evaluate_entry, load_corpus
from jixiao_desktop.prose.folding import fold
from tests.prose_cases import corpus_passed, failures, found

_CORPORA = sorted(corpus_path().parent.glob("*.jsonl"))
_W = AmountUnit.WAN_YUAN


def test_a_line_break_after_a_sentences_end_folds_to_a_blank():
    assert fold("需8万元。\n2.培训") == "需8万元。 2.培训"
    assert fold("需8万元；\r\n2.培训") == "需8万元;  2.培训"
    assert fold("项目一\n项目二") == "项目一\n项目二"   # (no mark before it: still a line of its own)
    for text in ("甲。\n乙", "甲；\r\n\r\n乙", "甲\r\n乙"):
        assert len(fold(text)) == len(text)


@pytest.mark.parametrize("breaks", ["\n", " "])
def test_every_corpus_text_reads_alike_a_sentence_a_line(breaks):
    changed = []
    for path in _CORPORA:
        for entry in load_corpus(path):
            lined = re.sub(r"([。；;])(?=.)", lambda m: m.group(1) + breaks, entry["text"])
            if lined == entry["text"]:
                continue
            if corpus_passed()[path.name, entry["id"]] != evaluate_entry({**entry, "text": lined}).passed:
                changed.append((Path(path).stem, entry["id"]))
    assert changed == []


def test_a_list_written_a_line_an_item():
    text = "测算说明：\n1.村级活动场所维修6处，每处2.5万元，计15万元；\n2.文化器材购置8.6万元；\n3.宣传资料印制1.4万元。\n以上合计{}万元。"
    assert failures(text.format("25"), unit=_W) == []
    assert found(text.format("26"), "250000", "260000", unit=_W)

