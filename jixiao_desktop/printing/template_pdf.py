"""A document of any template (表样) on paper: its sections in paper order, then its child forms.

Nothing here knows a template: the title, the orientation, the labels, the columns and the sides
come from the template the document carries. Header fields print as label–value pairs, several
to a line (a long text across the whole width); amount and indicator tables as the template
declares them (:mod:`.template_tables`, :mod:`.template_indicators`); the sign-off with the
places to sign and to stamp. Each child form (a 绩效目标表 per row of a table) follows the form
it hangs under, titled by its label and its row's name.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Spacer

from jixiao_desktop.forms.template_form import Part, TemplateForm
from jixiao_desktop.printing.common import Builder
from jixiao_desktop.printing.signoff import KeepWithSignOff
from jixiao_desktop.printing.styles import SEAL_SIZE
from jixiao_desktop.printing.template_indicators import indicator_tables
from jixiao_desktop.printing.template_tables import amount_table
from jixiao_desktop.templates.document import amount_names
from jixiao_desktop.templates.schema import (
    AmountTable,
    ChildForms,
    FieldSpec,
    FieldsSection,
    IndicatorTable,
    SignOffSection,
)

LABEL_WIDTH, VALUE_WIDTH = 28, 62   # one label–value pair (mm before scaling to the frame)
PAIRS_PER_LINE = {"portrait": 2, "landscape": 3}
# A short field whose text is longer than this many characters gets a line of its own.
LONG_VALUE = 34
# The unit name on the seal's place comes from the field with the first of these roles.
UNIT_ROLES = ("unit_name", "implementing_unit", "competent_department")
_AMOUNT_DATE_BLANK = "        年    月    日"


class TemplateBuilder(Builder):
    """A :class:`Builder` for a template document: the unit is the one its fields name."""

    form: TemplateForm

    def unit_name(self) -> str:
        fields = {f.role: f.id for s in self.form.loaded.template.section if isinstance(s, FieldsSection)
                  for f in s.field if f.role}
        for role in UNIT_ROLES:
            text = self.form.content.fields.get(fields.get(role, ""), "").strip()
            if text:
                return text
        return self.form.filler_unit.strip()


def orientation(form: TemplateForm) -> str:
    return form.loaded.meta.orientation


def template_story(b: Builder) -> list:
    """The whole document: title, the form's sections, then each child form."""
    form: TemplateForm = b.form
    meta = form.loaded.meta
    sections = form.loaded.template.section
    year = form.year.strip()
    story = b.title_block(meta.title or meta.name, f"（{year}年度）" if year else "", unit_line=False)
    if _has_amounts(sections):
        story.append(b.p(f"金额单位：{b.unit}", b.st.header_right))
        story.append(Spacer(1, 1 * mm))
    story += part_story(b, sections, form.content, orientation(form))
    for child in (s for s in sections if isinstance(s, ChildForms)):
        parents = form.content.tables.get(child.of, [])
        of_table = next((s for s in sections if isinstance(s, AmountTable) and s.id == child.of), None)
        for index, part in enumerate(form.content.children.get(child.id, [])):
            name = _row_name(of_table, parents[index]) if of_table and index < len(parents) else ""
            heading = b.p(f"{child.label}：{name}" if name else f"{child.label}（第{index + 1}张）", b.st.subtitle)
            body = part_story(b, child.section, part, orientation(form))
            # A child form is not cut between pages when it fits on one (and its heading never
            # stands alone at a page foot).
            story.append(Spacer(1, 5 * mm))
            story.append(KeepTogether([heading, *body]))
    return story


def part_story(b: Builder, sections: list, part: Part, orient: str) -> list:
    """The flowables of one form's sections (child forms excepted) in paper order."""
    out: list = []
    for section in sections:
        if isinstance(section, FieldsSection):
            out.append(fields_grid(b, section, part, PAIRS_PER_LINE.get(orient, 2)))
        elif isinstance(section, AmountTable):
            out.append(amount_table(b, section, part.tables.get(section.id, [])))
        elif isinstance(section, IndicatorTable):
            out += indicator_tables(b, section, part.tables.get(section.id, []), orient)
        elif isinstance(section, SignOffSection):
            sign = signoff(b, section, part)
            # A short last section goes with the signatures (a signature page never stands alone).
            if out and _height(b, out[-1]) < b.height / 3:
                out[-1] = KeepWithSignOff([out[-1], sign])
            else:
                out.append(sign)
    return out


