"""Plain-text reports, as copied out of PDFs and Word files.

Every non-blank line is its own block: PDF extraction breaks paragraphs anywhere, so the
reader does not guess where a paragraph ends (the prose layer joins sentences that run on).
Tables are runs of "table-like" lines — tab-separated rows, one cell per line ending in
``|`` (where a lone ``|`` among such lines is an empty cell), ``| a | b |`` rows, or columns
aligned with runs of spaces — and may contain blank lines and ``-----`` rules (page breaks,
broken headers) as long as the table goes on after. A table drawn as a box (``┌─┬─┐``,
``│ a │ b │``, ASCII ``+---+``: a web page saved by a text browser) is read as a grid by its
bars, :mod:`govlint.readers.boxes`. Tabs that end a row are Word's layout,
not empty cells, where the table shows that layout (see ``_layout_tabs``); elsewhere they
end the row's empty cells. A text with no line structure (a crawler's dump, the report on one
line) is first cut into virtual lines at its headings, each keeping its offsets (``oneline``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govlint._infra import regex
from govlint.model import Block, Cell, Comment, Document, Heading, Paragraph, RawTable, Source, Span
from govlint.readers import boxes, numbering, oneline

#: A line ending in one of these is a sentence or a clause, never a heading.
NOT_HEADING_END = "。；;，,：:！？!?"
MAX_HEADING = 40
SPACE_SPLIT = regex.compile(r"(?: {2,}|\u3000+)")
NUMBER_CELL = regex.compile(r"^[-+]?[\d０-９][\d０-９,，.．]*\s*[%％]?$")
RULE_LINE = regex.compile(r"^[\s\-—–=_|+]*$")
#: What a "-----" rule cell is made of: a cell that starts otherwise is no rule (one test, no search).
RULE_CHARS = "-—–=_"
RULE_CELL = regex.compile(f"^[{re.escape(RULE_CHARS)}]{{3,}}$")
#: What the first line of a box starts with (:mod:`govlint.readers.boxes`): one test a line.
BOX_START = frozenset(boxes.LEFT_EDGE + "+")
COMMENT_LINE = regex.compile(r"^\s*<!--(.*?)-->\s*$")
SPACE_CELL = regex.compile(r"\S+(?: \S+)*")  # words joined by single spaces
# A Markdown heading's markers ("## 五、…", "五、… ##"); the closing run starts only where
# whitespace starts, so a long gap inside a heading stays linear.
ATX = regex.compile(r"^\s{0,3}#{1,6}\s*|(?<!\s)\s+#+\s*$")




def _space_cells(text: str) -> list[str]:
    return [c for c in SPACE_SPLIT.split(text.strip()) if c]


def table_kind(text: str) -> str | None:
    """How a line holds table cells: "tab", "pipe", "space", or None for prose."""
    if "\t" in text:
        return "tab"
    if "|" in text:
        stripped = text.strip()
        if stripped.endswith("|") or stripped.startswith("|"):
            return "pipe"
    if "  " not in text and "\u3000" not in text:
        return None  # one cell at most: prose (most lines), without the split
    cells = _space_cells(text)
    if len(cells) >= 2 and "。" not in text and any(NUMBER_CELL.match(c) for c in cells):
        return "space"
    return None


def _cells(text: str, at: int, kind: str) -> tuple[Cell, ...]:
    """Split a table line starting at offset ``at`` into cells with exact spans (empty cells
    get zero width)."""
    if kind == "words":
        return tuple(cell for cell in oneline.cells(text, at) if _carries((cell,)))  # (no "-----" rules)
    if kind == "space":
        return tuple(
            Cell(m.group(), Span(at + m.start(), at + m.end()))
            for m in SPACE_CELL.finditer(text.replace("\u3000", "  "))
        )
    pieces = text.split("\t" if kind == "tab" else "|")
    if kind == "pipe":
        # "X |" is one cell; "| a | b |" drops the empty edges; "|||" is three blanks.
        if not pieces[-1].strip():
            pieces.pop()
        if len(pieces) > 1 and not pieces[0].strip():
            at += len(pieces[0]) + 1
            del pieces[0]
    cells = []
    for piece in pieces:  # ``at``: where the piece starts
        content = piece.strip()
        start = at if content == piece else at + len(piece) - len(piece.lstrip())
        cells.append(Cell(content, Span(start, start + len(content))))
        at += len(piece) + 1
    return tuple(cells)


def heading_text(text: str) -> str:
    """A heading's words without its markup: Markdown's ``#`` markers (kept by a report
    pasted into a ``.txt`` file) and the ``**`` of a bold line."""
    text = text.strip()
    if "#" in text:  # most lines have none: no pattern to run
        text = ATX.sub("", text).strip()
    return text.strip("*").strip()


def heading_level(text: str) -> int | None:
    """Level of a short numbered line that reads as a heading, else None."""
    stripped = heading_text(text)
    if not stripped or len(stripped) > MAX_HEADING or stripped[-1] in NOT_HEADING_END:
        return None
    if numbering.SECTION.match(stripped):
        return 2
    if numbering.SUB_SECTION.match(stripped):
        return 3
    if numbering.ITEM.match(stripped):
        return 4
    if "报告" in stripped:
        return 1
    return None


def read(source: Source) -> Document:
    """Read a plain-text report into blocks."""
    return Document(source, tuple(read_lines(source, 0, len(source.line_starts))), "text")


def looks_like_text_layout(line: str) -> bool:
    """A line that only plain text writes so: a table row (tabs, a trailing ``|``, columns
    of spaces) or a numbered section heading. Markdown that holds such lines is plain text
    pasted into a ``.md`` file, and is read line by line like plain text."""
    return table_kind(line) is not None or boxes.box_line(line) or heading_level(line.strip()) in (2, 3)


def read_lines(source: Source, first: int, last: int) -> list[Block]:
    """The blocks of source lines ``[first, last)`` (0-based), one per line or table."""
    starts = source.line_starts
    last = min(last, len(starts))
    if first >= last:
        return []
    text = source.text
    # Each line ends with the "\n" before the next line's start: the range split at "\n".
    lines = text[starts[first] : starts[last] - 1 if last < len(starts) else len(text)].split("\n")
    at: Sequence[int] = starts[first:last]
    if oneline.run_together(lines):
        lines, at, kinds = oneline.virtual_lines(lines, starts[first:last])
    else:
        kinds = [table_kind(line) for line in lines]
    blocks: list[Block] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if stripped[0] in BOX_START and (j := boxes.box_end(lines, i)) > i:
            box = boxes.read_box(text, at[i], at[j - 1] + len(lines[j - 1]))
            if box.columns != 1:  # (a box whose bars make no columns is no table: its lines read as lines)
                blocks.append(box)
                i = j
                continue
        if kinds[i] is not None:
            i = _read_table(lines, at, kinds, i, blocks)
            continue
        start = at[i] + (0 if line[0] == stripped[0] else len(line) - len(line.lstrip()))
        span = Span(start, start + len(stripped))
        comment = COMMENT_LINE.match(line) if "<!--" in line else None
        if comment:
            blocks.append(Comment(comment.group(1).strip(), span))
        else:
            level = heading_level(stripped)
            if level is not None:
                blocks.append(Heading(level, heading_text(stripped), span))
            else:
                blocks.append(Paragraph(stripped, span))
        i += 1
    return blocks


def _read_table(lines: list[str], at: Sequence[int], kinds: list[str | None], i: int, blocks: list[Block]) -> int:
    """Consume a table starting at line ``i`` (which starts at offset ``at[i]``); blank lines
    and rules inside are allowed when more table lines follow. Returns the index after the
    table."""
    rows: list[tuple[Cell, ...]] = []
    tab_rows: list[int] = []  # the rows split at tabs
    first = i
    start = at[i]
    end = start
    n = len(lines)
    single = False  # the last line was one cell closed by its own "|" ("56 |")
    marked = False  # cells are closed by their own "|", an empty one too: none vanished
    while i < n:
        kind = kinds[i]
        text = lines[i]
        if kind is None:
            stripped = text.strip()
            if stripped and NUMBER_CELL.match(stripped):
                kind = "pipe"  # a lone number inside a table: a cell whose "|" the PDF lost
            else:
                if not stripped or RULE_LINE.match(text):
                    j = i + 1
                    while j < n and (not lines[j].strip() or RULE_LINE.match(lines[j])):
                        j += 1
                    if j < n and kinds[j] is not None:
                        i = j
                        continue
                break
        cells = _cells(text, at[i], kind)
        # Rows of blanks and "-----" rules carry nothing; but where every cell closes with
        # "|", a lone "|" is an empty cell.
        if _carries(cells) or (single and text.strip() == "|"):
            if kind == "tab":
                tab_rows.append(len(rows))
            rows.append(cells)
        elif single and text.strip() == "||":
            rows.append(())  # where every cell closes with "|", "||" ends the row: an empty row says so
        single = kind == "pipe" and len(cells) == 1 and text.rstrip().endswith("|")
        marked = marked or single
        end = at[i] + len(text)
        i += 1
    if tab_rows and _layout_tabs([rows[k] for k in tab_rows]):
        for k in tab_rows:
            rows[k] = _without_empty_tail(rows[k])
    blocks.append(RawTable(tuple(rows), Span(start, end), marked=marked, oneline="words" in kinds[first:i]))
    return i


def _carries(cells: tuple[Cell, ...]) -> bool:
    """Whether a cell holds something other than a ``-----`` rule."""
    for cell in cells:
        word = cell.text
        if word and (word[0] not in RULE_CHARS or not RULE_CELL.match(word)):
            return True
    return False


def _layout_tabs(rows: list[tuple[Cell, ...]]) -> bool:
    """Whether tab rows end with Word's layout tab rather than with empty cells: every header
    line (a row without numbers) ends in an empty piece, and so does every row whose cells,
    from its first number on, run furthest. Where one of those ends in a word or a number
    instead, an empty piece at a row's end is an empty cell: the aligner reads it as one
    where it makes the row exactly full (“258, 12, -, -, 1, 1” and an empty 总计)."""
    decided = [_extent(row) for row in rows if row[-1].text]  # the rows that end in a word or number
    if not decided:
        return bool(rows)
    if 0 in decided:
        return False
    furthest = max(decided)  # the widest row must end in an empty piece: one further than these
    return any(_extent(row) > furthest for row in rows if not row[-1].text)


def _extent(row: tuple[Cell, ...]) -> int:
    """How many cells a row has from its first number on (0 without a number)."""
    for k, cell in enumerate(row):
        if cell.text and NUMBER_CELL.match(cell.text):
            return len(row) - k
    return 0


def _without_empty_tail(row: tuple[Cell, ...]) -> tuple[Cell, ...]:
    last = len(row)
    while last > 1 and not row[last - 1].text:
        last -= 1
    return row[:last]
