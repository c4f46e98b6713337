"""The text-stream path: a table's rows read in order, a row label starting its row and the
numbers after it (on its line or, a cell per line, on the lines after) its values. For
text, where no grid says which column a number is in; the grid path is
:mod:`govlint.align.grid`. Labels a layout broke into pieces are joined before
(:mod:`govlint.align.rejoin`)."""

from __future__ import annotations

from govlint._infra.records import NamedTuple
from govlint.align.labels import norm, split_label
from govlint.align.reading import TableReading, has_text, trim
from govlint.align.templates import RowSpec, Template
from govlint.model import (
    Cell,
    CellValue,
    Problem,
    RowMatch,
    Span,
    TableMatch,
)
from govlint.readers.cells import BLANK_MARKS, parse_number, text_kind


class _Building(NamedTuple):
    spec: RowSpec
    label: Cell | None
    values: list[Cell]
    pending: list[Cell]  # blank cells after a label with no number on its line
    exact: bool = True  # the label is the format's own words



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
        tail = trim(list(cells[first_num:])) if first_num is not None else []
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
                cells = trim(cells)  # exactly a full row: its trailing blanks are values
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
        return (cur is not None and cur.label is not None and not cur.values and not has_text(cur.pending)
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
        if not has_text(values):
            values = []  # nothing written in the row at all: one finding for the row, not one per cell
            if not cur.exact:
                self.weak.add(spec.id)  # a later label in the format's own words takes the row
        expected = len(spec.columns)
        surplus = len(values) - expected
        if surplus > 0 and not has_text(values[:surplus]):
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



def _digits(cell: Cell) -> int:
    return sum(map(str.isdigit, cell.text))
