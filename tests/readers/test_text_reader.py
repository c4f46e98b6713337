"""The plain-text reader on each table layout found in real reports."""

from __future__ import annotations

from conftest import FIXTURES

from govlint.engine import Engine
from govlint.model import Heading, Paragraph, RawTable
from govlint.readers.text import read
from govlint.source import source_from_text


def tables(text: str) -> list[list[list[str]]]:
    doc = read(source_from_text("r.txt", text))
    return [[[c.text for c in row] for row in b.rows] for b in doc.blocks if isinstance(b, RawTable)]


def test_tab_rows_keep_empty_cells_and_spans() -> None:
    text = "标题\n规章\t0\t\t3\n"
    doc = read(source_from_text("r.txt", text))
    table = next(b for b in doc.blocks if isinstance(b, RawTable))
    cells = table.rows[0]
    assert [c.text for c in cells] == ["规章", "0", "", "3"]
    assert [text[c.span.start : c.span.end] for c in cells] == ["规章", "0", "", "3"]


def test_one_cell_per_line_with_pipes_and_lost_pipe() -> None:
    rows = tables("表\n规章 |\n0 |\n|||\n0\n||\n")[0]
    assert rows == [["规章"], ["0"], ["0"]]


def test_a_lone_pipe_is_an_empty_cell_only_among_cells_closed_by_their_own() -> None:
    # "||" ends the row: an empty row says so
    assert tables("表\n规章 |\n0 |\n|\n|\n3 |\n||\n")[0] == [["规章"], ["0"], [""], [""], ["3"], []]
    assert tables("表\n规章 |\n0\n|\n3\n|\n")[0] == [["规章"], ["0"], ["3"]]


def test_tabs_that_end_a_row_are_no_cells() -> None:
    assert tables("规章\t0\t\t3\t\t\n")[0] == [["规章", "0", "", "3"]]


def test_blank_lines_and_rules_inside_a_table() -> None:
    text = "a\tb\n-----\t----\n\nc\td\n\n正文。\n"
    assert tables(text) == [[["a", "b"], ["c", "d"]]]


def test_space_aligned_columns() -> None:
    assert tables("规章    0    0    0\n行政规范性文件    7    11    20\n") == [
        [["规章", "0", "0", "0"], ["行政规范性文件", "7", "11", "20"]]
    ]


def test_gfm_rows_in_plain_text() -> None:
    assert tables("| 规章 | 0 | 1 |\n")[0] == [["规章", "0", "1"]]


def test_markdown_heading_markers_in_plain_text_are_no_words() -> None:
    """A Markdown report saved as ``.txt``: its ``#`` markers are markup, so the heading
    reads (and is matched to the format) by its words alone."""
    text = "## 五、本局工作存在的主要问题及改进情况\n\n### （一）予以公开 ###\n#无标记\n"
    doc = read(source_from_text("r.txt", text))
    assert [(type(b).__name__, getattr(b, "level", None), getattr(b, "text", "")) for b in doc.blocks] == [
        ("Heading", 2, "五、本局工作存在的主要问题及改进情况"),
        ("Heading", 3, "（一）予以公开"),
        ("Paragraph", None, "#无标记"),
    ]


def test_headings_and_paragraphs() -> None:
    doc = read(
        source_from_text(
            "r.txt",
            "某县2023年政府信息公开工作年度报告\n\n一、总体情况\n（一）主动公开。全年公开信息100条。\n1.依申请公开\n",
        )
    )
    kinds = [(type(b).__name__, getattr(b, "level", None)) for b in doc.blocks]
    assert kinds == [("Heading", 1), ("Heading", 2), ("Paragraph", None), ("Heading", 4)]
    assert isinstance(doc.blocks[2], Paragraph) and isinstance(doc.blocks[1], Heading)


def test_title_variants() -> None:
    from govlint.align import find_title

    cases = {
        "首页>信息公开>政府信息公开年报\n2023年度平罗县政府信息公开工作年度报告\n": (2023, "平罗县"),
        "平罗县人民政府办公室关于2023年政府信息公开工作年度报告\n": (2023, "平罗县人民政府办公室"),
        "政府信息公开工作年度报告\n平罗县教育局\n(2023年)\n": (2023, "平罗县教育局"),
        "彭阳县新集乡人民政府\n\n2023 年政府信息公开工作年度报告\n": (2023, "彭阳县新集乡人民政府"),
        # a site's breadcrumb names 年度报告 too, but holds no year
        "您当前所在位置: 首页 > 各乡镇信息公开 > 对坊乡 > 年度报告 > 信息公开年度报告\n\n"
        "对坊乡2023年政府信息公开工作年度报告\n\n访问量:\n": (2023, "对坊乡"),
        "关于2022年度政府信息公开情况的报告\n\n": (2022, None),
        "海南省生态环境厅\n2022政府信息公开工作年度报告\n": (2022, "海南省生态环境厅"),
        "平罗县政府信息公开工作年度报告（2023年）\n": (2023, "平罗县"),
        "平罗县教育局政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）\n（2023年）\n": (2023, "平罗县教育局"),
        # no title: the preamble names the report, or its statistical period gives the year
        "根据《条例》要求，现公布法库县自然资源局2022年政府信息公开工作年度报告。\n": (2022, "法库县自然资源局"),
        "…特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告。\n": (2023, "湛江市人民政府地方志办公室"),
        "工作年度报告\n\n本报告由总体情况等部分组成。\n": (None, None),
        "特向社会公布2022年度十堰市生态环境局郧阳分局政府信息公开工作年度报告。\n": (2022, None),
        "根据《条例》规定编制本报告。报告数据统计期限为2025年1月1日至2025年12月31日。\n": (2025, None),
        "根据《条例》规定编制本报告。\n": (None, None),
    }
    for text, expected in cases.items():
        assert find_title(read(source_from_text("r.txt", text)), 10**6)[1:] == expected, text


