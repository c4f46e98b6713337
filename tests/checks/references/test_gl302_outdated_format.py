"""GL302 outdated-format: the 2019 notice and table layout, pre-2019 section names."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, LintText


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


def test_single_other_handling_row(lint_text: LintText) -> None:
    text = (FIXTURES / "GL302" / "fires.md").read_text(encoding="utf-8")
    rows = [d for d in lint_text(text, select=("GL302",)) if d.entry == "other-handling-single-row"]
    assert len(rows) == 1
    assert text[rows[0].span.start : rows[0].span.end].startswith("（六）其他处理")


def test_2021_table_with_sub_rows_stays_quiet(lint_text: LintText) -> None:
    clean = Path(FIXTURES / "clean-minimal.md").read_text(encoding="utf-8")
    assert lint_text(clean, select=("GL3", "GL5")) == []
