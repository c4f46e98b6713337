"""Reading a table whose source has a grid (Word, a web page, PDF rows rebuilt from positions).

Every value is placed by its grid column, never by counting numbers along a line: the
header rows say which grid column is which of the template's columns, so merged header
cells, a row label spanning rows, or an empty cell never shift a value into another column.
A merged cell stands in every position it covers (:mod:`govlint.readers.grid`): in a label it
is read once, and a value merged over several columns of one template column (table 二's
本年处理决定数量, written over three) is one value.

Where no header names the columns, a row is read only if the grid gives exactly as many
value cells as the row has columns; otherwise the row is reported as missing columns and
nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govlint.align.labels import norm, split_label
from govlint.align.reading import TableReading
from govlint.align.templates import RowSpec, Template
from govlint.model import Cell, CellValue, Problem, RawTable, RowMatch, Span, TableMatch
from govlint.readers.cells import BLANK_MARKS, parse_number


class GridReading(TableReading):
    """One table read cell by cell: the header rows map grid columns to template columns."""

    def __init__(self, template: Template) -> None:
        super().__init__(template)
        self.columns: dict[int, str] = {}  # grid column -> template column id
        self.in_header = False  # the last row read was a header row that named columns
        self.alone: tuple[RowSpec, Cell | None, tuple[Cell, ...]] | None = None  # the last row: a label alone
        self.loose: list[Cell] = []  # the last row read: pieces of a label, no numbers

    def read_row(self, row: tuple[Cell, ...]) -> None:
        values = [j for j, cell in enumerate(row) if parse_number(cell.text) is not None]
        labels = _distinct([cell for cell in row if _words(cell.text)])  # words are never values
        if not values and self._header(row):
            return
        self.in_header = False
        alone, self.alone = self.alone, None
        loose, self.loose = self.loose, []
        if values and alone is not None:
            self._forget(alone[0].id)  # (the numbers may be its, its label maybe again beside them)
        spec, label = self._row_of(labels, bool(values))
        # Numbers beside no row's label (a group's at most), the row before a label alone or a
        # piece of one: a converter pulled the label out of its cell onto a row of its own.
        if values and alone is not None:
            if spec is None or (spec.group and self._within(alone[0], spec.id)):
                spec, label = alone[0], alone[1]
            elif spec != alone[0]:
                self._place(*alone)  # a row of its own after all, without numbers
                self.weak.add(alone[0].id)
        elif values and loose and (spec is None or spec.group):
            self._beside_pieces(loose)
            return
        elif spec is not None and not values and not spec.group:
            self.alone = (spec, label, row)
            self.weak.add(spec.id)  # its label again beside numbers later takes the row (docling repeats it)
        elif spec is None and not values:
            self.loose = [c for c in labels if len(split_label(c.text).core) > 1 and self.t.piece(c.text)]
        if spec is not None and spec.id in self.rows:
            self._forget(spec.id)  # (a row read off its label alone: match_row gives no other row read)
        if spec is None:
            if values and labels:
                for cell in labels:
                    self.problems.append(Problem("unknown_row", cell.span, self.t.id, "", {"found": cell.text}))
                return
            spec = next((r for r in self.t.unlabelled if r.id not in self.rows), None) if values else None
            if spec is None:
                if values:  # numbers in no row: one finding for them
                    self._extra("", [row[j] for j in values], None)
                return
        self._place(spec, label, row)
        if self.columns:
            # (a row wider than the header, its numbers taken in order by _place: none is extra)
            used = {j for j, c in self.columns.items() if c in spec.columns}
            placed = {cell.span for cell in self.rows[spec.id].cells}
            self._extra(spec.id, [row[j] for j in values if j not in used and row[j].span not in placed], spec)

    def _extra(self, row_id: str, cells: list[Cell], spec: RowSpec | None) -> None:
        """Numbers beyond the row's columns (or in no row at all)."""
        cells = _distinct(cells)
        if not cells:
            return
        detail = {"count": str(len(cells)), "found": " ".join(c.text for c in cells)}
        if spec is not None:
            detail["expected"] = str(len(spec.columns))
        self.problems.append(Problem("extra_number", Span(cells[0].span.start, cells[-1].span.end), self.t.id,
                                     row_id, detail))

    # -- header
    def _header(self, row: tuple[Cell, ...]) -> bool:
        """A row without numbers whose words name the template's columns: it maps its grid
        columns (a lower header row overrides an upper one, so 商业企业 under 法人或其他组织
        wins), walking left to right so labels that repeat in groups (table 四's 结果维持 in
        each of three groups) take the template's columns in order."""
        named: dict[int, str] = {}
        order = [c["id"] for c in self.t.columns]
        at = 0  # the template column the next header word may name, or one after it
        seen: dict[Span, str] = {}  # a merged header cell: its column, once
        for j, cell in enumerate(row):
            if not cell.text:
                continue
            if cell.span in seen:
                named[j] = seen[cell.span]
                continue
            if norm(cell.text) in self.t.superseded:
                self.superseded = self.superseded or cell
                continue
            candidates = self._column_ids(cell)
            if not candidates:
                continue
            later = [c for c in candidates if order.index(c) >= at]
            column = later[0] if later else candidates[0]
            at = order.index(column) + 1
            named[j] = seen[cell.span] = column
        if not named:  # a caption (第二十条第（五）项) or header words that name no column
            self.in_header = False
            return any(self.t.header_word(cell.text) for cell in row if cell.text)
        if self.in_header:
            # The header's next row: a cell merged over several grid columns names only those no
            # row above it named (“其他” drawn wider than its column must not take 总计's place).
            # A header after data rows starts a table of its own (table 二's parts): it renames all.
            spans = [cell.span for cell in row]
            named = {j: c for j, c in named.items() if spans.count(spans[j]) == 1 or j not in self.columns}
        kept = {j: c for j, c in self.columns.items() if j not in named}
        if not set(named.values()) & set(kept.values()):  # a header repeated with words of its own
            self.columns = kept | named  # (“… | 予以公开 | … | 总计”) would put 总计 in two places
        self.in_header = True
        return True

    def _column_ids(self, cell: Cell) -> list[str]:
        """The template columns a header word may name, in template order; a misspelt one
        (本年度止件数) is reported and taken for the column it resembles."""
        key = norm(cell.text)
        ids = [c["id"] for c in self.t.columns if key in _keys(c)]
        if ids:
            return ids
        before = len(self.problems)
        if self.header_cell(cell, False) and len(self.problems) > before:
            return [self.problems[-1].detail["column"]]
        return []

    # -- rows
    def _row_of(self, labels: list[Cell], has_values: bool) -> tuple[RowSpec | None, Cell | None]:
        """The row a row's label cells name: left to right, groups set the context of the
        numbered rows under them (三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密)."""
        found: tuple[RowSpec, Cell] | None = None
        for cell in labels:
            match = self.match_row(cell.text)
            if match is None:
                continue
            spec, exact = match
            if self._enter_group(spec, exact, cell) and not has_values:
                continue
            if not exact:
                self._reworded(spec, cell)
            found = (spec, cell)
        return found if found is not None else (None, None)

    def _place(self, spec: RowSpec, label: Cell | None, row: tuple[Cell, ...]) -> None:
        """The row's values, each from the grid column(s) of its template column."""
        numbers = _distinct([cell for cell in row if parse_number(cell.text) is not None])
        if self.columns:
            # (a piece of the table narrower than the one whose header mapped the columns, after
            # a page break, has no cell where it ends: none is read there)
            by_column = {
                c: _distinct([row[j] for j, cid in self.columns.items() if cid == c and j < len(row)])
                for c in spec.columns
            }
            if len(numbers) == len(spec.columns) and not all(
                sum(1 for cell in cells if parse_number(cell.text) is not None) == 1 for cells in by_column.values()
            ):
                # The header's grid does not line up with this row's cells (a Word table whose rows
                # are drawn with cells of other widths), but the row holds exactly one number per
                # column, in order: those are its values.
                by_column = {c: [cell] for c, cell in zip(spec.columns, numbers, strict=True)}
        else:
            if len(numbers) != len(spec.columns):
                anchor = label.span if label else numbers[0].span
                self.problems.append(Problem("missing_column", anchor, self.t.id, spec.id,
                                             {"count": str(len(numbers)), "expected": str(len(spec.columns))}))
                self.rows[spec.id] = RowMatch(spec.id, label.text if label else "", anchor, (), False)
                return
            by_column = {c: [cell] for c, cell in zip(spec.columns, numbers, strict=True)}
        cells: list[CellValue] = []
        complete = True
        for column in spec.columns:
            present = by_column.get(column, [])
            found = [cell for cell in present if cell.text]
            if len(found) > 1 and all(c.text == found[0].text for c in found):
                found = found[:1]  # a merged cell's text written in each grid place it covers (docling)
            cell = found[0] if len(found) == 1 else None
            value = parse_number(cell.text) if cell is not None else None
            # where the value stands, or would: its (empty) grid cell, else the row's label
            span = (cell or (present[0] if present else None) or label or Cell("", Span(0, 0))).span
            if cell is None or value is None:
                complete = False
                if cell is not None and cell.text not in BLANK_MARKS:
                    self.problems.append(Problem("bad_number", span, self.t.id, spec.id,
                                                 {"column": column, "found": cell.text}))
                elif len(found) > 1:
                    self.problems.append(Problem("bad_number", found[0].span, self.t.id, spec.id,
                                                 {"column": column, "found": " ".join(c.text for c in found)}))
                else:
                    self.problems.append(Problem("empty_cell", span, self.t.id, spec.id, {"column": column}))
            cells.append(CellValue(column, cell.text if cell is not None else "", value, span))
        anchor = label.span if label else next((c.span for c in cells if c.raw), Span(0, 0))
        self.rows[spec.id] = RowMatch(spec.id, label.text if label else "", anchor, tuple(cells), complete)

    def result(self, span: Span) -> tuple[TableMatch, list[Problem]]:
        self._extra("", self._group_numbers(), None)
        ordered = tuple(self.rows[r.id] for r in self.t.rows if r.id in self.rows)
        return TableMatch(self.t.id, span, ordered), self.problems + self.missing_rows(span)


def read_grid(template: Template, tables: Sequence[RawTable], span: Span) -> tuple[TableMatch, list[Problem]]:
    """Align grid tables (the pieces of one table, a page each) to a template."""
    reading = GridReading(template)
    for table in tables:
        for row in table.rows:
            reading.read_row(row)
    superseded = reading.superseded_problem(span)
    return superseded if superseded is not None else reading.result(span)


def _distinct(cells: list[Cell]) -> list[Cell]:
    """Each merged cell once (it stands, with one span, in every position it covers), in order."""
    seen: set[Span] = set()
    out = []
    for cell in cells:
        if cell.span not in seen or not cell.text:
            seen.add(cell.span)
            out.append(cell)
    return out


def _words(text: str) -> bool:
    """Text that may be a label: not empty, not a number, not a blank mark."""
    return bool(text) and text not in BLANK_MARKS and parse_number(text) is None


def _keys(column: dict[str, Any]) -> set[str]:
    return {norm(str(label)) for label in [column.get("label", column["id"]), *(column.get("aliases") or [])]}
