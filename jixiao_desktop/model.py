"""Typed records for documents, templates, settings and the indicator library: declared fields with
Chinese titles, checked when read.

Why not pydantic: the program must paint its first window fast, and importing pydantic and building the
validators of every form and of the template schema cost ≈ 120 ms of the first paint (the largest seed form
and the largest template document alike, measured old against new in the same run), where a bare Qt window
paints in ≈ 130–150 ms (``jixiao bench``: start_ratio). What these
records need is small, and is here in plain Python:

- fields are declared as class annotations with :func:`field` (title, default or default factory,
  ``ge``/``le`` bounds, lengths, a text's ``pattern``, ``on_error="default"`` for a setting that falls
  back rather than fails, ``exclude`` for a value the program sets);
- ``Model(**data)`` and :meth:`Model.model_validate` check every value against its annotation
  (``str``, ``int``, ``bool``, ``float``, ``None``, unions, ``Literal``, ``Enum``, nested models,
  ``list[...]``, ``dict[str, ...]``, unions told apart by a tag: :class:`Tagged`), turn nested dicts
  into models and report every problem at once in a :class:`ValidationError` whose ``errors()`` give
  the place (``loc``) and a kind (``type``) — pydantic's kinds, which the Chinese messages translate
  (each type's reader is in :mod:`jixiao_desktop.model_types`);
- unknown keys are refused (``extra="forbid"``), ignored or kept (``model_config``); ``frozen`` records
  cannot be changed (a template);
- ``model_dump`` (``mode="json"`` gives enum values), ``model_dump_json``, ``model_copy``
  (``update``, ``deep``) and ``model_fields`` (each with its ``title``) as the code uses them;
- ``model_post_validate`` runs after a record is read (a check over several fields; raise ValueError,
  or :class:`FieldError` to name the field).
"""

from __future__ import annotations

import copy
import json
import re
import sys
from enum import Enum
from typing import Any, ClassVar, Literal

from jixiao_desktop import model_types

_MISSING: Any = object()
BAD: Any = object()   # a value that failed; its error is already recorded


class ValidationError(ValueError):
    """Every problem found in reading one model, each with its place (``loc``) and kind (``type``)."""

    def __init__(self, title: str, errors: list[dict]):
        self.title = title
        self._errors = errors
        first = errors[0] if errors else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        super().__init__(f"{len(errors)} validation error(s) for {title}: {where} {first.get('msg', '')}".strip())

    def errors(self) -> list[dict]:
        return list(self._errors)

    def error_count(self) -> int:
        return len(self._errors)


class FieldInfo:
    """One declared field: its title and default (``required`` when it has none)."""

    __slots__ = ("name", "title", "default", "default_factory", "ge", "le", "min_length", "max_length", "pattern",
                 "on_error", "exclude", "owner")

    def __init__(self, default=_MISSING, *, default_factory=None, title: str = "", ge=None, le=None,
                 min_length: int | None = None, max_length: int | None = None, pattern: str | None = None,
                 on_error: Literal["fail", "default"] = "fail", exclude: bool = False):
        self.name = ""
        self.exclude = exclude   # not written by model_dump (a value the program sets, not the file)
        self.title = title
        self.default = default
        self.default_factory = default_factory
        self.ge, self.le = ge, le
        self.min_length, self.max_length = min_length, max_length
        # anchored as pydantic anchors it: "$" is the very end (Python's would allow a final newline)
        self.pattern = re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern) if pattern else None
        self.on_error = on_error
        self.owner: type | None = None

    @property
    def required(self) -> bool:
        return self.default is _MISSING and self.default_factory is None

    def make_default(self):
        if self.default_factory is not None:
            return self.default_factory()
        # a plain list/dict default (``tags: list[str] = []``) is copied, as pydantic does: never shared
        return copy.deepcopy(self.default) if isinstance(self.default, (list, dict, set)) else self.default

    @property
    def annotation(self):
        """The field's type, resolved (the declarations are strings under ``from __future__ import annotations``)."""
        return _hints(self.owner)[self.name]

    def __repr__(self) -> str:
        return f"FieldInfo(name={self.name!r}, title={self.title!r})"


def field(default=_MISSING, *, default_factory=None, title: str = "", ge=None, le=None,
          min_length: int | None = None, max_length: int | None = None, pattern: str | None = None,
          on_error: Literal["fail", "default"] = "fail", exclude: bool = False) -> Any:
    """Declare a field: ``name: str = field("", title="项目名称")``; bounds (``ge``/``le``), lengths of a text or a
    list, a text's ``pattern``; ``on_error="default"``: a value that fails gives the default instead; ``exclude``:
    not written by ``model_dump``."""
    return FieldInfo(default, default_factory=default_factory, title=title, ge=ge, le=le, min_length=min_length,
                     max_length=max_length, pattern=pattern, on_error=on_error, exclude=exclude)


