"""Which configuration and Engine each file of one run gets.

``govlint check`` and ``govlint tables`` may be given files under different configuration
files; each file is linted with the Engine of its own settings (:class:`govlint.engine.Engines`
keeps one per distinct Settings). This sits above :mod:`govlint.config`, which finds a
file's settings, and :mod:`govlint.engine`, which lints with them: the engine cannot hold
it, since the configuration is built from the engine's Settings. It is also where the rule
codes of the configuration and the command line are checked (:func:`govlint.config.check_codes`):
the first place where the plugins and the pack that say which codes exist are loaded.
"""

from __future__ import annotations

from pathlib import Path

from govlint.config import FileConfig, Overrides, check_codes, resolve_for
from govlint.engine import Engine, Engines, Settings


class Router:
    """The configuration, settings and engine of each file of one run; a broken
    configuration or pack, or an unknown rule code, raises (ConfigError, PackError) when a
    file first needs it."""

    def __init__(self, overrides: Overrides | None = None, engines: Engines | None = None) -> None:
        self.overrides = overrides or Overrides()
        self.engines = engines or Engines()
        self._checked: set[tuple[tuple[Path, ...], Settings]] = set()  # (configuration files, settings)

    def file(self, path: str | Path) -> FileConfig:
        return resolve_for(path, self.overrides)

    def engine(self, path: str | Path) -> Engine:
        found = self.file(path)
        engine = self.engines(found.settings)
        _ = engine.pack  # a broken pack is a usage error, not a GL900 on every file
        key = (found.config.files, found.settings)
        if key not in self._checked:  # once per configuration and engine, not per file
            from govlint.codes import known_to, unknown

            known = known_to(engine)
            check_codes(found.config, self.overrides, lambda code: unknown(code, known))
            self._checked.add(key)
        return engine
