"""Dataclasses to plain JSON data and back, driven by their type hints.

Used for data the tool keeps for itself (the compiled checklist cache), so that
a model's shape is written once, in its dataclass. Decoders are built once per
class and reused: the cache is read at every start-up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import reprlib
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")
Decoder = Callable[[Any], Any]


def _equal(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    # Tuples, as a dataclass compares them: the same object is equal to itself, even a NaN.
    mine = tuple(getattr(self, f.name) for f in dataclasses.fields(self) if f.compare)
    return mine == tuple(getattr(other, f.name) for f in dataclasses.fields(other) if f.compare)


@reprlib.recursive_repr()
def _shown(self: Any) -> str:
    shown = (f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self) if f.repr)
    return f"{self.__class__.__qualname__}({', '.join(shown)})"


@typing.dataclass_transform(field_specifiers=(dataclasses.field,))
def slim_dataclass(cls: type[T]) -> type[T]:
    """`@dataclass`, with its `==` and `repr` written once here instead of compiled for each class.

    `@dataclass` compiles an `__init__`, a `__repr__` and an `__eq__` for every class while
    its module is imported, and Python 3.11 compiles each apart: the model's forty-odd
    classes, loaded by every command, spent most of their import time there. A slim one
    compiles only its `__init__`; it compares and shows itself as a dataclass does
    (fields with `compare=False` or `repr=False` left out), and is not hashable, as a
    dataclass that compares is not.
    """
    if "__eq__" not in cls.__dict__:
        cls.__eq__ = _equal  # type: ignore[method-assign]
        cls.__hash__ = None  # type: ignore[assignment]
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = _shown  # type: ignore[method-assign]
    return dataclasses.dataclass(repr=False, eq=False)(cls)


_DECODERS: dict[Any, Decoder] = {}


def to_data(record: Any) -> dict[str, Any]:
    data: dict[str, Any] = dataclasses.asdict(record)
    return data


def from_data(cls: type[T], data: Any) -> T:
    """An instance of dataclass `cls` from `to_data`'s output; TypeError or KeyError when it does not fit."""
    result: T = _decoder(cls)(data)
    return result


def _identity(value: Any) -> Any:
    return value


def _decoder(hint: Any) -> Decoder:
    known = _DECODERS.get(hint)
    if known is None:
        known = _DECODERS[hint] = _make(hint)
    return known


def _make(hint: Any) -> Decoder:
    origin = typing.get_origin(hint)
    if hint is Any or origin is typing.Literal or hint in (str, int, float, bool):
        return _identity
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _decoder(options[0]) if len(options) == 1 else _identity

        def optional(value: Any) -> Any:
            return None if value is None else inner(value)

        return optional
    if origin in (tuple, list):
        item = _decoder(typing.get_args(hint)[0])
        build = tuple if origin is tuple else list

        def sequence(value: Any) -> Any:
            if not isinstance(value, list):
                raise TypeError(f"expected a list, not {type(value).__name__}")
            return build(item(v) for v in value)

        return sequence
    if origin in (dict, Mapping):
        return dict
    if dataclasses.is_dataclass(hint):
        return _record_decoder(hint)
    raise TypeError(f"no decoder for {hint!r}")


def _record_decoder(cls: Any) -> Decoder:
    # Put in the table before the fields are resolved: a record may contain itself (Question.fields).
    fields: list[tuple[str, Decoder]] = []

    def record(value: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected a mapping for {cls.__name__}")
        if not fields:  # resolved on first use, when every class the hints name exists
            hints = typing.get_type_hints(cls)
            fields.extend((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls) if f.init)
        return cls(**{name: decode(value[name]) for name, decode in fields if decode is not None and name in value})

    _DECODERS[cls] = record
    return record


def json_ready(value: Any) -> Any:
    """Plain data with dates as ISO strings, for JSON output."""
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_ready(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
