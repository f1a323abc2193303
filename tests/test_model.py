"""The records documents and settings are made of (jixiao_desktop/model.py): read, checked, written, copied."""

from __future__ import annotations

import copy
from enum import Enum
from typing import Literal

import pytest

from jixiao_desktop.model import Model, ValidationError, field


class Colour(str, Enum):
    RED = "红"
    BLUE = "蓝"


class Leaf(Model):
    name: str = field("", title="名称")
    count: int | None = field(None, title="数量")


class Tree(Model):
    kind: Literal["tree"] = "tree"
    title: str = field(title="标题")            # required
    colour: Colour = field(Colour.RED, title="颜色")
    leaves: list[Leaf] = field(default_factory=list, title="叶")
    first: Leaf | None = None
    cells: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    copies: int = field(1, ge=1, le=9)
    flag: bool = False

    def model_post_validate(self) -> None:
        if self.title == "坏":
            raise ValueError("标题不能是“坏”")


class Loose(Model):
    model_config = {"extra": "ignore"}
    a: str = ""


class Keeps(Model):
    model_config = {"extra": "allow"}
    a: str = ""


class Falls(Model):
    inner: Tree = field(default_factory=lambda: Tree(title="默认"), on_error="default")


def test_reads_nested_values_and_converts_them():
    tree = Tree.model_validate({"title": "树", "colour": "蓝", "leaves": [{"name": "甲", "count": "3"}],
                                "first": {"name": "乙"}, "cells": {"t": [{"a": "1"}]}, "copies": 2, "flag": True})
    assert tree.colour is Colour.BLUE
    assert tree.leaves == [Leaf(name="甲", count=3)]
    assert tree.first == Leaf(name="乙")
    assert tree.cells == {"t": [{"a": "1"}]}
    assert Tree.model_fields["colour"].title == "颜色"
    assert Tree.model_fields["leaves"].annotation == list[Leaf]


def test_every_problem_is_reported_with_its_place_and_kind():
    with pytest.raises(ValidationError) as info:
        Tree.model_validate({"kind": "bush", "colour": "绿", "leaves": [{"name": 5}, "x"], "copies": 10,
                             "cells": {"t": [{"a": 1}]}, "unknown": 1})
    kinds = {(tuple(e["loc"]), e["type"]) for e in info.value.errors()}
    assert kinds == {
        (("kind",), "literal_error"), (("title",), "missing"), (("colour",), "enum"),
        (("leaves", 0, "name"), "string_type"), (("leaves", 1), "model_type"), (("copies",), "less_than_equal"),
        (("cells", "t", 0, "a"), "string_type"), (("unknown",), "extra_forbidden")}
    assert info.value.error_count() == 8
    assert isinstance(info.value, ValueError)


def test_a_blank_count_is_not_zero_and_a_word_is_not_a_number():
    assert Leaf.model_validate({"count": None}).count is None
    with pytest.raises(ValidationError) as info:
        Leaf.model_validate({"count": "三"})
    assert info.value.errors()[0]["type"] == "int_parsing"
    with pytest.raises(ValidationError):
        Leaf.model_validate({"count": 2.5})


def test_the_constructor_checks_as_reading_does():
    with pytest.raises(ValidationError):
        Leaf(name=3)
    with pytest.raises(ValidationError):
        Leaf(nme="x")
    assert Tree(title="t", leaves=[{"name": "a"}]).leaves[0] == Leaf(name="a")


def test_post_validation_runs_after_reading():
    with pytest.raises(ValidationError) as info:
        Tree.model_validate({"title": "坏"})
    assert info.value.errors()[0]["type"] == "value_error"
    assert "标题不能是“坏”" in info.value.errors()[0]["msg"]


def test_extra_keys_ignored_or_kept_as_the_model_says():
    assert Loose.model_validate({"a": "1", "b": 2}).model_dump() == {"a": "1"}
    kept = Keeps.model_validate({"a": "1", "b": [2]})
    assert kept.model_dump() == {"a": "1", "b": [2]}


def test_a_damaged_part_falls_back_to_its_default_when_declared_so():
    assert Falls.model_validate({"inner": {"title": 5}}).inner.title == "默认"
    assert Falls.model_validate({"inner": {"title": "好"}}).inner.title == "好"


