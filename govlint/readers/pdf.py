"""PDF reports read from their text layer with positions (:mod:`govlint.readers.pdf_rows`
rebuilds the lines, paragraphs and table grids).

The library is pypdfium2 (PDFium, the engine of Chrome's viewer), called through its raw
bindings. Both candidates were measured on the fixtures of tests/readers/pdf and both give the
same characters, so speed chose: on the 6-page report PDFium gives every character with its
box and every path with its bounds in ~25 ms of CPU (the whole read, layout included, ~45 ms;
benchmarks/read_pdf.py), where pdfplumber (pdfminer.six) takes 350-800 ms for its characters
and tables, and 200 ms more to import. pdfplumber's table finder reads Word's grids right, but
its rows leave a merged cell's spans to be worked out from the None it puts where the cell
reaches, and the ruling lines it uses are as easy to read from PDFium's path objects.

What is read: the first :data:`MAX_PAGES` pages (a report has fewer than 20; a larger file is
read that far and no further, so time and memory stay bounded), at most :data:`MAX_GLYPHS`
characters a page and :data:`MAX_TOTAL_GLYPHS` in all. The cap raises no finding: a report is
whole long before it, and what a longer file holds past it (annexes, scans) is not read.
Running headers, footers and page numbers are dropped; a paragraph or a table cut by a page
break is read whole. A PDF of scanned images has no text layer and renders no text. PDFium is
not thread-safe: govlint reads a file in one thread of each process.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any

from govlint._infra.records import NamedTuple
from govlint.model import Document, Msg
from govlint.readers import pdf_rows
from govlint.readers.pdf_rows import Glyph, Line, Rule, Table, TextBlock
from govlint.readers.rendered import RenderedCell, Renderer
from govlint.source import DecodeError

MAX_PAGES = 200
#: Pages a title is read from: a report's title and preamble fill its first page, and a
#: second lets running headers and footers be told from the text as on a whole reading.
HEAD_PAGES = 2
MAX_GLYPHS = 40_000  # a page of 5-point text holds ~15,000
MAX_TOTAL_GLYPHS = 600_000  # 200 full pages; a report has ~1,000 a page
MAX_OBJECTS = 20_000  # page objects looked at for ruling lines, a page
MAX_SEGMENTS = 64  # a path with more is a drawing, not a box of rules
MAX_FORM_DEPTH = 4


class Page(NamedTuple):
    """What one page holds: its glyphs and ruling lines, top-down, and its height."""

    glyphs: tuple[Glyph, ...]
    rules: tuple[Rule, ...]
    height: float


def read_bytes(data: bytes, path: str) -> Document:
    """The Document a PDF reads as."""
    return render(path, list(pages(data, path)))


def read_head(data: bytes, path: str) -> Document:
    """The Document of a PDF's first :data:`HEAD_PAGES` pages: where its title is (the
    cross-year pairing reads organ and year from it; a third of a report's rendering)."""
    return render(path, list(pages(data, path, HEAD_PAGES)))


# --------------------------------------------------------------------------- PDFium


def pages(data: bytes, path: str, limit: int = MAX_PAGES) -> Iterator[Page]:
    """The glyphs and rules of each page (up to ``limit``); DecodeError when the file cannot
    be opened."""
    import pypdfium2.raw as pdfium

    doc = pdfium.FPDF_LoadMemDocument64(data, len(data), None)
    if not doc:
        raise DecodeError(_open_error(path, pdfium.FPDF_GetLastError(), b"%PDF" in data[:1024], pdfium))
    try:
        count = pdfium.FPDF_GetPageCount(doc)
        if count <= 0 and data:
            raise DecodeError(f"{path}: PDF 文件已损坏，没有可读的页 / the PDF is damaged: no page can be read")
        glyphs = 0
        for i in range(min(count, limit)):
            page = pdfium.FPDF_LoadPage(doc, i)
            if not page:
                continue  # a damaged page: the others are still read
            try:
                read = _page(page, pdfium)
            finally:
                pdfium.FPDF_ClosePage(page)
            yield read
            glyphs += len(read.glyphs)
            if glyphs >= MAX_TOTAL_GLYPHS:
                break
    finally:
        pdfium.FPDF_CloseDocument(doc)


def _open_error(path: str, code: int, header: bool, pdfium: Any) -> str:
    if code == pdfium.FPDF_ERR_PASSWORD:
        return f"{path}: PDF 文件已加密，请提供未加密的版本 / the PDF is encrypted: provide an unencrypted copy"
    if code == pdfium.FPDF_ERR_SECURITY:
        return f"{path}: PDF 文件的加密方式不受支持，请提供未加密的版本 / the PDF's encryption is not supported: " \
               "provide an unencrypted copy"
    if header:
        return f"{path}: PDF 文件已损坏（可能未下载完整）/ the PDF is damaged (an incomplete download?)"
    return f"{path}: 不是 PDF 文件 / not a PDF file"


