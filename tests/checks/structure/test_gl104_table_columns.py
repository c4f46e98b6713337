"""GL104 table-columns: a table row with fewer or more numbers than the format's columns."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, clean_with, where

PARTLY = "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） |"


def test_a_row_short_of_a_number(found: FindFn) -> None:
    """Which column is missing is unknown: the row is left out of the sums (no GL2xx), and
    its numbers are not placed left to right."""
    text = clean_with(f"{PARTLY} 1 | 0 | 0 | 0 | 0 | 0 | 1 |", f"{PARTLY} 1 | 0 | 0 | 0 | 0 | 1 |")
    got = found(text, "GL1", "GL20")
    assert where(got) == {("GL104", 34, "warning")}
    assert "只有 6 个数字，格式要求 7 列，缺少的列无法确定，此行不参与合计核对" in got[0].message


def test_a_number_beyond_the_formats_columns(found: FindFn) -> None:
    got = found(clean_with("| 行政许可 | 3000 | | |", "| 行政许可 | 3000 | 5 | |"), "GL1", "GL20")
    assert where(got) == {("GL104", 18, "warning")}
    assert got[0].message == "表二“行政许可”行多出数字“5”（格式要求 1 列）"


def test_many_numbers_that_fit_no_row_are_one_finding_for_the_table(found: FindFn) -> None:
    """A table 二 in another layout leaves number after number without a row: up to three
    stay one GL104 each; more make the table's reading doubtful, one GL108 saying so."""

    def found_for(strays: int) -> list[tuple[str, str]]:
        text = clean_with("| 行政许可 | 3000 | | |", "| 行政许可 | 3000 | | |" + "\n| | 36 | | |" * strays)
        return [(f.code, f.message) for f in found(text, "GL1", "GL2")]

    assert [code for code, _ in found_for(3)] == ["GL104"] * 3
    ((code, message),) = found_for(5)
    assert code == "GL108" and "5 处数字无法归入任何行" in message


@pytest.mark.parametrize("text", [CLEAN, clean_with("| 行政许可 | 3000 | | |", "| 行政许可 | 3,000 | | |")])
def test_rows_with_the_formats_columns_stay_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL104") == []
