"""The self-evaluation (绩效自评) after the year: scoring an indicator against its target, a 自评表 read from a
document of an ``evaluation`` template, and a new 自评表 made from a saved 申报表. Qt-free; Decimal throughout."""

from jixiao_desktop.selfeval.scoring import Score, grade_of, score_budget, score_indicator

__all__ = ["Score", "grade_of", "score_budget", "score_indicator"]
