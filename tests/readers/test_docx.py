"""The .docx reader: paragraphs and headings, tables as grids with merges resolved, places,
what is not report text, the same findings as the report as text, and bad files refused
with one clear error. Every Word file is made here (tests/readers/docx/build.py)."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from conftest import CLEAN, FIXTURES, clean_with
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from govlint.commands import main
from govlint.engine import Engine, Settings
from govlint.model import Document, Heading, Paragraph, RawTable
from govlint.readers import docx as reader
from govlint.source import DecodeError
from tests.readers.docx import build

ENGINE = Engine(Settings())


def read(data: bytes, path: str = "report.docx") -> Document:
    return reader.read_bytes(data, path)


def lines(document: Document) -> list[str]:
    return document.source.text.split("\n")[:-1]


def where(document: Document, offset: int) -> str:
    place = document.source.place(offset)
    assert place is not None
    return place.where.en


def body(xml: str) -> bytes:
    """A Word file whose body is this raw WordprocessingML."""
    return build.with_body(build.save(docx.Document()), xml)


def run(text: str) -> str:
    return f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r>"


def para(*runs: str, props: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{''.join(runs)}</w:p>"


# --------------------------------------------------------------------------- paragraphs and headings


def test_paragraphs_in_order_and_headings_from_styles_or_numerals() -> None:
    document = docx.Document()
    document.add_paragraph("某县2023年政府信息公开工作年度报告", style="Title")
    document.add_paragraph("")
    document.add_paragraph("根据《条例》要求，编制本报告。")
    document.add_paragraph("一、总体情况", style="Heading 1")
    document.add_paragraph("（一）主动公开", style="Heading 2")
    document.add_paragraph("全年主动公开政府信息1200条。")
    document.add_paragraph("二、主动公开政府信息情况")  # Normal style: judged by its numeral
    document.add_paragraph("其他事项", style="Heading 3")  # no numeral: the style's level
    found = read(build.save(document))
    assert [(type(b).__name__, getattr(b, "level", None), b.text) for b in found.blocks] == [
        ("Heading", 1, "某县2023年政府信息公开工作年度报告"),
        ("Paragraph", None, "根据《条例》要求，编制本报告。"),
        ("Heading", 2, "一、总体情况"),
        ("Heading", 3, "（一）主动公开"),
        ("Paragraph", None, "全年主动公开政府信息1200条。"),
        ("Heading", 2, "二、主动公开政府信息情况"),
        ("Heading", 3, "其他事项"),
    ]
    assert found.reader == "docx" and found.source.rendered == "docx"
    assert where(found, found.blocks[4].span.start) == "paragraph 5"  # the empty paragraph is not counted
    assert found.source.place(found.blocks[4].span.start).where.zh == "第 5 段"  # type: ignore[union-attr]


def test_chinese_style_names_outline_levels_and_the_table_of_contents_left_out() -> None:
    document = docx.Document()
    heading = document.styles.add_style("标题 2", WD_STYLE_TYPE.PARAGRAPH)
    outlined = document.styles.add_style("报告小标题", WD_STYLE_TYPE.PARAGRAPH)
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "2")
    outlined.element.get_or_add_pPr().append(level)
    document.add_paragraph("一、总体情况\t1", style=document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH))
    document.add_paragraph("工作概述", style=heading)
    document.add_paragraph("平台建设", style=outlined)
    data = build.save(document)
    toc = ("<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val='Table of Contents'/></w:docPartObj></w:sdtPr>"
           f"<w:sdtContent>{para(run('二、主动公开政府信息情况 3'))}</w:sdtContent></w:sdt>")
    data = build.with_part(data, "word/document.xml", lambda xml: xml.replace(b"<w:body>", f"<w:body>{toc}".encode()))
    data = build.with_part(data, "word/document.xml", lambda xml: xml.replace(
        b"</w:body>", para(run("监督保障"), props="<w:outlineLvl w:val='1'/>").encode() + b"</w:body>"))
    found = read(data)
    assert [(b.level, b.text) for b in found.blocks if isinstance(b, Heading)] == [
        (2, "工作概述"), (3, "平台建设"), (2, "监督保障")]
    assert "主动公开" not in found.source.text and "总体情况" not in found.source.text


def test_styles_written_with_another_prefix_and_strict_documents_are_read() -> None:
    styles = (f"<s:styles xmlns:s='{build.W}'><s:style s:type='paragraph' s:styleId='H'><s:name s:val='heading 1'/>"
              "</s:style></s:styles>").encode()
    data = build.with_part(body(para(run("总体情况"), props="<w:pStyle w:val='H'/>")), "word/styles.xml", styles)
    assert [(b.level, b.text) for b in read(data).blocks] == [(1, "总体情况")]
    strict = build.with_part(body(para(run("一、总体情况"))), "word/document.xml",
                             lambda xml: xml.replace(build.W.encode(), reader.STRICT.encode()))
    assert lines(read(strict)) == ["一、总体情况"]


def test_list_numbers_drawn_by_word_are_read_as_the_text_shows_them() -> None:
    numbering = (
        f"<w:numbering xmlns:w='{build.W}'><w:abstractNum w:abstractNumId='3'>"
        "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='chineseCounting'/><w:suff w:val='nothing'/>"
        "<w:lvlText w:val='%1、'/></w:lvl>"
        "<w:lvl w:ilvl='1'><w:start w:val='1'/><w:numFmt w:val='chineseCounting'/><w:lvlText w:val='（%2）'/></w:lvl>"
        "<w:lvl w:ilvl='2'><w:start w:val='1'/><w:numFmt w:val='decimal'/><w:lvlText w:val='%3.'/></w:lvl>"
        "</w:abstractNum><w:abstractNum w:abstractNumId='4'><w:lvl w:ilvl='0'><w:numFmt w:val='bullet'/>"
        "<w:lvlText w:val='●'/></w:lvl></w:abstractNum>"
        "<w:num w:numId='7'><w:abstractNumId w:val='3'/></w:num><w:num w:numId='8'><w:abstractNumId w:val='4'/></w:num>"
        "</w:numbering>").encode()

    def numbered(text: str, num: int, ilvl: int) -> str:
        return para(run(text), props=f"<w:numPr><w:ilvl w:val='{ilvl}'/><w:numId w:val='{num}'/></w:numPr>")

    data = build.with_part(body(
        numbered("总体情况", 7, 0) + numbered("主动公开", 7, 1) + numbered("依申请公开", 7, 1)
        + numbered("要点", 7, 2) + numbered("主动公开政府信息情况", 7, 0) + numbered("制发文件", 7, 1)
        + numbered("一项要点", 8, 0) + numbered("不再编号", 0, 0)
    ), "word/numbering.xml", numbering)
    assert lines(read(data)) == ["一、总体情况", "（一）主动公开", "（二）依申请公开", "1. 要点",
                                 "二、主动公开政府信息情况", "（一）制发文件", "一项要点", "不再编号"]
    assert [b.level for b in read(data).blocks[:3] if isinstance(b, Heading)] == [2, 3, 3]


# --------------------------------------------------------------------------- tables

HEAD = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况", *[""] * 6]
TABLE_THREE = [
    HEAD,
    ["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
    ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ["一、本年新收政府信息公开申请数量", "", "10", "1", "0", "0", "1", "0", "12"],
    ["三、本年度办理结果", "（一）予以公开", "6", "1", "0", "0", "0", "0", "7"],
    ["", "（二）部分公开", "1", "0", "0", "0", "0", "0", "1"],
]
#: The official layout's merges: the note 3×2, 申请人情况 across 7, 自然人 and 总计 down 2,
#: 法人或其他组织 across 5, a row label across 2, 三、本年度办理结果 down 2.
TABLE_THREE_MERGES = [(0, 0, 2, 1), (0, 2, 0, 8), (1, 2, 2, 2), (1, 3, 1, 7), (1, 8, 2, 8), (3, 0, 3, 1), (4, 0, 5, 0)]


def test_table_three_with_merged_header_cells_and_row_labels_reads_to_its_grid() -> None:
    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    build.add_table(document, TABLE_THREE, TABLE_THREE_MERGES)
    found = read(build.save(document))
    (table,) = [b for b in found.blocks if isinstance(b, RawTable)]
    assert table.columns == 9 and len(table.rows) == 6
    assert [[c.text for c in row] for row in table.rows] == [
        [HEAD[0]] * 2 + ["申请人情况"] * 7,
        [HEAD[0]] * 2 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"],
        [HEAD[0]] * 2 + ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
        ["一、本年新收政府信息公开申请数量"] * 2 + ["10", "1", "0", "0", "1", "0", "12"],
        ["三、本年度办理结果", "（一）予以公开", "6", "1", "0", "0", "0", "0", "7"],
        ["三、本年度办理结果", "（二）部分公开", "1", "0", "0", "0", "0", "0", "1"],
    ]
    assert table.rows[5][0] is table.rows[4][0] and table.rows[2][8] is table.rows[1][8]
    # A merged cell is listed once, where it starts: the rendered row leaves it out.
    assert lines(found)[-1] == "（二）部分公开\t1\t0\t0\t0\t0\t0\t1"
    assert where(found, table.rows[5][1].span.start) == "table 1, row 6, column 2"
    assert where(found, table.rows[5][0].span.start) == "table 1, row 5, column 1"
    assert found.source.place(table.rows[1][3].span.start).where.zh == "表格 1 第 2 行第 4 列"  # type: ignore[union-attr]


def test_python_docx_repeats_a_merged_cell_in_every_position() -> None:
    """Why govlint reads the XML itself: python-docx hides where a merge starts."""
    document = docx.Document()
    table = build.add_table(document, TABLE_THREE, TABLE_THREE_MERGES)
    # Row 6 shows the label of row 5 again: nothing tells that it continues a merge.
    assert [c.text for c in table.rows[5].cells][:2] == ["三、本年度办理结果", "（二）部分公开"]


def test_grid_before_old_horizontal_merges_and_deleted_rows() -> None:
    def cell(text: str, props: str = "") -> str:
        return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{para(run(text))}</w:tc>"

    rows = (
        f"<w:tr>{cell('信息内容')}{cell('本年制发件数')}{cell('本年废止件数')}</w:tr>"
        f"<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>{cell('5')}{cell('2')}</w:tr>"
        f"<w:tr><w:trPr><w:del w:id='1' w:author='a'/></w:trPr>{cell('删除的行')}{cell('1')}{cell('2')}</w:tr>"
        + "<w:tr>" + cell("第二十条", "<w:hMerge w:val='restart'/>") + cell("", "<w:hMerge/>") + cell("3") + "</w:tr>"
    )
    found = read(body(f"<w:tbl><w:tblGrid/>{rows}</w:tbl>"))
    (table,) = found.blocks
    assert isinstance(table, RawTable)
    assert [[c.text for c in row] for row in table.rows] == [
        ["信息内容", "本年制发件数", "本年废止件数"], ["", "5", "2"], ["第二十条", "第二十条", "3"]]
    assert where(found, table.rows[2][2].span.start) == "table 1, row 3, column 3"


def test_cell_paragraphs_joined_without_spaces_between_chinese() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    first, second, third = table.rows[0].cells
    first.text = "（二）部分公开"
    first.add_paragraph("（区分处理的，只计这一情形）")
    second.text = "Total"
    second.add_paragraph("count")
    third.text = "结果"
    third.add_paragraph("维持")
    document.add_paragraph("2023年政府信息").add_run().add_break()
    document.paragraphs[-1].add_run("公开工作年度报告")
    found = read(build.save(document))
    table_block = found.blocks[0]
    assert isinstance(table_block, RawTable)
    assert [c.text for c in table_block.rows[0]] == [
        "（二）部分公开（区分处理的，只计这一情形）", "Total count", "结果维持"]
    assert found.blocks[1].text == "2023年政府信息公开工作年度报告"


def test_a_one_cell_frame_is_read_as_body_and_a_nested_table_is_flattened_into_its_cell() -> None:
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.text = "一、总体情况"
    frame.add_paragraph("全年主动公开政府信息1200条。")
    inner = frame.add_table(rows=2, cols=2)
    for r, texts in enumerate((("规章", "0"), ("行政规范性文件", "5"))):
        for c, text in enumerate(texts):
            inner.cell(r, c).text = text
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "附表"
    nested = outer.cell(0, 1).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "行政许可"
    nested.cell(0, 1).text = "20"
    found = read(build.save(document))
    assert [type(b).__name__ for b in found.blocks] == ["Heading", "Paragraph", "RawTable", "RawTable"]
    assert [[c.text for c in row] for row in found.blocks[2].rows] == [["规章", "0"], ["行政规范性文件", "5"]]  # type: ignore[union-attr]
    assert [c.text for c in found.blocks[3].rows[0]] == ["附表", "行政许可 20"]  # type: ignore[union-attr]
    assert where(found, found.blocks[3].span.start) == "table 3, row 1, column 1"


# --------------------------------------------------------------------------- what is not report text


def test_headers_footers_comments_deletions_text_boxes_hidden_text_and_field_codes_left_out() -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "页眉文字"
    document.sections[0].footer.paragraphs[0].text = "页脚文字"
    commented = document.add_paragraph("有批注的段落")
    document.add_comment(commented.runs, text="批注文字", author="审核人")
    hidden = document.add_paragraph("看得见")
    hidden.add_run("隐藏文字").font.hidden = True
    text_box = (
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor><a:graphic "
        "xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/main'><a:graphicData><wps:wsp><wps:txbx>"
        f"<w:txbxContent>{para(run('文本框文字'))}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        f"</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{para(run('文本框文字'))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    revised = para(
        run("共受理申请"),
        "<w:del w:id='1' w:author='a'><w:r><w:delText>69</w:delText></w:r></w:del>",
        "<w:ins w:id='2' w:author='a'>" + run("70") + "</w:ins>",
        run("件。"), text_box,
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r>" + run("（第3页）")
        + "<w:r><w:fldChar w:fldCharType='end'/></w:r>",
        "<w:r><w:footnoteReference w:id='1'/></w:r>",
    )
    data = build.save(document)
    data = build.with_part(data, "word/document.xml",
                           lambda xml: xml.replace(b"</w:body>", revised.encode() + b"</w:body>"))
    assert lines(read(data)) == ["有批注的段落", "看得见", "共受理申请70件。（第3页）"]


# --------------------------------------------------------------------------- end to end

VARIANTS = {
    "clean": ("", ""),
    "row total": ("| 一、本年新收政府信息公开申请数量 | | 10 | 1 | 0 | 0 | 1 | 0 | 12 |",
                  "| 一、本年新收政府信息公开申请数量 | | 10 | 1 | 0 | 0 | 1 | 0 | 13 |"),
    "section": ("## 五、存在的主要问题及改进情况", "## 五、存在的问题"),
    "table four": ("| 1 | 0 | 0 | 0 | 1 | 0 |", "| 1 | 0 | 0 | 0 | 2 | 0 |"),
    "empty cell": ("| 行政规范性文件 | 5 | 2 | 30 |", "| 行政规范性文件 | 5 | 2 | |"),
}


def codes(path: Path) -> list[str]:
    result = ENGINE.lint_path(str(path))
    assert result.error is None
    return sorted(d.code for d in result.diagnostics)


@pytest.mark.parametrize("change", VARIANTS.values(), ids=VARIANTS.keys())
def test_a_report_as_word_gives_the_findings_it_gives_as_text(tmp_path: Path, change: tuple[str, str]) -> None:
    text = clean_with(*change) if change[0] else CLEAN
    (tmp_path / "report.md").write_text(text, encoding="utf-8")
    build.save(build.report(text), tmp_path / "report.docx")
    assert codes(tmp_path / "report.docx") == codes(tmp_path / "report.md")
    if change[0]:
        assert codes(tmp_path / "report.docx")


def test_a_seed_as_word_gives_the_findings_it_gives_as_text(tmp_path: Path) -> None:
    seed = FIXTURES / "seeds-corrected" / "000.txt"
    build.save(build.report(seed.read_text(encoding="utf-8"), path=seed.name), tmp_path / "000.docx")
    assert codes(tmp_path / "000.docx") == codes(seed)


def test_a_markdown_run_does_not_import_the_word_reader(tmp_path: Path) -> None:
    report = tmp_path / "x.md"
    report.write_text(CLEAN, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "govlint", "check", str(report)],
                          capture_output=True, text=True, check=False)
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "govlint.readers.markdown" in imported
    assert not imported & {"govlint.readers.docx", "xml.etree.ElementTree", "pyexpat"}


# --------------------------------------------------------------------------- bad files

MINIMAL = build.save(docx.Document())
STYLED = body(para(run("一、总体情况"), props="<w:pStyle w:val='Heading1'/>"))  # its style is looked up
BAD_FILES = {
    "old Word": ("r.doc", reader.OLE2 + b"\0" * 2000, "old Word/WPS file: save it as .docx"),
    "old WPS": ("r.wps", reader.OLE2 + b"\0" * 2000, "old Word/WPS file: save it as .docx"),
    "old Word named .docx": ("r.docx", reader.OLE2 + b"\0" * 2000, "old Word/WPS file: save it as .docx"),
    "password": ("r.docx", reader.OLE2 + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100,
                 "protected by a password"),
    "RTF named .doc": ("r.doc", b"{\\rtf1\\ansi hello}", "not a Word file govlint can read"),
    "not a zip": ("r.docx", "一、总体情况".encode(), "a .docx is a zip package"),
    "empty": ("r.docx", b"", "a .docx is a zip package"),
    "truncated": ("r.docx", MINIMAL[: len(MINIMAL) // 2], "truncated or damaged"),
    "no document.xml": ("r.docx", build.package({"xl/workbook.xml": b"<workbook/>"}), "no word/document.xml"),
    "zip bomb by ratio": ("r.docx", build.bomb(), "refused as a zip bomb"),
    "zip bomb by size": ("r.docx", build.patched(MINIMAL, "word/document.xml", 24, "<I", 0xF0000000),
                         "refused as a zip bomb"),
    "size understated": ("r.docx", build.patched(MINIMAL, "word/document.xml", 24, "<I", 100), "truncated or damaged"),
    "zip password": ("r.docx", build.patched(MINIMAL, "word/document.xml", 8, "<H", 1), "protected by a password"),
    "compression method": ("r.docx", build.patched(MINIMAL, "word/document.xml", 10, "<H", 99), "cannot unpack"),
    "billion laughs": ("r.docx", build.with_part(MINIMAL, "word/document.xml", build.LAUGHS), "DOCTYPE"),
    "external entity": ("r.docx", build.with_part(MINIMAL, "word/document.xml", build.EXTERNAL), "DOCTYPE"),
    "DOCTYPE in styles": ("r.docx", build.with_part(STYLED, "word/styles.xml", build.LAUGHS), "DOCTYPE"),
    "deep nesting": ("r.docx", build.with_body(MINIMAL, "<w:p>" + "<w:ins>" * 20_000 + "</w:ins>" * 20_000 + "</w:p>"),
                     "nested too deeply"),
    "deep tables": ("r.docx", build.with_body(MINIMAL, "<w:tbl><w:tr><w:tc>" * 5000 + "</w:tc></w:tr></w:tbl>" * 5000),
                    "nested too deeply"),
    "not XML": ("r.docx", build.with_part(MINIMAL, "word/document.xml", b"<w:document><w:body>"),
                "not well-formed XML"),
}


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_gives_one_clear_error(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = ENGINE.lint_path(str(path))
    assert result.error is not None and message in result.error, result.error
    assert result.error.startswith(f"{path}: ") and "/ " in result.error  # Chinese / English
    assert result.diagnostics == () and result.source is None


def test_too_many_elements_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_ELEMENTS", 1000)
    with pytest.raises(DecodeError, match="too many elements"):
        read(build.with_body(MINIMAL, para(run("x")) * 1000))


def test_a_docx_named_doc_is_read() -> None:
    document = ENGINE.load(body(para(run("一、总体情况"))), "old-name.doc")
    assert isinstance(document, Document) and lines(document) == ["一、总体情况"]


def test_the_command_line_exits_2_and_a_folder_run_does_not_skip_old_word_files(tmp_path: Path) -> None:
    (tmp_path / "a.doc").write_bytes(reader.OLE2 + b"\0" * 600)
    (tmp_path / "b.md").write_text(CLEAN, encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["check", str(tmp_path)])
    assert code == 2
    assert "a.doc" in err.getvalue() and "save it as .docx" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_a_word_file_is_linted_like_any_other(tmp_path: Path) -> None:
    build.save(build.report(CLEAN), tmp_path / "clean.docx")
    result = ENGINE.lint_path(str(tmp_path / "clean.docx"))
    assert result.error is None and result.diagnostics == ()
    assert result.source is not None and result.source.rendered == "docx"
    assert all(isinstance(b, (Heading, Paragraph, RawTable)) for b in read(build.save(build.report(CLEAN))).blocks)
