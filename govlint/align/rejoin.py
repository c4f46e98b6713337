"""Labels a layout broke into pieces, joined before a table is read: a label wrapped over
lines with its numbers on any of them, a merged cell printed a character a line, a group
label split (“（三）不” over “予公开”), a column header wrapped (“商业企” over “业”), a label
split over two cells of a grid, and — in a text with no line structure — a label run
together with the header words before it. A joined cell's text is not the source's: where
it stands is kept (``joined``) so that no fix edits it."""

from __future__ import annotations

from collections.abc import Sequence

from govlint.align.labels import norm, split_label
from govlint.align.reading import has_text
from govlint.align.templates import ROW_SIM_NUMBERED, Template
from govlint.model import (
    Cell,
    RawTable,
    Span,
)
from govlint.readers.cells import text_kind
from govlint.readers.numbering import LABEL

#: A row of the stream, and whether its table piece closes every cell with its own mark.
Line = tuple[tuple[Cell, ...], bool]


def stream_rows(template: Template, tables: Sequence[RawTable], joined: set[Span]) -> list[Line]:
    """The rows of a table's pieces in reading order, each with whether its piece closes every
    cell with its own mark: a line holding more than one row cut where a label follows
    numbers, and the pieces of a broken label joined, within a line and across lines (in a
    text with no line structure, a label run together with header words cut from them)."""
    out: list[Line] = []
    numbered = False  # the last row of ``out`` holds numbers: a row with its own is no part of it
    for table in tables:
        for line in table.rows:
            if table.oneline:
                line = tuple(piece for cell in line for piece in _cut_run_on_label(template, cell))
            for cells in _split_after_numbers(template, line, table.oneline):
                cells = _join_within(template, cells, joined)
                own = numbers_start(cells) < len(cells)
                merged = _join_lines(template, out[-1][0], cells, joined) if out and cells and not (
                    numbered and own) else None
                if merged is None:
                    out.append((cells, table.marked))
                    numbered = own
                    continue
                out[-1] = (merged[0], out[-1][1])
                if merged[1]:
                    out.append((merged[1], table.marked))
                numbered = numbers_start(out[-1][0]) < len(out[-1][0])
    return out


def _cut_run_on_label(template: Template, cell: Cell) -> tuple[Cell, ...]:
    """Words of a text with no line structure cut before a row's label that ends them: the
    header line's last words and the first row's label with no break between them
    (“现行有效件数规章”) are header words, then the row."""
    k = template.label_end(cell.text) if text_kind(cell.text) == "text" else 0
    if not k:
        return (cell,)
    at = cell.span.start + k
    return Cell(cell.text[:k], Span(cell.span.start, at)), Cell(cell.text[k:], Span(at, cell.span.end))


def _split_after_numbers(template: Template, cells: tuple[Cell, ...], oneline: bool) -> list[tuple[Cell, ...]]:
    """A line cut where words that name a row or a column follow numbers: a table run
    together on one line, or table 四's numbers printed between its header words. In a text
    with no line structure, any words after numbers start a row: labels run together with
    header words (“…现行有效件数规章”) name nothing, yet the numbers before them are not theirs."""
    out = []
    start = 0
    seen = False  # a number since the last cut
    for k, cell in enumerate(cells):
        kind = text_kind(cell.text)
        if kind == "num":
            seen = True
        elif seen and kind == "text" and (oneline or template.names(cell.text)):
            out.append(cells[start:k])
            start, seen = k, False
    if not start:
        return [cells]
    out.append(cells[start:])
    return out


def continues(template: Template, x: Cell, y: Cell, exact: bool = False) -> bool:
    """Whether ``y`` carries on the words of ``x``: a label or header word the layout broke
    (a wrapped line, a cell split in two, “（三）不” over “予公开”, “商业企” over “业”). Never
    numbers, nor words with their own numbering or a label of their own, which start a
    label; a bare numbering takes the words after it; else the words together must be a
    label (or header word) of the table or a piece of one (a label wrapped over three lines),
    or — unless ``exact`` — name a row better than either does alone (a reworded label)."""
    if not _words(x.text) or not _words(y.text) or LABEL.match(y.text):
        return False
    label = split_label(x.text)
    if label.kind and not label.core:
        return True
    if template.fit(y.text) == 1:
        return False
    whole = x.text + y.text
    if template.fit(whole) == 1 or (not exact and template.piece(whole)):
        return True
    fit = template.fit(whole)
    return not exact and fit >= ROW_SIM_NUMBERED and fit > max(template.fit(x.text), template.fit(y.text))


