"""Form models (Qt-free): one family for every kind of performance-target form.

``Form`` is the union of the form kinds, told apart by ``kind``:

- ``project``: 项目支出绩效目标申报表 (:class:`ProjectForm`)
- ``department``: 部门整体支出绩效目标表 with 附表2/附表3 (:class:`DepartmentForm`)
- ``unit``: 单位整体支出绩效目标申报表, Shanghai (:class:`DepartmentForm`)
"""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field, TypeAdapter

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

Form = Annotated[Union[ProjectForm, DepartmentForm, TemplateForm], Field(discriminator="kind")]
FORM_ADAPTER: TypeAdapter = TypeAdapter(Form)

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
    "FORM_ADAPTER",
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
]
