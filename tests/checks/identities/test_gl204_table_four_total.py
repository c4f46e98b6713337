"""GL204 table-four-total: a group total of table 四 (行政复议, and 行政诉讼 directly or after
review) that is not the sum of its results; each group is an identity of its own (entry)."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, clean_with, where

FOUR = "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"  # line 63


@pytest.mark.parametrize(
    ("numbers", "entry", "words"),
    [
        ("| 1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "review-total", "“行政复议·总计”为 2"),
        ("| 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "direct-litigation-total",
         "“行政诉讼（未经复议直接起诉）·总计”为 0"),
        ("| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 |", "litigation-after-review-total",
         "“行政诉讼（复议后起诉）·总计”为 0"),
    ],
)
def test_a_group_total_that_is_not_its_sum(found: FindFn, numbers: str, entry: str, words: str) -> None:
    got = found(clean_with(FOUR, numbers), "GL1", "GL20")
    assert where(got) == {("GL204", 63, "error")}
    assert (got[0].rule, got[0].entry) == ("table-four-total", entry)
    assert "之和为 1，" in got[0].message and words in got[0].message


def test_a_blank_cell_leaves_its_group_unchecked(found: FindFn) -> None:
    """Blank is not 0: the group's total is not checked, and GL105 alone says why."""
    got = found(clean_with(FOUR, "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 无 |"), "GL1", "GL2")
    assert where(got) == {("GL105", 63, "warning")}


def test_totals_that_add_up_stay_quiet(found: FindFn) -> None:
    assert found(CLEAN, "GL204") == []