def _words(text: str) -> bool:
    """Text that may be a piece of a label: not a number, and not punctuation alone (a blank
    mark such as 无 may be: “（四）无⏎法提供”)."""
    return text_kind(text) != "num" and bool(norm(text))


def _join(x: Cell, y: Cell, joined: set[Span]) -> Cell:
    """The words of two pieces as one cell, from where the first starts to where the second
    ends; ``joined`` keeps where it stands (its text is then not the source's, and no fix
    may edit it: TableStream never reports it reworded)."""
    cell = Cell(x.text + y.text, Span(x.span.start, y.span.end))
    joined.add(cell.span)
    return cell


def numbers_start(cells: tuple[Cell, ...]) -> int:
    """Where a row's numbers start (its length without one)."""
    for k, cell in enumerate(cells):
        if text_kind(cell.text) == "num":
            return k
    return len(cells)


def _join_within(template: Template, cells: tuple[Cell, ...], joined: set[Span]) -> tuple[Cell, ...]:
    """A row with the pieces of a label that stand side by side before its numbers joined."""
    start = numbers_start(cells)
    if start < 2:
        return cells  # one word or none: nothing to join
    out: list[Cell] = []
    for cell in cells[:start]:
        if out and continues(template, out[-1], cell):
            out[-1] = _join(out[-1], cell, joined)
        else:
            out.append(cell)
    return cells if len(out) == start else (*out, *cells[start:])


def _join_lines(
    template: Template, prev: tuple[Cell, ...], cells: tuple[Cell, ...], joined: set[Span]
) -> tuple[tuple[Cell, ...], tuple[Cell, ...]] | None:
    """A label wrapped over two lines, its numbers on either: the line before with the
    label's words joined, and what is left of this line (its other cells), or None. The
    numbers may stand on one of the two lines only; the words carry on the line before's
    last label, or, its numbers on that line, any of its labels (a group's, “三、本” over
    “年度办理结果”, beside its first row's)."""
    prev_head, head = numbers_start(prev), numbers_start(cells)
    if prev_head < len(prev) and head < len(cells):
        return None
    y = next((k for k in range(head) if cells[k].text), None)
    if y is None:
        return None
    texts = [k for k in range(prev_head - 1, -1, -1) if prev[k].text]
    x = next((k for k in texts[: None if prev_head < len(prev) else 1] if continues(template, prev[k], cells[y])),
             None)
    if x is None:
        return None
    label = _join(prev[x], cells[y], joined)
    if prev_head < len(prev):  # the numbers on the first line: the rest of this line stands alone
        rest = cells[y + 1 :]
        return (*prev[:x], label, *prev[x + 1 :]), rest if has_text(list(rest)) else ()
    return (*prev[:x], label, *prev[x + 1 :], *cells[y + 1 :]), ()


def joined_grid(template: Template, rows: tuple[tuple[Cell, ...], ...]) -> tuple[tuple[Cell, ...], ...]:
    """A grid's rows with a label split over two cells side by side, or wrapped onto a row of
    its own that holds nothing else in its column, joined into the format's very words: the
    joined cell stands in every position its pieces held, as a merged cell does. (Being the
    format's very words, it is never reported reworded, so where it stands is not kept.)"""
    out: list[tuple[Cell, ...]] = []
    exact: set[Span] = set()
    for row in rows:
        cells = list(row)
        for k in range(1, numbers_start(row)):
            x, y = cells[k - 1], cells[k]
            if x.span != y.span and continues(template, x, y, exact=True):
                label = _join(x, y, exact)
                cells = [label if c.span in (x.span, y.span) else c for c in cells]
        written = {c.span: k for k, c in enumerate(cells) if c.text}
        if out and len(written) == 1 and numbers_start(row) == len(row):
            (k,) = written.values()
            prev = out[-1]
            if numbers_start(prev) > k and continues(template, prev[k], cells[k], exact=True):
                label = _join(prev[k], cells[k], exact)
                out[-1] = tuple(label if c.span == prev[k].span else c for c in prev)
                continue
        before = [k for k, c in enumerate(out[-1]) if c.text] if out else []
        if len(before) == 1 and numbers_start(out[-1]) == len(out[-1]) and before[0] < numbers_start(row):
            # The label's first words alone on the row before, the rest beside its numbers.
            k = before[0]
            if continues(template, out[-1][k], cells[k], exact=True):
                label = _join(out[-1][k], cells[k], exact)
                out[-1] = tuple(label if c.span == cells[k].span else c for c in cells)
                continue
        out.append(tuple(cells))
    return tuple(out)
