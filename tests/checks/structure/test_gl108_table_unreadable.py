"""GL108 table-unreadable: a table of the format that is missing or cannot be read."""

from __future__ import annotations

from conftest import CLEAN, FindFn, clean_lines, clean_with, where

from govlint.align import align
from govlint.engine import Engine
from govlint.readers import markdown
from govlint.source import source_from_text


def test_a_section_without_its_table(found: FindFn) -> None:
    table_three = clean_lines(29, 55)
    got = found(clean_with(table_three, "本年度共收到申请12件，详见附件。"), "GL1", "GL20")
    assert where(got) == {("GL108", 27, "error")}
    assert got[0].message == "第三部分没有找到表三"


def test_a_table_in_the_2019_layout_is_gl302s_finding_alone(found: FindFn, engine: Engine) -> None:
    """Table 二 headed with the 2019 columns: GL302 says so once; the table is not read
    against the 2021 template (no misplaced numbers, rows or columns reported, no GL108,
    nothing exported under the 2021 column names)."""
    text = clean_with(
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
        "| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
    )
    assert [f.code for f in found(text) if f.severity != "info"] == ["GL302"]
    report = align(markdown.read(source_from_text("report.md", text)), engine.pack)
    assert report.table("二") is None and report.table("三") is not None


def test_tables_the_format_reads_stay_quiet(found: FindFn) -> None:
    assert found(CLEAN, "GL108") == []


def test_a_box_whose_lines_do_not_line_up_is_one_warning(found: FindFn) -> None:
    """Table 四 drawn as a box whose number row lost a bar (its first number now spans two
    header columns): which column each number is in is unknown — one warning at the box, no
    sum, no other finding on it."""
    box = "\n".join([
        "┌────┬────┬────┬────┬────┐",
        "│结果│结果│其他│尚未│总计│",
        "│维持│纠正│结果│审结│    │",
        "├────┼────┼────┼────┼────┤",
        "│1         │0   │0   │1   │",
        "└────┴────┴────┴────┴────┘",
    ])
    table_four = clean_lines(59, 63)
    got = found(clean_with(table_four, box), "GL1", "GL2")
    mine = [f for f in got if "表四" in f.message]
    assert [(f.code, f.severity) for f in mine] == [("GL108", "warning")]
    assert "边框线对不齐" in mine[0].message and "do not line up" in mine[0].en
