"""Reading a table region against a template: the row stream, and where a section's table is.

Tables are read as a stream of rows, so PDF page breaks, split headers and label cells
spread over several columns all read the same way; text lines between table pieces (a row
label the PDF put on a line of its own) join the stream as one-cell rows. Blank is never
read as zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from govlint._infra.records import NamedTuple
from govlint.align.labels import Label, inner_label, norm, similarity, similarity_bound, split_label
from govlint.align.templates import ROW_SIM_NUMBERED, RowSpec, Template, column_label
from govlint.model import (
    Block,
    Cell,
    CellValue,
    Document,
    Heading,
    Paragraph,
    Problem,
    RawTable,
    RowMatch,
    SectionMatch,
    Span,
    TableMatch,
)
from govlint.readers.cells import BLANK_MARKS, parse_number, text_kind
from govlint.readers.lines import line_row, line_words, rows_from_lines, sentence_with_number

ROW_SIM = 0.75
HEADER_SIM = 0.7


def _written(cells: list[Cell]) -> bool:
    """Whether any of the cells holds text (asked of every row: a C loop, not a generator)."""
    return any(map(_TEXT, cells))


_TEXT = attrgetter("text")


def _trim(cells: list[Cell]) -> list[Cell]:
    """Drop trailing empty cells (layout); explicit blank marks such as “/” stay values."""
    while cells and not cells[-1].text:
        cells.pop()
    return cells


class _Building(NamedTuple):
    spec: RowSpec
    label: Cell | None
    values: list[Cell]
    pending: list[Cell]  # blank cells after a label with no number on its line


class TableReading:
    """What reading one table against one template needs, whichever path the table takes
    (a grid, :mod:`govlint.align.grid`, or a stream of rows, :class:`TableStream`): the rows
    found so far, the problems, the group a numbered sub-row belongs to, and how a label
    or a header word is matched."""

    def __init__(self, template: Template) -> None:
        self.t = template
        self.rows: dict[str, RowMatch] = {}
        self.problems: list[Problem] = []
        self.group = ""
        self.superseded: Cell | None = None  # a header word of an older format's table

    # -- labels
    def match_row(self, text: str) -> tuple[RowSpec, bool] | None:
        label = split_label(text)
        if not label.core:
            return None
        best: tuple[float, RowSpec] | None = None
        for spec, sim in self.t.row_candidates(label.core):
            if spec.id in self.rows:
                continue
            numbered = label.kind != "" and label.kind == spec.kind and label.number == spec.number
            if label.kind == "paren" and spec.kind == "ar":
                # “（六）其他” is the group （六）, never its row “3.其他”: a group's numbering
                # names a row of it only followed by the row's own (“（六）3.其他”).
                if not self._numbers_sub_row(label, inner_label(text), spec):
                    continue
                numbered = True
            if numbered and label.kind == "ar" and self.group and spec.parent != self.group:
                numbered = False
            if sim < (ROW_SIM_NUMBERED if numbered else ROW_SIM):
                continue
            score = sim + (0.2 if numbered else 0.0) + (0.05 if spec.parent == self.group else 0.0)
            if best is None or score > best[0]:
                best = (score, spec)
        if best is None:
            return None
        spec = best[1]
        words = inner_label(text).core if label.kind == "paren" and spec.kind == "ar" else label.core
        return spec, words in spec.keys

    def _numbers_sub_row(self, label: Label, inner: Label, spec: RowSpec) -> bool:
        parent = self.t.row_spec(spec.parent)
        return (
            parent is not None
            and (parent.kind, parent.number) == ("paren", label.number)
            and (inner.kind, inner.number) == ("ar", spec.number)
        )

    def header_word(self, cell: Cell) -> bool:
        """Words of the table's header: its header text, or a bare column label ("总计")."""
        return self.t.header_word(cell.text)

    def header_cell(self, cell: Cell, has_values: bool) -> bool:
        """True if the cell is header text; reports misspelt column labels."""
        if self.header_word(cell):
            return True
        label = split_label(cell.text)
        key = norm(cell.text)
        if label.kind or has_values or not self.t.check_header or len(key) < 3:
            return False
        scored = [
            (similarity(key, k), cid)
            for k, cid in self.t.column_keys.items()
            if similarity_bound(key, k, HEADER_SIM) >= HEADER_SIM  # else it cannot reach HEADER_SIM
        ]
        sim, cid = max(scored, default=(0.0, ""))
        if sim >= HEADER_SIM:
            self.problems.append(
                Problem(
                    "reworded_column",
                    cell.span,
                    self.t.id,
                    "",
                    {"found": cell.text, "expected": column_label(self.t, cid), "column": cid},
                )
            )
            return True
        return False

    def _is_group(self, row_id: str) -> bool:
        spec = self.t.row_spec(row_id)
        return bool(spec and spec.group)

    def _reworded(self, spec: RowSpec, cell: Cell) -> None:
        self.problems.append(
            Problem("reworded_row", cell.span, self.t.id, spec.id, {"found": cell.text, "expected": spec.label})
        )

    def _enter_group(self, spec: RowSpec, exact: bool, cell: Cell) -> bool:
        """Follow the groups a label names: a group's own label (三、本年度办理结果) sets the
        context of the numbered rows under it, as does a row of a group (（三）1 is under
        （三）). True when ``spec`` is a group (its rewording, if any, already noted)."""
        if spec.group:
            self.group = spec.id
            if not exact:
                self._reworded(spec, cell)
            return True
        if spec.parent and self._is_group(spec.parent):
            self.group = spec.parent
        return False

    def superseded_problem(self, span: Span) -> tuple[TableMatch, list[Problem]] | None:
        """An older format's table: its numbers are not this one's (GL302 says so)."""
        found = self.superseded
        if found is None:
            return None
        problem = Problem("superseded_layout", found.span, self.t.id, "", {"found": found.text})
        return TableMatch(self.t.id, span, ()), [problem]

    def missing_rows(self, span: Span) -> list[Problem]:
        """The format's rows the table lacks (when it has any row at all)."""
        if not self.rows:
            return []
        return [
            Problem("missing_row", span, self.t.id, spec.id, {"expected": spec.label})
            for spec in self.t.rows
            if not spec.group and spec.id not in self.rows
        ]


