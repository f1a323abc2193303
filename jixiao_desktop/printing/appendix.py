"""附：已说明的警告 — the warnings the clerk explained, with their 出错说明."""

from __future__ import annotations

from reportlab.platypus import PageBreak

from jixiao_desktop.checks import Finding
from jixiao_desktop.forms.locations import describe
from jixiao_desktop.printing.common import Builder


def appendix_story(b: Builder, explained: list[Finding]) -> list:
    """A new page listing each explained warning; [] when there are none."""
    if not explained:
        return []
    story: list = [PageBreak(), b.p("附：已说明的警告及出错说明", b.st.title)]
    rows = [[b.label(h) for h in ("序号", "位置", "警告内容", "出错说明")]]
    for n, finding in enumerate(explained, 1):
        where = describe(b.form, finding.location) if finding.location else "整张表"
        rows.append([b.center(str(n)), b.p(where), b.p(finding.message), b.p(finding.explanation or "")])
    story.append(b.grid(rows, [11, 45, 64, 60], repeat=1))
    return story
