"""Writes the PDF fixtures of tests/readers/test_pdf.py (run by hand; the PDFs are committed so
CI needs none of this): Word files written with python-docx in the official layout of tables
二, 三 and 四, with the prose and numbers of tests/fixtures/seeds-corrected/000.txt as govlint
reads them, turned into PDFs by LibreOffice, then a scan of one page and an encrypted copy.

Needs: soffice, pdftoppm, fonts-noto-cjk, and python-docx, pypdf and Pillow in the venv.

    .venv/bin/pip install -e '.[test,fixtures]'
    .venv/bin/python tests/readers/pdf/make_fixtures.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph
from PIL import Image
from pypdf import PdfReader, PdfWriter

from govlint.engine import Engine, Settings
from govlint.model import Heading, Paragraph, RawTable, Report, TableMatch

HERE = Path(__file__).resolve().parent
SEED = HERE.parent.parent / "fixtures" / "seeds-corrected" / "000.txt"
FONT = "Noto Sans CJK SC"
#: The running header of report.pdf: repeated at the same place on every page, so dropped.
RUNNING_HEADER = "同心县人民政府办公室"

T3_HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
#: Table 三's label columns: (top-level label, group label, sub-row labels) as the form has them.
T3_GROUPS: list[tuple[str, list[str]]] = [
    ("（三）不予公开", ["（三）1", "（三）2", "（三）3", "（三）4", "（三）5", "（三）6", "（三）7", "（三）8"]),
    ("（四）无法提供", ["（四）1", "（四）2", "（四）3"]),
    ("（五）不予处理", ["（五）1", "（五）2", "（五）3", "（五）4", "（五）5"]),
    ("（六）其他处理", ["（六）1", "（六）2", "（六）3"]),
]
T4_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def seed_report() -> Report:
    engine = Engine(Settings())
    report = engine.report(engine.load_path(str(SEED)))
    assert isinstance(report, Report)
    return report


def prose(report: Report) -> list[tuple[str, str]]:
    """The seed's blocks outside tables as (kind, text); a paragraph the seed's PDF broke at a
    page end (no sentence end) is joined with the next, as the Word file had it."""
    out: list[tuple[str, str]] = []
    for block in report.document.blocks:
        if isinstance(block, RawTable):
            continue
        if isinstance(block, Heading) and block.level <= 2:
            out.append(("title" if block.level == 1 else "heading", block.text))
        elif isinstance(block, Heading | Paragraph):
            if out and out[-1][0] == "para" and not out[-1][1].endswith(("。", "：", "）", "；")):
                out[-1] = ("para", out[-1][1] + block.text)
            else:
                out.append(("para", block.text))
    return out


def set_font(run_or_style: object, size: float, bold: bool = False) -> None:
    font = run_or_style.font  # type: ignore[attr-defined]
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    element = run_or_style.element  # type: ignore[attr-defined]
    rpr = element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), FONT)


def add_text(paragraph: DocxParagraph, text: str, size: float, bold: bool = False) -> None:
    """Runs of ``text``; **…** (the seed's Markdown bold) becomes a bold run."""
    for i, piece in enumerate(re.split(r"\*\*", text)):
        if piece:
            set_font(paragraph.add_run(piece), size, bold or i % 2 == 1)


def add_field(paragraph: DocxParagraph, before: str, instr: str, after: str, size: float) -> None:
    add_text(paragraph, before, size)
    run = paragraph.add_run()
    set_font(run, size)
    for kind in ("begin", None, "separate", "end"):
        if kind is None:
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = instr
        else:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        run._r.append(node)
    add_text(paragraph, after, size)


def new_document(footer: tuple[str, str], header: str = "") -> object:
    doc = new_docx()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.6)
    section.top_margin, section.bottom_margin = Cm(3), Cm(2.6)
    set_font(doc.styles["Normal"], 12)
    if header:
        p = section.header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        add_text(p, header, 9)
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(p, footer[0], "PAGE", footer[1], 10.5)
    return doc