class TableStream(TableReading):
    """Reads the row stream of one table region against one template: a cell that matches a
    row label starts that row, numbers that follow belong to it (on the same line or, in
    one-cell-per-line layouts, on the lines after)."""

    def __init__(self, template: Template) -> None:
        super().__init__(template)
        self.current: _Building | None = None
        self.counted = False  # some row's numbers came from the lines after its label, counted
        self.counting = False  # the current row's numbers come a cell per line, after its label
        self.marked = False  # the table piece being read closes every cell with its own mark

    # -- rows
    def feed(self, cells: tuple[Cell, ...]) -> None:
        if not cells:  # the text marks the row's end ("||"): its numbers were counted within it
            self.counting = False
            self._finish()
            return
        if len(cells) == 1 and text_kind(cells[0].text) == "num":
            self._continue([cells[0]])  # a number alone (one cell per line): most rows of that layout
            return
        kinds = [text_kind(c.text) for c in cells]
        if "num" not in kinds and "text" not in kinds:
            cur = self.current
            if len(cells) == 1 and cur is not None and len(cur.values) < len(cur.spec.columns):
                cur.values.append(cells[0])  # one cell per line: a line with nothing (or “/”) is an empty cell
            return
        first_num = kinds.index("num") if "num" in kinds else None
        head = cells if first_num is None else cells[:first_num]
        has_values = first_num is not None
        matched: tuple[RowSpec, bool, Cell] | None = None
        texts = [cell for cell, kind in zip(head, kinds, strict=False) if kind == "text"]
        # Words without numbers beside the header's own ("项目 | 予以公开 | … | 总计"): a header
        # line, whose words name columns, never rows.
        header = not has_values and len(texts) > 1 and any(self.header_word(c) for c in texts)
        unknown = False
        for cell in texts:
            label = split_label(cell.text)
            if not has_values and norm(cell.text) in self.t.superseded:
                self.superseded = self.superseded or cell
                continue
            if header or (not has_values and self.header_word(cell)):
                self.header_cell(cell, has_values)  # a misspelt column label is still reported
                continue
            found = self.match_row(cell.text)
            if found is None:
                if self.header_cell(cell, has_values):
                    continue
                if has_values or (label.kind and label.core):  # not a bare “（三）” whose words the PDF put below
                    self.problems.append(Problem("unknown_row", cell.span, self.t.id, "", {"found": cell.text}))
                    unknown = True
                continue
            spec, exact = found
            if self._enter_group(spec, exact, cell) and not has_values:
                continue
            matched = (spec, exact, cell)
        tail = _trim(list(cells[first_num:])) if first_num is not None else []
        if matched is not None:
            spec, exact, cell = matched
            if first_num is not None and len(cells) - first_num == len(spec.columns):
                tail = list(cells[first_num:])  # exactly a full row: its trailing blanks are empty cells
            cur = self.current
            if cur is not None and cur.spec == spec and not cur.values and not any(c.text for c in cur.pending):
                self.current = None  # its label alone just before: a caption (a heading over the table), no row
            self._finish()
            if not exact:
                self._reworded(spec, cell)
            pending = [c for c, k in zip(head, kinds, strict=False) if k == "blank" and c.text] if not tail else []
            self.current = _Building(spec, cell, tail, pending)
        elif tail and not unknown:
            # A row of numbers alone keeps its leading blanks: they are empty values.
            self._continue(list(cells) if not texts else tail)

    def _continue(self, cells: list[Cell]) -> None:
        """Numbers without a label: the rest of the current row (one cell per line), or an
        unlabelled template row such as table 四's single row."""
        cur = self.current
        full = cur is None or len(cur.values) >= len(cur.spec.columns)
        if not cells[-1].text:  # (most rows end in a number: no blanks to trim, whatever comes next)
            unlabelled = self._next_unlabelled()
            if not (full and unlabelled is not None and len(cells) == len(unlabelled.columns)):
                cells = _trim(cells)  # exactly a full row: its trailing blanks are values
            if not cells:
                return
        if cur is not None and (not full or (cur.values and not cur.values[0].text)):
            cur.values.extend(cells)  # (empty cells that came first may be the label's: see _finish)
            self.counting = True
            return
        unlabelled = self._next_unlabelled()
        if cur is not None and self.counting and unlabelled is None:
            # A number more than the row has columns, counted off the lines after its label:
            # which of them is the extra one is unknown, so the row is not placed (_finish).
            cur.values.extend(cells)
            return
        if unlabelled is not None:
            self._finish()
            self.current = _Building(unlabelled, None, cells, [])
            return
        first, last = cells[0].span, cells[-1].span
        self.problems.append(
            Problem(
                "extra_number",
                Span(first.start, last.end),
                self.t.id,
                cur.spec.id if cur else "",
                {"count": str(len(cells)), "found": " ".join(c.text for c in cells if c.text)},
            )
        )

    def _next_unlabelled(self) -> RowSpec | None:
        return next((r for r in self.t.unlabelled if r.id not in self.rows), None)

    def _finish(self) -> None:
        cur = self.current
        self.current = None
        self.counted = self.counted or (self.counting and not self.marked)
        self.counting = False
        if cur is None:
            return
        spec = cur.spec
        values = cur.values or cur.pending
        if not _written(values):
            values = []  # nothing written in the row at all: one finding for the row, not one per cell
        expected = len(spec.columns)
        surplus = len(values) - expected
        if surplus > 0 and not _written(values[:surplus]):
            values = values[surplus:]  # empty cells before a full row: what the label's merged cells left
        anchor = cur.label.span if cur.label else (values[0].span if values else Span(0, 0))
        if not values:
            self.problems.append(
                Problem("empty_cell", anchor, self.t.id, spec.id, {"column": ",".join(spec.columns), "count": "0"})
            )
        elif len(values) < expected:
            self.problems.append(
                Problem(
                    "missing_column",
                    Span(anchor.start, values[-1].span.end),
                    self.t.id,
                    spec.id,
                    {"count": str(len(values)), "expected": str(expected)},
                )
            )
        elif len(values) > expected:
            extra = values[expected:]
            self.problems.append(
                Problem(
                    "extra_number",
                    Span(extra[0].span.start, extra[-1].span.end),
                    self.t.id,
                    spec.id,
                    {"count": str(len(values)), "expected": str(expected), "found": " ".join(c.text for c in extra)},
                )
            )
        label = cur.label.text if cur.label else ""
        if len(values) != expected:
            # Which column a number belongs to is unknown when the row has fewer or more of
            # them than columns: nothing is placed (a blank per column), never left to right.
            unplaced = tuple(CellValue(column, "", None, anchor) for column in spec.columns)
            self.rows[spec.id] = RowMatch(spec.id, label, anchor, unplaced, False)
            return
        cells = []
        complete = True
        for column, (text, span) in zip(spec.columns, values, strict=True):
            value = parse_number(text)  # (None for every blank mark: what text_kind tells, asked once)
            if value is None:
                complete = False
                if text in BLANK_MARKS:
                    self.problems.append(Problem("empty_cell", span, self.t.id, spec.id, {"column": column}))
                else:
                    self.problems.append(
                        Problem("bad_number", span, self.t.id, spec.id, {"column": column, "found": text})
                    )
            cells.append(CellValue(column, text, value, span))
        self.rows[spec.id] = RowMatch(spec.id, label, anchor, tuple(cells), complete)

    def result(self, span: Span) -> tuple[TableMatch, list[Problem]]:
        self._finish()
        ordered = tuple(self.rows[r.id] for r in self.t.rows if r.id in self.rows)
        return TableMatch(self.t.id, span, ordered), self.problems


