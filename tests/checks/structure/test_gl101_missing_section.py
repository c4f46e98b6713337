"""GL101 missing-section: a part of the format the report lacks, reported at the title."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, clean_with, where

SIX = "## 六、其他需要报告的事项\n\n本机关2023年未收取信息处理费。\n\n"


def test_a_missing_section_is_an_error_at_the_title(found: FindFn) -> None:
    got = found(clean_with(SIX, ""), "GL1", "GL20")
    assert where(got) == {("GL101", 1, "error")}
    assert got[0].message == "缺少第六部分“六、其他需要报告的事项”"
    assert got[0].en == "section 六 “六、其他需要报告的事项” is missing"


@pytest.mark.parametrize(
    "text",
    [
        CLEAN,
        clean_with("## 六、其他需要报告的事项", "## 六、其他需要说明的事项"),  # reworded: GL103's
        clean_with("## 六、其他需要报告的事项", "## 其他需要报告的事项"),  # its words without the numeral
    ],
    ids=["clean", "reworded", "no-numeral"],
)
def test_a_section_there_in_other_words_is_not_missing(found: FindFn, text: str) -> None:
    assert found(text, "GL101") == []
