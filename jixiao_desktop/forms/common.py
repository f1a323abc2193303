"""Parts shared by every form: indicators, sign-off, explanations, the form base.

All text a clerk types is stored as typed (``str``); amounts too, read on demand
with :func:`jixiao_desktop.money.parse_amount`, so an unreadable amount is kept
and reported rather than lost. Field titles are the Chinese labels of the
paper form; messages and locations are built from them.
"""

from __future__ import annotations



from jixiao_desktop.forms.indicator_value import IndicatorValue, parse_indicator_value
from jixiao_desktop.forms.layouts import IndicatorLayout
from jixiao_desktop.model import Model as Record
from jixiao_desktop.model import field
from jixiao_desktop.money import AmountUnit, ParsedAmount, parse_amount


class Model(Record):
    """Base of every document model: unknown keys are an error, never dropped."""

    model_config = {"extra": "forbid"}


def text_field(title: str, **kwargs) -> str:
    return field("", title=title, **kwargs)


class Indicator(Model):
    """One 三级指标 with its value, on one side (中期 or 年度) of the grid."""

    level2: str = text_field("二级指标")
    name: str = text_field("三级指标")
    value: str = text_field("指标值")
    standard: str = text_field("绩效标准")

    @property
    def parsed(self) -> IndicatorValue:
        return parse_indicator_value(self.value)

    @property
    def blank(self) -> bool:
        return not (self.name.strip() or self.value.strip())


class IndicatorRow(Model):
    """One row of the indicator grid.

    ``level1`` is stored on every row (a merged 一级 cell spans several rows on
    paper; printing merges equal neighbours again). ``mid`` is present only on
    forms with 中期 columns (项目支出绩效目标申报表).
    """

    level1: str = text_field("一级指标")
    annual: Indicator = field(default_factory=Indicator, title="年度指标")
    mid: Indicator | None = field(default=None, title="中期指标")

    def sides(self) -> list[tuple[str, Indicator]]:
        """(key, indicator) for each side present, 中期 first as on paper."""
        out = []
        if self.mid is not None:
            out.append(("mid", self.mid))
        out.append(("annual", self.annual))
        return out


class SignOff(Model):
    """签字栏: the people who answer for the form."""

    unit_head: str = text_field("单位负责人")
    filler: str = text_field("填报人")
    phone: str = text_field("联系电话")
    date: str = text_field("填报日期")


class Explanation(Model):
    """出错说明: the clerk's explanation of a warning, kept with the data."""

    rule: str = field(title="规则")
    location: str = field(title="位置")
    text: str = text_field("出错说明")


class CostLine(Model):
    """A cost calculation line (测算): quantity × standard × periods × share.

    ``standard`` is an amount in the form's unit unless it carries its own
    (``16800元``); ``standard_unit`` is what it is per (``个·年``, ``人/月``).
    ``split`` is a cost-sharing ratio such as ``3:7`` between the levels named
    in ``split_levels`` (``市:区``); ``share_index`` (0-based) says whose part
    this form carries. ``amount`` is the stated result, as typed.
    """

    item: str = text_field("测算项目")
    quantity: str = text_field("数量")
    quantity_unit: str = text_field("数量单位")
    standard: str = text_field("标准")
    standard_unit: str = text_field("标准单位")
    periods: str = text_field("期数")
    period_unit: str = text_field("期间单位")
    split: str = text_field("分担比例")
    split_levels: str = text_field("分担层级")
    share_index: int | None = field(default=None, title="本级承担部分")
    amount: str = text_field("金额")
    note: str = text_field("说明")


class FormBase(Model):
    """What every form has: its kind, 年度, unit, layout, indicators, sign-off."""

    year: str = text_field("年度")
    filler_unit: str = text_field("填报单位（盖章）")
    amount_unit: AmountUnit = field(default=AmountUnit.YUAN, title="金额单位")
    layout: IndicatorLayout = field(default=IndicatorLayout.CLASSIC, title="指标体系")
    indicators: list[IndicatorRow] = field(default_factory=list, title="绩效指标")
    signoff: SignOff = field(default_factory=SignOff, title="签字栏")
    explanations: list[Explanation] = field(default_factory=list, title="出错说明")
    # The template (表样) the form follows, named and copied in (a built-in form names the shipped template
    # that describes it, see templates.bind.attach_template), so the file says on any PC what it was made from.
    template_id: str = field(default="", title="表样编号")
    template_version: int = field(default=0, title="表样版本")
    template_text: str = field(default="", title="表样内容")

    def amount(self, text: str) -> ParsedAmount:
        """Read an amount typed in this form (its unit applies to bare numbers)."""
        return parse_amount(text, self.amount_unit)

    def explanation_for(self, rule: str, location: str) -> Explanation | None:
        for item in self.explanations:
            if item.rule == rule and item.location == location:
                return item
        return None

    @property
    def has_mid(self) -> bool:
        """Whether the indicator grid has 中期 columns."""
        return False

    @property
    def title(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError
