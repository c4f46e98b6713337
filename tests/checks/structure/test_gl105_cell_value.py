"""GL105 cell-value: a table cell left blank or holding something that is not a number."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, clean_with, where

FOUR = "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"  # table 四's numbers, line 63


def test_blank_cells_of_a_row_are_one_warning(found: FindFn) -> None:
    """A blank and a “/”: blank is not zero, so the identities over them are not checked (no GL204)."""
    text = clean_with(FOUR, "| 1 | 0 |  | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | / |")
    got = found(text, "GL1", "GL20")
    assert where(got) == {("GL105", 63, "warning")}
    (gl105,) = [f for f in got if f.code == "GL105"]
    assert gl105.message == (
        "表四“行政复议·其他结果、行政诉讼（复议后起诉）·总计”2 个单元格为空（空白不等于 0，没有发生应填 0）"
    )


@pytest.mark.parametrize("text", [CLEAN, clean_with("| 行政事业性收费 | 120.50 | | |", "| 行政事业性收费 | 0 | | |")])
def test_numbers_and_zeros_stay_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL105") == []
