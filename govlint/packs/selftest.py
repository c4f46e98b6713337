"""A pack's examples: text each rule must fire on, or stay quiet on (``govlint pack test``).

An entry's ``examples`` travel with the rule in the pack, so a pack's author tests a rule
where it is written and an extending pack tests the rules as it changed them. Each example
is run against its own entry alone: every other entry that reports the same code is left
out, and nothing is disabled. :func:`codes` reads the same entries for the codes they
report (the engine asks whether a selected code exists only in the pack).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from govlint._infra.records import NamedTuple
from govlint.packs.locations import Step, dotted, step


class Example(NamedTuple):
    """One example of a pack rule: text that must make ``code`` fire, or stay quiet."""

    path: tuple[Step, ...]  # the entry that carries it
    code: str  # "" when neither the entry nor an enclosing one has a code
    kind: str  # "fires" or "passes"
    text: str

    @property
    def where(self) -> str:
        return dotted(self.path)


def examples(data: Any, path: tuple[Step, ...] = (), code: str = "") -> Iterator[Example]:
    """Every example in a resolved pack; an entry's code is ``examples.code``, else its own,
    else its nearest enclosing entry's."""
    if isinstance(data, dict):
        code = str(data.get("code", code))
        ex = data.get("examples")
        if isinstance(ex, dict):
            for kind in ("fires", "passes"):
                for text in ex.get(kind) or []:
                    yield Example(path, str(ex.get("code", code)), kind, str(text))
        for key, value in data.items():
            if key != "examples":
                yield from examples(value, (*path, key), code)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from examples(item, (*path, step(item, i)), code)


def isolate(data: dict[str, Any], keep: Sequence[Step], code: str) -> dict[str, Any]:
    """The pack data with every other entry that reports ``code`` removed, and nothing
    disabled, so an example tests its own entry alone (``govlint pack test``)."""

    def walk(node: Any, rest: Sequence[Step]) -> Any:
        if isinstance(node, dict):
            return {k: walk(v, rest[1:] if rest and rest[0] == k else ()) for k, v in node.items() if k != "disable"}
        if isinstance(node, list):
            out = []
            for i, item in enumerate(node):
                on_path = bool(rest) and rest[0] in (i, step(item, i))
                if on_path:
                    out.append(walk(item, rest[1:]))
                elif not (isinstance(item, dict) and str(item.get("code", "")) == code):
                    out.append(walk(item, ()))
            return out
        return node

    result: dict[str, Any] = walk(data, tuple(keep))
    return result


def codes(data: Any) -> set[str]:
    """Every rule code named in pack data (entries' ``code``)."""
    found: set[str] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            code = node.get("code")
            if isinstance(code, str):
                found.add(code)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found
