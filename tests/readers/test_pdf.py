"""The PDF reader on PDFs that LibreOffice made from Word files in the official layout
(tests/readers/pdf/make_fixtures.py): the numbers of seeds-corrected/000 read back from glyph
positions, in their rows and columns, wherever the file stores them."""

from __future__ import annotations

import io
import random
import re
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pytest
from conftest import FIXTURES

from govlint.engine import Engine, Settings
from govlint.model import Cell, Document, Heading, Paragraph, RawTable, Report
from govlint.readers import pdf, pdf_rows
from govlint.readers.pdf_rows import Glyph, Rule

HERE = Path(__file__).resolve().parent / "pdf"
SEED = FIXTURES / "seeds-corrected" / "000.txt"
HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@cache
def read(name: str) -> Document:
    return pdf.read_bytes((HERE / name).read_bytes(), name)


def report(path: Path) -> Report:
    engine = Engine(Settings())
    found = engine.report(engine.load_path(str(path)))
    assert isinstance(found, Report)
    return found


def tables(doc: Document) -> list[RawTable]:
    return [b for b in doc.blocks if isinstance(b, RawTable)]


def texts(table: RawTable) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def plain(text: str) -> str:
    """A label as the seed writes it, in the form's full-width brackets, without spaces."""
    return re.sub(r"\s+", "", text.replace("(", "（").replace(")", "）").replace(",", "，"))


def seed_values(template: str) -> list[list[str]]:
    table = report(SEED).table(template)
    assert table is not None
    return [[cell.raw for cell in row.cells] for row in table.rows]


def test_table_three_is_the_official_grid_with_the_seeds_numbers() -> None:
    table = tables(read("report.pdf"))[1]
    grid = texts(table)
    assert table.columns == 10 and len(grid) == 3 + 25
    assert grid[0] == [HEADER_NOTE] * 3 + ["申请人情况"] * 7
    assert grid[1] == [HEADER_NOTE] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"]
    applicants = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert grid[2] == [HEADER_NOTE] * 3 + applicants
    assert [row[3:] for row in grid[3:]] == seed_values("三")
    seed_labels = [plain(row.label) for row in report(SEED).tables[1].rows]
    assert [plain(row[2]) for row in grid[3:]] == seed_labels
    # merged cells: the same Cell wherever it stands
    spans = [row[0] for row in table.rows[5:27]]
    assert len({id(cell) for cell in spans}) == 1 and spans[0].text == "三、本年度办理结果"
    assert {row[1].text for row in table.rows[7:15]} == {"（三）不予公开"}
    assert table.rows[7][1] is table.rows[14][1] and table.rows[15][1] is not table.rows[14][1]


def test_tables_two_and_four_keep_their_two_header_levels() -> None:
    two, _, four = tables(read("report.pdf"))
    assert texts(two)[:4] == [
        ["第二十条第（一）项"] * 4,
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "7", "11", "20"],
    ]
    assert texts(two)[6] == ["行政许可", "20211", "20211", "20211"]  # one cell over three columns
    grid = texts(four)
    assert grid[0] == ["行政复议"] * 5 + ["行政诉讼"] * 10
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert grid[1] == results + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
    assert grid[2][5:] == results * 2
    assert [grid[3]] == seed_values("四")


def test_the_pdf_aligns_to_the_same_numbers_as_the_text() -> None:
    pdf_report = report(HERE / "report.pdf")
    for template in ("二", "三", "四"):
        table = pdf_report.table(template)
        assert table is not None
        assert [[cell.raw for cell in row.cells] for row in table.rows] == seed_values(template), template


def test_a_cell_knows_its_page_and_line() -> None:
    doc = read("report.pdf")
    table = tables(doc)[1]
    place = doc.source.place(table.rows[3][3].span.start)  # 一、本年新收 自然人: 69
    assert table.rows[3][3].text == "69"
    assert place is not None and (place.page, place.line) == (2, 32)
    assert place.where.zh == "第 2 页第 32 行" and place.where.en == "page 2, line 32"
    after_break = doc.source.place(table.rows[12][2].span.start)  # 6.属于四类过程性信息, on page 3
    assert after_break is not None and (after_break.page, after_break.line) == (3, 5)


def test_a_paragraph_knows_its_page_and_line() -> None:
    doc = read("report.pdf")
    heading = next(b for b in doc.blocks if isinstance(b, Heading) and b.text.startswith("三、"))
    place = doc.source.place(heading.span.start)
    assert place is not None and (place.page, place.line) == (2, 26)


