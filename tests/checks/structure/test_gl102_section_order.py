"""GL102 section-order: a section that comes after one the format puts after it."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, clean_with, where

FIVE = (
    "## 五、存在的主要问题及改进情况\n\n"
    "一是政策解读形式还不够丰富；二是基层政务公开标准化建设有待加强。下一步，平罗县将丰富解读形式，推进基层政务公开。\n\n"
)
SIX = "## 六、其他需要报告的事项\n\n本机关2023年未收取信息处理费。\n\n"


def test_a_section_before_one_it_should_follow(found: FindFn) -> None:
    got = found(clean_with(FIVE + SIX, SIX + FIVE), "GL1", "GL20")
    assert where(got) == {("GL102", 65, "warning")}
    assert got[0].message == "“六、其他需要报告的事项”应排在“五、存在的主要问题及改进情况”之前"


@pytest.mark.parametrize(
    "text",
    [
        CLEAN,
        # 总体情况 numbering its own sub-heading with another section's numeral (四、): not section 四
        clean_with("政务新媒体公开500条。", "政务新媒体公开500条。\n\n四、政府信息公开申请情况\n\n全年办理申请12件。"),
    ],
    ids=["clean", "sub-heading-with-a-numeral"],
)
def test_sections_in_the_formats_order_stay_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL102") == []
