"""GL5xx: typography (doubled punctuation, digit widths, amount precision, phone dashes)."""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.model import Check


@hookimpl
def govlint_checks() -> list[Check]:
    from govlint.checks.typography import (
        gl501_doubled_punctuation,
        gl502_number_width,
        gl503_amount_precision,
        gl504_phone_dash,
    )

    return [
        gl501_doubled_punctuation.CHECK,
        gl502_number_width.CHECK,
        gl503_amount_precision.CHECK,
        gl504_phone_dash.CHECK,
    ]
