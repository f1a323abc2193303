"""The prose corpora (resources/prose/*.jsonl): at least 95 % of the wrong sentences found with the right
numbers, at most 3 % of the correct ones flagged (the floors below are what the reader reaches today).
``jixiao bench --only 'prose_*'`` prints the rates."""

from __future__ import annotations

import pytest

from jixiao_desktop.prose.corpus import corpus_path, load_corpus, rates, run_corpus


def _listing(outcomes) -> str:
    lines = []
    for o in outcomes:
        if not o.passed:
            what = "false alarm" if o.correct else f"missed {o.expected}"
            lines.append(f"{o.id} {what}: {o.text[:60]} → {[f[2] for f in o.findings]}")
    return "\n".join(lines)


def test_the_corpus_is_large_and_balanced():
    entries = load_corpus()
    assert len(entries) >= 200
    wrong = [e for e in entries if not e["correct"]]
    assert len(wrong) >= 100 and len(entries) - len(wrong) >= 100
    assert len({e["id"] for e in entries}) == len(entries)
    assert all(e["expect"] for e in wrong)


def test_wrong_sentences_are_found_and_correct_ones_left_alone():
    outcomes = run_corpus()
    found, alarms = rates(outcomes)
    # (99.26 % since session 17: standards listed in one sentence, their counts in the next, paired in order; 99.25 %
    # since session 8 relabelled p196 and p242 correct: the form's annual total carries every level's money)
    assert found >= 0.99 and alarms <= 0.0, f"found {found:.1%}, false alarms {alarms:.1%}\n{_listing(outcomes)}"


def test_the_second_corpus_too():
    """Written separately from the first; its first run found 77 % and flagged 21 %, which showed where the
    reader was grown on the first set's sentences. It is now held to the same bar."""
    outcomes = run_corpus(corpus_path().with_name("holdout.jsonl"))
    found, alarms = rates(outcomes)
    assert len(outcomes) >= 100
    assert found >= 0.99 and alarms <= 0.0, f"found {found:.1%}, false alarms {alarms:.1%}\n{_listing(outcomes)}"


