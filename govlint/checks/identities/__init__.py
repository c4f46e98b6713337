"""GL201–GL204: the tables' own identities (勾稽关系), declared in the pack."""

from __future__ import annotations

from govlint.checks.identities import table_identities
from govlint.hookspecs import hookimpl
from govlint.model import Check


@hookimpl
def govlint_checks() -> list[Check]:
    return list(table_identities.CHECKS)
