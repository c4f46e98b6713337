"""The public plugin API of govlint (pluggy hook specifications).

A plugin is any module or object registered under the entry-point group ``govlint``;
it implements some of these hooks with ``@govlint.hookimpl``. govlint's own readers,
checks, formatters and national pack are registered the same way, so there is one path
for everyone. The API is versioned with :data:`API_VERSION`; hooks are only ever added.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from govlint.model import Check, Formatter, Reader

API_VERSION = 1

hookspec = pluggy.HookspecMarker("govlint")
hookimpl = pluggy.HookimplMarker("govlint")


@hookspec
def govlint_readers() -> list[Reader]:
    """Return readers (``Reader``) for the file types this plugin understands."""
    raise NotImplementedError


@hookspec
def govlint_checks() -> list[Check]:
    """Return the checks (rules) this plugin provides."""
    raise NotImplementedError


@hookspec
def govlint_formatters() -> list[Formatter]:
    """Return output formats (``--format NAME``) this plugin provides."""
    raise NotImplementedError


@hookspec
def govlint_packs() -> list[Path]:
    """Return paths of YAML rule packs (a file, or a folder of YAML files) this plugin ships."""
    raise NotImplementedError


@hookspec
def govlint_configure(config: dict[str, object]) -> None:
    """Called once with the resolved configuration before any file is checked."""
