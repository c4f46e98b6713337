"""GL205–GL207: arithmetic written in prose, and prose that repeats a table cell."""

from __future__ import annotations

from govlint.checks.prose import gl205_prose_sum, gl206_prose_percentage, gl207_text_table_mismatch
from govlint.hookspecs import hookimpl
from govlint.model import Check


@hookimpl
def govlint_checks() -> list[Check]:
    return [gl205_prose_sum.CHECK, gl206_prose_percentage.CHECK, gl207_text_table_mismatch.CHECK]
