"""The helpers the rules share (govlint/checks/_common.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govlint.checks._common import decimal_text, under_pack_code
from govlint.checks.structure import gl109_required_statement
from govlint.model import Msg, Span


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("12"), "12"),
        (Decimal("12.50"), "12.50"),  # as the report wrote it: 12.50 is never 12.5 in one message and 12.50 in the next
        (Decimal("12.5"), "12.5"),
        (Decimal("120.50") + Decimal("0"), "120.50"),  # a sum keeps the cells' decimals
        (Decimal("12.0"), "12"),  # a whole number is written plain
        (Decimal("1.5") * 10000, "15000"),  # 1.5万: no 1.5E+4
        (Decimal("1E+2"), "100"),
        (Decimal("0.0000001"), "0.0000001"),  # no 1E-7
        (Decimal("0"), "0"),
        (Decimal("-3.10"), "-3.10"),
    ],
)
def test_a_number_is_shown_as_written_without_an_exponent(value: Decimal, shown: str) -> None:
    assert decimal_text(value) == shown


def test_a_pack_only_code_keeps_the_rules_name() -> None:
    check = gl109_required_statement.CHECK
    found = check.finding(Msg("缺", "missing"), Span(0, 1), entry="hotline-12345")
    assert under_pack_code(found, None) == found
    assert under_pack_code(found, "GL109") == found
    moved = under_pack_code(found, "GL110")
    assert (moved.code, moved.rule, moved.entry) == ("GL110", "required-statement", "hotline-12345")
