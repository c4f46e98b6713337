"""GL202 table-column-balance: in a table 三 column, 一 + 二 ≠ （七）总计 + 四 (identity
``column-balance``)."""

from __future__ import annotations

from conftest import CLEAN, FindFn, clean_with, where

CARRIED = "| 二、上年结转政府信息公开申请数量 | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"


def test_carried_over_applications_that_are_nowhere_handled(found: FindFn) -> None:
    text = clean_with(CARRIED, "| 二、上年结转政府信息公开申请数量 | | 2 | 0 | 0 | 0 | 0 | 0 | 2 |")
    got = found(text, "GL1", "GL20")
    assert where(got) == {("GL202", 31, "error")}
    assert [(f.rule, f.entry) for f in got] == [("table-column-balance", "column-balance")] * 2
    assert got[0].message.startswith("表三“自然人”列：")
    assert "之和为 12，而“（七）总计”+“四、结转下年度继续办理”之和为 11" in got[0].message
    assert got[1].message.startswith("表三“总计”列：")


def test_columns_that_balance_stay_quiet(found: FindFn) -> None:
    assert found(CLEAN, "GL202") == []
