"""A PDF page's layout rebuilt from where its glyphs and ruling lines stand.

Text copied out of a PDF comes in the order the file stores it, which for tables is often
not the order a person reads: a label, then the numbers of another row. Here nothing
depends on that order. Glyphs are grouped into lines by their vertical position, lines into
paragraphs by indent, line ends and spacing; a table is the area its ruling lines enclose
(Word and WPS draw every cell border), its columns and rows the positions of those lines,
and a glyph belongs to the cell its centre falls in. A table drawn without lines is found
by its columns of numbers, whose x-positions across the rows give its columns.

All coordinates are points, top-down (``top`` < ``bottom``), as a page is read.

Why one module of ~650 lines: lines, paragraphs, ruled tables and tables found by their
columns are cut from the same glyphs with the same records and tolerances, and each decides
with the others' results (a ruled area is not a paragraph, a table split by a page break is
joined); :mod:`govlint.readers.pdf` only asks PDFium for the glyphs and rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise
from statistics import median

from govlint._infra.records import NamedTuple
from govlint.readers import numbering
from govlint.readers.grid import MAX_COLUMNS, MAX_ROWS
from govlint.readers.text import heading_level


class Glyph(NamedTuple):
    """A character and its box on the page (the font's full height, not the ink)."""

    char: str
    x0: float
    top: float
    x1: float
    bottom: float


class Rule(NamedTuple):
    """A ruling line: a thin box (a stroked line or a thin filled rectangle)."""

    x0: float
    top: float
    x1: float
    bottom: float


class Line(NamedTuple):
    """Glyphs on one baseline, left to right, and their text."""

    glyphs: tuple[Glyph, ...]
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def size(self) -> float:
        return self.bottom - self.top


class GridCell(NamedTuple):
    """A cell of a rebuilt table: where it starts in the grid, how far it spans, its text,
    and the page and page line of its first glyph."""

    row: int
    column: int
    rowspan: int
    colspan: int
    text: str
    page: int
    line: int


class Table(NamedTuple):
    """A table (or the part of one on a page): its cells, its column boundaries (to tell a
    continuation on the next page) and where it stands."""

    cells: tuple[GridCell, ...]
    rows: int
    edges: tuple[float, ...]  # x of the boundaries between its columns
    left: float  # x of its outer edges
    right: float
    top: float
    bottom: float


class TextBlock(NamedTuple):
    """A paragraph read off a page: its lines' text joined, the page line it starts on and
    the shape a paragraph continuing on the next page is told by."""

    text: str
    page: int
    line: int
    size: float
    top: float
    indented: bool  # the first line starts right of the text's left edge
    full: bool  # the last line reaches the text's right edge: the paragraph may go on


#: A rule is at most this thick (points); a border drawn as a filled box is ~0.5-1.5.
RULE_THICKNESS = 3.0
#: Rules this close (points) are one boundary; ends this close meet.
SNAP = 2.0
#: A cell boundary is drawn when rules cover this share of it.
COVERED = 0.6
#: Ruling lines of one direction on a page (after joining) beyond which the page is a drawing.
MAX_RULES = 1000
#: Column boundaries this close (points) on two pages are the same table's.
JOIN_SLACK = 6.0
#: Lines whose top or bottom lies within this share of the page height from its edge may be
#: running headers, footers or page numbers.
EDGE = 0.12
PAGE_NUMBER = re.compile(
    r"^[-—–－_\s]*(?:第\s*)?[0-9０-９]{1,4}\s*(?:页)?(?:\s*[/／]\s*[0-9０-９]{1,4}|\s*共\s*[0-9０-９]{1,4}\s*页)?[-—–－_\s]*$"
    r"|^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
NUMBER = re.compile(r"^[-+]?[0-9０-９][0-9０-９,，.．]*\s*[%％]?$")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
#: A line's first unbreakable word: a Latin word, number or address with the brackets around it
#: and the punctuation no line may start with (“(www.example.gov.cn)”, “7731010。”).
_FIRST_WORD = re.compile(r"[(（\[]?[A-Za-z0-9][A-Za-z0-9\-/.:_@%]*[)）\]]?[，。、；：！？,.;:!?”’）)]*")
SENTENCE_END = "。！？；：!?;:"
CLOSING = " ）)”’」』》〕】"


# --------------------------------------------------------------------------- lines


def line_text(glyphs: Sequence[Glyph]) -> str:
    """The glyphs' text; a gap wider than a character where no space is drawn reads as one."""
    out: list[str] = []
    last: Glyph | None = None
    for g in glyphs:
        if last is not None and g.x0 - last.x1 > (g.bottom - g.top) and last.char != " " and g.char != " ":
            out.append(" ")
        out.append(g.char)
        last = g
    return "".join(out)


def join_lines(texts: Iterable[str]) -> str:
    """Lines of one paragraph or cell as one text: Chinese runs on without a space, a Latin
    word or number broken at a line end keeps one."""
    out = ""
    spaced = False  # the line before ended in a space
    for text in texts:
        words = text.strip()
        if not words:
            continue
        if out and (spaced or text[0].isspace() or (_ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(words[0]))):
            out += " "
        out += words
        spaced = text[-1].isspace()
    return out


def group_lines(glyphs: Iterable[Glyph]) -> list[Line]:
    """Glyphs grouped by baseline, top to bottom: a glyph whose vertical centre lies within
    ~0.4 of the font height of a line's centre is on that line."""
    ordered = sorted(glyphs, key=_centre2)
    groups: list[list[Glyph]] = []
    centre = size = 0.0
    for g in ordered:
        c, s = (g.top + g.bottom) / 2, g.bottom - g.top
        if groups and abs(c - centre) <= 0.4 * (s if s > size else size):
            groups[-1].append(g)
            continue
        groups.append([g])
        centre, size = c, s
    return [_line(group) for group in groups]


def _line(group: list[Glyph]) -> Line:
    """A line of ``group`` (in order of vertical centre); its height is that of its middle
    glyph by that order, its width that of its glyphs less the spaces at its ends (a line of
    spaces alone has no glyphs), its text keeps them (a space before a line end)."""
    ink = [g for g in group if not g.char.isspace()]
    if not ink:
        return Line((), "", 0.0, 0.0, 0.0, 0.0)
    middle = ink[len(ink) // 2]
    group.sort(key=_x0)
    return Line(tuple(group), line_text(group), min(g.x0 for g in ink), middle.top, max(g.x1 for g in ink),
                middle.bottom)


def _centre2(g: Glyph) -> float:
    return g.top + g.bottom


def _x0(g: Glyph) -> float:
    return g.x0


def split_gaps(line: Line) -> list[Line]:
    """A line cut where glyphs stand more than two characters apart: the cells of a table
    drawn without lines, or text set apart on one line."""
    pieces: list[list[Glyph]] = [[]]
    for g in line.glyphs:
        if pieces[-1] and g.x0 - pieces[-1][-1].x1 > 2 * (g.bottom - g.top):
            pieces.append([])
        pieces[-1].append(g)
    return [_line(piece) for piece in pieces if piece] if len(pieces) > 1 else [line]


def page_lines(glyphs: Sequence[Glyph]) -> list[float]:
    """The vertical centre of each line of the page, top to bottom: a place's line number is
    where a glyph's centre falls among them."""
    return [(line.top + line.bottom) / 2 for line in group_lines(glyphs) if line.glyphs]


def line_number(centres: Sequence[float], y: float) -> int:
    """The 1-based page line nearest to ``y``."""
    i = bisect_left(centres, y)
    if i == len(centres) or (i > 0 and y - centres[i - 1] < centres[i] - y):
        i -= 1
    return max(i, 0) + 1


# --------------------------------------------------------------------------- ruled tables


class _Segment(NamedTuple):
    at: float  # y of a horizontal rule, x of a vertical one
    start: float
    end: float


def _merge(segments: list[_Segment]) -> list[_Segment]:
    """Rules at one position (within SNAP) joined where they touch or overlap; rules at one
    position that do not meet (two tables' borders in one column) stay apart."""
    segments.sort()
    out: list[_Segment] = []
    group: list[_Segment] = []
    for s in [*segments, None]:
        if s is not None and (not group or s.at - group[-1].at <= SNAP):
            group.append(s)
            continue
        run: list[_Segment] = []
        for g in sorted(group, key=lambda g: g.start):
            if run and g.start <= run[-1].end + SNAP:
                run[-1] = _Segment(run[-1].at, run[-1].start, max(run[-1].end, g.end))
            else:
                run.append(g)
        out.extend(run)
        group = [s] if s is not None else []
    return out


def _segments(rules: Iterable[Rule]) -> tuple[list[_Segment], list[_Segment]]:
    horizontal: list[_Segment] = []
    vertical: list[_Segment] = []
    for r in rules:
        width, height = r.x1 - r.x0, r.bottom - r.top
        if height <= RULE_THICKNESS and width > 2 * SNAP:
            horizontal.append(_Segment((r.top + r.bottom) / 2, r.x0, r.x1))
        elif width <= RULE_THICKNESS and height > 2 * SNAP:
            vertical.append(_Segment((r.x0 + r.x1) / 2, r.top, r.bottom))
    return _merge(horizontal), _merge(vertical)


def _crosses(h: _Segment, v: _Segment) -> bool:
    return h.start - SNAP <= v.at <= h.end + SNAP and v.start - SNAP <= h.at <= v.end + SNAP


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], a: int, b: int) -> None:
    parent[_find(parent, a)] = _find(parent, b)


def _clusters(values: Iterable[float], width: float = SNAP) -> list[float]:
    """Positions within ``width`` of the next as one (their mean), in order."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= width:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


def _at(segments: Iterable[_Segment], positions: Sequence[float]) -> list[list[_Segment]]:
    """The segments at each of ``positions`` (cluster centres), by index."""
    out: list[list[_Segment]] = [[] for _ in positions]
    for s in segments:
        i = bisect_left(positions, s.at - SNAP)
        if i < len(positions) and abs(positions[i] - s.at) <= SNAP:
            out[i].append(s)
    return out


def _covered(segments: Sequence[_Segment], start: float, end: float) -> bool:
    """Whether ``segments`` (the rules at one position) cover most of ``start``..``end``."""
    covered = sum(max(0.0, min(s.end, end) - max(s.start, start)) for s in segments)
    return covered >= COVERED * (end - start)


class Region(NamedTuple):
    """The rules of one table: those that cross each other, and the box they fill."""

    horizontal: tuple[_Segment, ...]
    vertical: tuple[_Segment, ...]
    x0: float
    top: float
    x1: float
    bottom: float

    def holds(self, g: Glyph) -> bool:
        x, y = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom


def ruled_regions(rules: Iterable[Rule]) -> list[Region]:
    """Groups of crossing rules with at least two cells between them: the tables of a page."""
    horizontal, vertical = _segments(rules)
    if len(horizontal) > MAX_RULES or len(vertical) > MAX_RULES:
        return []  # a drawing (a chart, a map, a pattern), no report table
    parent = list(range(len(horizontal) + len(vertical)))
    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _crosses(h, v):
                _union(parent, i, len(horizontal) + j)
    groups: dict[int, tuple[list[_Segment], list[_Segment]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(_find(parent, i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(_find(parent, len(horizontal) + j), ([], []))[1].append(v)
    regions = []
    for hs, vs in groups.values():
        rows, columns = len(_clusters(h.at for h in hs)) - 1, len(_clusters(v.at for v in vs)) - 1
        if rows < 1 or columns < 1 or rows * columns < 2 or columns > MAX_COLUMNS or rows > MAX_ROWS:
            continue  # a box or a lone line (one cell at most), or a grid no report table has
        regions.append(Region(tuple(hs), tuple(vs), min(v.at for v in vs), min(h.at for h in hs),
                              max(v.at for v in vs), max(h.at for h in hs)))
    return sorted(regions, key=lambda r: r.top)


def ruled_table(region: Region, glyphs: Sequence[Glyph], page: int, centres: Sequence[float]) -> Table:
    """The grid a region's rules draw: a column boundary at each vertical rule, a row boundary
    at each horizontal one; neighbouring spaces not parted by a rule are one merged cell."""
    xs = _clusters(v.at for v in region.vertical)
    ys = _clusters(h.at for h in region.horizontal)
    rows, columns = len(ys) - 1, len(xs) - 1
    vertical, horizontal = _at(region.vertical, xs), _at(region.horizontal, ys)
    parent = list(range(rows * columns))
    for r in range(rows):
        for c in range(columns):
            if c + 1 < columns and not _covered(vertical[c + 1], ys[r], ys[r + 1]):
                _union(parent, r * columns + c, r * columns + c + 1)
            if r + 1 < rows and not _covered(horizontal[r + 1], xs[c], xs[c + 1]):
                _union(parent, r * columns + c, (r + 1) * columns + c)
    boxes: dict[int, list[int]] = {}
    for r in range(rows):
        for c in range(columns):
            box = boxes.setdefault(_find(parent, r * columns + c), [r, c, r, c])
            box[2], box[3] = max(box[2], r), max(box[3], c)
    inside: dict[tuple[int, int], list[Glyph]] = {}
    for g in glyphs:
        x, y = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        r, c = bisect_left(ys, y) - 1, bisect_left(xs, x) - 1
        if 0 <= r < rows and 0 <= c < columns:
            inside.setdefault((r, c), []).append(g)
    cells = []
    for r0, c0, r1, c1 in sorted(boxes.values()):
        found = [g for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) for g in inside.get((r, c), ())]
        lines = [line for line in group_lines(found) if line.glyphs]
        y = (lines[0].top + lines[0].bottom) / 2 if lines else ys[r0]
        cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, join_lines(line.text for line in lines),
                              page, line_number(centres, y)))
    return Table(tuple(cells), rows, tuple(xs[1:-1]), xs[0], xs[-1], region.top, region.bottom)


def join_tables(upper: Table, lower: Table) -> Table | None:
    """One table from its part on a page and its continuation on the next, when their columns
    stand at the same places: the lower part's rows follow, and a header row it repeats is
    dropped. Where the break cut a cell, its two parts are one: a label cell merged over rows
    goes on empty at the top of the next page (its rows are added to it), and a row cut in two
    (a label's or a header's words wrapped over the break) goes on there without numbers, its
    last words under its first (a new row would begin with its own number: 1. （三） 二、)."""
    if len(upper.edges) == len(lower.edges):
        same = all(abs(a - b) <= JOIN_SLACK for a, b in zip(upper.edges, lower.edges, strict=True))
        return _joined(upper, lower) if same else None
    if abs(upper.left - lower.left) > JOIN_SLACK or abs(upper.right - lower.right) > JOIN_SLACK:
        return None
    fine = max(upper.edges, lower.edges, key=len)
    high, low = _on_columns(upper, fine), _on_columns(lower, fine)
    return None if high is None or low is None else _joined(high, low)


def _joined(upper: Table, lower: Table) -> Table:
    """:func:`join_tables` of two parts on the same columns."""
    repeated = _repeated_header(upper, lower)
    cells = [c._replace(row=c.row - repeated) for c in lower.cells if c.row >= repeated]
    ends: dict[tuple[int, int], int] = {}  # (column, colspan) of a cell in upper's last row: its index
    for i, c in enumerate(upper.cells):
        if c.row + c.rowspan == upper.rows:
            ends[(c.column, c.colspan)] = i
    merged = list(upper.cells)
    top = [c for c in cells if c.row == 0]
    split = (all((c.column, c.colspan) in ends for c in top)
             and not any(NUMBER.match(c.text) or numbering.LABEL.match(c.text) for c in top))
    out = []
    for c in cells:
        above = ends.get((c.column, c.colspan)) if c.row == 0 else None
        if above is not None and split:
            cell = merged[above]
            merged[above] = cell._replace(text=join_lines((cell.text, c.text)), rowspan=cell.rowspan + c.rowspan - 1)
        elif above is not None and not c.text and merged[above].text and not NUMBER.match(merged[above].text):
            merged[above] = merged[above]._replace(rowspan=merged[above].rowspan + c.rowspan)
        else:
            out.append(c._replace(row=c.row + upper.rows - split))
    rows = upper.rows + lower.rows - repeated - split
    return Table(tuple(merged + out), rows, upper.edges, upper.left, upper.right, upper.top, lower.bottom)


def _on_columns(table: Table, edges: tuple[float, ...]) -> Table | None:
    """``table`` on the columns ``edges`` part, when each boundary between its own columns is
    one of them (a part of a table whose rows there draw fewer rules: header rows merged over
    the label columns), else None."""
    at = [0]  # where each of its boundaries stands among ``edges``, its outer edges first and last
    for x in table.edges:
        k = min(range(len(edges)), key=lambda k: abs(edges[k] - x))
        if abs(edges[k] - x) > JOIN_SLACK:
            return None
        at.append(k + 1)
    at.append(len(edges) + 1)
    cells = tuple(c._replace(column=at[c.column], colspan=at[c.column + c.colspan] - at[c.column])
                  for c in table.cells)
    return table._replace(cells=cells, edges=edges)


def _repeated_header(upper: Table, lower: Table) -> int:
    """How many rows at the top of ``lower`` repeat the top of ``upper`` (Word's repeated
    header rows)."""
    def rows(table: Table) -> list[list[tuple[int, int, str]]]:
        out: list[list[tuple[int, int, str]]] = [[] for _ in range(table.rows)]
        for c in table.cells:
            out[c.row].append((c.column, c.colspan, c.text))
        return out

    top, bottom = rows(upper), rows(lower)
    n = 0
    while n < min(len(top), len(bottom)) - 1 and top[n] == bottom[n] and any(t for _, _, t in top[n]):
        n += 1
    return n if n and not any(NUMBER.match(t) for row in top[:n] for _, _, t in row) else 0


# --------------------------------------------------------------------------- tables without rules


def aligned_tables(lines: Sequence[Line], page: int, centres: Sequence[float],
                   page_top: bool = False) -> list[tuple[int, int, Table]]:
    """Tables drawn without lines among ``lines``: (first line, last line, table) each. A row
    is a line holding two numbers or more set apart; rows with only label lines between them
    (lines ending left of the numbers) are one table, and the lines right above its first row
    that spread over its columns are its header. At the top of a page (``page_top``), label
    lines before the first row are the end of a label cut by the page break."""
    pieces = [split_gaps(line) if sum(c.isdigit() for c in line.text) >= 2 else [line] for line in lines]
    numbers = [[s for s in p if NUMBER.match(s.text)] for p in pieces]
    groups: list[list[int]] = []
    for i, found in enumerate(numbers):
        if len(found) < 2:
            continue
        if groups and all(lines[k].x1 < found[0].x0 for k in range(groups[-1][-1] + 1, i)):
            groups[-1].append(i)
        else:
            groups.append([i])
    out: list[tuple[int, int, Table]] = []
    for rows in groups:
        if len(rows) < 2:
            continue
        size = max(lines[i].size for i in rows)
        anchors = _clusters([(s.x0 + s.x1) / 2 for i in rows for s in numbers[i]], size)
        if len(anchors) < 2:
            continue
        edges = (anchors[0] - (anchors[1] - anchors[0]) / 2, *((a + b) / 2 for a, b in pairwise(anchors)))
        first, floor = rows[0], (out[-1][1] + 1 if out else 0)
        while first > floor and rows[0] - first < 4 and _header_line(lines[first - 1], edges):
            first -= 1
        if page_top and not floor and all(lines[k].x1 < numbers[rows[0]][0].x0 for k in range(first)):
            first = 0
        table = _aligned(lines[first : rows[-1] + 1], {i - first for i in rows}, edges, page, centres)
        out.append((first, rows[-1], table))
    return out


def _header_line(line: Line, edges: Sequence[float]) -> bool:
    """A line of column headings: words set apart (not prose) over two columns or more."""
    spread = len({bisect_left(edges, (g.x0 + g.x1) / 2) for g in line.glyphs}) >= 2
    return spread and any(b.x0 - a.x1 > b.bottom - b.top for a, b in pairwise(line.glyphs))


def _aligned(lines: Sequence[Line], numeric: set[int], edges: tuple[float, ...], page: int,
             centres: Sequence[float]) -> Table:
    """The grid of a table drawn without lines. A glyph goes to the column its centre falls in
    (``edges`` part the columns: where the numbers stand across the rows, whatever their order
    in the file); left of the first is the row's label. A line without numbers continues a
    label: the next row's when it starts with a row number (1. （三） 二、) and the next row's
    label does not (its numbers centred on a wrapped label), else the row above's. Header lines
(words over the columns, before the first row) are one header row, its words wrapped."""
    grid: list[list[list[Glyph]]] = []
    pending: list[list[Glyph]] = []  # label lines not yet given to a row
    for i, line in enumerate(lines):
        row: list[list[Glyph]] = [[] for _ in range(len(edges) + 1)]
        for g in line.glyphs:
            row[bisect_left(edges, (g.x0 + g.x1) / 2)].append(g)
        if i in numeric:
            starts = numbering.LABEL.match(line_text(pending[0])) if pending else None
            if starts and not numbering.LABEL.match(line_text(row[0])):
                row[0] = [g for part in pending for g in part] + row[0]
            elif pending and grid:
                grid[-1][0].extend(g for part in pending for g in part)
            elif pending:  # the end of a label cut by a page break: a row of its own
                grid.append([[g for part in pending for g in part], *[[] for _ in edges]])
            pending = []
            grid.append(row)
        elif (grid or i < min(numeric)) and not any(row[1:]) and not _header_line(line, edges):
            pending.append(row[0])
        elif grid and i < min(numeric) and any(grid[-1][1:]):
            for cell, more in zip(grid[-1], row, strict=True):
                cell.extend(more)  # a header wrapped over lines: one header row
        else:
            grid.append(row)  # a header line
    if pending and grid:
        grid[-1][0].extend(g for part in pending for g in part)
    cells = []
    for r, row in enumerate(grid):
        for c, found in enumerate(row):
            parts = [line for line in group_lines(found) if line.glyphs]
            y = (parts[0].top + parts[0].bottom) / 2 if parts else min(g.top for part in row for g in part)
            cells.append(GridCell(r, c, 1, 1, join_lines(part.text for part in parts), page, line_number(centres, y)))
    return Table(tuple(cells), len(grid), edges, min(line.x0 for line in lines), max(line.x1 for line in lines),
                 lines[0].top, lines[-1].bottom)


# --------------------------------------------------------------------------- paragraphs


class Measure(NamedTuple):
    """What the text of a document is like: its left and right edges, the space between two
    lines of one paragraph (and some), and its body font's height."""

    left: float
    right: float
    gap: float
    body: float

    def centred(self, line: Line) -> bool:
        return line.x0 > self.left + line.size and abs(line.x0 + line.x1 - self.left - self.right) <= 2 * line.size


def heading_after(before: str, text: str) -> bool:
    """Whether ``text`` is a numbered heading (一、 （一） 1.) after a sentence that ended: a
    heading set like the text, under a paragraph whose last line happens to be full."""
    return before.rstrip(CLOSING)[-1:] in SENTENCE_END and heading_level(text.strip()) is not None


def _wrapped_word(prev: Line, line: Line, m: Measure) -> bool:
    """Whether ``prev`` ends short only because the first word of ``line`` (a Latin word, a
    number, a web address: “0954—” over “7731010。”, “门户” over “(www.example.gov.cn)”) did
    not fit in the space left on it: the paragraph goes on. A sentence that ended does not."""
    if prev.text.rstrip()[-1:] in SENTENCE_END:
        return False
    word = _FIRST_WORD.match(line.text.lstrip())
    inked = [g for g in line.glyphs if not g.char.isspace()]
    if word is None or len(inked) < len(word.group()):
        return False
    width = inked[len(word.group()) - 1].x1 - inked[0].x0
    return prev.x1 + width > m.right - 0.25 * prev.size


def measure(pages: Sequence[Sequence[Line]]) -> Measure:
    """The left edge (where most lines start), the right edge (where most full lines end), the
    usual space between lines and the usual line height of ``pages``' lines."""
    lines = [line for page in pages for line in page]
    if not lines:
        return Measure(0.0, 0.0, 0.0, 0.0)
    starts = Counter(round(line.x0) for line in lines)
    ends = Counter(round(line.x1) for line in lines)
    common = ends.most_common(1)[0][1]
    floor = min(common, max(2, common // 4))  # lines ending there: not a lone long line
    gaps = [b.top - a.bottom for page in pages for a, b in pairwise(page)
            if abs(a.size - b.size) < 0.15 * a.size and b.top > a.bottom]
    usual = median(gaps) if gaps else 0.0
    body = median(line.size for line in lines)
    return Measure(float(starts.most_common(1)[0][0]), float(max(x for x, n in ends.items() if n >= floor)),
                   max(usual * 1.4, usual + 0.25 * body), body)


def paragraphs(lines: Sequence[Line], page: int, centres: Sequence[float], m: Measure) -> list[TextBlock]:
    """Lines (top to bottom, outside tables) as paragraphs: a paragraph ends where a line
    ends short of the right edge (but for a Latin word that did not fit), the next is
    indented, the font size changes or the space between lines is wider than usual; a title
    centred over two lines in a large font is one."""
    out: list[TextBlock] = []
    texts: list[str] = []
    prev: Line | None = None
    for line in lines:
        indented = line.x0 > m.left + line.size
        same_size = prev is not None and abs(line.size - prev.size) <= 0.15 * prev.size
        title = (prev is not None and same_size and line.size >= 1.2 * m.body and m.centred(prev)
                 and m.centred(line) and line.top - prev.bottom <= max(m.gap, 0.8 * line.size))
        new = prev is None or (not title and (
            indented or (prev.x1 < m.right - 2 * prev.size and not _wrapped_word(prev, line, m))
            or not same_size or line.top - prev.bottom > m.gap
            or (line.x1 < m.right - 2 * line.size and heading_after(prev.text, line.text))
        ))
        if new and prev is not None:
            out[-1] = out[-1]._replace(text=join_lines(texts), full=prev.x1 >= m.right - 2 * prev.size)
        if new:
            texts = []
            out.append(TextBlock("", page, line_number(centres, (line.top + line.bottom) / 2), line.size,
                                 line.top, indented, False))
        texts.append(line.text)
        prev = line
    if prev is not None:
        out[-1] = out[-1]._replace(text=join_lines(texts), full=prev.x1 >= m.right - 2 * prev.size)
    return out


# --------------------------------------------------------------------------- headers and footers


def running_lines(pages: Sequence[Sequence[Line]], height: Sequence[float]) -> set[tuple[int, int]]:
    """(page, line index) of the running headers and footers to drop: text near the top or
    bottom edge repeated at the same place on most pages (page numbers counted as one text),
    and a page number alone at the edge."""
    edge: dict[tuple[int, int], tuple[str, float]] = {}
    for p, lines in enumerate(pages):
        for i, line in enumerate(lines):
            if line.bottom < EDGE * height[p] or line.top > (1 - EDGE) * height[p]:
                edge[(p, i)] = (re.sub(r"[0-9０-９]+", "#", line.text.replace(" ", "")), line.top)
    drop: set[tuple[int, int]] = set()
    seen: dict[str, list[tuple[float, int, tuple[int, int]]]] = {}
    for key, (text, top) in edge.items():
        seen.setdefault(text, []).append((top, key[0], key))
    for places in seen.values():
        pages_at = {p for _, p, _ in places}
        if len(pages) >= 2 and len(pages_at) >= max(2, (len(pages) + 1) // 2):
            tops = median(t for t, _, _ in places)
            drop.update(key for t, _, key in places if abs(t - tops) <= 2 * SNAP)
    for (p, i), _ in edge.items():
        lines = pages[p]
        if PAGE_NUMBER.match(lines[i].text) and (i in (0, len(lines) - 1)):
            drop.add((p, i))
    return drop
