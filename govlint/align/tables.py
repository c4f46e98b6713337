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
from govlint.readers.lines import line_row, line_words, rows_from_lines, table_words
from govlint.readers.numbering import LABEL

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
    exact: bool = True  # the label is the format's own words


class TableReading:
    """What reading one table against one template needs, whichever path the table takes
    (a grid, :mod:`govlint.align.grid`, or a stream of rows, :class:`TableStream`): the rows
    found so far, the problems, the group a numbered sub-row belongs to, and how a label
    or a header word is matched."""

    def __init__(self, template: Template) -> None:
        self.t = template
        self.rows: dict[str, RowMatch] = {}
        self.weak: set[str] = set()  # rows read off a label with no number (reworded: header words, maybe)
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
            if spec.id in self.rows and spec.id not in self.weak:
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
        if self.t.piece(cell.text):
            return True  # a header word the layout broke (“商业企” over “业”): no column of its own
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

    def _forget(self, row_id: str) -> None:
        """Drop a row read so far, and its problems: read off a reworded label with no number (a
        header line such as “总计商 业 企”) before the row's own label came, or off a label alone
        whose numbers came on the next line."""
        del self.rows[row_id]
        self.weak.discard(row_id)
        self.problems = [p for p in self.problems if p.row != row_id]

    def _beside_pieces(self, pieces: list[Cell]) -> None:
        """Numbers beside nothing but pieces of a label: whose they are is unknown, and the
        reading cannot be trusted (trust.assess), but the pieces are no row of their own."""
        self.problems.append(Problem("unknown_row", pieces[0].span, self.t.id, "",
                                     {"found": "".join(c.text for c in pieces), "piece": "1"}))

    def _group_numbers(self) -> list[Cell]:
        """Numbers read beside a group's label while rows of the group were read too: they are
        no row's (a row's label lost, or pulled out of its cell) and are dropped with the group's
        row and returned. Only a group none of whose rows is there is a row of numbers (the 2019
        layout's （六）其他处理, which GL302 reports)."""
        read = {spec.parent for spec in self.t.rows if spec.id in self.rows}
        out: list[Cell] = []
        for spec in self.t.rows:
            if spec.group and spec.id in self.rows and spec.id in read:
                out.extend(Cell(c.raw, c.span) for c in self.rows[spec.id].cells if c.raw)
                self._forget(spec.id)
        return out

    def _within(self, spec: RowSpec, group: str) -> bool:
        """Whether the row ``spec`` stands under the group ``group``, at any depth."""
        parent = spec.parent
        while parent and parent != group:
            parent = above.parent if (above := self.t.row_spec(parent)) is not None else ""
        return bool(parent)

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

    def __init__(self, template: Template, carry: bool = False, joined: frozenset[Span] = frozenset(),
                 oneline: bool = False) -> None:
        super().__init__(template)
        self.current: _Building | None = None
        self.counted = False  # some row's numbers came from the lines after its label, counted
        self.counting = False  # the current row's numbers come a cell per line, after its label
        self.marked = False  # the table piece being read closes every cell with its own mark
        # Read a row's numbers past its columns, and numbers before any label, as the next
        # row's first: a PDF that prints a row's value before its label (see read_table).
        self.carry = carry
        self.carried: list[Cell] = []
        self.carried_rows = 0  # rows that took a number printed before their label
        self.misplaced = 0  # header words between a row's numbers that name another column
        self.joined = joined  # labels joined from the pieces a layout broke them into
        # The words of a text with no line structure (RawTable.oneline): header words run
        # together are no row's label, and a row's numbers may have run together.
        self.oneline = oneline
        self.loose: list[Cell] = []  # the line before: pieces of a label, no numbers

    # -- rows
    def feed(self, cells: tuple[Cell, ...]) -> None:
        loose, self.loose = self.loose, []
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
        pieces: list[Cell] = []  # pieces of a label with numbers beside them
        for cell in texts:
            label = split_label(cell.text)
            if not has_values and norm(cell.text) in self.t.superseded:
                self.superseded = self.superseded or cell
                continue
            if header or (not has_values and self.header_word(cell)):
                self.header_cell(cell, has_values)  # a misspelt column label is still reported
                self._between(cell)
                continue
            found = self.match_row(cell.text)
            cur = self.current
            if found is not None and not has_values and cur is not None and cur.values and found[0] == cur.spec:
                continue  # more words of the label of the row just read (its note on a line of its own)
            if found is None:
                if self.header_cell(cell, has_values) or self.t.header_line(cell.text):
                    self._between(cell)
                    continue
                if self.t.piece(cell.text) or not label.core:
                    # A piece of a label the layout broke (a bare “（三）” whose words the PDF put
                    # below, “本” or “、” of a merged cell printed a character a line): never a row.
                    if has_values:
                        pieces.append(cell)
                elif has_values or label.kind:
                    self.problems.append(Problem("unknown_row", cell.span, self.t.id, "", {"found": cell.text}))
                    unknown = True
                continue
            spec, exact = found
            if self._enter_group(spec, exact or cell.span in self.joined, cell) and not has_values:
                continue  # (a label joined from pieces is not the source's words: never reported reworded)
            matched = (spec, exact, cell)
        if not has_values and matched is None and not header:
            self.loose = [c for c in texts if len(split_label(c.text).core) > 1 and self.t.piece(c.text)]
        if has_values and not pieces:
            pieces = loose  # (a converter pulled the label out of its cell: a piece of it above the numbers)
        if pieces and (matched is None or matched[0].group):  # (and maybe its group's label)
            self._beside_pieces(pieces)
            matched, unknown = None, True
        if matched is not None and matched[0].group and has_values and self._awaits(matched[0]):
            # A group's label beside numbers and no row's (“（六）其他处理 | | 0 | …”), the row's
            # own label alone on the line before (a converter pulled it out of its cell): the
            # numbers are that row's.
            matched = None
        tail = _trim(list(cells[first_num:])) if first_num is not None else []
        if matched is not None:
            spec, exact, cell = matched
            if first_num is not None and len(cells) - first_num == len(spec.columns):
                tail = list(cells[first_num:])  # exactly a full row: its trailing blanks are empty cells
            cur = self.current
            if cur is not None and cur.spec == spec and not cur.values and not any(c.text for c in cur.pending):
                self.current = None  # its label alone just before: a caption (a heading over the table), no row
            if not tail and self.carry:
                tail = self._carried(spec)
            if spec.id in self.weak:
                self._forget(spec.id)
            self._finish()
            pending = [c for c, k in zip(head, kinds, strict=False) if k == "blank" and c.text] if not tail else []
            self.current = _Building(spec, cell, tail, pending, exact or cell.span in self.joined)
        elif tail and (not unknown or (self.oneline and self._next_unlabelled() is not None)):
            # (header words run together name nothing: the numbers after them are table 四's)
            # A row of numbers alone keeps its leading blanks: they are empty values.
            self._continue(list(cells) if not texts else tail)

    def _continue(self, cells: list[Cell]) -> None:
        """Numbers without a label: the rest of the current row (one cell per line), or an
        unlabelled template row such as table 四's single row."""
        cur = self.current
        # (empty cells that came first may be the label's, see _finish: they fill no column)
        lead = next((k for k, c in enumerate(cur.values) if c.text), len(cur.values)) if cur is not None else 0
        full = cur is None or len(cur.values) - lead >= len(cur.spec.columns)
        if not cells[-1].text:  # (most rows end in a number: no blanks to trim, whatever comes next)
            unlabelled = self._next_unlabelled()
            if not (full and unlabelled is not None and len(cells) == len(unlabelled.columns)):
                cells = _trim(cells)  # exactly a full row: its trailing blanks are values
            if not cells:
                return
        if cur is not None and not full:
            # The row's numbers all on the one line after its label (a converter put the label
            # above its row) are that line's, not counted off lines: numbers after them are in
            # no row.
            self.counting = self.counting or bool(cur.values) or len(cells) < len(cur.spec.columns)
            cur.values.extend(cells)
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
        if self.carry:
            self.carried.extend(cells)  # the next label's, if it has none on its own line
            return
        self._stray(cells, cur.spec.id if cur else "")

    def _awaits(self, group: RowSpec) -> bool:
        """Whether the row being read is a label alone, of a row under ``group``."""
        cur = self.current
        return (cur is not None and cur.label is not None and not cur.values and not _written(cur.pending)
                and self._within(cur.spec, group.id))

    def _between(self, cell: Cell) -> None:
        """Header words printed between a row's numbers (a PDF that stores table 四 a column at
        a time, each column's words before its value): they must name the column of the
        number after them, or the numbers are not in the columns' order."""
        cur = self.current
        if cur is not None and 0 < len(cur.values) < len(cur.spec.columns):
            self.misplaced += not self.t.stands_over(cell.text, cur.spec.columns[len(cur.values)])

    def _stray(self, cells: list[Cell], row_id: str) -> None:
        first, last = cells[0].span, cells[-1].span
        self.problems.append(
            Problem(
                "extra_number",
                Span(first.start, last.end),
                self.t.id,
                row_id,
                {"count": str(len(cells)), "found": " ".join(c.text for c in cells if c.text)},
            )
        )

    def _carried(self, spec: RowSpec) -> list[Cell]:
        """The number a label without numbers on its own line takes first, when reading so
        (``carry``): the one before it that belongs to no row, or the one past the columns of
        the row before it, counted off the lines after that row's label. One: more numbers
        before a label are no value printed before it but numbers out of place."""
        cur = self.current
        surplus = cur.values[len(cur.spec.columns) :] if cur is not None and self.counting else []
        strays, self.carried = self.carried, []
        if len(strays) + len(surplus) > 1:
            if strays:
                self._stray(strays, "")
            return []
        if cur is not None and surplus:
            del cur.values[len(cur.spec.columns) :]
        self.carried_rows += bool(strays or surplus)
        return [*strays, *surplus]

    def _next_unlabelled(self) -> RowSpec | None:
        return next((r for r in self.t.unlabelled if r.id not in self.rows), None)

    def _finish(self) -> None:
        cur = self.current
        self.current = None
        # (In a text with no line structure a label's numbers follow it in one run, cut from it
        # only where its words end: never counted off lines, where one lost shifts the rest.)
        self.counted = self.counted or (self.counting and not self.marked and not self.oneline)
        self.counting = False
        if cur is None:
            return
        spec = cur.spec
        if cur.label is not None and not cur.exact:
            self._reworded(spec, cur.label)
        values = cur.values or cur.pending
        if not _written(values):
            values = []  # nothing written in the row at all: one finding for the row, not one per cell
            if not cur.exact:
                self.weak.add(spec.id)  # a later label in the format's own words takes the row
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
            # In a text with no line structure, fewer numbers than columns but digits enough
            # for all are numbers run together (“行政规范性文件71120”): which digits belong to
            # which column is unknown, and the table cannot be read (trust.assess).
            together = self.oneline and sum(map(_digits, values)) >= expected
            detail = {"count": str(len(values)), "expected": str(expected)}
            if together:
                detail["found"] = " ".join(c.text for c in values)
            self.problems.append(Problem("run_together" if together else "missing_column",
                                         Span(anchor.start, values[-1].span.end), self.t.id, spec.id, detail))
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
        if self.carried:
            self._stray(self.carried, "")
        if strays := self._group_numbers():
            self._stray(strays, "")
        ordered = tuple(self.rows[r.id] for r in self.t.rows if r.id in self.rows)
        return TableMatch(self.t.id, span, ordered), self.problems


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


