"""Tables drawn as boxes: a report's web page dumped by a text browser (``w3m -dump``: ``┌─┬─┐``,
``│ a │ b │``, ``├─┼─┤``; ASCII ``+---+``, ``| a |`` with ``-no-graph``), or typed so.

The bars say which column every character stands in, so a box is read as a grid (a
:class:`~govlint.model.RawTable` with ``columns``), never as numbers counted along a line: a
cell is the area its bars and rules enclose. A label wrapped over several lines inside its
box is one cell, its pieces joined; a box spanning rows or columns (a merged cell, a row with
fewer bars) stands in every position it covers. Columns are counted in display width, as the
browser drew them: a CJK character takes two; box lines and “” take one or two (a CJK
terminal draws them wide), whichever makes the box's edges line up; a box typed by hand
with its bars out of line is read by counting bars only when every line has as many.

Where rules separate the rows, the lines between two rules are one row. A box with no rule
between a line with numbers and a line above it with numbers or header words (“open”)
starts a row at each line with numbers, at a line with other bars, and at a numbered label
under another row's words: the words of a wrapped cell hang below its first line, as a
top-aligned cell prints them.

A box is read only if it is whole: every line starting and ending at the box's edges, every
bar standing where a bar of some full row stands, no rule with a hole in it, every cell a
rectangle, the cells tiling the grid, no merged cell holding words far apart (a row that
lost a bar), every number under one cell of its header and no header word over two numbers,
and, where rules part the rows, no two lines without a rule between them with their bars in
different places. Otherwise it is a table without rows, ``unread`` ``"box"``, which the
aligner reports as doubtful (one GL108): which column a number is in is then unknown, and
nothing is guessed.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise

from govlint._infra import regex
from govlint._infra.records import NamedTuple
from govlint.model import Cell, RawTable, Span
from govlint.readers.cells import parse_number
from govlint.readers.grid import MAX_COLUMNS, MAX_ROWS
from govlint.readers.numbering import LABEL

VERTICAL = frozenset("│┃║|")
HORIZONTAL = frozenset("─━═-=")
JUNCTIONS = frozenset("┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪╓╖╙╜╟╢╥╨╫+")
WALLS = VERTICAL | JUNCTIONS
#: Words that are a piece of a rule, never a cell's: a box line (“1 ─ 2” is no cell), or
#: three ASCII dashes (a blank mark is one or two, “-”, “--”).
BROKEN_RULE = regex.compile(r"[─━═]|[-=]{3}")
#: Inside a cell's line, words never stand this far apart: the browser pads only at the ends.
GAP = "  "
#: What the lines of a box drawn with box characters start with: its left edge.
LEFT_EDGE = "┌├└│┏┣┗┃╔╠╚║╒╞╘╓╟╙"
BOTTOM = "└┗╚╘╙"
#: An ASCII box starts with its top edge: “+-----+----+”; its lines then start with + or |.
ASCII_TOP = regex.compile(r"^\s*\+[-=]{2,}(?:\+[-=]*)*\+\s*$")


def box_line(line: str) -> bool:
    """A line of a box drawn with box characters (one test, asked of every line)."""
    stripped = line.lstrip()
    return bool(stripped) and stripped[0] in LEFT_EDGE


def box_end(lines: Sequence[str], i: int) -> int:
    """Where the box that starts at line ``i`` ends (the index after it), or ``i`` when no
    box starts there: two lines or more, with a bar or junction inside (columns). A box ends at
    its bottom edge or at the first line that is not one of its lines."""
    if box_line(lines[i]):
        edge = LEFT_EDGE
    elif lines[i].lstrip()[:1] == "+" and ASCII_TOP.match(lines[i]):
        edge = "+|"
    else:
        return i
    j = i + 1
    while j < len(lines) and lines[j - 1].lstrip()[0] not in BOTTOM:
        stripped = lines[j].lstrip()
        if not stripped or stripped[0] not in edge:
            break
        j += 1
    columns = any(char in WALLS for line in lines[i:j] for char in line.strip()[1:-1])
    return j if j - i >= 2 and columns else i  # (a frame around words, without a bar inside, is no table)


class _Stretch(NamedTuple):
    """What lies between two walls of a line: words or blanks (``open``), or a rule."""

    line: int  # the line of the box
    left: int  # display column of the wall before it
    right: int  # display column of the wall after it
    open: bool
    text: str  # stripped
    span: Span  # of the text; zero width where the stretch starts when it is blank


class _Line(NamedTuple):
    walls: tuple[int, ...]  # display columns of its walls
    stretches: tuple[_Stretch, ...]


def read_box(text: str, start: int, end: int) -> RawTable:
    """The box in ``text[start:end]`` (whole lines) as a grid; a table without rows, unread,
    when its lines do not line up however box lines are measured."""
    lines = text[start:end].split("\n")
    offsets = [start]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    lead = len(lines[0]) - len(lines[0].lstrip())
    span = Span(start + lead, end)
    for how in MEASURES:
        rows = _grid([_measure(line, at, k, how) for k, (line, at) in enumerate(zip(lines, offsets, strict=True))])
        if rows is not None:
            return RawTable(rows, span, len(rows[0]))
    return RawTable((), span, unread="box")


#: How a box's columns are measured, in the order tried: box lines and “” one display column
#: wide, two wide (a CJK terminal), or — a box typed by hand with its bars not padded into
#: line (pandoc's grid tables written loosely) — by counting bars, which reads only a box
#: whose every line has as many bars, as a pipe table is read.
MEASURES = ("narrow", "wide", "count")


def _width(char: str, how: str) -> int:
    if how == "count":
        return 1 if char in WALLS else 0
    kind = unicodedata.east_asian_width(char)
    return 2 if kind in ("W", "F") or (how == "wide" and kind == "A") else 1


def _measure(line: str, at: int, k: int, how: str) -> _Line | None:
    """A line's walls and what stands between them, by column (:data:`MEASURES`); None when
    it does not start and end with a wall."""
    x = 0
    walls: list[int] = []
    where: list[tuple[int, int]] = []  # (column, index in the line) of each wall
    for index, char in enumerate(line):
        if char in WALLS:
            walls.append(x)
            where.append((x, index))
        x += 0 if char == "\t" else _width(char, how)
    stripped = line.rstrip()
    if len(where) < 2 or where[0][1] != len(line) - len(line.lstrip()) or where[-1][1] != len(stripped) - 1:
        return None
    stretches = []
    for (left, a), (right, b) in pairwise(where):
        inside = line[a + 1 : b]
        if not inside:
            continue
        rule = all(char in HORIZONTAL for char in inside)
        content = inside.strip()
        if not rule and BROKEN_RULE.search(content):
            return None  # a rule with a hole in it: which cells it parts is unknown
        first = at + a + 1 + (len(inside) - len(inside.lstrip()) if content else 0)
        stretches.append(_Stretch(k, left, right, not rule, content, Span(first, first + len(content))))
    if any(not s.open for s in stretches) and any(s.text and not s.text.strip("-= ") for s in stretches if s.open):
        return None  # an ASCII rule with a hole: “- -” beside “----” is no cell (“-” in a row of words is)
    return _Line(tuple(walls), tuple(stretches))


def _grid(lines: Sequence[_Line | None]) -> tuple[tuple[Cell, ...], ...] | None:
    """The box's cells placed in their grid, or None when the box is not whole."""
    measured = [line for line in lines if line is not None]
    if len(measured) < len(lines) or len({(line.walls[0], line.walls[-1]) for line in measured}) != 1:
        return None
    widest = max(measured, key=lambda line: len(line.walls)).walls
    if not all(set(line.walls) <= set(widest) for line in measured if all(s.open for s in line.stretches)):
        return None  # a bar where no full row has one: a line out of line
    regions = _regions(measured)
    if not regions:
        return None
    edges = sorted({edge for region in regions for edge in (region[0].left, region[0].right)})
    tops = sorted({region[0].line for region in regions})
    if len(edges) - 1 > MAX_COLUMNS or len(tops) > MAX_ROWS:
        return None
    column = {edge: c for c, edge in enumerate(edges)}
    row = {top: r for r, top in enumerate(tops)}
    grid: list[list[Cell | None]] = [[None] * (len(edges) - 1) for _ in tops]
    for region in regions:
        if column[region[0].right] - column[region[0].left] > 1 and any(GAP in s.text for s in region):
            return None  # words and numbers apart in a box over several columns: a row that lost a bar
        cell = _cell(region)
        for r in range(row[region[0].line], bisect_right(tops, region[-1].line)):
            for c in range(column[region[0].left], column[region[0].right]):
                if grid[r][c] is not None:
                    return None
                grid[r][c] = cell
    if any(cell is None for row in grid for cell in row):
        return None  # a rule that ends one column's row where another's goes on: rows out of line
    rows = tuple(tuple(cell for cell in row if cell is not None) for row in grid)
    return rows if _headed(rows) else None


