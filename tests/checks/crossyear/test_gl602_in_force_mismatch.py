"""GL602 in-force-mismatch: last year's 现行有效 + this year's 制发 − 废止 against this year's 现行有效."""

from __future__ import annotations

import pytest
from conftest import FindFn
from crossyear.years import SECOND, found_against, report

from govlint.engine import Engine

LAST_YEAR = report(2022, rules=(4, 1, 27))


def test_a_count_that_does_not_follow_is_information(engine: Engine) -> None:
    (got,) = found_against(engine, report(2023, SECOND, rules=(5, 2, 40)), LAST_YEAR, "GL602")
    assert (got.line, got.column, got.severity, got.rule) == (31, 21, "info", "in-force-mismatch")
    assert got.message.startswith(
        "本报告（reports/2023/平罗县.md）表二“行政规范性文件”行现行有效件数为 40，"
        "而上年报告（reports/2022/平罗县.md）的现行有效件数 27 + 本年制发件数 5 − 本年废止件数 2 = 30（通常"
    )
    assert "清理" in got.message and "clean-up" in got.en


def test_each_row_of_the_pack_is_compared(engine: Engine) -> None:
    """规章 too: last year 0 in force, none made this year, yet 3 in force now."""
    this_year = report(2023, SECOND, rules=(5, 2, 30)).replace("| 规章 | 0 | 0 | 0 |", "| 规章 | 0 | 0 | 3 |")
    (got,) = found_against(engine, this_year, LAST_YEAR, "GL602")
    assert "表二“规章”行现行有效件数为 3" in got.message and "0 + 本年制发件数 0 − 本年废止件数 0 = 0" in got.message


@pytest.mark.parametrize("rules", [(5, 2, 30), (0, 0, 27)], ids=["issued-and-repealed", "nothing-changed"])
def test_a_count_that_follows_stays_quiet(engine: Engine, rules: tuple[int, int, int]) -> None:
    assert found_against(engine, report(2023, SECOND, rules=rules), LAST_YEAR, "GL602") == []


def test_without_last_years_report_it_stays_quiet(found: FindFn) -> None:
    assert found(report(2023, SECOND, rules=(5, 2, 99)), "GL6") == []
