"""``NamedTuple`` for govlint's own record types, built without ``typing``'s annotation checks.

A cold ``govlint check`` builds about 80 record classes. ``typing.NamedTuple`` turns every
field's annotation, which ``from __future__ import annotations`` leaves as a string, into a
``ForwardRef`` and so compiles it: 0.25-0.35 ms a class, 20-30 ms of every start-up, for
checks nothing at run time needs. Type checkers see ``typing.NamedTuple`` itself; at run time
the class is made by :func:`collections.namedtuple` exactly as ``typing`` would make it (same
fields, defaults, methods, docstring, module and qualified name), with the annotations kept
as written.
"""

from __future__ import annotations

from collections import namedtuple
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # What typing refuses to let a class body override, and what it does not copy over.
    _PROHIBITED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make",
         "_replace", "_asdict", "_source"}
    )
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})

    class _RecordMeta(type):
        def __new__(mcls, typename: str, bases: tuple[type, ...], ns: dict[str, Any]) -> type:
            if not bases:  # NamedTuple itself
                return super().__new__(mcls, typename, bases, ns)
            if bases != (NamedTuple,):
                raise TypeError(f"{typename}: a record type derives from NamedTuple alone")
            annotations = ns.get("__annotations__", {})
            names = list(annotations)
            defaults = [ns[name] for name in names if name in ns]
            if any(name not in ns for name in names[len(names) - len(defaults) :]):
                raise TypeError(f"{typename}: fields without a default cannot follow fields with one")
            cls = namedtuple(typename, names, defaults=defaults, module=ns["__module__"])
            cls.__annotations__ = dict(annotations)
            for key, value in ns.items():
                if key in _PROHIBITED:
                    raise AttributeError(f"{typename}: cannot overwrite NamedTuple attribute {key}")
                if key not in _SPECIAL and key not in cls._fields:
                    setattr(cls, key, value)
            return cls

    class NamedTuple(metaclass=_RecordMeta):
        """Derive a record type from this, as from ``typing.NamedTuple``."""