def _page(page: Any, pdfium: Any) -> Page:
    box = pdfium.FS_RECTF()
    if not pdfium.FPDF_GetPageBoundingBox(page, box):
        box.left, box.bottom, box.right, box.top = 0.0, 0.0, pdfium.FPDF_GetPageWidthF(page), \
            pdfium.FPDF_GetPageHeightF(page)
    top = box.top
    return Page(_glyphs(page, top, pdfium), tuple(_rules(page, top, pdfium)), box.top - box.bottom)


def _glyphs(page: Any, top: float, pdfium: Any) -> tuple[Glyph, ...]:
    """The page's characters with their loose boxes (the font's height, so the glyphs of one
    line share a top and bottom), less those PDFium makes up (line ends, guessed spaces)."""
    text = pdfium.FPDFText_LoadPage(page)
    if not text:
        return ()
    try:
        count = min(pdfium.FPDFText_CountChars(text), MAX_GLYPHS)
        if count <= 0:
            return ()
        buffer = ctypes.create_string_buffer(2 * (count + 1))
        pdfium.FPDFText_GetText(text, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
        chars = buffer.raw[: 2 * count].decode("utf-16-le", "replace")
        if len(chars) != count:  # characters beyond the BMP: one at a time
            chars = "".join(chr(pdfium.FPDFText_GetUnicode(text, i)) for i in range(count))
        rect = pdfium.FS_RECTF()
        loose_box, generated = pdfium.FPDFText_GetLooseCharBox, pdfium.FPDFText_IsGenerated
        out = []
        for i, char in enumerate(chars):
            if char in "\r\n\x00\ufffe\uffff" or (char == " " and generated(text, i)):
                continue
            if not loose_box(text, i, rect) or rect.top <= rect.bottom:
                continue
            out.append(Glyph(char, rect.left, top - rect.top, rect.right, top - rect.bottom))
        return tuple(out)
    finally:
        pdfium.FPDFText_ClosePage(text)


def _rules(page: Any, top: float, pdfium: Any) -> Iterator[Rule]:
    """Ruling lines: thin path objects, and the straight edges of stroked boxes, also inside
    form XObjects."""
    objects: list[tuple[Any, tuple[float, ...] | None, int]] = [(pdfium.FPDFPage_GetObject(page, i), None, 0)
               for i in range(min(pdfium.FPDFPage_CountObjects(page), MAX_OBJECTS))]
    matrix = pdfium.FS_MATRIX()
    left, bottom, right, upper = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    seen = 0
    while objects and seen < MAX_OBJECTS:
        obj, outer, depth = objects.pop()
        seen += 1
        kind = pdfium.FPDFPageObj_GetType(obj)
        if kind == pdfium.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            form = _matrix(obj, matrix, pdfium)
            form = form if outer is None else _times(form, outer)
            objects.extend((pdfium.FPDFFormObj_GetObject(obj, i), form, depth + 1)
                           for i in range(min(pdfium.FPDFFormObj_CountObjects(obj), MAX_OBJECTS)))
            continue
        if kind != pdfium.FPDF_PAGEOBJ_PATH or not pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, upper):
            continue
        corners = [_apply(outer, left.value, bottom.value), _apply(outer, right.value, upper.value)]
        x0, x1 = sorted(x for x, _ in corners)
        y0, y1 = sorted(y for _, y in corners)
        if min(x1 - x0, y1 - y0) <= pdf_rows.RULE_THICKNESS:
            yield Rule(x0, top - y1, x1, top - y0)
        else:
            yield from _box_edges(obj, _matrix(obj, matrix, pdfium), outer, top, pdfium)


def _box_edges(obj: Any, own: tuple[float, ...], outer: tuple[float, ...] | None, top: float,
               pdfium: Any) -> Iterator[Rule]:
    """The straight, level or upright edges of a stroked path of a few segments (a cell box
    drawn as a rectangle)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    count = pdfium.FPDFPath_CountSegments(obj)
    if not pdfium.FPDFPath_GetDrawMode(obj, fill, stroke) or not stroke.value or not 0 < count <= MAX_SEGMENTS:
        return
    full = own if outer is None else _times(own, outer)
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float]] = []
    start: tuple[float, float] | None = None
    for i in range(count):
        segment = pdfium.FPDFPath_GetPathSegment(obj, i)
        if pdfium.FPDFPathSegment_GetType(segment) == pdfium.FPDF_SEGMENT_BEZIERTO:
            return
        pdfium.FPDFPathSegment_GetPoint(segment, x, y)
        point = _apply(full, x.value, y.value)
        if pdfium.FPDFPathSegment_GetType(segment) == pdfium.FPDF_SEGMENT_MOVETO:
            start = point
        elif points:
            yield from _edge(points[-1], point, top)
        points.append(point)
        if pdfium.FPDFPathSegment_GetClose(segment) and start is not None:
            yield from _edge(point, start, top)


def _edge(a: tuple[float, float], b: tuple[float, float], top: float) -> Iterator[Rule]:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= 0.5 or abs(ax - bx) <= 0.5:
        yield Rule(min(ax, bx), top - max(ay, by), max(ax, bx), top - min(ay, by))


def _matrix(obj: Any, matrix: Any, pdfium: Any) -> tuple[float, ...]:
    if not pdfium.FPDFPageObj_GetMatrix(obj, matrix):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _times(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """``inner`` then ``outer``, as PDF matrices compose."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: tuple[float, ...] | None, x: float, y: float) -> tuple[float, float]:
    if m is None:
        return x, y
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


