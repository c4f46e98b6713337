"""GL001: suppression comments that suppress nothing."""

from __future__ import annotations

from govlint.checks.suppressions import gl001_unused_suppression
from govlint.hookspecs import hookimpl
from govlint.model import Check


@hookimpl
def govlint_checks() -> list[Check]:
    return [gl001_unused_suppression.CHECK]
