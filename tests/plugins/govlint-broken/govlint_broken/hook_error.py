"""Imports fine, but its ``govlint_checks`` hook raises when govlint asks for its checks."""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.model import Check


@hookimpl
def govlint_checks() -> list[Check]:
    raise RuntimeError("hook exploded while listing checks")
