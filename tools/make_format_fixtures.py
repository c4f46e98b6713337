"""Write ``tests/fixtures/formats/``: govlint's own text reports as Word, web pages and PDF.

The .docx, .html and .pdf readers are tested on reports in the shapes they are published in,
but real reports may not be downloaded, so this script makes those shapes from the project's
own text fixtures (the corrected seed reports and ``examples/reports``). Each report is read
with govlint itself; its prose comes from the document's blocks in order and its tables are
rewritten in the official layout of the 2021 format (merged headers, row labels spanning
rows), carrying exactly the numbers of the aligned table cells, so a reader's result can be
compared with the text version's. The output is committed: tests never need LibreOffice.

    .venv/bin/pip install -e '.[test]' python-docx pypdf pillow
    .venv/bin/python tools/make_format_fixtures.py            # all files, then README.md
    .venv/bin/python tools/make_format_fixtures.py --no-pdf   # .docx and .html only

PDFs are made by LibreOffice (``soffice``) and rendered pages by ``pdftoppm`` (poppler-utils).
The output is deterministic: fixed document dates, zip entries with a fixed time, and the
PDF's creation date and /ID rewritten in place (same length, so the xref stays valid).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "formats"
#: Every date written into a file (document properties, comments, revisions, PDF info).
WHEN = datetime(2024, 1, 20, 9, 0, 0, tzinfo=timezone.utc)
ZIP_TIME = (2024, 1, 20, 9, 0, 0)
SITE_URL = "http://www.example.gov.cn"


class Job(NamedTuple):
    """One text report and how its published versions look (the variations real reports show)."""

    stem: str
    source: str  # relative to the repository
    headings: str  # "styles": Word heading styles, <h2>; "bold": bold 一、 lines in plain paragraphs
    footer: str  # page numbers: "dash" (— 3 —) or "page" (第 3 页 共 9 页)
    site: str  # the web site that serves the page
    phone: str  # the site's own phone, in its footer (not the report's contact)
    shows: str  # what the files show, for README.md
    title_style: bool = False  # the title in Word's Title style, not a centred bold paragraph
    repeat_header: bool = False  # table 三's header rows repeat on each page (w:tblHeader)
    word_html: bool = False  # also a page saved by Word as a web page, in GBK
    broken_labels: bool = False  # table 四's labels with a line break inside: 结果⏎维持
    pdf: bool = False  # also a PDF (not every report: with LibreOffice 7.4's Type 1 CJK fonts one is ~200 KB)
    split: bool = False  # the PDF's table 三 must cross a page break (checked after conversion)


JOBS = (
    Job("seed000", "tests/fixtures/seeds-corrected/000.txt", "styles", "dash", "同心县人民政府", "0953-8021000",
        "the longest report; Title and Heading 1/2 styles; bold lead-ins inside paragraphs", title_style=True),
    Job("seed001", "tests/fixtures/seeds-corrected/001.txt", "bold", "page", "会同县人民政府", "0745-8821000",
        "headings as bold 一、 lines; the title repeated on two lines as on the original cover; numbered "
        "1.xxx items as prose", pdf=True, split=True),
    Job("seed002", "tests/fixtures/seeds-corrected/002.txt", "styles", "dash", "文水县人民政府", "0358-3021000",
        "Heading styles; table 四's labels broken in two lines (结果⏎维持)", word_html=True, broken_labels=True),
    Job("seed003", "tests/fixtures/seeds-corrected/003.txt", "bold", "dash", "彭阳县人民政府", "0954-7011000",
        "a township's report; （一） sub-headings in bold 楷体"),
    Job("seed004", "tests/fixtures/seeds-corrected/004.txt", "styles", "page", "新源县人民政府", "0999-5021000",
        "table 三's three header rows marked to repeat on each page (w:tblHeader)", repeat_header=True, pdf=True,
        split=True),
    Job("longde-2023", "examples/reports/longde-2023.txt", "bold", "page", "隆德县人民政府", "0954-6021000",
        "clean twin of the defects report"),
    Job("longde-2023-defects", "examples/reports/longde-2023-defects.txt", "bold", "page", "隆德县人民政府",
        "0954-6021000", "planted defects: GL109, GL201, GL203, GL207 ×2, GL301, GL305, GL403, GL501, GL503", pdf=True),
    Job("wuyuan-2023", "examples/reports/wuyuan-2023.md", "styles", "dash", "婺源县人民政府", "0793-7321000",
        "a note under table 四; table 四's labels broken in two lines; signature and date at the end",
        word_html=True, broken_labels=True, pdf=True, split=True),
    Job("wuyuan-jiaoti-2023", "examples/reports/wuyuan-jiaoti-2023.md", "bold", "dash", "婺源县人民政府",
        "0793-7321000", "a department's report (教育体育局)", pdf=True),
)


# --------------------------------------------------------------------------- the report as govlint reads it


class Slot(NamedTuple):
    """A cell of a table layout at its top-left grid position; ``\\n`` in text is a line break."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    head: bool = False  # header or row label (bold in some renderings); else a value


class Layout(NamedTuple):
    """A table as a grid of merged cells: what the .docx and .html writers both draw."""

    template: str  # "二", "三", "四", or "" for a table the pack does not know
    rows: int
    columns: int
    slots: tuple[Slot, ...]
    header_rows: int
    widths: tuple[float, ...]  # cm, one a column


class Part(NamedTuple):
    """One piece of the report in reading order."""

    kind: str  # "title", "heading", "text", "table"
    text: str = ""
    level: int = 0  # of a heading: 1 title-like, 2 一、, 3 （一）, 4 1.
    layout: Layout | None = None


class Doc(NamedTuple):
    """A report ready to be written in any format."""

    title: str
    organ: str
    parts: tuple[Part, ...]


#: Table 二's four blocks (第二十条 items) and their rows; the pack lists the rows, not the blocks.
TABLE_TWO_BLOCKS = (
    ("第二十条第（一）项", ("规章", "行政规范性文件")),
    ("第二十条第（五）项", ("行政许可",)),
    ("第二十条第（六）项", ("行政处罚", "行政强制")),
    ("第二十条第（八）项", ("行政事业性收费",)),
)


