"""What a template (表样) file declares, and the checks that make a wrong one refused, not harmful.

A template is data, never code: header fields, amount tables, indicator tables, child forms and the
sign-off block in paper order, with the relations the bureau expects (审核公式, see :mod:`.formula`)
and roles that let the general rules find the year, the totals, the goals and the calculation texts.
``docs/templates.md`` documents the format with a full example.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from jixiao_desktop.model import FieldError, Model, Tagged
from jixiao_desktop.model import field as Field

FIELD_TYPES = ("text", "longtext", "amount", "date", "year", "period", "phone", "code", "choice", "count", "percent")
INDICATOR_COLUMNS = ("level2", "name", "value", "standard", "weight", "score", "nature", "unit", "direction",
                     "explain", "scoring", "actual", "deviation", "ratio")
KINDS = ("project", "department", "unit", "evaluation", "list")
LAYOUTS = ("classic", "cz2021_101", "shanghai", "own")
LEVELS = ("错误", "警告", "提示")
# What the general rules look for (a template may give each to at most one field or table).
ROLES = {
    "year": "年度", "period": "项目（实施）期", "project_name": "项目名称", "unit_name": "单位名称",
    "competent_department": "主管部门", "implementing_unit": "实施单位", "leader": "负责人", "phone": "联系电话",
    "overview": "项目概况", "basis": "立项依据", "mid_goal": "中期（实施期）目标", "annual_goal": "年度目标",
    "annual_total": "年度资金总额", "mid_total": "中期资金总额", "funding": "资金来源表", "budget": "预算表",
    "calculation": "测算说明", "indicators": "绩效指标", "mid_indicators": "中期指标", "annual_indicators": "年度指标",
    "measures": "保障措施", "signoff": "签字栏",
    # a 自评表 (kind evaluation): the budget row's columns and the result (jixiao_desktop/selfeval/)
    "budget_full": "全年预算数", "budget_executed": "全年执行数", "execution_rate": "执行率", "points": "分值",
    "score": "得分", "total_score": "总分", "grade": "自评等级",
    # an evaluation's summary of its 一级 groups: the row's 分值 and 得分, matched to the detail rows by 一级
    "group_points": "一级指标分值", "group_score": "一级指标得分",
}
_ID = r"^[A-Za-z][A-Za-z0-9_]*$"


class Strict(Model):
    model_config = {"extra": "forbid", "frozen": True}


class TemplateMeta(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)
    version: int = Field(ge=1)
    name: str = Field(min_length=1)
    region: str = ""
    years: str = ""                      # 2020-, 2021-2025, or blank for any
    kind: Literal["project", "department", "unit", "evaluation", "list"]
    unit: Literal["元", "万元"] = "元"
    layout: Literal["classic", "cz2021_101", "shanghai", "own"] = "classic"
    levels: dict[str, list[str]] = Field(default_factory=dict)   # the 一级 → 二级 list of an own layout
    title: str = ""
    orientation: Literal["portrait", "landscape"] = "portrait"
    description: str = ""
    # The province's own word on the general rules: a rule id → false (off), true (on: for a rule that is
    # off unless switched on), or "错误"/"警告"/"提示" (on at that level). `jixiao check --rules` lists them.
    checks: dict[str, bool | Literal["错误", "警告", "提示"]] = Field(default_factory=dict)

    def model_post_validate(self) -> None:
        if self.years and not re.fullmatch(r"\d{4}\s*(?:[-—~至]\s*(?:\d{4})?)?", self.years.strip()):
            raise FieldError("years", "年份范围应写作 2020- 或 2021-2025")
        if self.layout == "own" and not self.levels:
            raise ValueError("layout 为 own 时须在 levels 中列出一级指标及其二级指标")


class FieldSpec(Strict):
    id: str = Field(pattern=_ID)
    label: str = Field(min_length=1)
    type: Literal[FIELD_TYPES] = "text"   # type: ignore[valid-type]
    required: bool = False
    role: str | None = None
    path: str | None = None               # where a document of a built-in form keeps it
    choices: list[str] = Field(default_factory=list)
    help: str = ""

    def model_post_validate(self) -> None:
        if self.type == "choice" and not self.choices:
            raise ValueError("type 为 choice 时须给出 choices")


class RowSpec(Strict):
    id: str = Field(pattern=_ID)
    label: str = Field(min_length=1)
    role: str | None = None


class ColumnSpec(Strict):
    id: str = Field(pattern=_ID)
    label: str = Field(min_length=1)
    type: Literal[FIELD_TYPES] = "amount"   # type: ignore[valid-type]
    required: bool = False
    role: str | None = None
    share_of: str | None = None           # a 占比 column: this column's row as a share of that column's total
    year_offset: int | None = None        # a previous years' column: -1, -2


class FieldsSection(Strict):
    type: Literal["fields"]
    id: str = Field(pattern=_ID)
    title: str = ""
    field: list[FieldSpec] = Field(min_length=1)


class AmountTable(Strict):
    type: Literal["amounts"]
    id: str = Field(pattern=_ID)
    label: str = Field(min_length=1)
    role: str | None = None
    rows: list[RowSpec] = Field(default_factory=list)   # fixed rows; none: the clerk adds rows
    growable: bool = False
    columns: list[ColumnSpec] = Field(min_length=1)
    total_row: str = ""                    # label of a 合计 row printed under growable rows
    path: str | None = None                # binding for built-in forms: funding.{row}.{column}, special_funds[{index}].{column}

    def model_post_validate(self) -> None:
        if not self.rows and not self.growable:
            raise ValueError("金额表须列出 rows，或设 growable = true 由填报人增行")


class IndicatorTable(Strict):
    type: Literal["indicators"]
    id: str = Field(pattern=_ID)
    label: str = "绩效指标"
    role: str | None = "indicators"
    sides: list[RowSpec] = Field(min_length=1, max_length=2)   # 中期/年度, 长期/年度, 实施期/本年度, or 年度 alone
    columns: list[Literal[INDICATOR_COLUMNS]] = Field(default_factory=lambda: ["level2", "name", "value"])  # type: ignore[valid-type]
    path: str | None = None
    # The column headings as this paper prints them, where they differ from the usual ones
    # (a 自评表's 分值 | 得分 in the weight and score columns): { weight = "分值", score = "得分" }.
    labels: dict[str, str] = Field(default_factory=dict)

    def model_post_validate(self) -> None:
        unknown = [key for key in self.labels if key not in ("level1", *INDICATOR_COLUMNS)]
        if unknown:
            raise FieldError("labels", f"labels 只能重新命名指标表的栏目（{'、'.join(('level1', *INDICATOR_COLUMNS))}），"
                             f"不认识：{'、'.join(unknown)}")
        for needed in ("name", "value"):
            if needed not in self.columns:
                raise FieldError("columns", f"指标表的 columns 须含 {needed}")


class SignOffSection(Strict):
    type: Literal["signoff"]
    id: str = Field(default="signoff", pattern=_ID)
    field: list[FieldSpec] = Field(default_factory=list)


class ChildForms(Strict):
    """One child form per row of a table (附表3 under each 附表2 row; a 绩效目标表 per sub-project)."""

    type: Literal["children"]
    id: str = Field(pattern=_ID)
    label: str = Field(min_length=1)
    of: str = Field(pattern=_ID)          # the growable table whose rows each carry a child
    path: str | None = None
    section: list[Annotated[FieldsSection | AmountTable | IndicatorTable | SignOffSection,
                            Tagged("type")]] = Field(min_length=1)
    relation: list[RelationSpec] = Field(default_factory=list)


class RelationSpec(Strict):
    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_.-]*$")
    formula: str = Field(min_length=1)
    level: Literal["错误", "警告", "提示"] = "错误"
    message: str = ""                     # may use {left} {right} {difference}
    tolerance: str = "0"                  # in 元 for amounts: "0.01" or "0.005万"
    where: str = ""                       # the cell the finding points at (a reference); the left side's by default
    per_row: str = ""                     # a growable table: judge the relation on each of its rows, table.*.column
                                          # then naming that row's cell (每行：总额 = 财政拨款 + 其他资金)


Section = Annotated[FieldsSection | AmountTable | IndicatorTable | SignOffSection | ChildForms, Tagged("type")]


class ScoringSpec(Strict):
    """How a 自评表 (kind evaluation) is scored: the 预算执行率's points, each 一级's points, the grades' lower
    bounds and what share of its points a 定性 indicator gets for each band (jixiao_desktop/selfeval/)."""

    budget: int = Field(default=10, ge=0, le=100)
    groups: dict[str, int] = Field(default_factory=lambda: {"产出指标": 50, "效益指标": 30, "满意度指标": 10})
    grades: dict[str, int] = Field(default_factory=lambda: {"优": 90, "良": 80, "中": 60, "差": 0})
    bands: dict[str, int] = Field(default_factory=lambda: {"达成": 100, "部分达成": 60, "未达成": 0})

    def model_post_validate(self) -> None:
        total = self.budget + sum(self.groups.values())
        if total != 100:
            raise ValueError(f"[scoring] 的 budget 与 groups 分值合计为{total}，应为100")
        if not self.grades or min(self.grades.values()) != 0:
            raise ValueError("[scoring] 的 grades 须有一个下限为0的等级（如 差 = 0）")
        if any(not 0 <= v <= 100 for v in self.bands.values()):
            raise ValueError("[scoring] 的 bands 是得分占分值的百分比，应在0～100之间")


class Template(Strict):
    template: TemplateMeta
    section: list[Section] = Field(min_length=1)
    relation: list[RelationSpec] = Field(default_factory=list)
    scoring: ScoringSpec | None = None     # a 自评表's scoring rules (defaults when absent)

    @property
    def id(self) -> str:
        return self.template.id

    @property
    def version(self) -> int:
        return self.template.version

