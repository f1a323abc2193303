"""What a rule sees: the form, and helpers to read amounts and write numbers."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.forms import FormBase
from jixiao_desktop.money import AmountUnit, ParsedAmount, format_amount, parse_amount, sum_amounts


class CheckContext:
    def __init__(self, form: FormBase):
        self.form = form
        self.unit: AmountUnit = form.amount_unit
        self._memo: dict = {}

    def memo(self, key, compute):
        """Compute something once per check run (shared by the rules that need it)."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    def grids(self):
        from jixiao_desktop.checks.fields import indicator_grids

        return self.memo("grids", lambda: list(indicator_grids(self.form)))

    @property
    def kind(self) -> str:
        return self.form.kind

    def amount(self, text: str) -> ParsedAmount:
        """An amount typed in the form (bare numbers in the form's unit)."""
        return parse_amount(text, self.unit)

    def value(self, text: str) -> Decimal | None:
        return parse_amount(text, self.unit).value

    def sum(self, texts) -> Decimal | None:
        """Sum of the readable, non-blank amounts; None when there are none."""
        return sum_amounts(texts, self.unit, skip_unreadable=True)

    def money(self, value_yuan: Decimal) -> str:
        """An amount in the form's unit, with the unit: ``453600.00元``, ``1594.78万元``."""
        return f"{format_amount(value_yuan, self.unit)}{self.unit.value}"

    def diff(self, a: Decimal, b: Decimal) -> str:
        """``相差 7.00万元``."""
        return f"相差{self.money(abs(a - b))}"
