"""GL3xx: outdated references and dates (工作要点, formats, regulations, periods, deadlines)."""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.model import Check


@hookimpl
def govlint_checks() -> list[Check]:
    from govlint.checks.references import (
        gl301_outdated_basis,
        gl302_outdated_format,
        gl303_superseded_regulation,
        gl304_statistical_period,
        gl305_late_signature,
    )

    return [
        gl301_outdated_basis.CHECK,
        gl302_outdated_format.CHECK,
        gl303_superseded_regulation.CHECK,
        gl304_statistical_period.CHECK,
        gl305_late_signature.CHECK,
    ]
