"""HTML tables: cell texts as a browser shows them, merged cells resolved into a grid.

Two readers meet HTML tables: the web-page reader (:mod:`govlint.readers.html`, over lxml)
and Markdown, whose converters (pandoc) write a table with merged cells — table 三 always
has them — as raw ``<table>`` rather than a pipe table. Both join a cell's text with
:func:`collapse` and resolve ``rowspan``/``colspan`` with :mod:`govlint.readers.grid`, so a
table reads the same from either. This module imports only ``html.parser`` (for Markdown,
and only when a Markdown report holds a ``<table>``): a Markdown run never loads lxml.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from html import unescape
from html.parser import HTMLParser

from govlint._infra import regex
from govlint._infra.records import NamedTuple
from govlint.model import Cell, RawTable, Span
from govlint.readers.grid import SourceCell, grid_table

#: A line break inside a cell (``<br>``, the end of a ``<p>``): joined as a line break in
#: the source is, so 政府<br>信息 reads 政府信息 and 2023<br>年 reads “2023 年”.
BREAK = "\n"
#: What a cell's ``<p>``, ``<div>`` or ``<li>`` ends with: a line break.
CELL_BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br"})
WORD = regex.compile(r"\S+")
#: East Asian widths whose characters need no space between them (CSS Text 3, segment breaks).
WIDE = frozenset({"W", "F", "H"})


class Word(NamedTuple):
    """A word of collapsed text: where it stands in the text and in its piece."""

    at: int  # offset in the collapsed text
    piece: int  # index of the piece it comes from
    offset: int  # offset in that piece
    length: int


def collapse(pieces: Sequence[str]) -> tuple[str, list[Word]]:
    """The text a browser shows for these pieces of one line or cell, and its words.

    Whitespace collapses to one space; a run of it that holds a line break (the source's,
    or a ``<br>`` or ``<p>`` end as :data:`BREAK`) between two wide characters is dropped,
    as CSS does (a page's source wraps Chinese anywhere, and a cell's lines 政府 / 信息 are
    one word). ``&nbsp;`` and the full-width space are spaces, never dropped."""
    out: list[str] = []
    words: list[Word] = []
    length = 0
    gap = ""  # the whitespace since the last word
    for index, piece in enumerate(pieces):
        end = 0
        for m in WORD.finditer(piece):
            gap += piece[end : m.start()]
            word = m.group()
            if words and gap and not (_breaks(gap) and _wide(out[-1][-1]) and _wide(word[0])):
                out.append(" ")
                length += 1
            words.append(Word(length, index, m.start(), len(word)))
            out.append(word)
            length += len(word)
            gap = ""
            end = m.end()
        gap += piece[end:]
    return "".join(out), words


def _breaks(gap: str) -> bool:
    """Whether a run of whitespace is a line break and nothing a writer typed as a space."""
    return "\n" in gap and not gap.strip(" \t\n\r\f")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in WIDE


def span_count(value: str | None) -> int:
    """A ``rowspan``/``colspan`` as browsers read it: its leading digits, else 1."""
    written = (value or "").strip()
    digits = len(written) - len(written.lstrip("0123456789"))
    return max(1, int(written[: min(digits, 6)])) if digits else 1


class _Table:
    """A ``<table>`` being read: its rows, and whether a table inside makes it layout."""

    def __init__(self, start: int) -> None:
        self.start = start
        self.rows: list[list[SourceCell]] = []
        self.layout = False
        self.cell: list[tuple[str, int, int]] | None = None  # (text, offset, length in the source) pieces
        self.cell_start = 0
        self.spans = (1, 1)


class _TableParser(HTMLParser):
    """The tables of a piece of Markdown's raw HTML, with cell spans into the Markdown."""

    def __init__(self, text: str, base: int) -> None:
        super().__init__(convert_charrefs=False)  # a reference is a piece of its own: offsets stay exact
        self.text = text
        self.base = base
        self.line_starts = [0]
        self.line_starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
        self.open: list[_Table] = []
        self.tables: list[RawTable] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and self.open:
            self.open[-1].layout = True  # only the innermost tables are data
        if tag == "table" or (tag in ("tr", "td", "th") and not self.open):
            # A row with no table open: the rest of a table that a blank line cut into two
            # of Markdown's HTML blocks.
            self.open.append(_Table(self._offset()))
        if not self.open:
            return
        top = self.open[-1]
        if tag == "tr":
            self._end_cell(top)
            top.rows.append([])
        elif tag in ("td", "th"):
            self._end_cell(top)
            if not top.rows:
                top.rows.append([])
            top.cell = []
            top.cell_start = self._offset()
            values = dict(attrs)
            top.spans = (span_count(values.get("rowspan")), span_count(values.get("colspan")))
        elif tag in CELL_BLOCKS and top.cell is not None:
            top.cell.append((BREAK, self._offset(), 0))

    def handle_endtag(self, tag: str) -> None:
        if not self.open:
            return
        top = self.open[-1]
        if tag in ("td", "th", "tr"):
            self._end_cell(top)
        elif tag == "table":
            end = self.text.find(">", self._offset())
            self._end_table(len(self.text) if end < 0 else end + 1)
        elif tag in CELL_BLOCKS and top.cell is not None:
            top.cell.append((BREAK, self._offset(), 0))

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1].cell is not None:
            self.open[-1].cell.append((data, self._offset(), len(data)))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")

    def _reference(self, written: str) -> None:
        if self.open and self.open[-1].cell is not None:
            at = self._offset()
            length = len(written) + (self.text.startswith(";", at + len(written)))
            self.open[-1].cell.append((unescape(self.text[at : at + length]), at, length))

    def _end_cell(self, table: _Table) -> None:
        pieces = table.cell
        if pieces is None:
            return
        table.cell = None
        text, words = collapse([data for data, _, _ in pieces])
        if words:
            first, last = words[0], words[-1]
            start = pieces[first.piece][1] + first.offset
            _, at, length = pieces[last.piece]
            end = at + (last.offset + last.length if length == len(pieces[last.piece][0]) else length)
        else:
            start = end = table.cell_start
        table.rows[-1].append(SourceCell(Cell(text, Span(self.base + start, self.base + max(start, end))),
                                         *table.spans))

    def _end_table(self, end: int) -> None:
        table = self.open.pop()
        self._end_cell(table)
        if table.layout:
            return
        found = grid_table(table.rows, Span(self.base + table.start, self.base + end))
        if found is not None:
            self.tables.append(found)

    def close(self) -> None:
        super().close()
        while self.open:  # tables whose </table> was left out
            self._end_table(len(self.text))


def read_html_tables(text: str, base: int) -> list[RawTable]:
    """The data tables (innermost ``<table>``s) in ``text``, which starts at offset ``base``,
    as grids, in order."""
    lowered = text.lower()
    if "<tr" not in lowered and "<td" not in lowered:
        return []
    parser = _TableParser(text, base)
    parser.feed(text)
    parser.close()
    return sorted(parser.tables, key=lambda t: t.span.start)
