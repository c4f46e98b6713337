"""HTML tables as grids: a Markdown report's raw ``<table>`` (html.parser) reads as a grid
of merged cells resolved, with cell spans into the Markdown."""

from __future__ import annotations

from pathlib import Path

from govlint.model import RawTable
from govlint.readers import markdown
from govlint.readers.html_table import collapse
from govlint.source import source_from_text

PAGES = Path(__file__).resolve().parent / "html"
THREE_MD = "## 三、收到和处理政府信息公开申请情况\n\n" + (PAGES / "table-three.html").read_text(encoding="utf-8")
CHECK = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def texts(table: RawTable) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def assert_table_three(table: RawTable) -> None:
    """The format's table 三 (tests/readers/html/table-three.html): three header rows under a
    cell merged over three rows and columns, row labels merged over their group's rows,
    line breaks inside cells (``<br>``, ``<p>``) and ``&nbsp;``."""
    assert table.columns == 10  # three label columns, seven of numbers
    assert len(table.rows) == 28
    rows = texts(table)
    assert rows[0] == [CHECK] * 3 + ["申请人情况"] * 7
    assert rows[1] == [CHECK] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"]
    assert rows[2] == [CHECK] * 3 + ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert rows[3] == ["一、本年新收政府信息公开申请数量"] * 3 + ["10", "1", "0", "0", "1", "0", "12"]
    assert rows[5] == ["三、本年度办理结果"] + ["（一）予以公开"] * 2 + ["6", "1", "0", "0", "0", "0", "7"]
    assert rows[7] == ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"] + ["0"] * 7
    assert rows[14] == ["三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项"] + ["0"] * 7
    assert rows[15][:3] == ["三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"]
    assert rows[26] == ["三、本年度办理结果"] + ["（七）总计"] * 2 + ["10", "1", "0", "0", "1", "0", "12"]
    assert rows[27] == ["四、结转下年度继续办理"] * 3 + ["1", "0", "0", "0", "0", "0", "1"]
    assert table.rows[5][0] is table.rows[26][0]  # one merged cell, in every row it covers


# --------------------------------------------------------------------------- cell text


def test_line_breaks_join_chinese_without_a_space_and_other_words_with_one() -> None:
    assert collapse(["政府", "\n", "信息"])[0] == "政府信息"
    assert collapse(["政府\n  信息公开"])[0] == "政府信息公开"
    assert collapse(["2023", "\n", "年"])[0] == "2023 年"
    assert collapse(["Times\nNew Roman"])[0] == "Times New Roman"
    assert collapse(["平罗县", "2023", "年"])[0] == "平罗县2023年"  # adjacent pieces: no space


def test_typed_spaces_stay_spaces() -> None:
    assert collapse(["主办：某县\xa0\xa0\xa0承办：某局"])[0] == "主办：某县 承办：某局"
    assert collapse(["主办：某县\u3000\n承办"])[0] == "主办：某县 承办"
    assert collapse(["一、 总体情况"])[0] == "一、 总体情况"
    assert collapse(["\xa0", "\n"]) == ("", [])


def test_words_know_their_piece() -> None:
    text, words = collapse(["  行政", "\n", "许可 ", "3000"])
    assert text == "行政许可 3000"
    assert [(w.at, w.piece, w.offset, w.length) for w in words] == [(0, 0, 2, 2), (2, 2, 0, 2), (5, 3, 0, 4)]


# --------------------------------------------------------------------------- Markdown's <table>


def test_markdown_table_three_is_a_grid_with_spans_into_the_markdown() -> None:
    document = markdown.read(source_from_text("r.md", THREE_MD))
    tables = [b for b in document.blocks if isinstance(b, RawTable)]
    assert len(tables) == 1
    assert_table_three(tables[0])
    for row in tables[0].rows:
        for cell in row:
            written = THREE_MD[cell.span.start : cell.span.end]
            assert cell.text in written or "<" in written, (cell, written)
    value, spaced = tables[0].rows[3][3], tables[0].rows[7][9]  # 10, and &nbsp;0&nbsp;
    assert THREE_MD[value.span.start : value.span.end] == "10"
    assert THREE_MD[spaced.span.start : spaced.span.end] == "0"


def test_markdown_reads_only_the_innermost_tables() -> None:
    text = ("<table><tr><td>布局</td><td>\n<table><tr><td>规章</td><td>0</td></tr></table>\n</td></tr></table>\n\n"
            "<table><tr><td>行政许可</td><td>3000</td></tr></table>\n")
    tables = [b for b in markdown.read(source_from_text("r.md", text)).blocks if isinstance(b, RawTable)]
    assert [texts(t) for t in tables] == [[["规章", "0"]], [["行政许可", "3000"]]]
    assert all(t.columns == 2 for t in tables)


def test_markdown_table_cut_by_a_blank_line_still_reads() -> None:
    text = "<table>\n<tr><td>规章</td><td>0</td></tr>\n\n<tr><td>行政规范性文件</td><td>5</td></tr>\n</table>\n"
    tables = [b for b in markdown.read(source_from_text("r.md", text)).blocks if isinstance(b, RawTable)]
    assert [texts(t) for t in tables] == [[["规章", "0"]], [["行政规范性文件", "5"]]]
