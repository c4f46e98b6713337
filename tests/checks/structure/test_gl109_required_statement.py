"""GL109 required-statement: a section lacks a statement its pack requires (信息处理费 in
section 六); the finding names the statement as its entry."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, clean_with, where

FEE = "本机关2023年未收取信息处理费。"


@pytest.mark.parametrize(
    "instead", ["无。", "本机关不收费。", "申请人逾期未按收费通知要求缴纳费用的申请 0 件。"]
)
def test_section_six_without_the_fee_statement(found: FindFn, instead: str) -> None:
    got = found(clean_with(FEE, instead), "GL1", "GL20")
    assert where(got) == {("GL109", 71, "warning")}
    assert (got[0].rule, got[0].entry) == ("required-statement", "fee")
    assert got[0].message == "第六部分须报告信息处理费的收取情况（收取了多少，或未收取），此处未找到"


@pytest.mark.parametrize(
    "text",
    [
        CLEAN,
        clean_with(FEE, "本机关2023年收取信息处理费0.05万元。"),
        clean_with(FEE, "本年度没有收取信息处理费。"),
        clean_with("## 六、其他需要报告的事项\n\n" + FEE + "\n\n", ""),  # no section 六: GL101's finding
        # that nothing was charged, in other words
        clean_with(FEE, "本机关2023年未发生收费情况。"),
        clean_with(FEE, "本年度没有收取任何费用。"),
        clean_with(FEE, "本机关不存在收取信息处理费的情况。"),
        clean_with(FEE, "本机关办理政府信息公开申请均未收费。"),
        clean_with(FEE, "本年度未向申请人收取费用。"),
    ],
    ids=["clean", "collected", "none-collected", "no-section", "no-charge-happened", "nothing-charged",
         "no-such-case", "all-free", "none-from-applicants"],
)
def test_a_section_that_says_it_stays_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL109") == []
