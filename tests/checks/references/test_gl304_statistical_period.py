"""GL304 statistical-period: the period must be 1 January to 31 December of the report year."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, LintText, clean_with

from govlint.align import align
from govlint.checks.references import gl304_statistical_period
from govlint.engine import Engine
from govlint.model import Context
from govlint.readers import text as text_reader
from govlint.source import source_from_text


def doc(body: str, year: str = "2023") -> str:
    return f"# 平罗县{year}年政府信息公开工作年度报告\n\n{body}\n"


@pytest.mark.parametrize(
    "body",
    [
        "本报告统计期限自2022年1月1日起至2022年12月31日止。",
        "本报告统计数据从 2022 年 1 月 1 日至 12 月 31 日。",
        "本报告统计期限自2023年1月1日起至2024年12月31日止。",  # end year wrong
        "本报告统计数据从2023年1月1日至11月30日。",  # part of the year
        "报告中所列数据统计期为2022年1月1日至2022年12月31日。",  # 统计期
        "本年度报告所列数据统计日期自2022年1月1日起至2022年12月31日止。",  # 统计日期
    ],
)
def test_wrong_period_fires(lint_text: LintText, body: str) -> None:
    assert [d.severity for d in lint_text(doc(body), select=("GL304",))] == ["warning"]


@pytest.mark.parametrize(
    "body",
    [
        "本报告统计数据从 2023 年 1 月 1 日至 12 月 31 日。",
        "本报告中所列资料数据的汇总统计期限从 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。",
        "本报告统计期限为２０２３年１月１日至２０２３年１２月３１日。",
        "报告中所列数据统计期为2023年1月1日至2023年12月31日。",
        "本年度报告所列数据统计日期自2023年1月1日起至2023年12月31日止。",
        "2022年1月1日至2022年12月31日，本县未发生相关事件。",  # not a statistical period
        "热线统计数据显示，2023年1月1日至6月30日受理诉求300件。",  # another statistic's period
    ],
)
def test_report_year_period_stays_quiet(lint_text: LintText, body: str) -> None:
    assert lint_text(doc(body), select=("GL304",)) == []


def test_unknown_report_year_stays_quiet(lint_text: LintText) -> None:
    text = "# 平罗县政府信息公开工作年度报告\n\n本报告统计期限自2022年1月1日起至2022年12月31日止。\n"
    assert lint_text(text, select=("GL304",)) == []


def test_a_period_that_is_no_whole_year_is_reported_without_the_report_year(engine: Engine) -> None:
    """“至2023年12月29日” is wrong whatever the year; the message names the year the text
    gives. (Nothing here tells the report year: no title, no period starting on 1 January.)"""
    text = "本报告数据统计期限为2023年2月1日至2023年12月29日。\n"
    report = align(text_reader.read(source_from_text("r.txt", text)), engine.pack, None)
    assert report.year is None
    (diag,) = gl304_statistical_period.CHECK.run(report, Context("zh"))
    assert "2023 年的 1 月 1 日至 12 月 31 日" in diag.message.zh


PERIOD = "统计期限自2023年1月1日起至2023年12月31日止"  # line 3 of the clean report


def test_last_years_period_in_a_report(found: FindFn) -> None:
    got = found(clean_with(PERIOD, "统计期限自2022年1月1日起至2022年12月31日止"), "GL3", "GL5")
    assert [(f.code, f.line, f.severity, f.entry) for f in got] == [("GL304", 3, "warning", "statistical-period")]
    assert got[0].message == (
        "统计期限“统计期限自2022年1月1日起至2022年12月31日”不是报告年度 2023 年的 1 月 1 日至 12 月 31 日"
    )


@pytest.mark.parametrize(
    "text",
    [CLEAN, clean_with(PERIOD, "统计数据从 ２０２３ 年 1 月 1 日至 12 月 31 日")],
    ids=["clean", "full-width-year"],
)
def test_the_report_years_period_in_a_report_stays_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL3", "GL5") == []
