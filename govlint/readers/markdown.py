"""Markdown reports: markdown-it-py (CommonMark + GFM tables), HTML comments kept.

markdown-it gives block tokens with line maps; cell and heading spans are recovered from
the source lines themselves so every position points at the characters the writer typed.
A one-line paragraph that reads as a numbered heading (``一、总体情况`` or
``**一、总体情况**``, common after a Word conversion) is read as a heading, as in plain text.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from govlint._infra import regex
from govlint.model import Block, Cell, Comment, Document, Heading, Paragraph, RawTable, Source, Span, moved
from govlint.readers import oneline
from govlint.readers.text import heading_level, heading_text, looks_like_text_layout, read_lines

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

COMMENT = regex.compile(r"<!--(.*?)-->", re.S)
BOLD_ONLY = regex.compile(r"^\*\*([^*]+)\*\*$|^__([^_]+)__$")
PIPE = regex.compile(r"(?<!\\)\|")
BR = regex.compile(r"<br\s*/?>", re.I)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """Block rules only: the reader reads block tokens and their line maps, never the
    inline children, so inline parsing (half of markdown-it's time) is switched off."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    parser.core.ruler.disable(["inline", "text_join"], ignoreInvalid=True)
    return parser


def _line_span(source: Source, first: int, last: int) -> Span:
    """Span of source lines ``[first, last)`` (0-based), without the final newline."""
    starts = source.line_starts
    start = starts[first]
    end = starts[last] - 1 if last < len(starts) else len(source.text)
    return Span(start, max(start, end))


def _strip_span(source: Source, span: Span) -> Span:
    text = source.text[span.start : span.end]
    lead = len(text) - len(text.lstrip())
    return Span(span.start + lead, span.start + len(text.rstrip()))


def _row_cells(source: Source, line: int) -> tuple[Cell, ...]:
    start = source.line_starts[line]
    text = source.line_text(line + 1)
    bounds = [m.start() for m in PIPE.finditer(text)]
    edges = [-1, *bounds, len(text)]
    cells = []
    for a, b in itertools.pairwise(edges):
        piece = text[a + 1 : b]
        lead = len(piece) - len(piece.lstrip())
        content = piece.strip()
        cs = start + a + 1 + lead
        cells.append(Cell(_unbroken(content), Span(cs, cs + len(content))))
    # "| a | b |": the empty pieces outside the outer pipes are not cells.
    if cells and not cells[0].text and text.lstrip().startswith("|"):
        cells = cells[1:]
    if cells and not cells[-1].text and text.rstrip().endswith("|"):
        cells = cells[:-1]
    return tuple(cells)


def _unbroken(content: str) -> str:
    """A cell's words with the line breaks a converter wrote as ``<br>`` read as a web page's
    cell reads them (政府<br>信息 is 政府信息): a GFM cell holds no line break of its own."""
    if "<" not in content or BR.search(content) is None:
        return content
    from govlint.readers.html_table import BREAK, collapse

    return collapse([BR.sub(BREAK, content)])[0]


def _plain_text(source: Source, first: int, last: int) -> bool:
    """Lines written as plain text: a report pasted into a ``.md`` file (table rows with tabs,
    section headings without ``#``, no blank lines between). Indented blocks are read so too:
    in a report they are indentation, never code."""
    return last - first > 1 and any(looks_like_text_layout(source.line_text(k + 1)) for k in range(first, last))


# Where a document may be cut into pieces read on their own: before a line at the left margin
# that follows a blank line. Whatever block came before ends there (a list or quote would need
# the line indented or marked to go on, and the blocks the reader keeps are the same either
# way), except in fenced code and in HTML blocks that run on over blank lines: a document with
# those is read whole.
_PIECE_START = regex.compile(r"\n[ \t]*\n(?=\S)")
_NO_PIECES = regex.compile(r"^ {0,3}(?:```|~~~|<!--(?!.*-->)|<(?:script|pre|style|textarea)\b|<\?|<![A-Za-z\[])",
                           re.M | re.I)
#: One margin line in this many starts a piece, chosen by its content (a heading always does),
#: so pieces are a few paragraphs long and an edit moves no boundary but its own.
PIECE_ODDS = 8


def _piece_starts(text: str) -> list[int]:
    if _NO_PIECES.search(text):
        return [0]
    import zlib

    starts = [0]
    for m in _PIECE_START.finditer(text):
        at = m.end()
        end = text.find("\n", at)
        line = text[at : end if end >= 0 else len(text)]
        if line.startswith("#") or zlib.crc32(line.encode("utf-8", "surrogatepass")) % PIECE_ODDS == 0:
            starts.append(at)
    return starts


def read(source: Source) -> Document:
    """Read a Markdown report into blocks, a few paragraphs at a time: each piece's blocks
    are kept, so an editor's change reads again only the piece it touched."""
    text = source.text
    if oneline.run_together(text.split("\n")):  # a crawler's text with no line breaks, saved as .md
        return Document(source, tuple(read_lines(source, 0, len(source.line_starts))), "markdown")
    blocks: list[Block] = []
    for a, b in itertools.pairwise([*_piece_starts(text), len(text)]):
        blocks.extend(_placed_piece(text[a:b], a))
    return Document(source, tuple(blocks), "markdown")


@lru_cache(maxsize=256)
def _placed_piece(text: str, at: int) -> tuple[Block, ...]:
    """A piece's blocks where it stands: the pieces before an edit keep their place."""
    return moved(_read_piece(text), at)


@lru_cache(maxsize=256)
def _read_piece(text: str) -> tuple[Block, ...]:
    from govlint.source import source_from_text

    return tuple(_blocks(source_from_text("piece.md", text)))


def _blocks(source: Source) -> list[Block]:
    """The blocks of a whole Markdown text, at its own offsets."""
    tokens = _parser().parse(source.text)
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open" and tok.map:
            span = _strip_span(source, _line_span(source, *tok.map))
            text = heading_text(source.text[span.start : span.end])
            blocks.append(Heading(int(tok.tag[1:]), text, span))
        elif tok.map and (tok.type == "code_block" or (tok.type == "paragraph_open" and _plain_text(source, *tok.map))):
            blocks.extend(read_lines(source, *tok.map))
        elif tok.type == "paragraph_open" and tok.map:
            span = _strip_span(source, _line_span(source, *tok.map))
            raw = source.text[span.start : span.end]
            bold = BOLD_ONLY.match(raw.strip())
            inner = (bold.group(1) or bold.group(2)).strip() if bold else raw.strip()
            level = heading_level(inner) if "\n" not in raw else None
            if level is not None:
                blocks.append(Heading(level, inner, span))
            else:
                blocks.append(Paragraph(raw, span))
        elif tok.type == "html_block" and tok.map:
            span = _line_span(source, *tok.map)
            for m in COMMENT.finditer(source.text, span.start, span.end):
                blocks.append(Comment(m.group(1).strip(), Span(m.start(), m.end())))
            from govlint.readers.html_table import read_html_tables  # html.parser: ~4 ms, rarely needed

            blocks.extend(read_html_tables(source.text[span.start : span.end], span.start))
        elif tok.type == "table_open" and tok.map:
            rows = []
            j = i + 1
            while j < len(tokens) and tokens[j].type != "table_close":
                row_tok = tokens[j]
                if row_tok.type == "tr_open" and row_tok.map:
                    rows.append(_row_cells(source, row_tok.map[0]))
                j += 1
            width = len(rows[0]) if rows else 0
            grid = width if width and all(len(row) == width for row in rows) else 0
            if width > 1 and not grid and all(len(row) in (1, width) for row in rows):
                # A line without pipes in the table (a label or a note a converter left loose) is a
                # row of one cell, which GFM shows filled out with empty cells: the grid stays.
                from govlint.readers.grid import SourceCell, resolve

                rows, grid = list(resolve([[SourceCell(cell) for cell in row] for row in rows])), width
            blocks.append(RawTable(tuple(rows), _line_span(source, *tok.map), grid))
            i = j
        i += 1
    return blocks
