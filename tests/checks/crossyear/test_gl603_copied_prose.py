"""GL603 copied-prose: the share of this year's prose found in last year's report (内容雷同)."""

from __future__ import annotations

import pytest
from conftest import FindFn
from crossyear.years import FIRST, copying, found_against, report

from govlint.engine import Engine

LAST_YEAR = report(2022, FIRST)


def test_a_report_copying_most_of_last_years_prose_with_new_numbers_fires(engine: Engine) -> None:
    (got,) = found_against(engine, report(2023, copying(8)), LAST_YEAR, "GL603")
    assert (got.line, got.severity, got.rule) == (9, "warning", "copied-prose")
    assert got.message.startswith(
        "本报告（reports/2023/平罗县.md）正文的 81.1% 见于上年报告（reports/2022/平罗县.md），内容雷同"
        "（数字和年份不计；阈值 50%）；最长的相同段落："
    )
    # the three longest copied passages, with their lines in both files
    assert got.message.endswith("第 9 行（上年第 9 行）、第 11 行（上年第 11 行）、第 13 行（上年第 13 行）")
    assert got.en.endswith("line 9 (last year's line 9), line 11 (last year's line 11), line 13 (last year's line 13)")


def test_passages_moved_elsewhere_are_found_where_they_stand(engine: Engine) -> None:
    """Last year's paragraphs in another order still count, each at its own line."""
    moved = copying(8)
    (got,) = found_against(engine, report(2023, (*moved[:8][::-1], *moved[8:])), LAST_YEAR, "GL603")
    assert "81.1%" in got.message and "第 23 行（上年第 9 行）" in got.message


@pytest.mark.parametrize("copied", [0, 2, 4], ids=["rewritten", "a-fifth", "two-fifths"])
def test_at_or_below_the_threshold_nothing(engine: Engine, copied: int) -> None:
    assert found_against(engine, report(2023, copying(copied)), LAST_YEAR, "GL603") == []


def test_the_formats_standard_sentences_do_not_count(engine: Engine) -> None:
    """The preamble, the period, the fee statement stand in both reports word for word; the
    prose around them is new: nothing."""
    assert found_against(engine, report(2023, copying(0)), LAST_YEAR, "GL603") == []


def test_without_last_years_report_it_stays_quiet(found: FindFn) -> None:
    assert found(report(2023, copying(10)), "GL6") == []
