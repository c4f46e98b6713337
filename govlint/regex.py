"""Regular expressions compiled once per machine, not once per process.

Compiling govlint's ~100 patterns costs 35-60 ms of a cold ``govlint check``: nearly all of
it in :mod:`re`'s Python-level compiler turning character classes full of Chinese
punctuation into bitmaps. The compiled program is plain data (a list of integers), so it is
kept in a start-up memo next to the parsed packs and handed straight to the C engine the
next time, which validates it before use.

That hand-over is CPython's internal interface (``re._parser``, ``re._compiler``, ``_sre``):
the memo is keyed by the exact interpreter build, and at the first sign that the interface
differs, this module falls back to :func:`re.compile` for good. Caching never changes a
match, only how fast a pattern is ready.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from govlint.stored import Stored, folder

#: Entries kept at most: packs add patterns, but not without bound.
LIMIT = 4096

_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_ready: dict[tuple[str, int], re.Pattern[str]] = {}  # this process's, as re's own cache would be
_usable = sys.implementation.name == "cpython"


def _path() -> str:
    import _sre  # type: ignore[import-not-found]
    import os

    # The interpreter build, and the engine's own version of its opcodes.
    build = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}"
    return os.path.join(folder("regex"), f"{build}.marshal")


_programs = Stored(_path, LIMIT)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """:func:`re.compile`, with the compiled program remembered across processes."""
    global _usable
    if not _usable:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    ready = _ready.get(key)
    if ready is None:
        try:
            ready = _ready[key] = _compiled(*key)
        except re.error:
            raise
        except Exception:  # the internal interface (or the stored memo) is not what we expect
            _usable = False
            _programs.forget()
            return re.compile(pattern, flags)
    return ready


def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    import _sre

    entry: _Entry | None = _programs.get((pattern, flags))
    if entry is None:
        entry = _program(pattern, flags)
        _programs.add((pattern, flags), entry)
    final_flags, code, groups, groupindex, indexgroup = entry
    compiled: re.Pattern[str] = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
    return compiled


def _program(pattern: str, flags: int) -> _Entry:
    """What ``re._compiler.compile`` hands to the C engine, as plain data."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10 names them sre_compile and sre_parse
        import sre_compile as _compiler
        import sre_parse as _parser

    parsed: Any = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    state = parsed.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return flags | state.flags, code, state.groups - 1, dict(state.groupdict), tuple(indexgroup)