def read(engine: Any, path: Path) -> tuple[Any, dict[str, dict[str, Any]]]:
    """govlint's aligned Report of a text report and the national pack's table templates."""
    from govlint.model import Report

    report = engine.report(engine.load_path(str(path)))
    if not isinstance(report, Report):
        raise SystemExit(f"{path}: govlint could not read it: {report}")
    templates = {t["id"]: t for t in engine.pack.data["tables"]}
    return report, templates


def raw_values(report: Any, template: str) -> dict[tuple[str, str], str]:
    """(row id, column id) -> the number as written in the text report; absent = blank."""
    found: dict[tuple[str, str], str] = {}
    match = report.table(template)
    for row in match.rows if match else ():
        for cell in row.cells:
            found[(row.row, cell.column)] = cell.raw.strip()
    return found


def as_worded(tpl: dict[str, Any], report: Any) -> dict[str, Any]:
    """The template with each label the report words its own way (the aligner's
    ``reworded_column`` and ``reworded_row``: a misspelt column header, a row label in other
    words) as the report words it, its numbering left to the layout: such a label is a defect
    of the report, to be found in every format it is published in."""
    from govlint.readers.numbering import LABEL

    found = {(p.kind, p.row or p.detail.get("column", "")): p.detail["found"]
             for p in report.problems if p.table == tpl["id"] and p.kind in ("reworded_column", "reworded_row")}
    if not found:
        return tpl

    def row_words(text: str) -> str:
        numbering = LABEL.match(text)
        return text[numbering.end():] if numbering else text

    columns = [{**c, "label": found.get(("reworded_column", c["id"]), c["label"])} for c in tpl["columns"]]
    rows = [{**r, "label": row_words(found.get(("reworded_row", r["id"]), r["label"]))} for r in tpl["rows"]]
    return {**tpl, "columns": columns, "rows": rows}


def table_two(tpl: dict[str, Any], values: dict[tuple[str, str], str]) -> Layout:
    """Table 二 as the format draws it: four stacked blocks in one 4-column grid, a block's
    single value column merged across the three."""
    labels = {c["id"]: c["label"] for c in tpl["columns"]}
    rows = {r["id"]: r for r in tpl["rows"]}
    slots: list[Slot] = []
    r = 0
    for title, row_ids in TABLE_TWO_BLOCKS:
        columns = rows[row_ids[0]]["columns"]
        span = 4 - len(columns)  # the last value column takes what is left of the grid
        slots.append(Slot(r, 0, title, colspan=4, head=True))
        slots.append(Slot(r + 1, 0, "信息内容", head=True))
        for i, col in enumerate(columns):
            slots.append(Slot(r + 1, 1 + i, labels[col], colspan=span if i == len(columns) - 1 else 1, head=True))
        r += 2
        for row_id in row_ids:
            slots.append(Slot(r, 0, rows[row_id]["label"], head=True))
            for i, col in enumerate(columns):
                last = i == len(columns) - 1
                slots.append(Slot(r, 1 + i, values.get((row_id, col), ""), colspan=span if last else 1))
            r += 1
    return Layout("二", r, 4, tuple(slots), 0, (4.6, 3.6, 3.6, 3.8))


def row_label(row: dict[str, Any], parent: dict[str, Any] | None) -> str:
    """A table 三 row's label with the format's own numbering: 一、… （一）… 1.…"""
    if parent is None:
        return f"{row['id']}、{row['label']}"
    if parent.get("parent") is None:
        return f"{row['id']}{row['label']}"
    return f"{row['id'][len(parent['id']):]}.{row['label']}"


def table_three(tpl: dict[str, Any], values: dict[tuple[str, str], str]) -> Layout:
    """Table 三 in the official layout: three header rows (申请人情况 over 自然人 / 法人或其他组织
    over five columns / 总计), three label columns, and each group's label spanning its rows."""
    columns = [c["id"] for c in tpl["columns"]]
    labels = {c["id"]: c["label"] for c in tpl["columns"]}
    rows = {r["id"]: r for r in tpl["rows"]}
    note = next(t for t in tpl["header_text"] if t.startswith("本列数据"))
    depth = 3  # label columns: 三、 > （三） > 1.

    def ancestors(row: dict[str, Any]) -> list[dict[str, Any]]:
        chain = []
        while row.get("parent"):
            row = rows[row["parent"]]
            chain.append(row)
        return chain[::-1]

    leaves = [r for r in tpl["rows"] if not r.get("group")]
    under: dict[str, int] = {}
    for leaf in leaves:
        for a in ancestors(leaf):
            under[a["id"]] = under.get(a["id"], 0) + 1
    slots = [
        Slot(0, 0, f"（{note}）", rowspan=3, colspan=depth, head=True),
        Slot(0, depth, "申请人情况", colspan=len(columns), head=True),
        Slot(1, depth, labels[columns[0]], rowspan=2, head=True),
        Slot(1, depth + 1, "法人或其他组织", colspan=len(columns) - 2, head=True),
        Slot(1, depth + len(columns) - 1, labels[columns[-1]], rowspan=2, head=True),
    ]
    slots += [Slot(2, depth + i, labels[c], head=True) for i, c in enumerate(columns[1:-1], 1)]
    placed: set[str] = set()
    for r, leaf in enumerate(leaves, 3):
        chain = ancestors(leaf)
        for level, a in enumerate(chain):
            if a["id"] not in placed:
                placed.add(a["id"])
                parent = chain[level - 1] if level else None
                slots.append(Slot(r, level, row_label(a, parent), rowspan=under[a["id"]], head=True))
        parent = chain[-1] if chain else None
        slots.append(Slot(r, len(chain), row_label(leaf, parent), colspan=depth - len(chain), head=True))
        slots += [Slot(r, depth + i, values.get((leaf["id"], c), "")) for i, c in enumerate(columns)]
    return Layout("三", 3 + len(leaves), depth + len(columns), tuple(slots), 3, (1.5, 1.6, 4.3) + (1.15,) * 7)