def fields_grid(b: Builder, section: FieldsSection, part: Part, pairs: int):
    """``label | value`` pairs, ``pairs`` to a line; long texts across the whole width; the section's
    title (when it has one) over them."""
    ncols = 2 * pairs
    rows: list[list] = []
    spans = []
    if section.title.strip():
        rows.append([b.label(section.title)] + [""] * (ncols - 1))
        spans.append(((0, 0), (ncols - 1, 0)))
    line: list = []

    def flush():
        if not line:
            return
        r = len(rows)
        used = len(line)
        rows.append(line + [""] * (ncols - used))
        if used < ncols:   # the last value takes the rest of the line
            spans.append(((used - 1, r), (ncols - 1, r)))
        line.clear()

    for field in section.field:
        text = part.fields.get(field.id, "")
        value = _value(b, field, text)
        if field.type == "longtext" or len(text.strip()) > LONG_VALUE:
            flush()
            r = len(rows)
            rows.append([b.label(field.label), value] + [""] * (ncols - 2))
            spans.append(((1, r), (ncols - 1, r)))
        else:
            line += [b.label(field.label), value]
            if len(line) == ncols:
                flush()
    flush()
    return b.grid(rows, [LABEL_WIDTH, VALUE_WIDTH] * pairs, spans=spans)


def _value(b: Builder, field: FieldSpec, text: str):
    if field.type == "amount":
        return b.p(b.money(text))
    return b.p(text)


def signoff(b: Builder, section: SignOffSection, part: Part):
    """The section's fields as ``label： value`` lines, two to a line, beside the seal's place."""
    st = b.st.sign
    items = []
    for field in section.field:
        text = part.fields.get(field.id, "")
        if field.type == "date" and not text.strip():
            text = _AMOUNT_DATE_BLANK
        items.append((f"{field.label}：", text))
    if not items:
        return Spacer(1, 0)
    if len(items) % 2:
        items.append(("", ""))
    rows = [[b.p(items[i][0], st), b.p(items[i][1], st), b.p(items[i + 1][0], st), b.p(items[i + 1][1], st)]
            for i in range(0, len(items), 2)]
    lines_width = b.width - SEAL_SIZE - 8 * mm
    # Wide enough for the longest label of each column, with the cell's padding (6 pt before the second).
    labels = [max(stringWidth(items[i][0], b.st.font, st.fontSize) for i in range(k, len(items), 2)) + 2 + 6 * k
              for k in (0, 1)]
    labels = [min(w, lines_width / 4) for w in labels]
    value = (lines_width - sum(labels)) / 2
    return b.signoff_block(rows, [labels[0], value, labels[1], value])


def _row_name(table: AmountTable, row: dict[str, str]) -> str:
    """The parent row's first text cell that names it (a bare number, a 序号, does not)."""
    for column in (c for c in table.columns if c.type in ("text", "longtext")):
        text = row.get(column.id, "").strip()
        if text and not text.replace(".", "").isdigit():
            return text
    return ""


def _has_amounts(sections) -> bool:
    if amount_names(sections):
        return True
    return any(isinstance(s, ChildForms) and amount_names(s.section) for s in sections)


def _height(b: Builder, flowable) -> float:
    return flowable.wrap(b.width, 1e6)[1]


def typed_grouping(form: TemplateForm) -> bool:
    """Whether the clerk typed an amount with thousands separators."""
    for part in form.parts():
        for section in part.sections:
            if isinstance(section, (FieldsSection, SignOffSection)):
                if any(f.type == "amount" and "," in part.part.fields.get(f.id, "") for f in section.field):
                    return True
            elif isinstance(section, AmountTable):
                ids = [c.id for c in section.columns if c.type == "amount"]
                if any("," in row.get(i, "") for row in part.part.tables.get(section.id, []) for i in ids):
                    return True
    return False
