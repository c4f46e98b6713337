"""GL601 carryover-mismatch: this year's 上年结转 against last year's 结转下年度继续办理."""

from __future__ import annotations

from conftest import FindFn, clean_with
from crossyear.years import SECOND, found_against, report

from govlint.engine import Engine

LAST_YEAR = report(2022, carried_out=2)


def test_a_different_carry_over_fires_with_both_files_rows_and_numbers(engine: Engine) -> None:
    (got,) = found_against(engine, report(2023, SECOND, carried_in=1), LAST_YEAR, "GL601")
    assert (got.line, got.severity, got.rule, got.entry) == (48, "warning", "carryover-mismatch",
                                                             "carried-over-applications")
    assert got.message == (
        "本报告（reports/2023/平罗县.md）表三“二、上年结转政府信息公开申请数量”行为自然人 1、总计 1，"
        "而上年报告（reports/2022/平罗县.md）表三“四、结转下年度继续办理”行为自然人 2、总计 2"
        "（本年的“上年结转”应等于上年报告的“结转下年度继续办理”）"
    )
    assert got.en == (
        "this report (reports/2023/平罗县.md): table 三 row “二、上年结转政府信息公开申请数量”: 自然人 1, 总计 1, "
        "but last year's report (reports/2022/平罗县.md) gives table 三 row “四、结转下年度继续办理”: 自然人 2, 总计 2 "
        "(this year's 上年结转 should be last year's 结转下年度继续办理)"
    )


def test_the_same_carry_over_stays_quiet(engine: Engine) -> None:
    assert found_against(engine, report(2023, SECOND, carried_in=2), LAST_YEAR, "GL601") == []


def test_a_row_either_year_did_not_read_whole_is_not_compared(engine: Engine) -> None:
    """A blank cell (GL105 says so) leaves the row out: no finding from a doubtful reading."""
    this_year = report(2023, SECOND, carried_in=1)
    carried_out, carried_in = "| 四、结转下年度继续办理 | | 2 |", "| 二、上年结转政府信息公开申请数量 | | 1 |"
    blank_last_year = clean_with(f"{carried_out} 0 |", f"{carried_out} |", LAST_YEAR)
    assert found_against(engine, this_year, blank_last_year, "GL601") == []
    blank = clean_with(f"{carried_in} 0 |", f"{carried_in} |", this_year)
    assert found_against(engine, blank, LAST_YEAR, "GL601") == []


def test_without_last_years_report_it_stays_quiet(found: FindFn) -> None:
    assert found(report(2023, SECOND, carried_in=7), "GL6") == []