class Tagged:
    """``Annotated[A | B | C, Tagged("type")]``: a union told apart by one field's literal value (the tag)."""

    def __init__(self, key: str):
        self.key = key


class FieldError(ValueError):
    """Raised by ``model_post_validate`` for a problem of one field: the error's place names the field."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


class Model:
    """Base of the document and settings records (see the module's docstring)."""

    model_config: ClassVar[dict] = {"extra": "forbid"}
    model_fields: ClassVar[dict[str, FieldInfo]] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        fields: dict[str, FieldInfo] = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(base.__dict__.get("model_fields", {}))
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if "ClassVar" in str(annotation):
                continue
            value = cls.__dict__.get(name, _MISSING)
            info = value if isinstance(value, FieldInfo) else FieldInfo(value)
            info.name, info.owner = name, cls
            fields[name] = info
            if isinstance(value, FieldInfo):   # the class keeps plain defaults only, as a model class
                delattr(cls, name)
        cls.model_fields = fields
        cls._validators = None
        if cls.model_config.get("frozen"):
            cls.__setattr__ = _frozen_setattr
            cls.__hash__ = _frozen_hash

    def __init__(self, **data):
        errors: list[dict] = []
        try:
            values = _read_fields(type(self), data, (), errors)
        except RecursionError:   # nested deeper than Python's stack (a damaged file): refused, not a crash
            errors = [_too_deep(data)]
        if errors:
            raise ValidationError(type(self).__name__, errors)
        self.__dict__.update(values)
        try:
            self.model_post_validate()
        except ValueError as exc:
            raise ValidationError(type(self).__name__, [_value_error(exc, (), data)]) from None

    # --- reading --------------------------------------------------------------------------------
    @classmethod
    def model_validate(cls, obj):
        """``obj`` (a dict, or a model of this class) read as this model; ValidationError lists every problem."""
        if isinstance(obj, cls):
            return obj
        errors: list[dict] = []
        try:
            model = _read_model(cls, obj, (), errors)
        except RecursionError:
            errors = [_too_deep(obj)]
        if errors:
            raise ValidationError(cls.__name__, errors)
        return model

    @classmethod
    def model_validate_json(cls, text: str | bytes):
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ValidationError(cls.__name__, [{"loc": (), "msg": f"Invalid JSON: {exc}", "type": "json_invalid",
                                                  "input": text}]) from None
        return cls.model_validate(data)

    def model_post_validate(self) -> None:
        """A check over several fields after the model is read; raise ValueError with the reason."""

    # --- writing --------------------------------------------------------------------------------
    def model_dump(self, *, mode: Literal["python", "json"] = "python") -> dict:
        json_mode = mode == "json"
        out = {name: _dump(getattr(self, name), json_mode) for name, info in type(self).model_fields.items()
               if not info.exclude}
        extra = self.__dict__.get("__extra__")
        if extra:
            out.update(copy.deepcopy(extra))
        return out

    def model_dump_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=indent)

    def model_copy(self, *, update: dict | None = None, deep: bool = False):
        """A copy (nested values shared unless ``deep``), with ``update``'s fields set as given."""
        clone = copy.deepcopy(self) if deep else copy.copy(self)
        if update:
            clone.__dict__.update(update)
        return clone

    def __copy__(self):
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        return clone

    def __eq__(self, other) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None   # type: ignore[assignment]  # mutable, as a document is

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name, None)!r}" for name in type(self).model_fields)
        return f"{type(self).__name__}({inner})"


# --- reading, by type ---------------------------------------------------------------------------------
def _hints(cls: type) -> dict[str, Any]:
    cached = cls.__dict__.get("_resolved_hints")
    if cached is None:
        hints: dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            own = klass.__dict__.get("__annotations__", {})
            if not own or not issubclass(klass, Model):
                continue
            module = sys.modules.get(klass.__module__)
            namespace = dict(vars(module)) if module else {}
            namespace.setdefault(klass.__name__, klass)
            for name, annotation in own.items():
                if name in klass.__dict__.get("model_fields", {}):
                    hints[name] = eval(annotation, namespace) if isinstance(annotation, str) else annotation
        cls._resolved_hints = cached = hints
    return cached


def _plan(cls: type) -> list:
    plan = cls.__dict__.get("_validators")
    if plan is None:
        hints = _hints(cls)
        plan = [(name, info, model_types.reader(hints[name])) for name, info in cls.model_fields.items()]
        cls._validators = plan
    return plan