def table_four(tpl: dict[str, Any], values: dict[tuple[str, str], str], broken: bool = False) -> Layout:
    """Table 四 in the official layout: 行政复议 ×5 beside 行政诉讼 over 未经复议直接起诉 ×5 and
    复议后起诉 ×5. ``broken`` writes the labels 结果\\n维持 as narrow columns wrap them."""
    columns = tpl["columns"]
    row_id = tpl["rows"][0]["id"]
    review, litigation, direct, after = tpl["header_text"]
    slots = [
        Slot(0, 0, review, rowspan=2, colspan=5, head=True),
        Slot(0, 5, litigation, colspan=10, head=True),
        Slot(1, 5, direct, colspan=5, head=True),
        Slot(1, 10, after, colspan=5, head=True),
    ]
    for i, c in enumerate(columns):
        label = c["label"]
        slots.append(Slot(2, i, f"{label[:2]}\n{label[2:]}" if broken and len(label) == 4 else label, head=True))
        slots.append(Slot(3, i, values.get((row_id, c["id"]), "")))
    return Layout("四", 4, 15, tuple(slots), 3, (1.04,) * 15)


def plain_table(raw: Any) -> Layout:
    """A table the pack does not know, cell for cell (none of the inputs has one today)."""
    columns = max((len(r) for r in raw.rows), default=1)
    slots = tuple(Slot(r, c, cell.text) for r, row in enumerate(raw.rows) for c, cell in enumerate(row))
    return Layout("", len(raw.rows), columns, slots, 0, (15.6 / columns,) * columns)


def document(engine: Any, job: Job) -> Doc:
    """The report's parts in reading order: its blocks, with each table the pack knows
    redrawn in the official layout and the text inside a table's span left out."""
    from govlint.model import Heading, Paragraph, RawTable

    report, templates = read(engine, ROOT / job.source)
    makers = {"二": table_two, "三": table_three, "四": table_four}
    tables = {t.template: t.span for t in report.tables}
    parts: list[Part] = []
    drawn: set[str] = set()
    title = report.title
    for block in report.document.blocks:
        inside = next((t for t, s in tables.items() if s.start < block.span.end and block.span.start < s.end), None)
        if inside is not None:
            if inside not in drawn and inside in makers:
                drawn.add(inside)
                tpl = as_worded(templates[inside], report)
                values = raw_values(report, inside)
                broken = job.broken_labels and inside == "四"
                layout = table_four(tpl, values, broken=True) if broken else makers[inside](tpl, values)
                parts.append(Part("table", layout=layout))
        elif isinstance(block, RawTable):
            parts.append(Part("table", layout=plain_table(block)))
        elif isinstance(block, Heading):
            text = block.text.replace("**", "").strip()
            if block == title:
                parts.append(Part("title", text))
            elif block.level in (2, 3):
                parts.append(Part("heading", text, level=block.level))
            else:  # a second title line, or a numbered item (1.xxx) that reads as prose
                parts.append(Part("text", block.text, level=block.level))
        elif isinstance(block, Paragraph):
            parts.append(Part("text", block.text))
    missing = set(makers) - drawn
    if missing:
        raise SystemExit(f"{job.source}: tables {sorted(missing)} not found")
    return Doc(title.text if title else job.stem, report.organ or "", tuple(parts))


def runs(text: str) -> list[tuple[str, bool]]:
    """Text split into (piece, bold): the text reports mark bold lead-ins with **…**."""
    pieces = text.split("**")
    if len(pieces) % 2 == 0:  # an unpaired ** is text
        pieces[-2:] = ["**".join(pieces[-2:])]
    return [(p, i % 2 == 1) for i, p in enumerate(pieces) if p]


# --------------------------------------------------------------------------- .docx


def docx_bytes(doc: Doc, job: Job, revised: bool = False) -> bytes:
    """The report as a Word file: styles, real merged cells, a page-number footer; ``revised``
    adds a header, a footer line, a comment and tracked changes (see :func:`revise`)."""
    from docx import Document
    from docx.enum.section import WD_SECTION_START
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Cm, Pt

    word = Document()
    set_styles(word)
    section = word.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    page_footer(section.footer.paragraphs[0], job.footer)
    for part in doc.parts:
        if part.kind == "title":
            p = word.add_paragraph(style="Title" if job.title_style else None)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(part.text)
            if not job.title_style:
                run.bold = True
                font(run, "方正小标宋简体", 22)
        elif part.kind == "heading" and job.headings == "styles":
            word.add_paragraph(part.text, style=f"Heading {part.level - 1}")
        elif part.kind == "heading":
            p = word.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(32)
            run = p.add_run(part.text)
            run.bold = True
            font(run, "黑体" if part.level == 2 else "楷体_GB2312", 16)
        elif part.kind == "text":
            p = word.add_paragraph()
            if part.level == 1:  # a title's second line
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                p.paragraph_format.first_line_indent = Pt(32)
            for piece, bold in runs(part.text):
                add_text(p.add_run(), piece).bold = bold or None
        elif part.layout is not None:
            table = word.add_table(rows=part.layout.rows, cols=part.layout.columns)
            table.style = word.styles["Table Grid"]
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            fill_table(table, part.layout, repeat=job.repeat_header and part.layout.template == "三")
            word.add_paragraph()  # Word keeps a paragraph between a table and what follows
    for p in word.paragraphs:
        if p.style is not None and p.style.name == "Normal":
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            p.paragraph_format.line_spacing = Pt(28)
    if revised:
        revise(word)
    props = word.core_properties
    props.title, props.author, props.last_modified_by = doc.title, f"{job.site}办公室", f"{job.site}办公室"
    props.created = props.modified = props.last_printed = WHEN.replace(tzinfo=None)
    props.revision, props.comments, props.keywords = 1, "", "政府信息公开工作年度报告"
    buffer = io.BytesIO()
    word.save(buffer)
    return fixed_zip(buffer.getvalue())


def set_styles(word: Any) -> None:
    """Styles the way government templates set them: 仿宋 三号 body, 黑体/楷体 headings in black."""
    from docx.shared import Pt, RGBColor

    body = word.styles["Normal"]
    style_font(body, "仿宋_GB2312", 16)
    faces = (("Title", "方正小标宋简体", 22), ("Heading 1", "黑体", 16), ("Heading 2", "楷体_GB2312", 16))
    for name, face, size in faces:
        style = word.styles[name]
        style_font(style, face, size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = False
        style.font.bold = name != "Heading 1"
        style.paragraph_format.space_before = Pt(6)
        style.paragraph_format.space_after = Pt(6)


def style_font(style: Any, face: str, size: float) -> None:
    """A style's font for Latin and East Asian text (python-docx sets only the Latin one)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = face
    style.font.size = Pt(size)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)


def font(run: Any, face: str, size: float) -> Any:
    """A run's font for Latin and East Asian text."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = face
    run.font.size = Pt(size)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)
    return run


