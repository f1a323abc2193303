"""项目支出绩效目标申报表 on paper: the 申报书 sections, then the table (seeds 000, 002)."""

from __future__ import annotations

from reportlab.platypus import PageBreak, Spacer
from reportlab.lib.units import mm

from jixiao_desktop.forms import ProjectForm
from jixiao_desktop.forms.common import CostLine
from jixiao_desktop.forms.project import FUNDING_LEVELS
from jixiao_desktop.printing.common import Builder, label_value_rows
from jixiao_desktop.printing.indicators import indicator_table
from jixiao_desktop.printing.signoff import KeepWithSignOff

CHINESE_NUMERALS = "一二三四五六七八九十"
_FUNDING_HEADS = ("总投入", "中央财政", "省级财政", "市本级财政", "县（市）区级财政", "其他")


def project_story(b: Builder) -> list:
    form: ProjectForm = b.form
    story = proposal_story(b)
    if story:
        story.append(PageBreak())
    year = form.year.strip()
    story += b.title_block(form.title, f"（{year}年度）" if year else "")
    story.append(_info(b))
    story.append(_funding(b))
    story.append(_goals(b))
    story.append(indicator_table(b, form.indicators, with_mid=True))
    if form.cost_lines:
        story.append(cost_table(b, form.cost_lines))
    rows, spans = label_value_rows(
        b, [("单位已有的保障项目实施的制度措施", form.measures), ("预算绩效说明", form.budget_notes)], 2
    )
    # The last rows go with the signatures: a signature page never stands alone.
    story.append(KeepWithSignOff([b.grid(rows, [30, 150], spans=spans), b.signoff()]))
    return story


def proposal_story(b: Builder) -> list:
    """The narrative 申报书, numbered sections, blank ones left out; [] when all blank."""
    prop = b.form.proposal
    unit_lines = [
        (label, value)
        for label, value in (
            ("单位名称", prop.unit_name),
            ("组织机构代码", prop.org_code),
            ("地址", prop.address),
            ("联系电话", prop.phone),
            ("法人代表", prop.legal_rep),
            ("经费来源", prop.fund_source),
            ("代为概况", prop.agent),
        )
        if value.strip()
    ]
    arrangement = [prop.arrangement] if prop.arrangement.strip() else []
    for i, item in enumerate(prop.arrangement_items, 1):
        arrangement.append(f"{i}.{item.name}：{item.amount}")
    if prop.arrangement_total.strip():
        count = len(prop.arrangement_items)
        arrangement.append(f"以上{count}项共计：{prop.arrangement_total}" if count else f"合计：{prop.arrangement_total}")
    sections = [
        ("项目名称", [prop.project_name]),
        ("立项依据", [prop.basis]),
        ("项目实施单位", [f"{label}：{value}" for label, value in unit_lines]),
        ("项目基本概况", [prop.overview]),
        ("项目实施内容", [prop.content]),
        ("资金安排情况", arrangement),
        ("项目实施计划", [prop.plan]),
        ("项目实施成效", [prop.outcomes]),
    ]
    sections = [(head, [t for t in texts if t.strip()]) for head, texts in sections]
    sections = [(head, texts) for head, texts in sections if texts]
    if not sections and not prop.title.strip():
        return []
    story: list = []
    if prop.title.strip():
        story.append(b.p(prop.title, b.st.title))
        story.append(Spacer(1, 4 * mm))
    for n, (head, texts) in enumerate(sections):
        story.append(b.p(f"{_numeral(n + 1)}、{head}", b.st.heading))
        story += [b.p(text, b.st.body) for text in texts]
    return story


def _numeral(n: int) -> str:
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    return "十" + CHINESE_NUMERALS[n - 11] if n < 20 else str(n)


def _info(b: Builder):
    form: ProjectForm = b.form
    widths = [28, 62, 28, 62]
    rows, spans = label_value_rows(b, [("项目名称", form.project_name)], 4)
    for pair in (
        (("主管部门及代码", form.department_code), ("实施单位", form.implementing_unit)),
        (("项目属性", form.attribute), ("项目期", form.period)),
        (("项目负责人", form.leader), ("联系电话", form.leader_phone)),
    ):
        (l1, v1), (l2, v2) = pair
        rows.append([b.label(l1), b.p(v1), b.label(l2), b.p(v2)])
    more, more_spans = label_value_rows(b, [("项目概况", form.overview), ("项目立项依据", form.basis)], 4)
    spans += [((a[0], a[1] + len(rows)), (z[0], z[1] + len(rows))) for a, z in more_spans]
    rows += more
    return b.grid(rows, widths, spans=spans)


def _funding(b: Builder):
    form: ProjectForm = b.form
    rows = [["", *[b.label(h) for h in _FUNDING_HEADS]]]
    for side, name in (("mid", "中期"), ("annual", "年度")):
        row = getattr(form.funding, side)
        texts = [row.total] + [getattr(row, key) for key, _ in FUNDING_LEVELS]
        rows.append([b.label(f"{name}资金来源\n（{b.unit}）"), *[b.amount(t) for t in texts]])
    return b.grid(rows, [28, 27, 25, 25, 25, 25, 25], repeat=0)


def _goals(b: Builder):
    form: ProjectForm = b.form
    rows = [
        [b.vertical("总体目标"), b.label("中期目标"), b.label("年度目标")],
        ["", b.p(form.goals.mid), b.p(form.goals.annual)],
    ]
    return b.grid(rows, [8, 86, 86], spans=[((0, 0), (0, 1))], vertical_label=True)


def cost_table(b: Builder, lines: list[CostLine], *, label: str = "成本测算"):
    """测算: quantity × standard × periods × share = amount, one line each."""
    heads = ["测算项目", "数量", "标准", "期数", "分担比例", f"金额（{b.unit}）", "说明"]
    rows = [[b.vertical(label), *[b.label(h) for h in heads]]]
    for line in lines:
        share = line.split.strip()
        if line.split_levels.strip():
            share += f"（{line.split_levels.strip()}"
            levels = [x for x in line.split_levels.replace("：", ":").split(":") if x.strip()]
            if line.share_index is not None and 0 <= line.share_index < len(levels):
                share += f"，本级承担{levels[line.share_index].strip()}"
            share += "）"
        standard = line.standard.strip()
        if line.standard_unit.strip():
            standard += f"/{line.standard_unit.strip()}"
        rows.append(
            [
                b.vertical(label),
                b.p(line.item),
                b.center(f"{line.quantity.strip()}{line.quantity_unit.strip()}"),
                b.center(standard),
                b.center(f"{line.periods.strip()}{line.period_unit.strip()}"),
                b.center(share),
                b.amount(line.amount),
                b.p(line.note),
            ]
        )
    widths = [8, 34, 18, 24, 16, 24, 22, 34]
    return b.grid(rows, widths, spans=[((0, 0), (0, len(rows) - 1))], repeat=1, vertical_label=True)