def test_section_heading_without_numeral_is_a_variant(engine: object) -> None:
    from govlint.align import find_sections
    from govlint.engine import Engine

    assert isinstance(engine, Engine)
    doc = read(
        source_from_text(
            "r.txt", "某县2023年政府信息公开工作年度报告\n\n总体情况\n\n正文。\n\n二、主动公开政府信息情况\n"
        )
    )
    found = {s.key: s.status for s in find_sections(doc, engine.pack)}
    assert found["一"] == "variant" and found["二"] == "exact" and found["三"] == "missing"


def test_accepted_spelling_variants_are_the_same_label() -> None:
    from govlint.align import norm

    assert norm("其它法律行政法规禁止公开") == norm("其他法律行政法规禁止公开")
    assert norm("（二）部份公开") == norm("(二)部分公开")


def test_pdf_text_flattened_to_single_spaces_with_vertical_headers(engine: object) -> None:
    """A layout of real PDF extractions: every table flattened to single spaces, table 四's
    header written one character per line (“结 结 其 尚” / “果 果 他 未”…), and a sentence the
    PDF broke at a comma, holding a year, just before it. It reads to the numbers written
    and gives nothing at warning or error."""
    from pathlib import Path

    from govlint.engine import Engine

    assert isinstance(engine, Engine)
    path = Path(__file__).parent.parent / "fixtures" / "reports" / "clean-pdf-flattened.txt"
    result = engine.lint_path(str(path))
    assert [d for d in result.diagnostics if d.severity != "info"] == []
    report = engine.report(result.source)  # type: ignore[arg-type]
    three, four = report.table("三"), report.table("四")  # type: ignore[union-attr]
    assert three is not None and four is not None
    assert [c.value for c in three.row("（七）").cells] == [2, 0, 0, 0, 0, 0, 2]  # type: ignore[union-attr]
    assert [c.value for c in three.row("四").cells] == [1, 0, 0, 0, 0, 0, 1]  # type: ignore[union-attr]
    assert [c.value for row in four.rows for c in row.cells] == [0] * 15


def test_tabs_that_end_a_row_are_its_empty_cells_where_other_rows_end_in_theirs() -> None:
    """Where the header or the longest rows end in a word or a number, the writer puts no
    layout tab at a row's end: the empty pieces there are the row's empty cells."""
    text = "自然人\t其他\t总计\n一、本年新收\t8\t0\t8\n（一）予以公开\t5\t\t\n"
    assert tables(text)[0][2] == ["（一）予以公开", "5", "", ""]
    layout = "自然人\t其他\t总计\t\n一、本年新收\t8\t0\t8\t\n（一）予以公开\t5\t\t\t\n"
    assert tables(layout)[0][2] == ["（一）予以公开", "5"]


def tab_table_three(clean: str, end: str = "") -> str:
    """The clean report with table 三 as tab-separated rows, each ending in ``end``."""
    lines = clean.split("\n")
    out = []
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        in_three = line.startswith("| ") and len(cells) == 9
        if line.startswith("|---") and len(cells) == 9:
            continue
        out.append("\t".join(cells) + end if in_three else line)
    return "\n".join(out)


def test_an_empty_last_cell_of_a_tab_row_is_reported_by_its_column(engine: Engine) -> None:
    """“（一）予以公开 6 1 0 0 0 0 _” with 总计 left empty, in a table whose other rows end in
    their 总计: GL105 names 总计 (the trailing tab was dropped as layout: a row short of a
    column nobody could tell, GL104); with Word's layout tab ending every row, a row one number
    short is still GL104."""
    clean = (FIXTURES / "clean-minimal.md").read_text(encoding="utf-8")
    tabbed = tab_table_three(clean)
    assert "\n一、本年新收政府信息公开申请数量\t\t10\t1\t0\t0\t1\t0\t12\n" in tabbed
    quiet = [d.code for d in engine.lint_text("report.txt", tabbed).diagnostics]
    assert quiet == []
    empty = tabbed.replace("（一）予以公开\t6\t1\t0\t0\t0\t0\t7", "（一）予以公开\t6\t1\t0\t0\t0\t0\t")
    found = [(d.code, d.message.zh) for d in engine.lint_text("report.txt", empty).diagnostics if d.code < "GL2"]
    assert found == [("GL105", "表三“（一）予以公开”行“总计”1 个单元格为空（空白不等于 0，没有发生应填 0）")]
    layout = tab_table_three(clean, end="\t").replace("\t6\t1\t0\t0\t0\t0\t7\t", "\t6\t1\t0\t0\t0\t7\t")
    assert [d.code for d in engine.lint_text("report.txt", layout).diagnostics if d.code < "GL2"] == ["GL104"]
