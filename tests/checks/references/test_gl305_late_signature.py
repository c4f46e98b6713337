"""GL305 late-signature: the statutory deadline depends on the organ's type."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FIXTURES, FindFn, LintText, clean_with

LAYOUTS = FIXTURES / "layouts" / "prose"


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


def top(organ: str, line: str, year: str = "2023") -> str:
    """A report whose web page put the publication date under the title."""
    return f"{organ}{year}年政府信息公开工作年度报告\n{line}\n本机关未收取信息处理费。\n"


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("发布时间:2024-04-30 15:37:05", "发布时间:2024-04-30 15:37:05"),
        ("时间:2024-04-30 15:52 来源:平罗县统计局", "时间:2024-04-30 15:52"),
        ("2024-04-30 18:26 来源:平罗县统计局", "2024-04-30 18:26"),
        ("发布日期: 2024-04-30 10:01      来源: 平罗县统计局", "发布日期: 2024-04-30 10:01"),
        ("发布日期:2024-04-30    点击数:", "发布日期:2024-04-30"),
        ("发布时间:2024-04-30   浏览次数:   【字体:", "发布时间:2024-04-30"),
        ("时间: 2024/04/30/ 17:33", "时间: 2024/04/30/ 17:33"),
        ("发布时间：2024年4月30日 09:30", "发布时间：2024年4月30日 09:30"),
        ("| 发布机构 | 平罗县统计局 | 发布日期 | 2024-04-19 20:34 |", "2024-04-19 20:34"),
        ("| 发 布 日 期 | 2024年4月19日 |", "2024年4月19日"),
        # the page's other metadata before the date: either order
        ("来源:平罗县统计局 时间:2024-04-30 15:52", "时间:2024-04-30 15:52"),
        ("来源：平罗县统计局　　发布时间：2024年4月30日 09:30　浏览次数：35", "发布时间：2024年4月30日 09:30"),
        ("信息来源：平罗县统计局　2024-04-30", "2024-04-30"),
    ],
)
def test_publication_lines_of_web_pages(lint_text: LintText, line: str, shown: str) -> None:
    """A publication date with its time of day, the page's other metadata after it, or in a
    metadata table; the message quotes the date (and time), not the metadata."""
    text = top("平罗县统计局", line)
    (diag,) = lint_text(text, "report.txt", select=("GL305",))
    assert f"落款或发布日期 {shown} 晚于法定期限 2024年1月31日" in diag.message.zh
    assert text[diag.span.start : diag.span.end] == shown
    on_time = text.replace("2024-04", "2024-01").replace("2024/04", "2024/01").replace("4月", "1月")
    assert lint_text(on_time, "report.txt", select=("GL305",)) == []


def test_metadata_table_in_markdown(lint_text: LintText) -> None:
    text = (
        "# 平罗县统计局2023年政府信息公开工作年度报告\n\n"
        "| 发布机构 | 平罗县统计局 | 发布日期 | 2024-04-19 20:34 |\n|---|---|---|---|\n"
        "| 索引号 | 123/2024-001 | 主题分类 | 其他 |\n\n本机关未收取信息处理费。\n"
    )
    (diag,) = lint_text(text, "report.md", select=("GL305",))
    assert text[diag.span.start : diag.span.end] == "2024-04-19 20:34"


@pytest.mark.parametrize(
    "line",
    [
        "2024年4月30日 15:00，召开政务公开工作会议。",  # a date in a sentence
        "2024-04-30 18:26 县政府召开常务会议",  # not metadata after it
        "2024年4月30日来源于群众反映的问题已全部办结。",  # 来源 without a colon: prose
        "| 事项 | 完成日期 |\n| 年报编制 | 2024年4月30日 |",  # a date in a table, not a publication date
        "| 办理时限 | 2024年4月30日 | 更新时间 | 2024-04-30 |",  # labels that are no publication date
        "来源：平罗县统计局 2024年4月30日召开全县政务公开工作会议",  # a sentence after the metadata
    ],
)
def test_other_dates_are_not_publication_dates(lint_text: LintText, line: str) -> None:
    assert lint_text(top("平罗县统计局", line), "report.txt", select=("GL305",)) == []


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


def test_a_signature_after_the_deadline_in_a_report(found: FindFn) -> None:
    got = found(clean_with("2024年1月20日", "二〇二四年四月二日"), "GL3", "GL5")
    assert [(f.code, f.line, f.severity, f.entry) for f in got] == [("GL305", 75, "warning", "")]
    assert got[0].message.startswith("落款或发布日期 二〇二四年四月二日 晚于法定期限 2024年3月31日（平罗县属人民政府")


@pytest.mark.parametrize(
    "text", [CLEAN, clean_with("2024年1月20日", "二〇二四年三月三十一日")], ids=["clean", "on-the-last-day"]
)
def test_a_signature_by_the_deadline_in_a_report_stays_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL3", "GL5") == []



def test_a_web_pages_publication_date_before_its_source(found: FindFn) -> None:
    """Layout 8: a crawler's metadata above the report, 来源 first and the (late) date after it."""
    got = found((LAYOUTS / "bad_site_metadata.txt").read_text(encoding="utf-8"), "GL305", path="report.txt")
    assert [(f.code, f.line, f.severity) for f in got] == [("GL305", 2, "warning")]
    assert got[0].message.startswith("落款或发布日期 时间：2024-04-30 晚于法定期限 2024年3月31日")
    on_time = (LAYOUTS / "good_site_metadata.txt").read_text(encoding="utf-8")
    assert found(on_time, "GL305", path="report.txt") == []