def add_prose(doc: object, kind: str, text: str) -> None:
    p = doc.add_paragraph()  # type: ignore[attr-defined]
    fmt = p.paragraph_format
    fmt.space_after = Pt(4)
    if kind == "title":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_text(p, text, 18, bold=True)
        fmt.space_after = Pt(12)
    elif kind == "heading":
        add_text(p, text, 14, bold=True)
        fmt.space_before = Pt(8)
    else:
        fmt.first_line_indent = Pt(24)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        add_text(p, text, 12)


def new_table(doc: object, rows: int, widths: Sequence[float]) -> Table:
    table: Table = doc.add_table(rows=rows, cols=len(widths))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for i, width in enumerate(widths):
        table.columns[i].width = Cm(width)
        for cell in table.columns[i].cells:
            cell.width = Cm(width)
    return table


def put(table: Table, r: int, c: int, text: str, r2: int | None = None, c2: int | None = None,
        bold: bool = False) -> None:
    """``text`` in the cell at (r, c), merged down to row ``r2`` and across to column ``c2``."""
    cell = table.cell(r, c)
    if r2 is not None or c2 is not None:
        cell = cell.merge(table.cell(r if r2 is None else r2, c if c2 is None else c2))
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if not text or text[0].isdigit() or bold else WD_ALIGN_PARAGRAPH.LEFT
    add_text(p, text, 10.5, bold)


def values(table: TableMatch, row: str) -> list[str]:
    match = table.row(row)
    assert match is not None, row
    return [cell.raw for cell in match.cells]


def table_two(doc: object, t: TableMatch) -> None:
    blocks: list[tuple[str, list[str], list[str]]] = [
        ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
        ("第二十条第（五）项", ["本年处理决定数量"], ["行政许可"]),
        ("第二十条第（六）项", ["本年处理决定数量"], ["行政处罚", "行政强制"]),
        ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["行政事业性收费"]),
    ]
    table = new_table(doc, sum(2 + len(rows) for _, _, rows in blocks), [4.4, 3.6, 3.6, 3.6])
    r = 0
    for title, heads, rows in blocks:
        put(table, r, 0, title, c2=3, bold=True)
        put(table, r + 1, 0, "信息内容", bold=True)
        if len(heads) == 3:
            for i, head in enumerate(heads):
                put(table, r + 1, 1 + i, head, bold=True)
        else:
            put(table, r + 1, 1, heads[0], c2=3, bold=True)
        for i, row in enumerate(rows):
            put(table, r + 2 + i, 0, row)
            numbers = values(t, row)
            if len(numbers) == 3:
                for j, number in enumerate(numbers):
                    put(table, r + 2 + i, 1 + j, number)
            else:
                put(table, r + 2 + i, 1, numbers[0], c2=3)
        r += 2 + len(rows)


def table_three(doc: object, t: TableMatch) -> None:
    labels = {row.row: row.label.replace("(", "（").replace(")", "）").replace(" ", "") for row in t.rows}
    table = new_table(doc, 3 + 25, [1.6, 1.9, 4.4, *[1.2] * 7])
    put(table, 0, 0, T3_HEADER_NOTE, r2=2, c2=2)
    put(table, 0, 3, "申请人情况", c2=9, bold=True)
    put(table, 1, 3, "自然人", r2=2, bold=True)
    put(table, 1, 4, "法人或其他组织", c2=8, bold=True)
    put(table, 1, 9, "总计", r2=2, bold=True)
    for i, name in enumerate(T3_APPLICANTS):
        put(table, 2, 4 + i, name, bold=True)

    def numbers(r: int, row: str) -> None:
        for j, number in enumerate(values(t, row)):
            put(table, r, 3 + j, number)

    r = 3
    for row in ("一", "二"):
        put(table, r, 0, labels[row], c2=2)
        numbers(r, row)
        r += 1
    put(table, r, 0, "三、本年度办理结果", r2=r + 21)
    for row in ("（一）", "（二）"):
        put(table, r, 1, labels[row], c2=2)
        numbers(r, row)
        r += 1
    for group, rows in T3_GROUPS:
        put(table, r, 1, group, r2=r + len(rows) - 1)
        for row in rows:
            put(table, r, 2, labels[row])
            numbers(r, row)
            r += 1
    put(table, r, 1, "（七）总计", c2=2)
    numbers(r, "（七）")
    put(table, r + 1, 0, labels["四"], c2=2)
    numbers(r + 1, "四")


