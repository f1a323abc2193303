"""Form models (Qt-free): one family for every kind of performance-target form.

``Form`` is the union of the form kinds, told apart by ``kind``:

- ``project``: 项目支出绩效目标申报表 (:class:`ProjectForm`)
- ``department``: 部门整体支出绩效目标表 with 附表2/附表3 (:class:`DepartmentForm`)
- ``unit``: 单位整体支出绩效目标申报表, Shanghai (:class:`DepartmentForm`)
"""

from __future__ import annotations

from typing import Annotated, Union

from jixiao_desktop.forms.common import (
    CostLine,
    Explanation,
    FormBase,
    Indicator,
    IndicatorRow,
    SignOff,
)
from jixiao_desktop.forms.department import (
    DepartmentBudget,
    DepartmentForm,
    ExpenseLine,
    FundDetail,
    KeyTask,
    SpecialFund,
)
from jixiao_desktop.forms.layouts import IndicatorLayout
from jixiao_desktop.forms.project import (
    Funding,
    FundingItem,
    FundingRow,
    Goals,
    ProjectForm,
    Proposal,
)

from jixiao_desktop.forms.template_form import TemplateForm  # noqa: E402  (a form made from a template file)

from jixiao_desktop.model import Tagged, ValidationError, validate_as  # noqa: E402

Form = Annotated[Union[ProjectForm, DepartmentForm, TemplateForm], Tagged("kind")]


def validate_form(data) -> ProjectForm | DepartmentForm | TemplateForm:
    """A form of the kind its ``kind`` names, read from ``data`` (a dict, or a form already); a ValidationError
    lists every problem, its places starting with the kind (``department.indicators.0.annual.name``)."""
    return validate_as(Form, data, "Form")


FORM_KINDS = {
    "project": "项目支出绩效目标申报表",
    "department": "部门整体支出绩效目标表",
    "unit": "单位整体支出绩效目标申报表（上海）",
}  # the built-in forms (a form made from a template file names its template: TemplateForm.title)

__all__ = [
    "CostLine",
    "DepartmentBudget",
    "DepartmentForm",
    "Explanation",
    "ExpenseLine",
    "FORM_KINDS",
    "Form",
    "FormBase",
    "FundDetail",
    "Funding",
    "FundingItem",
    "FundingRow",
    "Goals",
    "Indicator",
    "IndicatorLayout",
    "IndicatorRow",
    "KeyTask",
    "ProjectForm",
    "Proposal",
    "SignOff",
    "SpecialFund",
    "ValidationError",
    "validate_form",
]
