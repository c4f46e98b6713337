"""GL6xx: a report against the same organ's report for the year before (``Context.previous``)."""

from __future__ import annotations

from govlint.checks.crossyear import (
    gl601_carryover_mismatch,
    gl602_in_force_mismatch,
    gl603_copied_prose,
    gl604_year_sequence,
)
from govlint.hookspecs import hookimpl
from govlint.model import Check


@hookimpl
def govlint_checks() -> list[Check]:
    return [gl601_carryover_mismatch.CHECK, gl602_in_force_mismatch.CHECK, gl603_copied_prose.CHECK,
            gl604_year_sequence.CHECK]
