"""GL107 row-mismatch: a table row the format lacks, or a format row the table lacks."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, clean_with, where


def test_a_row_the_format_lacks_in_place_of_one_it_has(found: FindFn) -> None:
    """Both are reported: the unknown row where it stands, the missing one at the table; （七）
    is not summed without it (no GL203)."""
    got = found(clean_with("| 8.属于行政查询事项 |", "| 9.属于其他情形 |"), "GL1", "GL20")
    assert where(got) == {("GL107", 29, "warning"), ("GL107", 42, "warning")}
    assert [f.message for f in got if f.code == "GL107"] == [
        "表三“（三）8.属于行政查询事项”行缺失",
        "表三中的“9.属于其他情形”不是格式中的行",
    ]


@pytest.mark.parametrize(
    "text",
    [CLEAN, clean_with("| （六）其他处理 | 1.申请人", "| （六）其他 | 1.申请人")],  # the group in other words: GL106
    ids=["clean", "group-in-other-words"],
)
def test_the_formats_rows_stay_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL107") == []
