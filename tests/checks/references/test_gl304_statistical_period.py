"""GL304 statistical-period: the period must be 1 January to 31 December of the report year."""

from __future__ import annotations

import pytest
from conftest import LintText


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
