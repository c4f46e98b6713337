"""Web pages (.html, .htm): a report as its organ's 政府信息公开 platform publishes it.

The page is decoded (:func:`decode_page`), parsed by lxml and walked once into lines and
tables (:class:`_Walker`); only the report's own content is rendered (:func:`_content`).

lxml (libxml2's HTML parser, whose tokenizer follows HTML5) is used for two reasons: it
gives each element the source line where its start tag ends, which is the line of the
text that follows it, so every finding names the line a person finds with "view source"
(selectolax's lexbor tree, the fastest, has no source positions at all, and took 23 s on
100,000 nested ``<div>``s); and it is fast, 2.3 ms for a 120 KB report page (html5lib,
the reference HTML5 parser, takes 70-100 ms). Its tree differs from a browser's only on
broken markup (stray text in a ``<table>``), which reads the same here either way.

The content is the element whose lines hold the most section headings (一、 … 六、; the
deepest such element that holds more than its headings), whatever its class; its title is
the article's own: a line naming the report inside it before section 一, else the nearest
such line before it (the page's ``<h1>``), never the ``<title>`` with the site's name.
Navigation, breadcrumbs, search boxes, footers and related links lie outside it; scripts,
styles, ``<head>`` and hidden elements are never text, nor are attributes.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from govlint._infra import regex
from govlint._infra.records import NamedTuple
from govlint.model import Document, Msg, Place
from govlint.readers.html_table import BREAK, collapse, span_count
from govlint.readers.numbering import NUMERALS, SECTION
from govlint.readers.rendered import RenderedCell, Renderer
from govlint.readers.text import NOT_HEADING_END, heading_level, heading_text
from govlint.source import BOMS, CONTROL_BYTES, DecodeError, decode

#: Where an encoding is declared: ``<meta charset>`` or ``<meta http-equiv … charset=…>``.
DECLARED = re.compile(rb"""<meta\b[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
#: How far into the page a declaration is looked for (browsers look at 1,024 bytes; Word's
#: pages and some CMS templates put theirs later).
HEAD_BYTES = 8192
#: Labels of GB2312 and GBK: read as GB18030, the superset, as browsers do.
GBK_LABELS = frozenset({"gb2312", "gb_2312", "gb_2312-80", "gbk", "x-gbk", "cp936", "ms936", "windows-936",
                        "csgb2312", "chinese", "iso-ir-58", "csiso58gb231280", "gb18030"})

#: Elements that are never report text, nor is anything inside them.
SKIP = frozenset({"head", "title", "script", "style", "template", "noscript", "textarea", "select", "button",
                  "iframe", "object", "embed", "svg", "math", "canvas", "audio", "video", "xml"})
#: Elements that start and end a line (``<br>`` breaks one).
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
CELLS = frozenset({"td", "th"})
#: Hidden elements: ``hidden``, or ``display:none`` in their style (Word hides its own marks
#: so); libxml2 finds those whose style may say so, in one pass.
MAY_HIDE = "//*[@hidden or contains(@style, 'none') or contains(@style, 'NONE')]"
DISPLAY_NONE = regex.compile(r"display\s*:\s*none", re.I)
#: libxml2 keeps a line number in 16 bits: past this every element says 65535, and the
#: walk counts the lines of the text it passes instead.
LAST_LINE = 65535
#: A breadcrumb ("首页 > 信息公开 > 年度报告") names the report but is no title.
BREADCRUMB = regex.compile(r"[>›»]|当前位置|您的位置")
TITLE_YEAR = regex.compile(r"(?:19|20)\d\d")
MAX_TITLE = 80
#: What no report page comes near (a report is 10,000-100,000 characters in a few hundred
#: lines; its page 50 KB-1 MB, a few MB with pictures written into it). Past these a page is
#: one clear error, read in seconds, instead of minutes of checks over text that is no report.
MAX_PAGE_BYTES = 64_000_000
MAX_LINES = 50_000
MAX_TEXT = 1_000_000


def read_bytes(data: bytes, path: str) -> Document:
    """A web page's report: its content rendered (:mod:`govlint.readers.rendered`), each
    stretch placed at its line in the page's source."""
    if len(data) > MAX_PAGE_BYTES:
        raise DecodeError(f"{path}: 网页超过 {MAX_PAGE_BYTES // 1_000_000} MB，不是年度报告 / "
                          f"the page is larger than {MAX_PAGE_BYTES // 1_000_000} MB: no annual report is")
    text = decode_page(data, path)
    walker = _Walker(path)
    walker.walk(_parse(text, path))
    return _render(path, _content(walker, path))


# --------------------------------------------------------------------------- decoding


def decode_page(data: bytes, path: str) -> str:
    """The page's text, line ends normalised: a BOM, else valid UTF-8 (a template declares
    gb2312 over a page saved as UTF-8 more often than GBK text is valid UTF-8), else the
    encoding the page declares, else what :func:`govlint.source.decode` detects."""
    declared = None if data.startswith(tuple(bom for bom, _ in BOMS)) else _declared(data[:HEAD_BYTES])
    if declared is not None and declared != "utf-8":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            head = data[:4096]
            if b"\x00" in head or len(head) - len(head.translate(None, CONTROL_BYTES)) > max(4, len(head) // 100):
                raise DecodeError(f"{path}: 看起来是二进制文件 / looks like a binary file") from None
            return data.decode(declared, "replace").replace("\r\n", "\n").replace("\r", "\n")
    return decode(data, path).text


def _declared(head: bytes) -> str | None:
    """The Python codec of the encoding a page declares, if it declares one Python knows."""
    m = DECLARED.search(head)
    if m is None:
        return None
    label = m.group(1).decode("ascii").lower()
    if label in GBK_LABELS:
        return "gb18030"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page that declares UTF-16 in ASCII is not UTF-16; Latin-1 means windows-1252 (WHATWG).
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else "cp1252" if name in ("iso8859-1", "ascii") else name


def _parse(text: str, path: str) -> Any:
    """The page's element tree. ``huge_tree`` lets elements nest 2,048 deep (no page nests
    100) and text nodes be long; past that libxml2 stops, which is one clear error."""
    from lxml import etree

    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, collect_ids=False)
    root = etree.fromstring(text.encode("utf-8"), parser)
    limits = [e.message.split(",")[0] for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:  # "Excessive depth in document: 2048"
        raise DecodeError(f"{path}: 网页超出了解析器的限度（{limits[0]}）/ the page is beyond the parser's limits "
                          f"({limits[0]})")
    return root


# --------------------------------------------------------------------------- the walk


def where(line: int) -> Msg:
    """A line of the page's source, as "view source" numbers it."""
    return Msg(f"网页源代码第 {line} 行", f"line {line} of the page source")


class _Line(NamedTuple):
    """A line of the page as a browser shows it (a paragraph, a heading, a line of one)."""

    text: str
    line: int  # the source line of its first word
    marks: tuple[tuple[int, int], ...]  # (offset in text, source line) where a later source line starts
    link: bool  # every word of it is a link's: navigation, a list of articles


class _Table(NamedTuple):
    rows: tuple[tuple[RenderedCell, ...], ...]


class _Frame:
    """An open block element: where its items start, and the section headings and other
    lines in it."""

    __slots__ = ("body", "first", "sections")

    def __init__(self, first: int) -> None:
        self.first = first
        self.sections: set[str] | None = None
        self.body = False  # it holds a line that is no section heading, or a table


class _Cell:
    __slots__ = ("colspan", "line", "lines", "pieces", "rowspan")

    def __init__(self, line: int, rowspan: int, colspan: int) -> None:
        self.line = line
        self.rowspan = rowspan
        self.colspan = colspan
        self.pieces: list[str] = []
        self.lines: list[int] = []


# What an open element is to the walk (its entry on the walk's stack).
INLINE, LINK, SKIPPED, BLOCK = range(4)


class _Walker:
    """One pass over the tree: the page's lines and data tables as items, in order, and the
    block element whose items hold the most distinct section headings."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[_Line | _Table] = []
        self.line = 1  # the source line the walk is at
        self.pieces: list[str] = []  # the text of the line being read
        self.lines: list[int] = []  # the source line each piece starts on
        self.links: list[bool] = []  # whether each piece is a link's
        self.frames: list[_Frame] = []  # the open block elements
        self.link = 0  # how many open <a href>
        self.pre = 0  # how many open <pre>
        self.data: set[Any] = set()  # the data tables: innermost, and more than one column
        self.rows: list[list[RenderedCell]] | None = None  # of the data table being read
        self.cell: _Cell | None = None
        self.best = (0, 0, 0)  # (distinct section headings, first item, end item)

    def walk(self, root: Any) -> None:
        """Each element's text and tail in source order; a line ends where a block starts or
        ends. Elements that are never text are not entered."""
        if root is None:
            return
        from lxml import etree

        self.data = _data_tables(root)
        hidden = {el for el in root.xpath(MAY_HIDE)
                  if el.get("hidden") is not None or DISPLAY_NONE.search(el.get("style") or "")}
        stack: list[int] = []  # what each open element is: INLINE, LINK, SKIPPED or BLOCK
        events = etree.iterwalk(root, events=("start", "end", "comment"))
        for event, el in events:
            if event == "start":
                line = el.sourceline
                if 0 < line < LAST_LINE:
                    self.line = line  # where the start tag ends: where its text starts
                tag = el.tag
                if tag in SKIP or el in hidden:
                    events.skip_subtree()
                    stack.append(SKIPPED)
                    self.line += (el.text or "").count("\n")  # a script's or style's lines
                    continue
                if tag in BLOCKS:
                    self._boundary(el, tag, start=True)
                    self.frames.append(_Frame(len(self.items)))
                    self.pre += tag == "pre"
                    stack.append(BLOCK)
                elif tag == "a" and el.get("href") is not None:
                    self.link += 1
                    stack.append(LINK)
                else:
                    stack.append(INLINE)
                self._text(el.text)
                continue
            if event == "end":
                kind = stack.pop()
                if kind == BLOCK:
                    tag = el.tag
                    self._boundary(el, tag, start=False)
                    self.pre -= tag == "pre"
                    self._close(self.frames.pop())
                elif kind == LINK:
                    self.link -= 1
            else:  # a comment (or what HTML5 reads as one, such as <?xml …?>): its lines
                self.line += (el.text or "").count("\n")
            self._text(el.tail)

    def _close(self, frame: _Frame) -> None:
        """A block ends: is it the content so far? Its parent holds what it holds."""
        if frame.body and frame.sections and len(frame.sections) > self.best[0]:
            self.best = (len(frame.sections), frame.first, len(self.items))
        if self.frames:
            parent = self.frames[-1]
            parent.body |= frame.body
            if frame.sections:
                if parent.sections is None:
                    parent.sections = set()
                parent.sections |= frame.sections

    def _boundary(self, el: Any, tag: str, start: bool) -> None:
        """A block element starts or ends: a line ends, or a cell's text takes a line break;
        a data table, its rows and cells start and end."""
        if tag == "table" and el in self.data:
            self._flush()
            if start:
                self.rows = []
            else:
                self._end_table()
        elif self.rows is None:
            self._flush()
        elif tag == "tr":
            self._end_cell()
            self._flush()  # text in a row outside its cells: a line before the table
            if start:
                self.rows.append([])
        elif tag in CELLS:
            self._end_cell()
            self._flush()
            if start:
                if not self.rows:
                    self.rows.append([])
                self.cell = _Cell(self.line, span_count(el.get("rowspan")), span_count(el.get("colspan")))
        elif self.cell is not None:
            self.cell.pieces.append(BREAK)
            self.cell.lines.append(self.line)
        else:
            self._flush()

    def _text(self, text: str | None) -> None:
        if not text:
            return
        if self.cell is not None:
            self.cell.pieces.append(text)
            self.cell.lines.append(self.line)
        elif self.pre and "\n" in text:  # preformatted: each source line is a line
            for i, part in enumerate(text.split("\n")):
                if i:
                    self._flush()
                self._piece(part, self.line + i)
        else:
            self._piece(text, self.line)
        self.line += text.count("\n")

    def _piece(self, text: str, line: int) -> None:
        if text:
            self.pieces.append(text)
            self.lines.append(line)
            self.links.append(bool(self.link))

    def _flush(self) -> None:
        """The line read so far, as an item."""
        if not self.pieces:
            return
        pieces, lines, links = self.pieces, self.lines, self.links
        self.pieces, self.lines, self.links = [], [], []
        text, words = collapse(pieces)
        if not words:
            return
        marks: list[tuple[int, int]] = []
        for word in words:
            line = lines[word.piece] + pieces[word.piece].count("\n", 0, word.offset)
            if not marks or marks[-1][1] != line:
                marks.append((word.at, line))
        item = _Line(text, marks[0][1], tuple(marks[1:]), all(links[word.piece] for word in words))
        self._add(item)
        frame = self.frames[-1]
        section = _section(item)
        if not section:
            frame.body = True
        elif frame.sections is None:
            frame.sections = {section}
        else:
            frame.sections.add(section)

    def _end_cell(self) -> None:
        cell = self.cell
        if cell is None or self.rows is None:
            return
        self.cell = None
        text, words = collapse(cell.pieces)
        line = cell.line
        if words:
            first = words[0]
            line = cell.lines[first.piece] + cell.pieces[first.piece].count("\n", 0, first.offset)
        self.rows[-1].append(RenderedCell(text, where(line), cell.rowspan, cell.colspan, line=line))

    def _end_table(self) -> None:
        rows = self.rows
        self._end_cell()
        self.rows = None
        if rows and any(cell.text for row in rows for cell in row):
            self._add(_Table(tuple(tuple(row) for row in rows)))
            self.frames[-1].body = True

    def _add(self, item: _Line | _Table) -> None:
        if len(self.items) >= MAX_LINES:
            raise DecodeError(f"{self.path}: 网页有超过 {MAX_LINES:,} 行文字，不是年度报告 / "
                              f"the page has more than {MAX_LINES:,} lines of text: no annual report has")
        self.items.append(item)


def _data_tables(root: Any) -> set[Any]:
    """The tables that hold data: those with no table inside (a page laid out with tables
    nests the report's tables in its own) and more than one cell in a row (a one-column
    table is a box around text)."""
    tables = list(root.iter("table"))
    outer = set()
    for table in tables:
        up = next(table.iterancestors("table"), None)
        if up is not None:
            outer.add(up)
    return {t for t in tables if t not in outer and any(_width(tr) > 1 for tr in t.iter("tr"))}


def _width(tr: Any) -> int:
    return sum(1 for child in tr if child.tag in CELLS)


def _section(item: _Line) -> str:
    """The numeral of a section heading (一 of 一、总体情况, of 第一部分), else ""."""
    if item.link or heading_level(item.text) != 2:
        return ""
    m = SECTION.match(heading_text(item.text))
    return "".join(ch for ch in m.group() if ch in NUMERALS) if m else ""


# --------------------------------------------------------------------------- the content


def _content(walker: _Walker, path: str) -> list[tuple[_Line | _Table, int | None]]:
    """The report's items, each with its heading level (1 for the title, None to judge):
    the element with the most section headings, and the title."""
    count, first, end = walker.best
    if not count:
        raise DecodeError(f"{path}: 网页中没有找到报告正文（没有“一、”这样的章节标题；报告也许在附件或图片里）/ "
                          "no report text in the page (no section heading such as 一、; the report may be an "
                          "attachment or an image)")
    items = walker.items
    size = sum(len(item.text) + 1 if isinstance(item, _Line) else sum(len(c.text) + 1 for row in item.rows for c in row)
               for item in items[first:end])  # what the rendered text's length will be
    if size > MAX_TEXT:
        raise DecodeError(f"{path}: 网页正文超过 {MAX_TEXT:,} 字，不是年度报告 / "
                          f"the page's text is longer than {MAX_TEXT:,} characters: no annual report is")
    content: list[tuple[_Line | _Table, int | None]] = [(item, None) for item in items[first:end]]
    for i, (item, _) in enumerate(content):
        if isinstance(item, _Line) and _section(item):
            break
        if _names_report(item):
            content[i] = (item, 1)
            return content
    before = [item for item in items[:first] if _names_report(item)]
    dated = [item for item in before if isinstance(item, _Line) and TITLE_YEAR.search(item.text)]
    title = (dated or before or [None])[-1]
    return content if title is None else [(title, 1), *content]


def _names_report(item: _Line | _Table) -> bool:
    """A line that may be the report's title: it names a report, is short and no sentence,
    and is neither a link nor a breadcrumb."""
    if not isinstance(item, _Line) or item.link:
        return False
    text = item.text
    return ("报告" in text or "報告" in text) and len(text) <= MAX_TITLE and text[-1] not in NOT_HEADING_END \
        and BREADCRUMB.search(text) is None


def _render(path: str, content: list[tuple[_Line | _Table, int | None]]) -> Document:
    """The Document of the content; a paragraph that runs over several source lines gets a
    place where each starts, so a finding inside it names its own line."""
    renderer = Renderer(path, "html")
    inside: list[Place] = []
    for item, level in content:
        if isinstance(item, _Table):
            renderer.table(item.rows)
            continue
        before = len(renderer.blocks)
        renderer.paragraph(item.text, where(item.line), line=item.line, level=level)
        if item.marks and len(renderer.blocks) > before:
            start = renderer.blocks[-1].span.start
            inside.extend(Place(start + at, where(line), None, line) for at, line in item.marks)
    document = renderer.document()
    if not inside:
        return document
    places: list[Place] = []
    for place in sorted([*document.source.places, *inside], key=lambda p: p.start):
        if not places or places[-1].line != place.line:
            places.append(place)
    return document._replace(source=document.source._replace(places=tuple(places)))
