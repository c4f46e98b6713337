"""The text a format that is not text is read as: Word files, PDFs, web pages.

Their readers render what they find into one text, which is what the aligner and the checks
read and what ``govlint text FILE`` prints: a paragraph or heading a line, a table a line per
row with its cells separated by tabs. Each stretch of it remembers where it stands in the
original file (a :class:`govlint.model.Place`: a PDF page and line, a Word paragraph or
table cell, a web page's source line), so every finding can be found by a person holding
the original. Tables keep their grid (:mod:`govlint.readers.grid`).
"""

from __future__ import annotations

from collections.abc import Sequence

from govlint._infra.records import NamedTuple
from govlint.model import Block, Cell, Document, Heading, Msg, Paragraph, Place, RawTable, Source, Span
from govlint.readers.grid import SourceCell, grid_table
from govlint.readers.text import heading_level, heading_text


class RenderedCell(NamedTuple):
    """A table cell as a reader found it: its text on one line, its merge, and where it is."""

    text: str
    where: Msg
    rowspan: int = 1
    colspan: int = 1
    page: int | None = None
    line: int | None = None


class Renderer:
    """Collects the rendered text, its blocks and its places, in reading order."""

    def __init__(self, path: str, rendered: str) -> None:
        self.path = path
        self.rendered = rendered  # "docx", "pdf", "html"
        self._parts: list[str] = []
        self._length = 0
        self._places: list[Place] = []
        self.blocks: list[Block] = []

    def place(self, where: Msg, page: int | None = None, line: int | None = None) -> None:
        """What follows stands at ``where`` in the original (until the next place)."""
        place = Place(self._length, where, page, line)
        if self._places and self._places[-1].start == self._length:
            self._places[-1] = place
        elif not self._places or self._places[-1][1:] != place[1:]:
            self._places.append(place)

    def _add(self, text: str) -> Span:
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return Span(start, self._length)

    def paragraph(self, text: str, where: Msg, page: int | None = None, line: int | None = None,
                  level: int | None = None) -> None:
        """A paragraph (one line of the rendered text): a heading when ``level`` says so, or
        when it reads as one (a short numbered line, as in plain text)."""
        text = " ".join(text.split())
        if not text:
            return
        self.place(where, page, line)
        span = self._add(text)
        self._add("\n")
        found = level if level is not None else heading_level(text)
        if found is not None:
            self.blocks.append(Heading(found, heading_text(text), span))
        else:
            self.blocks.append(Paragraph(text, span))

    def table(self, rows: Sequence[Sequence[RenderedCell]]) -> None:
        """A table: a line per row, cells separated by tabs, merged cells once where they
        start; a block with the resolved grid."""
        start = self._length
        source_rows: list[list[SourceCell]] = []
        for row in rows:
            cells: list[SourceCell] = []
            for i, found in enumerate(row):
                if i:
                    self._add("\t")
                text = " ".join(found.text.split())
                self.place(found.where, found.page, found.line)
                cells.append(SourceCell(Cell(text, self._add(text)), max(1, found.rowspan), max(1, found.colspan)))
            self._add("\n")
            source_rows.append(cells)
        table = grid_table(source_rows, Span(start, max(start, self._length - 1)))
        if table is not None:
            self.blocks.append(table)

    def document(self) -> Document:
        """The Document read, over the Source of the rendered text."""
        return Document(self.source(), tuple(self.blocks), self.rendered)

    def source(self) -> Source:
        return Source.from_text(self.path, "".join(self._parts), "utf-8", "\n", False, self.rendered,
                                tuple(self._places))


def is_table(block: Block) -> bool:
    return isinstance(block, RawTable)
