"""``NamedTuple`` for govlint's own record types, built without ``typing``'s or
``collections``' per-class compiling.

A cold ``govlint check`` builds about 85 record classes. ``typing.NamedTuple`` turns every
field's annotation, which ``from __future__ import annotations`` leaves as a string, into a
``ForwardRef`` and so compiles it (0.25-0.35 ms a class); :func:`collections.namedtuple`
compiles a ``__new__`` from source for every class (~0.08 ms, half of its cost). Here the
``__new__`` of each field count is compiled once and renamed per class (its arguments are
its first local names), and the other methods are shared: a record type costs about a third
of a ``namedtuple``. Type checkers see ``typing.NamedTuple`` itself; at run time a record
behaves as ``typing`` would make it (fields, defaults, ``_make``/``_replace``/``_asdict``,
repr, pickling, docstring, module and qualified name), with the annotations kept as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from types import CodeType, FunctionType

    try:
        from _collections import _tuplegetter as _field
    except ImportError:  # pragma: no cover - another Python implementation
        from operator import itemgetter

        def _field(index: int, doc: str) -> property:
            return property(itemgetter(index), doc=doc)

    # What typing refuses to let a class body override, and what it does not copy over.
    _PROHIBITED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make",
         "_replace", "_asdict", "_source"}
    )
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})
    _NEW_GLOBALS = {"_tuple_new": tuple.__new__, "__builtins__": {}}
    _constructors: dict[int, CodeType] = {}

    def _new_code(names: tuple[str, ...]) -> CodeType:
        args = "".join(f"{name}, " for name in names)
        outer = compile(f"lambda _cls, {args}: _tuple_new(_cls, ({args}))", "<record>", "eval")
        return next(c for c in outer.co_consts if isinstance(c, CodeType))

    def _constructor(fields: tuple[str, ...], typename: str, defaults: tuple[Any, ...]) -> FunctionType:
        """``__new__(cls, <fields>)``: the code of its field count, its arguments renamed."""
        code = _constructors.get(len(fields))
        if code is None:
            code = _constructors[len(fields)] = _new_code(tuple(f"f{i}" for i in range(len(fields))))
        try:
            code = code.replace(co_varnames=("_cls", *fields), co_name="__new__")
        except (TypeError, ValueError):  # an interpreter whose code cannot be renamed: compiled as named
            code = _new_code(fields)
        new = FunctionType(code, _NEW_GLOBALS, "__new__", defaults or None)
        new.__qualname__ = f"{typename}.__new__"
        return new

    @classmethod  # type: ignore[misc]
    def _make(cls: type, iterable: Any) -> Any:
        made = tuple.__new__(cls, iterable)
        if len(made) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(made)}")
        return made

    def _replace(self: Any, /, **changes: Any) -> Any:
        made = self._make(map(changes.pop, self._fields, self))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return made

    def _repr(self: Any) -> str:
        inner = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True))
        return f"{type(self).__name__}({inner})"

    def _asdict(self: Any) -> dict[str, Any]:
        return dict(zip(self._fields, self, strict=True))

    def _getnewargs(self: Any) -> tuple[Any, ...]:
        return tuple(self)

    _SHARED = {"_make": _make, "_replace": _replace, "__repr__": _repr, "_asdict": _asdict,
               "__getnewargs__": _getnewargs, "__slots__": ()}

    def _record(typename: str, ns: dict[str, Any]) -> type:
        annotations = ns.get("__annotations__", {})
        fields = tuple(annotations)
        if any(not name.isidentifier() or name.startswith("_") for name in fields):
            raise ValueError(f"{typename}: field names must be identifiers not starting with '_'")
        defaults = tuple(ns[name] for name in fields if name in ns)
        with_default = fields[len(fields) - len(defaults) :]
        if any(name not in ns for name in with_default):
            raise TypeError(f"{typename}: fields without a default cannot follow fields with one")
        body = dict(_SHARED)
        body.update(
            __doc__=f"{typename}({', '.join(fields)})", __module__=ns["__module__"], _fields=fields,
            _field_defaults=dict(zip(with_default, defaults, strict=True)), __match_args__=fields,
            __new__=_constructor(fields, typename, defaults),
        )
        body.update((name, _field(i, f"Alias for field number {i}")) for i, name in enumerate(fields))
        cls = type(typename, (tuple,), body)
        cls.__annotations__ = dict(annotations)
        for key, value in ns.items():
            if key in _PROHIBITED:
                raise AttributeError(f"{typename}: cannot overwrite NamedTuple attribute {key}")
            if key not in _SPECIAL and key not in fields:
                setattr(cls, key, value)
        return cls

    class _RecordMeta(type):
        def __new__(mcls, typename: str, bases: tuple[type, ...], ns: dict[str, Any]) -> type:
            if not bases:  # NamedTuple itself
                return super().__new__(mcls, typename, bases, ns)
            if bases != (NamedTuple,):
                raise TypeError(f"{typename}: a record type derives from NamedTuple alone")
            return _record(typename, ns)

    class NamedTuple(metaclass=_RecordMeta):
        """Derive a record type from this, as from ``typing.NamedTuple``."""