# --------------------------------------------------------------------------- layout


class _Laid(NamedTuple):
    """A page read: its text lines outside tables, its ruled tables and its line centres."""

    lines: list[Line]
    tables: list[Table]
    centres: list[float]


def _lay(number: int, page: Page) -> _Laid:
    centres = pdf_rows.page_lines(page.glyphs)
    regions = pdf_rows.ruled_regions(page.rules)
    tables = []
    free = list(page.glyphs)
    for region in regions:
        inside = [g for g in free if region.holds(g)]
        if not inside:
            continue
        tables.append(pdf_rows.ruled_table(region, inside, number, centres))
        free = [g for g in free if not region.holds(g)]
    lines = [line for line in pdf_rows.group_lines(free) if line.glyphs]
    return _Laid(lines, tables, centres)


Item = TextBlock | Table


def layout(pages: list[Page]) -> list[Item]:
    """The paragraphs and tables of all pages in reading order, running headers and footers
    dropped, a paragraph or a table continued on the next page joined into one."""
    laid = [_lay(n + 1, page) for n, page in enumerate(pages)]
    drop = pdf_rows.running_lines([p.lines for p in laid], [page.height for page in pages])
    for p, page in enumerate(laid):
        page.lines[:] = [line for i, line in enumerate(page.lines) if (p, i) not in drop]
    measure = pdf_rows.measure([p.lines for p in laid])
    items: list[Item] = []
    for n, page in enumerate(laid, start=1):
        page_items = _page_items(n, page, measure)
        if items and page_items:
            joined = _continued(items[-1], page_items[0])
            if joined is not None:
                items[-1] = joined
                page_items = page_items[1:]
        items.extend(page_items)
    return items


def _page_items(number: int, page: _Laid, measure: pdf_rows.Measure) -> list[Item]:
    """A page's paragraphs and tables by their place, top to bottom."""
    items: list[Item] = []
    runs: list[list[Line]] = [[]]
    tables = sorted(page.tables, key=lambda t: t.top)
    queue = list(tables)
    for line in page.lines:
        while queue and queue[0].top < line.top:
            queue.pop(0)
            runs.append([])
        runs[-1].append(line)
    for i, run in enumerate(runs):
        items.extend(_run_items(run, number, page.centres, measure, page_top=not i))
        if i < len(tables):
            items.append(tables[i])
    items.extend(tables[len(runs):])
    return items


def _run_items(lines: list[Line], number: int, centres: list[float], measure: pdf_rows.Measure,
               page_top: bool) -> list[Item]:
    """Lines between tables: paragraphs, and tables drawn without rules among them."""
    out: list[Item] = []
    start = 0
    for first, last, table in pdf_rows.aligned_tables(lines, number, centres, page_top):
        out.extend(pdf_rows.paragraphs(lines[start:first], number, centres, measure))
        out.append(table)
        start = last + 1
    out.extend(pdf_rows.paragraphs(lines[start:], number, centres, measure))
    return out


def _continued(last: Item, first: Item) -> Item | None:
    """``last`` (on one page) and ``first`` (on the next) as one, when one goes on in the other."""
    if isinstance(last, Table) and isinstance(first, Table):
        return pdf_rows.join_tables(last, first)
    if (isinstance(last, TextBlock) and isinstance(first, TextBlock) and last.full and not first.indented
            and abs(last.size - first.size) <= 0.15 * last.size and not pdf_rows.heading_after(last.text, first.text)):
        return last._replace(text=pdf_rows.join_lines((last.text, first.text)), full=first.full)
    return None


# --------------------------------------------------------------------------- rendering


def _where(page: int, line: int) -> Msg:
    return Msg(f"第 {page} 页第 {line} 行", f"page {page}, line {line}")


def render(path: str, pages: list[Page]) -> Document:
    """The Document of the pages' layout: a paragraph a line, a table a line per row."""
    renderer = Renderer(path, "pdf")
    for item in layout(pages):
        if isinstance(item, TextBlock):
            renderer.paragraph(item.text, _where(item.page, item.line), page=item.page, line=item.line)
        else:
            rows: list[list[RenderedCell]] = [[] for _ in range(item.rows)]
            for cell in sorted(item.cells, key=lambda c: (c.row, c.column)):
                rows[cell.row].append(RenderedCell(cell.text, _where(cell.page, cell.line), cell.rowspan,
                                                   cell.colspan, page=cell.page, line=cell.line))
            renderer.table(rows)
    return renderer.document()
