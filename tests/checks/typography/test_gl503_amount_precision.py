"""GL503 amount-precision: amounts in 万元 with more than two decimals."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, LintText, clean_with

DOC = "# 平罗县2023年政府信息公开工作年度报告\n\n{}\n"


FEE_CELL = "| 行政事业性收费 | 120.50 | | |"  # line 25 of the clean report


def test_table_cell_fires_at_the_cell(lint_text: LintText, found: FindFn) -> None:
    text = clean_with(FEE_CELL, "| 行政事业性收费 | 120.5012345 | | |")
    assert [(f.code, f.line, f.severity) for f in found(text, "GL3", "GL5")] == [("GL503", 25, "info")]
    (diag,) = lint_text(text, select=("GL503",))
    assert text[diag.span.start : diag.span.end] == "120.5012345"
    assert diag.severity == "info" and diag.fix is None  # rounding would change the number
    assert "7" in diag.message.zh and "120.5012345" in diag.message.en


def test_prose_amounts(lint_text: LintText) -> None:
    diags = lint_text(DOC.format("收取费用 380.3096424 万元，另有 1,234.567万元；合计 12.50 万元、3.1415亿元。"),
                      select=("GL503",))
    assert [d.message.en.split()[2] for d in diags] == ["380.3096424", "1,234.567"]


def test_two_decimals_stay_quiet(lint_text: LintText) -> None:
    assert lint_text(DOC.format("收取费用 380.31 万元、0.5万元。"), select=("GL503",)) == []


@pytest.mark.parametrize(
    "text",
    [CLEAN, clean_with("本机关2023年未收取信息处理费。", "本机关2023年收取信息处理费0.05万元。")],
    ids=["clean", "two-decimals-in-prose"],
)
def test_amounts_in_a_report_stay_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL3", "GL5") == []
