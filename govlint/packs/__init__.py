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

Here: which packs are on offer and the resolved pack, kept in the disk memo.
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


def load(pack_id: str, sources: Sequence[PackSource]) -> Pack:
    """The resolved pack, kept in the disk memo by the size and mtime of every pack file
    and the schema: reading, validating and resolving the national pack costs ~30 ms (a
    seventh of a cold check), finding it in the memo a few stat calls. A process asks the
    memo each time (each Engine of a configuration-rich repository, the language server
    after a pack was edited), so an edited pack is never served stale."""
    from govlint._infra.memo import code_stamp, disk_memo

    memo = disk_memo("pack", lambda: code_stamp(*_CODE), limit=8, newest=True)
    row = memo.lookup(_fingerprint(pack_id, sources), lambda: tuple(resolve(pack_id, catalog(sources))))
    return Pack(*cast("tuple[Any, ...]", row))


#: The modules that read and resolve a pack: a change of them (an edited checkout) starts afresh.
_CODE = tuple(str(Path(__file__).with_name(f"{name}.py")) for name in ("read", "schema", "extends", "locations"))


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
