"""Finding and loading plugins: entry points of the group ``govlint``, scanned once.

Modelled on pytest's and flake8's finders: the scan is a pure function returning
NamedTuples, loading is separate, and a plugin that fails to import is recorded (and later
reported as one diagnostic per file) instead of stopping govlint.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from typing import cast

import pluggy

from govlint import hookspecs
from govlint._infra.records import NamedTuple
from govlint.model import Check, Formatter, Reader

GROUP = "govlint"
#: Set to any non-empty value to load only govlint's own plugins (for tests and bisecting).
DISABLE_ENV = "GOVLINT_DISABLE_PLUGIN_AUTOLOAD"
BUILTIN_DIST = "govlint"


class PluginSpec(NamedTuple):
    """One entry point as found, before importing it."""

    name: str
    value: str  # "module:attr" or "module"
    dist: str  # distribution that declares it


class PluginError(NamedTuple):
    """A plugin that could not be loaded: reported as a diagnostic, never a traceback."""

    plugin: str
    error: str


@lru_cache(maxsize=1)
def find_plugins() -> tuple[PluginSpec, ...]:
    """Installed ``govlint`` entry points, scanned once per process and kept on disk until a
    folder of the import path changes (an install or uninstall): importing
    :mod:`importlib.metadata` and scanning cost a third of a cold ``govlint check``."""
    import sys

    from govlint._infra.memo import code_stamp, disk_memo

    memo = disk_memo("entry-points", lambda: code_stamp(__file__), limit=4, newest=True)
    rows = memo.lookup(path_state(sys.path), lambda: [tuple(s) for s in _scan_plugins()])
    return tuple(PluginSpec(*row) for row in rows)


def path_state(entries: Iterable[str]) -> str:
    """A cheap fingerprint of the installed distributions on an import path: the name and
    mtime of every ``*.dist-info``/``*.egg-info`` folder (an install, upgrade or uninstall
    creates or removes one). Other files coming and going (a report saved in the current
    folder) leave it unchanged, and so does a folder holding no distribution: ``python -m
    govlint`` puts the current folder first on the path, and running it from another folder
    must not miss the memo."""
    parts = []
    for entry in entries:
        folder = entry or "."
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info")))
        except OSError:  # missing, a file (zip), or unreadable: its own stamp is enough
            parts.append(f"{entry}\0{_mtime(folder)}")
            continue
        if names:
            parts.append(entry)
            parts.extend(f"{name}\0{_mtime(os.path.join(folder, name))}" for name in names)
    return "\n".join(parts)


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def _scan_plugins() -> tuple[PluginSpec, ...]:
    from importlib.metadata import entry_points

    found = []
    for ep in entry_points(group=GROUP):
        dist = ep.dist.name if ep.dist is not None else "?"
        found.append(PluginSpec(ep.name, ep.value, dist))
    # Built-ins first so third parties can rely on them being registered.
    found.sort(key=lambda p: (p.dist != BUILTIN_DIST, p.name))
    seen: set[str] = set()
    unique = []
    for spec in found:  # an editable and a regular install may both declare a name
        if spec.name not in seen:
            seen.add(spec.name)
            unique.append(spec)
    return tuple(unique)


def _load_object(value: str) -> object:
    import importlib

    module_name, _, attr = value.partition(":")
    obj: object = importlib.import_module(module_name.strip())
    for part in filter(None, attr.strip().split(".")):
        obj = getattr(obj, part)
    return obj


class Plugins(NamedTuple):
    """The loaded plugin manager plus what failed to load."""

    manager: pluggy.PluginManager
    errors: tuple[PluginError, ...]

    def readers(self) -> list[Reader]:
        return [r for group in self.manager.hook.govlint_readers() for r in group]

    def formatters(self) -> dict[str, Formatter]:
        return {f.name: f for group in self.manager.hook.govlint_formatters() for f in group}

    def pack_paths(self) -> list[object]:
        return [p for group in self.manager.hook.govlint_packs() for p in group]

    def checks(self) -> tuple[list[Check], list[PluginError]]:
        """All checks, calling each plugin's hook on its own so one broken plugin
        cannot hide the others' checks."""
        checks: list[Check] = []
        errors: list[PluginError] = []
        for impl in self.manager.hook.govlint_checks.get_hookimpls():
            name = self.manager.get_name(impl.plugin) or "?"
            try:
                checks.extend(cast("list[Check]", impl.function()))
            except Exception as exc:
                errors.append(PluginError(name, f"{type(exc).__name__}: {exc}"))
        return checks, errors

    def owner(self, obj: object) -> str:
        """The name of the registered plugin whose module (or a parent package of it)
        defines ``obj``, so a crash can be blamed on the plugin a user can block."""
        import sys

        module = str(getattr(obj, "__module__", "") or "")
        parts = module.split(".")
        for end in range(len(parts), 0, -1):
            candidate = sys.modules.get(".".join(parts[:end]))
            name = self.manager.get_name(candidate) if candidate is not None else None  # None = blocked
            if name:
                return name
        return module or "?"


def load_plugins(blocked: tuple[str, ...] = ()) -> Plugins:
    """Create a plugin manager with every non-blocked plugin registered."""
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    for name in blocked:
        pm.set_blocked(name)
    autoload = not os.environ.get(DISABLE_ENV)
    errors: list[PluginError] = []
    for spec in find_plugins():
        if spec.name in blocked or (not autoload and spec.dist != BUILTIN_DIST):
            continue
        try:
            plugin = _load_object(spec.value)
            pm.register(plugin, name=spec.name)
        except Exception as exc:
            errors.append(PluginError(spec.name, f"{type(exc).__name__}: {exc}"))
    return Plugins(pm, tuple(errors))
