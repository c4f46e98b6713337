"""GL305 late-signature: the statutory deadline depends on the organ's type."""

from __future__ import annotations

import pytest
from conftest import LintText


def doc(organ: str, date: str, year: str = "2023") -> str:
    return f"# {organ}{year}年政府信息公开工作年度报告\n\n本机关未收取信息处理费。\n\n{organ}\n\n{date}\n"


@pytest.mark.parametrize(
    ("organ", "date", "late"),
    [
        ("平罗县", "2024年3月31日", False),  # a county government: 31 March
        ("平罗县", "2024年4月1日", True),
        ("彭阳县新集乡人民政府", "2024 年 3 月 20 日", False),  # a township follows its county
        ("平罗县公安局", "2024年1月31日", False),  # a department: 31 January
        ("平罗县公安局", "2024年2月1日", True),
        ("平罗县政务服务中心", "二〇二四年二月十五日", True),
        ("平罗县公安局", "发布日期：2024-02-01", True),
        ("平罗县公安局", "2024年2月30日", False),  # not a date
    ],
)
def test_deadline_by_organ_type(lint_text: LintText, organ: str, date: str, late: bool) -> None:
    diags = lint_text(doc(organ, date), select=("GL305",))
    assert [d.severity for d in diags] == (["warning"] if late else [])


def test_message_names_date_deadline_and_type(lint_text: LintText) -> None:
    (diag,) = lint_text(doc("平罗县公安局", "2024年2月1日"), select=("GL305",))
    assert "2024年2月1日" in diag.message.zh and "2024年1月31日" in diag.message.zh
    assert "政府部门" in diag.message.zh and "department" in diag.message.en


def test_unknown_organ_gets_the_latest_deadline(lint_text: LintText) -> None:
    text = "# 2023年政府信息公开工作年度报告\n\n正文。\n\n2024年2月1日\n"
    assert lint_text(text, select=("GL305",)) == []
    late = lint_text(text.replace("2024年2月1日", "2024年4月1日"), select=("GL305",))
    assert len(late) == 1 and "类型未能判断" in late[0].message.zh


def test_dates_inside_sentences_are_not_signatures(lint_text: LintText) -> None:
    text = doc("平罗县", "2024年3月1日") + "\n截至2024年5月1日，已全部整改。\n"
    assert lint_text(text, select=("GL305",)) == []


def test_unknown_report_year_stays_quiet(lint_text: LintText) -> None:
    text = "# 平罗县政府信息公开工作年度报告\n\n正文。\n\n2030年12月1日\n"
    assert lint_text(text, select=("GL305",)) == []


def test_calendar_days_are_the_days_datetime_knows() -> None:
    from datetime import date

    from govlint.checks.references.gl305_late_signature import calendar_day

    for year in (1900, 1999, 2000, 2023, 2024, 2100):
        for month in range(0, 14):
            for day in range(0, 33):
                try:
                    expected: tuple[int, int, int] | None = date(year, month, day).timetuple()[:3]
                except ValueError:
                    expected = None
                assert calendar_day(year, month, day) == expected, (year, month, day)
