"""Hypothesis strategies for random documents, built from the models' own fields."""

from __future__ import annotations

import types
import typing
from enum import Enum

from hypothesis import strategies as st
from jixiao_desktop.model import Model as BaseModel

from jixiao_desktop.forms import DepartmentForm, ProjectForm

# Text as clerks produce it: Chinese, digits, full-width forms, punctuation, newlines, odd spaces.
ALPHABET = st.sampled_from(
    list("产出指标效益满意度数量质量时效成本元万个人户%％≥≤＝＞＜≧=<>.,，。：:；、（）()【】“”-—/\n\t 　")
    + list("0123456789０１２３４５６７８９abcXYZ")
    + ["\u00a0", "\u200b", "😀", "𠀀"]
)
TEXT = st.text(ALPHABET, max_size=12)


def _strategy(annotation, depth: int):
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is str:
        return TEXT
    if annotation is int:
        return st.integers(-5, 5)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return st.sampled_from(list(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return models(annotation, depth + 1)
    if origin is list:
        return st.lists(_strategy(args[0], depth), max_size=3 if depth < 2 else 1)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*[_strategy(a, depth) for a in args])
    if annotation is type(None):
        return st.none()
    if origin is typing.Literal:
        return st.sampled_from(args)
    raise NotImplementedError(annotation)


def models(cls: type[BaseModel], depth: int = 0):
    fields = {name: _strategy(field.annotation, depth) for name, field in cls.model_fields.items()}
    return st.builds(cls, **fields)


forms = st.one_of(models(ProjectForm), models(DepartmentForm))
