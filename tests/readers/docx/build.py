"""Word files for the .docx reader's tests and benchmark, made with python-docx: a report
written the way a Word user writes one (heading styles, runs with fonts, tables whose label
cells are merged), and raw parts spliced in for what python-docx cannot write (tracked
changes, comments, text boxes, hostile packages). Nothing is downloaded.

Used by ``tests/readers/test_docx.py``, ``tests/robustness/test_docx_properties.py`` and
``benchmarks/read_docx.py`` (as ``tests.readers.docx.build``).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from govlint.model import Heading, Paragraph, RawTable
from govlint.readers import markdown
from govlint.readers import text as plain
from govlint.source import source_from_text

NUMBER = re.compile(r"^[-+]?\d[\d,.]*%?$")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _font(run: docx.text.run.Run, name: str = "仿宋_GB2312", size: float = 16) -> None:
    """A run formatted as a Word user's report has it: an East Asian font and a size."""
    run.font.name = name
    run.font.size = Pt(size)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _runs(paragraph: docx.text.paragraph.Paragraph, text: str, size: float = 16) -> None:
    """Text in runs of at most 40 characters, each with its own formatting, as Word splits a
    paragraph that was edited (spelling marks, revisions): more XML than one run."""
    for i in range(0, len(text), 40):
        _font(paragraph.add_run(text[i : i + 40]), size=size)


def merges(rows: Sequence[Sequence[str]]) -> list[tuple[int, int, int, int]]:
    """Rectangles (top, left, bottom, right, inclusive) a Word user would have merged in a
    table copied as text: a label followed by empty cells spans them; an empty first cell
    below a label (and as wide as it) continues it downwards."""
    width = max(len(r) for r in rows)
    grid = [[*r, *[""] * (width - len(r))] for r in rows]
    taken = [[False] * width for _ in grid]
    found = []
    for r, row in enumerate(grid):
        c = 0
        while c < width:
            if taken[r][c] or not row[c] or NUMBER.match(row[c]):
                c += 1
                continue
            right = c
            while right + 1 < width and not row[right + 1] and not taken[r][right + 1]:
                right += 1
            bottom = r
            if c == 0:
                while bottom + 1 < len(grid) and not any(grid[bottom + 1][: right + 1]):
                    bottom += 1
            for rr in range(r, bottom + 1):
                for cc in range(c, right + 1):
                    taken[rr][cc] = True
            if (bottom, right) != (r, c):
                found.append((r, c, bottom, right))
            c = right + 1
    return found


def add_table(document: docx.document.Document, rows: Sequence[Sequence[str]],
              spans: Sequence[tuple[int, int, int, int]] | None = None) -> docx.table.Table:
    """A bordered table of these texts, its cells merged as ``spans`` (default: :func:`merges`)."""
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if text:
                _runs(paragraph, text, size=10.5)
    for top, left, bottom, right in merges(rows) if spans is None else spans:
        table.cell(top, left).merge(table.cell(bottom, right))
    return table


def report(text: str, prose_copies: int = 1, path: str = "report.md") -> docx.document.Document:
    """A Word report of a Markdown or plain-text report (as ``path``'s suffix says): its
    title in the Title style, sections and sub-sections in Heading 1 and 2, paragraphs in
    runs with fonts, tables with their label cells merged; each paragraph of prose
    ``prose_copies`` times (a longer report)."""
    document = docx.Document()
    source = source_from_text(path, text)
    read = markdown.read if path.endswith(".md") else plain.read
    for block in read(source).blocks:
        if isinstance(block, Heading):
            style = {1: "Title", 2: "Heading 1"}.get(block.level, "Heading 2")
            _runs(document.add_paragraph(style=style), block.text, size=22 if block.level == 1 else 16)
        elif isinstance(block, Paragraph):
            for _ in range(prose_copies):
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.first_line_indent = Pt(32)
                _runs(paragraph, " ".join(block.text.split()))
        elif isinstance(block, RawTable):
            add_table(document, [[cell.text for cell in row] for row in block.rows])
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = "第 1 页 共 1 页"
    return document


def save(document: docx.document.Document, path: Path | None = None) -> bytes:
    """The file's bytes (also written to ``path`` when given)."""
    out = io.BytesIO()
    document.save(out)
    if path is not None:
        path.write_bytes(out.getvalue())
    return out.getvalue()


def with_body(data: bytes, body: str) -> bytes:
    """The package ``data`` with its document body replaced by raw WordprocessingML (the
    inside of ``w:body``): for what python-docx does not write."""
    return with_part(data, "word/document.xml", lambda xml: re.sub(
        rb"<w:body>.*</w:body>", lambda _: f"<w:body>{body}</w:body>".encode(), xml, flags=re.S))


def with_part(data: bytes, name: str, change: object) -> bytes:
    """The package ``data`` with part ``name`` changed by ``change`` (bytes → bytes), or
    set to ``change`` when it is bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        for item in names:
            part = src.read(item)
            if item == name:
                part = change if isinstance(change, bytes) else change(part)  # type: ignore[operator]
            dst.writestr(item, part)
        if name not in names and isinstance(change, bytes):
            dst.writestr(name, change)
    return out.getvalue()


def without_part(data: bytes, name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.namelist():
            if item != name:
                dst.writestr(item, src.read(item))
    return out.getvalue()


# --------------------------------------------------------------------------- hostile files

#: A billion laughs: ten entities of ten of the one before, nine deep (10⁹ "lol"s).
def _document(text: str) -> bytes:
    return f"<w:document xmlns:w='{W}'><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>".encode()


LAUGHS = (b"<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol0 'lol'>"
          + b"".join(b"<!ENTITY lol%d '%s'>" % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10))
          + b"]>" + _document("&lol9;"))
EXTERNAL = b"<?xml version='1.0'?><!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>" + _document("&x;")


def package(parts: dict[str, bytes]) -> bytes:
    """A zip package of these parts, deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data in parts.items():
            zipped.writestr(name, data)
    return out.getvalue()


def bomb(size: int = 8 << 20) -> bytes:
    """A file of a few kilobytes whose document.xml inflates to ``size`` bytes (a ratio of about 1000)."""
    return package({"word/document.xml": b"\0" * size})


def patched(data: bytes, name: str, field: int, fmt: str, value: int) -> bytes:
    """``data`` with a field of ``name``'s central directory entry (and, for the flags and
    method, its local header) set to ``value``: what a hostile or broken file declares.
    Fields: 8 flags, 10 method, 24 inflated size."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        info = zipped.getinfo(name)
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into(fmt, out, central + field, value)
    if field in (8, 10):  # flags and method stand 2 bytes earlier in the local header
        struct.pack_into(fmt, out, info.header_offset + field - 2, value)
    return bytes(out)