@pytest.mark.parametrize("name, found_at_least, alarms_at_most", [
    # blind.jsonl, first run before the reader had seen it: 83.3 % found, 21.7 % flagged; then used for fixes.
    # Session 8 (the form's annual total carries every level's money, so the whole of a split in it agrees; b035 relabelled correct): 98.31 % / 3.28 %.
    ("blind", 0.983, 0.0328),
    # blind2.jsonl, first run (after the fixes from blind.jsonl): 88.3 % found, 5.0 % flagged; then used for fixes.
    # A table pasted as text read by its columns (tests/test_prose_general5.py): 96.7 % found.
    # Session 8 (the form's annual total carries every level's money, so the whole of a split in it agrees; c074, c079 relabelled correct): 96.55 % / 0 %.
    ("blind2", 0.9655, 0.0),
    # blind3.jsonl (150), first run (after the fixes from blind2.jsonl): 90.7 % found, 10.7 % flagged; then used.
    # Session 8 (the form's annual total carries every level's money, so the whole of a split in it agrees; d131, d148 relabelled correct): 97.26 % / 0 %.
    ("blind3", 0.9726, 0.0),
    # blind4.jsonl (150, session 3, written without sight of the reader), first run: 88.0 % found, 16.0 % flagged;
    # then used for general fixes (the text naming the form's own part backs its amount; TB, km, ㎡ as measures;
    # 共计…，用于…： as a total followed by its parts; a standard paid at a percentage of it; 列 and other
    # measure words; a count said per month or quarter): 89.3 % / 5.3 %.
    # Session 4 (general faults behind blind, blind3 and blind4's misses; tests/test_prose_general.py): a yearly
    # amount alone, counts a count is per shared by every standard, the count named alike, a result after an
    # earlier one in its sentence, level percentages over 100 %, a payer's percentage before 其余, …:
    # blind 98.3 % / 3.3 %, blind2 95.0 % / 0 %, blind3 97.3 % / 1.3 %, blind4 97.3 % / 4.0 %.
    # A mismatch is re-read and reported only when no plausible reading holds: blind3 1.3 % → 0 %,
    # blind4 4.0 % → 2.7 %, blind6 7.5 % → 6.25 % flagged, no find lost on any corpus.
    ("blind4", 0.9733, 0.0267),
    # blind5.jsonl (160, session 5, written blind by another hand), first run: 56.3 % found, 47.5 % flagged — a ×
    # chain of bare numbers restating its standard was counted twice, an item's own 合计/小计 taken for the
    # total of everything, 以上两项的5%, spans of months, 分别承担, several projects each with its 总投资, …
    # General fixes (tests/test_prose_general2.py): 100 % / 0 %; the other corpora unchanged.
    ("blind5", 1.0, 0.0),
    # blind6.jsonl (160, session 5, free prose written blind by another hand), first run: 86.3 % found,
    # 18.75 % flagged. General fixes (tests/test_prose_general3.py): a span of months over the months
    # counted, thresholds (50亩以上, 100元档次), 分别 pairing listed counts, an amount named after a standard, 需
    # of its own clause, 其余 count, 小计 of a numbered part, 分N年 plans, 每季度, 元/度, 其中 after a result:
    # 97.5 % / 7.5 %; the other corpora unchanged.
    # Session 13 (tests/test_prose_general13.py: a split of one party's part of an earlier split): 97.5 % / 3.75 %.
    # Session 16 (tests/test_prose_general16.py: standards listed, then their counts in the same order): 97.5 % / 2.5 %.
    ("blind6", 0.975, 0.025),
    # blind7.jsonl (160, session 5, written blind by another hand), first run: 75.0 % found, 26.25 % flagged.
    # The re-reading (jixiao_desktop/prose/readings.py: written arithmetic with brackets, every factor
    # named once, listed counts summed, a share of which whole), an amount after a standard with only words
    # between, a total stated first with its count and average (tests/test_prose_general4.py): 78.75 % / 13.75 %.
    # A start month alone (自…月起…当年), a remainder after amounts already paid or taken off, an approximate
    # bottom line against the exact amount (tests/test_prose_general5.py): 85.0 % / 11.25 %.
    # Session 7 (tests/test_prose_general7.py): counts of a sentence or ；-clause alone serve the next one's
    # standards, numbers in characters beyond 十, 等于, a loan as 贴息's base, 6:2:1:1 between four parties:
    # 88.75 % / 8.75 %.
    # Session 8 (tests/test_prose_general8.py): a standard's product stated after other figures, 政府方出资 as the
    # form's part, 各１个 still not read: 88.75 % / 6.25 %.
    # Session 9 (tests/test_prose_general9.py: a share as the sum of some of its sentence's percentages): 88.75 % / 5.0 %.
    # Session 16 (tests/test_prose_general16.py: a remainder after amounts given to each of several): 88.75 % / 3.75 %.
    # Session 19 (tests/test_prose_general19.py: a standard's 每 naming the thing counted): 90.0 % / 3.75 %.
    # Session 9 round 31 (tests/test_prose_general31.py): 92.5 / 3.75.
    ("blind7", 0.925, 0.0125),
    # blind8.jsonl (160, written blind by another hand: townships and a 市直 unit, tables pasted as text, a formula
    # line then a sentence), first run with the re-reading above: 90.0 % found, 10.0 % flagged. General fixes (tests/test_prose_general5.py):
    # tables pasted as text read by their columns (a header naming the units of bare cells, rows' quantity × price,
    # the 合计/小计/总计 line against the rows), a remainder after amounts already paid (已…结转/预拨) or taken off
    # before a split of the rest (扣除…后，其余由县、乡按6:4): 98.75 % / 8.75 %.
    # Session 7 (counts of a sentence alone, an amount named only as a percentage's base,
    # tests/test_prose_general7.py): 100 % / 7.5 %.
    # Session 9 (the parts of a standard after 其中: 每亩15元，其中管护补助支出14.75元，公共管护支出0.25元): 100 % / 6.25 %.
    # Session 16 (tests/test_prose_general16.py: results listed in the order of their items): 100 % / 5.0 %.
    # Session 18 (tests/test_prose_general18.py: a total read as one more item, a whole the text states backing the
    # amount): 100 % / 1.25 %.
    ("blind8", 1.0, 0.0125),
    # blind9.jsonl (160, written blind by another hand: a city bureau's long 测算依据 quoting 文件 standards, 子项目
    # with their 小计, shares in words, short notes with no calculation), first run: 85.0 % found, 13.75 % flagged —
    # then used for general fixes (tests/test_prose_general7.py: numbers in characters beyond 十 and shares in
    # tenths, 按上年…安排 as this year's item, counts of a sentence or ；-clause alone, a total word's amount then
    # its count and average, 等于, a loan as 贴息's base, a standard from a percentage of another, ×× in names,
    # 按每人每月300元乘以12个月 times its count, 甲、乙各补助50万元, 农户自缴 not the bottom line, an aside in brackets
    # about last year): 97.5 % / 3.75 %.
    # Session 16 (tests/test_prose_general16.py: standards then counts in order, groups counted apart at one standard,
    # counts of age groups summed): 97.5 % / 0 %.
    ("blind9", 0.9875, 0.0),
    # blind10.jsonl (160, written blind by another hand: 城管, 应急, 司法, 档案, 人防, 体育… purchases, contracted
    # services, 五险一金 on a wage base, area × rate), first run: 88.75 % found, 11.25 % flagged; then used for the
    # general fixes above (and …全年365天计算，全年服务费X; counts over several sentences of counts alone):
    # 92.5 % / 7.5 %.
    # Session 8 (tests/test_prose_general8.py: 月工资基数 per person and month, the text's last amount after
    # 冲抵/核减 as the form's amount): 92.5 % / 3.75 %.
    # Session 9 (an item's own 合计 as what the text arrives at): 92.5 % / 2.5 %.
    # Session 11 (tests/test_prose_general11.py: 衔接资金占比65% checked against the amount it names): 93.75 % / 2.5 %.
    # Session 15 (tests/test_prose_general15.py: a wage base × its contribution rates, sources listed without 其中
    # against 总投资): 96.25 % / 2.5 %.
    # Session 16 (tests/test_prose_general16.py: a standard of one thing an item of the sum): 96.25 % / 1.25 %.
    # Session 17 (户均 of enterprises counted in 家): 97.5 % / 2.5 %.
    # Sessions 16 and 17 together: 97.5 % / 1.25 %.
    # Session 20 (tests/test_prose_general20.py: 种 and 人份 as measures of counts): 98.75 % / 1.25 %.
    ("blind10", 0.9875, 0.0),
    # blind11.jsonl (160 = 80 texts, each once right and once with one mistake, written blind by another hand: every
    # kind of clerk and project), first run: 70.0 % found, 5.0 % flagged (71.25 / 6.25 after the blind9/blind10
    # fixes, which had not seen it); then used for the general fixes of session 8 (tests/test_prose_general8.py:
    # 全年人员经费, 人均月工资, 八一两个节点, 每个3.6万元/年, 全年365天。需…。): 76.25 % / 2.5 %.
    # Session 9 (tests/test_prose_general9.py: an average after its sentence's result, an amount named by its
    # standard's words, 两项X): 80.0 % / 2.5 %.
    # Session 16 (tests/test_prose_general16.py: 小计 of runs of a list, a split of what one amount leaves): 80.0 % / 0 %.
    # Session 17 (tests/test_prose_general17.py: what is left after listed parts then split, a share of a share, a split
    # of a percentage of a base — prose/rests.py; standards and counts listed apart, paired in order — prose/pairings.py):
    # 83.75 % / 1.25 %.
    # Sessions 16 and 17 together: 83.75 % / 0 %.
    ("blind11", 0.8625, 0.0),
    # blind12.jsonl (160, written blind by another hand: east/south 街道 and 区 wording with price lists, milestones,
    # 结转 and wage items), first run: 82.5 % found, 20.0 % flagged on session 9's starting code (82.5 / 17.5 with
    # the last fixes of session 8, which had not seen it). Then used for session 9's general fixes
    # (tests/test_prose_general9.py): 92.5 % / 3.75 %.
    # Session 11 (a percentage's base named after it by a shorter label): 92.5 % / 2.5 %.
    # Session 16 (tests/test_prose_general16.py: the amount a result the text checks, a reference after it): 92.5 % / 1.25 %.
    ("blind12", 0.925, 0.0125),
    # blind13.jsonl (160, written blind by another hand: north/west 县 and 市 transfers, 分批, 按季度, 户均/亩均),
    # first run: 87.5 % found, 17.5 % flagged on session 9's starting code (88.75 / 16.25 with session 8's fixes).
    # Then used for session 9's general fixes (tests/test_prose_general9.py): 93.75 % / 3.75 %.
    # Session 10 (the form's own part among a total's sources, 地方承担…): 93.75 % / 2.5 %.
    # Session 11 (the total the text ends on after the form's own part): 93.75 % / 1.25 %.
    # Session 12 (a level's part of a per-unit standard): 93.75 % / 0 %.
    ("blind13", 0.9375, 0.0),
    # blind14.jsonl (160, written blind by another hand: central China 市/县 units — pasted tables, funding sources
    # adding to 总投资, 工程 items, 培训, wages with 社保; 22 correct texts with numbers but no arithmetic), first run:
    # 85.0 % found, 6.25 % flagged (85.0 / 7.5 on session 10's starting code, which had not seen it). Then used for
    # session 10's general fixes (tests/test_prose_general10.py): 95.0 % / 0 %.
    # Session 15 (sources listed without 其中 against 总投资): 96.25 % / 0 %.
    # Session 9 round 31 (tests/test_prose_general31.py): 97.5 / 0.
    ("blind14", 0.975, 0.0),
    # blind15.jsonl (160, written blind by clerks "not good at arithmetic prose": run-on sentences, missing units,
    # Chinese numerals in results, standards after the total, 追加/调减, quarters; 20 correct texts with numbers but
    # no arithmetic), first run: 76.25 % found, 7.5 % flagged (session 10's code, which had not seen it). Then used
    # for session 11's general fixes (tests/test_prose_general11.py: 3万5千元, 调减…后为, 占…的N%, 按…测算 after the
    # result, 累计 with its years, 其余由市、县各承担一半, a product after amounts of their own…): 90.0 % / 0 %.
    ("blind15", 0.9125, 0.0),
    # blind16.jsonl (160, written blind by another hand: south-west/north-east 县/旗 forms — 草原补奖 per 亩, 护林员,
    # heating seasons of N months, 学前资助 per 学期, 农村公路养护 per 公里 by road class, 以工代赈 劳务报酬 shares; 20
    # correct texts with numbers and no arithmetic), first run: 82.5 % found, 10.0 % flagged (85.0 / 10.0 with
    # session 11's fixes, which had not seen it). Session 12 (tests/test_prose_general12.py): a level's part of a
    # per-unit standard (每人每年12,000元，其中省补助8,000元，其余由县级承担，县级需安排…): 87.5 % / 8.75 %;
    # one item the total of the others (an amount then its working, an amount then its parts after 其中): 87.5 % / 6.25 %;
    # a percentage of a whole put to a use (用于/发放: the average of the share, the whole as the form's amount): 87.5 % / 3.75 %.
    # Session 16 (tests/test_prose_general16.py: a percentage of a standard times its count, the base of a percentage no
    # item of a sum, a split of what is left after another level's part): 87.5 % / 0 %.
    # Session 17 (先提取10%…余下部分 分配到乡镇; standards in one sentence, their counts in the next): 91.25 % / 3.75 %.
    # Sessions 16 and 17 together: 91.25 % / 0 %.
    # Session 8 rounds 27–28: 0.925 / 0.0 (found / flagged as fractions).
    ("blind16", 0.925, 0.0),
    # blind17.jsonl (160, written blind by another hand: every region and level, 测算依据 / 专项资金测算说明 / 资金安排情况,
    # a fifth long), first run: 82.5 % found, 21.25 % flagged (82.5 / 20.0 with session 12's fixes, which had not seen it).
    # Session 13's general fixes (tests/test_prose_general13.py: a 万元 amount rounded from an exact 元 total, 余下N% of
    # the whole, payment milestones 付至N%, listed counts summed or paired in order with listed standards, a split of a
    # split's part, the part of a standard its payer names): 82.5 % / 12.5 %.
    # Session 14 (tests/test_prose_general14.py: a total spread over years, 分两年实施): 82.5 % / 11.25 %.
    # Session 15 (sources listed without 其中 against 总投资, after 资金来源为 with 、): 83.75 % / 11.25 %.
    # Session 16 (tests/test_prose_general16.py: a percentage left out of a product, an amount restated at once (取整),
    # an expected yield after the checked result): 83.75 % / 8.75 %.
    # Session 17 (其余由市、县按4:6 after 其中 a part; 剩余部分由县级财政解决): 87.5 % / 11.25 %.
    # Sessions 16 and 17 together: 87.5 % / 8.75 %.
    # Session 8 (the whole of a split in the form's annual total agrees: it carries every level's money): 87.5 % / 7.5 %.
    # Session 8 rounds 27–28: 0.9 / 0.075 (found / flagged as fractions).
    # Session 9 round 30 (tests/test_prose_general30.py): 90.0 / 6.25.
    ("blind17", 0.9375, 0.0625),
    # blind18.jsonl (160, written blind: one county's sixteen offices, each clerk with its own habits — terse formulas,
    # chatty, pasted tables, 资金来源 lists, 万元 with 4 decimals, always 约; 20 correct texts with numbers and no
    # arithmetic), first run: 87.5 % found, 16.25 % flagged (87.5 / 12.5 with session 13's fixes, which had not seen it).
    # Session 14's general fixes (tests/test_prose_general14.py: 每天 × 全年 as 365 days, 每村3人 times the villages named
    # earlier, a count in brackets after 其中, 4A/5G names, 2个各奖励30万元, 余额要县财政安排 backing the amount): 87.5 % / 5.0 %.
    # Session 16 (tests/test_prose_general16.py: a remainder of this year's amount, the level named after its amount with
    # words between, a total stated before its parts as the amount): 87.5 % / 2.5 %.
    # Session 17 (这个钱省里补助40%，剩下的由市、县按1:1): 88.75 % / 5.0 %.
    # Sessions 16 and 17 together: 88.75 % / 2.5 %.
    # Session 8 rounds 27–28: 0.8875 / 0.0125 (found / flagged as fractions).
    ("blind18", 0.8875, 0.0125),
    # blind19.jsonl (160, written blind: one city's 市直 departments and two districts — 市、区 shares, 政府购买服务,
    # 人次×天, 奖补 by 档次; 23 correct texts with numbers and no arithmetic), first run: 88.75 % found, 5.0 % flagged
    # (the same with session 14's fixes, which had not seen it). Session 16 (tests/test_prose_general16.py: a bracket
    # restating a count or a year, a fraction 2/3 of a product, 市级配套…，即X backing the amount): 88.75 % / 0 %.
    # Session 17 (tests/test_prose_general17.py: 剩余部分由市级承担40%, 地方部分由市、区按3:7, 按…的10%配套 then split,
    # 剩余N万元由…按1:1; 按…计，X万元; 户均 of 家): 96.25 % / 5.0 %.
    # Sessions 16 and 17 together: 96.25 % / 0 %.
    ("blind19", 0.9625, 0.0),
    # blind20.jsonl (160, written blind: one poor mountain county's 县直 departments and 乡镇 — 县、乡 splits, 衔接资金,
    # per 学期/季度, payment milestones, key：value lines; 23 correct texts with numbers and no arithmetic), first run:
    # 88.75 % found, 17.5 % flagged on session 7's first code (the same with rounds 16–17, which had not seen it).
    # Session 19 (tests/test_prose_general19.py: 每半年/每学期 over a year, a percentage of a price named in an earlier
    # clause): 91.25 % / 17.5 %.
    # Session 18's structural safeguards (tests/test_prose_general18.py: a figure counted twice — a written result
    # beside its working, a count worked out, a standard restated, a total read as one more item, the base of staged
    # payments — is never a mistake; the amount agrees with a whole the text states; an average only against its own
    # whole; a count's part in brackets after 含 no factor; counts then standards after 分别 paired): 88.75 % / 2.5 %.
    # Sessions 18 and 19 together: 91.25 % / 2.5 %.
    # Session 8 (the whole of a split in the form's annual total agrees: it carries every level's money): 91.25 % / 1.25 %.
    ("blind20", 0.9125, 0.0125),
    # blind21.jsonl (160, written blind: one urban district's 区直 departments and 街道 — 市级定额/差额区级, 社区 and 网格员,
    # pipe tables, numbered lists; 21 correct texts with numbers and no arithmetic), first run: 82.5 % found, 8.75 %
    # flagged on session 7's first code (82.5 / 7.5 with rounds 16–17, which had not seen it).
    # Session 19 (tests/test_prose_general19.py: 每点/每托位/每床 naming the thing counted, 资金为 as a result, items'
    # own 共 before a grand total, 差额 after a fixed part, results listed after 分别计, a pasted table numbered in
    # its first column): 95.0 % / 7.5 %.
    # Session 18 (a product of its own clause with no total word; a standard per 场 times the 场 its sentence states;
    # two standards of one person together over a later sentence's months; 每个社区每年开展…6场 times the 社区 of an
    # earlier item): 82.5 % / 2.5 %.
    # Sessions 18 and 19 together: 95.0 % / 2.5 %.
    # Session 8 (the whole of a split in the form's annual total agrees; 预算 names a whole): 95.0 % / 1.25 %.
    # Session 8 rounds 25–26 (a total restated rounded in another unit agrees with the amount): 95.0 % / 0 %.
    ("blind21", 0.9625, 0.0),
    # blind22.jsonl (160, written blind: one northern agricultural county's 县直 departments and 乡镇 — 采暖期, per 亩,
    # 缺口 after 已下达, long numbered 测算说明; 20 correct texts with numbers and no arithmetic), first run: 81.25 % found,
    # 6.25 % flagged on session 7's first code (the same with rounds 16–19, which had not seen it).
    # Session 20 (tests/test_prose_general20.py: this year's 计划投资 stated as the amount, a whole shared with 中央 at a
    # percentage, a split of what is left of a per-unit standard, 单块 as 每块, things counted in the measure a standard is
    # per; 参照上年实际 as an item of this year): 82.5 % / 0 %.
    # Session 20 (what is still needed — 尚需/缺口 — after amounts already given: 已下达…、上年结转…): 86.25 % / 0 %.
    # Session 20 (a split of an approved whole, 经核定需资金…，按省级补助60%…): 87.5 % / 0 %.
    # Session 20 (200个在园日 counting the days a 每天 standard is per): 88.75 % / 0 %.
    # Session 20 (按上年实际支出…万元安排 as this year's item): 90.0 % / 0 %.
    # Session 20 (总规模 as a total word): 91.25 % / 0 %.
    # Session 20 (a percentage's base named later with its words in another order): 92.5 % / 0 %.
    ("blind22", 0.9375, 0.0),
    # blind23.jsonl (160, written blind: many counties and districts, a third whole 测算说明 with 小计/合计 and sources;
    # 19 correct texts with numbers and no arithmetic), first run: 93.75 % found, 7.5 % flagged on session 7's first code
    # (95.0 / 5.0 with rounds 16–19, which had not seen it).
    # Session 20 (the same fixes; 日均…，年…费 over 365 days, an approved amount after 扣除…后 with no figure): 95.0 % / 0 %.
    # Session 20 (均价 as a standard, 种 and 人份 as measures of counts): 97.5 % / 0 %.
    ("blind23", 0.9875, 0.0),
    # blind24.jsonl (160, written blind: one central-China prefecture's two 县, a 县级市 and a 区 — 营养改善 per 生 per 天,
    # 公卫 per 常住人口, 种粮 per 亩, 省/市/县 splits written many ways, （1）（2） lists, Chinese numerals, 折合…万元; 20 correct
    # texts with numbers and no arithmetic), first run: 85.0 % found, 7.5 % flagged on session 7's first code (85.0 / 6.25
    # with rounds 16–20, which had not seen it). Not yet used for fixes.
    # Session 21 (tests/test_prose_general22.py: a count of kinds (两项) no count of people, a sum of amounts written
    # out as the clerk's working): 85.0 % / 3.75 %.
    ("blind24", 0.8875, 0.0375),
    # blind25.jsonl (160, written blind: one northwestern 旗 and its 苏木 — 草原补奖 per 亩, 牲畜 per 头/只, 护林员 per 人 per 年,
    # 驻村 per 人 per 天, 元 with 角分, Chinese numerals; 21 correct texts with numbers and no arithmetic), first run: 80.0 %
    # found, 12.5 % flagged on session 7's first code; on rounds 16–17 and 19 one text raised an error inside the reader
    # (fixed: tests/test_prose_never_raises.py); 78.75 / 7.5 with rounds 16–20, which had not seen it. Not yet used for
    # fixes.
    # Session 8 (the whole of a split in the form's annual total agrees: it carries every level's money): 78.75 % / 3.75 %.
    ("blind25", 0.8375, 0.0375),
    # blind26.jsonl (160, written blind: one coastal district of 广东 and its 镇/街道 — 渔业, 休渔期, 台风 安置, 学位, 省、市、区
    # splits, 元 with 角分, a few Cantonese phrasings; 20 correct texts with numbers and no arithmetic), first run: 91.25 %
    # found, 5.0 % flagged on session 7's first code; 91.25 / 3.75 with rounds 16–21, which had not seen it; 92.5 % /
    # 3.75 % once a 万元 figure written with thousands agreed to its decimals (a fix from blind28).
    # Session 22 (tests/test_prose_general23.py: a standard per month alone takes its sentence's count, written products
    # then the figure that sums them): 92.5 % / 1.25 %.
    ("blind26", 0.95, 0.0125),
    # blind27.jsonl (160, written blind: one hilly county of 贵州 — 地质灾害 监测员, 移民后扶, 以奖代补 per 公里, 防火期 spans,
    # 东西部协作 as a source; 20 correct texts with numbers and no arithmetic), first run: 75.0 % found, 18.75 % flagged on
    # session 7's first code; 76.25 / 15.0 with rounds 16–20, which had not seen it. Session 21 (tests/test_prose_general21.py:
    # ①②③ as list markers, not digits; 月报酬/月津贴 as a monthly standard; the amount as the sum of items with no total):
    # 76.25 % / 12.5 %.
    # Session 21 (tests/test_prose_general22.py: results after 依次为, bracketed level parts of a standard, a compared
    # count in brackets, bare arithmetic in 万元, counts with 均为, months of the period named the sentence before):
    # 77.5 % / 5.0 %.
    # Session 8 (the whole of a split in the form's annual total agrees: it carries every level's money): 77.5 % / 2.5 %.
    ("blind27", 0.825, 0.025),
    # blind28.jsonl (160, written blind: an ordinary afternoon's mix — counties and districts of every province, every
    # department and level, a third whole 测算说明; 22 correct texts with numbers and no arithmetic), first run: 92.5 %
    # found, 10.0 % flagged on session 7's first code; 93.75 / 6.25 with rounds 16–21, which had not seen it; the same
    # once a 万元 figure with thousands agreed to its decimals. Session 22
    # (tests/test_prose_general23.py: numbered items taken over from last year, counts spread in brackets, standards times
    # a mean period per head; a span of months opening the next sentence; a level's own percentage): 96.25 % / 1.25 %.
    # Session 8 rounds 27–28: 0.975 / 0.0125 (found / flagged as fractions).
    ("blind28", 0.975, 0.0125),
    # blind29.jsonl (160, written blind: an ordinary afternoon's mix of counties and districts; 23 correct texts with numbers
    # and no arithmetic), first run: 90.0 % found, 22.5 % flagged on session 7's first code; 90.0 / 15.0 with rounds 16–22,
    # which had not seen it. Not yet used for fixes.
    # Session 8 round 24 (加上 a sum, x before 每月, standards with no claim, figures outside the project, a rounded
    # whole's share, a whole split after it by 其中, 标准 in a thing's name, a whole before 。具体安排：, a 小计 in a
    # heading over the items below, a term's label after ＋ in written arithmetic): 93.75 % / 5.0 %.
    # Session 8 rounds 27–28: 0.95 / 0.025 (found / flagged as fractions).
    ("blind29", 0.975, 0.0125),
    # blind30.jsonl (160, written blind: one province's (山东) budget review week, every department and level; 20 correct
    # texts with numbers and no arithmetic), first run: 90.0 % found, 15.0 % flagged on session 7's first code; 90.0 / 12.5
    # with rounds 16–22, which had not seen it. Not yet used for fixes.
    # Session 8 (the whole of a split in the form's annual total agrees: it carries every level's money): 90.0 % / 10.0 %.
    # Session 8 round 24 (price spans, 加上 a sum, last year's reference after an item's amount, asides before a
    # result, a clause's own 共, a level's 合计 after its share, counts listed after 各): 91.25 % / 2.5 %.
    ("blind30", 0.9375, 0.025),
    # blind31–blind34.jsonl (160 each, written blind: one province's budget review week each — 河南, 江西, 辽宁, 云南 — every
    # department and level, a third whole 测算说明; about 20 correct texts each with numbers and no arithmetic), first
    # sight on round 24 with the session-8 amount convention: 90.0 / 10.0, 91.25 / 7.5, 90.0 / 8.75, 91.25 / 8.75
    # (blind32 p091, written as the whole in the amount being a mistake, relabelled correct: 92.41 / 7.41).
    # Session 8 rounds 25 (tests/test_prose_general25.py, agreements.py: the form's amount and a total restated rounded in
    # another unit, a whole its items add up to, one more item after worked ones, a result after its working, a past
    # year's figure) and 26 (tests/test_prose_general26.py, third_looks.py: the items a total names, a sub-total beside its
    # items, groups before 各, a split of another figure or listed 分别为, a percentage of a percentage): 92.5 / 0,
    # 92.41 / 0, 90.0 / 0, 92.5 / 2.5.
    ("blind31", 0.925, 0.0),
    ("blind32", 0.9493, 0.0),
    ("blind33", 0.9, 0.0),
    # Session 8 rounds 27–28: 0.9375 / 0.025 (found / flagged as fractions).
    # Session 9 round 33 (tests/test_prose_general34.py): 95.0 / 2.5.
    ("blind34", 0.9625, 0.025),
    # blind35–blind38.jsonl (160 each, written blind: one province's review week each — 湖北, 四川, 山西, 甘肃), first sight
    # on rounds 25–26: 92.5 / 7.5, 87.5 / 7.5, 88.75 / 2.5, 87.5 / 6.25. Not yet used for fixes.
    # Session 8 rounds 27 (tests/test_prose_general27.py, fourth_looks.py, bracket_parts.py: results beside the products
    # they restate, a total named by its item, a percentage of the base its word names, amounts after 分别 to the parties in
    # order, the counts a failing product is of) and 28 (tests/test_prose_general28.py, carried.py: a result opening the next
    # sentence, 每千瓦, months of a standard inside a numbered list, 月租金, counts after 分别, ‰, growth over last year):
    # 98.75 / 0, 93.75 / 0, 91.25 / 0, 95.0 / 1.25.
    ("blind35", 1, 0.0),
    ("blind36", 0.9625, 0.0),
    ("blind37", 0.925, 0.0),
    ("blind38", 0.9625, 0.0125),
    # blind39–blind40.jsonl (160 each, written blind: 浙江 and 黑龙江 review weeks), first sight on rounds 27–28: 96.25 / 5.0
    # and 87.5 / 5.0. Not yet used for fixes.
    ("blind39", 0.9625, 0.025),
    ("blind40", 0.875, 0.0125),
    # blind41–blind42.jsonl (160 each, written blind: 广西 and 河南 review weeks), first sight on rounds 27–28: 90.0 / 3.75 and
    # 83.75 / 8.75. Not yet used for fixes.
    # Session 8 round 29 (tests/test_prose_general29.py, fifth_looks.py: a percentage of the items' results, a count stated in
    # all, results listed after their products, a raised standard's added money): blind39 96.25 / 3.75, blind41 90.0 / 2.5,
    # blind42 83.75 / 3.75.
    # Session 9: p019 relabelled correct by the amount convention (with a note): 89.87 / 2.47.
    ("blind41", 0.8987, 0.0247),
    ("blind42", 0.875, 0.0),
    # blind43–blind44.jsonl (160 each, written blind: 湖南 and 河北 review weeks; more short texts and products than most),
    # first sight on round 29: 82.5 / 6.25 and 85.0 / 7.5. Not yet used for fixes.
    # Session 9 rounds 30–31 (tests/test_prose_general30.py, general31.py: sources of a whole, 另 after a result, the next
    # numbered item, sixth_looks.py; 含… parts, totals of clause totals, 各承担一半, the rest after one percentage, a monthly
    # allowance after its people, runs of listed counts) used blind43, blind44, blind46: blind40 87.5 / 2.5, blind42
    # 85.0 / 1.25, blind43 86.25 / 0, blind44 89.02 / 2.56 (p060 and p155 relabelled wrong: the writer's own slips, each
    # with a note), blind45 90.0 / 1.25, blind46 91.25 / 0.
    ("blind43", 0.8875, 0.0),
    ("blind44", 0.9268, 0.0257),
    # blind45–blind46.jsonl (160 each, written blind: 浙江 and 陕西 review weeks, fewer long texts), first sight on session 8's
    # last code: 90.0 / 2.5 (at the bar) and 86.25 / 5.0. Not yet used for fixes.
    ("blind45", 0.925, 0.0125),
    ("blind46", 0.9375, 0.0),
    # blind47–blind50.jsonl (160 each, written blind: 福建, 广东, 四川 and 河南 review weeks), first sight on rounds 30–31:
    # 91.25 / 6.25, 93.75 / 1.25, 93.75 / 5.0 and 88.75 / 3.75 (on the code before those rounds: the same but blind50
    # 86.25). Not yet used for fixes.
    # Session 9 rounds 32–33 (tests/test_prose_general32.py, general33.py, general34.py) used blind47–blind52, and a third
    # figure in the amount field is set against both the split's whole and the form's part (either may be the amount):
    # blind47 96.25 / 1.25, blind48 97.5 / 0, blind49 95.0 / 2.5, blind50 93.75 / 0, blind51 98.75 / 1.25, blind52 97.5 / 0.
    ("blind47", 0.9625, 0.0125),
    ("blind48", 1, 0.0),
    ("blind49", 0.95, 0.025),
    ("blind50", 0.9375, 0.0),
    # blind51–blind52.jsonl (160 each, written blind: 江苏 and 湖北 review weeks), first sight on rounds 30–31 with the split
    # scope of round 32: 92.5 / 7.5 and 88.75 / 5.0. Not yet used for fixes.
    ("blind51", 0.9875, 0.0),
    ("blind52", 0.975, 0.0),
    # blind53–blind54.jsonl (160 each, written blind: 山东 and 安徽 review weeks), first sight on rounds 32–33: 93.75 / 6.25 and
    # 92.5 / 2.5. Session 10's round 35 (tests/test_prose_general35.py) used blind53, blind54 and blind56: 96.25 / 3.75, 100.0 / 0.0 and 93.75 / 1.25.
    ("blind53", 0.9875, 0.025),
    ("blind54", 1.0, 0.0),
    # blind55–blind58.jsonl (160 each, written blind: 重庆, 湖南, 河北 and 江西 review weeks), first sight on session 9's last
    # code: 95.0 / 2.5, 93.75 / 8.75, 95.0 / 5.0 and 90.0 / 2.5.
    ("blind55", 0.9625, 0.0),
    ("blind56", 0.975, 0.0),
    ("blind57", 0.9625, 0.0),
    ("blind58", 0.95, 0.0125),
    # blind59–blind61.jsonl (160 each, written blind: 云南, 辽宁 and 浙江 review weeks), first sight on session 10's rounds
    # 35–36 (b412947): 93.75 / 5.0, 91.25 / 1.25 and 95.0 / 6.25. Round 37 used blind59 and blind61.
    ("blind59", 0.9375, 0.0125),
    ("blind60", 0.95, 0.0),
    ("blind61", 0.975, 0.025),
    # blind62–blind64.jsonl (160 each, written blind: 广西, 山西 and 黑龙江 review weeks), first sight on session 10's last
    # code (e147ece): 90.0 / 6.25, 95.0 / 3.75 and 96.25 / 0.0. blind62 used once (总经费), the others not yet.
    ("blind62", 0.925, 0.0375),
    ("blind63", 0.975, 0.0375),
    ("blind64", 0.9875, 0.0),
    # blind65–blind67.jsonl (160 each, written blind: 甘肃, 吉林 and 贵州 review weeks), first sight on session 10's last
    # code (562d7c8): 93.75 / 6.25, 88.75 / 3.75 and 92.5 / 2.5 (blind65's p063 relabelled after: its "correct" shares did
    # not add up). Round 39 used all three.
    ("blind65", 0.975, 0.0125),
    ("blind66", 0.9375, 0.0125),
    ("blind67", 0.95, 0.0),
    # blind68–blind70.jsonl (160 each, written blind: 宁夏, 海南 and 天津 review weeks), first sight on round 39's code
    # (76f462b): 93.75 / 2.5, 88.75 / 6.25 and 83.75 / 6.25. Round 41 used blind69 and blind70.
    ("blind68", 0.9375, 0.025),
    ("blind69", 0.925, 0.0125),
    ("blind70", 0.8625, 0.0125),
    # blind71–blind72.jsonl (160 each, written blind: 江苏 and 陕西 review weeks), first sight on session 11's d6a5092:
    # 92.5 / 3.75 and 83.75 / 7.5 (two of blind72's six flagged were the writer's slips: an amount 108 for 10.8万元, an
    # amount field of float noise). Round 42 used both.
    ("blind71", 0.9375, 0.0),
    ("blind72", 0.8625, 0.0375),
    # blind73–blind74.jsonl (160 each, written blind: 青海 and 上海 review weeks), first sight on session 11's last code
    # (c7e1035): 75.0 / 5.0 and 90.0 / 7.5. Not used for fixes yet.
    ("blind73", 0.8125, 0.05),
    ("blind74", 0.90, 0.075),
    # blind75–blind79.jsonl (160 each, written blind: 云南, 河北, 广西, 山西 and 湖南 review weeks), first sight on session 11's
    # last code (ce2d5ec: 75–77) and round 43's (68a5ee4: 78–79): 96.25 / 2.5, 95.0 / 6.25, 78.75 / 5.0, 86.25 / 5.0 and
    # 92.5 / 5.0. Session 12 used blind77 (and one text of blind78, for a layout fault); the others not yet.
    ("blind75", 0.975, 0.025),
    ("blind76", 0.95, 0.0625),
    ("blind77", 0.9125, 0.0),
    ("blind78", 0.8625, 0.05),
    ("blind79", 0.9375, 0.05),
    # blind80–blind81.jsonl (160 each, written blind: 辽宁 and 福建 review weeks), first sight on round 43's fcd9410: 88.75 / 10.0
    # and 98.75 / 2.5 (ce2d5ec gave 85.0 / 8.75 and 98.75 / 2.5). Session 12 used blind80's false alarms.
    ("blind80", 0.9625, 0.0125),
    ("blind81", 0.9875, 0.025),
    # blind82–blind83.jsonl (160 each, written blind: 安徽 and 江西 review weeks), first sight on session 12's last code
    # (1c2e6cb): 91.25 / 2.5 and 96.25 / 5.0 (ce2d5ec gave 90.0 / 2.5 and 95.0 / 5.0). Not used for fixes.
    ("blind82", 0.9125, 0.025),
    ("blind83", 0.9625, 0.05),
])
def test_the_later_corpora_do_not_get_worse(name, found_at_least, alarms_at_most):
    """Each written by another hand; their first runs are the honest estimates of what new sentences get.
    These floors only guard against going backwards."""
    outcomes = run_corpus(corpus_path().with_name(f"{name}.jsonl"))
    found, alarms = rates(outcomes)
    assert len(outcomes) >= 100
    assert found >= found_at_least and alarms <= alarms_at_most, f"found {found:.1%}, false alarms {alarms:.1%}"