def test_dump_copy_and_equality():
    tree = Tree(title="t", leaves=[Leaf(name="a")], colour=Colour.BLUE)
    assert tree.model_dump()["colour"] is Colour.BLUE
    dumped = tree.model_dump(mode="json")
    assert dumped["colour"] == "蓝" and dumped["leaves"] == [{"name": "a", "count": None}]
    assert Tree.model_validate(dumped) == tree
    assert Tree.model_validate_json(tree.model_dump_json(indent=1)) == tree
    shallow = tree.model_copy(update={"title": "u"})
    assert shallow.title == "u" and tree.title == "t" and shallow.leaves is tree.leaves
    deep = tree.model_copy(deep=True)
    assert deep == tree and deep.leaves is not tree.leaves
    assert copy.deepcopy(tree) == tree
    assert tree != Tree(title="t")
    with pytest.raises(TypeError):
        hash(tree)


def test_defaults_are_fresh_per_record():
    a, b = Tree(title="a"), Tree(title="b")
    a.leaves.append(Leaf())
    assert b.leaves == []


def test_bad_json_is_a_validation_error():
    with pytest.raises(ValidationError) as info:
        Tree.model_validate_json("{")
    assert info.value.errors()[0]["type"] == "json_invalid"


# --- what the template schema and the indicator library use ------------------------------------------------
from typing import Annotated  # noqa: E402

from jixiao_desktop.model import FieldError, Tagged  # noqa: E402


class Text(Model):
    model_config = {"extra": "forbid", "frozen": True}
    type: Literal["text"]
    id: str = field(pattern=r"^[a-z]+$")
    lines: list[str] = field(default_factory=list, min_length=1, max_length=2)
    secret: str = field("", exclude=True)

    def model_post_validate(self) -> None:
        if "x" in self.lines:
            raise FieldError("lines", "不能写 x")


class Number(Model):
    model_config = {"extra": "forbid", "frozen": True}
    type: Literal["number", "count"]
    label: str = field(min_length=1)


class Page(Model):
    parts: list[Annotated[Text | Number, Tagged("type")]] = field(default_factory=list)


def test_a_tag_picks_the_record_and_the_places_carry_it():
    page = Page.model_validate({"parts": [{"type": "text", "id": "a", "lines": ["1"]}, {"type": "count", "label": "人"}]})
    assert [type(p) for p in page.parts] == [Text, Number]
    with pytest.raises(ValidationError) as info:
        Page.model_validate({"parts": [{"type": "text", "id": "A1", "lines": []}, {"type": "pie"}, {"label": "x"},
                                       {"type": "number", "label": ""}, 3]})
    got = {(tuple(e["loc"]), e["type"]) for e in info.value.errors()}
    assert got == {(("parts", 0, "text", "id"), "string_pattern_mismatch"),
                   (("parts", 0, "text", "lines"), "too_short"),
                   (("parts", 1), "union_tag_invalid"), (("parts", 2), "union_tag_not_found"),
                   (("parts", 3, "number", "label"), "string_too_short"), (("parts", 4), "model_attributes_type")}


def test_a_pattern_is_anchored_at_the_very_end():
    with pytest.raises(ValidationError):
        Text.model_validate({"type": "text", "id": "abc\n", "lines": ["1"]})


def test_a_check_after_reading_can_name_its_field():
    with pytest.raises(ValidationError) as info:
        Text.model_validate({"type": "text", "id": "a", "lines": ["x"]})
    error = info.value.errors()[0]
    assert error["loc"] == ("lines",) and "不能写 x" in error["msg"]


def test_frozen_records_refuse_changes_but_copy_with_updates_and_hash():
    text = Text.model_validate({"type": "text", "id": "a", "lines": ["1"], "secret": "s"})
    with pytest.raises(TypeError):
        text.id = "b"
    changed = text.model_copy(update={"id": "b"})
    assert changed.id == "b" and text.id == "a"
    assert hash(text) == hash(Text.model_validate({"type": "text", "id": "a", "lines": ["1"], "secret": "s"}))
    assert "secret" not in text.model_dump()


def test_a_literal_error_says_what_is_allowed():
    with pytest.raises(ValidationError) as info:
        Number.model_validate({"type": "num", "label": "x"})
    assert info.value.errors()[0]["ctx"]["expected"] == "'number' or 'count'"
