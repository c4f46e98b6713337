"""The Markdown reader: headings, bold headings, GFM tables with exact cell spans, comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.model import Comment, Heading, Paragraph, RawTable
from govlint.readers.markdown import _blocks, read
from govlint.source import read_source, source_from_text

TEXT = """# 某县2023年政府信息公开工作年度报告

**一、总体情况**

正文第一段，
接续一行。

<!-- govlint-disable-next-line GL301 -->

| 信息内容 | 本年制发件数 |
|---|---|
| 规章 | 0 |
| 行政\\|规范性文件 | 7 |
"""


def test_blocks() -> None:
    doc = read(source_from_text("r.md", TEXT))
    assert [type(b).__name__ for b in doc.blocks] == ["Heading", "Heading", "Paragraph", "Comment", "RawTable"]
    title, section, para, comment, table = doc.blocks
    assert isinstance(title, Heading) and title.text.startswith("某县")
    assert isinstance(section, Heading) and section.text == "一、总体情况" and section.level == 2
    assert isinstance(para, Paragraph) and para.text == TEXT[para.span.start : para.span.end]
    assert isinstance(comment, Comment) and comment.text.startswith("govlint-disable-next-line")
    assert isinstance(table, RawTable)
    assert [[c.text for c in row] for row in table.rows] == [
        ["信息内容", "本年制发件数"],
        ["规章", "0"],
        ["行政\\|规范性文件", "7"],
    ]
    cell = table.rows[1][1]
    assert TEXT[cell.span.start : cell.span.end] == "0"


def test_plain_numbered_lines_are_headings() -> None:
    doc = read(
        source_from_text("r.md", "一、总体情况\n\n第二部分 主动公开政府信息情况\n\n正文很长的一段话，不是标题。\n")
    )
    assert [type(b).__name__ for b in doc.blocks] == ["Heading", "Heading", "Paragraph"]


def test_html_tables_with_merged_cells() -> None:
    text = (
        "## 三、收到和处理政府信息公开申请情况\n\n"
        '<table>\n<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>6</td><td> 1 </td></tr>\n'
        "<tr><td>（二）部分公开</td><td>1</td><td></td>\n</table>\n"
    )
    doc = read(source_from_text("r.md", text))
    table = next(b for b in doc.blocks if isinstance(b, RawTable))
    assert table.columns == 4  # a grid: the merged label stands in both rows (readers/grid)
    assert [[c.text for c in row] for row in table.rows] == [
        ["三、本年度办理结果", "（一）予以公开", "6", "1"],
        ["三、本年度办理结果", "（二）部分公开", "1", ""],
    ]
    assert table.rows[0][0] is table.rows[1][0]
    for row in table.rows:
        for cell in row:
            assert text[cell.span.start : cell.span.end] == cell.text


ROOT = Path(__file__).resolve().parent.parent.parent
MARKDOWN = sorted({*ROOT.glob("tests/fixtures/**/*.md"), *ROOT.glob("examples/**/*.md")})


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: str(p.relative_to(ROOT)))
def test_reading_section_by_section_gives_the_whole_documents_blocks(path: Path) -> None:
    """Pieces start at headings after a blank line; read apart and moved into place they
    must give exactly what one pass over the whole text gives."""
    source = read_source(str(path))
    assert list(read(source).blocks) == _blocks(source)


def test_an_edit_reads_the_same_as_a_fresh_read() -> None:
    text = (ROOT / "tests" / "fixtures" / "reports" / "seed000.md").read_text(encoding="utf-8")
    edits = (
        text.replace("一、总体情况", "一、总体情况（修订）"),
        text.replace("自然人", "自然人们", 1),
        "前言\n\n" + text,
    )
    for edited in edits:
        source = source_from_text("r.md", edited)
        assert list(read(source).blocks) == _blocks(source)


def test_fenced_code_is_never_cut() -> None:
    text = "# 一、总体情况\n\n```\n正文\n\n# 不是标题\n```\n\n# 二、主动公开政府信息情况\n\n正文。\n"
    source = source_from_text("r.md", text)
    assert list(read(source).blocks) == _blocks(source)
