"""GL302 outdated-format: the 2019 notice and table layout, pre-2019 section names."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, LintText, clean_lines, clean_with

from govlint.engine import Engine


def doc(body: str, year: str = "2023") -> str:
    return f"# 平罗县{year}年政府信息公开工作年度报告\n\n{body}\n"


def test_format_notice_2019_fires_in_full_width_too(lint_text: LintText) -> None:
    for notice in ("国办公开办函〔2019〕60号", "国办公开办函[２０１９]６０号"):
        diags = lint_text(doc(f"根据{notice}要求编制。"), select=("GL302",))
        assert [(d.severity, d.rule, d.entry) for d in diags] == [("warning", "outdated-format", "format-notice-2019")]


def test_format_notice_2019_is_right_for_a_2020_report(lint_text: LintText) -> None:
    assert lint_text(doc("根据国办公开办函〔2019〕60号要求编制。", "2020"), select=("GL302",)) == []


def test_2019_table_columns_reported_once(lint_text: LintText) -> None:
    table = "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t1\t1\t5"
    diags = lint_text(doc(table), path="r.txt", select=("GL302",))
    assert len(diags) == 1 and "本年新制作数量" in diags[0].message.zh


def test_pre_2019_section_name_is_info(lint_text: LintText) -> None:
    diags = lint_text(doc("本报告由主动公开情况、政府信息公开的收费及减免情况等部分组成。"), select=("GL302",))
    assert [(d.severity, d.rule, d.entry) for d in diags] == [("info", "outdated-format", "section-fees-pre2019")]


def test_the_2019_notice_by_title_and_number_is_one_finding(lint_text: LintText) -> None:
    cited = "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》"
    head = "平罗县2023年政府信息公开工作年度报告\n\n根据"
    both = lint_text(f"{head}{cited}（国办公开办函〔2019〕60号）要求编制。\n", path="r.txt", select=("GL302",))
    assert [(d.rule, d.entry) for d in both] == [("outdated-format", "format-notice-2019")]
    title = lint_text(f"{head}{cited}要求编制。\n", path="r.txt", select=("GL302",))
    assert [(d.rule, d.entry) for d in title] == [("outdated-format", "format-notice-2019-title")]


OTHER_HANDLING_2021 = clean_lines(51, 53)  # （六）其他处理 and its three rows
OTHER_HANDLING_2019 = "| （六）其他处理 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"


def test_the_2019_notice_and_a_single_other_handling_row_in_a_report(found: FindFn, engine: Engine) -> None:
    text = clean_with("国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号")
    text = clean_with(OTHER_HANDLING_2021, OTHER_HANDLING_2019, text)
    got = found(text, "GL3", "GL5")
    assert [(f.code, f.line, f.severity, f.entry) for f in got] == [
        ("GL302", 3, "warning", "format-notice-2019"),
        ("GL302", 51, "warning", "other-handling-single-row"),
    ]
    assert got[0].message.startswith("引用了已被替代的年报格式通知 国办公开办函〔2019〕60号")
    assert got[1].message.startswith("表三“（六）其他处理”是一行数字而没有分项，这是2019年格式")
    (row,) = [d for d in engine.lint_text("report.md", text).diagnostics if d.entry == "other-handling-single-row"]
    assert text[row.span.start : row.span.end].startswith("（六）其他处理")


@pytest.mark.parametrize(
    "text",
    [CLEAN, clean_with("本机关2023年未收取信息处理费。", "本机关2023年未收取信息处理费，无相关收费事项需要说明。")],
    ids=["clean", "fees-mentioned-in-the-2021-way"],
)
def test_a_2021_report_stays_quiet(found: FindFn, text: str) -> None:
    """The 2021 table with its sub-rows, the 2021 notice, the 2021 section names."""
    assert found(text, "GL3", "GL5") == []