def _read_model(cls: type, obj, loc: tuple, errors: list[dict]):
    if isinstance(obj, cls):
        return obj
    if not isinstance(obj, dict):
        errors.append({"loc": loc, "msg": f"Input should be a valid dictionary or instance of {cls.__name__}",
                       "type": "model_type", "input": obj})
        return BAD
    before = len(errors)
    values = _read_fields(cls, obj, loc, errors)
    if len(errors) > before:
        return BAD
    model = object.__new__(cls)
    model.__dict__.update(values)
    try:
        model.model_post_validate()
    except ValueError as exc:
        errors.append(_value_error(exc, loc, obj))
        return BAD
    return model


_READERS: dict = {}


def validate_as(annotation, data, title: str = ""):
    """``data`` read as ``annotation`` (a union told apart by a tag, say); ValidationError lists every problem."""
    read = _READERS.get(annotation)
    if read is None:
        from jixiao_desktop.model_types import reader

        read = _READERS[annotation] = reader(annotation)
    errors: list[dict] = []
    try:
        value = read(data, (), errors)
    except RecursionError:
        errors = [_too_deep(data)]
    if errors:
        raise ValidationError(title or str(annotation), errors)
    return value


def _too_deep(value) -> dict:
    return {"loc": (), "msg": "Recursion error - nested too deeply", "type": "recursion_loop", "input": value}


def _value_error(exc: ValueError, loc: tuple, value) -> dict:
    where = (*loc, exc.name) if isinstance(exc, FieldError) else loc
    return {"loc": where, "msg": f"Value error, {exc}", "type": "value_error", "input": value}


def _frozen_setattr(self, name, value):
    raise TypeError(f"{type(self).__name__} is frozen: {name} cannot be set")


def _frozen_hash(self):
    return hash((type(self), *(_hashable(v) for v in self.__dict__.values())))


def _hashable(value):
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):   # equal dicts in another order are equal: their hash must be too
        return frozenset((k, _hashable(v)) for k, v in value.items())
    return value


def _read_fields(cls: type, data: dict, loc: tuple, errors: list[dict]) -> dict:
    values: dict[str, Any] = {}
    for name, info, read in _plan(cls):
        if name in data:
            before = len(errors)
            value = read(data[name], (*loc, name), errors)
            if value is not BAD:
                value = _bounds(info, value, (*loc, name), errors)
            if value is BAD and info.on_error == "default":
                del errors[before:]
                value = info.make_default()
            values[name] = value
        elif info.required:
            errors.append({"loc": (*loc, name), "msg": "Field required", "type": "missing", "input": data})
        else:
            values[name] = info.make_default()
    extra = cls.model_config.get("extra", "forbid")
    unknown = [key for key in data if key not in cls.model_fields]
    if unknown and extra == "forbid":
        for key in unknown:
            errors.append({"loc": (*loc, key), "msg": "Extra inputs are not permitted", "type": "extra_forbidden",
                           "input": data[key]})
    elif unknown and extra == "allow":
        values["__extra__"] = {key: data[key] for key in unknown}
    return values


def _bounds(info: FieldInfo, value, loc: tuple, errors: list[dict]):
    if value is None:
        return value
    if info.pattern is not None and isinstance(value, str) and not info.pattern.search(value):
        errors.append({"loc": loc, "msg": f"String should match pattern '{info.pattern.pattern}'",
                       "type": "string_pattern_mismatch", "input": value})
        return BAD
    if info.min_length is not None or info.max_length is not None:
        size, text = len(value), isinstance(value, str)
        what, unit = ("String", "character(s)") if text else ("List", "item(s)")
        if info.min_length is not None and size < info.min_length:
            errors.append({"loc": loc, "msg": f"{what} should have at least {info.min_length} {unit}",
                           "type": "string_too_short" if text else "too_short", "input": value})
            return BAD
        if info.max_length is not None and size > info.max_length:
            errors.append({"loc": loc, "msg": f"{what} should have at most {info.max_length} {unit}",
                           "type": "string_too_long" if text else "too_long", "input": value})
            return BAD
    if info.ge is not None and value < info.ge:
        errors.append({"loc": loc, "msg": f"Input should be greater than or equal to {info.ge}",
                       "type": "greater_than_equal", "input": value})
        return BAD
    if info.le is not None and value > info.le:
        errors.append({"loc": loc, "msg": f"Input should be less than or equal to {info.le}",
                       "type": "less_than_equal", "input": value})
        return BAD
    return value


# --- writing ------------------------------------------------------------------------------------------
def _dump(value, json_mode: bool):
    if isinstance(value, Model):
        return value.model_dump(mode="json" if json_mode else "python")
    if isinstance(value, list):
        return [_dump(item, json_mode) for item in value]
    if isinstance(value, dict):
        return {key: _dump(item, json_mode) for key, item in value.items()}
    if json_mode and isinstance(value, Enum):
        return value.value
    return value
