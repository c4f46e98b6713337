"""What reading one table against one template keeps, whichever path the table takes: the
rows found, the problems met, the group a numbered sub-row is under, and how a label or a
header word is matched. The grid path (:mod:`govlint.align.grid`) and the text-stream path
(:mod:`govlint.align.stream`) read on from here."""

from __future__ import annotations

from operator import attrgetter

from govlint.align.labels import Label, inner_label, norm, similarity, similarity_bound, split_label
from govlint.align.templates import ROW_SIM_NUMBERED, RowSpec, Template, column_label
from govlint.model import (
    Cell,
    Problem,
    RowMatch,
    Span,
    TableMatch,
)

ROW_SIM = 0.75
HEADER_SIM = 0.7


def has_text(cells: list[Cell]) -> bool:
    """Whether any of the cells holds text (asked of every row: a C loop, not a generator)."""
    return any(map(_TEXT, cells))


_TEXT = attrgetter("text")


def trim(cells: list[Cell]) -> list[Cell]:
    """Drop trailing empty cells (layout); explicit blank marks such as “/” stay values."""
    while cells and not cells[-1].text:
        cells.pop()
    return cells



class TableReading:
    """What reading one table against one template needs, whichever path the table takes
    (a grid, :mod:`govlint.align.grid`, or a stream of rows, :class:`govlint.align.stream.TableStream`): the rows
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

