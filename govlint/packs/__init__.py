"""Rule packs: YAML data that says what a report must hold, loaded with ruamel.yaml.

A pack is a YAML file or a folder of them (one file per rule family); ``extends`` merges
base packs in first. Nothing in a pack executes: it is interpreted by the checks. The
steps, each its own module:

- :mod:`~govlint.packs.read`: a pack's files, within limits that refuse hostile ones;
- :mod:`~govlint.packs.schema`: what a pack may say (``rules/pack.schema.json``) and the
  references between its parts;
- :mod:`~govlint.packs.locations`: the ``file:line:col`` a problem is reported at;
- :mod:`~govlint.packs.extends`: the effective pack, its bases merged in;
- :mod:`~govlint.packs.selftest`: the examples a pack carries (``govlint pack test``);
- :mod:`~govlint.packs.national`: the national pack, offered through the plugin hook;
- :mod:`~govlint.packs.error`: ``PackError``, said in both languages or in either.

Here: which packs are on offer and the resolved pack, built once per process and memoised
on disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from govlint.model import Pack
from govlint.packs.error import PackError
from govlint.packs.extends import catalog, merge, resolve
from govlint.packs.locations import locate
from govlint.packs.read import PackSource, read_pack
from govlint.packs.schema import SCHEMA_FILE
from govlint.packs.selftest import Example, codes, examples, isolate

__all__ = [
    "Example",
    "PackError",
    "PackSource",
    "catalog",
    "codes",
    "examples",
    "isolate",
    "load",
    "locate",
    "merge",
    "plugin_sources",
    "read_pack",
    "resolve",
]


def plugin_sources(plugins: Any) -> list[PackSource]:
    """Packs offered through the ``govlint_packs`` hook, each with the distribution that
    offered it (``plugins`` is a :class:`govlint.plugins.Plugins`)."""
    from govlint.plugins import BUILTIN_DIST, find_plugins

    dists = {spec.name: spec.dist for spec in find_plugins()}
    out: list[PackSource] = []
    for impl in plugins.manager.hook.govlint_packs.get_hookimpls():
        name = plugins.manager.get_name(impl.plugin) or "?"
        dist = dists.get(name, "?")
        origin = "govlint" if dist == BUILTIN_DIST else f"distribution {dist} ({name})"
        try:
            paths = impl.function()
        except Exception as exc:  # a plugin's bug must not stop the others' packs
            out.append(PackSource(Path(f"<{name}: {type(exc).__name__}: {exc}>"), origin))
            continue
        out.extend(PackSource(Path(str(p)), origin) for p in paths)
    return out


_RESOLVED: dict[tuple[str, tuple[PackSource, ...]], Pack] = {}


def load(pack_id: str, sources: Sequence[PackSource]) -> Pack:
    """The resolved pack, built once per process for a given set of sources (each Engine of
    a configuration-rich repository asks for the same pack) and memoised on disk keyed by
    the size and mtime of every pack file and the schema: reading, validating and
    resolving the national pack costs ~30 ms, reading the memo ~1 ms."""
    key = (pack_id, tuple(sources))
    pack = _RESOLVED.get(key)
    if pack is None:
        from govlint._infra.cache import memo

        row = memo("pack", _fingerprint(pack_id, sources), lambda: tuple(resolve(pack_id, catalog(sources))))
        pack = _RESOLVED[key] = Pack(*cast("tuple[Any, ...]", row))
    return pack


def _fingerprint(pack_id: str, sources: Sequence[PackSource]) -> str:
    from govlint.packs.national import rules_dir

    parts = [pack_id]
    for source in sources:
        parts.append(f"{source.origin}\0{source.path}")
        try:
            files = sorted(source.path.glob("*.yaml")) if source.path.is_dir() else [source.path]
        except OSError:
            files = []
        for file in [*files, rules_dir() / SCHEMA_FILE]:
            try:
                st = file.stat()
                parts.append(f"{file}\0{st.st_size}\0{st.st_mtime_ns}")
            except OSError:
                parts.append(f"{file}\0-")
    return "\n".join(parts)
