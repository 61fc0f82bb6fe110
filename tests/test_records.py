"""`slim_dataclass` (core/records.py): a dataclass in all but the functions it compiles at import."""

from __future__ import annotations

from typing import Any

import pytest


def test_a_slim_dataclass_compares_and_shows_itself_as_a_dataclass_does() -> None:
    import dataclasses

    from coopwizard.core.records import slim_dataclass

    def declare(decorate: Any) -> Any:
        @decorate
        class Entry:
            """An entry."""

            name: str
            items: list[int] = dataclasses.field(default_factory=list)
            origin: str = dataclasses.field(default="", compare=False, repr=False)

        return Entry

    slim, full = declare(slim_dataclass), declare(dataclasses.dataclass)
    for args in [("a",), ("a", [1]), ("a", [1], "x"), ("b", [], "x")]:
        assert repr(slim(*args)) == repr(full(*args))
        for other in [("a",), ("a", [1], "y"), ("b", [])]:
            assert (slim(*args) == slim(*other)) == (full(*args) == full(*other))
    assert slim("a") != full("a") and slim("a").__eq__(1) is NotImplemented
    with pytest.raises(TypeError):
        hash(slim("a"))
    assert dataclasses.fields(slim)[0].name == "name"


def test_a_slim_dataclass_keeps_its_own_comparison_and_repr() -> None:
    from coopwizard.core.records import slim_dataclass

    @slim_dataclass
    class Loose:
        """Equal to any other."""

        name: str

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Loose)

        def __repr__(self) -> str:
            return "Loose!"

    assert Loose("a") == Loose("b") and repr(Loose("a")) == "Loose!"


def test_a_slim_dataclass_is_equal_to_itself_and_shows_a_cycle_once() -> None:
    import dataclasses

    from coopwizard.core.records import slim_dataclass

    @slim_dataclass
    class Amount:
        """A value."""

        value: float
        items: list[Any] = dataclasses.field(default_factory=list)

    nan = Amount(float("nan"))
    assert nan == nan  # the same object, as a dataclass compares its fields' tuples
    looped = Amount(1.0)
    looped.items.append(looped)
    assert repr(looped).endswith(".Amount(value=1.0, items=[...])")  # the qualified name, as a dataclass says it
