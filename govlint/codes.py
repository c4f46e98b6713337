"""The codes govlint knows, and the closest one to a code it does not.

A selector (``select``, ``ignore``, ``severity`` and ``per-file`` in a configuration,
``--select``/``--ignore``, the codes of a suppression comment) names a code or a prefix of
one. Known are: every registered check's code and every prefix of one (``GL``, ``GL2``,
``GL20``, ``GL201``), ``ALL``, ``GL900`` (:data:`govlint.engine.INTERNAL_CODE`), and the
codes the pack declares and their prefixes (a province's ``GL110`` statement, reported by
GL109). Anything else is a typo that would quietly select or ignore nothing, so it is
refused, naming the closest known code (ruff does the same).

What is known depends on an Engine (its plugins and its pack), which is built after the
configuration is read: :mod:`govlint.routing` checks a configuration's codes when it hands
out an Engine, the engine a suppression comment's codes when it lints. The pack's codes are
walked only for a selector that is no check's, which the usual run never meets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from govlint._infra.records import NamedTuple
from govlint.engine import INTERNAL_CODE, Engine
from govlint.model import Check, Msg, Pack

ALL = "ALL"


class Known(NamedTuple):
    """What one Engine knows: its checks, and its pack, loaded only when asked."""

    checks: tuple[Check, ...]
    pack: Callable[[], Pack]
    complete: bool = True  # False when an installed plugin is not loaded: its codes cannot be known


def known_to(engine: Engine) -> Known:
    """The codes ``engine`` knows (the pack is the engine's, loaded on first use). It knows
    not all when a plugin failed to load or an installed one is blocked (``-p no:NAME``):
    then nothing is refused, since the code may be that plugin's."""
    complete = not engine.plugin_errors and not _blocked_installed(engine.settings.blocked)
    return Known(tuple(engine.all_checks), lambda: engine.pack, complete)


def _blocked_installed(blocked: tuple[str, ...]) -> bool:
    if not blocked:  # the usual run: no scan
        return False
    from govlint.plugins import find_plugins

    return any(spec.name in blocked for spec in find_plugins())


@lru_cache(maxsize=16)
def _prefixes(codes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(code[:end] for code in codes for end in range(1, len(code) + 1))


def pack_codes(pack: Pack) -> frozenset[str]:
    """The codes the pack's entries report (:func:`govlint.packs.codes`), once per pack."""
    from govlint._infra.memo import per_pack

    return per_pack(pack, _codes_of)


def _codes_of(pack: Pack) -> frozenset[str]:
    from govlint.packs import codes

    return frozenset(codes(pack.data))


def pack_entries(pack: Pack) -> dict[str, tuple[str, ...]]:
    """:func:`entries` of the pack's data, once per pack."""
    from govlint._infra.memo import per_pack

    return per_pack(pack, _entries_of)


def _entries_of(pack: Pack) -> dict[str, tuple[str, ...]]:
    return entries(pack.data)


def is_known(selector: str, known: Known) -> bool:
    """Whether ``selector`` (upper case) names a known code or a prefix of one; always True
    when a plugin failed to load (the code may be its)."""
    if selector in (ALL, INTERNAL_CODE) or not known.complete:
        return True
    if selector in _prefixes(tuple(c.code for c in known.checks)):
        return True
    return selector in _prefixes(tuple(sorted(pack_codes(known.pack()))))


def closest(selector: str, known: Known) -> str | None:
    """The known code nearest to ``selector``: the code of the rule it names (a rule's name
    or one of its pack entries given for its code), else the code most like it
    (:func:`nearest`); None when none is near."""
    word = selector.upper()
    named = {c.name.upper(): c.code for c in known.checks}
    pack = known.pack()
    named.update((entry.upper(), codes[0]) for entry, codes in pack_entries(pack).items() if len(codes) == 1)
    if word in named:
        return named[word]
    return nearest(word, {c.code for c in known.checks} | pack_codes(pack))


def nearest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most like ``word`` (difflib's ratio, at least ``cutoff``), one that
    starts with it before one that does not; on a tie, the one sharing more of its start,
    then the first in sorted order."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher()
    matcher.set_seq2(word)
    scored = []
    for candidate in candidates:
        matcher.set_seq1(candidate)
        ratio = matcher.ratio()
        if ratio >= cutoff:
            scored.append((not candidate.startswith(word), -ratio, -_common_start(word, candidate), candidate))
    return min(scored)[-1] if scored else None


def _common_start(a: str, b: str) -> int:
    """How many leading characters ``a`` and ``b`` share (a typo is likelier late in a code)."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def unknown(selector: str, known: Known) -> Msg | None:
    """None for a known selector; else the message that refuses it, naming the closest code."""
    if is_known(selector, known):
        return None
    near = closest(selector, known)
    if near is None:
        return Msg(f"未知的规则代码 {selector!r}（govlint rules 列出全部规则）",
                   f"unknown rule code {selector!r} (govlint rules lists them all)")
    return Msg(f"未知的规则代码 {selector!r}（是否为 {near}？）",
               f"unknown rule code {selector!r} (did you mean {near}?)")


def entries(data: Any) -> dict[str, tuple[str, ...]]:
    """The codes each entry of pack data reports, by the entry's ``id`` (what a finding
    gives as its ``entry``). As for its examples (:func:`govlint.packs.examples`): its
    examples' ``code``, else its own, else the nearest enclosing entry's; failing those, the
    one code its siblings state (a pack writes the code once for a list that one rule reads:
    ``contacts.fields``, ``prose.mentions``)."""
    found: dict[str, set[str]] = {}

    def stated(node: dict[str, Any]) -> str:
        examples = node.get("examples")
        code = examples.get("code") if isinstance(examples, dict) else None
        code = code if isinstance(code, str) else node.get("code")
        return code if isinstance(code, str) else ""

    def walk(node: Any, enclosing: str, shared: str) -> None:
        if isinstance(node, dict):
            own = node.get("code")
            enclosing = own if isinstance(own, str) else enclosing
            code = stated(node) or enclosing or shared
            if "id" in node and code:
                found.setdefault(str(node["id"]), set()).add(code)
            for key, value in node.items():
                if key != "examples":
                    walk(value, enclosing, "")
        elif isinstance(node, list):
            codes = {stated(item) for item in node if isinstance(item, dict)} - {""}
            for item in node:
                walk(item, enclosing, next(iter(codes)) if len(codes) == 1 else "")

    walk(data, "", "")
    return {entry: tuple(sorted(codes)) for entry, codes in found.items()}
