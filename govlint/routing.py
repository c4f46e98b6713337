"""Which configuration and Engine each file of one run gets.

``govlint check`` and ``govlint tables`` may be given files under different configuration
files; each file is linted with the Engine of its own settings (:class:`govlint.engine.Engines`
keeps one per distinct Settings). This sits above :mod:`govlint.config`, which finds a
file's settings, and :mod:`govlint.engine`, which lints with them: the engine cannot hold
it, since the configuration is built from the engine's Settings.
"""

from __future__ import annotations

from pathlib import Path

from govlint.config import FileConfig, Overrides, resolve_for
from govlint.engine import Engine, Engines


class Router:
    """The configuration, settings and engine of each file of one run; a broken
    configuration or pack raises (ConfigError, PackError) when a file first needs it."""

    def __init__(self, overrides: Overrides | None = None, engines: Engines | None = None) -> None:
        self.overrides = overrides or Overrides()
        self.engines = engines or Engines()

    def file(self, path: str | Path) -> FileConfig:
        return resolve_for(path, self.overrides)

    def engine(self, path: str | Path) -> Engine:
        engine = self.engines(self.file(path).settings)
        _ = engine.pack  # a broken pack is a usage error, not a GL900 on every file
        return engine
