"""GL604 year-sequence: the period and the 要点 judged by last year's report's year + 1, where
the report's own title does not give that year."""

from __future__ import annotations

from conftest import FindFn, where
from crossyear.years import SECOND, found_against, report

from govlint.engine import Engine

LAST_YEAR = report(2022, rules=(4, 1, 27))  # the rest follows: only GL604 can speak


def test_a_title_without_a_year_and_last_years_period_fires(engine: Engine) -> None:
    """The year is read from the period (2022), which GL304 cannot fault; last year's report
    (2022) says this one is 2023's."""
    this_year = report(2023, SECOND, title_year=False, period_year=2022)
    (got,) = found_against(engine, this_year, LAST_YEAR, "GL304", "GL6")
    assert (got.code, got.line, got.severity, got.rule, got.entry) == (
        "GL604", 3, "warning", "year-sequence", "statistical-period")
    assert got.message == (
        "统计期限“统计期限自2022年1月1日起至2022年12月31日”不是 2023 年：上年报告（reports/2022/平罗县.md）"
        "是 2022 年的，本报告（reports/2023/平罗县.md）应为 2023 年的报告"
    )


def test_a_report_left_as_last_years_fires_for_the_period_and_the_yaodian(engine: Engine) -> None:
    """Last year's report copied without a year in its title: period and 要点 are 2022's."""
    copied = report(2022, SECOND, title_year=False)
    got = found_against(engine, copied, LAST_YEAR, "GL301", "GL304", "GL6")
    assert where(got) == {("GL604", 3, "warning"), ("GL604", 7, "warning")}
    assert [f.entry for f in got] == ["statistical-period", "yaodian-earlier-year"]
    assert got[1].message.startswith("以 2022 年的政务公开工作要点（“2022年政务公开工作要点”）为依据：上年报告")


def test_a_pair_named_by_the_configuration_with_a_copied_title_fires(engine: Engine) -> None:
    """The configuration says it follows the 2022 report; its title, period and 要点 say 2022."""
    got = found_against(engine, report(2022, SECOND), LAST_YEAR, "GL6")
    assert [(f.code, f.line, f.entry) for f in got] == [("GL604", 3, "statistical-period"),
                                                          ("GL604", 7, "yaodian-earlier-year")]


def test_a_title_that_says_the_year_leaves_it_to_gl304(engine: Engine) -> None:
    """The title says 2023: GL304 judges the 2022 period by it, GL604 adds nothing."""
    got = found_against(engine, report(2023, SECOND, period_year=2022), LAST_YEAR, "GL3", "GL6")
    assert [(f.code, f.line) for f in got] == [("GL304", 3)]


def test_a_year_that_follows_stays_quiet(engine: Engine) -> None:
    assert found_against(engine, report(2023, SECOND, title_year=False), LAST_YEAR, "GL6") == []


def test_without_last_years_report_it_stays_quiet(found: FindFn) -> None:
    assert found(report(2022, SECOND, title_year=False), "GL6") == []
