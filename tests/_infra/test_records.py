"""govlint's run-time NamedTuple builds the same classes as typing.NamedTuple."""

from __future__ import annotations

import pickle
import typing

import pytest

from govlint._infra.records import NamedTuple
from govlint.model import Span


class Fast(NamedTuple):
    """A record with a default and a method."""

    name: str
    count: int = 0

    def doubled(self) -> int:
        return self.count * 2


class Slow(typing.NamedTuple):
    """A record with a default and a method."""

    name: str
    count: int = 0

    def doubled(self) -> int:
        return self.count * 2


def test_same_shape_as_typing_namedtuple() -> None:
    for cls in (Fast, Slow):
        r = cls("a", 3)
        assert r == ("a", 3) and r.doubled() == 6 and cls("b") == ("b", 0)
        assert cls._fields == ("name", "count") and cls._field_defaults == {"count": 0}
        assert r._replace(count=1) == ("a", 1) and cls._make(["c", 2]) == ("c", 2)
        assert cls.__doc__ == "A record with a default and a method."
        assert cls.__module__ == __name__ and isinstance(r, tuple)
        assert list(cls.__annotations__) == ["name", "count"]
    assert Fast.__qualname__ == "Fast"


def test_records_pickle_and_repr_like_namedtuples() -> None:
    span = Span(1, 2)
    assert pickle.loads(pickle.dumps(span)) == span and repr(span) == "Span(start=1, end=2)"


def test_what_typing_refuses_is_refused() -> None:
    with pytest.raises(TypeError):

        class Bad(NamedTuple):
            a: int = 0
            b: int

    with pytest.raises(AttributeError):

        class Clash(NamedTuple):
            a: int

            def _replace(self) -> None: ...


def test_records_behave_as_namedtuples_beyond_the_basics() -> None:
    for cls in (Fast, Slow):
        r = cls("a", 3)
        assert r._asdict() == {"name": "a", "count": 3} and cls.__match_args__ == ("name", "count")
        assert cls(count=2, name="b") == ("b", 2) and r.name == "a" and r[1] == 3
        with pytest.raises(TypeError):
            cls._make(["only one"])
        with pytest.raises(ValueError):
            r._replace(missing=1)
        with pytest.raises(TypeError):
            cls()
    assert repr(Fast("a", 3)) == repr(Slow("a", 3)).replace("Slow", "Fast")
    assert pickle.loads(pickle.dumps(Fast("a", 3))) == Fast("a", 3)


def test_a_constructor_that_cannot_be_renamed_is_compiled_with_its_names(monkeypatch: pytest.MonkeyPatch) -> None:
    from govlint._infra import records

    class Stubborn:
        def replace(self, **_: object) -> None:
            raise TypeError("this interpreter renames nothing")

    monkeypatch.setitem(records._constructors, 2, Stubborn())  # type: ignore[attr-defined]
    new = records._constructor(("start", "end"), "Pair", (0,))  # type: ignore[attr-defined]
    assert new(tuple, end=2, start=1) == (1, 2) and new(tuple, 5) == (5, 0)