def test_running_headers_footers_and_page_numbers_are_dropped() -> None:
    lines = read("report.pdf").source.text.splitlines()
    assert "同心县人民政府办公室" not in lines
    assert not [line for line in lines if re.fullmatch(r"-\s*\d+\s*-", line)]
    assert not [line for line in read("break.pdf").source.text.splitlines() if re.fullmatch(r"第\s*\d+\s*页", line)]


def test_every_paragraph_reads_whole_also_across_a_page_break() -> None:
    """Each paragraph of the Word file is one line of the text: its lines joined, Chinese
    without spaces, also those a page break cuts (pages 1, 3, 4 and 5 of report.pdf end inside
    one)."""
    lines = {plain(line) for line in read("report.pdf").source.text.splitlines()}
    paragraphs: list[str] = []
    joins = False  # the paragraph before ran on
    for block in report(SEED).document.blocks:
        if isinstance(block, Paragraph | Heading):
            text = plain(block.text.replace("**", ""))
            heading = isinstance(block, Heading) and block.level <= 2
            if joins and not heading:
                paragraphs[-1] += text  # the seed's own page breaks ("…占" / "比 20%…"), whole in the Word file
            else:
                paragraphs.append(text)
            joins = not heading and not paragraphs[-1].endswith(("。", "：", "）", "；"))
    assert len(paragraphs) >= 20 and [p for p in paragraphs if p not in lines] == []


def test_a_label_wrapped_in_its_cell_is_one_cell() -> None:
    grid = texts(tables(read("report.pdf"))[1])
    assert grid[23][2] == "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert grid[6][1] == "（二）部分公开（区分处理的,只计这一情形,不计其他情形）"  # three lines in the PDF


def test_table_three_across_a_page_break_is_one_table() -> None:
    doc = read("break.pdf")
    [table] = tables(doc)
    assert table.columns == 10 and len(table.rows) == 28
    assert [texts(table)[r][3:] for r in range(3, 28)] == seed_values("三")
    label = table.rows[5][0]
    assert all(row[0] is label for row in table.rows[5:27])  # the merged cell cut by the break, whole
    pages = {doc.source.place(row[3].span.start).page for row in table.rows}  # type: ignore[union-attr]
    assert pages == {1, 2}


def test_a_table_without_rules_is_read_by_its_columns_of_numbers() -> None:
    [table] = tables(read("borderless.pdf"))
    grid = texts(table)
    assert grid[0] == ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert [row[1:] for row in grid[1:]] == seed_values("三")
    assert [plain(row[0]) for row in grid[1:]] == [plain(row.label) for row in report(SEED).tables[1].rows]


def test_glyph_and_rule_order_in_the_file_does_not_matter() -> None:
    """The PDF may store a row's label after other rows' numbers: shuffled glyphs and rules
    read to the same text."""
    pages = list(pdf.pages((HERE / "report.pdf").read_bytes(), "report.pdf"))
    shuffled = []
    rng = random.Random(7)
    for page in pages:
        glyphs: list[Glyph] = list(page.glyphs)
        rules: list[Rule] = list(page.rules)
        rng.shuffle(glyphs)
        rng.shuffle(rules)
        shuffled.append(page._replace(glyphs=tuple(glyphs), rules=tuple(rules)))
    assert pdf.render("r.pdf", shuffled).source.text == pdf.render("r.pdf", pages).source.text


def test_a_page_of_many_rules_is_a_drawing_read_in_bounded_time() -> None:
    grid = [Rule(0, y, 500, y + 0.5) for y in range(0, 3000, 3)] + [Rule(x, 0, x + 0.5, 3000) for x in range(0, 500, 3)]
    started = time.perf_counter()
    assert pdf_rows.ruled_regions(grid) == []  # 1,000 rules across: no report table
    assert pdf_rows.ruled_regions(grid[:300] + grid[1000:1050])[0].x1 == 147.25  # a large grid still is one
    assert time.perf_counter() - started < 5


def _part(*rows: list[str]) -> pdf_rows.Table:
    """A table part of one-cell-wide columns, as a page holds it."""
    cells = tuple(pdf_rows.GridCell(r, c, 1, 1, text, 1, r + 1)
                  for r, row in enumerate(rows) for c, text in enumerate(row))
    edges = tuple(100.0 * c for c in range(1, len(rows[0])))
    return pdf_rows.Table(cells, len(rows), edges, 0, 100 * len(rows[0]), 0, 10)


def _rows(table: pdf_rows.Table) -> list[list[str]]:
    out: list[list[str]] = [[] for _ in range(table.rows)]
    for cell in sorted(table.cells, key=lambda c: (c.row, c.column)):
        out[cell.row].append(cell.text)
    return out