class TableRead(NamedTuple):
    """A table as read: the rows found, the problems met, and whether some row's numbers
    were counted off the lines after its label (one cell per line) rather than taken from
    its own line or grid row — then one missing or extra number shifts every number after
    it, and :mod:`govlint.align.trust` judges the reading so."""

    match: TableMatch
    problems: list[Problem]
    counted: bool = False


def read_table(template: Template, tables: Sequence[RawTable]) -> TableRead:
    """Align the rows of one or more raw tables (a table broken by page breaks) to a template:
    by grid column where every piece has a grid, as a stream of rows otherwise."""
    span = Span(tables[0].span.start, tables[-1].span.end) if tables else Span(0, 0)
    if tables and all(table.columns for table in tables):
        from govlint.align.grid import read_grid

        return TableRead(*read_grid(template, tables, span))
    reader = TableStream(template)
    for table in tables:
        reader.marked = table.marked
        for row in table.rows:
            reader.feed(row)
    superseded = reader.superseded_problem(span)
    if superseded is not None:
        return TableRead(*superseded)
    match, problems = reader.result(span)
    return TableRead(match, problems + reader.missing_rows(span), reader.counted)


SHORT_LINE = 60


def table_pieces(
    document: Document, template: Template, section: SectionMatch | None, used: set[int]
) -> list[RawTable]:
    """Where a template's table is: the table pieces of its section, else the section's lines
    that end in numbers (a table flattened to single spaces), else — when the section's
    heading is missing — the table of the document that best fits it. ``used`` holds the
    starts of pieces already given to another template."""
    raw = _tables_in(document, section.body) if section and section.heading else []
    if not raw and section and section.heading:
        raw = rows_from_lines(document, section.body)
    return raw or _best_unplaced(document, template, used)


def _tables_in(document: Document, body: Span) -> list[RawTable]:
    """The table pieces of a section, with the short text lines between them (a row label
    the PDF put on a line of its own) as one-cell rows, so the row stream stays whole."""
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
            if not sentence_with_number(words):
                out.append(RawTable((line_row(document.source.text, words),), block.span))
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
