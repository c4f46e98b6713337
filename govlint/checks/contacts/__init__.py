"""GL4xx: contact details — present, and each one well formed and plausible for the organ."""

from __future__ import annotations

from govlint.checks.contacts import (
    gl401_missing_contact,
    gl402_phone_invalid,
    gl403_phone_region_mismatch,
    gl404_email_invalid,
    gl405_postcode_invalid,
    gl406_url_invalid,
)
from govlint.hookspecs import hookimpl
from govlint.model import Check


@hookimpl
def govlint_checks() -> list[Check]:
    return [
        gl401_missing_contact.CHECK,
        gl402_phone_invalid.CHECK,
        gl403_phone_region_mismatch.CHECK,
        gl404_email_invalid.CHECK,
        gl405_postcode_invalid.CHECK,
        gl406_url_invalid.CHECK,
    ]