def add_text(run: Any, text: str) -> Any:
    """Text into a run, ``\\n`` as a line break."""
    for i, line in enumerate(text.split("\n")):
        if i:
            run.add_break()
        run.add_text(line)
    return run


def page_footer(paragraph: Any, kind: str) -> None:
    """A centred page number as a PAGE field (NUMPAGES too for 第 N 页 共 M 页)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pieces = ("— ", "PAGE", " —") if kind == "dash" else ("第 ", "PAGE", " 页 共 ", "NUMPAGES", " 页")
    for piece in pieces:
        if piece.isupper():
            field(paragraph, piece)
        else:
            font(paragraph.add_run(piece), "宋体", 14)


def field(paragraph: Any, instruction: str) -> None:
    """A complex field (begin, instruction, separate, cached value, end), as Word writes it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def mark(kind: str) -> None:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        font(paragraph.add_run(), "宋体", 14)._element.append(char)

    mark("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    font(paragraph.add_run(), "宋体", 14)._element.append(instr)
    mark("separate")
    font(paragraph.add_run("1"), "宋体", 14)
    mark("end")


def fill_table(table: Any, layout: Layout, repeat: bool) -> None:
    """Cells merged with python-docx (gridSpan across, vMerge down), widths, centred text."""
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    table.autofit = False
    # table.cell() and a column's cells walk the whole table each time (seconds a report): the
    # unmerged grid's cells once instead. Slots never overlap: no merge removes a cell a later slot uses.
    grid = table._cells
    for i, width in enumerate(layout.widths):
        table.columns[i].width = Cm(width)
        for cell in grid[i :: layout.columns]:
            cell.width = Cm(width)
    size = 10.5 if layout.template == "二" else 9
    for slot in layout.slots:
        cell = grid[slot.row * layout.columns + slot.col]
        if slot.rowspan > 1 or slot.colspan > 1:
            end = grid[(slot.row + slot.rowspan - 1) * layout.columns + slot.col + slot.colspan - 1]
            cell = cell.merge(end)
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if slot.head and slot.row >= layout.header_rows and slot.col < 3 \
            and layout.template == "三" else WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = 0
        if slot.text:
            run = font(add_text(p.add_run(), slot.text), "宋体", size)
            run.bold = (slot.head and slot.row < layout.header_rows) or None
    if repeat:
        for row in table.rows[: layout.header_rows]:
            row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def revise(word: Any) -> None:
    """What a reader must see through: a page header, a footer line with the office's phone,
    a comment with a number in it, and tracked changes whose accepted text is the clean
    report (the rejected text is the defects report's: 26 申请, 15 予以公开, 无。)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = word.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    font(header.add_run("隆德县人民政府办公室　2023年度政府信息公开工作年度报告（第2稿）"), "宋体", 10.5)
    line = section.footer.add_paragraph()
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(line.add_run("隆德县人民政府办公室印发　联系电话：0954-6010000"), "宋体", 10.5)
    applications = next(p for p in word.paragraphs if "收到政府信息公开申请24件" in p.text)
    tracked(applications, "收到政府信息公开申请", "26", "24")
    fee = next(p for p in word.paragraphs if p.text.startswith("2023年，隆德县人民政府未收取"))
    tracked(fee, "", "无。", fee.text)
    comment = word.add_comment(applications.runs[0], text="请核对：申请数应为26件还是24件？", author="审核人",
                               initials="SH")
    comment._comment_elm.date = WHEN  # python-docx stamps the time of the run otherwise
    disclosed = next(t for t in word.tables if "予以公开" in "".join(c.text for c in t.columns[2].cells))
    total = next(r for r in disclosed.rows if r.cells[1].text == "（一）予以公开").cells[-1]
    tracked(total.paragraphs[0], "", "15", "14")


def tracked(paragraph: Any, before: str, deleted: str, inserted: str) -> None:
    """Rewrite the run holding ``before + inserted`` as: before, <w:del>deleted</w:del>,
    <w:ins>inserted</w:ins>, the rest — a change tracked by Word, not yet accepted."""
    from copy import deepcopy

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = next(r for r in paragraph.runs if before + inserted in r.text)
    start = run.text.index(before + inserted)
    head, rest = run.text[: start + len(before)], run.text[start + len(before) + len(inserted):]
    element = run._element
    rpr = element.find(qn("w:rPr"))

    def new_run(text: str, tag: str = "w:t") -> Any:
        r = OxmlElement("w:r")
        if rpr is not None:
            r.append(deepcopy(rpr))
        t = OxmlElement(tag)
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        return r

    first_id = len(paragraph._p.xpath("//w:ins | //w:del")) + 101  # revision ids: unique in the document

    def change(kind: str, child: Any) -> Any:
        wrapper = OxmlElement(kind)
        wrapper.set(qn("w:id"), str(first_id + (kind == "w:ins")))
        wrapper.set(qn("w:author"), "审核人")
        wrapper.set(qn("w:date"), WHEN.strftime("%Y-%m-%dT%H:%M:%SZ"))
        wrapper.append(child)
        return wrapper

    pieces = [new_run(head)] if head else []
    pieces += [change("w:del", new_run(deleted, "w:delText")), change("w:ins", new_run(inserted))]
    pieces += [new_run(rest)] if rest else []
    for piece in pieces:
        element.addprevious(piece)
    element.getparent().remove(element)


def fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ZIP_TIME, so the file does not change from run to run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, ZIP_TIME), src.read(info), zipfile.ZIP_DEFLATED)
    return out.getvalue()


# --------------------------------------------------------------------------- .html: a government site's page

SITE_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="{site}">
<meta name="SiteDomain" content="www.example.gov.cn">
<meta name="SiteIDCode" content="{code}">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2024-01-20 09:00">
<meta name="ContentSource" content="{site}办公室">
<meta name="url" content="{url}">
<title>{title}_{site}</title>
<style type="text/css">
body {{ margin: 0; font-family: "Microsoft YaHei", sans-serif; background: #f3f3f3; }}
.top {{ background: #b51b1b; color: #fff; padding: 18px 40px; overflow: hidden; }}
.top .logo {{ float: left; font-size: 30px; font-weight: bold; letter-spacing: 4px; }}
.top form {{ float: right; margin-top: 6px; }}
.nav ul {{ margin: 0; padding: 0 40px; background: #8e1010; list-style: none; overflow: hidden; }}
.nav li {{ float: left; }} .nav a {{ display: block; padding: 10px 22px; color: #fff; text-decoration: none; }}
.crumb {{ width: 1000px; margin: 12px auto; font-size: 14px; color: #666; }}
.article {{ width: 1000px; margin: 0 auto; background: #fff; padding: 30px 50px; box-sizing: border-box; }}
.article h1 {{ text-align: center; font-size: 26px; color: #b51b1b; }}
.article .info {{ text-align: center; font-size: 13px; color: #888; border-bottom: 1px solid #ddd;
  padding-bottom: 10px; }}
.article .content {{ font-size: 16px; line-height: 2; }}
.article h2 {{ font-size: 18px; }} .article h3 {{ font-size: 16px; }}
.article table {{ border-collapse: collapse; margin: 10px auto; font-size: 13px; }}
.article td {{ border: 1px solid #333; padding: 3px 5px; text-align: center; line-height: 1.4; }}
.footer {{ margin-top: 30px; background: #333; color: #ccc; text-align: center; font-size: 13px; padding: 14px; }}
</style>
<script type="text/javascript">
var siteId = "{code}"; var columnId = "1024";
function setFontSize(size) {{ document.getElementById("zoom").style.fontSize = size + "px"; }}
</script>
</head>
<body>
<div class="top">
  <div class="logo">{site}</div>
  <form class="search" action="/search/" method="get">
    <input type="text" name="q" placeholder="请输入关键词" value="">
    <input type="hidden" name="siteid" value="{code}">
    <button type="submit">搜索</button>
  </form>
</div>
<div class="nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/zjxq/">走进{place}</a></li><li><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/ztzl/">专题专栏</a></li>
</ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
  <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<div class="main">
<div class="article">
<h1>{title}</h1>
<div class="info">发布时间：2024-01-20&nbsp;&nbsp;来源：{site}办公室&nbsp;&nbsp;浏览次数：<span id="hits">0</span>
  &nbsp;&nbsp;字号：[<a href="javascript:setFontSize(20)">大</a> <a href="javascript:setFontSize(16)">中</a>
  <a href="javascript:setFontSize(14)">小</a>]</div>
<div class="content" id="zoom">
{body}
</div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a>&nbsp;
  <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
</div>
<div class="footer">
  <p>主办：{site}办公室&nbsp;&nbsp;承办：{site}政务公开办公室</p>
  <p>网站维护电话：{phone}&nbsp;&nbsp;网址：{url}</p>
  <p>{icp}&nbsp;&nbsp;{police}&nbsp;&nbsp;网站标识码：{code}</p>
</div>
<script type="text/javascript">
document.getElementById("hits").innerHTML = "2024";
</script>
</body>
</html>
"""

#: A site's province: its division code's first digits and short name, for the footer's made-up
#: 网站标识码, ICP and 公安备案 numbers.
PROVINCES = {"同心": ("64", "宁"), "彭阳": ("64", "宁"), "隆德": ("64", "宁"), "会同": ("43", "湘"),
             "文水": ("14", "晋"), "新源": ("65", "新"), "婺源": ("36", "赣")}


def site_page(doc: Doc, job: Job) -> bytes:
    """The page a county site's CMS serves: navigation, breadcrumb, search box, the report in
    <div class="article">, script and style, and a footer with the site's own phone and numbers."""
    prefix, short = PROVINCES[job.site[:2]]
    code = f"{prefix}0000{sum(map(ord, job.site)) % 10000:04d}"
    body = "\n".join(site_part(part, job) for part in doc.parts if part.kind != "title")
    page = SITE_PAGE.format(
        site=job.site, place=job.site.removesuffix("人民政府"), title=html.escape(doc.title), url=SITE_URL,
        code=code, phone=job.phone, body=body,
        icp=f"{short}ICP备{code[-6:]}00号-1", police=f"{short}公网安备 {code}0001号",
    )
    return page.encode("utf-8")


def site_part(part: Part, job: Job) -> str:
    """One part as a CMS editor leaves it: <h2>/<h3> or bold <p>; &nbsp;-indented prose."""
    if part.kind == "heading":
        if job.headings == "styles":
            return f"<h{part.level}>{html.escape(part.text)}</h{part.level}>"
        return f'<p style="text-indent:2em;;"><strong>{html.escape(part.text)}</strong></p>'
    if part.kind == "text":
        inner = "".join(f"<strong>{html.escape(t)}</strong>" if b else html.escape(t) for t, b in runs(part.text))
        inner = inner.replace("\n", "<br>")
        if part.level == 1:
            return f'<p style="text-align:center;"><strong>{inner}</strong></p>'
        return f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{inner}</p>"
    assert part.layout is not None
    return html_table(part.layout, word=False)


def html_table(layout: Layout, word: bool) -> str:
    """A layout as <table> with rowspan/colspan; a long label broken with <br>, values in <p>."""
    lines = ['<table border="1" cellspacing="0" cellpadding="0" width="100%">' if not word else
             "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 "
             "style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
             "mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"]
    for r in range(layout.rows):
        lines.append(f"<tr style='mso-yfti-irow:{r}'>" if word else "<tr>")
        for slot in sorted((s for s in layout.slots if s.row == r), key=lambda s: s.col):
            span = "".join(
                f' {name}="{n}"' if not word else f" {name}={n}"
                for name, n in (("rowspan", slot.rowspan), ("colspan", slot.colspan)) if n > 1
            )
            width = round(sum(layout.widths[slot.col: slot.col + slot.colspan]) * 28.35, 1)
            if word:
                lines.append(f"<td width={round(width * 4 / 3)}{span} style='width:{width}pt;border:solid windowtext "
                             f"1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>{word_cell(slot)}</td>")
            else:
                lines.append(f"<td{span}>{site_cell(slot, layout)}</td>")
        lines.append("</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def site_cell(slot: Slot, layout: Layout) -> str:
    """A cell as CMS editors leave them: header text bold, long labels split by <br>, values in
    a <p> with a doubled semicolon in its style, &nbsp; for a blank."""
    text = html.escape(slot.text).replace("\n", "<br>")
    if not slot.text:
        return "&nbsp;"
    if slot.head and slot.row < layout.header_rows:
        return f"<strong>{text}</strong>"
    if slot.head:
        return text.replace("（区分处理的", "<br>（区分处理的")
    return f'<p style="margin:0;;text-align:center">{text}</p>'


# --------------------------------------------------------------------------- .htm: saved by Word as a web page

WORD_PAGE = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>{author}</o:Author>
  <o:LastAuthor>{author}</o:LastAuthor>
  <o:Revision>2</o:Revision>
  <o:Created>2024-01-20T09:00:00Z</o:Created>
  <o:LastSaved>2024-01-20T09:00:00Z</o:LastSaved>
  <o:Pages>8</o:Pages>
  <o:Version>16.00</o:Version>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
\t{{font-family:宋体;
\tpanose-1:2 1 6 0 3 1 1 1 1 1;}}
@font-face
\t{{font-family:仿宋_GB2312;
\tpanose-1:2 1 6 9 3 1 1 1 1 1;}}
@font-face
\t{{font-family:黑体;
\tpanose-1:2 1 6 9 6 1 1 1 1 1;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{{mso-style-unhide:no;
\tmso-style-qformat:yes;
\tmso-style-parent:"";
\tmargin:0cm;
\ttext-align:justify;
\ttext-justify:inter-ideograph;
\tmso-pagination:none;
\tfont-size:10.5pt;
\tfont-family:等线;
\tmso-font-kerning:1.0pt;}}
h1
\t{{mso-style-priority:9;
\tmso-style-qformat:yes;
\tmargin:0cm;
\tfont-size:16.0pt;
\tfont-family:黑体;
\tfont-weight:normal;}}
h2
\t{{mso-style-priority:9;
\tmargin:0cm;
\tfont-size:16.0pt;
\tfont-family:楷体_GB2312;}}
@page WordSection1
\t{{size:595.3pt 841.9pt;
\tmargin:104.9pt 73.7pt 99.25pt 79.4pt;
\tmso-header-margin:42.55pt;
\tmso-footer-margin:49.6pt;
\tmso-page-numbers:1;}}
div.WordSection1
\t{{page:WordSection1;}}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

{body}

<p class=MsoNormal><span lang=EN-US><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></span></p>

</div>

</body>

</html>
"""


def word_page(doc: Doc, job: Job) -> bytes:
    """The report as Word's "Save as web page" writes it: VML namespaces, MsoNormal paragraphs,
    digits in their own lang=EN-US spans, text wrapped between Chinese characters, and the
    bytes in GBK under a gb2312 declaration (characters outside it as &#NNNN;)."""
    body = word_wrap("\n\n".join(word_part(part) for part in doc.parts))
    page = WORD_PAGE.format(title=html.escape(doc.title), author=f"{job.site}办公室", body=body)
    return page.encode("gbk", errors="xmlcharrefreplace")


def word_text(text: str, size: float, face: str) -> str:
    """Text as Word's runs: Chinese in the paragraph's font, digits and Latin in EN-US spans,
    ``\n`` as <br>."""
    out = []
    for chunk in re.split(r"([0-9A-Za-z.%@:/_\-]+|\n)", text):
        if chunk == "\n":
            out.append("<br>\n")
        elif re.fullmatch(r"[0-9A-Za-z.%@:/_\-]+", chunk):
            out.append(f"<span lang=EN-US>{html.escape(chunk)}</span>")
        else:
            out.append(html.escape(chunk))
    return f"<span style='font-size:{size}pt;font-family:{face}'>{''.join(out)}</span>"


def word_wrap(page: str, width: int = 76) -> str:
    """Lines broken at a space near ``width`` characters, as Word writes its HTML: mostly inside
    tags and attribute values (``<span\nlang=EN-US>``), never inside Chinese text."""
    lines = []
    for line in page.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 1, width)
            if cut < 0:
                cut = line.find(" ", width)
            if cut < 0:
                break
            lines.append(line[:cut])
            line = line[cut + 1:]
        lines.append(line)
    return "\n".join(lines)


def word_part(part: Part) -> str:
    """One part as Word exports it."""
    if part.kind == "title":
        return (f"<p class=MsoNormal align=center style='text-align:center'><b>"
                f"{word_text(part.text, 22.0, '方正小标宋简体')}<span lang=EN-US><o:p></o:p></span></b></p>")
    if part.kind == "heading":
        tag = "h1" if part.level == 2 else "h2"
        return (f"<{tag} style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;"
                f"mso-line-height-rule:exactly'>{word_text(part.text, 16.0, '黑体')}"
                f"<span lang=EN-US><o:p></o:p></span></{tag}>")
    if part.kind == "text":
        inner = "".join(f"<b>{word_text(t, 16.0, '仿宋_GB2312')}</b>" if b else word_text(t, 16.0, "仿宋_GB2312")
                        for t, b in runs(part.text))
        return (f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;"
                f"mso-line-height-rule:exactly'>{inner}<span lang=EN-US><o:p></o:p></span></p>")
    assert part.layout is not None
    return html_table(part.layout, word=True)


def word_cell(slot: Slot) -> str:
    """A cell as Word exports it: a centred MsoNormal paragraph, <br> where the label breaks."""
    if not slot.text:
        return "<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
    text = word_text(slot.text, 9.0, "宋体")
    return f"<p class=MsoNormal align=center style='text-align:center'>{text}<span lang=EN-US><o:p></o:p></span></p>"


# --------------------------------------------------------------------------- .pdf


def libreoffice_version() -> str:
    """``LibreOffice 7.4.7.2 40(Build:2)``, for README.md."""
    out = subprocess.run(["soffice", "--version"], capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[0]


def to_pdf(docx_files: Sequence[Path], outdir: Path) -> None:
    """Convert with LibreOffice in one run, in a profile of its own (a user's settings or a
    running instance must not change the output)."""
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(outdir), *map(str, docx_files)],
            check=True, capture_output=True,
        )


def fixed_pdf(data: bytes) -> bytes:
    """LibreOffice's PDF with its creation date, /ID and /DocChecksum made constant, rewritten in
    place with strings of the same length, so the cross-reference offsets stay right."""
    def date(m: re.Match[bytes]) -> bytes:
        stamp = WHEN.strftime("D:%Y%m%d%H%M%S").encode()
        return m.group(1) + stamp + m.group(2)[len(stamp):] + b")"

    data = re.sub(rb"(/CreationDate\()([^)]*)\)", date, data)
    stamps = re.compile(rb"(/ID\s*\[\s*<)([0-9A-F]+)(>\s*<)([0-9A-F]+)(>)|(/DocChecksum /)([0-9A-F]+)")
    digest = hashlib.md5(stamps.sub(b"", data)).hexdigest().upper().encode()  # of all but what varies

    def stamp(m: re.Match[bytes]) -> bytes:
        return b"".join(digest[: len(g)] if i in (2, 4, 7) else g
                        for i, g in enumerate(m.groups(), 1) if g is not None)

    return stamps.sub(stamp, data)


def scanned(pdf: Path) -> bytes:
    """A PDF as a scanner gives it: each page a 1-bit image (CCITT G4), no text."""
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="scan-") as tmp:
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), f"{tmp}/p"], check=True)
        images = [Image.open(p).point(lambda v: 255 if v > 160 else 0).convert("1")
                  for p in sorted(Path(tmp).glob("p-*.png"))]
        buffer = io.BytesIO()
        images[0].save(buffer, "PDF", resolution=150.0, save_all=True, append_images=images[1:],
                       title="扫描件", creationDate=WHEN.timetuple(), modDate=WHEN.timetuple(), producer="Scanner")
    return buffer.getvalue()


