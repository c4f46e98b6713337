"""GL203 table-results-total: table 三's （七）总计 is not the sum of the results （一）–（六）
(identity ``results-total``)."""

from __future__ import annotations

from conftest import CLEAN, FindFn, clean_with, where

GRANTED = "| （一）予以公开 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |"


def test_results_that_do_not_add_up_to_the_total(found: FindFn) -> None:
    got = found(clean_with(GRANTED, "| （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |"), "GL1", "GL20")
    assert where(got) == {("GL203", 54, "error")}
    assert [(f.rule, f.entry) for f in got] == [("table-results-total", "results-total")] * 2
    assert got[0].message.startswith("表三“自然人”列：“（一）予以公开”至“（六）3.其他”21 项之和为 9，“（七）总计”为 10")


def test_a_missing_row_is_left_out_not_a_wrong_sum(found: FindFn) -> None:
    """Without the row the results' sum cannot be made: no GL203, GL107 says what is missing."""
    got = found(clean_with("| 8.属于行政查询事项 |", "| 9.属于其他情形 |"), "GL1", "GL2")
    assert {f.code for f in got} == {"GL107"}


def test_results_that_add_up_stay_quiet(found: FindFn) -> None:
    assert found(CLEAN, "GL203") == []