def _headed(rows: Sequence[tuple[Cell, ...]]) -> bool:
    """Whether every number spans the columns of one cell of the header above it (the nearest
    row without numbers), and no header word (of a header with several) stands over two
    numbers: a number drawn across two of its header's columns is a row that lost a bar, and
    would be read in both; a header word over two is a header that lost one (a merged value
    under a merged header, as table 二's 本年处理决定数量 over three columns, is one value)."""
    header: tuple[Cell, ...] | None = None
    for row in rows:
        spans = [cell.span for cell in row]
        numbers = [c for c, cell in enumerate(row) if parse_number(cell.text) is not None]
        if not numbers:
            header = row
            continue
        if header is None:
            continue
        for c in numbers:
            cover = [k for k, span in enumerate(spans) if span == spans[c]]
            if len({header[k].span for k in cover}) > 1:
                return False
        words = {cell.span for cell in header if cell.text}
        for span in words if len(words) > 1 else ():
            under = {spans[k] for k in numbers if header[k].span == span}
            if len(under) > 1:
                return False  # a header word over two numbers: a header that lost a bar
    return True


def _regions(lines: Sequence[_Line]) -> list[list[_Stretch]] | None:
    """The cells: open stretches of one extent on lines one under another, with no rule and
    no new row between them (two lines with their bars in different places are two rows);
    None when stretches overlap that are not of one extent (a bar out of line), or when, in a
    box whose rows are ruled, a line with no rule above it has other bars than the line above
    (a wrapped cell that lost a bar, or a row such as a caption: which, cannot be told)."""
    open_box = _open(lines)
    regions: list[list[_Stretch]] = []
    above: dict[tuple[int, int], list[_Stretch]] = {}  # the cells the line above leaves open, by extent
    numbers = False  # the row so far has a number
    words: set[tuple[int, int]] = set()  # where the row so far has words
    for k, line in enumerate(lines):
        here = [s for s in line.stretches if s.open]
        plain = k > 0 and len(here) == len(line.stretches) and all(s.open for s in lines[k - 1].stretches)
        if plain and lines[k - 1].walls != line.walls:
            if not open_box:
                return None  # a line that lost or gained a bar where rules part the rows: whose words?
            above, numbers, words = {}, False, set()  # a row of other cells, with no rule between
        elif plain and _starts_row(lines[k - 1], here, numbers if open_box else None, words):
            above, numbers, words = {}, False, set()
        elif len(here) < len(line.stretches):
            numbers, words = False, set()  # a rule: a row starts after it
        current: dict[tuple[int, int], list[_Stretch]] = {}
        for stretch in here:
            extent = (stretch.left, stretch.right)
            region = above.get(extent)
            if region is None:
                if any(a < stretch.right and stretch.left < b for a, b in above):
                    return None
                region = []
                regions.append(region)
            region.append(stretch)
            current[extent] = region
            if stretch.text:
                numbers = numbers or parse_number(stretch.text) is not None
                words.add(extent)
        above = current
    return regions


