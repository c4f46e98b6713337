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

from govlint._infra.memo import disk_memo

#: Entries kept at most: packs add patterns, but not without bound.
LIMIT = 4096

#: Most strings a prefilter tests for: past that, one search by the pattern itself is cheaper.
MAX_NEEDED = 4

_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...], tuple[str, ...]]
_ready: dict[tuple[str, int], re.Pattern[str]] = {}  # this process's, as re's own cache would be
#: By a compiled pattern's source and final flags: strings one of which every match holds.
_needed: dict[tuple[str, int], tuple[str, ...]] = {}
_usable = sys.implementation.name == "cpython"


def _build() -> str:
    """The interpreter build, and the engine's own version of its opcodes: what a compiled
    program depends on."""
    import _sre  # type: ignore[import-not-found]

    return f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-2"  # 2: entries hold what is needed


_programs = disk_memo("regex", _build, LIMIT)


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
    final_flags, code, groups, groupindex, indexgroup, needed = entry
    compiled: re.Pattern[str] = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
    if needed:
        _needed[pattern, compiled.flags] = needed
    return compiled


def needed(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings one of which is in every match of ``pattern`` (a pattern from :func:`compile`),
    or ``()`` when no short list is known. A text holding none of them cannot match, and
    ``in`` finds that far faster than the pattern: most of govlint's patterns begin with a
    look-behind or an alternation, which the engine tries at every position of the text."""
    return _needed.get((pattern.pattern, pattern.flags), ())


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False when ``text`` holds none of what every match of ``pattern`` needs."""
    needs = needed(pattern)
    return not needs or any(s in text for s in needs)


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
    final = flags | state.flags
    needs = () if final & re.IGNORECASE else _best(_requirements(parsed, _parser))
    return final, code, state.groups - 1, dict(state.groupdict), tuple(indexgroup), needs


def _requirements(sequence: Any, ops: Any) -> list[frozenset[str]]:
    """Sets of strings of which every match of the parsed ``sequence`` holds one: each run
    of literal characters, and what a group, a repeat taken at least once, an alternation
    (a set from every branch) or a small class of characters requires."""
    found: list[frozenset[str]] = []
    run = ""
    for op, av in sequence:
        if op is ops.LITERAL:
            run += chr(av)
            continue
        if run:
            found.append(frozenset([run]))
            run = ""
        inner: list[frozenset[str]] = []
        if op is ops.SUBPATTERN and not av[1] & re.IGNORECASE:  # (group, add, del, sequence)
            inner = _requirements(av[3], ops)
        elif op in (ops.MAX_REPEAT, ops.MIN_REPEAT, getattr(ops, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            inner = _requirements(av[2], ops)
        elif op is getattr(ops, "ATOMIC_GROUP", None):  # Python 3.11 and later
            inner = _requirements(av, ops)
        elif op is ops.BRANCH:
            branches = [_best(_requirements(branch, ops)) for branch in av[1]]
            if all(branches):
                inner = [frozenset(s for b in branches for s in b)]
        elif op is ops.IN and all(item_op is ops.LITERAL for item_op, _ in av):
            inner = [frozenset(chr(c) for _, c in av)]
        found.extend(r for r in inner if len(r) <= MAX_NEEDED)
    if run:
        found.append(frozenset([run]))
    return found


def _best(candidates: list[frozenset[str]]) -> tuple[str, ...]:
    """The candidate a text is least likely to hold: fewest strings, then the longest."""
    if not candidates:
        return ()
    best = max(candidates, key=lambda c: (-len(c), min(map(len, c))))
    return tuple(sorted(best))