def test_a_table_part_on_the_next_page_joins_by_its_columns() -> None:
    upper = _part(["信息内容", "本年制发件数"], ["1.本机关不掌握相关", "14"])
    cut_row = pdf_rows.join_tables(upper, _part(["政府信息", ""], ["2.没有现成信息", "0"]))
    assert cut_row is not None
    assert _rows(cut_row)[1:] == [["1.本机关不掌握相关政府信息", "14"], ["2.没有现成信息", "0"]]
    blank_row = pdf_rows.join_tables(upper, _part(["2.没有现成信息", ""], ["3.补正后", "0"]))  # a blank, not a cut
    assert blank_row is not None and _rows(blank_row)[2:] == [["2.没有现成信息", ""], ["3.补正后", "0"]]
    repeated = pdf_rows.join_tables(upper, _part(["信息内容", "本年制发件数"], ["2.没有现成信息", "0"]))
    assert repeated is not None and _rows(repeated)[2:] == [["2.没有现成信息", "0"]]
    assert pdf_rows.join_tables(upper, _part(["2.没有现成信息", "0", "0"])) is None  # other columns: another table


def _line(text: str, x0: float, top: float, size: float = 12.0) -> pdf_rows.Line:
    return pdf_rows.group_lines(Glyph(c, x0 + i * size, top, x0 + (i + 1) * size, top + size)
                                for i, c in enumerate(text))[0]


def test_paragraphs_end_at_short_lines_indents_and_wide_gaps_and_a_centred_title_is_one() -> None:
    measure = pdf_rows.Measure(left=72, right=528, gap=8, body=12)
    lines = [
        _line("同心县人民政府办公室", 300 - 5 * 18, 60, 18),  # a title centred over two lines
        _line("政府信息公开工作年度报告", 300 - 6 * 18, 82, 18),
        _line("一、总体情况", 72, 120),  # a heading: a short line
        _line("本" * 36, 96, 138),  # indented, full: runs on
        _line("年" * 20, 72, 156),  # ends short
        _line("二" * 38, 72, 174),  # not indented, but after a short line
        _line("三" * 38, 72, 200),  # after a wide gap
        _line("电" * 25 + "0793-", 96, 218),  # short: the number did not fit
        _line("7352618，" + "四" * 28 + "。", 72, 236),
        _line("一、总体情况", 72, 254),  # a heading after a full line that ends a sentence
    ]
    centres = pdf_rows.page_lines([g for line in lines for g in line.glyphs])
    blocks = pdf_rows.paragraphs(lines, 1, centres, measure)
    assert [b.text for b in blocks] == [
        "同心县人民政府办公室政府信息公开工作年度报告", "一、总体情况", "本" * 36 + "年" * 20, "二" * 38, "三" * 38,
        "电" * 25 + "0793-7352618，" + "四" * 28 + "。", "一、总体情况",
    ]
    assert [b.line for b in blocks] == [1, 3, 4, 6, 7, 8, 10]
    assert [b.full for b in blocks] == [False, False, False, True, True, True, False]


def test_a_line_ends_short_where_the_next_lines_first_word_did_not_fit() -> None:
    """Word and LibreOffice move a web address or a number that does not fit to the next line,
    also after Chinese text or a dash: the paragraph goes on. A word that would have fit means
    the line ended its paragraph."""
    measure = pdf_rows.Measure(left=72, right=528, gap=8, body=12)
    lines = [
        _line("电" * 25 + "门户", 72, 100),  # 11 characters left: the address below needs 20
        _line("(www.example.gov.cn)查阅。" + "五" * 10, 72, 118),
        _line("电" * 33 + "0954—", 72, 136),  # 2 characters left: “7731010。” needs 8
        _line("7731010。", 72, 154),
        _line("六" * 30, 72, 172),  # 8 characters left: “2023” would have fit
        _line("2023年，" + "七" * 10, 72, 190),
    ]
    centres = pdf_rows.page_lines([g for line in lines for g in line.glyphs])
    blocks = pdf_rows.paragraphs(lines, 1, centres, measure)
    assert [b.text for b in blocks] == [
        "电" * 25 + "门户(www.example.gov.cn)查阅。" + "五" * 10, "电" * 33 + "0954—7731010。", "六" * 30,
        "2023年，" + "七" * 10,
    ]


def test_a_scan_renders_no_text() -> None:
    doc = read("scan.pdf")
    assert doc.source.text == "" and doc.blocks == () and doc.source.rendered == "pdf"


def test_a_pdf_with_only_an_owner_password_is_read() -> None:
    assert tables(read("owner-only.pdf"))[0].rows[3][3].text == "69"


