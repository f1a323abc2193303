"""How each declared type of a :mod:`jixiao_desktop.model` field is read: one function per type, made
once per field (the class's plan, built on first use) and called for every value: (value, loc, errors) ->
the value read, or ``model.BAD`` with the problem appended to ``errors`` in pydantic's kinds and places."""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Any, Literal, Union

from jixiao_desktop import model   # (each imports the other; both use the other's names only when called)


def _fail(errors: list[dict], loc: tuple, kind: str, msg: str, value) -> Any:
    errors.append({"loc": loc, "msg": msg, "type": kind, "input": value})
    return model.BAD


def reader(annotation):
    """A function (value, loc, errors) -> value or model.BAD for one declared type."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        tagged = next((m for m in annotation.__metadata__ if isinstance(m, model.Tagged)), None)
        if tagged is not None:
            return _tagged_reader(typing.get_args(annotation)[0], tagged.key)
        return reader(annotation.__origin__)
    if annotation is Any:
        return lambda value, loc, errors: value
    if annotation is str:
        return lambda value, loc, errors: (value if isinstance(value, str) else
                                           _fail(errors, loc, "string_type", "Input should be a valid string", value))
    if annotation is bool:
        return _read_bool
    if annotation is int:
        return _read_int
    if annotation is float:
        return _read_float
    if annotation is type(None):
        return lambda value, loc, errors: (
            None if value is None else _fail(errors, loc, "none_required", "Input should be None", value))
    if isinstance(annotation, type) and issubclass(annotation, model.Model):
        return lambda value, loc, errors: model._read_model(annotation, value, loc, errors)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _enum_reader(annotation)
    if origin is Literal:
        allowed = typing.get_args(annotation)
        expected = ", ".join(map(repr, allowed[:-1])) + (" or " if len(allowed) > 1 else "") + repr(allowed[-1])

        def read_literal(value, loc, errors):
            if any(value == a and type(value) is type(a) for a in allowed):
                return value
            errors.append({"loc": loc, "msg": f"Input should be {expected}", "type": "literal_error", "input": value,
                           "ctx": {"expected": expected}})
            return model.BAD
        return read_literal
    if origin in (Union, types.UnionType):
        return _union_reader(typing.get_args(annotation))
    if origin is list:
        (item_type,) = typing.get_args(annotation) or (Any,)
        return _list_reader(reader(item_type))
    if origin is dict:
        key_type, value_type = typing.get_args(annotation) or (Any, Any)
        return _dict_reader(reader(key_type), reader(value_type))
    raise TypeError(f"jixiao_desktop.model: unsupported field type {annotation!r}")


def _read_bool(value, loc, errors):
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0", "yes", "no", "on", "off"):
        return value.strip().lower() in ("true", "1", "yes", "on")
    return _fail(errors, loc, "bool_type", "Input should be a valid boolean", value)


def _read_int(value, loc, errors):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return _fail(errors, loc, "int_parsing", "Input should be a valid integer", value)
    return _fail(errors, loc, "int_type", "Input should be a valid integer", value)


def _read_float(value, loc, errors):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            pass
    return _fail(errors, loc, "float_type", "Input should be a valid number", value)


def _enum_reader(enum: type[Enum]):
    def read(value, loc, errors):
        if isinstance(value, enum):
            return value
        try:
            return enum(value)
        except ValueError:
            allowed = " or ".join(repr(m.value) for m in enum)
            return _fail(errors, loc, "enum", f"Input should be {allowed}", value)
    return read


def _union_reader(options: tuple):
    readers = [reader(option) for option in options]
    none_allowed = type(None) in options

    def read(value, loc, errors):
        if value is None and none_allowed:
            return None
        tried: list[dict] = []
        for reader in readers:
            attempt: list[dict] = []
            result = reader(value, loc, attempt)
            if not attempt:
                return result
            tried.extend(attempt)
        errors.extend(e for e in tried if e["type"] != "none_required")
        return model.BAD
    return read


def _tagged_reader(union, key: str):
    """A union told apart by ``key``: the tag picks the model; its errors' places carry the tag, as pydantic's do."""
    readers: dict = {}
    for option in typing.get_args(union):
        for tag in typing.get_args(model._hints(option)[key]):
            readers[tag] = reader(option)
    expected = ", ".join(repr(t) for t in readers)

    def read(value, loc, errors):
        if not isinstance(value, dict):
            if isinstance(value, model.Model) and getattr(value, key, None) in readers:
                return value
            return _fail(errors, loc, "model_attributes_type",
                         "Input should be a valid dictionary or object to extract fields from", value)
        if key not in value:
            return _fail(errors, loc, "union_tag_not_found", f"Unable to extract tag using discriminator '{key}'",
                         value)
        tag = value[key]
        chosen = readers.get(tag) if isinstance(tag, str) else None
        if chosen is None:
            errors.append({"loc": loc, "msg": f"Input tag {tag!r} found using '{key}' does not match any of the "
                           f"expected tags: {expected}", "type": "union_tag_invalid", "input": value,
                           "ctx": {"discriminator": f"'{key}'", "tag": str(tag), "expected_tags": expected}})
            return model.BAD
        return chosen(value, (*loc, tag), errors)
    return read


def _list_reader(read_item):
    def read(value, loc, errors):
        if not isinstance(value, (list, tuple)):
            return _fail(errors, loc, "list_type", "Input should be a valid list", value)
        before = len(errors)
        out = [read_item(item, (*loc, i), errors) for i, item in enumerate(value)]
        return model.BAD if len(errors) > before else out
    return read


def _dict_reader(read_key, read_value):
    def read(value, loc, errors):
        if not isinstance(value, dict):
            return _fail(errors, loc, "dict_type", "Input should be a valid dictionary", value)
        before = len(errors)
        out = {read_key(k, (*loc, k), errors): read_value(v, (*loc, k), errors) for k, v in value.items()}
        return model.BAD if len(errors) > before else out
    return read