def table_four(doc: object, t: TableMatch) -> None:
    table = new_table(doc, 4, [1.05] * 15)
    put(table, 0, 0, "行政复议", c2=4, bold=True)
    put(table, 0, 5, "行政诉讼", c2=14, bold=True)
    for i, name in enumerate(T4_RESULTS):
        put(table, 1, i, name, r2=2, bold=True)
    put(table, 1, 5, "未经复议直接起诉", c2=9, bold=True)
    put(table, 1, 10, "复议后起诉", c2=14, bold=True)
    for i in range(10):
        put(table, 2, 5 + i, T4_RESULTS[i % 5], bold=True)
    for i, number in enumerate(values(t, "全部")):
        put(table, 3, i, number)


def write_pdf(doc: object, name: str) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / f"{name}.docx"
        doc.save(str(docx))  # type: ignore[attr-defined]
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                       check=True, capture_output=True)
        pdf = HERE / f"{name}.pdf"
        pdf.write_bytes((Path(tmp) / f"{name}.pdf").read_bytes())
    return pdf


def report_pdf(report: Report) -> Path:
    """The whole seed: prose, tables 二, 三 and 四, a running header and "- N -" page numbers."""
    doc = new_document(("- ", " -"), RUNNING_HEADER)
    tables = {t.template: t for t in report.tables}
    makers = {"二": table_two, "三": table_three, "四": table_four}
    for kind, text in prose(report):
        add_prose(doc, kind, text)
        section = text[:1]
        if kind == "heading" and section in makers and text[1:2] == "、":
            makers[section](doc, tables[section])
    return write_pdf(doc, "report")


def break_pdf(report: Report) -> Path:
    """Table 三 alone after enough prose that it crosses a page break, "第 N 页" in the footer."""
    doc = new_document(("第 ", " 页"))
    blocks = prose(report)
    for kind, text in blocks[:6]:
        add_prose(doc, kind, text)
    add_prose(doc, "heading", "三、收到和处理政府信息公开申请情况")
    table_three(doc, next(t for t in report.tables if t.template == "三"))
    return write_pdf(doc, "break")


def borderless_pdf(report: Report) -> Path:
    """Table 三 drawn without lines, a row a label: its numbers' columns are found by where
    they stand. The long labels wrap in their cell."""
    doc = new_document(("", ""))
    add_prose(doc, "heading", "三、收到和处理政府信息公开申请情况")
    t = next(t for t in report.tables if t.template == "三")
    table = new_table(doc, 1 + len(t.rows), [5.6, *[1.4] * 7])
    table.style = None  # no borders
    for i, name in enumerate(["自然人", *T3_APPLICANTS, "总计"]):
        put(table, 0, 1 + i, name, bold=True)
    for r, row in enumerate(t.rows, start=1):
        put(table, r, 0, row.label.replace("(", "（").replace(")", "）").replace(" ", ""))
        for j, number in enumerate(values(t, row.row)):
            put(table, r, 1 + j, number)
    return write_pdf(doc, "borderless")


def scan_pdf(source: Path) -> Path:
    """Page 1 of ``source`` as an image only: a PDF without a text layer."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", "-f", "1", "-l", "1", str(source),
                        f"{tmp}/page"], check=True)
        image = Image.open(next(Path(tmp).glob("page*.png")))
        out = HERE / "scan.pdf"
        image.save(out, resolution=40)
    return out


def encrypted_pdf(source: Path, user_password: str, name: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    out = HERE / name
    with out.open("wb") as f:
        writer.write(f)
    return out


def main() -> None:
    report = seed_report()
    made = [report_pdf(report), break_pdf(report), borderless_pdf(report)]
    made.append(scan_pdf(made[1]))
    made.append(encrypted_pdf(made[1], "user-secret", "encrypted.pdf"))
    made.append(encrypted_pdf(made[1], "", "owner-only.pdf"))  # opens without a password
    for path in made:
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    sys.exit(main())