#: A row of the stream, and whether its table piece closes every cell with its own mark.
_Line = tuple[tuple[Cell, ...], bool]


def read_table(template: Template, tables: Sequence[RawTable]) -> TableRead:
    """Align the rows of one or more raw tables (a table broken by page breaks) to a template:
    by grid column where every piece has a grid, as a stream of rows otherwise. Labels the
    layout broke into pieces are joined first (:func:`_join_lines`)."""
    span = Span(tables[0].span.start, tables[-1].span.end) if tables else Span(0, 0)
    unread = next((table for table in tables if table.unread), None)
    if unread is not None:  # a piece whose cells the reader could not tell apart: no reading at all
        doubt = Problem("doubtful_table", unread.span, template.id, "", {"reason": unread.unread})
        return TableRead(TableMatch(template.id, span, ()), [doubt])
    if tables and all(table.columns for table in tables):
        from govlint.align.grid import read_grid

        pieces = [table._replace(rows=_joined_grid(template, table.rows)) for table in tables]
        return TableRead(*read_grid(template, pieces, span))
    joined: set[Span] = set()
    rows = _stream_rows(template, tables, joined)
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


def _read_stream(template: Template, rows: list[_Line], joined: frozenset[Span], span: Span, carry: bool,
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


def _digits(cell: Cell) -> int:
    return sum(map(str.isdigit, cell.text))


def _uneven(problems: list[Problem]) -> bool:
    return any(p.kind in ("missing_column", "extra_number") for p in problems)


# -- labels a layout broke into pieces


def _stream_rows(template: Template, tables: Sequence[RawTable], joined: set[Span]) -> list[_Line]:
    """The rows of a table's pieces in reading order, each with whether its piece closes every
    cell with its own mark: a line holding more than one row cut where a label follows
    numbers, and the pieces of a broken label joined, within a line and across lines (in a
    text with no line structure, a label run together with header words cut from them)."""
    out: list[_Line] = []
    for table in tables:
        for line in table.rows:
            if table.oneline:
                line = tuple(piece for cell in line for piece in _cut_run_on_label(template, cell))
            for cells in _split_after_numbers(template, line, table.oneline):
                cells = _join_within(template, cells, joined)
                merged = _join_lines(template, out[-1][0], cells, joined) if out and cells else None
                if merged is None:
                    out.append((cells, table.marked))
                    continue
                out[-1] = (merged[0], out[-1][1])
                if merged[1]:
                    out.append((merged[1], table.marked))
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


def _continues(template: Template, x: Cell, y: Cell, exact: bool = False) -> bool:
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


def _head(cells: tuple[Cell, ...]) -> int:
    """Where a row's numbers start (its length without one)."""
    return next((k for k, cell in enumerate(cells) if text_kind(cell.text) == "num"), len(cells))


def _join_within(template: Template, cells: tuple[Cell, ...], joined: set[Span]) -> tuple[Cell, ...]:
    """A row with the pieces of a label that stand side by side before its numbers joined."""
    head = _head(cells)
    out: list[Cell] = []
    for cell in cells[:head]:
        if out and _continues(template, out[-1], cell):
            out[-1] = _join(out[-1], cell, joined)
        else:
            out.append(cell)
    return cells if len(out) == head else (*out, *cells[head:])


def _join_lines(
    template: Template, prev: tuple[Cell, ...], cells: tuple[Cell, ...], joined: set[Span]
) -> tuple[tuple[Cell, ...], tuple[Cell, ...]] | None:
    """A label wrapped over two lines, its numbers on either: the line before with the
    label's words joined, and what is left of this line (its other cells), or None. The
    numbers may stand on one of the two lines only; the words carry on the line before's
    last label, or, its numbers on that line, any of its labels (a group's, “三、本” over
    “年度办理结果”, beside its first row's)."""
    prev_head, head = _head(prev), _head(cells)
    if prev_head < len(prev) and head < len(cells):
        return None
    y = next((k for k in range(head) if cells[k].text), None)
    if y is None:
        return None
    texts = [k for k in range(prev_head - 1, -1, -1) if prev[k].text]
    x = next((k for k in texts[: None if prev_head < len(prev) else 1] if _continues(template, prev[k], cells[y])),
             None)
    if x is None:
        return None
    label = _join(prev[x], cells[y], joined)
    if prev_head < len(prev):  # the numbers on the first line: the rest of this line stands alone
        rest = cells[y + 1 :]
        return (*prev[:x], label, *prev[x + 1 :]), rest if _written(list(rest)) else ()
    return (*prev[:x], label, *prev[x + 1 :], *cells[y + 1 :]), ()


def _joined_grid(template: Template, rows: tuple[tuple[Cell, ...], ...]) -> tuple[tuple[Cell, ...], ...]:
    """A grid's rows with a label split over two cells side by side, or wrapped onto a row of
    its own that holds nothing else in its column, joined into the format's very words: the
    joined cell stands in every position its pieces held, as a merged cell does. (Being the
    format's very words, it is never reported reworded, so where it stands is not kept.)"""
    out: list[tuple[Cell, ...]] = []
    exact: set[Span] = set()
    for row in rows:
        cells = list(row)
        for k in range(1, _head(row)):
            x, y = cells[k - 1], cells[k]
            if x.span != y.span and _continues(template, x, y, exact=True):
                label = _join(x, y, exact)
                cells = [label if c.span in (x.span, y.span) else c for c in cells]
        written = {c.span: k for k, c in enumerate(cells) if c.text}
        if out and len(written) == 1 and _head(row) == len(row):
            (k,) = written.values()
            prev = out[-1]
            if _head(prev) > k and _continues(template, prev[k], cells[k], exact=True):
                label = _join(prev[k], cells[k], exact)
                out[-1] = tuple(label if c.span == prev[k].span else c for c in prev)
                continue
        before = [k for k, c in enumerate(out[-1]) if c.text] if out else []
        if len(before) == 1 and _head(out[-1]) == len(out[-1]) and before[0] < _head(row):
            # The label's first words alone on the row before, the rest beside its numbers.
            k = before[0]
            if _continues(template, out[-1][k], cells[k], exact=True):
                label = _join(out[-1][k], cells[k], exact)
                out[-1] = tuple(label if c.span == cells[k].span else c for c in cells)
                continue
        out.append(tuple(cells))
    return tuple(out)


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
        last = next((c for c in reversed(out[-1].rows[-1][: _head(out[-1].rows[-1])]) if c.text), None)
        if last is None or not _short_line(block) or text.count("\n", out[-1].span.end, block.span.start) > 1:
            break  # (a blank line ends the table)
        line = Cell(text[block.span.start : block.span.end].strip(), block.span)
        if not _continues(template, last, line):
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