def encrypted(pdf: Path, user: str) -> bytes:
    """The PDF encrypted with RC4-128 (deterministic: no random salt); with a user password it
    cannot be opened without it, with an empty one it opens but forbids copying and editing."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import UserAccessPermissions

    writer = PdfWriter(clone_from=PdfReader(pdf))
    allowed = UserAccessPermissions.PRINT if not user else UserAccessPermissions(-1)
    writer.encrypt(user_password=user, owner_password="govlint-owner", algorithm="RC4-128", permissions_flag=allowed)
    buffer = io.BytesIO()
    writer.write(buffer)
    # pypdf draws the second /ID at random; the first (the one the key comes from) is kept.
    ids = rb"(/ID\s*\[\s*<)([0-9a-fA-F]+)(>\s*<)([0-9a-fA-F]+)(>)"
    return re.sub(ids, lambda m: m.group(1) + m.group(2) + m.group(3) + m.group(2) + m.group(5), buffer.getvalue())


# --------------------------------------------------------------------------- the run


class Output(NamedTuple):
    """A file written and what it shows (a line of README.md)."""

    name: str
    shows: str


def build(out: Path, with_pdf: bool) -> list[Output]:
    """Every fixture file, in a stable order."""
    from govlint.engine import Engine, Settings

    out.mkdir(parents=True, exist_ok=True)
    made: list[Output] = []
    engine = Engine(Settings())
    docs = {job.stem: document(engine, job) for job in JOBS}
    for job in JOBS:
        doc = docs[job.stem]
        (out / f"{job.stem}.docx").write_bytes(docx_bytes(doc, job))
        numbers = "— N —" if job.footer == "dash" else "第 N 页 共 M 页"
        made.append(Output(f"{job.stem}.docx", f"{job.shows}; headings: {job.headings}; footer {numbers}"))
        (out / f"{job.stem}.html").write_bytes(site_page(doc, job))
        made.append(Output(f"{job.stem}.html", f"the page on {job.site}'s site (UTF-8)"))
        if job.word_html:
            (out / f"{job.stem}-word.htm").write_bytes(word_page(doc, job))
            made.append(Output(f"{job.stem}-word.htm", "saved by Word as a web page: gb2312 declared, GBK bytes"))
    longde = next(j for j in JOBS if j.stem == "longde-2023")
    (out / "longde-2023-revised.docx").write_bytes(docx_bytes(docs[longde.stem], longde, revised=True))
    made.append(Output("longde-2023-revised.docx", "a page header, a footer line with a phone, a comment, tracked "
                       "deletions and insertions: accepted it reads as longde-2023, the deletions are the defects"))
    data = (out / "longde-2023.docx").read_bytes()
    (out / "longde-2023-truncated.docx").write_bytes(data[: len(data) // 2])
    made.append(Output("longde-2023-truncated.docx", "the first half of longde-2023.docx's bytes: a broken zip"))
    if with_pdf:
        made += build_pdfs(out)
    return made


def build_pdfs(out: Path) -> list[Output]:
    """The PDFs: some reports' .docx through LibreOffice, then the special cases."""
    made = []
    jobs = [job for job in JOBS if job.pdf]
    with tempfile.TemporaryDirectory(prefix="pdf-") as tmp:
        to_pdf([out / f"{job.stem}.docx" for job in jobs], Path(tmp))
        for job in jobs:
            pdf = out / f"{job.stem}.pdf"
            pdf.write_bytes(fixed_pdf((Path(tmp) / pdf.name).read_bytes()))
            pages = table_pages(pdf)
            if job.split and pages[0] == pages[1]:
                raise SystemExit(f"{pdf.name}: table 三 is on page {pages[0]} alone; it should cross a page break")
            where = f"pages {pages[0]}–{pages[1]}" if pages[1] != pages[0] else f"page {pages[0]}"
            shows = f"{job.stem}.docx through LibreOffice: table 三 on {where}, page numbers in the footer"
            made.append(Output(pdf.name, shows))
    (out / "seed001-scanned.pdf").write_bytes(scanned(out / "seed001.pdf"))
    made.append(Output("seed001-scanned.pdf", "seed001.pdf as 1-bit 150 dpi page images (CCITT G4): no text layer"))
    (out / "wuyuan-jiaoti-2023-encrypted.pdf").write_bytes(encrypted(out / "wuyuan-jiaoti-2023.pdf", "govlint"))
    made.append(Output("wuyuan-jiaoti-2023-encrypted.pdf", "behind the user password 'govlint' (RC4-128): "
                       "cannot be read without it"))
    (out / "wuyuan-jiaoti-2023-restricted.pdf").write_bytes(encrypted(out / "wuyuan-jiaoti-2023.pdf", ""))
    made.append(Output("wuyuan-jiaoti-2023-restricted.pdf", "encrypted with an owner password only (RC4-128): "
                       "opens without one, copying forbidden, as many published reports are"))
    data = (out / "wuyuan-jiaoti-2023.pdf").read_bytes()
    (out / "wuyuan-jiaoti-2023-truncated.pdf").write_bytes(data[: len(data) // 2])
    made.append(Output("wuyuan-jiaoti-2023-truncated.pdf", "the first half of wuyuan-jiaoti-2023.pdf's bytes: "
                       "no xref, no %%EOF"))
    return made


def table_pages(pdf: Path) -> tuple[int, int]:
    """The pages of table 三's header and last row, by ``pdftotext`` (pages end with a form feed)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    def page(label: str) -> int:
        return text[: text.index(label)].count("\f") + 1
    return page("本列数据的勾稽关系"), page("四、结转下年度继续办理")


def readme(made: Sequence[Output], out: Path, lo: str) -> str:
    """README.md of the folder: what each file shows, how to make them again, with what."""
    sources = "\n".join(f"| `{j.stem}` | `{j.source}` |" for j in JOBS)
    files = "\n".join(f"| `{o.name}` | {(out / o.name).stat().st_size // 1024 or 1} KB | {o.shows} |" for o in made)
    return f"""# Reports in the formats they are published in

Made by `tools/make_format_fixtures.py` from govlint's own text reports (never from real
published files), for the tests of the .docx, .html and .pdf readers. Do not edit them by hand;
make them again with

    .venv/bin/pip install -e '.[test]' python-docx pypdf pillow
    .venv/bin/python tools/make_format_fixtures.py

which needs LibreOffice (`soffice`; Debian's libreoffice-writer-nogui) and poppler-utils
(`pdftoppm`, `pdftotext`); `--no-pdf` makes the .docx and .html files without them. The PDFs
here were made with {lo} and Debian's fonts-noto-cjk, which stand in for 仿宋_GB2312, 黑体 and
方正小标宋简体 (fontconfig's fallback: Noto Sans CJK). `tests/fixtures_checks/test_format_fixtures.py`
checks that every file carries its text version's numbers.

Each report is read with govlint: prose and headings come from its blocks in order; tables
二, 三, 四 are drawn in the official layout of the 2021 format (国办公开办函〔2021〕30号): table 二 as
four stacked blocks in one 4-column grid (a block's single value column merged across three),
table 三 with 申请人情况 over 自然人 / 法人或其他组织 (over five columns) / 总计 and its labels
spanning rows (三、本年度办理结果 over all 22 result rows, （三）不予公开 over its 8, …), table 四
with 行政复议 ×5 beside 行政诉讼 over 未经复议直接起诉 ×5 and 复议后起诉 ×5. Labels are the
format's own (from `rules/national/tables.yaml`) unless the text words one its own way (a
misspelt column header, a reworded row label), which is written as the text has it; every
number is the text report's aligned cell as written, so a reader of any of these files must
find the numbers, and so the findings, that govlint finds in the text version. `**…**` in the
text is bold.

| stem | text version |
|---|---|
{sources}

| file | size | shows |
|---|---|---|
{files}

Every .docx: A4 with 3.7/3.5/2.8/2.6 cm margins, 仿宋_GB2312 16 pt body at an exact 28 pt line
with a 2-character first-line indent, tables in 宋体 9–10.5 pt with merged cells as Word writes
them (gridSpan across, vMerge down), a page-number field in the footer, an empty paragraph after
each table. Headings "styles" are Word's Heading 1/2 styles (seed000's title in the Title style);
"bold" are plain paragraphs with a bold 黑体/楷体 run. A numbered item (1.xxx) that the text
reader takes for a heading is written as prose.

Every .html: `<meta charset="utf-8">`, `<title>` with the site's name appended, the CMS's
SiteName/ArticleTitle/PubDate meta tags and `<meta name="url" content="{SITE_URL}">`, a
navigation bar, a breadcrumb (首页 > 政务公开 > 政府信息公开年报), a search form, the report in
`<div class="article">` (title in `<h1>`, headings in `<h2>`/`<h3>` or bold `<p>`), tables with
rowspan/colspan, `<br>` in the long 部分公开 label, values in `<p>` with `;;` in the style,
`&nbsp;` in prose indents and the info line, a `<script>` and `<style>` in the head and a script
after the footer (numbers in both), and a footer with the site's own phone, URL, 网站标识码, ICP
and 公安备案 numbers (made up; none of them the report's).

Every -word.htm: Word's namespaces (`xmlns:v="urn:schemas-microsoft-com:vml"` …), the
`charset=gb2312` declaration over GBK bytes, an `<!--[if gte mso 9]><xml>` properties block,
MsoNormal classes, `<h1>`/`<h2>` for the heading styles, digits in `<span lang=EN-US>`, source
lines broken at spaces near 76 characters (mostly inside tags and attribute values, as in
`<span⏎lang=EN-US>`), `<o:p>` elements and `<![if !supportEmptyParas]>`.

PDFs: only some reports have one, since LibreOffice 7.4 embeds the CJK fonts as Type 1 subsets of
256 glyphs (~200 KB a report; LibreOffice 7.5 and later embed CFF, about half). LibreOffice
stamps a creation date, a random /ID and a /DocChecksum; the script overwrites them in place with
fixed values of the same length (the xref stays valid), and pypdf's random second /ID of the
encrypted copies with the first, so every run with the same LibreOffice and fonts writes the same
bytes. Table 三 crosses a page break in seed001.pdf (inside row （二）, whose label is split over
the two pages), seed004.pdf (its three header rows repeated on the next page) and
wuyuan-2023.pdf; the script checks this with `pdftotext` and stops if a change loses it.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (default: %(default)s)")
    parser.add_argument("--no-pdf", action="store_true", help="skip LibreOffice: .docx and .html only")
    args = parser.parse_args(argv)
    with_pdf = not args.no_pdf
    if with_pdf and not (shutil.which("soffice") and shutil.which("pdftoppm")):
        print("soffice or pdftoppm not found: use --no-pdf", file=sys.stderr)
        return 2
    made = build(args.out, with_pdf)
    if with_pdf:
        (args.out / "README.md").write_text(readme(made, args.out, libreoffice_version()), encoding="utf-8")
    for output in made:
        print(f"{(args.out / output.name).stat().st_size:>8}  {output.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