def _bad_inputs(folder: Path) -> dict[str, tuple[Path, str]]:
    clean = (HERE / "break.pdf").read_bytes()
    made = {
        "truncated.pdf": (clean[: len(clean) // 2], "已损坏"),
        "random.pdf": (random.Random(1).randbytes(4096), "不是 PDF"),
        "empty.pdf": (b"", "不是 PDF"),
        "html.pdf": ("<html><body>报告</body></html>".encode(), "不是 PDF"),
        "header-only.pdf": (b"%PDF-1.7\n%%EOF\n", "已损坏"),
    }
    out = {"encrypted.pdf": (HERE / "encrypted.pdf", "已加密，请提供未加密的版本")}
    for name, (data, message) in made.items():
        (folder / name).write_bytes(data)
        out[name] = (folder / name, message)
    return out


def test_every_bad_input_is_one_clear_error(tmp_path: Path) -> None:
    engine = Engine(Settings())
    for name, (path, message) in _bad_inputs(tmp_path).items():
        result = engine.lint_path(str(path))
        assert result.error is not None and message in result.error, (name, result.error)
        assert result.error.startswith(f"{path}: ") and "/ " in result.error
        assert result.diagnostics == (), name
    encrypted = engine.lint_path(str(HERE / "encrypted.pdf")).error
    assert encrypted is not None and "is encrypted: provide an unencrypted copy" in encrypted


def _long_pdf(pages: int) -> bytes:
    """A PDF of ``pages`` pages: report.pdf's six over and over (PDFium copies them)."""
    import pypdfium2

    source = pypdfium2.PdfDocument(HERE / "report.pdf")
    out = pypdfium2.PdfDocument.new()
    while len(out) < pages:
        out.import_pages(source, list(range(min(len(source), pages - len(out)))))
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def test_a_500_page_pdf_is_read_up_to_the_cap_in_bounded_time() -> None:
    data = _long_pdf(500)
    started = time.perf_counter()
    doc = pdf.read_bytes(data, "long.pdf")
    elapsed = time.perf_counter() - started
    pages = {place.page for place in doc.source.places}
    assert max(pages) == pdf.MAX_PAGES and elapsed < 30
    assert doc.source.text.count("同心县 2023 年政府信息公开工作年度报告\n") == pdf.MAX_PAGES // 6 + 1


FORMATS = FIXTURES / "formats"
EXAMPLES = FIXTURES.parent.parent / "examples" / "reports"
#: PDFs that tools/make_format_fixtures.py made from these text reports: other layouts than
#: ours (a title on two lines, repeated header rows, a header row cut by a page break,
#: 第 N 页 共 M 页 footers, a note under table 四, planted defects).
TWINS = {
    "seed001.pdf": FIXTURES / "seeds-corrected" / "001.txt",
    "seed004.pdf": FIXTURES / "seeds-corrected" / "004.txt",
    "wuyuan-2023.pdf": EXAMPLES / "wuyuan-2023.md",
    "wuyuan-jiaoti-2023.pdf": EXAMPLES / "wuyuan-jiaoti-2023.md",
    "wuyuan-jiaoti-2023-restricted.pdf": EXAMPLES / "wuyuan-jiaoti-2023.md",
    "longde-2023-defects.pdf": EXAMPLES / "longde-2023-defects.txt",
}


@pytest.mark.parametrize(("pdf_path", "text_path"), [(HERE / "report.pdf", SEED)]
                         + [(FORMATS / name, text) for name, text in TWINS.items()], ids=lambda p: p.name)
def test_a_pdf_finds_what_its_text_finds(pdf_path: Path, text_path: Path) -> None:
    engine = Engine(Settings())
    text_codes = sorted(d.code for d in engine.lint_path(str(text_path)).diagnostics)
    assert sorted(d.code for d in engine.lint_path(str(pdf_path)).diagnostics) == text_codes


def test_a_markdown_run_does_not_import_the_pdf_reader(tmp_path: Path) -> None:
    report_md = tmp_path / "r.md"
    report_md.write_text("# 同心县 2023 年政府信息公开工作年度报告\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "govlint", "check", str(report_md)],
                          capture_output=True, text=True, check=False)
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "govlint.readers.text" in imported
    assert not {name for name in imported if name.startswith(("pypdfium2", "govlint.readers.pdf"))}


def test_cells_of_a_grid_have_their_spans_in_the_text() -> None:
    doc = read("report.pdf")
    for table in tables(doc):
        for row in table.rows:
            for cell in row:
                assert isinstance(cell, Cell)
                assert doc.source.text[cell.span.start : cell.span.end] == cell.text
