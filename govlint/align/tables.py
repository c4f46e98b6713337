"""Reading a table: where a section's table is (its pieces, and the short lines between
them: a row label the PDF put on a line of its own joins as a one-cell row), and which path
reads it — by grid column where every piece has a grid (:mod:`govlint.align.grid`), as a
stream of rows otherwise (:mod:`govlint.align.stream`), after the labels a layout broke are
joined (:mod:`govlint.align.rejoin`). What both paths keep is :mod:`govlint.align.reading`;
whether the reading can be trusted, :mod:`govlint.align.trust`. Blank is never read as zero.
"""

from __future__ import annotations

from collections.abc import Sequence

from govlint._infra.records import NamedTuple
from govlint.align.rejoin import Line, continues, joined_grid, numbers_start, stream_rows
from govlint.align.stream import TableStream
from govlint.align.templates import Template
from govlint.model import (
    Block,
    Cell,
    Document,
    Heading,
    Paragraph,
    Problem,
    RawTable,
    SectionMatch,
    Span,
    TableMatch,
)
from govlint.readers.lines import line_row, line_words, rows_from_lines, table_words


class TableRead(NamedTuple):
    """A table as read: the rows found, the problems met, and whether some row's numbers
    were counted off the lines after its label (one cell per line) rather than taken from
    its own line or grid row — then one missing or extra number shifts every number after
    it, and :mod:`govlint.align.trust` judges the reading so — how many rows took numbers
    printed before their label, which only the table's identities can confirm, and how
    many header words printed between a row's numbers name another column than theirs."""

    match: TableMatch
    problems: list[Problem]
    counted: bool = False
    carried: int = 0  # rows whose first numbers were printed before their label (read_table)
    misplaced: int = 0  # header words between a row's numbers that name other columns than theirs



def read_table(template: Template, tables: Sequence[RawTable]) -> TableRead:
    """Align the rows of one or more raw tables (a table broken by page breaks) to a template:
    by grid column where every piece has a grid, as a stream of rows otherwise. Labels the
    layout broke into pieces are joined first (:mod:`govlint.align.rejoin`)."""
    span = Span(tables[0].span.start, tables[-1].span.end) if tables else Span(0, 0)
    unread = next((table for table in tables if table.unread), None)
    if unread is not None:  # a piece whose cells the reader could not tell apart: no reading at all
        doubt = Problem("doubtful_table", unread.span, template.id, "", {"reason": unread.unread})
        return TableRead(TableMatch(template.id, span, ()), [doubt])
    if tables and all(table.columns for table in tables):
        from govlint.align.grid import read_grid

        pieces = [table._replace(rows=joined_grid(template, table.rows)) for table in tables]
        return TableRead(*read_grid(template, pieces, span))
    joined: set[Span] = set()
    rows = stream_rows(template, tables, joined)
    oneline = any(table.oneline for table in tables)
    read = _read_stream(template, rows, frozenset(joined), span, carry=False, oneline=oneline)
    if read.counted and _uneven(read.problems):
        # Numbers counted off the lines after their labels, some rows with one too many and
        # others one too few: a PDF that prints a row's value before its label. Read so —
        # each label taking the numbers the row before it had past its columns — the reading
        # is kept only if every row then has exactly its columns (and, counted, trust.assess
        # still checks every identity of it).
        carried = _read_stream(template, rows, frozenset(joined), span, carry=True, oneline=oneline)
        if not _uneven(carried.problems):
            return carried
    return read


def _read_stream(template: Template, rows: list[Line], joined: frozenset[Span], span: Span, carry: bool,
                 oneline: bool = False) -> TableRead:
    reader = TableStream(template, carry, joined, oneline)
    for cells, marked in rows:
        reader.marked = marked
        reader.feed(cells)
    superseded = reader.superseded_problem(span)
    if superseded is not None:
        return TableRead(*superseded)
    match, problems = reader.result(span)
    return TableRead(match, problems + reader.missing_rows(span), reader.counted, reader.carried_rows,
                     reader.misplaced)



def _uneven(problems: list[Problem]) -> bool:
    return any(p.kind in ("missing_column", "extra_number") for p in problems)


SHORT_LINE = 60


def table_pieces(
    document: Document, template: Template, section: SectionMatch | None, used: set[int]
) -> list[RawTable]:
    """Where a template's table is: the table pieces of its section, else the section's lines
    that end in numbers (a table flattened to single spaces), else — when the section's
    heading is missing — the table of the document that best fits it. ``used`` holds the
    starts of pieces already given to another template."""
    raw = _tables_in(document, section.body, template) if section and section.heading else []
    if not raw and section and section.heading:
        raw = rows_from_lines(document, section.body, template.names)
    return raw or _best_unplaced(document, template, used)


def _tables_in(document: Document, body: Span, template: Template) -> list[RawTable]:
    """The table pieces of a section, with the short text lines between them (a row label
    the PDF put on a line of its own) as one-cell rows, so the row stream stays whole; and
    the lines just after the last piece that carry on its last label (wrapped below it)."""
    inside = [b for b in document.blocks if body.start <= b.span.start < body.end]
    positions = [i for i, b in enumerate(inside) if isinstance(b, RawTable)]
    if not positions:
        return []
    first = positions[0]
    while first > 0 and _short_line(inside[first - 1]):  # header lines without numbers come first
        first -= 1
    out: list[RawTable] = []
    for block in inside[first : positions[-1] + 1]:
        if isinstance(block, RawTable):
            out.append(block)
        elif _short_line(block):
            words = line_words(document.source.text, block.span)
            if table_words(words, template.names):
                out.append(RawTable((line_row(document.source.text, words),), block.span))
    text = document.source.text
    for block in inside[positions[-1] + 1 :]:
        if out[-1].unread or not out[-1].rows:
            break  # no row to carry on (a box that did not line up, readers.boxes; an empty table)
        last = next((c for c in reversed(out[-1].rows[-1][: numbers_start(out[-1].rows[-1])]) if c.text), None)
        if last is None or not _short_line(block) or text.count("\n", out[-1].span.end, block.span.start) > 1:
            break  # (a blank line ends the table)
        line = Cell(text[block.span.start : block.span.end].strip(), block.span)
        if not continues(template, last, line):
            break
        out.append(RawTable(((line,),), block.span))
    return out


def _short_line(block: Block) -> bool:
    """A line that can be part of a table: short, and not a sentence."""
    return isinstance(block, (Paragraph, Heading)) and len(block.text) <= SHORT_LINE and "。" not in block.text


def _best_unplaced(document: Document, template: Template, used: set[int]) -> list[RawTable]:
    """Where a table's section heading is missing, the raw table that best fits it."""
    best: tuple[int, RawTable] | None = None
    for table in (b for b in document.blocks if isinstance(b, RawTable)):
        if table.span.start in used:
            continue
        score = len(read_table(template, [table]).match.rows)
        if score >= 2 and (best is None or score > best[0]):
            best = (score, table)
    return [best[1]] if best else []
