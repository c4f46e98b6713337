"""GL201 table-row-total: a table 三 row whose 总计 is not the sum of its applicant columns
(identity ``row-total`` of the pack)."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, clean_with, where

GRANTED = "| （一）予以公开 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |"
PARTLY = "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） |"


def test_a_row_total_that_is_not_its_sum(found: FindFn) -> None:
    """The wrong 总计 breaks the column's （七） too (GL203)."""
    got = found(clean_with(GRANTED, "| （一）予以公开 | 6 | 1 | 0 | 0 | 0 | 0 | 8 |"), "GL1", "GL20")
    assert where(got) == {("GL201", 33, "error"), ("GL203", 54, "error")}
    (gl201,) = [f for f in got if f.code == "GL201"]
    assert (gl201.rule, gl201.entry) == ("table-row-total", "row-total")
    assert gl201.message.startswith("表三“（一）予以公开”行：“自然人”至“其他”6 项之和为 7，“总计”为 8")


def test_a_row_short_of_a_number_is_left_out_not_a_wrong_sum(found: FindFn) -> None:
    """Which column is missing is unknown: the row is not summed, and GL104 alone says why."""
    text = clean_with(f"{PARTLY} 1 | 0 | 0 | 0 | 0 | 0 | 1 |", f"{PARTLY} 1 | 0 | 0 | 0 | 0 | 1 |")
    got = found(text, "GL1", "GL2")
    assert where(got) == {("GL104", 34, "warning")}
    assert "此行不参与合计核对" in got[0].message


@pytest.mark.parametrize(
    "text",
    [CLEAN, clean_with(GRANTED, "| （一）予以公开 | 6 | 1 | 0 | 0 | 0 | 0 | 7.0 |")],  # 7.0 is 7
    ids=["clean", "same-value-written-otherwise"],
)
def test_rows_that_add_up_stay_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL201") == []