def _open(lines: Sequence[_Line]) -> bool:
    """Whether rules do not part the rows: a line with numbers stands, with no rule between,
    under one with numbers or under header words over its numbers."""
    for a, b in pairwise(lines):
        if a.walls != b.walls or not all(s.open for s in (*a.stretches, *b.stretches)):
            continue
        numbers = {(s.left, s.right) for s in b.stretches if parse_number(s.text) is not None}
        if numbers and (_numbers(a) or any(s.text and (s.left, s.right) in numbers for s in a.stretches)):
            return True
    return False


def _numbers(line: _Line) -> bool:
    return any(s.open and parse_number(s.text) is not None for s in line.stretches)


def _starts_row(above: _Line, here: list[_Stretch], numbers: bool | None, words: set[tuple[int, int]]) -> bool:
    """Whether a line under one with the same bars and no rule between starts a row: it
    holds numbers where the row so far has words (a header above numbers); in an open box
    (``numbers`` not None) also where the row so far has numbers, or when its first words are
    a numbered label under words of another (a label under the blank lines of a merged cell
    is that cell's: “（六）其他处理” printed beside the second line of its first row). In a box
    whose rows are ruled, a wrapped cell's lines never hold two rows."""
    mine = {(s.left, s.right) for s in here if parse_number(s.text) is not None}
    if mine & words or (numbers and mine):
        return True
    first = next((s for s in here if s.text), None)
    if numbers is None or first is None or LABEL.match(first.text) is None:
        return False
    return any(s.text and (s.left, s.right) == (first.left, first.right) for s in above.stretches)


def _cell(region: list[_Stretch]) -> Cell:
    """A cell's words, the lines of its box joined, from where they start to where they end."""
    written = [s for s in region if s.text]
    if not written:
        return Cell("", region[0].span)
    return Cell(_joined([s.text for s in written]), Span(written[0].span.start, written[-1].span.end))


def _joined(pieces: list[str]) -> str:
    """Pieces of a wrapped cell as one: run together (Chinese wraps anywhere), with a space
    only between two Latin words."""
    out = pieces[0]
    for piece in pieces[1:]:
        space = out[-1].isascii() and out[-1].isalpha() and piece[0].isascii() and piece[0].isalpha()
        out += (" " if space else "") + piece
    return out
